package account_test

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/notify"
)

// broken is a rule a round found broken, with what the round saw.
type broken struct{ rule, seen string }

// rules collects the rules a round found broken.
type rules []broken

// want records rule as broken unless ok.
func (r *rules) want(ok bool, rule, format string, args ...any) {
	if !ok {
		*r = append(*r, broken{rule, fmt.Sprintf(format, args...)})
	}
}

// sentMail is the notify area's mailer: it keeps each kind's unsubscribe
// link.
type sentMail struct {
	mu    sync.Mutex
	links map[notify.Kind]string
}

func (m *sentMail) Send(_ context.Context, msg notify.Message) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range msg.To {
		if e.UnsubscribeURL != "" {
			m.links[notify.Kind(msg.Kind)] = e.UnsubscribeURL
		}
	}
	return string(domain.NewID()), nil
}

// pairFixture is the account fixture with the notify area beside it, which
// keeps people's notification preferences.
type pairFixture struct {
	fixture
	notify *notify.Service
	sent   *sentMail
	n      atomic.Int64
}

func newPairFixture(tb testing.TB) *pairFixture {
	tb.Helper()
	d := dbtest.New(tb)
	if err := db.EnsureIndexes(context.Background(), d.Database, account.Indexes(), notify.Indexes()); err != nil {
		tb.Fatal(err)
	}
	c := domaintest.NewClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)) // 17:00 in Shanghai: no quiet hours
	f := &pairFixture{fixture: fixture{clock: c, mail: &outbox{}, slept: new(atomic.Int64)}, sent: &sentMail{links: map[notify.Kind]string{}}}
	f.svc = account.NewService(d.Database, account.Config{Notifier: f.mail, Now: c.Now, BaseURL: "http://yishi.test",
		Sleep: func(d time.Duration) { f.slept.Add(int64(d)) }})
	f.notify = notify.NewService(d.Database, notify.Config{Mailer: f.sent, Directory: f.svc, Now: c.Now, BaseURL: "http://yishi.test"})
	return f
}

// user registers a fresh account with password and returns its login.
func (f *pairFixture) user(tb testing.TB, password string) account.Login {
	tb.Helper()
	l, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: fmt.Sprintf("u%d@example.com", f.n.Add(1)), Password: password, Name: "王芳"})
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

// loginWorks reports whether password logs in to the account, from an IP
// of its own so that no throttle is shared.
func (f *pairFixture) loginWorks(tb testing.TB, email, password string) bool {
	tb.Helper()
	i := f.n.Add(1)
	_, err := f.svc.Login(ctxFrom(fmt.Sprintf("10.%d.%d.%d", 100+i/65536%100, i/256%256, i%256)), account.LoginInput{Email: email, Password: password})
	if err != nil && domain.ErrorCode(err) != domain.Unauthenticated {
		tb.Fatalf("login: %v", err)
	}
	return err == nil
}

// alive reports whether a session token still authenticates.
func (f *pairFixture) alive(tb testing.TB, token string) bool {
	tb.Helper()
	_, err := f.svc.Authenticate(context.Background(), token)
	if err != nil && domain.ErrorCode(err) != domain.Unauthenticated {
		tb.Fatalf("authenticate: %v", err)
	}
	return err == nil
}

// resetToken asks a password reset for the account and returns the token
// mailed.
func (f *pairFixture) resetToken(tb testing.TB, l account.Login) string {
	tb.Helper()
	if err := f.svc.RequestPasswordReset(context.Background(), l.User.Email); err != nil {
		tb.Fatal(err)
	}
	return f.mail.lastToken(tb, l.User.ID, notify.KindPasswordReset)
}

