package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/schedule"
	"github.com/yishi-app/yishi/jobs"
	"github.com/yishi-app/yishi/jobs/mail"
	"github.com/yishi-app/yishi/jobs/mail/sendgridtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// instance is one yishi instance's services and scheduler over a shared
// database, sending through the fake SendGrid.
type instance struct {
	notify   *notify.Service
	accounts *account.Service
	comms    *community.Service
	sched    *jobs.Scheduler
	runs     *schedule.Service
	mailer   *mail.SendGrid
}

type fixture struct {
	db    *db.DB
	clock *domaintest.Clock
	sg    *sendgridtest.Server
	a     instance
	log   *slog.Logger
}

// noon is 12:00 in Shanghai, outside default quiet hours.
var noon = time.Date(2026, 3, 2, 4, 0, 0, 0, time.UTC)

func newFixture(tb testing.TB) *fixture {
	tb.Helper()
	d := dbtest.New(tb)
	err := db.EnsureIndexes(context.Background(), d.Database, account.Indexes(), community.Indexes(), notify.Indexes(), schedule.Indexes())
	if err != nil {
		tb.Fatal(err)
	}
	f := &fixture{db: d, clock: domaintest.NewClock(noon), sg: sendgridtest.New(), log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	tb.Cleanup(f.sg.Close)
	f.a = f.instance()
	return f
}

// instance builds a second (or first) instance on the same database.
func (f *fixture) instance() instance {
	var in instance
	in.mailer = mail.NewSendGrid(f.sg.APIKey, "议事 Yishi <noreply@yishi.example>", f.sg.URL)
	in.notify = notify.NewService(f.db.Database, notify.Config{Mailer: in.mailer, Now: f.clock.Now, BaseURL: "http://yishi.test", Log: f.log})
	in.accounts = account.NewService(f.db.Database, account.Config{Notifier: in.notify, Now: f.clock.Now, BaseURL: "http://yishi.test", Log: f.log})
	in.comms = community.NewService(f.db.Database, in.accounts, community.Config{Notifier: in.notify, Now: f.clock.Now, Log: f.log})
	in.notify.SetDirectory(in.accounts)
	in.notify.SetRequireAdmin(in.comms.RequireAdmin)
	in.runs = schedule.NewService(f.db.Database)
	in.sched = f.scheduler(in)
	return in
}

// scheduler builds the scheduler of an instance.
func (f *fixture) scheduler(in instance) *jobs.Scheduler {
	return jobs.New(jobs.Config{Notify: in.notify, Accounts: in.accounts, Communities: in.comms, Schedule: in.runs, Log: f.log, Now: f.clock.Now,
		Areas: []jobs.Area{{Name: "notify", Repairer: in.notify}, {Name: "community", Repairer: in.comms}}})
}

// user registers a person and verifies their email with the link in the
// verification mail, as they would: only verified addresses get non-urgent
// mail.
func (f *fixture) user(tb testing.TB, email string) domain.ID {
	tb.Helper()
	ctx := context.Background()
	l, err := f.a.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: email, Password: "password1", Name: "测试用户"})
	if err != nil {
		tb.Fatal(err)
	}
	f.dispatch(tb)
	if err := f.a.accounts.VerifyEmail(ctx, f.token(tb, email)); err != nil {
		tb.Fatal(err)
	}
	return l.User.ID
}

var tokenRE = regexp.MustCompile(`verify-email\?token=([A-Za-z0-9_%-]+)`)

// token reads the token of the last verification mail to email.
func (f *fixture) token(tb testing.TB, email string) string {
	tb.Helper()
	reqs := f.sg.Requests()
	for i := len(reqs) - 1; i >= 0; i-- {
		r := reqs[i]
		if r.CustomArgs["kind"] != string(notify.KindEmailVerification) || r.Personalizations[0].To[0].Email != email {
			continue
		}
		m := tokenRE.FindStringSubmatch(r.Content[0].Value)
		if m == nil {
			tb.Fatalf("no link in %q", r.Content[0].Value)
		}
		t, err := url.QueryUnescape(m[1])
		if err != nil {
			tb.Fatal(err)
		}
		return t
	}
	tb.Fatalf("no verification mail to %s", email)
	return ""
}

// dispatch runs the dispatcher of instance a at the fixture's time.
func (f *fixture) dispatch(tb testing.TB) notify.DispatchStats {
	tb.Helper()
	st, err := f.a.notify.Dispatch(context.Background(), f.clock.Now())
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// count returns how many recipients the fake received mail of kind for.
func (f *fixture) count(kind notify.Kind, email string) int {
	n := 0
	for _, r := range f.sg.Requests() {
		if r.CustomArgs["kind"] != string(kind) {
			continue
		}
		for _, p := range r.Personalizations {
			if p.To[0].Email == email {
				n++
			}
		}
	}
	return n
}

func (f *fixture) reminder(to domain.ID, subject string, at time.Time) notify.Item {
	return notify.Item{Kind: notify.KindJoinDecided, CommunityID: "c1", RecipientID: to, Subject: subject, SendAt: at,
		Data: map[string]string{"community": "小古城村", "state": "approved", "link": "http://yishi.test/"}}
}

func (f *fixture) state(tb testing.TB, subject string) []notify.Item {
	tb.Helper()
	var out []notify.Item
	var docs []struct {
		State     string    `bson:"state"`
		Attempts  int       `bson:"attempts"`
		LastError string    `bson:"last_error"`
		DueAt     time.Time `bson:"due_at"`
		MessageID string    `bson:"message_id"`
	}
	for _, coll := range []string{"outbox", "notification_log"} {
		cur, err := f.db.Collection(coll).Find(context.Background(), map[string]any{"subject": subject})
		if err != nil {
			tb.Fatal(err)
		}
		var found []struct {
			State     string    `bson:"state"`
			Attempts  int       `bson:"attempts"`
			LastError string    `bson:"last_error"`
			DueAt     time.Time `bson:"due_at"`
			MessageID string    `bson:"message_id"`
		}
		if err := cur.All(context.Background(), &found); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, found...)
	}
	for _, d := range docs {
		out = append(out, notify.Item{State: notify.State(d.State), Attempts: d.Attempts, LastError: d.LastError, DueAt: d.DueAt, MessageID: d.MessageID})
	}
	return out
}
