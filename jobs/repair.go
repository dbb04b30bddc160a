package jobs

import (
	"context"
	"fmt"
	"time"
)

// Repairer is an area's Repair: it finishes what a stop left half done
// (a claim without its change, a key without its item, a tally short of
// its supports) and says how many things it fixed.
type Repairer interface {
	Repair(ctx context.Context, now time.Time) (int, error)
}

// Area is a Repairer with the area's name, for the logs.
type Area struct {
	Name string
	Repairer
}

// RepairAll runs every area's Repair at now, in order, and returns what
// each fixed; areas that fixed nothing are left out. cmd runs it at
// start-up, and the daily clean-up runs it too.
func RepairAll(ctx context.Context, now time.Time, areas []Area) (map[string]int, error) {
	fixed := map[string]int{}
	for _, a := range areas {
		n, err := a.Repair(ctx, now)
		if n > 0 {
			fixed[a.Name] = n
		}
		if err != nil {
			return fixed, fmt.Errorf("repair %s: %w", a.Name, err)
		}
	}
	return fixed, nil
}
