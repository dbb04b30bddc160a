package account_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/notify"
)

// lastItem returns the last item of kind queued.
func (o *outbox) lastItem(tb testing.TB, kind notify.Kind) notify.Item {
	tb.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	for i := len(o.items) - 1; i >= 0; i-- {
		if o.items[i].Kind == kind {
			return o.items[i]
		}
	}
	tb.Fatalf("no %s queued", kind)
	return notify.Item{}
}

func (o *outbox) count() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.items)
}

func tokenOf(tb testing.TB, it notify.Item) string {
	tb.Helper()
	u, err := url.Parse(it.Data["link"])
	if err != nil {
		tb.Fatal(err)
	}
	return u.Query().Get("token")
}

// TestSignUp: signing up answers the same whether the email has an account
// or not, and mails the address either the link that finishes the sign-up
// or a note that it has an account. Only the link with the password chosen
// at sign-up makes the account, once.
func TestSignUp(t *testing.T) {
	f := newFixture(t)
	ctx := ctxFrom("10.0.0.1")
	sys := domain.NewSystemContext(context.Background())
	owner := must(f.svc.Register(sys, account.RegisterInput{Email: "owner@example.com", Password: "owner-pass", Name: "业主"}))

	// An address with an account: the same answer, and a note to the owner.
	if err := f.svc.SignUp(ctx, account.RegisterInput{Email: "Owner@Example.com", Password: "attacker-pw", Name: "冒名"}); err != nil {
		t.Fatalf("sign-up with a taken email: %v", err)
	}
	note := f.mail.lastItem(t, notify.KindAccountExists)
	if note.RecipientID != owner.User.ID || note.Data["link"] == "" {
		t.Errorf("the note = %+v, want it to the owner with a link", note)
	}
	if _, err := f.svc.Login(ctx, account.LoginInput{Email: "owner@example.com", Password: "attacker-pw"}); domain.ErrorCode(err) != domain.Unauthenticated {
		t.Errorf("the attacker's password logs in: %v", err)
	}

	// A new address: a link, and no account until it is opened.
	in := account.RegisterInput{Email: "new@example.com", Password: "new-password", Name: "新人"}
	if err := f.svc.SignUp(ctx, in); err != nil {
		t.Fatal(err)
	}
	link := f.mail.lastItem(t, notify.KindSignUp)
	recipients := must(f.svc.Recipients(context.Background(), []domain.ID{link.RecipientID}))
	if r := recipients[link.RecipientID]; r.Email != "new@example.com" || r.Verified {
		t.Errorf("the link goes to %+v, want the typed address, unverified", r)
	}
	if _, err := f.svc.Login(ctx, account.LoginInput{Email: in.Email, Password: in.Password}); domain.ErrorCode(err) != domain.Unauthenticated {
		t.Errorf("login before the link: %v, want Unauthenticated", err)
	}
	// Someone else signed up with the same address and their own password;
	// the owner of the mailbox gets that link too, but cannot finish it
	// without that password, and finishing theirs makes the account.
	if err := f.svc.SignUp(ctxFrom("10.0.0.2"), account.RegisterInput{Email: "new@example.com", Password: "other-secret", Name: "他人"}); err != nil {
		t.Fatal(err)
	}
	other := f.mail.lastItem(t, notify.KindSignUp)
	_, err := f.svc.CompleteSignUp(ctx, account.CompleteSignUpInput{Token: tokenOf(t, other), Password: in.Password})
	wantCode(t, err, domain.Invalid)
	_, err = f.svc.CompleteSignUp(ctx, account.CompleteSignUpInput{Token: "bogus", Password: in.Password})
	wantCode(t, err, domain.Invalid)
	l := must(f.svc.CompleteSignUp(ctx, account.CompleteSignUpInput{Token: tokenOf(t, link), Password: in.Password}))
	if !l.User.EmailVerified || l.User.Name != "新人" || l.Token == "" {
		t.Errorf("login = %+v, want a verified account with a session", l.User)
	}
	_, err = f.svc.CompleteSignUp(ctx, account.CompleteSignUpInput{Token: tokenOf(t, link), Password: in.Password})
	wantCode(t, err, domain.Invalid) // used
	_, err = f.svc.CompleteSignUp(ctx, account.CompleteSignUpInput{Token: tokenOf(t, other), Password: "other-secret"})
	wantCode(t, err, domain.Conflict) // the address has its account now
	must(f.svc.Login(ctx, account.LoginInput{Email: in.Email, Password: in.Password}))

	// A link opened too late.
	if err := f.svc.SignUp(ctx, account.RegisterInput{Email: "late@example.com", Password: "late-password", Name: "迟到"}); err != nil {
		t.Fatal(err)
	}
	late := f.mail.lastItem(t, notify.KindSignUp)
	f.clock.Add(account.SignUpTTL + time.Minute)
	_, err = f.svc.CompleteSignUp(ctx, account.CompleteSignUpInput{Token: tokenOf(t, late), Password: "late-password"})
	wantCode(t, err, domain.Invalid)
}

// TestSignUpLimits: one address gets at most 5 sign-up mails an hour, from
// any number of IPs; and bad input is refused before anything is mailed.
func TestSignUpLimits(t *testing.T) {
	f := newFixture(t)
	for i := range 5 {
		if err := f.svc.SignUp(ctxFrom("10.9.0."+string(rune('1'+i))), account.RegisterInput{Email: "target@example.com", Password: "password1", Name: "某人"}); err != nil {
			t.Fatal(err)
		}
	}
	wantCode(t, f.svc.SignUp(ctxFrom("10.9.1.1"), account.RegisterInput{Email: "target@example.com", Password: "password1", Name: "某人"}), domain.RateLimited)
	before := f.mail.count()
	for _, in := range []account.RegisterInput{
		{Email: "not-an-email", Password: "password1", Name: "某人"},
		{Email: "ok@example.com", Password: "short", Name: "某人"},
		{Email: "ok@example.com", Password: "password1", Name: " "},
	} {
		wantCode(t, f.svc.SignUp(ctxFrom("10.9.2.1"), in), domain.Invalid)
	}
	if f.mail.count() != before {
		t.Errorf("bad input queued %d mails", f.mail.count()-before)
	}
	_, err := f.svc.Register(ctxFrom("10.9.3.1"), account.RegisterInput{Email: "direct@example.com", Password: "password1", Name: "直接"})
	wantCode(t, err, domain.Forbidden) // only the system makes accounts at once
}

// must returns v, failing the test (by panicking) on err.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
