package account

import (
	"log/slog"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// User is a person known to Yishi: one who registered with an email and a
// password, or an assisted resident registered by a grid worker, who has
// neither and cannot log in.
type User struct {
	ID            domain.ID
	Name          string
	Email         string // empty for assisted residents
	EmailVerified bool
	Assisted      bool
	Phone         Phone
	Lang          domain.Lang
	// RegisteredBy is the grid worker who registered an assisted resident.
	RegisteredBy domain.ID
	CreatedAt    time.Time
}

// LogValue keeps the phone number and email out of logs.
func (u User) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", string(u.ID)), slog.Bool("assisted", u.Assisted))
}

// Phone is a phone number. It never appears in logs.
type Phone string

// LogValue redacts the number.
func (p Phone) LogValue() slog.Value {
	if p == "" {
		return slog.StringValue("")
	}
	return slog.StringValue("[redacted]")
}

// Session is one logged-in client of a user.
type Session struct {
	ID         domain.ID
	UserID     domain.ID
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	UserAgent  string
	IP         string
}

// SessionTTL is how long a session lasts after it was last used.
const SessionTTL = 30 * 24 * time.Hour

// nameWhat names a person's name in messages.
var nameWhat = domain.Text{ZH: "姓名", EN: "name"}

// cleanName trims and NFC-normalises a person's name and checks it is 1–64
// runes without control characters.
func cleanName(field, s string) (string, error) {
	return text.Line(field, nameWhat, s, 1, 64)
}

// cleanEmail trims and lower-cases an email and checks its form.
func cleanEmail(field, s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	bad := domain.InvalidField(field, "邮箱地址格式不正确", "invalid email address")
	if len(s) > 254 || strings.ContainsAny(s, " \t\r\n") {
		return "", bad
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return "", bad
	}
	local, host, ok := strings.Cut(s, "@")
	if !ok || local == "" || !strings.Contains(host, ".") || strings.HasSuffix(host, ".") {
		return "", bad
	}
	return s, nil
}

var phonePattern = regexp.MustCompile(`^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$`)

// cleanPhone checks a mainland mobile (11 digits) or landline number; empty
// is allowed.
func cleanPhone(field, s string) (Phone, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return "", nil
	}
	if !phonePattern.MatchString(s) {
		return "", domain.InvalidField(field, "电话号码格式不正确", "invalid phone number")
	}
	return Phone(s), nil
}
