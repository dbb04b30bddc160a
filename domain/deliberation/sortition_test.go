package deliberation_test

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

func TestDrawDeterministic(t *testing.T) {
	var eligible []domain.ID
	for i := range 40 {
		eligible = append(eligible, domain.ID(string(rune('A'+i%26))+string(rune('a'+i/26))))
	}
	drawn, reserve := deliberation.Draw("seed-2026", "affected/g1", eligible, 7)
	if len(drawn) != 7 || len(reserve) != 33 {
		t.Fatalf("drew %d with %d in reserve", len(drawn), len(reserve))
	}
	shuffled := slices.Clone(eligible)
	slices.Reverse(shuffled)
	again, _ := deliberation.Draw("seed-2026", "affected/g1", append(shuffled, eligible[0]), 7)
	if !slices.Equal(drawn, again) {
		t.Errorf("the same seed and list gave %v, then %v", drawn, again)
	}
	other, _ := deliberation.Draw("seed-2027", "affected/g1", eligible, 7)
	if slices.Equal(drawn, other) {
		t.Errorf("another seed drew the same panel %v", drawn)
	}
	// The published algorithm, recomputed independently.
	ids := []domain.ID{"u1", "u2", "u3", "u4"}
	key := func(id domain.ID) string {
		sum := sha256.Sum256([]byte("s|k|" + string(id)))
		return hex.EncodeToString(sum[:])
	}
	want := slices.Clone(ids)
	slices.SortFunc(want, func(a, b domain.ID) int { return strings.Compare(key(a), key(b)) })
	got, res := deliberation.Draw("s", "k", ids, 2)
	if !slices.Equal(append(got, res...), want) {
		t.Errorf("draw %v + reserve %v, want the order %v", got, res, want)
	}
	if got, res := deliberation.Draw("s", "k", eligible, 100); len(got) != 40 || len(res) != 0 {
		t.Errorf("over-asking draws everyone: %d, %d", len(got), len(res))
	}
}
