package account_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
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

func TestMain(m *testing.M) { dbtest.Main(m) }

// outbox records queued notifications instead of sending them; it is the
// boundary to the notify area, not our storage.
type outbox struct {
	mu    sync.Mutex
	items []notify.Item
}

func (o *outbox) Enqueue(_ context.Context, it notify.Item) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.items = append(o.items, it)
	return nil
}

// lastToken returns the token in the last link of the given kind queued for
// the user.
func (o *outbox) lastToken(tb testing.TB, user domain.ID, kind notify.Kind) string {
	tb.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	for i := len(o.items) - 1; i >= 0; i-- {
		if it := o.items[i]; it.RecipientID == user && it.Kind == kind {
			u, err := url.Parse(it.Data["link"])
			if err != nil {
				tb.Fatal(err)
			}
			return u.Query().Get("token")
		}
	}
	tb.Fatalf("no %s queued for %s", kind, user)
	return ""
}

type fixture struct {
	svc   *account.Service
	clock *domaintest.Clock
	mail  *outbox
	slept *atomic.Int64 // how long the service paused failed logins, in all
}

func newFixture(tb testing.TB) fixture {
	tb.Helper()
	d := dbtest.New(tb)
	if err := db.EnsureIndexes(context.Background(), d.Database, account.Indexes()); err != nil {
		tb.Fatal(err)
	}
	c := domaintest.NewClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	m := &outbox{}
	f := fixture{clock: c, mail: m, slept: new(atomic.Int64)}
	f.svc = account.NewService(d.Database, account.Config{Notifier: m, Now: c.Now, BaseURL: "http://yishi.test",
		Sleep: func(d time.Duration) { f.slept.Add(int64(d)) }})
	return f
}

func ctxFrom(ip string) context.Context {
	return domain.NewContextWithActor(context.Background(), domain.Actor{IP: ip})
}

func asUser(l account.Login) context.Context {
	return domain.NewContextWithActor(context.Background(), domain.Actor{UserID: l.User.ID, SessionID: l.Session.ID})
}

func wantCode(tb testing.TB, err error, want domain.Code) {
	tb.Helper()
	if got := domain.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

func TestRegister(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	l, err := f.svc.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "  Wang.Fang@Example.COM ", Password: "correct horse", Name: " 王芳 "})
	if err != nil {
		t.Fatal(err)
	}
	if l.User.Email != "wang.fang@example.com" || l.User.Name != "王芳" || l.User.EmailVerified {
		t.Errorf("user = %+v", l.User)
	}
	if len(l.Token) < 43 {
		t.Errorf("token %q is shorter than 256 bits", l.Token)
	}
	if _, err := f.svc.Authenticate(ctx, l.Token); err != nil {
		t.Errorf("authenticate new session: %v", err)
	}
	t.Run("ErrSameEmailOtherCase", func(t *testing.T) {
		_, err := f.svc.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "WANG.FANG@example.com", Password: "another pw", Name: "王芳二"})
		wantCode(t, err, domain.Conflict)
	})
}

func TestRegisterInvalid(t *testing.T) {
	f := newFixture(t)
	ok := account.RegisterInput{Email: "a@example.com", Password: "12345678", Name: "李明"}
	tests := []struct {
		name  string
		edit  func(*account.RegisterInput)
		field string
	}{
		{"ErrEmail", func(in *account.RegisterInput) { in.Email = "not-an-email" }, "email"},
		{"ErrEmailWithName", func(in *account.RegisterInput) { in.Email = "Li <li@example.com>" }, "email"},
		{"ErrEmailOperator", func(in *account.RegisterInput) { in.Email = `{"$gt": ""}` }, "email"},
		{"ErrPassword7Bytes", func(in *account.RegisterInput) { in.Password = "1234567" }, "password"},
		{"ErrPassword200Bytes", func(in *account.RegisterInput) { in.Password = strings.Repeat("p", 200) }, "password"},
		{"ErrNameWhitespace", func(in *account.RegisterInput) { in.Name = " \t\u3000 " }, "name"},
		{"ErrName1000Runes", func(in *account.RegisterInput) { in.Name = strings.Repeat("李", 1000) }, "name"},
		{"ErrNameControl", func(in *account.RegisterInput) { in.Name = "李\x00明" }, "name"},
		{"ErrNameNewline", func(in *account.RegisterInput) { in.Name = "李\n明" }, "name"},
		{"ErrNameInvalidUTF8", func(in *account.RegisterInput) { in.Name = "李\xff" }, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.edit(&in)
			_, err := f.svc.Register(domain.NewSystemContext(context.Background()), in)
			e, isDomain := domain.AsError(err)
			if !isDomain || e.Code != domain.Invalid || e.Field != tt.field {
				t.Fatalf("err = %v, want Invalid on %s", err, tt.field)
			}
			if e.Message.ZH == "" || e.Message.EN == "" {
				t.Errorf("message not in both languages: %+v", e.Message)
			}
		})
	}
	t.Run("OKEmojiAndNFC", func(t *testing.T) {
		for in, want := range map[string]string{"🌸": "🌸", "Jose\u0301": "José", strings.Repeat("好", 64): strings.Repeat("好", 64)} {
			l, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: string(domain.NewID()) + "@example.com", Password: "12345678", Name: in})
			if err != nil {
				t.Fatalf("name %q: %v", in, err)
			}
			if l.User.Name != want {
				t.Errorf("name %q stored as %q, want %q", in, l.User.Name, want)
			}
		}
	})
}

