package match

import (
	"time"
)

// chinaTime is China Standard Time, the zone used when a need names none.
var chinaTime = time.FixedZone("CST", 8*60*60)

// maxWindow is the longest window matched; a longer one is invalid input.
const maxWindow = 7 * 24 * 60

// segment is the part of a window that falls on one local day: clock minutes
// [from, to) of day, starting off minutes into the window.
type segment struct {
	day      time.Weekday
	from, to int
	off      int
}

// span is a range of minutes from the window's start, [a, b).
type span struct{ a, b int }

// segments splits the window of minutes starting at start into local days.
// Clock minutes are read in loc; a daylight-saving jump shifts the clock by
// its size, which the China zone never has.
func segments(start time.Time, minutes int, loc *time.Location) []segment {
	var segs []segment
	t := start.In(loc)
	for off := 0; off < minutes; {
		clock := t.Hour()*60 + t.Minute()
		take := min(24*60-clock, minutes-off)
		segs = append(segs, segment{day: t.Weekday(), from: clock, to: clock + take, off: off})
		off += take
		t = t.Add(time.Duration(take) * time.Minute)
	}
	return segs
}

// scratch holds buffers reused across volunteers.
type scratch struct {
	avail, away []span
}

// available returns the minutes of o's window that v's weekly slots cover,
// less the time v is away when withAway is set.
func (o *occurrence) available(v *Volunteer, sc *scratch, withAway bool) int {
	spans := sc.avail[:0]
	for _, sg := range o.segs {
		for _, s := range v.Weekly {
			if s.Day != sg.day {
				continue
			}
			if a, b := max(s.Start, sg.from), min(s.End, sg.to); a < b {
				spans = append(spans, span{sg.off + a - sg.from, sg.off + b - sg.from})
			}
		}
	}
	sc.avail = spans
	if len(spans) == 0 {
		return 0
	}
	spans = merge(spans)
	total := 0
	for _, s := range spans {
		total += s.b - s.a
	}
	if !withAway || len(v.Away) == 0 {
		return total
	}
	away := sc.away[:0]
	for _, p := range v.Away {
		a := max(floorMinutes(p.Start.Sub(o.Start)), 0)
		b := min(ceilMinutes(p.End.Sub(o.Start)), o.minutes)
		if a < b {
			away = append(away, span{a, b})
		}
	}
	sc.away = away
	return total - overlap(spans, merge(away))
}

// merge sorts spans by start and merges those that overlap or touch, in place.
func merge(spans []span) []span {
	for i := 1; i < len(spans); i++ { // insertion sort: there are a handful
		for j := i; j > 0 && spans[j].a < spans[j-1].a; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
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

// overlap returns the minutes two merged span lists share.
func overlap(x, y []span) int {
	total, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		if a, b := max(x[i].a, y[j].a), min(x[i].b, y[j].b); a < b {
			total += b - a
		}
		if x[i].b < y[j].b {
			i++
		} else {
			j++
		}
	}
	return total
}

func floorMinutes(d time.Duration) int {
	m := d / time.Minute
	if d < 0 && d%time.Minute != 0 {
		m--
	}
	return int(m)
}

func ceilMinutes(d time.Duration) int {
	m := d / time.Minute
	if d > 0 && d%time.Minute != 0 {
		m++
	}
	return int(m)
}

// overlaps reports whether p shares any time with [start, end).
func (p Period) overlaps(start, end time.Time) bool {
	return p.Start.Before(end) && start.Before(p.End)
}
