package roster

import "slices"

// The preference and continuity phases move members only in ways that keep
// the loads as a whole: a swap of two shifts of equal weight between two
// members, or a transfer from a to b when load(b) + weight = load(a), which
// trades their loads. The spread and the sum of squares stay as balance left
// them.

// prefer raises the preference points by such moves until none does.
func (pl *plan) prefer() {
	for range maxRounds {
		if !pl.preferRound() {
			return
		}
	}
}

func (pl *plan) preferRound() bool {
	p := pl.p
	moved := false
	for _, s1 := range pl.order {
		w := p.weight[s1]
	members:
		for x := 0; x < len(pl.on[s1]); x++ {
			a := pl.on[s1][x]
			pa := p.prefers(a, s1)
			for _, b := range p.elig[s1] {
				if pl.load[b]+w == pl.load[a] && p.prefers(b, s1) > pa && !pl.isOn(b, s1) && pl.fits(b, s1, -1) {
					pl.remove(a, s1)
					pl.add(b, s1)
					moved = true
					x--
					continue members
				}
			}
			for _, tt := range p.eligOf[a] {
				s2 := int(tt)
				if p.weight[s2] != w || s2 == s1 {
					continue
				}
				for _, b := range pl.on[s2] {
					gain := p.prefers(a, s2) + p.prefers(b, s1) - pa - p.prefers(b, s2)
					if gain > 0 && pl.canExchange(a, s1, b, s2) {
						pl.exchange(a, s1, b, s2)
						moved = true
						x--
						continue members
					}
				}
			}
		}
	}
	return moved
}

// canExchange reports whether a on s1 and b on s2 could trade shifts.
func (pl *plan) canExchange(a int32, s1 int, b int32, s2 int) bool {
	return a != b && pl.p.eligible(b, s1) && pl.p.eligible(a, s2) && !pl.isOn(a, s2) && !pl.isOn(b, s1) &&
		pl.fits(a, s2, s1) && pl.fits(b, s1, s2)
}

// pairCounts counts, for each pair of members on a route, the shifts of the
// route they share in the plan.
type pairCounts struct {
	p *problem
	n map[pairKey]int32
}

func (pl *plan) countPairs() *pairCounts {
	c := &pairCounts{p: pl.p, n: map[pairKey]int32{}}
	for s, on := range pl.on {
		for x, a := range on {
			for _, b := range on[x+1:] {
				c.n[newPairKey(pl.p.route[s], a, b)]++
			}
		}
	}
	return c
}

// score returns the continuity of the plan: for each pair on a route, the
// shifts they share, less one for the first unless they were partners
// before.
func (c *pairCounts) score() int {
	total := 0
	for k, n := range c.n {
		if n > 0 {
			total += int(n)
			if !c.p.continued(k) {
				total--
			}
		}
	}
	return total
}

// join counts member m joining the members on of shift s, except skip, and
// returns the change in score.
func (c *pairCounts) join(m int32, s int, on []int32, skip int32) int {
	d := 0
	for _, o := range on {
		if o == m || o == skip {
			continue
		}
		k := newPairKey(c.p.route[s], m, o)
		if c.n[k] >= 1 || c.p.continued(k) {
			d++
		}
		c.n[k]++
	}
	return d
}

// leave undoes join and returns the change in score.
func (c *pairCounts) leave(m int32, s int, on []int32, skip int32) int {
	d := 0
	for _, o := range on {
		if o == m || o == skip {
			continue
		}
		k := newPairKey(c.p.route[s], m, o)
		if c.n[k] >= 2 || c.p.continued(k) {
			d--
		}
		if c.n[k]--; c.n[k] == 0 {
			delete(c.n, k)
		}
	}
	return d
}

// exchangeGain returns how much a on s1 and b on s2 trading shifts changes
// the continuity score, leaving the counts as they were.
func (c *pairCounts) exchangeGain(pl *plan, a int32, s1 int, b int32, s2 int) int {
	on1, on2 := pl.on[s1], pl.on[s2]
	d := c.leave(a, s1, on1, a) + c.leave(b, s2, on2, b) + c.join(a, s2, on2, b) + c.join(b, s1, on1, a)
	c.leave(b, s1, on1, a)
	c.leave(a, s2, on2, b)
	c.join(b, s2, on2, b)
	c.join(a, s1, on1, a)
	return d
}

// transferGain returns how much b taking a's place on s changes the score.
func (c *pairCounts) transferGain(pl *plan, a, b int32, s int) int {
	on := pl.on[s]
	d := c.leave(a, s, on, a) + c.join(b, s, on, a)
	c.leave(b, s, on, a)
	c.join(a, s, on, a)
	return d
}

// continueAll raises the continuity score by moves that keep the loads as a
// whole and lose no preference point, until none does.
func (pl *plan) continueAll() {
	c := pl.countPairs()
	for range maxRounds {
		if !pl.continueRound(c) {
			return
		}
	}
}

// continueRound tries, for each member a on a shift s1, the shifts s2 of the
// same weight where a would patrol with someone they patrolled with before
// (a partner, or a co-member on that route in the plan), and the transfers
// of a's place to another member.
func (pl *plan) continueRound(c *pairCounts) bool {
	p := pl.p
	moved := false
	var cands []int
	for _, s1 := range pl.order {
		w := p.weight[s1]
	members:
		for x := 0; x < len(pl.on[s1]); x++ {
			a := pl.on[s1][x]
			pa := p.prefers(a, s1)
			for _, b := range p.elig[s1] {
				if pl.load[b]+w == pl.load[a] && p.prefers(b, s1) >= pa && !pl.isOn(b, s1) && pl.fits(b, s1, -1) &&
					c.transferGain(pl, a, b, s1) > 0 {
					c.leave(a, s1, pl.on[s1], a)
					c.join(b, s1, pl.on[s1], a)
					pl.remove(a, s1)
					pl.add(b, s1)
					moved = true
					x--
					continue members
				}
			}
			cands = pl.partnerShifts(cands[:0], a, w)
			for _, s2 := range cands {
				if s2 == s1 {
					continue
				}
				for _, b := range pl.on[s2] {
					if p.prefers(a, s2)+p.prefers(b, s1) < pa+p.prefers(b, s2) || !pl.canExchange(a, s1, b, s2) ||
						c.exchangeGain(pl, a, s1, b, s2) <= 0 {
						continue
					}
					c.leave(a, s1, pl.on[s1], a)
					c.leave(b, s2, pl.on[s2], b)
					c.join(a, s2, pl.on[s2], b)
					c.join(b, s1, pl.on[s1], a)
					pl.exchange(a, s1, b, s2)
					moved = true
					x--
					continue members
				}
			}
		}
	}
	return moved
}

// partnerShifts appends to dst, sorted, the shifts of weight w that a can
// take, is not on, and where someone a patrolled that route with is: a
// partner, or a co-member on a shift of the route in the plan.
func (pl *plan) partnerShifts(dst []int, a int32, w milli) []int {
	p := pl.p
	from := len(dst)
	add := func(s int) {
		if p.weight[s] == w && p.eligible(a, s) && !pl.isOn(a, s) {
			dst = append(dst, s)
		}
	}
	for _, t := range pl.has[a] {
		for _, o := range pl.on[t] {
			for _, s := range pl.has[o] {
				if o != a && p.route[s] == p.route[t] {
					add(int(s))
				}
			}
		}
	}
	for _, o := range p.partners[a] {
		for _, s := range pl.has[o] {
			if p.continued(newPairKey(p.route[s], a, o)) {
				add(int(s))
			}
		}
	}
	slices.Sort(dst[from:])
	return slices.Compact(dst)
}
