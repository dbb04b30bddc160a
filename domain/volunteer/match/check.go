package match

import (
	"time"
)

// occurrence is a need prepared for matching.
type occurrence struct {
	*Need
	minutes    int
	segs       []segment
	credential []bool // per required skill: it needs a verified credential here
	dist       [5]Factor
}

// prepare readies n for matching; it returns a reason when n's window is not
// at least a minute long or is longer than a week.
func prepare(n *Need) (*occurrence, *Reason) {
	minutes := int(n.End.Sub(n.Start) / time.Minute)
	if minutes < 1 || n.End.Sub(n.Start) > maxWindow*time.Minute {
		return nil, &Reason{Code: InvalidWindow, Text: txt(
			"需求时段无效：结束须晚于开始至少一分钟，且不超过一周",
			"invalid window: the end must be at least a minute after the start, within a week")}
	}
	loc := n.Zone
	if loc == nil {
		loc = chinaTime
	}
	o := &occurrence{Need: n, minutes: minutes, segs: segments(n.Start, minutes, loc)}
	o.credential = make([]bool, len(n.Required))
	for i, r := range n.Required {
		o.credential[i] = n.Sensitive && r.Credentialed
	}
	o.dist = o.distances()
	return o, nil
}

// fails is a set of failed hard constraints.
type fails uint16

// The hard constraints, in the order of failCodes.
const (
	failPaused fails = 1 << iota
	failClaimed
	failSkill
	failUnverified
	failCredential
	failAvailable
	failBusy
	failWeekly
)

// failCodes are the exclusion codes in the order they are reported.
var failCodes = [...]Code{Paused, Claimed, MissingSkill, Unverified, UnverifiedCredential, Unavailable, Busy, WeeklyLimit}

// skill states: how a volunteer's best matching skill meets a skill need.
const (
	lacks      = iota // not held at the level asked
	unverified        // held, but its credential is needed and not verified
	holds             // counts
)

// holding returns how v meets the skill need s and the level of v's best
// matching skill; credential says a verified credential is needed.
func holding(v *Volunteer, s SkillNeed, credential bool) (state, level int) {
	for _, h := range v.Skills {
		if h.Name != s.Name {
			continue
		}
		lv := max(h.Level, 1)
		st := lacks
		if lv >= s.Level {
			st = holds
			if credential && !h.Verified {
				st = unverified
			}
		}
		if st > state || st == state && lv > level {
			state, level = st, lv
		}
	}
	return state, level
}

// check applies the hard constraints to v and returns the failed ones and
// the minutes of the window v is available. With quick set it stops at the
// first failure, checking the cheap constraints first.
func (o *occurrence) check(v *Volunteer, sc *scratch, quick bool) (f fails, avail int) {
	if v.Paused {
		if f |= failPaused; quick {
			return f, 0
		}
	}
	for _, id := range o.Claimed {
		if id == v.ID {
			f |= failClaimed
			break
		}
	}
	if quick && f != 0 {
		return f, 0
	}
	for i, r := range o.Required {
		switch st, _ := holding(v, r, o.credential[i]); st {
		case lacks:
			f |= failSkill
		case unverified:
			f |= failCredential
		}
	}
	if o.Sensitive && !v.Verified {
		f |= failUnverified
	}
	if v.MaxWeekMinutes > 0 && max(v.WeekMinutes, 0)+o.minutes > v.MaxWeekMinutes {
		f |= failWeekly
	}
	for _, p := range v.Busy {
		if p.overlaps(o.Start, o.End) {
			f |= failBusy
			break
		}
	}
	if quick && f != 0 {
		return f, 0
	}
	if avail = o.available(v, sc, true); avail <= 0 {
		f |= failAvailable
	}
	return f, avail
}
