package roster

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestWeekCapacity checks the weighted interval scheduling behind the lower
// bound against trying every set of shifts: the heaviest with no two in
// conflict (the rest after nights included) and at most the limit of them.
func TestWeekCapacity(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 3))
	monday := time.Date(2026, 3, 2, 0, 0, 0, 0, chinaTime)
	for range 300 {
		in := Input{Members: []Member{{ID: "m", Weekly: []Slot{
			{Day: time.Monday, Start: 0, End: 1440}, {Day: time.Tuesday, Start: 0, End: 1440}, {Day: time.Wednesday, Start: 0, End: 1440},
		}}}}
		for i := range 1 + r.IntN(10) {
			start := monday.Add(time.Duration(r.IntN(40)) * time.Hour)
			sh := Shift{ID: string(rune('a' + i)), Start: start, End: start.Add(time.Duration(1+r.IntN(8)) * time.Hour),
				Min: 1, Max: 1, Weight: float64(1 + r.IntN(4)), Night: r.IntN(4) == 0}
			if sh.End.Before(monday.AddDate(0, 0, 3)) {
				in.Shifts = append(in.Shifts, sh)
			}
		}
		limit := r.IntN(4)
		p, err := newProblem(in)
		if err != nil {
			t.Fatal(err)
		}
		got := p.weekCapacity(p.eligOf[0], limit)

		n := len(p.shifts)
		var want milli
		for set := 0; set < 1<<n; set++ {
			var w milli
			count, ok := 0, true
			for s := range n {
				if set&(1<<s) == 0 {
					continue
				}
				count++
				w += p.weight[s]
				for u := range s {
					if set&(1<<u) != 0 && p.conflict(s, u) {
						ok = false
					}
				}
			}
			if ok && (limit == 0 || count <= limit) {
				want = max(want, w)
			}
		}
		if got != want {
			t.Fatalf("shifts %+v, limit %d: got %d, want %d", in.Shifts, limit, got, want)
		}
	}
}