func TestRegisterConcurrentSameEmail(t *testing.T) {
	f := newFixture(t)
	const n = 20
	var wg sync.WaitGroup
	var mu sync.Mutex
	var users []domain.ID
	conflicts := 0
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			email := "same@example.com"
			if i%2 == 1 {
				email = "SAME@example.com"
			}
			l, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: email, Password: "12345678", Name: "同名"})
			mu.Lock()
			defer mu.Unlock()
			switch domain.ErrorCode(err) {
			case "":
				users = append(users, l.User.ID)
			case domain.Conflict:
				conflicts++
			default:
				t.Errorf("register: %v", err)
			}
		}()
	}
	wg.Wait()
	if len(users) != 1 || conflicts != n-1 {
		t.Fatalf("%d accounts and %d conflicts, want 1 and %d", len(users), conflicts, n-1)
	}
	_, err := f.svc.Login(ctxFrom("10.0.0.1"), account.LoginInput{Email: "same@example.com", Password: "12345678"})
	if err != nil {
		t.Errorf("login to the one account: %v", err)
	}
}

func TestLogin(t *testing.T) {
	f := newFixture(t)
	reg, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "zhang@example.com", Password: "s3cret-pass", Name: "张伟"})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("OK", func(t *testing.T) {
		l, err := f.svc.Login(ctxFrom("10.0.0.1"), account.LoginInput{Email: " ZHANG@example.com", Password: "s3cret-pass"})
		if err != nil {
			t.Fatal(err)
		}
		if l.User.ID != reg.User.ID || l.Token == reg.Token {
			t.Errorf("login = %+v", l)
		}
	})
	t.Run("ErrWrongPassword", func(t *testing.T) {
		_, err := f.svc.Login(ctxFrom("10.0.0.2"), account.LoginInput{Email: "zhang@example.com", Password: "wrong-pass"})
		wantCode(t, err, domain.Unauthenticated)
	})
	t.Run("ErrUnknownEmail", func(t *testing.T) {
		_, err := f.svc.Login(ctxFrom("10.0.0.2"), account.LoginInput{Email: "nobody@example.com", Password: "s3cret-pass"})
		wantCode(t, err, domain.Unauthenticated)
	})
}

