package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// reminder is an area that queues a community's reminders due at now,
// each under a stable key, so that running it every tick queues only what
// came due since the last: the volunteer service (a task tomorrow and
// within the hour, a need unfilled 24 h ahead, hours to confirm) and the
// patrols (a shift tomorrow and within the hour, a place open 48 h ahead,
// a report untriaged for a day, a referral overdue).
type reminder interface {
	Remind(ctx context.Context, communityID domain.ID, now time.Time) (int, error)
}

// runReminders has an area queue every community's reminders.
func (s *Scheduler) runReminders(ctx context.Context, now time.Time, area string, r reminder) error {
	page := domain.Page{First: domain.MaxPageSize}
	for {
		l, err := s.cfg.Communities.Communities(ctx, community.CommunityFilter{}, page)
		if err != nil {
			return err
		}
		for _, c := range l.Items {
			if _, err := r.Remind(ctx, c.ID, now); err != nil {
				return fmt.Errorf("%s reminders of %s: %w", area, c.ID, err)
			}
		}
		if !l.HasNextPage || len(l.Items) == 0 {
			return nil
		}
		page.After = l.Items[len(l.Items)-1].ID
	}
}
