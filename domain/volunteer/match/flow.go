package match

import "math"

// network is a min-cost flow network solved by successive shortest paths:
// Dijkstra on reduced costs with node potentials (Edmonds–Karp, Tomizawa),
// stopping each search once the sink is settled.
//
// It is written here because no kept library fits: gonum v0.17.0, the
// numerical library at hand, has maximum flow (graph/network.MaxFlowDinic,
// which returns only the flow's value, without costs or the flow on each
// edge) and shortest paths, but no min-cost flow or assignment (Hungarian)
// algorithm, and its LP simplex (optimize/convex/lp) works on dense matrices,
// far too large for the week's slot graph. Capacities here are small
// integers and costs non-negative integers, which is what this needs.
type network struct {
	adj  [][]int32 // edges leaving each node
	to   []int32
	cap  []int32 // residual capacity; edge e's reverse is e^1
	cost []int64
}

func newNetwork(nodes int) *network {
	return &network{adj: make([][]int32, nodes)}
}

// node adds a node and returns it.
func (g *network) node() int {
	g.adj = append(g.adj, nil)
	return len(g.adj) - 1
}

// edge adds an edge u→v of capacity c and cost w ≥ 0 and returns its index.
func (g *network) edge(u, v int, c int32, w int64) int {
	e := len(g.to)
	g.to = append(g.to, int32(v), int32(u))
	g.cap = append(g.cap, c, 0)
	g.cost = append(g.cost, w, -w)
	g.adj[u] = append(g.adj[u], int32(e))
	g.adj[v] = append(g.adj[v], int32(e+1))
	return e
}

// flow returns the flow through edge e.
func (g *network) flow(e int) int32 { return g.cap[e^1] }

// minCostMaxFlow sends as much flow from s to t as the network takes, at the
// least cost among maximum flows, and returns both.
func (g *network) minCostMaxFlow(s, t int) (flow int, total int64) {
	n := len(g.adj)
	pot := make([]int64, n) // costs are non-negative, so zero potentials are valid
	dist := make([]int64, n)
	via := make([]int32, n) // edge into each node on its shortest path
	done := make([]bool, n)
	var h heap
	for {
		for v := range dist {
			dist[v], via[v], done[v] = math.MaxInt64, -1, false
		}
		dist[s] = 0
		h.push(0, int32(s))
		for h.len() > 0 {
			d, u := h.pop()
			if done[u] || d > dist[u] {
				continue
			}
			done[u] = true
			if int(u) == t {
				break
			}
			for _, e := range g.adj[u] {
				if g.cap[e] == 0 {
					continue
				}
				v := g.to[e]
				if nd := d + g.cost[e] + pot[u] - pot[v]; nd < dist[v] {
					dist[v], via[v] = nd, e
					h.push(nd, v)
				}
			}
		}
		h.reset()
		if !done[t] {
			return flow, total
		}
		// Settled nodes move by their distance, the rest by the sink's: reduced
		// costs stay non-negative and those on the path become zero.
		for v := range pot {
			pot[v] += min(dist[v], dist[t])
		}
		push := int32(math.MaxInt32)
		for v := t; v != s; v = int(g.to[via[v]^1]) {
			push = min(push, g.cap[via[v]])
		}
		for v := t; v != s; v = int(g.to[via[v]^1]) {
			e := via[v]
			g.cap[e] -= push
			g.cap[e^1] += push
			total += int64(push) * g.cost[e]
		}
		flow += int(push)
	}
}

// heap is a binary min-heap of nodes by distance, with stale entries skipped
// by the caller.
type heap struct{ items []heapItem }

type heapItem struct {
	d int64
	v int32
}

func (h *heap) len() int { return len(h.items) }
func (h *heap) reset()   { h.items = h.items[:0] }

func (h *heap) push(d int64, v int32) {
	h.items = append(h.items, heapItem{d, v})
	for i := len(h.items) - 1; i > 0; {
		p := (i - 1) / 2
		if h.items[p].d <= h.items[i].d {
			break
		}
		h.items[p], h.items[i] = h.items[i], h.items[p]
		i = p
	}
}

func (h *heap) pop() (int64, int32) {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < last && h.items[l].d < h.items[m].d {
			m = l
		}
		if r := l + 1; r < last && h.items[r].d < h.items[m].d {
			m = r
		}
		if m == i {
			break
		}
		h.items[m], h.items[i] = h.items[i], h.items[m]
		i = m
	}
	return top.d, top.v
}
