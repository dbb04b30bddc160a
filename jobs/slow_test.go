package jobs_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/notify"
)

// slowMailer stands for a slow provider: each request moves the clock on by
// step before it is sent, then runs after (if set), as if another
// dispatcher acted in the meantime.
type slowMailer struct {
	inner notify.Mailer
	clock *domaintest.Clock
	step  time.Duration
	after func()
}

func (m slowMailer) Send(ctx context.Context, msg notify.Message) (string, error) {
	m.clock.Add(m.step)
	id, err := m.inner.Send(ctx, msg)
	if m.after != nil {
		m.after()
	}
	return id, err
}

// slowInstance builds an instance on the fixture's database whose mailer
// takes step per request.
func (f *fixture) slowInstance(step time.Duration, after func()) instance {
	in := f.instance()
	slow := notify.NewService(f.db.Database, notify.Config{Mailer: slowMailer{inner: in.mailer, clock: f.clock, step: step, after: after}, Now: f.clock.Now, BaseURL: "http://yishi.test", Log: f.log})
	slow.SetDirectory(in.accounts)
	in.notify = slow
	return in
}

// TestSlowRoundSendsOnce: a round whose requests take 2 minutes each runs
// past the 5-minute claim expiry, while a second instance dispatches after
// each of its requests. Every mail goes out once.
func TestSlowRoundSendsOnce(t *testing.T) {
	f := newFixture(t)
	b := f.instance()
	ctx := context.Background()
	var emails []string
	var users []domain.ID
	for i := range 6 {
		emails = append(emails, fmt.Sprintf("slow%d@example.com", i))
		users = append(users, f.user(t, emails[i]))
	}
	for i, u := range users {
		it := f.reminder(u, "join:slow"+emails[i], f.clock.Now())
		it.Data["community"] = fmt.Sprintf("村%d", i) // six contents, six requests
		if err := f.a.notify.Enqueue(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	slow := f.slowInstance(2*time.Minute, func() {
		if _, err := b.notify.Dispatch(ctx, f.clock.Now()); err != nil {
			t.Error(err)
		}
	})
	if _, err := slow.notify.Dispatch(ctx, f.clock.Now()); err != nil {
		t.Fatal(err)
	}
	for _, email := range emails {
		if n := f.count(notify.KindJoinDecided, email); n != 1 {
			t.Errorf("%s got %d reminders, want 1", email, n)
		}
	}
}

// TestWakeBesideTickSendsOnce: urgent mail wakes the dispatcher while the
// minute's tick dispatches too, in one instance whose provider takes 2
// minutes a request. Every mail goes out once.
func TestWakeBesideTickSendsOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var users []domain.ID
	for i := range 6 {
		users = append(users, f.user(t, fmt.Sprintf("wake%d@example.com", i)))
	}
	in := f.slowInstance(2*time.Minute, nil)
	sched := f.scheduler(in)
	if err := sched.Start(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i, u := range users {
		it := notify.Item{Kind: notify.KindPasswordReset, RecipientID: u, Subject: fmt.Sprintf("reset:%d", i), Data: map[string]string{"link": "http://yishi.test/reset"}}
		if err := in.notify.Enqueue(ctx, it); err != nil { // wakes the dispatcher
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := sched.Tick(ctx, f.clock.Now()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	deadline := time.Now().Add(20 * time.Second)
	for f.sentTo(notify.KindPasswordReset) < len(users) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	stop, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	sched.Stop(stop)
	for i := range users {
		email := fmt.Sprintf("wake%d@example.com", i)
		if n := f.count(notify.KindPasswordReset, email); n != 1 {
			t.Errorf("%s got %d reset mails, want 1", email, n)
		}
	}
}

// sentTo counts the recipients of kind's requests so far.
func (f *fixture) sentTo(kind notify.Kind) int {
	n := 0
	for _, r := range f.sg.Requests() {
		if r.CustomArgs["kind"] == string(kind) {
			n += len(r.Personalizations)
		}
	}
	return n
}
