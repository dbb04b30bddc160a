package jobs_test

import (
	"context"

	"github.com/yishi-app/yishi/domain/account"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/jobs"
	"github.com/yishi-app/yishi/jobs/mail/sendgridtest"
)

func TestEnqueueTwiceSendsOnce(t *testing.T) {
	f := newFixture(t)
	u := f.user(t, "wang@example.com")
	ctx := context.Background()
	for range 2 {
		if err := f.a.notify.Enqueue(ctx, f.reminder(u, "join:r1", f.clock.Now())); err != nil {
			t.Fatal(err)
		}
	}
	f.dispatch(t)
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "wang@example.com"); n != 1 {
		t.Errorf("%d mails, want 1", n)
	}
	// The verification mail queued at registration went too, once.
	if n := f.count(notify.KindEmailVerification, "wang@example.com"); n != 1 {
		t.Errorf("%d verification mails, want 1", n)
	}
	if bad := f.sg.Invalid(); len(bad) > 0 {
		t.Errorf("the fake refused requests: %v", bad)
	}
	r := f.sg.Requests()[0]
	p := r.Personalizations[0]
	if p.CustomArgs["outbox_id"] == "" || r.From.Email != "noreply@yishi.example" || r.Subject == "" {
		t.Errorf("request = %+v", r)
	}
	items := f.state(t, "join:r1")
	if len(items) != 1 || items[0].State != notify.Sent || !strings.HasPrefix(items[0].MessageID, "fake-msg-") {
		t.Errorf("outbox = %+v", items)
	}
}

func TestTwoSchedulersSendOnce(t *testing.T) {
	f := newFixture(t)
	b := f.instance()
	ctx := context.Background()
	var users []domain.ID
	for i := range 10 {
		users = append(users, f.user(t, "u"+string(rune('a'+i))+"@example.com"))
	}
	for _, u := range users {
		if err := f.a.notify.Enqueue(ctx, f.reminder(u, "join:"+string(u), f.clock.Now())); err != nil {
			t.Fatal(err)
		}
	}
	// Both instances tick the same minutes, and also dispatch directly (as a
	// wake-up for urgent mail does), all at once.
	var wg sync.WaitGroup
	for range 3 {
		for _, in := range []*struct {
			tick func(context.Context, time.Time) error
		}{{f.a.sched.Tick}, {b.sched.Tick}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := in.tick(ctx, f.clock.Now()); err != nil {
					t.Error(err)
				}
			}()
		}
		for _, n := range []*notify.Service{f.a.notify, b.notify} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := n.Dispatch(ctx, f.clock.Now()); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	for i := range users {
		email := "u" + string(rune('a'+i)) + "@example.com"
		if n := f.count(notify.KindJoinDecided, email); n != 1 {
			t.Errorf("%s got %d reminders, want 1", email, n)
		}
		if n := f.count(notify.KindEmailVerification, email); n != 1 {
			t.Errorf("%s got %d verification mails, want 1", email, n)
		}
	}
	runs, err := f.a.runs.Runs(ctx, "dispatch")
	if err != nil || runs != 1 {
		t.Errorf("dispatch runs recorded = %d (%v), want 1 for the one minute", runs, err)
	}
}

// crashMailer stands for a process that dies after claiming a delivery and
// before the provider answers: Send never returns to record the outcome.
type crashMailer struct{}

func (crashMailer) Send(ctx context.Context, m notify.Message) (string, error) {
	panic("crash")
}

func TestCrashAfterClaimSendsOnceAfterExpiry(t *testing.T) {
	f := newFixture(t)
	u := f.user(t, "crash@example.com")
	f.dispatch(t) // the verification mail, out of the way
	ctx := context.Background()
	if err := f.a.notify.Enqueue(ctx, f.reminder(u, "join:crash", f.clock.Now())); err != nil {
		t.Fatal(err)
	}
	crashed := notify.NewService(f.db.Database, notify.Config{Mailer: crashMailer{}, Now: f.clock.Now, Log: f.log})
	crashed.SetDirectory(f.a.accounts)
	func() {
		defer func() { _ = recover() }()
		_, _ = crashed.Dispatch(ctx, f.clock.Now())
	}()
	f.clock.Add(time.Minute)
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "crash@example.com"); n != 0 {
		t.Fatalf("sent %d while the crashed claim is fresh, want 0", n)
	}
	f.clock.Add(5 * time.Minute)
	f.dispatch(t)
	f.clock.Add(time.Minute)
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "crash@example.com"); n != 1 {
		t.Errorf("sent %d after the claim expired, want 1", n)
	}
}

