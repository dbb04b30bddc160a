// Package account is who people are in Yishi: users, passwords, sessions,
// email verification and password reset, login throttling, and assisted
// residents who have no email or password.
package account

import (
	"context"
	"log/slog"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/notify"
)

// Service runs the account rules over the area's collections.
type Service struct {
	db       *mongo.Database
	notifier Notifier
	now      func() time.Time
	baseURL  string
	log      *slog.Logger
	sleep    func(time.Duration)
}

// Notifier queues mail; notify.Service is one.
type Notifier interface {
	Enqueue(ctx context.Context, it notify.Item) error
}

// Config holds the Service's collaborators.
type Config struct {
	Notifier Notifier
	Now      func() time.Time // default time.Now
	BaseURL  string           // links in emails start with it
	Log      *slog.Logger
	Sleep    func(time.Duration) // default time.Sleep; slows an IP that guesses many accounts
}

// NewService returns an account Service over d.
func NewService(d *mongo.Database, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Sleep == nil {
		cfg.Sleep = time.Sleep
	}
	return &Service{db: d, notifier: cfg.Notifier, now: cfg.Now, baseURL: cfg.BaseURL, log: cfg.Log, sleep: cfg.Sleep}
}

// Errors returned by this area.
var (
	ErrEmailTaken        = &domain.Error{Code: domain.Conflict, Field: "email", Message: domain.Text{ZH: "该邮箱已注册", EN: "this email is already registered"}}
	ErrBadCredentials    = domain.Errorf(domain.Unauthenticated, "邮箱或密码不正确", "wrong email or password")
	ErrBadToken          = &domain.Error{Code: domain.Invalid, Field: "token", Message: domain.Text{ZH: "链接无效或已过期，请重新获取", EN: "this link is invalid or has expired; please request a new one"}}
	ErrWrongPassword     = &domain.Error{Code: domain.Invalid, Field: "currentPassword", Message: domain.Text{ZH: "当前密码不正确", EN: "the current password is wrong"}}
	errUserNotFound      = domain.ErrNotFound("用户", "user")
	errSessionNotFound   = domain.ErrNotFound("登录会话", "session")
	errAlreadyVerified   = domain.Errorf(domain.Conflict, "邮箱已验证", "email already verified")
	errAssistedHasNoMail = domain.Errorf(domain.Invalid, "代办居民没有邮箱", "assisted residents have no email")
)

// RegisterInput is what a person gives to sign up.
type RegisterInput struct {
	Email    string
	Password string
	Name     string
}

// Login is a started session: the user, the session and the secret token
// the client presents from now on.
type Login struct {
	User    User
	Session Session
	Token   string
}

// Register creates an account at once, starts a session and mails a link
// to verify the email, for the system (the demo data, tests): it tells
// whether an email has an account, so the API signs people up with SignUp.
// Errors: Forbidden (not the system), Invalid (email, password, name),
// Conflict (email taken).
func (s *Service) Register(ctx context.Context, in RegisterInput) (Login, error) {
	if !domain.ActorFromContext(ctx).System {
		return Login{}, domain.ErrForbidden
	}
	email, err := cleanEmail("email", in.Email)
	if err != nil {
		return Login{}, err
	}
	if err := checkPassword("password", in.Password); err != nil {
		return Login{}, err
	}
	name, err := cleanName("name", in.Name)
	if err != nil {
		return Login{}, err
	}
	hash, err := hashPassword(in.Password)
	if err != nil {
		return Login{}, err
	}
	now := s.now().UTC()
	u := userDoc{
		ID: domain.NewID(), Name: name, Email: email, PasswordHash: hash,
		Lang: string(domain.LangFromContext(ctx)), CreatedAt: now,
	}
	// The email claim is the invariant: of concurrent sign-ups with one
	// email, the first insert wins.
	won, err := s.claimEmail(ctx, email, u.ID)
	if err != nil {
		return Login{}, err
	}
	if !won {
		return Login{}, ErrEmailTaken
	}
	if err := s.insertUser(ctx, u); err != nil {
		_ = s.releaseEmail(ctx, email)
		return Login{}, err
	}
	user := toUser(u)
	if err := s.sendToken(ctx, user, tokenVerifyEmail); err != nil {
		s.log.WarnContext(ctx, "send verification email", "user", user.ID, "err", err)
	}
	return s.startSession(ctx, user)
}

