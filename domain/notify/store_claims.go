package notify

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain/db"
)

// insertClaim claims one attempt of an item; won is false when the attempt
// was claimed before (the first insert wins, so one attempt is never sent
// twice).
func (s *Service) insertClaim(ctx context.Context, c claimDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(claimsColl), c)
}

// findClaim reads the claim of one attempt. Errors: NotFound.
func (s *Service) findClaim(ctx context.Context, id string) (claimDoc, error) {
	return db.FindByID[claimDoc](ctx, s.db.Collection(claimsColl), id)
}

// deleteClaimsBefore removes the delivery claims made before t.
func (s *Service) deleteClaimsBefore(ctx context.Context, t time.Time) (int, error) {
	return db.Delete(ctx, s.db.Collection(claimsColl), bson.M{"claimed_at": bson.M{"$lt": t}})
}