func TestProviderAnswers(t *testing.T) {
	t.Run("RateLimitedRetriedAfterReset", func(t *testing.T) {
		f := newFixture(t)
		u := f.user(t, "rl@example.com")
		f.dispatch(t)
		f.sg.Queue(sendgridtest.Reply{Status: 429, ResetIn: 10 * time.Minute})
		if err := f.a.notify.Enqueue(context.Background(), f.reminder(u, "join:rl", f.clock.Now())); err != nil {
			t.Fatal(err)
		}
		if st := f.dispatch(t); st.Retried != 1 {
			t.Fatalf("stats %+v, want 1 retried", st)
		}
		f.clock.Add(5 * time.Minute) // past the 1-minute backoff, before the reset
		f.dispatch(t)
		if n := f.count(notify.KindJoinDecided, "rl@example.com"); n != 0 {
			t.Fatalf("sent before the rate limit reset")
		}
		f.clock.Add(6 * time.Minute)
		f.dispatch(t)
		if n := f.count(notify.KindJoinDecided, "rl@example.com"); n != 1 {
			t.Errorf("sent %d after the reset, want 1", n)
		}
	})
	t.Run("BadRequestFailsForGood", func(t *testing.T) {
		f := newFixture(t)
		u := f.user(t, "br@example.com")
		f.dispatch(t)
		f.sg.Queue(sendgridtest.Reply{Status: 400})
		if err := f.a.notify.Enqueue(context.Background(), f.reminder(u, "join:br", f.clock.Now())); err != nil {
			t.Fatal(err)
		}
		f.dispatch(t)
		f.clock.Add(2 * time.Hour)
		f.dispatch(t)
		items := f.state(t, "join:br")
		if items[0].State != notify.Failed || items[0].Attempts != 1 || !strings.Contains(items[0].LastError, "400") {
			t.Errorf("item = %+v, want failed after 1 attempt with the reason", items[0])
		}
		if n := f.count(notify.KindJoinDecided, "br@example.com"); n != 0 {
			t.Errorf("retried a permanent failure")
		}
	})
	t.Run("HangEndsAtTimeout", func(t *testing.T) {
		f := newFixture(t)
		u := f.user(t, "hang@example.com")
		f.dispatch(t)
		f.a.mailer.Timeout = 300 * time.Millisecond
		f.sg.Queue(sendgridtest.Reply{Hang: true})
		if err := f.a.notify.Enqueue(context.Background(), f.reminder(u, "join:hang", f.clock.Now())); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		st := f.dispatch(t)
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("a hanging provider held the dispatcher %v", took)
		}
		items := f.state(t, "join:hang")
		if st.Retried != 1 || items[0].State != notify.Pending || !strings.Contains(items[0].LastError, "timed out") {
			t.Errorf("stats %+v, item %+v: want a retry after the time-out", st, items[0])
		}
		f.clock.Add(2 * time.Minute)
		f.dispatch(t)
		if n := f.count(notify.KindJoinDecided, "hang@example.com"); n != 1 {
			t.Errorf("sent %d after the retry, want 1", n)
		}
	})
	t.Run("ServerErrorsBackOffThenFail", func(t *testing.T) {
		f := newFixture(t)
		u := f.user(t, "five@example.com")
		f.dispatch(t)
		for range notify.MaxAttempts {
			f.sg.Queue(sendgridtest.Reply{Status: 500})
		}
		if err := f.a.notify.Enqueue(context.Background(), f.reminder(u, "join:500", f.clock.Now())); err != nil {
			t.Fatal(err)
		}
		var waits []time.Duration
		for range notify.MaxAttempts {
			before := f.clock.Now()
			f.dispatch(t)
			it := f.state(t, "join:500")[0]
			if it.State == notify.Failed {
				break
			}
			waits = append(waits, it.DueAt.Sub(before))
			f.clock.Set(it.DueAt)
		}
		want := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 16 * time.Minute, 32 * time.Minute, time.Hour}
		if len(waits) != len(want) {
			t.Fatalf("waits %v, want %v", waits, want)
		}
		for i := range want {
			if waits[i] != want[i] {
				t.Errorf("wait %d = %v, want %v", i+1, waits[i], want[i])
			}
		}
		if it := f.state(t, "join:500")[0]; it.State != notify.Failed || it.Attempts != notify.MaxAttempts {
			t.Errorf("item %+v, want failed after %d attempts", it, notify.MaxAttempts)
		}
	})
}

