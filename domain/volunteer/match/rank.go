package match

import (
	"cmp"
	"slices"

	"github.com/yishi-app/yishi/domain"
)

// Factor is one part of a candidate's score, explained.
type Factor struct {
	Key    string      // KeySkills, KeyAvailability, ...
	Points float64     // points earned, 0 to Max, rounded to one decimal
	Max    float64     // the most the factor gives
	Detail domain.Text // why, for "为什么推荐我"
}

// Candidate is an eligible volunteer with their score.
type Candidate struct {
	VolunteerID string
	Score       float64  // the sum of the factors' points
	Factors     []Factor // in the order of the Key constants
}

// Exclusion is a volunteer who may not take the need, with every reason.
type Exclusion struct {
	VolunteerID string
	Reasons     []Reason
}

// Ranking is the outcome of Rank.
type Ranking struct {
	NeedID string
	// Invalid says why the need cannot be matched at all (its window); the
	// lists are empty then.
	Invalid    *Reason
	Candidates []Candidate // best first; equal scores by volunteer ID
	Excluded   []Exclusion // by volunteer ID
}

// Rank ranks vols for one occurrence of need. It ignores need.Slots, and a
// volunteer whose ID an earlier one in vols has.
func Rank(need Need, vols []Volunteer) Ranking {
	rk := Ranking{NeedID: need.ID}
	o, bad := prepare(&need)
	if bad != nil {
		rk.Invalid = bad
		return rk
	}
	var sc scratch
	seen := make(map[string]struct{}, len(vols))
	var factors []Factor // candidates' factors, allocated in chunks
	var reasons []Reason // excluded volunteers' reasons, likewise
	for i := range vols {
		v := &vols[i]
		if _, dup := seen[v.ID]; dup {
			continue
		}
		seen[v.ID] = struct{}{}
		f, avail := o.check(v, &sc, false)
		if f != 0 {
			if cap(reasons)-len(reasons) < len(failCodes) {
				reasons = make([]Reason, 0, 256)
			}
			start := len(reasons)
			reasons = o.reasons(reasons, v, f, &sc)
			rk.Excluded = append(rk.Excluded, Exclusion{VolunteerID: v.ID, Reasons: reasons[start:len(reasons):len(reasons)]})
			continue
		}
		if len(factors) == cap(factors) {
			factors = make([]Factor, 0, 6*64)
		}
		start := len(factors)
		factors = o.factors(factors, v, avail)
		c := Candidate{VolunteerID: v.ID, Factors: factors[start:len(factors):len(factors)]}
		for _, f := range c.Factors {
			c.Score += f.Points
		}
		c.Score = round1(c.Score)
		rk.Candidates = append(rk.Candidates, c)
	}
	slices.SortFunc(rk.Candidates, func(a, b Candidate) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.VolunteerID, b.VolunteerID)
	})
	slices.SortFunc(rk.Excluded, func(a, b Exclusion) int { return cmp.Compare(a.VolunteerID, b.VolunteerID) })
	return rk
}