func TestLoginThrottle(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "liu@example.com", Password: "right-password", Name: "刘洋"})
	if err != nil {
		t.Fatal(err)
	}
	login := func(ip, pw string) error {
		_, err := f.svc.Login(ctxFrom(ip), account.LoginInput{Email: "liu@example.com", Password: pw})
		return err
	}
	t.Run("PerIPAndAccount", func(t *testing.T) {
		for range 5 {
			wantCode(t, login("10.0.1.1", "wrong"), domain.Unauthenticated)
		}
		// The sixth attempt from that IP is refused even with the right password...
		wantCode(t, login("10.0.1.1", "right-password"), domain.RateLimited)
		// ...but the owner, elsewhere, logs in.
		if err := login("10.0.2.1", "right-password"); err != nil {
			t.Fatalf("the owner from another IP: %v", err)
		}
		f.clock.Add(31 * time.Second)
		wantCode(t, login("10.0.1.1", "wrong"), domain.Unauthenticated)
		// Six failures: the delay has doubled to 60 s.
		f.clock.Add(31 * time.Second)
		wantCode(t, login("10.0.1.1", "right-password"), domain.RateLimited)
		f.clock.Add(30 * time.Second)
		if err := login("10.0.1.1", "right-password"); err != nil {
			t.Fatalf("after the delay: %v", err)
		}
		// Success clears the pair's failures.
		wantCode(t, login("10.0.1.1", "wrong"), domain.Unauthenticated)
	})
	t.Run("ParallelGuesses", func(t *testing.T) {
		// 20 guesses at once from one IP: they count against each other, so
		// no more than the five free failures get to guess.
		f.clock.Add(2 * time.Hour)
		var wg sync.WaitGroup
		var guessed, limited atomic.Int32
		for range 20 {
			wg.Go(func() {
				switch err := login("10.0.3.1", "wrong"); domain.ErrorCode(err) {
				case domain.Unauthenticated:
					guessed.Add(1)
				case domain.RateLimited:
					limited.Add(1)
				default:
					t.Error(err)
				}
			})
		}
		wg.Wait()
		// (How many of the five get through depends on the timing: when all
		// 20 are recorded before any is checked, none is.)
		if guessed.Load() > 5 || guessed.Load()+limited.Load() != 20 {
			t.Errorf("%d guesses checked, %d refused; want at most 5 checked", guessed.Load(), limited.Load())
		}
	})
	t.Run("OtherAccountsNeverLockOut", func(t *testing.T) {
		// One IP (a village behind one proxy) fails for 12 made-up accounts:
		// the owner's right password still works from it, and the guesser's
		// later failures are answered more and more slowly.
		f.clock.Add(2 * time.Hour)
		f.slept.Store(0)
		for i := range 12 {
			_, err := f.svc.Login(ctxFrom("10.9.9.9"), account.LoginInput{Email: fmt.Sprintf("guess%d@example.com", i), Password: "guess"})
			wantCode(t, err, domain.Unauthenticated)
		}
		if err := login("10.9.9.9", "right-password"); err != nil {
			t.Errorf("the owner behind the guessing IP: %v", err)
		}
		// Failures 6..12 wait 0.25 s, 0.5 s, ... 1.75 s: 7 s in all.
		if got := time.Duration(f.slept.Load()); got != 7*time.Second {
			t.Errorf("the guesser was slowed by %v, want 7s", got)
		}
	})
}

func TestSessions(t *testing.T) {
	f := newFixture(t)
	reg, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "chen@example.com", Password: "password1", Name: "陈静"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctxFrom("10.0.0.1")
	t.Run("SlidingExpiry", func(t *testing.T) {
		f.clock.Add(29 * 24 * time.Hour)
		if _, err := f.svc.Authenticate(ctx, reg.Token); err != nil {
			t.Fatalf("day 29: %v", err)
		}
		f.clock.Add(29 * 24 * time.Hour)
		if _, err := f.svc.Authenticate(ctx, reg.Token); err != nil {
			t.Fatalf("day 58, used on day 29: %v", err)
		}
		f.clock.Add(30 * 24 * time.Hour)
		_, err := f.svc.Authenticate(ctx, reg.Token)
		wantCode(t, err, domain.Unauthenticated)
	})
	t.Run("ListAndRevoke", func(t *testing.T) {
		a, err := f.svc.Login(ctx, account.LoginInput{Email: "chen@example.com", Password: "password1"})
		if err != nil {
			t.Fatal(err)
		}
		b, err := f.svc.Login(ctx, account.LoginInput{Email: "chen@example.com", Password: "password1"})
		if err != nil {
			t.Fatal(err)
		}
		list, err := f.svc.Sessions(asUser(a))
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 {
			t.Fatalf("%d live sessions, want 2", len(list))
		}
		if err := f.svc.RevokeSession(asUser(a), b.Session.ID); err != nil {
			t.Fatal(err)
		}
		_, err = f.svc.Authenticate(ctx, b.Token)
		wantCode(t, err, domain.Unauthenticated)
		if err := f.svc.Logout(asUser(a)); err != nil {
			t.Fatal(err)
		}
		_, err = f.svc.Authenticate(ctx, a.Token)
		wantCode(t, err, domain.Unauthenticated)
	})
	t.Run("ErrRevokeOthersSession", func(t *testing.T) {
		other, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "other@example.com", Password: "password1", Name: "他人"})
		if err != nil {
			t.Fatal(err)
		}
		mine, err := f.svc.Login(ctx, account.LoginInput{Email: "chen@example.com", Password: "password1"})
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.svc.RevokeSession(asUser(mine), other.Session.ID), domain.NotFound)
		if _, err := f.svc.Authenticate(ctx, other.Token); err != nil {
			t.Errorf("other's session was revoked: %v", err)
		}
	})
	t.Run("ErrGarbageToken", func(t *testing.T) {
		for _, tok := range []string{"", "x", strings.Repeat("a", 5000)} {
			_, err := f.svc.Authenticate(ctx, tok)
			wantCode(t, err, domain.Unauthenticated)
		}
	})
}

