package roster_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // Asia/Shanghai on machines without a zone database

	"github.com/yishi-app/yishi/domain/patrol/roster"
)

// shanghai is the team's zone in the tests.
func shanghai(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// at returns day days after Monday 2 March 2026 at hh:mm in loc.
func at(loc *time.Location, day, hh, mm int) time.Time {
	return time.Date(2026, 3, 2+day, hh, mm, 0, 0, loc)
}

// template is a kind of shift in the generated teams.
type template struct {
	id      string
	hh, mm  int
	minutes int
	night   bool
}

var templates = []template{
	{"morning", 8, 0, 120, false},
	{"afternoon", 14, 0, 120, false},
	{"evening", 19, 0, 120, false},
	{"night", 22, 0, 480, true},
}

var routes = []string{"东街", "西街", "河堤"}

// genConfig shapes a random team.
type genConfig struct {
	members int
	days    int
	perDay  int  // shifts a day at most (templates in order, the night last)
	maxPos  int  // the most positions of a shift
	odd     bool // odd weights (0.75, 1.25) besides 1, 1.5 and 2
	dense   bool // wide availability and few limits: more contention for load, less for places
}

// genTeam returns a random team in loc: shifts from templates over cfg.days
// days from Monday 2 March 2026 and members with varied slots, limits and
// wishes.
func genTeam(r *rand.Rand, loc *time.Location, cfg genConfig) roster.Input {
	in := roster.Input{Zone: loc, Seed: fmt.Sprint(r.Uint64())}
	for d := range cfg.days {
		for k, tp := range templates[:cfg.perDay] {
			if r.IntN(4) == 0 && k > 0 {
				continue // not every template every day
			}
			start := at(loc, d, tp.hh, tp.mm)
			sh := roster.Shift{
				ID: fmt.Sprintf("d%02d-%s", d, tp.id), RouteID: routes[r.IntN(len(routes))], TemplateID: tp.id,
				Start: start, End: start.Add(time.Duration(tp.minutes) * time.Minute),
				Weight: 1, Night: tp.night,
			}
			sh.Max = 1 + r.IntN(cfg.maxPos)
			sh.Min = max(sh.Max-r.IntN(2), 1)
			if r.IntN(10) == 0 {
				sh.Min = 0
			}
			switch wd := start.Weekday(); {
			case tp.night:
				sh.Weight = 2
			case wd == time.Saturday || wd == time.Sunday:
				sh.Weight = 1.5
			}
			if cfg.odd && r.IntN(5) == 0 {
				sh.Weight = []float64{0.75, 1.25, 3}[r.IntN(3)]
			}
			in.Shifts = append(in.Shifts, sh)
		}
	}
	for j := range cfg.members {
		mb := roster.Member{ID: fmt.Sprintf("m%03d", j)}
		for range 1 + r.IntN(5) {
			day := time.Weekday(r.IntN(7))
			from, hours := (6+r.IntN(14))*60, 2+r.IntN(10)
			if cfg.dense {
				from, hours = (6+r.IntN(3))*60, 10+r.IntN(8)
			}
			mb.Weekly = append(mb.Weekly, roster.Slot{Day: day, Start: from, End: min(from+hours*60, 1440)})
			if r.IntN(4) == 0 { // on into the night
				mb.Weekly = append(mb.Weekly, roster.Slot{Day: day, Start: 20 * 60, End: 1440}, roster.Slot{Day: (day + 1) % 7, Start: 0, End: 8 * 60})
			}
		}
		if !cfg.dense || r.IntN(3) == 0 {
			mb.MaxPerWeek = r.IntN(4)
		}
		mb.NoNights = r.IntN(2) == 0
		if r.IntN(5) == 0 {
			mb.DaysOff = []time.Weekday{time.Weekday(r.IntN(7))}
		}
		if r.IntN(5) == 0 && cfg.days > 0 {
			d := at(loc, r.IntN(cfg.days), 0, 0)
			for k := range 1 + r.IntN(5) {
				y, m, dd := d.AddDate(0, 0, k).Date()
				mb.DatesOff = append(mb.DatesOff, roster.Date{Year: y, Month: m, Day: dd})
			}
		}
		if r.IntN(2) == 0 {
			mb.PreferDays = []time.Weekday{time.Weekday(r.IntN(7))}
		}
		if r.IntN(2) == 0 {
			mb.PreferTemplates = []string{templates[r.IntN(len(templates))].id}
		}
		if j > 0 && r.IntN(3) == 0 {
			route := ""
			if r.IntN(2) == 0 {
				route = routes[r.IntN(len(routes))]
			}
			mb.Partners = []roster.Partner{{MemberID: fmt.Sprintf("m%03d", r.IntN(j)), RouteID: route}}
		}
		in.Members = append(in.Members, mb)
	}
	return in
}

// canTake reports whether mb's own limits let them take sh, the plain way:
// every minute of the shift on the zone's clock within a slot, on no weekday
// or date off, and no night for those who take none. It shares no code with
// the package.
func canTake(mb roster.Member, sh roster.Shift, loc *time.Location) bool {
	if sh.Night && mb.NoNights {
		return false
	}
	for t := sh.Start; t.Before(sh.End); t = t.Add(time.Minute) {
		lt := t.In(loc)
		if slices.Contains(mb.DaysOff, lt.Weekday()) {
			return false
		}
		for _, d := range mb.DatesOff {
			if d.Year == lt.Year() && d.Month == lt.Month() && d.Day == lt.Day() {
				return false
			}
		}
		free := false
		for _, s := range mb.Weekly {
			if s.Day == lt.Weekday() && s.Start <= lt.Hour()*60+lt.Minute() && lt.Hour()*60+lt.Minute() < s.End {
				free = true
			}
		}
		if !free {
			return false
		}
	}
	return true
}

// apart reports whether one member may take both a and b: no overlap, and
// the later starts at least 12 hours after the earlier ends if that was a
// night shift.
func apart(a, b roster.Shift) bool {
	if b.Start.Before(a.Start) {
		a, b = b, a
	}
	if b.Start.Before(a.End) {
		return false
	}
	return !a.Night || !b.Start.Before(a.End.Add(12*time.Hour))
}

// monday returns the Monday of t's week in loc, as a date.
func monday(t time.Time, loc *time.Location) time.Time {
	lt := t.In(loc)
	back := (int(lt.Weekday()) + 6) % 7
	y, m, d := lt.AddDate(0, 0, -back).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// naiveViolations returns what r breaks of in's hard constraints, checked the
// plain way over every pair of assignments, and where r.Unfilled does not
// match the shifts below their minimum. It shares no code with the package,
// Check included.
func naiveViolations(in roster.Input, r roster.Roster) []string {
	loc := cmpZone(in.Zone)
	shifts := map[string]roster.Shift{}
	for _, sh := range in.Shifts {
		shifts[sh.ID] = sh
	}
	members := map[string]roster.Member{}
	for _, mb := range in.Members {
		members[mb.ID] = mb
	}
	var out []string
	count := map[string]int{}
	for x, a := range r.Assignments {
		sh, okS := shifts[a.ShiftID]
		mb, okM := members[a.MemberID]
		if !okS || !okM {
			out = append(out, fmt.Sprintf("assignment %+v names an unknown shift or member", a))
			continue
		}
		if !canTake(mb, sh, loc) {
			out = append(out, fmt.Sprintf("member %s cannot take shift %s", mb.ID, sh.ID))
		}
		count[sh.ID]++
		week := 0
		for y, b := range r.Assignments {
			other, ok := shifts[b.ShiftID]
			if b.MemberID != a.MemberID || !ok {
				continue
			}
			if b.ShiftID == a.ShiftID {
				week++
				if y > x {
					out = append(out, fmt.Sprintf("member %s twice on shift %s", mb.ID, sh.ID))
				}
				continue
			}
			if !apart(sh, other) {
				out = append(out, fmt.Sprintf("member %s on shifts %s and %s, which clash", mb.ID, sh.ID, b.ShiftID))
			}
			if monday(other.Start, loc).Equal(monday(sh.Start, loc)) {
				week++
			}
		}
		if mb.MaxPerWeek > 0 && week > mb.MaxPerWeek {
			out = append(out, fmt.Sprintf("member %s has %d shifts in the week of %s, over their limit %d", mb.ID, week, sh.ID, mb.MaxPerWeek))
		}
	}
	short := map[string]int{}
	for _, u := range r.Unfilled {
		short[u.ShiftID] += u.Missing
		if u.Reason.Code == "" || u.Reason.Text.ZH == "" || u.Reason.Text.EN == "" {
			out = append(out, fmt.Sprintf("unfilled %+v has no reason", u))
		}
		if _, ok := shifts[u.ShiftID]; !ok {
			out = append(out, fmt.Sprintf("unfilled %+v names an unknown shift", u))
		}
	}
	for _, sh := range in.Shifts {
		if count[sh.ID] > sh.Max {
			out = append(out, fmt.Sprintf("shift %s has %d members, over its maximum %d", sh.ID, count[sh.ID], sh.Max))
		}
		if want := max(sh.Min-count[sh.ID], 0); short[sh.ID] != want {
			out = append(out, fmt.Sprintf("shift %s: Unfilled says %d missing, want %d", sh.ID, short[sh.ID], want))
		}
	}
	return out
}

func cmpZone(loc *time.Location) *time.Location {
	if loc == nil {
		return time.FixedZone("UTC+8", 8*3600)
	}
	return loc
}

// naiveCheck fails tb when naiveViolations finds anything, or when r's loads
// and spread do not add up or the spread is below the lower bound.
func naiveCheck(tb testing.TB, in roster.Input, r roster.Roster) {
	tb.Helper()
	if v := naiveViolations(in, r); len(v) > 0 {
		tb.Fatalf("%d violations, first: %s", len(v), v[0])
	}
	loc := cmpZone(in.Zone)
	weight := map[string]float64{}
	for _, sh := range in.Shifts {
		weight[sh.ID] = sh.Weight
	}
	load := map[string]float64{}
	for _, a := range r.Assignments {
		load[a.MemberID] += weight[a.ShiftID]
	}
	lo, hi, counted := 0.0, 0.0, 0
	for i, l := range r.Loads {
		mb := in.Members[slices.IndexFunc(in.Members, func(m roster.Member) bool { return m.ID == l.MemberID })]
		can := slices.ContainsFunc(in.Shifts, func(sh roster.Shift) bool { return canTake(mb, sh, loc) })
		if l.Counted != can || !near(l.Weight, load[l.MemberID]) || i > 0 && r.Loads[i-1].MemberID >= l.MemberID {
			tb.Fatalf("load %+v, want weight %v, counted %v, in ID order", l, load[l.MemberID], can)
		}
		if !can {
			continue
		}
		if counted == 0 || l.Weight < lo {
			lo = l.Weight
		}
		if counted == 0 || l.Weight > hi {
			hi = l.Weight
		}
		counted++
	}
	if len(r.Loads) != len(in.Members) || !near(r.Spread, hi-lo) {
		tb.Fatalf("got %d loads and spread %v, want %d and %v", len(r.Loads), r.Spread, len(in.Members), hi-lo)
	}
	if r.Spread < r.LowerBound-1e-9 {
		tb.Fatalf("spread %v below the lower bound %v", r.Spread, r.LowerBound)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// enumerate calls leaf with the fill of each shift and the load of each
// member for every roster of in that keeps the hard constraints and has
// between lo(s) and hi(s) members on each shift s, trying them all.
func enumerate(in roster.Input, lo, hi func(roster.Shift) int, leaf func(fill []int, load []float64)) {
	loc := in.Zone
	n := len(in.Members)
	has := make([][]int, n)
	load := make([]float64, n)
	fill := make([]int, len(in.Shifts))
	fits := func(m, s int) bool {
		mb, sh := in.Members[m], in.Shifts[s]
		if !canTake(mb, sh, loc) {
			return false
		}
		week := 1
		for _, t := range has[m] {
			if !apart(sh, in.Shifts[t]) {
				return false
			}
			if monday(in.Shifts[t].Start, loc).Equal(monday(sh.Start, loc)) {
				week++
			}
		}
		return mb.MaxPerWeek == 0 || week <= mb.MaxPerWeek
	}
	var try func(s, from int)
	try = func(s, from int) { // shift s, adding members from index from on
		if s == len(in.Shifts) {
			leaf(fill, load)
			return
		}
		sh := in.Shifts[s]
		if fill[s] >= lo(sh) {
			try(s+1, 0)
		}
		if fill[s] == hi(sh) {
			return
		}
		for m := from; m < n; m++ {
			if !fits(m, s) {
				continue
			}
			has[m] = append(has[m], s)
			load[m] += sh.Weight
			fill[s]++
			try(s, m+1)
			fill[s]--
			load[m] -= sh.Weight
			has[m] = has[m][:len(has[m])-1]
		}
	}
	try(0, 0)
}

// bestFill returns the most positions towards the minimums that any roster
// of in keeping the hard constraints fills: Σ min(fill, Min).
func bestFill(in roster.Input) int {
	best := 0
	enumerate(in, func(roster.Shift) int { return 0 }, func(sh roster.Shift) int { return sh.Min }, func(fill []int, _ []float64) {
		sum := 0
		for _, f := range fill {
			sum += f
		}
		best = max(best, sum)
	})
	return best
}

// minSpread returns the smallest spread of any roster of in keeping the hard
// constraints with need(s) to hi(s) members on each shift s; ok is false
// when there is none.
func minSpread(in roster.Input, need, hi func(roster.Shift) int) (spread float64, ok bool) {
	counted := make([]bool, len(in.Members))
	for m, mb := range in.Members {
		counted[m] = slices.ContainsFunc(in.Shifts, func(sh roster.Shift) bool { return canTake(mb, sh, in.Zone) })
	}
	spread = -1
	enumerate(in, need, hi, func(_ []int, load []float64) {
		lo, hi, first := 0.0, 0.0, true
		for m, l := range load {
			if !counted[m] {
				continue
			}
			if first || l < lo {
				lo = l
			}
			if first || l > hi {
				hi = l
			}
			first = false
		}
		if spread < 0 || hi-lo < spread {
			spread = hi - lo
		}
	})
	return spread, spread >= 0
}
