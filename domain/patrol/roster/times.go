package roster

import (
	"slices"
	"time"
)

// segment is the part of a shift that falls on one local day: clock minutes
// [from, to) of date, rounded outwards to whole minutes.
type segment struct {
	day      time.Weekday
	date     Date
	from, to int
}

// segments splits [start, end) into local days of loc. Clock minutes are read
// on the clock, so a daylight-saving jump is seen as the clock shows it.
func segments(start, end time.Time, loc *time.Location) []segment {
	var segs []segment
	for t := start.In(loc); t.Before(end); {
		y, m, d := t.Date()
		next := time.Date(y, m, d+1, 0, 0, 0, 0, loc)
		sg := segment{day: t.Weekday(), date: Date{y, m, d}, from: t.Hour()*60 + t.Minute(), to: 1440}
		if end.Before(next) {
			e := end.In(loc)
			sg.to = e.Hour()*60 + e.Minute()
			if e.Second() != 0 || e.Nanosecond() != 0 {
				sg.to++
			}
		}
		segs = append(segs, sg)
		t = next
	}
	return segs
}

// span is a stretch of clock minutes, [a, b).
type span struct{ a, b int }

// availability is a member's limits and wishes, ready to test shifts against.
type availability struct {
	spans         [7][]span // merged weekly slots of each weekday
	noNights      bool
	daysOff       uint8 // bit d: weekday d
	datesOff      []Date
	preferDays    uint8
	preferTemplts []string
}

func newAvailability(mb *Member) *availability {
	av := &availability{noNights: mb.NoNights, datesOff: mb.DatesOff, preferTemplts: mb.PreferTemplates}
	for _, sl := range mb.Weekly {
		av.spans[sl.Day] = append(av.spans[sl.Day], span{sl.Start, sl.End})
	}
	for d := range av.spans {
		av.spans[d] = merge(av.spans[d])
	}
	for _, d := range mb.DaysOff {
		av.daysOff |= 1 << d
	}
	for _, d := range mb.PreferDays {
		av.preferDays |= 1 << d
	}
	return av
}

// exclude returns why the member cannot take sh, whose segments are segs, as
// an exclusion cause; -1 when they can.
func (av *availability) exclude(sh *Shift, segs []segment) int {
	if sh.Night && av.noNights {
		return exNights
	}
	for _, sg := range segs {
		if av.daysOff&(1<<sg.day) != 0 {
			return exDayOff
		}
	}
	for _, sg := range segs {
		if slices.Contains(av.datesOff, sg.date) {
			return exDateOff
		}
	}
	for _, sg := range segs {
		if !av.covers(sg) {
			return exUnavailable
		}
	}
	return -1
}

// covers reports whether one merged slot holds all of sg.
func (av *availability) covers(sg segment) bool {
	for _, s := range av.spans[sg.day] {
		if s.a <= sg.from && sg.to <= s.b {
			return true
		}
	}
	return false
}

// points returns the member's preference points for sh, which starts on day.
func (av *availability) points(sh *Shift, day time.Weekday) int8 {
	var n int8
	if av.preferDays&(1<<day) != 0 {
		n++
	}
	if slices.Contains(av.preferTemplts, sh.TemplateID) {
		n++
	}
	return n
}

// merge sorts spans by start and merges those that overlap or touch, in place.
func merge(spans []span) []span {
	slices.SortFunc(spans, func(x, y span) int { return x.a - y.a })
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.a <= out[n-1].b {
			out[n-1].b = max(out[n-1].b, s.b)
			continue
		}
		out = append(out, s)
	}
	return out
}