// LoginInput is what a person gives to log in.
type LoginInput struct {
	Email    string
	Password string
}

// Login checks the credentials and starts a session. After repeated
// failures for the account from the client's IP it refuses that pair for a
// growing delay; failures for other accounts never refuse a right password,
// but an IP that fails for many accounts has its failures answered slowly.
// Errors: Unauthenticated (wrong email or password), RateLimited.
func (s *Service) Login(ctx context.Context, in LoginInput) (Login, error) {
	actor := domain.ActorFromContext(ctx)
	email, err := cleanEmail("email", in.Email)
	if err != nil {
		return Login{}, ErrBadCredentials
	}
	pair, ip := "login:"+actor.IP+"|"+email, "ip:"+actor.IP
	attempt, err := s.beginAttempt(ctx, email, []string{pair, ip})
	if err != nil {
		return Login{}, err
	}
	keys := []string{pair}
	if err := s.checkThrottle(ctx, keys, attempt); err != nil {
		if ferr := s.forgetAttempt(ctx, attempt); ferr != nil {
			return Login{}, ferr
		}
		return Login{}, err
	}
	u, err := s.findUserByEmail(ctx, email)
	switch {
	case db.IsNotFound(err):
		verifyPassword(dummyHash, in.Password)
		return Login{}, s.failed(ctx, ip, attempt) // the attempt stays, as a failure
	case err != nil:
		return Login{}, err
	}
	if u.Assisted || u.PasswordHash == "" || !verifyPassword(u.PasswordHash, in.Password) {
		return Login{}, s.failed(ctx, ip, attempt)
	}
	if err := s.clearLoginFailures(ctx, pair, attempt); err != nil {
		return Login{}, err
	}
	l, err := s.startSession(ctx, toUser(u))
	if err != nil {
		return l, err
	}
	// A reset may have changed the password between the check and the
	// session's insert, and ended the sessions before this one existed:
	// read the password again, and give the session up if it changed.
	cur, err := s.findUser(ctx, u.ID)
	if err != nil || cur.PasswordHash != u.PasswordHash {
		if derr := s.deleteSession(ctx, l.Session.ID); derr != nil {
			return Login{}, derr
		}
		if err != nil {
			return Login{}, err
		}
		return Login{}, ErrBadCredentials
	}
	return l, nil
}

func (s *Service) startSession(ctx context.Context, u User) (Login, error) {
	actor := domain.ActorFromContext(ctx)
	token, hash := newToken()
	now := s.now().UTC()
	d := sessionDoc{
		ID: domain.NewID(), UserID: u.ID, TokenHash: hash,
		CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(SessionTTL),
		UserAgent: truncate(actor.UserAgent, 256), IP: actor.IP,
	}
	if err := s.insertSession(ctx, d); err != nil {
		return Login{}, err
	}
	return Login{User: u, Session: toSession(d), Token: token}, nil
}

// sessionRefresh is how stale a session's last-seen time may get before a
// request slides its expiry forward; it keeps reads from writing every time.
const sessionRefresh = time.Minute

// Authenticate returns the actor a session token stands for, sliding the
// session's expiry forward. Errors: Unauthenticated (unknown, expired or
// revoked token).
func (s *Service) Authenticate(ctx context.Context, token string) (domain.Actor, error) {
	actor := domain.ActorFromContext(ctx)
	if token == "" || len(token) > 100 {
		return actor, ErrSessionExpired
	}
	d, err := s.findSessionByToken(ctx, hashToken(token))
	if db.IsNotFound(err) {
		return actor, ErrSessionExpired
	}
	if err != nil {
		return actor, err
	}
	now := s.now().UTC()
	if !now.Before(d.ExpiresAt) {
		return actor, ErrSessionExpired
	}
	if now.Sub(d.LastSeenAt) >= sessionRefresh {
		if err := s.slideSession(ctx, d.ID, now, now.Add(SessionTTL)); err != nil {
			return actor, err
		}
	}
	actor.UserID, actor.SessionID = d.UserID, d.ID
	return actor, nil
}

