package domain

import (
	"fmt"
	"time"
)

// UniqueIDs returns ids without repeats, in the order they first appear.
// More than max distinct IDs is an Invalid error about field.
func UniqueIDs(field string, ids []ID, max int) ([]ID, error) {
	seen := make(map[ID]bool, len(ids))
	out := make([]ID, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if len(out) > max {
		return nil, InvalidField(field, "最多选择 %d 项", "choose at most %d", max)
	}
	return out, nil
}

// TimeWithin refuses a time before now-back or after now+ahead with an
// Invalid error about field, so that no stored time is absurd (a year past
// 9999 cannot even be written as RFC 3339).
func TimeWithin(field string, t, now time.Time, back, ahead time.Duration) error {
	if t.Before(now.Add(-back)) || t.After(now.Add(ahead)) {
		return InvalidText(field, Text{
			ZH: fmt.Sprintf("时间须在 %s 到 %s 之间", now.Add(-back).Format("2006-01-02"), now.Add(ahead).Format("2006-01-02")),
			EN: fmt.Sprintf("the time must be between %s and %s", now.Add(-back).Format("2006-01-02"), now.Add(ahead).Format("2006-01-02")),
		})
	}
	return nil
}

// Bounds of time inputs: a year back, ten years ahead.
const (
	YearBack   = 366 * 24 * time.Hour
	TenYearsOn = 10 * 366 * 24 * time.Hour
)
