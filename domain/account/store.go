package account

import (
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Collections owned by this area.
const (
	usersColl    = "users"
	emailsColl   = "user_emails"    // one document per email: _id is the email, the uniqueness claim
	sessionsColl = "sessions"       // _id is the session id; token_hash is unique
	tokensColl   = "account_tokens" // _id is the SHA-256 of an emailed token
	tokenUseColl = "token_uses"     // _id is the token hash: inserting it consumes the token once
	failuresColl = "login_failures" // throttle records: failed logins by (IP, account) and by IP
	signUpsColl  = "sign_ups"       // pending sign-ups, until their link is opened: _id becomes the user's
	usesColl     = "use_counts"     // _id is key@hour: sign-ups and resets counted per IP and address, per clock hour
)

// Indexes returns the indexes this area needs.
func Indexes() []db.Index {
	return []db.Index{
		{Collection: emailsColl, Keys: bson.D{{Key: "user_id", Value: 1}}},
		{Collection: usersColl, Keys: bson.D{{Key: "email", Value: 1}}},
		{Collection: sessionsColl, Keys: bson.D{{Key: "token_hash", Value: 1}}, Unique: true},
		{Collection: sessionsColl, Keys: bson.D{{Key: "user_id", Value: 1}}},
		{Collection: sessionsColl, Keys: bson.D{{Key: "expires_at", Value: 1}}},
		{Collection: tokensColl, Keys: bson.D{{Key: "expires_at", Value: 1}}},
		{Collection: failuresColl, Keys: bson.D{{Key: "key", Value: 1}, {Key: "at", Value: 1}}},
		{Collection: usesColl, Keys: bson.D{{Key: "at", Value: 1}}},
		{Collection: signUpsColl, Keys: bson.D{{Key: "expires_at", Value: 1}}},
	}
}

type userDoc struct {
	ID            domain.ID `bson:"_id"`
	Name          string    `bson:"name"`
	Email         string    `bson:"email,omitempty"`
	EmailVerified bool      `bson:"email_verified"`
	PasswordHash  string    `bson:"password_hash,omitempty"`
	Assisted      bool      `bson:"assisted"`
	Phone         string    `bson:"phone,omitempty"`
	Lang          string    `bson:"lang"`
	RegisteredBy  domain.ID `bson:"registered_by,omitempty"`
	CreatedAt     time.Time `bson:"created_at"`
}

func toUser(d userDoc) User {
	return User{
		ID: d.ID, Name: d.Name, Email: d.Email, EmailVerified: d.EmailVerified,
		Assisted: d.Assisted, Phone: Phone(d.Phone), Lang: domain.Lang(d.Lang),
		RegisteredBy: d.RegisteredBy, CreatedAt: d.CreatedAt,
	}
}

type emailDoc struct {
	Email  string    `bson:"_id"`
	UserID domain.ID `bson:"user_id"`
}

type sessionDoc struct {
	ID         domain.ID `bson:"_id"`
	UserID     domain.ID `bson:"user_id"`
	TokenHash  string    `bson:"token_hash"`
	CreatedAt  time.Time `bson:"created_at"`
	LastSeenAt time.Time `bson:"last_seen_at"`
	ExpiresAt  time.Time `bson:"expires_at"`
	UserAgent  string    `bson:"user_agent"`
	IP         string    `bson:"ip"`
}

func toSession(d sessionDoc) Session {
	return Session{
		ID: d.ID, UserID: d.UserID, CreatedAt: d.CreatedAt,
		LastSeenAt: d.LastSeenAt, ExpiresAt: d.ExpiresAt, UserAgent: d.UserAgent, IP: d.IP,
	}
}

// tokenKind says what an emailed token is for.
type tokenKind string

const (
	tokenVerifyEmail   tokenKind = "verify_email"
	tokenResetPassword tokenKind = "reset_password"
	tokenSignUp        tokenKind = "sign_up"
)

type tokenDoc struct {
	Hash      string    `bson:"_id"`
	Kind      string    `bson:"kind"`
	UserID    domain.ID `bson:"user_id"`
	Email     string    `bson:"email"`
	CreatedAt time.Time `bson:"created_at"`
	ExpiresAt time.Time `bson:"expires_at"`
}

type tokenUseDoc struct {
	Hash      string    `bson:"_id"`
	UsedAt    time.Time `bson:"used_at"`
	ExpiresAt time.Time `bson:"expires_at"`
}

type failureDoc struct {
	ID    string    `bson:"_id"`
	Key   string    `bson:"key"`   // "login:<ip>|<email>" or "ip:<ip>"
	Email string    `bson:"email"` // the account tried, so a password reset can clear its failures
	At    time.Time `bson:"at"`
}

// signUpDoc is a pending sign-up: the account it will become once its
// link is opened.
type signUpDoc struct {
	ID           domain.ID `bson:"_id"`
	Email        string    `bson:"email"`
	Name         string    `bson:"name"`
	PasswordHash string    `bson:"password_hash"`
	Lang         string    `bson:"lang"`
	CreatedAt    time.Time `bson:"created_at"`
	ExpiresAt    time.Time `bson:"expires_at"`
}
