package notify

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Preferences are what a person wants to receive.
type Preferences struct {
	// Off lists the optional kinds turned off.
	Off []Kind
	// Digest is the weekly digest, on by default.
	Digest bool
	// Quiet hours, in minutes after local midnight: non-urgent mail that
	// falls between QuietStart and QuietEnd waits until QuietEnd.
	QuietEnabled         bool
	QuietStart, QuietEnd int
}

// DefaultPreferences: everything on, quiet from 21:00 to 08:00.
func DefaultPreferences() Preferences {
	return Preferences{Digest: true, QuietEnabled: true, QuietStart: 21 * 60, QuietEnd: 8 * 60}
}

func (p Preferences) off(k Kind) bool {
	if k == KindWeeklyDigest && !p.Digest {
		return true
	}
	for _, o := range p.Off {
		if o == k {
			return true
		}
	}
	return false
}

// quietUntil reports whether now falls in the quiet hours in zone and, if
// so, when they end.
func (p Preferences) quietUntil(now time.Time, zone string) (time.Time, bool) {
	if !p.QuietEnabled || p.QuietStart == p.QuietEnd {
		return now, false
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		loc, _ = time.LoadLocation(defaultZone)
	}
	local := now.In(loc)
	minute := local.Hour()*60 + local.Minute()
	var quiet bool
	if p.QuietStart < p.QuietEnd {
		quiet = minute >= p.QuietStart && minute < p.QuietEnd
	} else {
		quiet = minute >= p.QuietStart || minute < p.QuietEnd
	}
	if !quiet {
		return now, false
	}
	day := local
	if minute >= p.QuietEnd {
		day = local.AddDate(0, 0, 1)
	}
	end := time.Date(day.Year(), day.Month(), day.Day(), p.QuietEnd/60, p.QuietEnd%60, 0, 0, loc)
	return end.UTC(), true
}

// prefsFor returns the preferences of several users in one query; users who
// never changed theirs get the defaults.
func (s *Service) prefsFor(ctx context.Context, ids []domain.ID) (map[domain.ID]Preferences, error) {
	docs, err := s.findPrefs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[domain.ID]Preferences, len(ids))
	for _, id := range ids {
		out[id] = DefaultPreferences()
	}
	for _, d := range docs {
		out[d.UserID] = toPrefs(d)
	}
	return out, nil
}

// MyPreferences returns the actor's preferences. Errors: Unauthenticated.
func (s *Service) MyPreferences(ctx context.Context) (Preferences, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return Preferences{}, err
	}
	m, err := s.prefsFor(ctx, []domain.ID{actor.UserID})
	return m[actor.UserID], err
}

// PreferencesUpdate changes some preferences; nil fields stay.
type PreferencesUpdate struct {
	Off          *[]Kind
	Digest       *bool
	QuietEnabled *bool
	QuietStart   *string // "HH:MM"
	QuietEnd     *string
}

// UpdatePreferences changes the actor's preferences. Errors:
// Unauthenticated, Invalid (a kind that cannot be turned off, a bad time).
func (s *Service) UpdatePreferences(ctx context.Context, up PreferencesUpdate) (Preferences, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return Preferences{}, err
	}
	var c prefsChange
	if up.Off != nil {
		off := []Kind{}
		for _, k := range *up.Off {
			if !k.Valid() || kinds[k].Urgent {
				return Preferences{}, domain.InvalidField("off", "该类通知不能关闭", "this kind of notification cannot be turned off")
			}
			if !slices.Contains(off, k) {
				off = append(off, k)
			}
		}
		c.Off = &off
	}
	c.Digest, c.QuietEnabled = up.Digest, up.QuietEnabled
	for _, t := range []struct {
		in    *string
		out   **int
		field string
	}{{up.QuietStart, &c.QuietStart, "quietStart"}, {up.QuietEnd, &c.QuietEnd, "quietEnd"}} {
		if t.in == nil {
			continue
		}
		m, ok := parseClock(*t.in)
		if !ok {
			return Preferences{}, domain.InvalidField(t.field, "时间格式应为 HH:MM", "time must be HH:MM")
		}
		*t.out = &m
	}
	if err := s.changePrefs(ctx, actor.UserID, c); err != nil {
		return Preferences{}, err
	}
	return s.MyPreferences(ctx)
}

// parseClock reads "HH:MM" as minutes after midnight.
func parseClock(s string) (int, bool) {
	var h, m int
	if n, err := fmt.Sscanf(strings.TrimSpace(s), "%d:%d", &h, &m); err != nil || n != 2 || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// FormatClock writes minutes after midnight as "HH:MM".
func FormatClock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// unsubscribeURL is the signed link that turns one kind off for one user
// without logging in.
func (s *Service) unsubscribeURL(ctx context.Context, userID domain.ID, k Kind) (string, error) {
	if kinds[k].Urgent {
		return "", nil
	}
	token, err := s.sign(ctx, "unsub", string(userID), string(k))
	if err != nil {
		return "", err
	}
	return s.baseURL + "/unsubscribe?t=" + url.QueryEscape(token), nil
}

// sign returns "part|part|...|mac" in base64url, MACed with the secret.
func (s *Service) sign(ctx context.Context, purpose string, parts ...string) (string, error) {
	key, err := s.secretKey(ctx)
	if err != nil {
		return "", err
	}
	payload := strings.Join(parts, "|")
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(purpose + "|" + payload))
	return base64.RawURLEncoding.EncodeToString([]byte(payload)) + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil)[:16]), nil
}

// verify checks a token made by sign and returns its parts.
func (s *Service) verify(ctx context.Context, purpose, token string, n int) ([]string, bool) {
	if len(token) > 300 {
		return nil, false
	}
	p64, m64, ok := strings.Cut(token, ".")
	payload, err1 := base64.RawURLEncoding.DecodeString(p64)
	got, err2 := base64.RawURLEncoding.DecodeString(m64)
	if !ok || err1 != nil || err2 != nil {
		return nil, false
	}
	key, err := s.secretKey(ctx)
	if err != nil {
		return nil, false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(purpose + "|" + string(payload)))
	if !hmac.Equal(got, mac.Sum(nil)[:16]) {
		return nil, false
	}
	parts := strings.Split(string(payload), "|")
	if len(parts) != n {
		return nil, false
	}
	return parts, true
}

// Unsubscribe turns off the kind named in a signed unsubscribe token; no
// login is needed. It returns the kind. Errors: Invalid (bad token).
func (s *Service) Unsubscribe(ctx context.Context, token string) (Kind, error) {
	parts, ok := s.verify(ctx, "unsub", token, 2)
	bad := domain.InvalidField("token", "退订链接无效", "invalid unsubscribe link")
	if !ok {
		return "", bad
	}
	userID, k := domain.ID(parts[0]), Kind(parts[1])
	if !k.Valid() || kinds[k].Urgent {
		return "", bad
	}
	c := prefsChange{TurnOff: k}
	if k == KindWeeklyDigest {
		off := false
		c = prefsChange{Digest: &off}
	}
	return k, s.changePrefs(ctx, userID, c)
}
