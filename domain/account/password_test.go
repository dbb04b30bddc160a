package account

import (
	"sync"
	"testing"
)

// TestArgonBounded: a burst of hashes and checks never computes more than
// argonSlots at once, and every one still comes out right.
func TestArgonBounded(t *testing.T) {
	argonPeak.Store(0)
	var wg sync.WaitGroup
	for range 4 * cap(argonSlots) {
		wg.Go(func() {
			h, err := hashPassword("correct horse")
			if err != nil || !verifyPassword(h, "correct horse") || verifyPassword(h, "wrong horse") {
				t.Error("hash and verify disagree", err)
			}
		})
	}
	wg.Wait()
	if peak := argonPeak.Load(); peak > int64(cap(argonSlots)) || peak < 1 {
		t.Errorf("%d hashes at once, want 1 to %d", peak, cap(argonSlots))
	}
}
