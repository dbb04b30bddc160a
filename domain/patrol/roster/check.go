package roster

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Violation is a hard constraint a roster breaks.
type Violation struct {
	Code     Code
	ShiftID  string // the shift concerned, if any
	MemberID string // the member concerned, if any
	Text     domain.Text
}

// Check verifies r against the hard constraints of in, independently of
// Build: every assignment names a shift and a member of in, once; each member
// is only on shifts entirely within their weekly slots, on none of their days
// or dates off, on no night shift if they take none, on no two overlapping
// shifts, on no shift less than 12 hours after the end of their night shift,
// and on no more shifts in a week than their limit; no shift has more members
// than its maximum; and r.Unfilled lists exactly the shifts below their
// minimum, each with the positions missing, none of which a member could
// join as the roster stands. It returns the violations found, none for a
// sound roster; an invalid input gives one violation, InvalidInput.
//
// Check walks each shift slot by slot on the zone's clock and compares every
// pair of a member's shifts: it is meant to be plain rather than fast.
func Check(r Roster, in Input) []Violation {
	if err := validate(in); err != nil {
		e, _ := domain.AsError(err)
		return []Violation{{Code: InvalidInput, Text: e.Message}}
	}
	c := checker{zone: cmp.Or(in.Zone, chinaTime), shifts: map[string]*Shift{}, members: map[string]*Member{}}
	for i := range in.Shifts {
		c.shifts[in.Shifts[i].ID] = &in.Shifts[i]
	}
	for i := range in.Members {
		c.members[in.Members[i].ID] = &in.Members[i]
	}

	on := map[string][]string{}  // shift ID -> member IDs
	has := map[string][]*Shift{} // member ID -> shifts
	for _, a := range r.Assignments {
		sh, mb := c.shifts[a.ShiftID], c.members[a.MemberID]
		switch {
		case sh == nil:
			c.add(UnknownShift, a.ShiftID, a.MemberID, "排班中的班次不存在", "the roster names an unknown shift")
			continue
		case mb == nil:
			c.add(UnknownMember, a.ShiftID, a.MemberID, "排班中的队员不存在", "the roster names an unknown member")
			continue
		case slices.Contains(on[sh.ID], mb.ID):
			c.add(Duplicate, sh.ID, mb.ID, "同一队员在同一班次排了两次", "the member is on the shift twice")
			continue
		}
		on[sh.ID] = append(on[sh.ID], mb.ID)
		has[mb.ID] = append(has[mb.ID], sh)
		for _, code := range c.cannot(mb, sh) {
			c.add(code, sh.ID, mb.ID, violationText[code].zh, violationText[code].en)
		}
	}

	ids := make([]string, 0, len(has))
	for id := range has {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		c.checkMember(c.members[id], has[id])
	}

	unfilled := map[string]Unfilled{}
	for _, u := range r.Unfilled {
		if _, dup := unfilled[u.ShiftID]; dup || c.shifts[u.ShiftID] == nil {
			c.add(Unreported, u.ShiftID, "", "缺员名单中的班次重复或不存在", "Unfilled names a shift twice or an unknown shift")
			continue
		}
		unfilled[u.ShiftID] = u
	}
	for i := range in.Shifts {
		sh := &in.Shifts[i]
		n := len(on[sh.ID])
		if n > sh.Max {
			c.add(OverMax, sh.ID, "", "班次人数超过上限 "+strconv.Itoa(sh.Max), "more members than the shift's maximum of "+strconv.Itoa(sh.Max))
		}
		u, listed := unfilled[sh.ID]
		switch {
		case n >= sh.Min && listed:
			c.add(Unreported, sh.ID, "", "班次人数已够，却列为缺员", "the shift is listed as short but is not")
		case n < sh.Min && (!listed || u.Missing != sh.Min-n || u.Reason.Code == ""):
			c.add(Unreported, sh.ID, "", "班次缺 "+strconv.Itoa(sh.Min-n)+" 人，缺员名单不符", "the shift is "+strconv.Itoa(sh.Min-n)+" short, which Unfilled does not say")
		}
		if n < sh.Min {
			c.checkShort(sh, on[sh.ID], has, in.Members)
		}
	}
	return c.found
}

// checker holds the input looked up by ID and the violations found.
type checker struct {
	zone    *time.Location
	shifts  map[string]*Shift
	members map[string]*Member
	found   []Violation
}

func (c *checker) add(code Code, shiftID, memberID, zh, en string) {
	c.found = append(c.found, Violation{Code: code, ShiftID: shiftID, MemberID: memberID, Text: domain.Text{ZH: zh, EN: en}})
}

