package account

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// findUser reads one user. Errors: NotFound.
func (s *Service) findUser(ctx context.Context, id domain.ID) (userDoc, error) {
	return db.FindByIDOr[userDoc](ctx, s.db.Collection(usersColl), string(id), errUserNotFound)
}

// findUserByEmail reads the user who registered with email. Errors:
// NotFound (db.IsNotFound tells it).
func (s *Service) findUserByEmail(ctx context.Context, email string) (userDoc, error) {
	return db.FindOne[userDoc](ctx, s.db.Collection(usersColl), bson.M{"email": email})
}

// findUsers reads the users with the given IDs in one query; missing IDs
// are absent.
func (s *Service) findUsers(ctx context.Context, ids []domain.ID) ([]userDoc, error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = string(id)
	}
	return db.FindAll[userDoc](ctx, s.db.Collection(usersColl), bson.M{"_id": bson.M{"$in": keys}})
}

// insertUser stores a new user.
func (s *Service) insertUser(ctx context.Context, d userDoc) error {
	return db.Insert(ctx, s.db.Collection(usersColl), d)
}

// claimEmail claims email for a new user; won is false when the email is
// taken. The claim is the invariant: of concurrent sign-ups with one email,
// the first insert wins.
func (s *Service) claimEmail(ctx context.Context, email string, userID domain.ID) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(emailsColl), emailDoc{Email: email, UserID: userID})
}

// releaseEmail drops the claim on email, for a sign-up that failed after
// claiming it.
func (s *Service) releaseEmail(ctx context.Context, email string) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(emailsColl), bson.M{"_id": email})
	return err
}

// setPasswordHash stores a user's new password hash; a missing user is no
// error.
func (s *Service) setPasswordHash(ctx context.Context, userID domain.ID, hash string) error {
	_, err := db.Update(ctx, s.db.Collection(usersColl), bson.M{"_id": userID}, bson.M{"$set": bson.M{"password_hash": hash}})
	return err
}

// replacePasswordHash sets the user's password hash to newHash if it is
// still oldHash, and reports whether it was: a password set meanwhile (a
// reset) is not overwritten.
func (s *Service) replacePasswordHash(ctx context.Context, userID domain.ID, oldHash, newHash string) (bool, error) {
	return db.Update(ctx, s.db.Collection(usersColl), bson.M{"_id": userID, "password_hash": oldHash}, bson.M{"$set": bson.M{"password_hash": newHash}})
}

// markEmailVerified marks the user's email verified, if it is still email.
func (s *Service) markEmailVerified(ctx context.Context, userID domain.ID, email string) error {
	_, err := db.Update(ctx, s.db.Collection(usersColl),
		bson.M{"_id": userID, "email": email}, bson.M{"$set": bson.M{"email_verified": true}})
	return err
}