// ErrSessionExpired says the presented session token is not (or no longer)
// valid.
var ErrSessionExpired = domain.Errorf(domain.Unauthenticated, "登录已失效，请重新登录", "your session has expired; please log in again")

// Logout ends the actor's current session. Errors: Unauthenticated.
func (s *Service) Logout(ctx context.Context) error {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return err
	}
	return s.deleteSession(ctx, actor.SessionID)
}

// Sessions lists the actor's live sessions, newest first.
// Errors: Unauthenticated.
func (s *Service) Sessions(ctx context.Context) ([]Session, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	docs, err := s.findLiveSessions(ctx, actor.UserID, s.now().UTC())
	if err != nil {
		return nil, err
	}
	out := make([]Session, len(docs))
	for i, d := range docs {
		out[i] = toSession(d)
	}
	return out, nil
}

// RevokeSession ends one of the actor's sessions.
// Errors: Unauthenticated, NotFound (not one of the actor's sessions).
func (s *Service) RevokeSession(ctx context.Context, id domain.ID) error {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return err
	}
	deleted, err := s.deleteUserSession(ctx, id, actor.UserID)
	if err != nil {
		return err
	}
	if !deleted {
		return errSessionNotFound
	}
	return nil
}

// ChangePasswordInput holds the current and the new password.
type ChangePasswordInput struct {
	CurrentPassword string
	NewPassword     string
}

// ChangePassword sets a new password and revokes the actor's other sessions.
// Errors: Unauthenticated, Invalid (wrong current password, bad new one),
// Conflict (the password was changed or reset since it was checked).
func (s *Service) ChangePassword(ctx context.Context, in ChangePasswordInput) error {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return err
	}
	if err := checkPassword("newPassword", in.NewPassword); err != nil {
		return err
	}
	u, err := s.findUser(ctx, actor.UserID)
	if err != nil {
		return err
	}
	// The current password is throttled like a login, per (IP, account): a
	// stolen session must not become a password oracle.
	pair := "login:" + actor.IP + "|" + u.Email
	attempt, err := s.beginAttempt(ctx, u.Email, []string{pair})
	if err != nil {
		return err
	}
	if err := s.checkThrottle(ctx, []string{pair}, attempt); err != nil {
		if ferr := s.forgetAttempt(ctx, attempt); ferr != nil {
			return ferr
		}
		return err
	}
	if !verifyPassword(u.PasswordHash, in.CurrentPassword) {
		return ErrWrongPassword // the attempt stays, as a failure
	}
	if err := s.clearFailures(ctx, pair); err != nil {
		return err
	}
	hash, err := hashPassword(in.NewPassword)
	if err != nil {
		return err
	}
	// Only over the password just checked: a reset that came in between
	// (and ended this session) is not undone.
	replaced, err := s.replacePasswordHash(ctx, u.ID, u.PasswordHash, hash)
	if err != nil {
		return err
	}
	if !replaced {
		return errPasswordChanged
	}
	return s.endOtherSessions(ctx, u.ID, actor.SessionID)
}

var errPasswordChanged = domain.Errorf(domain.Conflict, "密码刚刚被改过（或被重设），请用新密码重新登录", "the password was just changed or reset; log in again with the new one")

// setPassword hashes pw and stores it as the user's password.
func (s *Service) setPassword(ctx context.Context, userID domain.ID, pw string) error {
	hash, err := hashPassword(pw)
	if err != nil {
		return err
	}
	return s.setPasswordHash(ctx, userID, hash)
}