func TestBatching(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var users []domain.ID
	for i := range 5 {
		users = append(users, f.user(t, "batch"+string(rune('a'+i))+"@example.com"))
	}
	for _, u := range users {
		if err := f.a.notify.Enqueue(ctx, f.reminder(u, "join:same", f.clock.Now())); err != nil {
			t.Fatal(err)
		}
	}
	// The five identical reminders go in one request.
	if st := f.dispatch(t); st.Requests != 1 || st.Sent != 5 {
		t.Errorf("stats %+v, want 1 request for 5 mails", st)
	}
	for _, r := range f.sg.Requests() {
		if r.CustomArgs["kind"] != string(notify.KindJoinDecided) {
			continue
		}
		if len(r.Personalizations) != 5 {
			t.Errorf("%d personalizations, want 5", len(r.Personalizations))
		}
		seen := map[string]bool{}
		for _, p := range r.Personalizations {
			if seen[p.CustomArgs["outbox_id"]] || p.Substitutions[notify.UnsubscribePlaceholder] == "" || p.Headers["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click" {
				t.Errorf("personalization %+v", p)
			}
			seen[p.CustomArgs["outbox_id"]] = true
		}
	}
}

func TestQuietHours(t *testing.T) {
	f := newFixture(t)
	u := f.user(t, "night@example.com")
	// 22:00 in Shanghai.
	f.clock.Set(time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC))
	if err := f.a.accounts.RequestPasswordReset(context.Background(), "night@example.com"); err != nil {
		t.Fatal(err)
	}
	f.dispatch(t) // urgent: the reset link goes at night
	if n := f.count(notify.KindPasswordReset, "night@example.com"); n != 1 {
		t.Fatalf("urgent mail held by quiet hours")
	}
	if err := f.a.notify.Enqueue(context.Background(), f.reminder(u, "join:night", f.clock.Now())); err != nil {
		t.Fatal(err)
	}
	if st := f.dispatch(t); st.Deferred != 1 {
		t.Fatalf("stats %+v, want 1 deferred", st)
	}
	morning := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC) // 08:00 Shanghai
	f.clock.Set(morning.Add(-time.Minute))
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "night@example.com"); n != 0 {
		t.Fatal("sent during quiet hours")
	}
	f.clock.Set(morning)
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "night@example.com"); n != 1 {
		t.Errorf("sent %d at 08:00, want 1", n)
	}
}

func TestDowntimeSendsOnceAfterRestart(t *testing.T) {
	f := newFixture(t)
	u := f.user(t, "down@example.com")
	ctx := context.Background()
	due := f.clock.Now().Add(30 * time.Minute)
	if err := f.a.notify.Enqueue(ctx, f.reminder(u, "join:down", due)); err != nil {
		t.Fatal(err)
	}
	if err := f.a.sched.Tick(ctx, f.clock.Now()); err != nil {
		t.Fatal(err)
	}
	// Down from now until two hours later: a new instance starts and ticks.
	f.clock.Add(2 * time.Hour)
	restarted := f.instance()
	for range 3 {
		if err := restarted.sched.Tick(ctx, f.clock.Now()); err != nil {
			t.Fatal(err)
		}
		f.clock.Add(time.Minute)
	}
	if n := f.count(notify.KindJoinDecided, "down@example.com"); n != 1 {
		t.Errorf("sent %d after the restart, want 1", n)
	}
}

