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
	return s.eachCommunity(ctx, func(c community.Community) error {
		if _, err := r.Remind(ctx, c.ID, now); err != nil {
			return fmt.Errorf("%s reminders of %s: %w", area, c.ID, err)
		}
		return nil
	})
}

// eachCommunity calls fn with every community, a page at a time.
func (s *Scheduler) eachCommunity(ctx context.Context, fn func(community.Community) error) error {
	page := domain.Page{First: domain.MaxPageSize}
	for {
		l, err := s.cfg.Communities.Communities(ctx, community.CommunityFilter{}, page)
		if err != nil {
			return err
		}
		for _, c := range l.Items {
			if err := fn(c); err != nil {
				return err
			}
		}
		if !l.HasNextPage || len(l.Items) == 0 {
			return nil
		}
		page.After = l.Items[len(l.Items)-1].ID
	}
}

// patrolHoursAt is when, in each community's zone, the patrols walked go
// to the volunteers' time bank.
var patrolHoursAt = Daily{Hour: 3, Minute: 0}

// runPatrolHours credits, once a day per community, the patrol shifts
// walked and ended to the time bank of those who walked them, when they
// are volunteers: the patrol and volunteer areas know nothing of each
// other, and the jobs join them. Each shift is paid once (the transfer's
// ID is the shift's), so a crash between the two steps repeats neither.
func (s *Scheduler) runPatrolHours(ctx context.Context, now time.Time) error {
	return s.eachCommunity(ctx, func(c community.Community) error {
		_, err := RunDaily(ctx, s.cfg.Schedule, "patrol-hours:"+string(c.ID), patrolHoursAt, c.Location(), 0, now, func(ctx context.Context, _ time.Time) error {
			walked, err := s.cfg.Patrol.Uncredited(ctx, c.ID, now)
			if err != nil {
				return err
			}
			for _, p := range walked {
				if _, err := s.cfg.Volunteer.CreditPatrol(ctx, c.ID, p.UserID, p.ID, int(p.End.Sub(p.Start)/time.Minute), now); err != nil {
					return err
				}
				if err := s.cfg.Patrol.MarkCredited(ctx, p.ID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("patrol hours of %s: %w", c.ID, err)
		}
		return nil
	})
}
