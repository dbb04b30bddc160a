// Package domaintest holds small helpers the tests of several packages
// share: a clock that tests move by hand, and running calls at once.
package domaintest

import (
	"slices"
	"sync"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Clock is a time source that only moves when a test moves it. It is safe
// for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock standing at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Add moves the clock by d.
func (c *Clock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

// AtOnce runs the calls in goroutines released together and returns their
// errors in order.
func AtOnce(calls ...func() error) []error {
	errs := make([]error, len(calls))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, call := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = call()
		}()
	}
	close(start)
	wg.Wait()
	return errs
}

// CodeIn reports whether err has one of the codes ("" for no error).
func CodeIn(err error, codes ...domain.Code) bool {
	return slices.Contains(codes, domain.ErrorCode(err))
}
