package account

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/notify"
)

// TokenTTL is how long an emailed link stays valid.
const TokenTTL = time.Hour

// RequestEmailVerification mails the actor a new link to verify their email.
// Errors: Unauthenticated, Conflict (already verified), Invalid (assisted).
func (s *Service) RequestEmailVerification(ctx context.Context) error {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return err
	}
	u, err := s.User(ctx, actor.UserID)
	if err != nil {
		return err
	}
	switch {
	case u.Email == "":
		return errAssistedHasNoMail
	case u.EmailVerified:
		return errAlreadyVerified
	}
	return s.sendToken(ctx, u, tokenVerifyEmail)
}

// VerifyEmail marks the email the token was sent to as verified. A token
// works once, within TokenTTL. Errors: Invalid (bad, used or expired token).
func (s *Service) VerifyEmail(ctx context.Context, token string) error {
	t, err := s.consumeToken(ctx, token, tokenVerifyEmail)
	if err != nil {
		return err
	}
	_, err = s.db.Collection(usersColl).UpdateOne(ctx,
		bson.M{"_id": t.UserID, "email": t.Email}, bson.M{"$set": bson.M{"email_verified": true}})
	return db.Err("verify email", err)
}

// RequestPasswordReset mails a reset link when the email belongs to an
// account. It answers the same whether or not it does, so it cannot be used
// to find out who has an account. Errors: Invalid (malformed email),
// RateLimited (10 an hour from one IP, 5 an hour for one address).
func (s *Service) RequestPasswordReset(ctx context.Context, email string) error {
	email, err := cleanEmail("email", email)
	if err != nil {
		return err
	}
	// Limited before the lookup, so the answer says nothing of the account.
	if err := s.limitUse(ctx, map[string]int{"reset:" + domain.ActorFromContext(ctx).IP: resetPerIP, "reset-email:" + email: resetPerEmail}); err != nil {
		return err
	}
	var d userDoc
	err = s.db.Collection(usersColl).FindOne(ctx, bson.M{"email": email}).Decode(&d)
	if db.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return db.Err("find user", err)
	}
	if err := s.sendToken(ctx, toUser(d), tokenResetPassword); err != nil {
		s.log.WarnContext(ctx, "send password reset email", "user", d.ID, "err", err)
	}
	return nil
}

// ResetPasswordInput holds a reset token and the new password.
type ResetPasswordInput struct {
	Token       string
	NewPassword string
}

// ResetPassword sets a new password with an emailed token, ends every
// session of the user and clears their login failures. Errors: Invalid (bad,
// used or expired token; bad password).
func (s *Service) ResetPassword(ctx context.Context, in ResetPasswordInput) error {
	if err := checkPassword("newPassword", in.NewPassword); err != nil {
		return err
	}
	t, err := s.consumeToken(ctx, in.Token, tokenResetPassword)
	if err != nil {
		return err
	}
	if err := s.setPassword(ctx, t.UserID, in.NewPassword); err != nil {
		return err
	}
	if _, err := s.db.Collection(sessionsColl).DeleteMany(ctx, bson.M{"user_id": t.UserID}); err != nil {
		return db.Err("end sessions", err)
	}
	_, err = s.db.Collection(failuresColl).DeleteMany(ctx, bson.M{"email": t.Email})
	return db.Err("clear login failures", err)
}

// consumeToken checks a token of the given kind and uses it up. Using it is
// an insert keyed by the token hash, so of concurrent uses exactly one wins.
func (s *Service) consumeToken(ctx context.Context, token string, kind tokenKind) (tokenDoc, error) {
	var t tokenDoc
	if token == "" || len(token) > 100 {
		return t, ErrBadToken
	}
	hash := hashToken(token)
	err := s.db.Collection(tokensColl).FindOne(ctx, bson.M{"_id": hash}).Decode(&t)
	if db.IsNotFound(err) {
		return t, ErrBadToken
	}
	if err != nil {
		return t, db.Err("find token", err)
	}
	now := s.now().UTC()
	if t.Kind != string(kind) || !now.Before(t.ExpiresAt) {
		return t, ErrBadToken
	}
	if _, err := s.db.Collection(tokenUseColl).InsertOne(ctx, tokenUseDoc{Hash: hash, UsedAt: now, ExpiresAt: t.ExpiresAt}); err != nil {
		if db.IsDuplicate(err) {
			return t, ErrBadToken
		}
		return t, db.Err("use token", err)
	}
	if _, err := s.db.Collection(tokensColl).DeleteOne(ctx, bson.M{"_id": hash}); err != nil {
		return t, db.Err("delete token", err)
	}
	return t, nil
}

// sendToken stores a new token of kind for u and queues the mail with its
// link. The outbox keeps the link only until the mail has left.
func (s *Service) sendToken(ctx context.Context, u User, kind tokenKind) error {
	if s.notifier == nil {
		return fmt.Errorf("no notifier configured")
	}
	token, hash := newToken()
	now := s.now().UTC()
	t := tokenDoc{Hash: hash, Kind: string(kind), UserID: string(u.ID), Email: u.Email, CreatedAt: now, ExpiresAt: now.Add(TokenTTL)}
	if _, err := s.db.Collection(tokensColl).InsertOne(ctx, t); err != nil {
		return db.Err("insert token", err)
	}
	path, nk := "/verify-email", notify.KindEmailVerification
	if kind == tokenResetPassword {
		path, nk = "/reset-password", notify.KindPasswordReset
	}
	// One mail per person, kind and 10 minutes, however often the link is
	// asked for: the outbox drops the rest, so nobody can flood a mailbox.
	window := now.Truncate(10 * time.Minute).Format(time.RFC3339)
	return s.notifier.Enqueue(ctx, notify.Item{
		Kind: nk, RecipientID: u.ID, Subject: "user:" + string(u.ID), Occurrence: window,
		SendAt: now, Data: map[string]string{"link": strings.TrimRight(s.baseURL, "/") + path + "?token=" + url.QueryEscape(token)},
	})
}