func TestChangePassword(t *testing.T) {
	f := newFixture(t)
	a, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "zhao@example.com", Password: "old-password", Name: "赵磊"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.svc.Login(ctxFrom("1.1.1.1"), account.LoginInput{Email: "zhao@example.com", Password: "old-password"})
	if err != nil {
		t.Fatal(err)
	}
	wantCode(t, f.svc.ChangePassword(asUser(a), account.ChangePasswordInput{CurrentPassword: "nope-nope", NewPassword: "new-password"}), domain.Invalid)
	wantCode(t, f.svc.ChangePassword(asUser(a), account.ChangePasswordInput{CurrentPassword: "old-password", NewPassword: "short"}), domain.Invalid)
	if err := f.svc.ChangePassword(asUser(a), account.ChangePasswordInput{CurrentPassword: "old-password", NewPassword: "new-password"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Authenticate(context.Background(), a.Token); err != nil {
		t.Errorf("the changing session ended: %v", err)
	}
	_, err = f.svc.Authenticate(context.Background(), b.Token)
	wantCode(t, err, domain.Unauthenticated)
	_, err = f.svc.Login(ctxFrom("1.1.1.2"), account.LoginInput{Email: "zhao@example.com", Password: "old-password"})
	wantCode(t, err, domain.Unauthenticated)
	if _, err := f.svc.Login(ctxFrom("1.1.1.2"), account.LoginInput{Email: "zhao@example.com", Password: "new-password"}); err != nil {
		t.Errorf("login with new password: %v", err)
	}
	// A stolen session guessing the current password is throttled like a
	// login: five failures, then a refusal even of the right one.
	for range 5 {
		wantCode(t, f.svc.ChangePassword(asUser(a), account.ChangePasswordInput{CurrentPassword: "guess-guess", NewPassword: "thief-password"}), domain.Invalid)
	}
	wantCode(t, f.svc.ChangePassword(asUser(a), account.ChangePasswordInput{CurrentPassword: "new-password", NewPassword: "thief-password"}), domain.RateLimited)
}

func TestVerifyEmail(t *testing.T) {
	f := newFixture(t)
	a, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "sun@example.com", Password: "password1", Name: "孙丽"})
	if err != nil {
		t.Fatal(err)
	}
	tok := f.mail.lastToken(t, a.User.ID, notify.KindEmailVerification)
	t.Run("ErrExpired", func(t *testing.T) {
		f.clock.Add(time.Hour)
		wantCode(t, f.svc.VerifyEmail(context.Background(), tok), domain.Invalid)
		f.clock.Add(-time.Hour)
	})
	t.Run("OKOnce", func(t *testing.T) {
		if err := f.svc.VerifyEmail(context.Background(), tok); err != nil {
			t.Fatal(err)
		}
		u, err := f.svc.User(context.Background(), a.User.ID)
		if err != nil || !u.EmailVerified {
			t.Fatalf("user = %+v, %v; want verified", u, err)
		}
		wantCode(t, f.svc.VerifyEmail(context.Background(), tok), domain.Invalid)
	})
	t.Run("ErrAlreadyVerified", func(t *testing.T) {
		wantCode(t, f.svc.RequestEmailVerification(asUser(a)), domain.Conflict)
	})
}

func TestResetPassword(t *testing.T) {
	f := newFixture(t)
	a, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "zhou@example.com", Password: "forgotten1", Name: "周敏"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.RequestPasswordReset(context.Background(), "nobody@example.com"); err != nil {
		t.Errorf("unknown email: %v, want the same answer as a known one", err)
	}
	if err := f.svc.RequestPasswordReset(context.Background(), "Zhou@example.com"); err != nil {
		t.Fatal(err)
	}
	tok := f.mail.lastToken(t, a.User.ID, notify.KindPasswordReset)
	// Concurrent uses of one token: exactly one succeeds.
	var wg sync.WaitGroup
	results := make(chan error, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- f.svc.ResetPassword(context.Background(), account.ResetPasswordInput{Token: tok, NewPassword: "remembered" + string(rune('0'+i))})
		}()
	}
	wg.Wait()
	close(results)
	ok := 0
	for err := range results {
		if err == nil {
			ok++
		} else {
			wantCode(t, err, domain.Invalid)
		}
	}
	if ok != 1 {
		t.Fatalf("%d resets succeeded with one token, want 1", ok)
	}
	_, err = f.svc.Authenticate(context.Background(), a.Token)
	wantCode(t, err, domain.Unauthenticated)
}

