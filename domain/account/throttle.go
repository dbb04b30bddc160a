package account

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Login throttling: each failure is its own document (inserts are safe under
// concurrency, counters are not), recorded when the attempt begins, under
// two keys: the (IP, account) pair and the IP. Within failureWindow, the
// first freeFailures failures of a pair cost nothing; after that each
// further attempt of the pair must wait a delay that doubles from baseDelay
// up to maxDelay after its latest failure. The IP's failures refuse nothing
// (behind a proxy, one IP is the whole village): past freeFailures, its
// further failures are answered after guessDelay each, up to maxGuessDelay,
// which slows a guesser spraying accounts and never the owner of one.
const (
	freeFailures  = 5
	failureWindow = time.Hour
	baseDelay     = 30 * time.Second
	maxDelay      = 15 * time.Minute
	guessDelay    = 250 * time.Millisecond
	maxGuessDelay = 3 * time.Second
)

// ErrRateLimited says there were too many failed logins; retry later.
func errRateLimited(wait time.Duration) error {
	secs := int(wait.Round(time.Second) / time.Second)
	if secs < 1 {
		secs = 1
	}
	return domain.Errorf(domain.RateLimited, "登录失败次数过多，请 %d 秒后再试", "too many failed logins; try again in %d seconds", secs)
}

// throttleDelay is the wait imposed after n failures.
func throttleDelay(n int) time.Duration {
	if n < freeFailures {
		return 0
	}
	d := baseDelay
	for i := freeFailures; i < n && d < maxDelay; i++ {
		d *= 2
	}
	return min(d, maxDelay)
}

// beginAttempt records a login attempt as a failure of each key before the
// password is checked, and returns the records' IDs: parallel guesses then
// count against each other, and at most freeFailures of a burst get to
// guess. A successful login removes its records (forgetAttempt).
func (s *Service) beginAttempt(ctx context.Context, email string, keys []string) ([]string, error) {
	now := s.now().UTC()
	ids := make([]string, len(keys))
	docs := make([]failureDoc, len(keys))
	for i, k := range keys {
		ids[i] = string(domain.NewID())
		docs[i] = failureDoc{ID: ids[i], Key: k, Email: email, At: now}
	}
	if err := s.insertFailures(ctx, docs); err != nil {
		return nil, err
	}
	return ids, nil
}

// checkThrottle refuses an attempt when any of its keys has failed too
// often lately; the attempt's own records (own) do not count.
func (s *Service) checkThrottle(ctx context.Context, keys, own []string) error {
	now := s.now().UTC()
	since := now.Add(-failureWindow)
	for _, key := range keys {
		n, err := s.countFailures(ctx, key, since, own)
		if err != nil {
			return err
		}
		if n < freeFailures {
			continue
		}
		last, err := s.lastFailure(ctx, key, since, own)
		if err != nil {
			return err
		}
		if until := last.At.Add(throttleDelay(n)); now.Before(until) {
			return errRateLimited(until.Sub(now))
		}
	}
	return nil
}

// failed answers a failed login: ErrBadCredentials, after a pause when the
// IP has failed more than freeFailures times lately (its own attempt aside).
func (s *Service) failed(ctx context.Context, ipKey string, own []string) error {
	n, err := s.countFailures(ctx, ipKey, s.now().UTC().Add(-failureWindow), own)
	if err != nil {
		return err
	}
	if over := n - freeFailures + 1; over > 0 {
		s.sleep(min(time.Duration(over)*guessDelay, maxGuessDelay))
	}
	return ErrBadCredentials
}

// Limits on requests that cost the server a password hash or send mail to a
// typed address, per client IP and hour (and per address for resets).
const (
	registerPerIP = 10
	resetPerIP    = 10
	resetPerEmail = 5
	useWindow     = time.Hour
)

var errTooManyRequests = domain.Errorf(domain.RateLimited, "请求过于频繁，请一小时后再试", "too many requests; try again in an hour")

// limitUse counts one use of each key in the current clock hour and
// refuses it when a key is past its limit. Each count is one atomic
// increment, so a burst never gets past a limit; a refused use takes its
// counts back, so it uses up no other key's allowance. Keys of an unknown
// IP ("...:") are not limited: internal callers such as the demo data have
// none.
func (s *Service) limitUse(ctx context.Context, limits map[string]int) error {
	hour := s.now().UTC().Truncate(useWindow)
	var counted []string
	undo := func() {
		for _, k := range counted {
			_ = s.uncountUse(context.WithoutCancel(ctx), k, hour)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(limits)) {
		if strings.HasSuffix(k, ":") {
			continue
		}
		n, err := s.countUse(ctx, k, hour)
		if err != nil {
			undo()
			return err
		}
		counted = append(counted, k)
		if n > limits[k] {
			undo()
			return errTooManyRequests
		}
	}
	return nil
}
