package roster

import (
	"cmp"
	"math/bits"
	"slices"
)

// Local search limits: enough for a team's quarter, bounded for any input.
const (
	maxRounds     = 200 // rounds of balance, prefer and continueAll
	maxChainDepth = 3   // moves in one chain
	maxChainRoots = 12  // chain searches from each side in a round of balance
	kicks         = 200 // most perturbations in search
	kicksInVain   = 25  // search stops after this many kicks in a row find nothing better
	// searchWork bounds search by the fits checks it makes, so that the
	// roster does not depend on the machine's speed.
	searchWork = 20_000_000
)

// balance lowers the spread of the loads by moves that each lower the sum of
// the squared loads while keeping every changed load between the smallest
// and the largest: transfers of a position to a less loaded member, swaps of
// shifts of different weights, and chains of transfers from the most loaded
// members and to the least loaded. None of them raises the spread, and the
// sum falls with each, so the search ends.
func (pl *plan) balance() {
	for range maxRounds {
		moved := pl.transfers()
		if !moved {
			moved = pl.swaps()
		}
		if !moved {
			moved = pl.chains()
		}
		if !moved {
			return
		}
	}
}

// extremes returns the smallest and largest load of the counted members.
func (pl *plan) extremes() (lo, hi milli) {
	first := true
	for m, l := range pl.load {
		if len(pl.p.eligOf[m]) == 0 {
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
	return lo, hi
}

// transfers gives positions to less loaded members: a member b free for a
// shift s of a with load(b) + weight(s) < load(a) takes it, the least loaded
// such b first. It reports whether it moved anyone.
func (pl *plan) transfers() bool {
	p := pl.p
	moved := false
	for _, s := range pl.order {
		w := p.weight[s]
		for x := 0; x < len(pl.on[s]); x++ {
			a := pl.on[s][x]
			best := int32(-1)
			for _, b := range p.elig[s] {
				if pl.load[b]+w < pl.load[a] && pl.better(b, best, s) && !pl.isOn(b, s) && pl.fits(b, s, -1) {
					best = b
				}
			}
			if best >= 0 {
				pl.remove(a, s)
				pl.add(best, s)
				moved = true
				x-- // on[s][x] is the next member now
			}
		}
	}
	return moved
}

// swaps exchanges a heavier shift s1 of member a for a lighter one s2 of a
// less loaded member b when load(b) + weight(s1) - weight(s2) < load(a), the
// exchange that lowers the sum of squares most first. It reports whether it
// moved anyone.
func (pl *plan) swaps() bool {
	p := pl.p
	moved := false
	for _, s1 := range pl.order {
		w1 := p.weight[s1]
		for x := 0; x < len(pl.on[s1]); x++ {
			a := pl.on[s1][x]
			bestB, bestS2, bestGain := int32(-1), -1, int64(0)
			for _, b := range p.elig[s1] {
				if pl.load[b] >= pl.load[a] {
					continue
				}
				for _, t := range pl.has[b] {
					s2 := int(t)
					d := w1 - p.weight[s2]
					if d <= 0 || pl.load[b]+d >= pl.load[a] {
						continue
					}
					gain := d * (pl.load[a] - pl.load[b] - d)
					if gain <= bestGain || !p.eligible(a, s2) || pl.isOn(a, s2) || pl.isOn(b, s1) {
						continue
					}
					if pl.fits(a, s2, s1) && pl.fits(b, s1, s2) {
						bestB, bestS2, bestGain = b, s2, gain
					}
				}
			}
			if bestB >= 0 {
				pl.exchange(a, s1, bestB, bestS2)
				moved = true
				x--
			}
		}
	}
	return moved
}

// exchange moves member a from s1 to s2 and member b from s2 to s1.
func (pl *plan) exchange(a int32, s1 int, b int32, s2 int) {
	pl.remove(a, s1)
	pl.remove(b, s2)
	pl.add(a, s2)
	pl.add(b, s1)
}

// link is a member reached in a chain search: the member at tree index
// parent gives shift to member (forward), or member gives shift to it
// (backward).
type link struct {
	member int32
	parent int // -1 for the root
	shift  int
	depth  int
}

// chains moves load along chains of transfers, from members at the largest
// load (forward) and to members at the smallest (backward), at most
// maxChainRoots of each in the seeded order, each time by the chain that
// lowers the sum of squares most. It reports whether it moved anyone.
func (pl *plan) chains() bool {
	moved := false
	for _, forward := range []bool{true, false} {
		roots := 0
		for _, m := range pl.byPrio {
			lo, hi := pl.extremes()
			if lo == hi || roots == maxChainRoots {
				break
			}
			if len(pl.p.eligOf[m]) == 0 || forward && pl.load[m] != hi || !forward && pl.load[m] != lo {
				continue
			}
			roots++
			if pl.chain(m, forward, lo, hi) {
				moved = true
			}
		}
	}
	return moved
}

// chain searches breadth first for the best chain from root (forward: root
// gives a shift to b, who may give one of theirs to c, ...) or to root
// (backward: root takes a shift from b, who may take one from c, ...), and
// carries it out if it lowers the sum of squares and keeps every load it
// changes within [lo, hi], the smallest and largest loads. Each member
// appears at most once, so each move can be checked on the plan as it
// stands.
func (pl *plan) chain(root int32, forward bool, lo, hi milli) bool {
	p := pl.p
	pl.stamp++
	tree := []link{{member: root, parent: -1, shift: -1}}
	pl.mark(root)
	best, bestDelta := -1, int64(0)
	reach := func(c int32, parent, t int, end bool) {
		tree = append(tree, link{member: c, parent: parent, shift: t, depth: tree[parent].depth + 1})
		if end {
			if d, ok := pl.chainDelta(tree, len(tree)-1, forward, lo, hi); ok && d < bestDelta {
				best, bestDelta = len(tree)-1, d
			}
		}
		if tree[len(tree)-1].depth < maxChainDepth || len(tree)-1 == best {
			pl.mark(c)
			return
		}
		tree = tree[:len(tree)-1] // a leaf that is no chain's end
	}
	for q := 0; q < len(tree); q++ {
		n := tree[q]
		if n.depth == maxChainDepth {
			continue
		}
		if forward {
			// n gives one of its shifts t to a member c, who takes t in
			// place of one of their own or as the chain's end.
			for _, tt := range pl.has[n.member] {
				t := int(tt)
				if n.shift >= 0 && !pl.fits(n.member, n.shift, t) {
					continue
				}
				for _, c := range p.elig[t] {
					if !pl.marked(c) && !pl.isOn(c, t) {
						reach(c, q, t, pl.fits(c, t, -1))
					}
				}
			}
			continue
		}
		// n takes a shift t from a member c on it, who may take another.
		for _, tt := range p.eligOf[n.member] {
			t := int(tt)
			if pl.isOn(n.member, t) || n.shift < 0 && !pl.fits(n.member, t, -1) || n.shift >= 0 && !pl.fits(n.member, t, n.shift) {
				continue
			}
			for _, c := range pl.on[t] {
				if !pl.marked(c) {
					reach(c, q, t, true)
				}
			}
		}
	}
	if best < 0 {
		return false
	}
	for i := best; tree[i].parent >= 0; i = tree[i].parent {
		n, parent := tree[i], tree[tree[i].parent].member
		if forward {
			pl.remove(parent, n.shift)
			pl.add(n.member, n.shift)
		} else {
			pl.remove(n.member, n.shift)
			pl.add(parent, n.shift)
		}
	}
	return true
}

// mark and marked keep the members reached in the current chain search.
func (pl *plan) mark(m int32)        { pl.reached[m] = pl.stamp }
func (pl *plan) marked(m int32) bool { return pl.reached[m] == pl.stamp }

// chainDelta returns how much the chain from tree[end] to the root changes
// the sum of squared loads, and whether every load it changes stays within
// [lo, hi].
func (pl *plan) chainDelta(tree []link, end int, forward bool, lo, hi milli) (int64, bool) {
	var delta int64
	// Walking from end to the root, each member gains the shift it is
	// linked by and loses the shift of the link below it (forward), or the
	// other way round (backward).
	below := milli(0)
	for i := end; i >= 0; i = tree[i].parent {
		n := tree[i]
		in := milli(0)
		if n.shift >= 0 {
			in = pl.p.weight[n.shift]
		}
		d := in - below
		if !forward {
			d = -d
		}
		l := pl.load[n.member]
		if l+d < lo || l+d > hi {
			return 0, false
		}
		delta += d * (2*l + d)
		below = in
	}
	return delta, true
}

// state is a copy of a plan's assignments.
type state struct {
	on    [][]int32
	load  []milli
	count []int32
}

func (pl *plan) save() state {
	st := state{on: make([][]int32, len(pl.on)), load: slices.Clone(pl.load), count: slices.Clone(pl.count)}
	for s, on := range pl.on {
		st.on[s] = slices.Clone(on)
	}
	return st
}

func (pl *plan) restore(st state) {
	for m := range pl.has {
		pl.has[m] = pl.has[m][:0]
	}
	for s, on := range st.on {
		pl.on[s] = append(pl.on[s][:0], on...)
		for _, m := range on {
			pl.has[m] = append(pl.has[m], int32(s))
		}
	}
	copy(pl.load, st.load)
	copy(pl.count, st.count)
}

// score is what search lowers: the spread, then how many members are at
// the extreme with fewer of them (a spread falls when that side empties),
// then the sum of the squared loads.
type score struct {
	spread     milli
	ends       int
	sqHi, sqLo uint64 // the sum of squares in 128 bits: loads are not bounded
}

func (a score) less(b score) bool {
	return cmp.Or(cmp.Compare(a.spread, b.spread), cmp.Compare(a.ends, b.ends),
		cmp.Compare(a.sqHi, b.sqHi), cmp.Compare(a.sqLo, b.sqLo)) < 0
}

func (pl *plan) score() score {
	lo, hi := pl.extremes()
	sc := score{spread: hi - lo}
	nlo, nhi := pl.ends(lo, hi)
	sc.ends = min(nlo, nhi)
	for _, l := range pl.load {
		h, w := bits.Mul64(uint64(l), uint64(l))
		var carry uint64
		sc.sqLo, carry = bits.Add64(sc.sqLo, w, 0)
		sc.sqHi += h + carry
	}
	return sc
}

// ends returns how many counted members carry lo and hi.
func (pl *plan) ends(lo, hi milli) (nlo, nhi int) {
	for m, l := range pl.load {
		if len(pl.p.eligOf[m]) == 0 {
			continue
		}
		if l == lo {
			nlo++
		}
		if l == hi {
			nhi++
		}
	}
	return nlo, nhi
}

// search runs an iterated local search while the spread is above bound:
// from the best plan found, it kicks and balances again, keeping the result
// when its score is lower. It stops after kicksInVain kicks in a row find
// nothing better, or kicks in all, or when it has made searchWork checks.
func (pl *plan) search(bound milli) {
	best, bestScore := pl.save(), pl.score()
	start, vain := pl.work, 0
	for range kicks {
		if bestScore.spread <= bound || vain == kicksInVain || pl.work-start > searchWork {
			break
		}
		pl.kick()
		pl.balance()
		if sc := pl.score(); sc.less(bestScore) {
			best, bestScore, vain = pl.save(), sc, 0
			continue
		}
		vain++
		pl.restore(best)
	}
	pl.restore(best)
}

// kick makes a few random moves at the extremes, mostly at the side with
// fewer members: a position of a member at the largest load goes to anyone
// free for it who carries less, or a member at the smallest load takes a
// position from anyone who carries more. A kick may raise the spread for a
// while: balance, run next, brings the loads back together, maybe in a
// better arrangement than before.
func (pl *plan) kick() {
	p := pl.p
	rng := p.rng
	for range 1 + rng.IntN(3) {
		lo, hi := pl.extremes()
		nlo, nhi := pl.ends(lo, hi)
		top := nhi <= nlo // mostly at the side with fewer members, which a spread needs emptied
		if rng.IntN(4) == 0 {
			top = !top
		}
		var ends []int32
		for m, l := range pl.load {
			if len(p.eligOf[m]) > 0 && (top && l == hi || !top && l == lo) {
				ends = append(ends, int32(m))
			}
		}
		if len(ends) == 0 {
			return
		}
		m := ends[rng.IntN(len(ends))]
		var moves [][3]int32 // shift, from, to
		if top {
			for _, s := range pl.has[m] {
				for _, b := range p.elig[s] {
					if pl.load[b] < pl.load[m] && !pl.isOn(b, int(s)) && pl.fits(b, int(s), -1) {
						moves = append(moves, [3]int32{s, m, b})
					}
				}
			}
		} else {
			for _, s := range p.eligOf[m] {
				if pl.isOn(m, int(s)) || !pl.fits(m, int(s), -1) {
					continue
				}
				for _, a := range pl.on[s] {
					if pl.load[a] > pl.load[m] {
						moves = append(moves, [3]int32{s, a, m})
					}
				}
			}
		}
		if len(moves) > 0 {
			mv := moves[rng.IntN(len(moves))]
			pl.remove(mv[1], int(mv[0]))
			pl.add(mv[2], int(mv[0]))
		}
	}
}