// User returns one user. Errors: NotFound.
func (s *Service) User(ctx context.Context, id domain.ID) (User, error) {
	d, err := s.findUser(ctx, id)
	if err != nil {
		return User{}, err
	}
	return toUser(d), nil
}

// UsersByID returns the users with the given IDs in one query, keyed by ID;
// missing IDs are absent from the map.
func (s *Service) UsersByID(ctx context.Context, ids []domain.ID) (map[domain.ID]User, error) {
	docs, err := s.findUsers(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[domain.ID]User, len(docs))
	for _, d := range docs {
		out[d.ID] = toUser(d)
	}
	return out, nil
}

// Recipients returns who notifications to the given users go to; it makes
// Service a notify.Directory.
func (s *Service) Recipients(ctx context.Context, ids []domain.ID) (map[domain.ID]notify.Recipient, error) {
	users, err := s.UsersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[domain.ID]notify.Recipient, len(users))
	var rest []domain.ID
	for _, id := range ids {
		if u, ok := users[id]; ok {
			out[id] = notify.Recipient{UserID: u.ID, Email: u.Email, Name: u.Name, Lang: u.Lang, Verified: u.EmailVerified}
		} else {
			rest = append(rest, id)
		}
	}
	if len(rest) == 0 {
		return out, nil
	}
	// A pending sign-up gets its link at the address it gave, unverified.
	pending, err := s.findSignUps(ctx, rest)
	for _, d := range pending {
		out[d.ID] = notify.Recipient{UserID: d.ID, Email: d.Email, Name: d.Name, Lang: domain.Lang(d.Lang)}
	}
	return out, err
}

var _ notify.Directory = (*Service)(nil)

// AssistedInput describes a resident without email or password.
type AssistedInput struct {
	Name  string
	Phone string
}

// CreateAssisted creates an assisted resident's user record, registered by
// the actor. It checks the input only: the caller (the community area)
// checks that the actor may register residents. Errors: Unauthenticated,
// Invalid (name, phone).
func (s *Service) CreateAssisted(ctx context.Context, in AssistedInput) (User, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return User{}, err
	}
	name, err := cleanName("name", in.Name)
	if err != nil {
		return User{}, err
	}
	phone, err := cleanPhone("phone", in.Phone)
	if err != nil {
		return User{}, err
	}
	d := userDoc{
		ID: domain.NewID(), Name: name, Assisted: true, Phone: string(phone),
		Lang: string(domain.Chinese), RegisteredBy: actor.UserID, CreatedAt: s.now().UTC(),
	}
	if err := s.insertUser(ctx, d); err != nil {
		return User{}, err
	}
	return toUser(d), nil
}

// CheckAssistedInput validates an assisted resident's details without
// storing anything, so callers can report bad input before other checks.
func CheckAssistedInput(in AssistedInput) error {
	if _, err := cleanName("name", in.Name); err != nil {
		return err
	}
	_, err := cleanPhone("phone", in.Phone)
	return err
}

// DeleteExpired removes sessions, emailed tokens, token-use records and
// login failures that can no longer matter at now. It returns how many
// documents it removed.
func (s *Service) DeleteExpired(ctx context.Context, now time.Time) (int64, error) {
	var total int64
	for _, deleteExpired := range []func(context.Context, time.Time) (int, error){
		s.deleteExpiredSessions, s.deleteExpiredTokens, s.deleteExpiredTokenUses, s.deleteStaleFailures, s.deleteOldUses, s.deleteExpiredSignUps,
	} {
		n, err := deleteExpired(ctx, now)
		if err != nil {
			return total, err
		}
		total += int64(n)
	}
	return total, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// Session reads one of the actor's live sessions.
// Errors: Unauthenticated, NotFound (also another user's, or ended).
func (s *Service) Session(ctx context.Context, id domain.ID) (Session, error) {
	sessions, err := s.Sessions(ctx)
	if err != nil {
		return Session{}, err
	}
	for _, se := range sessions {
		if se.ID == id {
			return se, nil
		}
	}
	return Session{}, domain.ErrNotFound("登录会话", "session")
}
