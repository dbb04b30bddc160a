package account

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/notify"
)

// Signing up answers the same whether or not the email has an account, so
// it cannot tell anyone who has one. SignUp stores a pending sign-up and
// mails its link to the address; an address that has an account gets a
// mail saying so instead. The account is made only when the link is opened
// with the password chosen at sign-up (CompleteSignUp): so only the
// mailbox's owner can finish, and the owner cannot be tricked into
// finishing a sign-up someone else started with a password they know.

// SignUpTTL is how long a sign-up's link stays valid.
const SignUpTTL = 24 * time.Hour

const signUpsPerEmail = 5 // an hour, for one address: no mailbox is flooded

// SignUp checks the input and mails the address either the link that
// finishes the sign-up or, when it has an account, a note saying so. It
// answers the same either way. Errors: Invalid (email, password, name),
// RateLimited (10 an hour from one IP, 5 an hour for one address).
func (s *Service) SignUp(ctx context.Context, in RegisterInput) error {
	email, err := cleanEmail("email", in.Email)
	if err != nil {
		return err
	}
	if err := checkPassword("password", in.Password); err != nil {
		return err
	}
	name, err := cleanName("name", in.Name)
	if err != nil {
		return err
	}
	// Limited before the lookup, so the answer says nothing of the account.
	if err := s.limitUse(ctx, map[string]int{"register:" + domain.ActorFromContext(ctx).IP: registerPerIP, "signup-email:" + email: signUpsPerEmail}); err != nil {
		return err
	}
	// The hash is made either way, so both answers take as long.
	hash, err := hashPassword(in.Password)
	if err != nil {
		return err
	}
	if s.notifier == nil {
		return domain.Errorf(domain.Internal, "无法发送邮件", "mail cannot be sent")
	}
	now := s.now().UTC()
	window := now.Truncate(10 * time.Minute).Format(time.RFC3339)
	existing, err := s.findUserByEmail(ctx, email)
	switch {
	case err == nil:
		return s.notifier.Enqueue(ctx, notify.Item{
			Kind: notify.KindAccountExists, RecipientID: existing.ID, Subject: "user:" + string(existing.ID), Occurrence: window,
			SendAt: now, Data: map[string]string{"link": strings.TrimRight(s.baseURL, "/") + "/forgot-password"},
		})
	case !db.IsNotFound(err):
		return err
	}
	su := signUpDoc{ID: domain.NewID(), Email: email, Name: name, PasswordHash: hash, Lang: string(domain.LangFromContext(ctx)), CreatedAt: now, ExpiresAt: now.Add(SignUpTTL)}
	if err := s.insertSignUp(ctx, su); err != nil {
		return err
	}
	token, tokenHash := newToken()
	t := tokenDoc{Hash: tokenHash, Kind: string(tokenSignUp), UserID: su.ID, Email: email, CreatedAt: now, ExpiresAt: su.ExpiresAt}
	if err := s.insertToken(ctx, t); err != nil {
		return err
	}
	return s.notifier.Enqueue(ctx, notify.Item{
		Kind: notify.KindSignUp, RecipientID: su.ID, Subject: "signup:" + string(su.ID),
		SendAt: now, Data: map[string]string{"link": strings.TrimRight(s.baseURL, "/") + "/complete-signup?token=" + url.QueryEscape(token)},
	})
}

// CompleteSignUpInput holds a sign-up's token and the password chosen when
// signing up.
type CompleteSignUpInput struct {
	Token    string
	Password string
}

var errSignUpPassword = &domain.Error{Code: domain.Invalid, Field: "password", Message: domain.Text{ZH: "密码与注册时设置的不一致", EN: "this is not the password chosen when signing up"}}

// CompleteSignUp makes the account of a pending sign-up, its email
// verified, and starts a session. The password must be the one chosen at
// sign-up; the token works once. Errors: Invalid (bad, used or expired
// token; wrong password), Conflict (the email got an account meanwhile).
func (s *Service) CompleteSignUp(ctx context.Context, in CompleteSignUpInput) (Login, error) {
	if in.Token == "" || len(in.Token) > 100 {
		return Login{}, ErrBadToken
	}
	t, err := s.findToken(ctx, hashToken(in.Token))
	if db.IsNotFound(err) || (err == nil && (t.Kind != string(tokenSignUp) || !s.now().Before(t.ExpiresAt))) {
		return Login{}, ErrBadToken
	}
	if err != nil {
		return Login{}, err
	}
	su, err := s.findSignUp(ctx, t.UserID)
	if db.IsNotFound(err) {
		return Login{}, ErrBadToken
	}
	if err != nil {
		return Login{}, err
	}
	// Checked before the token is used, so a mistyped password costs no
	// new link.
	if !verifyPassword(su.PasswordHash, in.Password) {
		return Login{}, errSignUpPassword
	}
	if _, err := s.consumeToken(ctx, in.Token, tokenSignUp); err != nil {
		return Login{}, err
	}
	u := userDoc{ID: su.ID, Name: su.Name, Email: su.Email, PasswordHash: su.PasswordHash, EmailVerified: true, Lang: su.Lang, CreatedAt: s.now().UTC()}
	won, err := s.claimEmail(ctx, u.Email, u.ID)
	if err != nil {
		return Login{}, err
	}
	if !won {
		return Login{}, ErrEmailTaken
	}
	if err := s.insertUser(ctx, u); err != nil {
		_ = s.releaseEmail(ctx, u.Email)
		return Login{}, err
	}
	if err := s.deleteSignUp(ctx, su.ID); err != nil {
		return Login{}, err
	}
	return s.startSession(ctx, toUser(u))
}
