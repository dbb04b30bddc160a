package account

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// insertSession stores a new session.
func (s *Service) insertSession(ctx context.Context, d sessionDoc) error {
	return db.Insert(ctx, s.db.Collection(sessionsColl), d)
}

// findSessionByToken reads the session whose token hashes to tokenHash.
// Errors: NotFound (db.IsNotFound tells it).
func (s *Service) findSessionByToken(ctx context.Context, tokenHash string) (sessionDoc, error) {
	return db.FindOne[sessionDoc](ctx, s.db.Collection(sessionsColl), bson.M{"token_hash": tokenHash})
}

// slideSession records that a session was seen at seenAt and now expires
// at expiresAt; a session gone meanwhile is no error.
func (s *Service) slideSession(ctx context.Context, id domain.ID, seenAt, expiresAt time.Time) error {
	_, err := db.Update(ctx, s.db.Collection(sessionsColl), bson.M{"_id": id}, bson.M{"$set": bson.M{
		"last_seen_at": seenAt, "expires_at": expiresAt,
	}})
	return err
}

// findLiveSessions reads a user's sessions that expire after now, newest
// first, at most 200.
func (s *Service) findLiveSessions(ctx context.Context, userID domain.ID, now time.Time) ([]sessionDoc, error) {
	filter := bson.M{"user_id": userID, "expires_at": bson.M{"$gt": now}}
	return db.FindAll[sessionDoc](ctx, s.db.Collection(sessionsColl), filter,
		options.Find().SetSort(bson.D{{Key: "_id", Value: -1}}).SetLimit(200))
}

// deleteSession ends a session.
func (s *Service) deleteSession(ctx context.Context, id domain.ID) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(sessionsColl), bson.M{"_id": id})
	return err
}

// deleteUserSession ends a session if it is the user's, and reports whether
// it was.
func (s *Service) deleteUserSession(ctx context.Context, id, userID domain.ID) (bool, error) {
	return db.DeleteOne(ctx, s.db.Collection(sessionsColl), bson.M{"_id": id, "user_id": userID})
}

// endSessions ends every session of a user.
func (s *Service) endSessions(ctx context.Context, userID domain.ID) error {
	_, err := db.Delete(ctx, s.db.Collection(sessionsColl), bson.M{"user_id": userID})
	return err
}

// endOtherSessions ends every session of a user but keep.
func (s *Service) endOtherSessions(ctx context.Context, userID, keep domain.ID) error {
	_, err := db.Delete(ctx, s.db.Collection(sessionsColl), bson.M{"user_id": userID, "_id": bson.M{"$ne": keep}})
	return err
}

// deleteExpiredSessions removes the sessions expired at now.
func (s *Service) deleteExpiredSessions(ctx context.Context, now time.Time) (int, error) {
	return db.Delete(ctx, s.db.Collection(sessionsColl), bson.M{"expires_at": bson.M{"$lte": now}})
}
