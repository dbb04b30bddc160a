package account

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Login throttling: each failure is its own document (inserts are safe under
// concurrency, counters are not). Within failureWindow, the first
// freeFailures failures cost nothing; after that each further attempt must
// wait a delay that doubles from baseDelay up to maxDelay after the latest
// failure, for the account and for the client's IP alike.
const (
	freeFailures  = 5
	failureWindow = time.Hour
	baseDelay     = 30 * time.Second
	maxDelay      = 15 * time.Minute
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

func (s *Service) checkThrottle(ctx context.Context, keys []string) error {
	now := s.now().UTC()
	for _, key := range keys {
		filter := bson.M{"key": key, "at": bson.M{"$gt": now.Add(-failureWindow)}}
		n, err := s.db.Collection(failuresColl).CountDocuments(ctx, filter)
		if err != nil {
			return db.Err("count login failures", err)
		}
		if n < freeFailures {
			continue
		}
		var last failureDoc
		err = s.db.Collection(failuresColl).FindOne(ctx, filter, options.FindOne().SetSort(bson.D{{Key: "at", Value: -1}})).Decode(&last)
		if err != nil {
			return db.Err("find last login failure", err)
		}
		if until := last.At.Add(throttleDelay(int(n))); now.Before(until) {
			return errRateLimited(until.Sub(now))
		}
	}
	return nil
}

// recordFailure stores a failure for each key and returns ErrBadCredentials.
func (s *Service) recordFailure(ctx context.Context, keys []string) error {
	now := s.now().UTC()
	docs := make([]any, len(keys))
	for i, k := range keys {
		docs[i] = failureDoc{ID: string(domain.NewID()), Key: k, At: now}
	}
	if _, err := s.db.Collection(failuresColl).InsertMany(ctx, docs); err != nil {
		return db.Err("record login failure", err)
	}
	return ErrBadCredentials
}
