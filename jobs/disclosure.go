package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain/community"
)

// disclosureRemindAt is when, in a community's zone, its disclosure
// reminders (due soon, overdue, unanswered questions) are queued.
var disclosureRemindAt = Daily{Hour: 9, Minute: 0}

// runDisclosures escalates the questions unanswered past their 7 days to
// the supervisory committee (each tick, so that on day 8 they move within
// the minute; each is escalated once) and, once a day at 09:00 in each
// community's zone, queues its disclosure reminders.
func (s *Scheduler) runDisclosures(ctx context.Context, now time.Time) error {
	if s.cfg.Disclosure == nil {
		return nil
	}
	if _, err := s.cfg.Disclosure.Escalate(ctx, now); err != nil {
		return fmt.Errorf("escalate questions: %w", err)
	}
	return s.eachCommunity(ctx, func(c community.Community) error {
		_, err := RunDaily(ctx, s.cfg.Schedule, "disclosure-reminders:"+string(c.ID), disclosureRemindAt, c.Location(), 12*time.Hour, now,
			func(ctx context.Context, occ time.Time) error {
				_, err := s.cfg.Disclosure.Remind(ctx, c.ID, now)
				return err
			})
		if err != nil {
			return fmt.Errorf("disclosure reminders of %s: %w", c.ID, err)
		}
		return nil
	})
}
