package match

import (
	"cmp"
	"slices"
)

// Assignment proposes a volunteer for a need.
type Assignment struct {
	NeedID      string
	VolunteerID string
}

// Unfilled is a need with open slots that a proposal leaves open, or that
// Propose did not consider.
type Unfilled struct {
	NeedID     string
	Slots      int // slots left open
	Candidates int // volunteers eligible for the need on its own
	Reason     Reason
}

// Proposal is the outcome of Propose.
type Proposal struct {
	Assignments []Assignment // by need in input order, then by volunteer ID
	Open        int          // open slots of the needs considered
	Covered     int          // slots the proposal fills: len(Assignments)
	Unfilled    []Unfilled   // needs with slots left open, in input order
	// Skipped are needs not considered: a duplicate ID, an invalid window,
	// no open slot. Their Slots is as given (at least 0).
	Skipped []Unfilled
	// FairnessCost is how much the proposal grows the sum over volunteers of
	// their squared load, in hours², where a volunteer's load is their
	// RecentMinutes plus WeekMinutes plus the minutes proposed: the lower,
	// the more evenly the work falls on those who served less.
	FairnessCost float64
}

// Share returns the proposal's coverage as a share of the bound's, 1 when the
// bound is 0.
func (p Proposal) Share(b Bound) float64 {
	if b.Slots == 0 {
		return 1
	}
	return float64(p.Covered) / float64(b.Slots)
}

// Propose proposes volunteers for the open slots of a week's needs: first as
// many slots as it can, then the smallest FairnessCost. It keeps every hard
// constraint of Rank for each need, and across the week never proposes a
// volunteer for two overlapping needs, nor for more minutes than their weekly
// limit leaves (MaxWeekMinutes less WeekMinutes, where WeekMinutes are the
// minutes already committed in this week), nor twice for one need.
//
// The needs are expected to fall in one week. Propose is a heuristic: a greedy
// pass fills the scarcest needs first (fewest eligible volunteers per slot),
// each slot with the volunteer whose load grows least; augmenting chains then
// move volunteers between needs to free one for an open slot, or move one from
// a need to two open ones; last, swaps lower the fairness cost. Optimum
// bounds how far from the best it is.
func Propose(week []Need, vols []Volunteer) Proposal {
	w := newProblem(week, vols)
	p := newPlan(w)
	p.greedy()
	p.augmentAll()
	p.balance()

	out := Proposal{Open: w.open, Skipped: w.skipped}
	for i, o := range w.needs {
		slices.Sort(p.on[i])
		for _, j := range p.on[i] {
			out.Assignments = append(out.Assignments, Assignment{NeedID: o.ID, VolunteerID: w.vols[j].ID})
		}
		if len(p.on[i]) < w.slots[i] {
			out.Unfilled = append(out.Unfilled, w.unfilled(i, len(p.on[i])))
		}
	}
	out.Covered = len(out.Assignments)
	var c int64
	for j, u := range p.used {
		c += cost(w.load[j], u)
	}
	out.FairnessCost = float64(c) / 3600
	return out
}

// plan is a proposal being built.
type plan struct {
	w    *problem
	on   [][]int32 // on[i]: volunteers proposed for need i
	has  [][]int32 // has[j]: needs proposed for volunteer j
	used []int     // minutes proposed for volunteer j

	prev  []step // augment's search tree, valid where seen == stamp
	seen  []int
	stamp int
}

// step records that need k was reached in augment's search because vol, on
// k, could move to need parent.
type step struct {
	parent int
	vol    int32
}

func newPlan(w *problem) *plan {
	return &plan{
		w:    w,
		on:   make([][]int32, len(w.needs)),
		has:  make([][]int32, len(w.vols)),
		used: make([]int, len(w.vols)),
		prev: make([]step, len(w.needs)),
		seen: make([]int, len(w.needs)),
	}
}

// fits reports whether volunteer j could take need i after leaving need drop
// (-1 for none).
func (p *plan) fits(j int32, i, drop int) bool {
	d := p.w.dur(i)
	if drop >= 0 {
		d -= p.w.dur(drop)
	}
	if p.used[j]+d > p.w.budget[j] {
		return false
	}
	for _, k := range p.has[j] {
		if int(k) == i || int(k) != drop && p.w.overlap(int(k), i) {
			return false
		}
	}
	return true
}

func (p *plan) add(j int32, i int) {
	p.on[i] = append(p.on[i], j)
	p.has[j] = append(p.has[j], int32(i))
	p.used[j] += p.w.dur(i)
}

func (p *plan) remove(j int32, i int) {
	p.on[i] = deleteOne(p.on[i], j)
	p.has[j] = deleteOne(p.has[j], int32(i))
	p.used[j] -= p.w.dur(i)
}