func TestAssisted(t *testing.T) {
	f := newFixture(t)
	worker, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "grid@example.com", Password: "password1", Name: "网格员"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := f.svc.CreateAssisted(asUser(worker), account.AssistedInput{Name: "吴阿婆", Phone: "138 0000 1234"})
	if err != nil {
		t.Fatal(err)
	}
	if !u.Assisted || u.Email != "" || u.Phone != "13800001234" || u.RegisteredBy != worker.User.ID {
		t.Errorf("assisted user = %+v", u)
	}
	_, err = f.svc.CreateAssisted(asUser(worker), account.AssistedInput{Name: "吴阿公", Phone: "12345"})
	wantCode(t, err, domain.Invalid)
	_, err = f.svc.CreateAssisted(context.Background(), account.AssistedInput{Name: "吴阿公"})
	wantCode(t, err, domain.Unauthenticated)
	// A second assisted resident without email does not collide with the first.
	if _, err := f.svc.CreateAssisted(asUser(worker), account.AssistedInput{Name: "吴阿公"}); err != nil {
		t.Errorf("second assisted resident: %v", err)
	}
}

func TestDeleteExpired(t *testing.T) {
	f := newFixture(t)
	old, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "old@example.com", Password: "password1", Name: "老用户"})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.svc.Login(ctxFrom("10.1.1.1"), account.LoginInput{Email: "old@example.com", Password: "wrong-one"})
	f.clock.Add(account.SessionTTL + time.Hour)
	fresh, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "new@example.com", Password: "password1", Name: "新用户"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.svc.DeleteExpired(context.Background(), f.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	// The old session, the old verification token and the login failure,
	// kept once for the account and once for the IP.
	if n != 4 {
		t.Errorf("removed %d documents, want 4", n)
	}
	if _, err := f.svc.Authenticate(context.Background(), fresh.Token); err != nil {
		t.Errorf("a live session was removed: %v", err)
	}
	_, err = f.svc.Authenticate(context.Background(), old.Token)
	wantCode(t, err, domain.Unauthenticated)
}

func BenchmarkLogin(b *testing.B) {
	f := newFixture(b)
	if _, err := f.svc.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "bench@example.com", Password: "password1", Name: "压测"}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := f.svc.Login(ctxFrom("10.0.0.1"), account.LoginInput{Email: "bench@example.com", Password: "password1"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRegisterAndResetLimits: sign-ups and reset requests, which cost a
// password hash or a mail to a typed address, are limited per IP (and a
// reset per address) within an hour; another IP is not affected, and an hour
// later the limit has passed.
func TestRegisterAndResetLimits(t *testing.T) {
	f := newFixture(t)
	register := func(ip string, i int) error {
		return f.svc.SignUp(ctxFrom(ip), account.RegisterInput{Email: fmt.Sprintf("u%d-%s@example.com", i, ip), Password: "password1", Name: "用户"})
	}
	for i := range 10 {
		if err := register("10.1.1.1", i); err != nil {
			t.Fatalf("sign-up %d: %v", i, err)
		}
	}
	wantCode(t, register("10.1.1.1", 10), domain.RateLimited)
	if err := register("10.1.1.2", 0); err != nil {
		t.Errorf("another IP: %v", err)
	}
	reset := func(ip, email string) error { return f.svc.RequestPasswordReset(ctxFrom(ip), email) }
	for i := range 5 {
		if err := reset(fmt.Sprintf("10.2.2.%d", i), "u0-10.1.1.1@example.com"); err != nil {
			t.Fatalf("reset %d: %v", i, err)
		}
	}
	wantCode(t, reset("10.2.2.9", "u0-10.1.1.1@example.com"), domain.RateLimited) // the address, from anywhere
	for i := range 10 {                                                           // one IP, many addresses: the same answer, up to 10 an hour
		if err := reset("10.3.3.3", fmt.Sprintf("nobody%d@example.com", i)); err != nil {
			t.Fatalf("reset %d from one IP: %v", i, err)
		}
	}
	wantCode(t, reset("10.3.3.3", "nobody10@example.com"), domain.RateLimited)
	f.clock.Add(61 * time.Minute)
	if err := register("10.1.1.1", 11); err != nil {
		t.Errorf("an hour later: %v", err)
	}
}
