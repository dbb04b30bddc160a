package patrol

import (
	"fmt"
	"slices"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Shift is one time a template's route is walked: a day of the roster's
// month, with its positions to fill.
type Shift struct {
	ID          domain.ID // rosterID-templateID-yyyymmdd: the same in the draft and once published
	TeamID      domain.ID
	CommunityID domain.ID
	TemplateID  domain.ID
	RouteID     domain.ID
	Start, End  time.Time
	Min, Max    int
	Weight      float64
	Night       bool
}

// Month is a roster's period, written 2026-12.
type Month string

// ParseMonth reads a month written 2026-12. Errors: Invalid (field).
func ParseMonth(field, s string) (Month, time.Time, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return "", time.Time{}, domain.InvalidField(field, "月份须写作 2026-12", "write the month as 2026-12")
	}
	return Month(s), t, nil
}

// shiftsOf expands templates into the shifts of a month in loc, in time
// order: one per template and day on which it runs.
func shiftsOf(rosterID domain.ID, templates []Template, first time.Time, loc *time.Location) []Shift {
	start := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, loc)
	var out []Shift
	for day := start; day.Month() == start.Month(); day = day.AddDate(0, 0, 1) {
		for _, t := range templates {
			if !slices.Contains(t.Days, day.Weekday()) {
				continue
			}
			// Wall-clock minutes in the zone: a day of a time change keeps its local times.
			s := time.Date(day.Year(), day.Month(), day.Day(), t.Start/60, t.Start%60, 0, 0, loc)
			endDay := day
			if t.Overnight {
				endDay = day.AddDate(0, 0, 1)
			}
			end := time.Date(endDay.Year(), endDay.Month(), endDay.Day(), t.End/60, t.End%60, 0, 0, loc)
			out = append(out, Shift{ID: domain.ID(fmt.Sprintf("%s-%s-%s", rosterID, t.ID, day.Format("20060102"))), TeamID: t.TeamID,
				CommunityID: t.CommunityID, TemplateID: t.ID, RouteID: t.RouteID, Start: s, End: end, Min: t.Min, Max: t.Max, Weight: t.Weight, Night: t.Night})
		}
	}
	slices.SortStableFunc(out, func(a, b Shift) int { return a.Start.Compare(b.Start) })
	return out
}