// unsubscribeTokens verifies the account's email and mails it one message of
// each kind, and returns each kind's unsubscribe token.
func (f *pairFixture) unsubscribeTokens(tb testing.TB, l account.Login, kinds ...notify.Kind) map[notify.Kind]string {
	tb.Helper()
	ctx := context.Background()
	if err := f.svc.VerifyEmail(ctx, f.mail.lastToken(tb, l.User.ID, notify.KindEmailVerification)); err != nil {
		tb.Fatal(err)
	}
	for _, k := range kinds {
		data := map[string]string{"community": "小古城村", "state": "approved", "title": "议事会", "time": "2026-03-05 19:00", "place": "村委会", "agenda": "停车", "link": "http://yishi.test/"}
		if err := f.notify.Enqueue(ctx, notify.Item{Kind: k, RecipientID: l.User.ID, Subject: "test:" + string(k), Data: data}); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := f.notify.Dispatch(ctx, f.clock.Now()); err != nil {
		tb.Fatal(err)
	}
	f.sent.mu.Lock()
	defer f.sent.mu.Unlock()
	out := map[notify.Kind]string{}
	for _, k := range kinds {
		u, err := url.Parse(f.sent.links[k])
		if err != nil || u.Query().Get("t") == "" {
			tb.Fatalf("no unsubscribe link for %s: %q", k, f.sent.links[k])
		}
		out[k] = u.Query().Get("t")
	}
	return out
}

// TestConcurrentAccount takes every change of an account that two people
// (or one person twice) can make at once, runs the two calls together many
// times, each time on fresh documents, and checks through the services
// that the rules of both hold. A pair that breaks a rule reports in how
// many rounds it did.
func TestConcurrentAccount(t *testing.T) {
	f := newPairFixture(t)
	ctx := context.Background()
	// Preferences: one account mailed a join decision and a meeting reminder,
	// its preferences put back to the defaults before each round.
	subscriber := f.user(t, "password1")
	unsub := f.unsubscribeTokens(t, subscriber, notify.KindJoinDecided, notify.KindMeetingReminder)
	defaults := func(tb testing.TB) {
		off, on := []notify.Kind{}, true
		if _, err := f.notify.UpdatePreferences(asUser(subscriber), notify.PreferencesUpdate{Off: &off, Digest: &on, QuietEnabled: &on}); err != nil {
			tb.Fatal(err)
		}
	}
	prefs := func(tb testing.TB) notify.Preferences {
		p, err := f.notify.MyPreferences(asUser(subscriber))
		if err != nil {
			tb.Fatal(err)
		}
		return p
	}
	// Logins: one account logged in to again and again.
	regular := f.user(t, "password1")

	pairs := []struct {
		name  string
		round func(tb testing.TB) rules
	}{
		{"ChangePasswordVsVerifyEmail", func(tb testing.TB) (r rules) {
			l := f.user(tb, "old-password")
			verify := f.mail.lastToken(tb, l.User.ID, notify.KindEmailVerification)
			errs := domaintest.AtOnce(
				func() error {
					return f.svc.ChangePassword(asUser(l), account.ChangePasswordInput{CurrentPassword: "old-password", NewPassword: "new-password"})
				},
				func() error { return f.svc.VerifyEmail(ctx, verify) },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "ChangePassword %v, VerifyEmail %v", errs[0], errs[1])
			u, err := f.svc.User(ctx, l.User.ID)
			r.want(err == nil && u.EmailVerified, "the verification sticks", "user %+v, %v", u, err)
			r.want(f.loginWorks(tb, l.User.Email, "new-password") && !f.loginWorks(tb, l.User.Email, "old-password"), "the new password sticks", "the new password does not log in, or the old one does")
			return r
		}},
		{"VerifyEmailTwice", func(tb testing.TB) (r rules) {
			l := f.user(tb, "password1")
			verify := f.mail.lastToken(tb, l.User.ID, notify.KindEmailVerification)
			errs := domaintest.AtOnce(
				func() error { return f.svc.VerifyEmail(ctx, verify) },
				func() error { return f.svc.VerifyEmail(ctx, verify) },
			)
			r.want((errs[0] == nil) != (errs[1] == nil) && domaintest.CodeIn(errs[0], "", domain.Invalid) && domaintest.CodeIn(errs[1], "", domain.Invalid),
				"a token works once", "%v, %v", errs[0], errs[1])
			u, err := f.svc.User(ctx, l.User.ID)
			r.want(err == nil && u.EmailVerified, "the email is verified", "user %+v, %v", u, err)
			return r
		}},
		{"LoginVsLogin", func(tb testing.TB) (r rules) {
			got := make([]account.Login, 2)
			errs := domaintest.AtOnce(
				func() (err error) {
					got[0], err = f.svc.Login(ctxFrom("10.1.0.1"), account.LoginInput{Email: regular.User.Email, Password: "password1"})
					return err
				},
				func() (err error) {
					got[1], err = f.svc.Login(ctxFrom("10.1.0.2"), account.LoginInput{Email: regular.User.Email, Password: "password1"})
					return err
				},
			)
			r.want(errs[0] == nil && errs[1] == nil, "both log in", "%v, %v", errs[0], errs[1])
			if errs[0] == nil && errs[1] == nil {
				r.want(got[0].Session.ID != got[1].Session.ID && f.alive(tb, got[0].Token) && f.alive(tb, got[1].Token), "each login has its own live session",
					"sessions %s and %s", got[0].Session.ID, got[1].Session.ID)
			}
			return r
		}},
		{"LogoutVsAuthenticate", func(tb testing.TB) (r rules) {
			l, err := f.svc.Login(ctxFrom("10.1.0.3"), account.LoginInput{Email: regular.User.Email, Password: "password1"})
			if err != nil {
				tb.Fatal(err)
			}
			f.clock.Add(2 * time.Minute) // so that the next request slides the session's expiry
			errs := domaintest.AtOnce(
				func() error { return f.svc.Logout(asUser(l)) },
				func() error { _, err := f.svc.Authenticate(ctx, l.Token); return err },
			)
			r.want(errs[0] == nil, "the logout answers success", "Logout: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Unauthenticated), "Authenticate answers the actor or Unauthenticated", "Authenticate: %v", errs[1])
			r.want(!f.alive(tb, l.Token), "a session logged out stays ended", "the token still authenticates")
			return r
		}},
		{"ResetTwice", func(tb testing.TB) (r rules) {
			l := f.user(tb, "forgotten1")
			tok := f.resetToken(tb, l)
			pws := []string{"remembered-a", "remembered-b"}
			errs := domaintest.AtOnce(
				func() error {
					return f.svc.ResetPassword(ctx, account.ResetPasswordInput{Token: tok, NewPassword: pws[0]})
				},
				func() error {
					return f.svc.ResetPassword(ctx, account.ResetPasswordInput{Token: tok, NewPassword: pws[1]})
				},
			)
			r.want((errs[0] == nil) != (errs[1] == nil) && domaintest.CodeIn(errs[0], "", domain.Invalid) && domaintest.CodeIn(errs[1], "", domain.Invalid),
				"one reset with one token wins", "%v, %v", errs[0], errs[1])
			for i, pw := range pws {
				r.want(f.loginWorks(tb, l.User.Email, pw) == (errs[i] == nil), "the winner's password is the one that works",
					"reset %d answered %v", i, errs[i])
			}
			r.want(!f.alive(tb, l.Token), "the reset ends the sessions", "the old session still authenticates")
			return r
		}},
		{"ResetVsChangePassword", func(tb testing.TB) (r rules) {
			// The owner resets their password by email while someone who
			// holds a session and the old password changes it.
			l := f.user(tb, "old-password")
			tok := f.resetToken(tb, l)
			thief, err := f.svc.Authenticate(ctx, l.Token)
			if err != nil {
				tb.Fatal(err)
			}
			errs := domaintest.AtOnce(
				func() error {
					return f.svc.ResetPassword(ctx, account.ResetPasswordInput{Token: tok, NewPassword: "owner-password"})
				},
				func() error {
					return f.svc.ChangePassword(domain.NewContextWithActor(ctx, thief), account.ChangePasswordInput{CurrentPassword: "old-password", NewPassword: "thief-password"})
				},
			)
			r.want(errs[0] == nil, "the reset answers success", "ResetPassword: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Invalid, domain.Conflict), "ChangePassword answers success, Invalid (wrong current password) or Conflict (changed meanwhile)", "ChangePassword: %v", errs[1])
			r.want(!f.alive(tb, l.Token), "the reset ends every session", "the other session still authenticates")
			r.want(f.loginWorks(tb, l.User.Email, "owner-password"), "a session the reset ended cannot replace the reset password",
				"ChangePassword answered %v and its password replaced the reset one", errs[1])
			return r
		}},
		{"LoginVsReset", func(tb testing.TB) (r rules) {
			// The owner resets their password by email while someone logs in
			// with the old one.
			l := f.user(tb, "old-password")
			tok := f.resetToken(tb, l)
			var in account.Login
			errs := domaintest.AtOnce(
				func() error {
					return f.svc.ResetPassword(ctx, account.ResetPasswordInput{Token: tok, NewPassword: "owner-password"})
				},
				func() (err error) {
					in, err = f.svc.Login(ctxFrom("10.2.0.1"), account.LoginInput{Email: l.User.Email, Password: "old-password"})
					return err
				},
			)
			r.want(errs[0] == nil, "the reset answers success", "ResetPassword: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Unauthenticated), "Login answers a session or Unauthenticated", "Login: %v", errs[1])
			r.want(errs[1] != nil || !f.alive(tb, in.Token), "no session opened with the old password outlives the reset",
				"a login with the old password answered success and its session still authenticates after the reset")
			r.want(f.loginWorks(tb, l.User.Email, "owner-password"), "the reset password works", "it does not log in")
			return r
		}},
		{"ChangePasswordTwice", func(tb testing.TB) (r rules) {
			// One person, in two tabs of one session.
			a := f.user(tb, "old-password")
			pws := []string{"new-password-a", "new-password-b"}
			errs := domaintest.AtOnce(
				func() error {
					return f.svc.ChangePassword(asUser(a), account.ChangePasswordInput{CurrentPassword: "old-password", NewPassword: pws[0]})
				},
				func() error {
					return f.svc.ChangePassword(asUser(a), account.ChangePasswordInput{CurrentPassword: "old-password", NewPassword: pws[1]})
				},
			)
			works := 0
			for i, pw := range pws {
				r.want(domaintest.CodeIn(errs[i], "", domain.Invalid, domain.Conflict), "ChangePassword answers success, Invalid (wrong current password) or Conflict (changed meanwhile)", "ChangePassword %d: %v", i, errs[i])
				if f.loginWorks(tb, a.User.Email, pw) {
					works++
					r.want(errs[i] == nil, "only a change that answered success sets the password", "change %d answered %v and its password works", i, errs[i])
				}
			}
			r.want(works == 1, "one of the two new passwords stands", "%d of the new passwords work", works)
			return r
		}},
		{"PreferencesVsUnsubscribe", func(tb testing.TB) (r rules) {
			defaults(tb)
			off := false
			errs := domaintest.AtOnce(
				func() error {
					_, err := f.notify.UpdatePreferences(asUser(subscriber), notify.PreferencesUpdate{QuietEnabled: &off})
					return err
				},
				func() error { _, err := f.notify.Unsubscribe(ctx, unsub[notify.KindJoinDecided]); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "UpdatePreferences %v, Unsubscribe %v", errs[0], errs[1])
			p := prefs(tb)
			r.want(!p.QuietEnabled && slices.Contains(p.Off, notify.KindJoinDecided), "both changes are kept",
				"quiet hours enabled %v, off %v", p.QuietEnabled, p.Off)
			return r
		}},
		{"UnsubscribeVsUnsubscribe", func(tb testing.TB) (r rules) {
			defaults(tb)
			errs := domaintest.AtOnce(
				func() error { _, err := f.notify.Unsubscribe(ctx, unsub[notify.KindJoinDecided]); return err },
				func() error { _, err := f.notify.Unsubscribe(ctx, unsub[notify.KindMeetingReminder]); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			p := prefs(tb)
			r.want(slices.Contains(p.Off, notify.KindJoinDecided) && slices.Contains(p.Off, notify.KindMeetingReminder), "both kinds are turned off", "off %v", p.Off)
			return r
		}},
		{"UnsubscribeTwice", func(tb testing.TB) (r rules) {
			defaults(tb)
			errs := domaintest.AtOnce(
				func() error { _, err := f.notify.Unsubscribe(ctx, unsub[notify.KindJoinDecided]); return err },
				func() error { _, err := f.notify.Unsubscribe(ctx, unsub[notify.KindJoinDecided]); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			p := prefs(tb)
			r.want(slices.Equal(p.Off, []notify.Kind{notify.KindJoinDecided}), "the kind is turned off, once", "off %v", p.Off)
			return r
		}},
		{"PreferencesVsPreferences", func(tb testing.TB) (r rules) {
			defaults(tb)
			off := false
			errs := domaintest.AtOnce(
				func() error {
					_, err := f.notify.UpdatePreferences(asUser(subscriber), notify.PreferencesUpdate{QuietEnabled: &off})
					return err
				},
				func() error {
					_, err := f.notify.UpdatePreferences(asUser(subscriber), notify.PreferencesUpdate{Digest: &off})
					return err
				},
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			p := prefs(tb)
			r.want(!p.QuietEnabled && !p.Digest, "both changes are kept (fields an update leaves out stay)", "quiet hours enabled %v, digest %v", p.QuietEnabled, p.Digest)
			return r
		}},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			count, first := map[string]int{}, map[string]string{}
			var order []string
			for range pairRounds {
				inRound := map[string]bool{}
				for _, b := range p.round(t) {
					if count[b.rule] == 0 {
						order = append(order, b.rule)
						first[b.rule] = b.seen
					}
					if !inRound[b.rule] {
						inRound[b.rule] = true
						count[b.rule]++
					}
				}
			}
			for _, rule := range order {
				t.Errorf("%s: broken in %d of %d rounds (first seen: %s)", rule, count[rule], pairRounds, first[rule])
			}
		})
	}
}
