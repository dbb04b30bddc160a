package account

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

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
	return s.markEmailVerified(ctx, t.UserID, t.Email)
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
	d, err := s.findUserByEmail(ctx, email)
	if db.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
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
	if err := s.endSessions(ctx, t.UserID); err != nil {
		return err
	}
	return s.clearEmailFailures(ctx, t.Email)
}

// consumeToken checks a token of the given kind and uses it up. Using it is
// an insert keyed by the token hash, so of concurrent uses exactly one wins.
func (s *Service) consumeToken(ctx context.Context, token string, kind tokenKind) (tokenDoc, error) {
	if token == "" || len(token) > 100 {
		return tokenDoc{}, ErrBadToken
	}
	hash := hashToken(token)
	t, err := s.findToken(ctx, hash)
	if db.IsNotFound(err) {
		return t, ErrBadToken
	}
	if err != nil {
		return t, err
	}
	now := s.now().UTC()
	if t.Kind != string(kind) || !now.Before(t.ExpiresAt) {
		return t, ErrBadToken
	}
	won, err := s.useToken(ctx, tokenUseDoc{Hash: hash, UsedAt: now, ExpiresAt: t.ExpiresAt})
	if err != nil {
		return t, err
	}
	if !won {
		return t, ErrBadToken
	}
	if err := s.deleteToken(ctx, hash); err != nil {
		return t, err
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
	t := tokenDoc{Hash: hash, Kind: string(kind), UserID: u.ID, Email: u.Email, CreatedAt: now, ExpiresAt: now.Add(TokenTTL)}
	if err := s.insertToken(ctx, t); err != nil {
		return err
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
