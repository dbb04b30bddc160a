package match

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// problem is a week's needs and volunteers prepared for Propose and Optimum.
type problem struct {
	needs    []*occurrence         // the needs considered, in input order
	slots    []int                 // open slots of each need
	from, to []int64               // each need's window in Unix seconds
	vols     []*Volunteer          // deduplicated, sorted by ID
	cand     [][]int32             // cand[i]: volunteers eligible for need i, ascending
	elig     [][]int32             // elig[j]: needs volunteer j is eligible for, ascending
	firsts   [][len(failCodes)]int // firsts[i][k]: volunteers excluded from need i, first by failCodes[k]
	budget   []int                 // minutes volunteer j may take on top of WeekMinutes
	load     []int                 // minutes j served or committed before the proposal
	skipped  []Unfilled
	open     int
}

func newProblem(needs []Need, vols []Volunteer) *problem {
	w := &problem{}
	seen := make(map[string]struct{}, len(needs))
	for i := range needs {
		n := &needs[i]
		u := Unfilled{NeedID: n.ID, Slots: max(n.Slots, 0)}
		if _, dup := seen[n.ID]; dup {
			u.Reason = Reason{Code: DuplicateNeed, Text: txt("与前面的需求编号重复", "an earlier need has the same ID")}
			w.skipped = append(w.skipped, u)
			continue
		}
		seen[n.ID] = struct{}{}
		o, bad := prepare(n)
		switch {
		case bad != nil:
			u.Reason = *bad
		case n.Slots <= 0:
			u.Reason = Reason{Code: NoSlots, Text: txt("没有空缺名额", "no open slot")}
		default:
			w.needs = append(w.needs, o)
			w.slots = append(w.slots, n.Slots)
			w.from = append(w.from, n.Start.Unix())
			w.to = append(w.to, n.End.Unix())
			w.open += n.Slots
			continue
		}
		w.skipped = append(w.skipped, u)
	}

	byID := make(map[string]struct{}, len(vols))
	for i := range vols {
		if _, dup := byID[vols[i].ID]; !dup {
			byID[vols[i].ID] = struct{}{}
			w.vols = append(w.vols, &vols[i])
		}
	}
	slices.SortStableFunc(w.vols, func(a, b *Volunteer) int { return cmp.Compare(a.ID, b.ID) })
	for _, v := range w.vols {
		budget := math.MaxInt32
		if v.MaxWeekMinutes > 0 {
			budget = v.MaxWeekMinutes - max(v.WeekMinutes, 0)
		}
		w.budget = append(w.budget, budget)
		w.load = append(w.load, max(v.RecentMinutes, 0)+max(v.WeekMinutes, 0))
	}

	w.cand = make([][]int32, len(w.needs))
	w.elig = make([][]int32, len(w.vols))
	w.firsts = make([][len(failCodes)]int, len(w.needs))
	var sc scratch
	for i, o := range w.needs {
		for j, v := range w.vols {
			f, _ := o.check(v, &sc, true)
			if f != 0 {
				w.firsts[i][firstIndex(f)]++
				continue
			}
			w.cand[i] = append(w.cand[i], int32(j))
			w.elig[j] = append(w.elig[j], int32(i))
		}
	}
	return w
}

// dur returns need i's length in minutes.
func (w *problem) dur(i int) int { return w.needs[i].minutes }

// overlap reports whether needs i and k share any time.
func (w *problem) overlap(i, k int) bool { return w.from[i] < w.to[k] && w.from[k] < w.to[i] }

// cost is the fairness cost of adding d minutes to a load of l minutes: the
// growth of its square.
func cost(l, d int) int64 { return 2*int64(l)*int64(d) + int64(d)*int64(d) }

// unfilled explains why need i has open slots left with filled proposed.
func (w *problem) unfilled(i, filled int) Unfilled {
	u := Unfilled{NeedID: w.needs[i].ID, Slots: w.slots[i] - filled, Candidates: len(w.cand[i])}
	if len(w.cand[i]) > filled {
		n := strconv.Itoa(len(w.cand[i]))
		u.Reason = Reason{Code: Taken, Text: txt(
			"符合条件的 "+n+" 位志愿者已安排到同时段的其他需求或本周时长已满",
			"the "+n+" eligible volunteers are proposed for overlapping needs or at their weekly limit")}
		return u
	}
	var zh, en []string
	for k, count := range w.firsts[i] {
		if count > 0 {
			zh = append(zh, failLabels[k].ZH+" "+strconv.Itoa(count)+" 人")
			en = append(en, failLabels[k].EN+": "+strconv.Itoa(count))
		}
	}
	zhs, ens := "没有符合条件的志愿者", "nobody meets the need's requirements"
	if filled > 0 {
		zhs, ens = "符合条件的志愿者都已安排在此，没有更多", "every eligible volunteer is proposed here; there are no more"
	}
	if len(zh) > 0 {
		zhs += "（" + strings.Join(zh, "，") + "）"
		ens += " (" + strings.Join(en, ", ") + ")"
	}
	u.Reason = Reason{Code: NoCandidates, Text: txt(zhs, ens)}
	return u
}

// failLabels name the hard constraints in short, in the order of failCodes.
var failLabels = [...]struct{ ZH, EN string }{
	{"已暂停", "paused"},
	{"已认领", "already claimed"},
	{"缺少必需技能", "missing a required skill"},
	{"身份未核验", "identity not verified"},
	{"资质未核验", "credential not verified"},
	{"时段无空", "not available"},
	{"同时段已有安排", "committed elsewhere"},
	{"本周时长已满", "at the weekly limit"},
}

// firstIndex returns the index in failCodes of the first failure in f.
func firstIndex(f fails) int {
	for k := range failCodes {
		if f&(1<<k) != 0 {
			return k
		}
	}
	return 0
}
