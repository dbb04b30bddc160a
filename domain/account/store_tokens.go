package account

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain/db"
)

// insertToken stores a new emailed token.
func (s *Service) insertToken(ctx context.Context, t tokenDoc) error {
	return db.Insert(ctx, s.db.Collection(tokensColl), t)
}

// findToken reads the token with the given hash. Errors: NotFound
// (db.IsNotFound tells it).
func (s *Service) findToken(ctx context.Context, hash string) (tokenDoc, error) {
	return db.FindByID[tokenDoc](ctx, s.db.Collection(tokensColl), hash)
}

// useToken records the use of a token; won is false when it was used
// before. The record is keyed by the token hash, so of concurrent uses
// exactly one wins.
func (s *Service) useToken(ctx context.Context, u tokenUseDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(tokenUseColl), u)
}

// deleteToken removes a used token.
func (s *Service) deleteToken(ctx context.Context, hash string) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(tokensColl), bson.M{"_id": hash})
	return err
}

// deleteExpiredTokens removes the emailed tokens expired at now.
func (s *Service) deleteExpiredTokens(ctx context.Context, now time.Time) (int, error) {
	return db.Delete(ctx, s.db.Collection(tokensColl), bson.M{"expires_at": bson.M{"$lte": now}})
}

// deleteExpiredTokenUses removes the records of used tokens expired at now:
// an expired token is refused without them.
func (s *Service) deleteExpiredTokenUses(ctx context.Context, now time.Time) (int, error) {
	return db.Delete(ctx, s.db.Collection(tokenUseColl), bson.M{"expires_at": bson.M{"$lte": now}})
}
