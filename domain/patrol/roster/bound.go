package roster

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// lowerBound returns a lower bound of the spread of any roster that keeps the
// hard constraints and has fill[s] members on each shift s, as the package
// doc proves: the largest of the bounds on the largest load less the
// smallest of the bounds on the smallest load, both taken over the counted
// members and over the sets of members "all counted", "those who can take
// shift s" and "the counted who cannot take s", for each s.
func (p *problem) lowerBound(fill []int) milli {
	nm := len(p.members)
	words := (nm + 63) / 64
	bitset := func(ms []int32) []uint64 {
		b := make([]uint64, words)
		for _, m := range ms {
			b[m/64] |= 1 << (m % 64)
		}
		return b
	}
	var counted []int32
	caps := make([]milli, nm)
	for m := range p.members {
		if len(p.eligOf[m]) > 0 {
			counted = append(counted, int32(m))
			caps[m] = p.capacity(m)
		}
	}
	if len(counted) == 0 {
		return 0
	}
	all := bitset(counted)
	elig := make([][]uint64, len(p.shifts))
	for s := range p.shifts {
		elig[s] = bitset(p.elig[s])
	}

	// Forced loads: a shift that needs everyone who can take it.
	forced := make([]milli, nm)
	for s := range p.shifts {
		if fill[s] > 0 && fill[s] >= len(p.elig[s]) {
			for _, m := range p.elig[s] {
				forced[m] += p.weight[s]
			}
		}
	}
	hi, lo := slices.Max(forced), milli(math.MaxInt64)
	sets := [][]uint64{all}
	for s := range p.shifts {
		not := make([]uint64, words)
		for w := range not {
			not[w] = all[w] &^ elig[s][w]
		}
		sets = append(sets, elig[s], not)
	}
	var inCaps []milli
	for _, set := range sets {
		k := milli(popcount(set))
		if k == 0 {
			continue
		}
		// need, positions: what the set's members must carry, as the others
		// can take at most |elig(t) \ set| positions of t; most: what they
		// can carry, at most |elig(t) ∩ set| positions of t.
		var need, positions, most milli
		light := milli(math.MaxInt64)
		for t := range p.shifts {
			if fill[t] == 0 {
				continue
			}
			in := andCount(elig[t], set)
			if d := milli(fill[t] - (len(p.elig[t]) - in)); d > 0 {
				need += d * p.weight[t]
				positions += d
				light = min(light, p.weight[t])
			}
			most += milli(min(fill[t], in)) * p.weight[t]
		}
		inCaps = inCaps[:0]
		for w, word := range set {
			for ; word != 0; word &= word - 1 {
				inCaps = append(inCaps, caps[w*64+bits.TrailingZeros64(word)])
			}
		}
		slices.Sort(inCaps)
		if positions > 0 {
			// Someone carries at least the average, and at least
			// ⌈positions/k⌉ of those positions, each weighing at least light.
			hi = max(hi, level(inCaps, need), (positions+k-1)/k*light)
		}
		// Someone carries at most the average, and no more than they can.
		lo = min(lo, most/k, inCaps[0])
	}
	return max(hi-lo, 0)
}

func popcount(set []uint64) int {
	n := 0
	for _, w := range set {
		n += bits.OnesCount64(w)
	}
	return n
}

func andCount(a, b []uint64) int {
	n := 0
	for w := range a {
		n += bits.OnesCount64(a[w] & b[w])
	}
	return n
}

// level returns the least y with Σ min(caps, y) ≥ need, caps ascending; the
// largest cap when no y reaches need.
func level(caps []milli, need milli) milli {
	lo, hi := milli(0), caps[len(caps)-1]
	for lo < hi {
		y := lo + (hi-lo)/2
		var sum milli
		for _, c := range caps {
			sum += min(c, y)
		}
		if sum >= need {
			hi = y
		} else {
			lo = y + 1
		}
	}
	return lo
}

// capacity returns an upper bound of the load member m could carry with
// nobody else in the team: week by week, the heaviest set of m's shifts with
// no two in conflict and at most m's weekly limit of them (weighted interval
// scheduling, the ends of night shifts stretched by the rest after them).
// Conflicts between the shifts of two weeks are ignored, which can only raise
// the bound.
func (p *problem) capacity(m int) milli {
	shifts := p.eligOf[m]
	var total milli
	for len(shifts) > 0 {
		n := 1
		for n < len(shifts) && p.week[shifts[n]] == p.week[shifts[0]] {
			n++
		}
		total += p.weekCapacity(shifts[:n], p.limit[m])
		shifts = shifts[n:]
	}
	return total
}

// weekCapacity returns the heaviest set of shifts without conflict, at most
// limit of them (0 for no limit): dp[i][c] is the best of the first i by end
// with at most c.
func (p *problem) weekCapacity(shifts []int32, limit int) milli {
	byEnd := slices.Clone(shifts)
	slices.SortFunc(byEnd, func(a, b int32) int { return cmp.Compare(p.ext[a], p.ext[b]) })
	n := len(byEnd)
	k := n
	if limit > 0 {
		k = min(limit, n)
	}
	dp := make([]milli, (n+1)*(k+1))
	for i := 1; i <= n; i++ {
		s := byEnd[i-1]
		// before: how many shifts end (rest included) by s's start.
		before, _ := slices.BinarySearchFunc(byEnd[:i-1], p.from[s]+1, func(t int32, x int64) int { return cmp.Compare(p.ext[t], x) })
		for c := 1; c <= k; c++ {
			dp[i*(k+1)+c] = max(dp[(i-1)*(k+1)+c], dp[before*(k+1)+c-1]+p.weight[s])
		}
	}
	return dp[n*(k+1)+k]
}
