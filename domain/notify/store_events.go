package notify

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain/db"
)

// recordEvent records a provider event as processed; won is false when it
// was processed before (the provider retries deliveries).
func (s *Service) recordEvent(ctx context.Context, d eventDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(eventsColl), d)
}

// deleteEventsBefore removes the provider event records made before t.
func (s *Service) deleteEventsBefore(ctx context.Context, t time.Time) (int, error) {
	return db.Delete(ctx, s.db.Collection(eventsColl), bson.M{"at": bson.M{"$lt": t}})
}

// markUndeliverable marks an address undeliverable; one marked before keeps
// its first record.
func (s *Service) markUndeliverable(ctx context.Context, d badAddrDoc) error {
	_, err := db.InsertOnce(ctx, s.db.Collection(badAddrColl), d)
	return err
}

// findUndeliverable reads the records of those of the emails that are
// marked undeliverable.
func (s *Service) findUndeliverable(ctx context.Context, emails []string) ([]badAddrDoc, error) {
	return db.FindAll[badAddrDoc](ctx, s.db.Collection(badAddrColl), bson.M{"_id": bson.M{"$in": emails}})
}
