package roster

import (
	"slices"
	"strconv"
	"strings"

	"github.com/yishi-app/yishi/domain"
)

// roster writes the plan out.
func (pl *plan) roster() Roster {
	p := pl.p
	var r Roster
	for s, on := range pl.on {
		on = slices.Clone(on)
		slices.Sort(on) // members are sorted by ID
		for _, m := range on {
			r.Assignments = append(r.Assignments, Assignment{ShiftID: p.shifts[s].ID, MemberID: p.members[m].ID})
			r.Preferred += p.prefers(m, s)
		}
		if len(on) < p.min[s] {
			r.Unfilled = append(r.Unfilled, Unfilled{ShiftID: p.shifts[s].ID, Missing: p.min[s] - len(on), Reason: pl.reason(s)})
		}
	}
	counted := 0
	for m, mb := range p.members {
		c := len(p.eligOf[m]) > 0
		if c {
			counted++
		}
		r.Loads = append(r.Loads, Load{MemberID: mb.ID, Weight: fromMilli(pl.load[m]), Shifts: len(pl.has[m]), Counted: c})
	}
	lo, hi := pl.extremes()
	r.Spread = fromMilli(hi - lo)
	r.LowerBound = fromMilli(p.lowerBound(pl.fill()))
	r.Continued = pl.countPairs().score()
	r.Fairness = figure(r, counted, lo, hi)
	return r
}

// fill returns the members on each shift.
func (pl *plan) fill() []int {
	fill := make([]int, len(pl.on))
	for s, on := range pl.on {
		fill[s] = len(on)
	}
	return fill
}

// figure sums a roster's fairness up in one line.
func figure(r Roster, counted int, lo, hi milli) domain.Text {
	n := strconv.Itoa(counted)
	zh := "负担差 " + num(r.Spread) + "（下界 " + num(r.LowerBound) + "）：" + n + " 位可排班队员每人承担 " + span2(lo, hi, "–")
	en := "spread " + num(r.Spread) + " (lower bound " + num(r.LowerBound) + "): " + n + " members who can patrol carry " + span2(lo, hi, " to ") + " each"
	if counted == 0 {
		zh = "负担差 0：没有队员能上任何一班"
		en = "spread 0: no member can take any shift"
	}
	switch k := len(r.Unfilled); {
	case k == 1:
		zh += "；1 个班次人数不足"
		en += "; 1 shift short"
	case k > 1:
		zh += "；" + strconv.Itoa(k) + " 个班次人数不足"
		en += "; " + strconv.Itoa(k) + " shifts short"
	}
	return domain.Text{ZH: zh, EN: en}
}

func span2(lo, hi milli, sep string) string {
	if lo == hi {
		return num(fromMilli(lo))
	}
	return num(fromMilli(lo)) + sep + num(fromMilli(hi))
}

// num formats a weight: 1.5, 2, 0.125.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// reason explains why shift s is below its minimum in the plan.
func (pl *plan) reason(s int) Reason {
	p := pl.p
	elig := len(p.elig[s])
	if elig == 0 {
		zh, en := excludedText(p.excluded[s])
		return Reason{Code: NoneAvailable, Text: domain.Text{
			ZH: "没有队员能上这一班" + zh,
			EN: "no member can take this shift" + en,
		}}
	}
	if len(pl.on[s]) == elig {
		k := strconv.Itoa(elig)
		return Reason{Code: FewAvailable, Text: domain.Text{
			ZH: "只有 " + k + " 位队员能上这一班，都已排上",
			EN: "only " + k + " members can take this shift, all of them on it",
		}}
	}
	var limit, busy, rest int
	for _, m := range p.elig[s] {
		if pl.isOn(m, s) {
			continue
		}
		if lim := p.limit[m]; lim > 0 && int(pl.count[int(m)*p.weeks+int(p.week[s])]) >= lim {
			limit++
			continue
		}
		overlap := false
		for _, t := range pl.has[m] {
			if p.from[t] < p.to[s] && p.from[s] < p.to[t] {
				overlap = true
			}
		}
		if overlap {
			busy++
		} else {
			rest++
		}
	}
	var zh, en []string
	for _, c := range []struct {
		n      int
		zh, en string
	}{{limit, "本周班次已满 ", "at their weekly limit: "}, {busy, "同时段已有班次 ", "on an overlapping shift: "}, {rest, "夜班后休息不足 12 小时 ", "resting after a night shift: "}} {
		if c.n > 0 {
			zh = append(zh, c.zh+strconv.Itoa(c.n)+" 人")
			en = append(en, c.en+strconv.Itoa(c.n))
		}
	}
	return Reason{Code: AtLimit, Text: domain.Text{
		ZH: "能上这一班的其他队员都排不开（" + strings.Join(zh, "，") + "）",
		EN: "the other members who can take this shift are all taken (" + strings.Join(en, ", ") + ")",
	}}
}

// excludedText lists the causes that keep members off a shift.
func excludedText(ex [exCauses]int32) (zh, en string) {
	labels := [exCauses]struct{ zh, en string }{
		exNights:      {"不上夜班 ", "no night shifts: "},
		exDayOff:      {"当天休息 ", "day off: "},
		exDateOff:     {"当天请假 ", "away that day: "},
		exUnavailable: {"不在可巡逻时段 ", "not available then: "},
	}
	var zs, es []string
	for c, n := range ex {
		if n > 0 {
			zs = append(zs, labels[c].zh+strconv.Itoa(int(n))+" 人")
			es = append(es, labels[c].en+strconv.Itoa(int(n)))
		}
	}
	if len(zs) == 0 {
		return "", ""
	}
	return "（" + strings.Join(zs, "，") + "）", " (" + strings.Join(es, ", ") + ")"
}