func deleteOne(s []int32, x int32) []int32 {
	if k := slices.Index(s, x); k >= 0 {
		return slices.Delete(s, k, k+1)
	}
	return s
}

func (p *plan) isOn(j int32, i int) bool { return slices.Contains(p.on[i], j) }

// greedy fills the needs scarcest first, each slot with the volunteer whose
// load grows least.
func (p *plan) greedy() {
	w := p.w
	order := make([]int, len(w.needs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		// fewer candidates per slot first: |cand a| / slots a < |cand b| / slots b
		if c := cmp.Compare(len(w.cand[a])*w.slots[b], len(w.cand[b])*w.slots[a]); c != 0 {
			return c
		}
		return cmp.Compare(w.from[a], w.from[b])
	})
	for _, i := range order {
		for len(p.on[i]) < w.slots[i] {
			best, bestCost := int32(-1), int64(0)
			for _, j := range w.cand[i] {
				if !p.fits(j, i, -1) {
					continue
				}
				if c := cost(w.load[j]+p.used[j], w.dur(i)); best < 0 || c < bestCost {
					best, bestCost = j, c
				}
			}
			if best < 0 {
				break
			}
			p.add(best, i)
		}
	}
}

// augmentAll fills open slots by augmenting chains and repacking until a
// round over the needs fills none.
func (p *plan) augmentAll() {
	for filled := true; filled; {
		filled = false
		for i := range p.w.needs {
			for len(p.on[i]) < p.w.slots[i] && (p.augment(i) || p.repack(i)) {
				filled = true
			}
		}
	}
}

// repack fills a slot of need i by moving a volunteer from another need m to
// i when they can then also take a third need k with an open slot: m loses
// one, i and k gain one each.
func (p *plan) repack(i int) bool {
	w := p.w
	for _, j := range w.cand[i] {
		for x := 0; x < len(p.has[j]); x++ {
			m := int(p.has[j][x])
			if !p.fits(j, i, m) {
				continue
			}
			p.remove(j, m)
			p.add(j, i)
			for _, k := range w.elig[j] {
				if int(k) != m && len(p.on[k]) < w.slots[k] && p.fits(j, int(k), -1) {
					p.add(j, int(k))
					return true
				}
			}
			p.remove(j, i)
			p.add(j, m)
		}
	}
	return false
}

// augment looks, breadth first, for a chain that fills one more slot of need
// root: a volunteer free for root takes it, or one moves to root from another
// need that a volunteer free for it then takes, and so on. Each need and each
// volunteer appears in a chain at most once, so each move can be checked on
// the plan as it stands.
func (p *plan) augment(root int) bool {
	w := p.w
	p.stamp++
	p.seen[root] = p.stamp
	queue := []int{root}
	for q := 0; q < len(queue); q++ {
		k := queue[q]
		for _, j := range w.cand[k] {
			if p.isOn(j, k) || p.inChain(j, k, root) {
				continue
			}
			if p.fits(j, k, -1) {
				p.apply(j, k, root)
				return true
			}
			for _, m := range p.has[j] {
				if p.seen[m] == p.stamp || !p.fits(j, k, int(m)) {
					continue
				}
				p.seen[m] = p.stamp
				p.prev[m] = step{parent: k, vol: j}
				queue = append(queue, int(m))
			}
		}
	}
	return false
}

// inChain reports whether volunteer j moves in the chain from need k to root.
func (p *plan) inChain(j int32, k, root int) bool {
	for ; k != root; k = p.prev[k].parent {
		if p.prev[k].vol == j {
			return true
		}
	}
	return false
}

// apply carries out the chain found by augment: j takes need k, and each
// volunteer in the chain moves up to the need that reached theirs.
func (p *plan) apply(j int32, k, root int) {
	p.add(j, k)
	for ; k != root; k = p.prev[k].parent {
		s := p.prev[k]
		p.remove(s.vol, k)
		p.add(s.vol, s.parent)
	}
}

// balance swaps a proposed volunteer for a free eligible one when that lowers
// the fairness cost, until no swap does (or a few rounds pass).
func (p *plan) balance() {
	w := p.w
	for range 8 {
		swapped := false
		for i := range w.needs {
			d := w.dur(i)
			for x := 0; x < len(p.on[i]); x++ {
				j := p.on[i][x]
				save := cost(w.load[j]+p.used[j]-d, d)
				best, bestCost := int32(-1), save
				for _, u := range w.cand[i] {
					if c := cost(w.load[u]+p.used[u], d); c < bestCost && p.fits(u, i, -1) {
						best, bestCost = u, c
					}
				}
				if best >= 0 {
					p.remove(j, i)
					p.add(best, i)
					swapped = true
				}
			}
		}
		if !swapped {
			return
		}
	}
}
