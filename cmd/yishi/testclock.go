package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// testClock is the server's clock when --test-clock is on: the real time
// plus an offset that POST /test/clock moves forward, so the browser tests
// can let a week pass (a question unanswered past its 7 days) against the
// real server. It is off by default, and a server with it says so in its
// log at start.
type testClock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now is the real time plus the offset.
func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// reset puts the clock back on the real time.
func (c *testClock) reset() time.Time {
	c.mu.Lock()
	c.offset = 0
	c.mu.Unlock()
	return c.Now()
}

// advance moves the clock forward by d.
func (c *testClock) advance(d time.Duration) time.Time {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
	return c.Now()
}

// testClockHandler serves POST /test/clock?advance=<duration, e.g. 192h>:
// it moves the clock forward (at most 400 days at a time), then runs tick,
// the jobs' catch-up, at the new time, and answers the new time.
// POST /test/clock?reset=1 puts it back on the real time, so that the
// tests after one that let a week pass run on the real time again.
func testClockHandler(c *testClock, tick func(context.Context, time.Time) error, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("reset") == "1" {
			fmt.Fprintln(w, c.reset().UTC().Format(time.RFC3339))
			return
		}
		d, err := time.ParseDuration(r.URL.Query().Get("advance"))
		if err != nil || d <= 0 || d > 400*24*time.Hour {
			http.Error(w, "usage: POST /test/clock?advance=192h (more than 0, at most 400 days)", http.StatusBadRequest)
			return
		}
		now := c.advance(d)
		log.WarnContext(r.Context(), "test clock moved", "advance", d, "now", now)
		if tick != nil {
			if err := tick(r.Context(), now); err != nil {
				http.Error(w, "the jobs failed at the new time: "+err.Error(), http.StatusServiceUnavailable)
				return
			}
		}
		fmt.Fprintln(w, now.UTC().Format(time.RFC3339))
	})
}
