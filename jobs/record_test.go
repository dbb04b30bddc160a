package jobs_test

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/jobs"
)

// TestRecordHeads: the daily clean-up signs a head over what the record
// gained since the last one, and the weekly digest names that head: its
// size and the start of its root.
func TestRecordHeads(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := db.EnsureIndexes(ctx, f.db.Database, ledger.Indexes()); err != nil {
		t.Fatal(err)
	}
	record := ledger.NewService(f.db.Database, ledger.Config{Key: ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize)), Now: f.clock.Now})
	admin := f.user(t, "admin@example.com")
	as := domain.NewContextWithActor(ctx, domain.Actor{UserID: admin})
	street, err := f.a.comms.CreateStreet(domain.NewSystemContext(as), community.StreetInput{Name: "径山镇", Code: "330110109"})
	if err != nil {
		t.Fatal(err)
	}
	village, err := f.a.comms.CreateCommunity(domain.NewSystemContext(as), community.CommunityInput{StreetID: street.ID, Name: "小古城村", Kind: community.Village, Code: "330110109201", AdminID: admin})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := record.Append(ctx, village.ID, ledger.Entry{Type: ledger.Screening, Subject: "Topic:" + string(rune('a'+i)), Role: string(domain.RoleCommittee),
			At: f.clock.Now(), Payload: []byte(`{"decision":"accept"}`)}); err != nil {
			t.Fatal(err)
		}
	}
	sched := jobs.New(jobs.Config{Notify: f.a.notify, Accounts: f.a.accounts, Communities: f.a.comms, Schedule: f.a.runs, Record: record,
		Digests: []jobs.DigestSource{record}, Log: f.log, Now: f.clock.Now})
	// Saturday 28 February to Monday 2 March 2026, 20:00 to 01:00 UTC: the
	// clean-up at 04:15 in Shanghai on Sunday and Monday, the digest at 08:30
	// on Monday.
	tick := func(from, to time.Time) {
		t.Helper()
		for now := from; now.Before(to); now = now.Add(5 * time.Minute) {
			f.clock.Set(now)
			if err := sched.Tick(ctx, now); err != nil {
				t.Fatal(err)
			}
		}
	}
	tick(time.Date(2026, 2, 28, 20, 0, 0, 0, time.UTC), time.Date(2026, 2, 28, 21, 0, 0, 0, time.UTC))
	heads, err := record.Heads(ctx, village.ID)
	if err != nil || len(heads) != 1 || heads[0].Size != 3 {
		t.Fatalf("heads after Sunday's clean-up = %+v, %v; want one over 3 entries", heads, err)
	}
	if _, err := record.Append(ctx, village.ID, ledger.Entry{Type: ledger.Screening, Subject: "Topic:d", Role: string(domain.RoleCommittee),
		At: f.clock.Now(), Payload: []byte(`{"decision":"reject"}`)}); err != nil {
		t.Fatal(err)
	}
	tick(time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC), time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC))
	heads, err = record.Heads(ctx, village.ID)
	if err != nil || len(heads) != 2 || heads[1].Size != 4 {
		t.Fatalf("heads after Monday's clean-up = %+v, %v; want a second over 4 entries", heads, err)
	}
	root := hex.EncodeToString(heads[1].Root)[:16]
	var digests int
	for _, r := range f.sg.Requests() {
		if r.CustomArgs["kind"] != string(notify.KindWeeklyDigest) {
			continue
		}
		digests++
		if text := r.Content[0].Value; !strings.Contains(text, "共 4 条公开记录已签名") || !strings.Contains(text, root) {
			t.Errorf("the digest does not name the head over 4 entries, root %s:\n%s", root, text)
		}
	}
	if digests != 1 {
		t.Errorf("%d digests sent, want 1", digests)
	}
}
