package roster

import (
	"cmp"
	"slices"
)

// plan is a roster being built.
type plan struct {
	p      *problem
	on     [][]int32 // on[s]: members on shift s
	has    [][]int32 // has[m]: shifts of member m
	load   []milli   // load[m]: the weights of m's shifts
	count  []int32   // count[m*weeks+w]: m's shifts in week w
	prio   []int32   // prio[m]: m's place in a seeded order of the members, for ties
	byPrio []int32   // the members in that order
	work   int       // fits checks made, which bounds search
	order  []int     // a seeded order of the shifts, for the local search

	prev    []step // augment's search tree, valid where seen == stamp
	seen    []int
	reached []int // members reached by chain, where reached == stamp
	stamp   int
}

// step records that shift k was reached in augment's search because member,
// on k, could move to shift parent.
type step struct {
	parent int
	member int32
}

func newPlan(p *problem) *plan {
	pl := &plan{
		p:     p,
		on:    make([][]int32, len(p.shifts)),
		has:   make([][]int32, len(p.members)),
		load:  make([]milli, len(p.members)),
		count: make([]int32, len(p.members)*p.weeks),
		prev:  make([]step, len(p.shifts)),
		seen:  make([]int, len(p.shifts)),
	}
	pl.reached = make([]int, len(p.members))
	pl.prio = make([]int32, len(p.members))
	for i, m := range p.rng.Perm(len(p.members)) {
		pl.prio[m] = int32(i)
		pl.byPrio = append(pl.byPrio, int32(m))
	}
	pl.order = p.rng.Perm(len(p.shifts))
	return pl
}

func (pl *plan) add(m int32, s int) {
	pl.on[s] = append(pl.on[s], m)
	pl.has[m] = append(pl.has[m], int32(s))
	pl.load[m] += pl.p.weight[s]
	pl.count[int(m)*pl.p.weeks+int(pl.p.week[s])]++
}

func (pl *plan) remove(m int32, s int) {
	pl.on[s] = deleteOne(pl.on[s], m)
	pl.has[m] = deleteOne(pl.has[m], int32(s))
	pl.load[m] -= pl.p.weight[s]
	pl.count[int(m)*pl.p.weeks+int(pl.p.week[s])]--
}

// move moves member m from shift from to shift to.
func (pl *plan) move(m int32, from, to int) {
	pl.remove(m, from)
	pl.add(m, to)
}

func deleteOne(s []int32, x int32) []int32 {
	if k := slices.Index(s, x); k >= 0 {
		return slices.Delete(s, k, k+1)
	}
	return s
}

func (pl *plan) isOn(m int32, s int) bool { return slices.Contains(pl.on[s], m) }

// fits reports whether member m, eligible for shift s and not on it, could
// take s after leaving shift drop (-1 for none): their weekly limit and no
// conflict with their other shifts. It does not look at s's positions.
func (pl *plan) fits(m int32, s, drop int) bool {
	p := pl.p
	pl.work++
	if lim := p.limit[m]; lim > 0 {
		c := pl.count[int(m)*p.weeks+int(p.week[s])]
		if drop >= 0 && p.week[drop] == p.week[s] {
			c--
		}
		if int(c) >= lim {
			return false
		}
	}
	for _, t := range pl.has[m] {
		if int(t) != drop && p.conflict(int(t), s) {
			return false
		}
	}
	return true
}

// better reports whether member a is a better pick than b (-1 for none) for
// shift s: less load, then more preference points, then the seeded order.
func (pl *plan) better(a, b int32, s int) bool {
	if b < 0 {
		return true
	}
	return cmp.Or(
		cmp.Compare(pl.load[a], pl.load[b]),
		cmp.Compare(pl.p.prefers(b, s), pl.p.prefers(a, s)),
		cmp.Compare(pl.prio[a], pl.prio[b]),
	) < 0
}

// greedy fills the shifts up to their minimums, scarcest first (fewest
// members who can take it per position), each position with the best member
// free for it.
func (pl *plan) greedy() {
	p := pl.p
	order := make([]int, 0, len(p.shifts))
	for s := range p.shifts {
		if p.min[s] > 0 {
			order = append(order, s)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(len(p.elig[a])*p.min[b], len(p.elig[b])*p.min[a])
	})
	for _, s := range order {
		for len(pl.on[s]) < p.min[s] {
			best := int32(-1)
			for _, m := range p.elig[s] {
				if pl.better(m, best, s) && !pl.isOn(m, s) && pl.fits(m, s, -1) {
					best = m
				}
			}
			if best < 0 {
				break
			}
			pl.add(best, s)
		}
	}
}

// fillAll fills positions below the minimums by augmenting chains until a
// round over the shifts fills none. It reports whether it filled any.
func (pl *plan) fillAll() bool {
	filledAny := false
	for filled := true; filled; {
		filled = false
		for s := range pl.p.shifts {
			for len(pl.on[s]) < pl.p.min[s] && pl.augment(s) {
				filled, filledAny = true, true
			}
		}
	}
	return filledAny
}

// augment looks, breadth first, for a chain that fills one more position of
// shift root: a member free for root takes it, or one moves to root from
// another shift that a member free for it then takes, and so on. Each shift
// and each member appears in a chain at most once, so each move can be
// checked on the plan as it stands.
func (pl *plan) augment(root int) bool {
	p := pl.p
	pl.stamp++
	pl.seen[root] = pl.stamp
	queue := []int{root}
	for q := 0; q < len(queue); q++ {
		k := queue[q]
		for _, m := range p.elig[k] {
			if pl.isOn(m, k) || pl.inChain(m, k, root) {
				continue
			}
			if pl.fits(m, k, -1) {
				pl.apply(m, k, root)
				return true
			}
			for _, t := range pl.has[m] {
				if pl.seen[t] == pl.stamp || !pl.fits(m, k, int(t)) {
					continue
				}
				pl.seen[t] = pl.stamp
				pl.prev[t] = step{parent: k, member: m}
				queue = append(queue, int(t))
			}
		}
	}
	return false
}

// inChain reports whether member m moves in the chain from shift k to root.
func (pl *plan) inChain(m int32, k, root int) bool {
	for ; k != root; k = pl.prev[k].parent {
		if pl.prev[k].member == m {
			return true
		}
	}
	return false
}

// apply carries out the chain found by augment: m takes shift k, and each
// member in the chain moves up to the shift that reached theirs.
func (pl *plan) apply(m int32, k, root int) {
	pl.add(m, k)
	for ; k != root; k = pl.prev[k].parent {
		s := pl.prev[k]
		pl.move(s.member, k, s.parent)
	}
}
