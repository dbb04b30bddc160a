package account

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// insertSignUp stores a pending sign-up.
func (s *Service) insertSignUp(ctx context.Context, d signUpDoc) error {
	return db.Insert(ctx, s.db.Collection(signUpsColl), d)
}

// findSignUp reads a pending sign-up. Errors: NotFound.
func (s *Service) findSignUp(ctx context.Context, id domain.ID) (signUpDoc, error) {
	return db.FindByID[signUpDoc](ctx, s.db.Collection(signUpsColl), string(id))
}

// findSignUps reads the pending sign-ups with the given IDs.
func (s *Service) findSignUps(ctx context.Context, ids []domain.ID) ([]signUpDoc, error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = string(id)
	}
	return db.FindAll[signUpDoc](ctx, s.db.Collection(signUpsColl), bson.M{"_id": bson.M{"$in": keys}})
}

// deleteSignUp removes a pending sign-up, finished or not.
func (s *Service) deleteSignUp(ctx context.Context, id domain.ID) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(signUpsColl), bson.M{"_id": string(id)})
	return err
}

// deleteExpiredSignUps removes the sign-ups whose link expired at now.
func (s *Service) deleteExpiredSignUps(ctx context.Context, now time.Time) (int, error) {
	return db.Delete(ctx, s.db.Collection(signUpsColl), bson.M{"expires_at": bson.M{"$lte": now}})
}
