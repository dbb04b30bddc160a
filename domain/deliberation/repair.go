package deliberation

import (
	"context"
	"time"
)

// Repair finishes what a stop can leave half done in this area (after
// moving claims that older versions kept on the timeline to their own
// collection): tallies
// short of their supports (and the thresholds they reach), state changes
// claimed but not made, times out of range, and public facts missing from
// the record (RecordMissing). It returns how many things
// it fixed. cmd runs it at start-up and jobs in the daily clean-up.
func (s *Service) Repair(ctx context.Context, now time.Time) (int, error) {
	if _, err := s.moveClaimsOutOfTimeline(ctx); err != nil {
		return 0, err
	}
	tallies, err := s.RepairTallies(ctx)
	if err != nil {
		return tallies, err
	}
	topics, err := s.RepairTopics(ctx, now)
	if err != nil {
		return tallies + topics, err
	}
	times, err := s.RepairTimes(ctx)
	if err != nil {
		return tallies + topics + times, err
	}
	recorded, err := s.RecordMissing(ctx)
	return tallies + topics + times + recorded, err
}