// TestStartSendsUrgentMailAtOnce runs the real cron scheduler: a
// verification mail queued at registration goes out on the wake-up, without
// waiting for the next minute's tick, and Stop returns.
func TestStartSendsUrgentMailAtOnce(t *testing.T) {
	f := newFixture(t)
	if err := f.a.sched.Start(); err != nil {
		t.Fatal(err)
	}
	f.user(t, "now@example.com")
	deadline := time.Now().Add(20 * time.Second)
	for f.count(notify.KindEmailVerification, "now@example.com") == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := f.count(notify.KindEmailVerification, "now@example.com"); n != 1 {
		t.Errorf("%d verification mails, want 1", n)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	f.a.sched.Stop(ctx)
	if ctx.Err() != nil {
		t.Error("Stop did not return")
	}
}

func TestRescheduleAndCancel(t *testing.T) {
	f := newFixture(t)
	u := f.user(t, "move@example.com")
	ctx := context.Background()
	meeting := f.clock.Now().Add(24 * time.Hour)
	for _, occ := range []struct {
		name   string
		before time.Duration
	}{{"24h", 24 * time.Hour}, {"1h", time.Hour}} {
		it := f.reminder(u, "meeting:m1", meeting.Add(-occ.before))
		it.Occurrence = occ.name
		if err := f.a.notify.Enqueue(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	other := f.reminder(u, "meeting:m2", meeting.AddDate(0, 0, 10))
	if err := f.a.notify.Enqueue(ctx, other); err != nil {
		t.Fatal(err)
	}
	// The meeting moves two days later: its reminders move with it.
	if err := f.a.notify.Reschedule(ctx, "meeting:m1", 48*time.Hour); err != nil {
		t.Fatal(err)
	}
	f.dispatch(t) // now: the old 24-hour reminder's time, which has moved
	if n := f.count(notify.KindJoinDecided, "move@example.com"); n != 0 {
		t.Fatalf("sent %d at the old time", n)
	}
	f.clock.Add(48 * time.Hour)
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "move@example.com"); n != 1 {
		t.Fatalf("sent %d at the new 24-hour mark, want 1", n)
	}
	// The meeting is called off: the 1-hour reminder goes nowhere, while
	// another meeting's reminder still goes.
	if err := f.a.notify.Cancel(ctx, "meeting:m1"); err != nil {
		t.Fatal(err)
	}
	f.clock.Add(10 * 24 * time.Hour)
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "move@example.com"); n != 2 {
		t.Errorf("sent %d in all, want 2: the moved 24-hour reminder and the other meeting's", n)
	}
	for _, it := range f.state(t, "meeting:m1") {
		if it.State != notify.Sent && it.State != notify.Cancelled {
			t.Errorf("item in state %s", it.State)
		}
	}
}

func TestUnverifiedGetsOnlyUrgentMail(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	l, err := f.a.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "new@example.com", Password: "password1", Name: "新人"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.a.notify.Enqueue(ctx, f.reminder(l.User.ID, "join:unverified", f.clock.Now())); err != nil {
		t.Fatal(err)
	}
	// Asking again and again within 10 minutes mails one link.
	for range 5 {
		if err := f.a.accounts.RequestPasswordReset(ctx, "new@example.com"); err != nil {
			t.Fatal(err)
		}
	}
	f.dispatch(t)
	if n := f.count(notify.KindEmailVerification, "new@example.com"); n != 1 {
		t.Errorf("%d verification mails, want 1", n)
	}
	if n := f.count(notify.KindPasswordReset, "new@example.com"); n != 1 {
		t.Errorf("%d reset mails for 5 requests, want 1", n)
	}
	if n := f.count(notify.KindJoinDecided, "new@example.com"); n != 0 {
		t.Errorf("non-urgent mail went to an unverified address")
	}
}

// TestQueueRepairAfterCrash: a stop between taking an item's key and
// queueing it leaves the key without an item, so the mail never goes and
// enqueueing it again changes nothing. The daily clean-up's repair queues
// it from the key, once.
func TestQueueRepairAfterCrash(t *testing.T) {
	f := newFixture(t)
	u := f.user(t, "lost@example.com")
	ctx := context.Background()
	it := f.reminder(u, "join:lost", f.clock.Now())
	if err := f.a.notify.Enqueue(ctx, it); err != nil {
		t.Fatal(err)
	}
	// The stop: the key is taken, the item never reached the queue.
	if _, err := f.db.Collection("outbox").DeleteMany(ctx, map[string]any{"subject": "join:lost"}); err != nil {
		t.Fatal(err)
	}
	if err := f.a.notify.Enqueue(ctx, it); err != nil {
		t.Fatal(err)
	}
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "lost@example.com"); n != 0 {
		t.Fatalf("sent %d before the repair, want 0", n)
	}
	// The daily clean-up (04:15 in Shanghai) repairs; the mail waits for
	// the end of the quiet hours.
	f.clock.Add(16*time.Hour + 16*time.Minute)
	if err := f.a.sched.Tick(ctx, f.clock.Now()); err != nil {
		t.Fatal(err)
	}
	f.clock.Add(4 * time.Hour) // 08:16 in Shanghai
	f.dispatch(t)
	if n, err := f.a.notify.Repair(ctx, f.clock.Now()); err != nil || n != 0 {
		t.Errorf("a second repair queued %d (%v), want 0", n, err)
	}
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "lost@example.com"); n != 1 {
		t.Errorf("sent %d after the repairs, want 1", n)
	}
}

