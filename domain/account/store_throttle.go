package account

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain/db"
)

// insertFailures stores throttle records, in order.
func (s *Service) insertFailures(ctx context.Context, docs []failureDoc) error {
	return db.InsertMany(ctx, s.db.Collection(failuresColl), docs)
}

// forgetAttempt removes an attempt's records: it succeeded, or it was
// refused before its guess.
func (s *Service) forgetAttempt(ctx context.Context, ids []string) error {
	_, err := db.Delete(ctx, s.db.Collection(failuresColl), bson.M{"_id": bson.M{"$in": ids}})
	return err
}

// recentFailures matches the records of key after since, except the
// attempt's own.
func recentFailures(key string, since time.Time, own []string) bson.M {
	return bson.M{"key": key, "at": bson.M{"$gt": since}, "_id": bson.M{"$nin": own}}
}

// countFailures counts the records of key after since; the attempt's own
// records (own) do not count.
func (s *Service) countFailures(ctx context.Context, key string, since time.Time, own []string) (int, error) {
	return db.Count(ctx, s.db.Collection(failuresColl), recentFailures(key, since, own))
}

// countUse counts one use of key in the clock hour that starts at hour and
// returns the uses so far, this one included: of concurrent uses, each gets
// a different count.
func (s *Service) countUse(ctx context.Context, key string, hour time.Time) (int, error) {
	return db.Increment(ctx, s.db.Collection(usesColl), key+"@"+hour.Format(time.RFC3339), bson.M{"at": hour})
}

// uncountUse takes back one use of key in the clock hour that starts at
// hour.
func (s *Service) uncountUse(ctx context.Context, key string, hour time.Time) error {
	_, err := db.Update(ctx, s.db.Collection(usesColl), bson.M{"_id": key + "@" + hour.Format(time.RFC3339)}, bson.M{"$inc": bson.M{"n": -1}})
	return err
}

// deleteOldUses removes the use counts of hours that ended before now.
func (s *Service) deleteOldUses(ctx context.Context, now time.Time) (int, error) {
	return db.Delete(ctx, s.db.Collection(usesColl), bson.M{"at": bson.M{"$lt": now.Add(-useWindow)}})
}

// lastFailure reads the latest of the records countFailures counts.
// Errors: NotFound.
func (s *Service) lastFailure(ctx context.Context, key string, since time.Time, own []string) (failureDoc, error) {
	return db.FindOne[failureDoc](ctx, s.db.Collection(failuresColl), recentFailures(key, since, own),
		options.FindOne().SetSort(bson.D{{Key: "at", Value: -1}}))
}

// clearFailures removes every record of key.
func (s *Service) clearFailures(ctx context.Context, key string) error {
	_, err := db.Delete(ctx, s.db.Collection(failuresColl), bson.M{"key": key})
	return err
}

// clearLoginFailures removes every record of the (IP, account) key pair,
// and the records of the attempt (its IP record among them).
func (s *Service) clearLoginFailures(ctx context.Context, pair string, attempt []string) error {
	_, err := db.Delete(ctx, s.db.Collection(failuresColl), bson.M{"$or": []bson.M{{"key": pair}, {"_id": bson.M{"$in": attempt}}}})
	return err
}

// clearEmailFailures removes every failed login for the account email,
// from any IP.
func (s *Service) clearEmailFailures(ctx context.Context, email string) error {
	_, err := db.Delete(ctx, s.db.Collection(failuresColl), bson.M{"email": email})
	return err
}

// deleteStaleFailures removes the records that no longer count at now:
// those older than failureWindow.
func (s *Service) deleteStaleFailures(ctx context.Context, now time.Time) (int, error) {
	return db.Delete(ctx, s.db.Collection(failuresColl), bson.M{"at": bson.M{"$lte": now.Add(-failureWindow)}})
}
