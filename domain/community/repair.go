package community

import (
	"context"
	"time"
)

// Repair finishes what a stop can leave half done in this area: join and
// community-request decisions claimed but not carried out, grants whose revocation was
// recorded but that did not go, then the roles cached on member documents. It returns how many things it fixed. cmd runs it at start-up
// and jobs in the daily clean-up.
func (s *Service) Repair(ctx context.Context, now time.Time) (int, error) {
	decisions, err := s.RepairJoinDecisions(ctx, now)
	if err != nil {
		return decisions, err
	}
	requests, err := s.repairRequests(ctx, now)
	if err != nil {
		return decisions + requests, err
	}
	revoked, err := s.repairRevocations(ctx)
	if err != nil {
		return decisions + requests + revoked, err
	}
	roles, err := s.RepairRoles(ctx)
	return decisions + requests + revoked + roles, err
}
