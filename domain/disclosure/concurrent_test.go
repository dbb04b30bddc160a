package disclosure_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/domaintest"
)

// runJobs runs job n times at once and returns the errors.
func runJobs(n int, job func() error) []error {
	calls := make([]func() error, n)
	for i := range calls {
		calls[i] = job
	}
	return domaintest.AtOnce(calls...)
}

// wins counts the calls that succeeded and checks that the others failed
// only with a Conflict.
func wins(tb testing.TB, errs []error) int {
	tb.Helper()
	n := 0
	for _, err := range errs {
		switch domain.ErrorCode(err) {
		case "":
			n++
		case domain.Conflict:
		default:
			tb.Fatalf("a racer failed with %v, want a Conflict", err)
		}
	}
	return n
}

// TestConcurrentCorrections: of corrections made at once, the first insert
// of the next number wins; the others get a Conflict (ErrVersionTaken, or
// ErrDraftPending when they come after it), and the numbers stay 1, 2,
// 3... without a repeat.
func TestConcurrentCorrections(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	taken := 0
	for round := range pairRounds {
		var mu sync.Mutex
		var won []disclosure.Version
		errs := runJobs(6, func() error {
			c, err := v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: oct.DisclosureID, Reason: fmt.Sprintf("第%d次更正", round),
				Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: 1000000}}})
			if err == nil {
				mu.Lock()
				won = append(won, c)
				mu.Unlock()
			}
			return err
		})
		if n := wins(t, errs); n != 1 || len(won) != 1 || won[0].Number != round+2 {
			t.Fatalf("round %d: %d corrections won (%+v), want 1 numbered %d", round, n, won, round+2)
		}
		for _, err := range errs {
			if err == disclosure.ErrVersionTaken {
				taken++
			}
		}
		must(v.svc.Publish(as(v.committee), won[0].ID))
	}
	t.Logf("%d losers of %d lost the insert itself (the others saw the winner's draft)", taken, 5*pairRounds)
	vs := must(v.svc.Versions(anonymous, oct.DisclosureID))
	if len(vs) != pairRounds+1 {
		t.Fatalf("%d versions, want %d", len(vs), pairRounds+1)
	}
	for i, x := range vs {
		if x.Number != i+1 || x.State != disclosure.VersionPublished {
			t.Errorf("version %d = number %d, %s", i, x.Number, x.State)
		}
	}
	if d := must(v.svc.Disclosure(anonymous, oct.DisclosureID)); d.Published != pairRounds+1 || d.Current.ID != vs[pairRounds].ID {
		t.Errorf("disclosure = %+v", d)
	}
}

// TestConcurrentDrafts: one disclosure per period, whoever drafts it first.
func TestConcurrentDrafts(t *testing.T) {
	v := newVillage(t)
	for round := range pairRounds {
		period := disclosure.MonthPeriod(disclosure.Date{Year: 2026, Month: time.Month(round%10 + 1), Day: 1})
		errs := runJobs(5, func() error {
			_, err := v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindFinance, Period: string(period),
				Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{}}})
			return err
		})
		want := 1
		if round >= 10 {
			want = 0 // the period was drafted in an earlier round
		}
		if n := wins(t, errs); n != want {
			t.Fatalf("round %d: %d drafts of %s won, want %d", round, n, period, want)
		}
	}
	if n := v.count(t, "disclosure_versions"); n != int64(min(pairRounds, 10)) {
		t.Errorf("%d versions stored", n)
	}
}

// TestConcurrentPublishAndEdit: a draft edited while it is published is
// either published as it stood before the edit, with that content's hash,
// or refused; the published content always matches its hash.
func TestConcurrentPublishAndEdit(t *testing.T) {
	v := newVillage(t)
	for round := range pairRounds {
		d := must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-10-01",
			Content: disclosure.DraftContent{Title: "主题党日", Body: fmt.Sprintf("第%d轮", round)}}))
		errs := domaintest.AtOnce(
			func() error { _, err := v.svc.Publish(as(v.committee), d.ID); return err },
			func() error {
				_, err := v.svc.UpdateDraft(as(v.party), disclosure.EditInput{VersionID: d.ID, Content: disclosure.DraftContent{Title: "主题党日（改）", Body: "改"}})
				return err
			},
			func() error { _, err := v.svc.Publish(as(v.party), d.ID); return err },
		)
		if n := wins(t, errs); n < 1 || n > 2 {
			t.Fatalf("round %d: %d of publish, edit, publish passed: %v", round, n, errs)
		}
		got := must(v.svc.Version(as(v.committee), d.ID))
		if got.State == disclosure.VersionPublished && got.ContentHash != disclosure.ContentHash(got) {
			t.Fatalf("round %d: published content does not match its hash", round)
		}
	}
}

// TestConcurrentAnswers: a question answered by several at once, while the
// job escalates it, is answered once and recorded once.
func TestConcurrentAnswers(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	for round := range pairRounds {
		q := must(v.svc.Ask(as(v.residents[0]), oct.ID, fmt.Sprintf("第%d问", round)))
		errs := domaintest.AtOnce(
			func() error { _, err := v.svc.Answer(as(v.committee), q.ID, "甲答"); return err },
			func() error { _, err := v.svc.Answer(as(v.committee), q.ID, "乙答"); return err },
			func() error { _, err := v.svc.Escalate(context.Background(), q.DueAt); return err },
			func() error { _, err := v.svc.Answer(as(v.supervisor), q.ID, "监委答"); return err },
		)
		n := 0
		for i, err := range errs {
			switch {
			case i == 2 && err != nil:
				t.Fatal(err)
			case i != 2 && err == nil:
				n++
			case i != 2 && err != disclosure.ErrAnswered && err != disclosure.ErrNotEscalated:
				t.Fatalf("answer failed with %v", err)
			}
		}
		if n != 1 {
			t.Fatalf("round %d: %d answers passed, want 1", round, n)
		}
	}
	entries := must(v.record.Entries(context.Background(), v.c.ID, 0, 100))
	if len(entries) != 1+pairRounds {
		t.Errorf("%d record entries, want the version and one answer per question", len(entries))
	}
}

// TestConcurrentReads: every read counts.
func TestConcurrentReads(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	for _, err := range runJobs(30, func() error { _, err := v.svc.CountRead(anonymous, oct.ID); return err }) {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := must(v.svc.ReadCounts(anonymous, []domain.ID{oct.ID})); got[oct.ID] != 30 {
		t.Errorf("reads = %d, want 30", got[oct.ID])
	}
}