var violationText = map[Code]struct{ zh, en string }{
	NoNights:    {"该队员不上夜班", "the member takes no night shifts"},
	DayOff:      {"班次落在该队员每周休息的日子", "the shift falls on the member's weekday off"},
	DateOff:     {"班次落在该队员请假的日期", "the shift falls on a date the member is away"},
	Unavailable: {"班次不完全在该队员的可巡逻时段内", "the shift is not entirely within the member's weekly slots"},
	WeeklyLimit: {"超过该队员每周班次上限", "more shifts in the week than the member's limit"},
	Overlap:     {"该队员的两个班次时间重叠", "two of the member's shifts overlap"},
	Rest:        {"夜班结束后不到 12 小时又排了班", "a shift less than 12 hours after the member's night shift"},
	UnderMin:    {"班次人数不足，但有队员可以加入", "the shift is short, yet a member could join it"},
}

// cannot returns the constraints of mb's own that sh breaks: nights, days
// off and dates off on each local day the shift touches, and weekly slots.
func (c *checker) cannot(mb *Member, sh *Shift) []Code {
	var out []Code
	if sh.Night && mb.NoNights {
		out = append(out, NoNights)
	}
	var dayOff, dateOff bool
	for t := sh.Start.In(c.zone); t.Before(sh.End); {
		y, m, d := t.Date()
		dayOff = dayOff || slices.Contains(mb.DaysOff, t.Weekday())
		dateOff = dateOff || slices.Contains(mb.DatesOff, Date{y, m, d})
		t = time.Date(y, m, d+1, 0, 0, 0, 0, c.zone)
	}
	for _, x := range []struct {
		broken bool
		code   Code
	}{{dayOff, DayOff}, {dateOff, DateOff}, {!c.covered(mb, sh), Unavailable}} {
		if x.broken {
			out = append(out, x.code)
		}
	}
	return out
}

// covered reports whether mb's weekly slots cover sh on the zone's clock,
// rounded outwards to whole minutes: from each moment, the slot holding its
// minute that ends last carries the walk to that end, until the shift's.
func (c *checker) covered(mb *Member, sh *Shift) bool {
	for t := sh.Start.In(c.zone); t.Before(sh.End); {
		clock, end := t.Hour()*60+t.Minute(), -1
		for _, s := range mb.Weekly {
			if s.Day == t.Weekday() && s.Start <= clock && clock < s.End {
				end = max(end, s.End)
			}
		}
		if end < 0 {
			return false
		}
		y, m, d := t.Date()
		next := time.Date(y, m, d, 0, end, 0, 0, c.zone)
		if !next.After(t) { // a clock turned back: go on minute by minute
			next = t.Truncate(time.Minute).Add(time.Minute)
		}
		t = next
	}
	return true
}

// clash returns Overlap or Rest when one member cannot take both a and b,
// "" when they can.
func clash(a, b *Shift) Code {
	if a.Start.After(b.Start) || a.Start.Equal(b.Start) && a.ID > b.ID {
		a, b = b, a
	}
	switch {
	case a.Start.Before(b.End) && b.Start.Before(a.End):
		return Overlap
	case a.Night && b.Start.Before(a.End.Add(12*time.Hour)):
		return Rest
	}
	return ""
}

// checkMember checks the constraints between mb's shifts: overlaps, rest
// after nights and the weekly limit.
func (c *checker) checkMember(mb *Member, shifts []*Shift) {
	slices.SortFunc(shifts, func(a, b *Shift) int { return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID)) })
	for i, a := range shifts {
		for _, b := range shifts[i+1:] {
			if code := clash(a, b); code != "" {
				c.add(code, b.ID, mb.ID, violationText[code].zh+"（"+a.ID+"）", violationText[code].en+" ("+a.ID+")")
			}
		}
	}
	if mb.MaxPerWeek == 0 {
		return
	}
	week := map[[2]int]int{}
	for _, sh := range shifts {
		y, w := sh.Start.In(c.zone).ISOWeek()
		if week[[2]int{y, w}]++; week[[2]int{y, w}] == mb.MaxPerWeek+1 {
			c.add(WeeklyLimit, sh.ID, mb.ID, violationText[WeeklyLimit].zh, violationText[WeeklyLimit].en)
		}
	}
}

// checkShort reports sh, below its minimum with the members on it, when a
// member of the team could join it as the roster stands.
func (c *checker) checkShort(sh *Shift, on []string, has map[string][]*Shift, members []Member) {
	y, w := sh.Start.In(c.zone).ISOWeek()
	for i := range members {
		mb := &members[i]
		if slices.Contains(on, mb.ID) || len(c.cannot(mb, sh)) > 0 {
			continue
		}
		free, inWeek := true, 0
		for _, t := range has[mb.ID] {
			if clash(sh, t) != "" {
				free = false
			}
			if ty, tw := t.Start.In(c.zone).ISOWeek(); ty == y && tw == w {
				inWeek++
			}
		}
		if free && (mb.MaxPerWeek == 0 || inWeek < mb.MaxPerWeek) {
			c.add(UnderMin, sh.ID, mb.ID, violationText[UnderMin].zh, violationText[UnderMin].en)
			return
		}
	}
}
