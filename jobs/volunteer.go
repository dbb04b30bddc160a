package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// runVolunteers queues each community's volunteer reminders every tick: a
// task tomorrow (from 18:00 the evening before) and within the hour, a
// need unfilled 24 h before its start, and from 09:00 the hours waiting
// for confirmation. Each item has a stable key, so a tick queues only what
// came due since the last.
func (s *Scheduler) runVolunteers(ctx context.Context, now time.Time) error {
	if s.cfg.Volunteer == nil {
		return nil
	}
	page := domain.Page{First: domain.MaxPageSize}
	for {
		l, err := s.cfg.Communities.Communities(ctx, community.CommunityFilter{}, page)
		if err != nil {
			return err
		}
		for _, c := range l.Items {
			if _, err := s.cfg.Volunteer.Remind(ctx, c.ID, now); err != nil {
				return fmt.Errorf("volunteer reminders of %s: %w", c.ID, err)
			}
		}
		if !l.HasNextPage || len(l.Items) == 0 {
			return nil
		}
		page.After = l.Items[len(l.Items)-1].ID
	}
}
