package match

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestAugmentMovesVolunteer starts from a plan where x, whose limit allows
// one need, took b, leaving a (which only x can take) open: the chain moves
// x to a and gives b to y.
func TestAugmentMovesVolunteer(t *testing.T) {
	day := time.Date(2026, 3, 3, 0, 0, 0, 0, chinaTime) // a Tuesday
	need := func(id string, hh int) Need {
		return Need{ID: id, Start: day.Add(time.Duration(hh) * time.Hour), End: day.Add(time.Duration(hh+2) * time.Hour), Slots: 1}
	}
	vol := func(id string, from int) Volunteer {
		return Volunteer{ID: id, Weekly: []Slot{{Day: time.Tuesday, Start: from * 60, End: 1440}}}
	}
	x, y := vol("x", 0), vol("y", 12)
	x.MaxWeekMinutes = 120
	w := newProblem([]Need{need("a", 9), need("b", 13)}, []Volunteer{x, y})
	p := newPlan(w)
	p.add(0, 1) // x on b
	if !p.augment(0) {
		t.Fatal("found no chain")
	}
	if got, want := [][]int32{p.on[0], p.on[1]}, [][]int32{{0}, {1}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got a: %v, b: %v; want a: x, b: y", got[0], got[1])
	}
	if p.augment(0) || p.augment(1) {
		t.Error("augmented a full plan")
	}
}

// TestMinCostMaxFlow checks the flow on random assignment problems (rows to
// columns, each at most once, some pairs missing) against trying every
// assignment: the most pairs, then the least cost.
func TestMinCostMaxFlow(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	for range 300 {
		rows, cols := 1+r.IntN(6), 1+r.IntN(6)
		w := make([][]int64, rows) // -1: no edge
		for i := range w {
			w[i] = make([]int64, cols)
			for j := range w[i] {
				w[i][j] = -1
				if r.IntN(3) != 0 {
					w[i][j] = int64(r.IntN(50))
				}
			}
		}
		g := newNetwork(2 + rows + cols)
		for i := range rows {
			g.edge(0, 2+i, 1, 0)
			for j := range cols {
				if w[i][j] >= 0 {
					g.edge(2+i, 2+rows+j, 1, w[i][j])
				}
			}
		}
		for j := range cols {
			g.edge(2+rows+j, 1, 1, 0)
		}
		gotFlow, gotCost := g.minCostMaxFlow(0, 1)

		wantFlow, wantCost := 0, int64(0)
		used := make([]bool, cols)
		var try func(i, flow int, cost int64)
		try = func(i, flow int, cost int64) {
			if i == rows {
				if flow > wantFlow || flow == wantFlow && cost < wantCost {
					wantFlow, wantCost = flow, cost
				}
				return
			}
			try(i+1, flow, cost)
			for j := range cols {
				if !used[j] && w[i][j] >= 0 {
					used[j] = true
					try(i+1, flow+1, cost+w[i][j])
					used[j] = false
				}
			}
		}
		try(0, 0, 0)
		if gotFlow != wantFlow || gotCost != wantCost {
			t.Fatalf("weights %v: got flow %d at cost %d, want %d at %d", w, gotFlow, gotCost, wantFlow, wantCost)
		}
	}
}

// TestMinCostMaxFlowLarger checks the flow on random layered networks with
// larger capacities against a plain Bellman-Ford successive shortest path.
func TestMinCostMaxFlowLarger(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 9))
	for range 200 {
		type arc struct {
			u, v int
			c    int32
			w    int64
		}
		n := 4 + r.IntN(30)
		var arcs []arc
		for u := range n {
			for range 1 + r.IntN(4) {
				if v := r.IntN(n); v != u && v != 0 && u != 1 {
					arcs = append(arcs, arc{u, v, int32(1 + r.IntN(4)), int64(r.IntN(20))})
				}
			}
		}
		g := newNetwork(n)
		for _, a := range arcs {
			g.edge(a.u, a.v, a.c, a.w)
		}
		gotFlow, gotCost := g.minCostMaxFlow(0, 1)

		// The reference: residual arcs in plain slices, Bellman-Ford each round.
		to, cp, cost := []int{}, []int32{}, []int64{}
		from := []int{}
		for _, a := range arcs {
			from, to, cp, cost = append(from, a.u, a.v), append(to, a.v, a.u), append(cp, a.c, 0), append(cost, a.w, -a.w)
		}
		wantFlow, wantCost := 0, int64(0)
		for {
			dist := make([]int64, n)
			via := make([]int, n)
			for v := range dist {
				dist[v], via[v] = 1<<60, -1
			}
			dist[0] = 0
			for range n {
				for e := range to {
					if cp[e] > 0 && dist[from[e]] < 1<<60 && dist[from[e]]+cost[e] < dist[to[e]] {
						dist[to[e]], via[to[e]] = dist[from[e]]+cost[e], e
					}
				}
			}
			if dist[1] == 1<<60 {
				break
			}
			push := int32(1 << 30)
			for v := 1; v != 0; v = from[via[v]] {
				push = min(push, cp[via[v]])
			}
			for v := 1; v != 0; v = from[via[v]] {
				cp[via[v]] -= push
				cp[via[v]^1] += push
			}
			wantFlow += int(push)
			wantCost += int64(push) * dist[1]
		}
		if gotFlow != wantFlow || gotCost != wantCost {
			t.Fatalf("got flow %d at cost %d, want %d at %d", gotFlow, gotCost, wantFlow, wantCost)
		}
	}
}