// TestDisclosureEscalation: the tick escalates a question on a disclosure
// once its 7 days are over (day 8), and not before.
func TestDisclosureEscalation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := db.EnsureIndexes(ctx, f.db.Database, disclosure.Indexes()); err != nil {
		t.Fatal(err)
	}
	admin := f.user(t, "admin@example.com")
	as := domain.NewContextWithActor(ctx, domain.Actor{UserID: admin})
	street, err := f.a.comms.CreateStreet(domain.NewSystemContext(as), community.StreetInput{Name: "径山镇", Code: "330110109"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.a.comms.CreateCommunity(domain.NewSystemContext(as), community.CommunityInput{StreetID: street.ID, Name: "小古城村", Kind: community.Village, Code: "330110109201", AdminID: admin})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.a.comms.AssignRole(as, community.RoleInput{CommunityID: c.ID, UserID: admin, Role: domain.RoleCommittee}); err != nil {
		t.Fatal(err)
	}
	grid, err := f.a.comms.CreateGrid(as, c.ID, community.GridInput{Name: "第一网格", Code: "G1"})
	if err != nil {
		t.Fatal(err)
	}
	micro, err := f.a.comms.CreateMicroGrid(as, grid.ID, community.GridInput{Name: "一组", Code: "G1-1"})
	if err != nil {
		t.Fatal(err)
	}
	resident, err := f.a.comms.RegisterAssistedResident(as, community.AssistedResidentInput{CommunityID: c.ID, MicroGridID: micro.ID, Name: "居民"})
	if err != nil {
		t.Fatal(err)
	}
	svc := disclosure.NewService(f.db.Database, f.a.comms, disclosure.Config{Notifier: f.a.notify, Now: f.clock.Now, Log: f.log})
	v, err := svc.CreateDraft(as, disclosure.DraftInput{CommunityID: c.ID, Kind: disclosure.KindVillage, Period: "2026-Q1",
		Content: disclosure.DraftContent{Title: "一季度村务", Body: "村道修缮完成。"}})
	if err != nil {
		t.Fatal(err)
	}
	if v, err = svc.Publish(as, v.ID); err != nil {
		t.Fatal(err)
	}
	q, err := svc.Ask(domain.NewContextWithActor(ctx, domain.Actor{UserID: resident.UserID}), v.ID, "修缮花了多少钱？")
	if err != nil {
		t.Fatal(err)
	}
	sched := jobs.New(jobs.Config{Notify: f.a.notify, Accounts: f.a.accounts, Communities: f.a.comms, Schedule: f.a.runs, Disclosure: svc, Log: f.log, Now: f.clock.Now})
	for _, c := range []struct {
		after     time.Duration
		escalated bool
	}{{6 * 24 * time.Hour, false}, {8 * 24 * time.Hour, true}} {
		f.clock.Set(noon.Add(c.after))
		if err := sched.Tick(ctx, f.clock.Now()); err != nil {
			t.Fatal(err)
		}
		got, err := svc.Question(as, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if (got.State == disclosure.QuestionEscalated) != c.escalated {
			t.Errorf("after %v the question is %s, want escalated %v", c.after, got.State, c.escalated)
		}
	}
}
