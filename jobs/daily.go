package jobs

import (
	"context"
	"errors"
	"time"

	"github.com/yishi-app/yishi/domain/schedule"
)

// Daily is a local wall-clock time each day, or each week on Weekday. It
// yields exactly one occurrence per day in every zone: on a spring-forward
// day a time in the skipped hour falls at the same distance after the jump
// (02:30 becomes 03:30), and on a fall-back day a repeated time counts once.
// (robfig/cron skips such a day altogether.)
type Daily struct {
	Weekday      *time.Weekday
	Hour, Minute int
}

// on returns the occurrence on the local calendar day of d.
func (d Daily) on(y int, m time.Month, day int, loc *time.Location) time.Time {
	return time.Date(y, m, day, d.Hour, d.Minute, 0, 0, loc)
}

// Prev returns the latest occurrence at or before t, in loc.
func (d Daily) Prev(t time.Time, loc *time.Location) time.Time {
	local := t.In(loc)
	for back := 0; back <= 8; back++ {
		day := local.AddDate(0, 0, -back)
		occ := d.on(day.Year(), day.Month(), day.Day(), loc)
		if d.Weekday != nil && day.Weekday() != *d.Weekday {
			continue
		}
		if !occ.After(t) {
			return occ.UTC()
		}
	}
	return time.Time{}
}

// RunDaily runs job's latest occurrence at or before now, unless it already
// ran: the occurrence is claimed in runs first, so each runs once however
// many instances tick and however late the tick comes. An occurrence more
// than maxLate old is let go (0 means never). A run that fails is released,
// to be tried again at the next tick. It reports whether this call ran it.
func RunDaily(ctx context.Context, runs *schedule.Service, job string, at Daily, loc *time.Location, maxLate time.Duration, now time.Time, run func(ctx context.Context, occurrence time.Time) error) (bool, error) {
	occ := at.Prev(now, loc)
	if occ.IsZero() || (maxLate > 0 && now.Sub(occ) > maxLate) {
		return false, nil
	}
	claimed, err := runs.Claim(ctx, job, occ, now)
	if err != nil || !claimed {
		return false, err
	}
	if err := run(ctx, occ); err != nil {
		return true, errors.Join(err, runs.Release(ctx, job, occ))
	}
	return true, nil
}
