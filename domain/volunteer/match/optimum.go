package match

import (
	"cmp"
	"slices"
)

// Bound is what the best proposal for a week could at most achieve.
type Bound struct {
	Open int // open slots of the needs considered, as in Proposal
	// Slots is an upper bound of the slots any proposal can cover: the
	// optimum of a relaxation (see Optimum). When Exact is set it is the true
	// maximum.
	Slots int
	Exact bool
	// FairnessCost, in hours² as in Proposal, is a lower bound of the
	// fairness cost of any proposal that covers Slots slots (when Exact is
	// not set no proposal may reach Slots; compare only at equal coverage).
	FairnessCost float64
}

// Optimum bounds what Propose could achieve for the same week: the most slots
// any proposal meeting every hard constraint can cover, and the least fairness
// cost at that coverage.
//
// It solves a min-cost maximum flow on the slot graph, source → volunteer →
// volunteer's clique → need → sink, with an edge for each volunteer eligible
// for a need on its own (Rank's hard constraints), which is a relaxation of
// Propose's problem:
//
//   - A volunteer's minute budget becomes a count: the most of their eligible
//     needs whose durations, smallest first, fit in it. Any set of needs that
//     fits the budget is no larger.
//   - Overlaps become cliques: each volunteer's eligible needs are split,
//     earliest end first, into groups that all overlap one another, and each
//     group gives at most one slot. Any set without overlaps takes at most one
//     from each group, but may still take two overlapping needs of different
//     groups.
//   - Each assignment costs the growth of the volunteer's squared load as if
//     it were their only one this week, 2·load·minutes + minutes², which is
//     never more than its share of the real growth.
//
// Every proposal is thus a flow, so Slots is a valid upper bound and
// FairnessCost a lower bound at equal coverage. When the flow itself keeps
// every budget and has no overlap it is a proposal, and Exact is set: Slots is
// then the true maximum coverage (its FairnessCost remains a lower bound).
func Optimum(week []Need, vols []Volunteer) Bound {
	w := newProblem(week, vols)
	b := Bound{Open: w.open}
	g := newNetwork(2 + len(w.needs))
	const s, t = 0, 1
	for i := range w.needs {
		g.edge(2+i, t, int32(w.slots[i]), 0)
	}
	type pair struct {
		vol, need int
		edge      int
	}
	var pairs []pair
	var mine []int
	for j, elig := range w.elig {
		if len(elig) == 0 {
			continue
		}
		mine = mine[:0]
		for _, i := range elig {
			mine = append(mine, int(i))
		}
		k := countWithin(w, mine, w.budget[j])
		if k == 0 {
			continue
		}
		vn := g.node()
		g.edge(s, vn, int32(k), 0)
		for _, clique := range cliques(w, mine) {
			from := vn
			if len(clique) > 1 {
				from = g.node()
				g.edge(vn, from, 1, 0)
			}
			for _, i := range clique {
				e := g.edge(from, 2+i, 1, cost(w.load[j], w.dur(i)))
				pairs = append(pairs, pair{vol: j, need: i, edge: e})
			}
		}
	}
	flow, total := g.minCostMaxFlow(s, t)
	b.Slots, b.FairnessCost = flow, float64(total)/3600

	p := newPlan(w)
	b.Exact = true
	for _, pr := range pairs {
		if g.flow(pr.edge) == 0 {
			continue
		}
		if !p.fits(int32(pr.vol), pr.need, -1) {
			b.Exact = false
			break
		}
		p.add(int32(pr.vol), pr.need)
	}
	return b
}

// countWithin returns how many of the needs fit in budget minutes, smallest
// first.
func countWithin(w *problem, needs []int, budget int) int {
	durs := make([]int, len(needs))
	for x, i := range needs {
		durs[x] = w.dur(i)
	}
	slices.Sort(durs)
	n, sum := 0, 0
	for _, d := range durs {
		if sum += d; sum > budget {
			break
		}
		n++
	}
	return n
}

// cliques splits needs into groups whose windows all overlap one another:
// take the earliest end left, and with it every need left that starts before
// it (all of them contain the moment before that end). Their count is the
// most needs without overlap, as in interval scheduling.
func cliques(w *problem, needs []int) [][]int {
	sorted := slices.Clone(needs)
	slices.SortFunc(sorted, func(a, b int) int {
		return cmp.Or(cmp.Compare(w.to[a], w.to[b]), cmp.Compare(w.from[a], w.from[b]), cmp.Compare(a, b))
	})
	var out [][]int
	taken := make([]bool, len(sorted))
	for x, i := range sorted {
		if taken[x] {
			continue
		}
		end := w.to[i]
		var c []int
		for y := x; y < len(sorted); y++ {
			if !taken[y] && w.from[sorted[y]] < end {
				taken[y] = true
				c = append(c, sorted[y])
			}
		}
		out = append(out, c)
	}
	return out
}
