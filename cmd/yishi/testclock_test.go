package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestTestClock: POST /test/clock moves the clock forward by a positive
// duration of at most 400 days, then runs the jobs at the new time;
// anything else is refused and moves nothing.
func TestTestClock(t *testing.T) {
	c := &testClock{}
	var ticked time.Time
	h := testClockHandler(c, func(_ context.Context, now time.Time) error { ticked = now; return nil }, slog.New(slog.NewTextHandler(io.Discard, nil)))
	for _, bad := range []string{"", "abc", "-1h", "0s", "9601h"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/test/clock?advance="+bad, nil))
		if rec.Code != http.StatusBadRequest {
			t.Errorf("advance=%q: %d, want 400", bad, rec.Code)
		}
	}
	if d := time.Until(c.Now()); d > time.Second || d < -time.Second {
		t.Fatalf("refused advances moved the clock by %v", d)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/test/clock?advance=192h", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("advance=192h: %d %s", rec.Code, rec.Body)
	}
	if d := time.Until(c.Now()); d < 191*time.Hour || d > 193*time.Hour {
		t.Errorf("the clock is %v ahead, want 192h", d)
	}
	if time.Until(ticked) < 191*time.Hour {
		t.Errorf("the jobs ran at %v, not at the new time", ticked)
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/test/clock?reset=1", nil))
	if d := time.Until(c.Now()); d > time.Second || d < -time.Second {
		t.Errorf("after a reset the clock is %v off", d)
	}
}
