package volunteer

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// ReliabilityWindow is how far back no-shows and late cancellations count.
const ReliabilityWindow = 180 * 24 * time.Hour

// Reliability is a volunteer's record over ReliabilityWindow.
type Reliability struct {
	Done        int // tasks confirmed
	NoShows     int // not withdrawn after a dispute
	LateCancels int // cancelled within LateCancel of the start
}

// Reliability returns a volunteer's record: to themself and coordinators.
// Errors: Unauthenticated, Forbidden.
func (s *Service) Reliability(ctx context.Context, communityID, userID domain.ID) (Reliability, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return Reliability{}, err
	}
	if a.UserID != userID && !a.coordinator() {
		return Reliability{}, errNotCoordinator
	}
	st, err := s.statsOf(ctx, communityID, s.now())
	return st[userID].reliability, err
}

// volunteerStats is what matching reads of a volunteer's history.
type volunteerStats struct {
	reliability Reliability
	minutes30d  int // confirmed or claimed minutes of tasks that started in the last 30 days
	// claimed are the windows of their live claims from 30 days back on,
	// for overlaps and weekly limits.
	claimed []window
}

// statsOf reads every volunteer's history in a community at now: a fixed
// number of queries whatever the size.
func (s *Service) statsOf(ctx context.Context, communityID domain.ID, now time.Time) (map[domain.ID]*volunteerStats, error) {
	out := map[domain.ID]*volunteerStats{}
	get := func(id domain.ID) *volunteerStats {
		if out[id] == nil {
			out[id] = &volunteerStats{}
		}
		return out[id]
	}
	claims, err := s.findClaimsIn(ctx, communityID, window{now.Add(-ReliabilityWindow), now.Add(needAheadLimit)})
	if err != nil {
		return nil, err
	}
	since30 := now.Add(-30 * 24 * time.Hour)
	for _, c := range claims {
		st := get(c.Volunteer)
		switch ClaimState(c.State) {
		case Confirmed:
			st.reliability.Done++
		case NoShow:
			st.reliability.NoShows++
			continue
		case Excused, Void:
			continue
		}
		if !c.Start.Before(since30) {
			st.claimed = append(st.claimed, window{c.Start, c.End})
			if c.Start.Before(now) {
				m := c.Minutes
				if m == 0 {
					m = int(c.End.Sub(c.Start) / time.Minute)
				}
				st.minutes30d += m
			}
		}
	}
	late, err := s.findLateCancellations(ctx, communityID, now.Add(-ReliabilityWindow))
	for id, n := range late {
		get(id).reliability.LateCancels = n
	}
	return out, err
}
