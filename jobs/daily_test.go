package jobs_test

import (
	"context"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/jobs"
	"github.com/yishi-app/yishi/jobs/mail/sendgridtest"
)

// TestDSTDays ticks every ten minutes through the days around both DST
// changes of New York and counts the runs of a job due at 02:30 and one due
// at 01:30 local: one run each day, including the spring-forward day (whose
// 02:30 does not exist and is caught up at 03:30) and the fall-back day
// (whose 01:30 happens twice).
func TestDSTDays(t *testing.T) {
	f := newFixture(t)
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tests := []struct {
		name     string
		at       jobs.Daily
		from, to time.Time
	}{
		{"SpringForward0230", jobs.Daily{Hour: 2, Minute: 30}, time.Date(2026, 3, 7, 12, 0, 0, 0, loc), time.Date(2026, 3, 9, 12, 0, 0, 0, loc)},
		{"FallBack0230", jobs.Daily{Hour: 2, Minute: 30}, time.Date(2026, 10, 31, 12, 0, 0, 0, loc), time.Date(2026, 11, 2, 12, 0, 0, 0, loc)},
		{"FallBack0130", jobs.Daily{Hour: 1, Minute: 30}, time.Date(2026, 10, 31, 12, 0, 0, 0, loc), time.Date(2026, 11, 2, 12, 0, 0, 0, loc)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			perDay := map[string]int{}
			var ranAt []time.Time
			for now := tt.from; now.Before(tt.to); now = now.Add(10 * time.Minute) {
				_, err := jobs.RunDaily(ctx, f.a.runs, tt.name, tt.at, loc, 0, now, func(_ context.Context, occ time.Time) error {
					perDay[occ.In(loc).Format(time.DateOnly)]++
					ranAt = append(ranAt, now)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			// The job due at tt.from's noon ran first (catch-up), then one per day.
			want := map[string]int{
				tt.from.AddDate(0, 0, 0).Format(time.DateOnly): 1,
				tt.from.AddDate(0, 0, 1).Format(time.DateOnly): 1,
				tt.from.AddDate(0, 0, 2).Format(time.DateOnly): 1,
			}
			for day, n := range want {
				if perDay[day] != n {
					t.Errorf("%s: %d runs, want %d (all: %v, ran at %v)", day, perDay[day], n, perDay, ranAt)
				}
			}
			if len(perDay) != 3 {
				t.Errorf("runs on %d days, want 3: %v", len(perDay), perDay)
			}
		})
	}
}

// digestSource is a topic area stand-in with news for one community.
type digestSource struct{ community domain.ID }

func (d digestSource) DigestSection(_ context.Context, c domain.ID, lang domain.Lang, _, _ time.Time) (string, error) {
	if c != d.community {
		return "", nil
	}
	return domain.Text{ZH: "新议题：村口停车难（12 人附议）", EN: "New topic: parking at the village gate (12 supports)"}.In(lang), nil
}

func TestWeeklyDigest(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := f.user(t, "admin@example.com")
	as := domain.NewContextWithActor(ctx, domain.Actor{UserID: admin})
	street, err := f.a.comms.CreateStreet(domain.NewSystemContext(as), community.StreetInput{Name: "径山镇", Code: "330110109"})
	if err != nil {
		t.Fatal(err)
	}
	busy, err := f.a.comms.CreateCommunity(domain.NewSystemContext(as), community.CommunityInput{StreetID: street.ID, Name: "小古城村", Kind: community.Village, Code: "330110109201", AdminID: domain.ActorFromContext(as).UserID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.a.comms.CreateCommunity(domain.NewSystemContext(as), community.CommunityInput{StreetID: street.ID, Name: "安静村", Kind: community.Village, Code: "330110109202", AdminID: domain.ActorFromContext(as).UserID}); err != nil {
		t.Fatal(err)
	}
	grid, err := f.a.comms.CreateGrid(as, busy.ID, community.GridInput{Name: "第一网格", Code: "G1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{"r1@example.com", "r2@example.com"} {
		u := f.user(t, e)
		r, err := f.a.comms.RequestToJoin(domain.NewContextWithActor(ctx, domain.Actor{UserID: u}), community.JoinInput{CommunityID: busy.ID, GridID: grid.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.a.comms.ApproveJoinRequest(as, r.ID); err != nil {
			t.Fatal(err)
		}
	}
	sched := jobs.New(jobs.Config{Notify: f.a.notify, Accounts: f.a.accounts, Communities: f.a.comms, Schedule: f.a.runs,
		Digests: []jobs.DigestSource{digestSource{busy.ID}}, Log: f.log, Now: f.clock.Now})
	// Monday 2 March 2026, 08:30 in Shanghai is 00:30 UTC; tick from 00:00 to 01:00 UTC.
	for now := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC); now.Before(time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)); now = now.Add(5 * time.Minute) {
		f.clock.Set(now)
		if err := sched.Tick(ctx, now); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []string{"r1@example.com", "r2@example.com", "admin@example.com"} {
		if n := f.count(notify.KindWeeklyDigest, e); n != 1 {
			t.Errorf("%s got %d digests, want 1", e, n)
		}
	}
	var digestRequests int
	for _, r := range f.sg.Requests() {
		if r.CustomArgs["kind"] == string(notify.KindWeeklyDigest) {
			digestRequests++
			if len(r.Personalizations) != 3 {
				t.Errorf("digest went in a request of %d, want one request for all 3 residents", len(r.Personalizations))
			}
		}
	}
	if digestRequests != 1 {
		t.Errorf("%d digest requests, want 1 (the quiet village sends none)", digestRequests)
	}
	// Their approvals, decided at noon, are mailed at the next tick after it.
	f.clock.Set(noon.Add(time.Minute))
	if err := sched.Tick(ctx, f.clock.Now()); err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{"r1@example.com", "r2@example.com"} {
		if n := f.count(notify.KindJoinDecided, e); n != 1 {
			t.Errorf("%s got %d join decisions, want 1", e, n)
		}
	}
}

func TestRetryFailedByAdmin(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := f.user(t, "admin@example.com")
	outsider := f.user(t, "outsider@example.com")
	as := domain.NewContextWithActor(ctx, domain.Actor{UserID: admin})
	street, err := f.a.comms.CreateStreet(domain.NewSystemContext(as), community.StreetInput{Name: "径山镇", Code: "330110109"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.a.comms.CreateCommunity(domain.NewSystemContext(as), community.CommunityInput{StreetID: street.ID, Name: "小古城村", Kind: community.Village, Code: "330110109201", AdminID: domain.ActorFromContext(as).UserID})
	if err != nil {
		t.Fatal(err)
	}
	f.dispatch(t)
	f.sg.Queue(sendgridtest.Reply{Status: 403})
	it := f.reminder(admin, "join:retry", f.clock.Now())
	it.CommunityID = c.ID
	if err := f.a.notify.Enqueue(ctx, it); err != nil {
		t.Fatal(err)
	}
	f.dispatch(t)
	failed, err := f.a.notify.Failed(as, c.ID, domain.Page{First: 10})
	if err != nil || failed.TotalCount != 1 {
		t.Fatalf("failed list = %+v, %v", failed, err)
	}
	id := failed.Items[0].ID
	if _, err := f.a.notify.Failed(domain.NewContextWithActor(ctx, domain.Actor{UserID: outsider}), c.ID, domain.Page{First: 10}); domain.ErrorCode(err) != domain.Forbidden {
		t.Errorf("outsider sees failed deliveries: %v", err)
	}
	if _, err := f.a.notify.Retry(domain.NewContextWithActor(ctx, domain.Actor{UserID: outsider}), id); domain.ErrorCode(err) != domain.NotFound {
		t.Errorf("outsider retry: %v, want NotFound", err)
	}
	if _, err := f.a.notify.Retry(as, id); err != nil {
		t.Fatal(err)
	}
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "admin@example.com"); n != 1 {
		t.Errorf("sent %d after the retry, want 1", n)
	}
	// The sent item is in the log under a new ID; the failed entry is gone.
	if _, err := f.a.notify.Retry(as, id); domain.ErrorCode(err) != domain.NotFound {
		t.Errorf("retry of the old entry: %v, want NotFound", err)
	}
	sent, err := f.a.notify.History(as, domain.Page{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	last := sent.Items[len(sent.Items)-1]
	if last.State != notify.Sent {
		t.Fatalf("latest history entry %+v, want the sent retry", last)
	}
	if _, err := f.a.notify.Retry(as, last.ID); domain.ErrorCode(err) != domain.Conflict {
		t.Errorf("retry of a sent item: %v, want Conflict", err)
	}
}
