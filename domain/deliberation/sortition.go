package deliberation

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"

	"github.com/yishi-app/yishi/domain"
)

// Draw is the sortition algorithm, published so that anyone can recompute a
// draw from its seed and its eligible list:
//
//	for each eligible user ID u: key(u) = hex(SHA-256(seed + "|" + salt + "|" + u))
//	sort the eligible users by key, ascending (ties, impossible in practice, by ID)
//	the first count users are drawn, in that order; the rest are the
//	reserve list, in that order, from which replacements are taken.
//
// seed is the draw's published seed; salt tells apart the draws of one
// panel (the seat kind and grid). The order of the eligible list does not
// matter. Draw is a pure function: the same inputs give the same panel.
func Draw(seed, salt string, eligible []domain.ID, count int) (drawn, reserve []domain.ID) {
	type keyed struct {
		id  domain.ID
		key string
	}
	ks := make([]keyed, 0, len(eligible))
	seen := map[domain.ID]bool{}
	for _, id := range eligible {
		if seen[id] {
			continue
		}
		seen[id] = true
		sum := sha256.Sum256([]byte(seed + "|" + salt + "|" + string(id)))
		ks = append(ks, keyed{id, hex.EncodeToString(sum[:])})
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].key != ks[j].key {
			return ks[i].key < ks[j].key
		}
		return ks[i].id < ks[j].id
	})
	count = max(0, min(count, len(ks)))
	for i, k := range ks {
		if i < count {
			drawn = append(drawn, k.id)
		} else {
			reserve = append(reserve, k.id)
		}
	}
	return drawn, reserve
}
