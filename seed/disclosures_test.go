package seed_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/seed"
)

// TestDisclosures: 小古城村 has a year of finance up to the month before
// last, published on time, whose balances chain, with one correction; the
// last month unpublished, for the story; four quarters of village affairs
// on time; party notices and power items on time; questions in every
// state, on the days the walk gave them; postings in 古城一组; nothing
// stamped after now; and a second Load adds nothing.
func TestDisclosures(t *testing.T) {
	s, _ := lean(newServices(t))
	ctx := context.Background()
	if _, err := seed.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	v := communityNamed(t, s, "小古城村")
	loc := v.Location()
	anyone := context.Background()
	list := func(tb testing.TB, kind disclosure.Kind) []disclosure.Disclosure {
		tb.Helper()
		l, err := s.Disclosures.Disclosures(anyone, v.ID, disclosure.Filter{Kind: &kind}, domain.Page{First: domain.MaxPageSize})
		if err != nil {
			tb.Fatal(err)
		}
		slices.Reverse(l.Items) // oldest first
		return l.Items
	}
	dayOf := func(t time.Time) disclosure.Date { return disclosure.DateOf(t, loc) }
	today := dayOf(now)
	story := disclosure.MonthPeriod(today).Prev() // the month the story publishes
	// onTime checks that d was published on time, by the service's record
	// and on the day after its period that the walk gives it.
	onTime := func(tb testing.TB, d disclosure.Disclosure, from, to int) {
		tb.Helper()
		if got := d.Status(now); got != disclosure.OnTime {
			tb.Errorf("%s %s is %s, want on time", d.Kind, d.Period, got)
		}
		if d.FirstPublishedAt.After(now) || d.CreatedAt.After(d.FirstPublishedAt) {
			tb.Errorf("%s %s: created %v, published %v, now %v", d.Kind, d.Period, d.CreatedAt, d.FirstPublishedAt, now)
		}
		if from == 0 {
			return
		}
		pub := dayOf(d.FirstPublishedAt)
		if after := d.Period.Next().First(); pub.Year != after.Year || pub.Month != after.Month || pub.Day < from || pub.Day > to {
			tb.Errorf("%s %s was published on %s, want the %d–%dth of the month after it", d.Kind, d.Period, pub, from, to)
		}
	}

	t.Run("Finance", func(t *testing.T) {
		ds := list(t, disclosure.KindFinance)
		if len(ds) != 12 {
			t.Fatalf("%d finance disclosures, want 12", len(ds))
		}
		want := story
		for i := 11; i >= 0; i-- {
			want = want.Prev()
			if got := ds[i].Period; got != want {
				t.Errorf("finance %d is of %s, want %s", i, got, want)
			}
		}
		garbage := map[time.Month]int64{}
		var corrected []disclosure.Disclosure
		var closing int64
		for i, d := range ds {
			if d.State != disclosure.Published {
				t.Errorf("%s is %s", d.Period, d.State)
			}
			onTime(t, d, 5, 8)
			if d.Published > 1 {
				corrected = append(corrected, d)
			}
			cur, err := s.Disclosures.Version(anyone, d.Current.ID)
			if err != nil {
				t.Fatal(err)
			}
			f := cur.Content.Finance
			if n := len(f.Items); n < 8 || n > 20 {
				t.Errorf("%s has %d items, want 8–20", d.Period, n)
			}
			var in, out int64
			for _, it := range f.Items {
				if it.Direction == disclosure.Income {
					in += it.Amount
				} else {
					out += it.Amount
				}
				if it.Counterparty == "" || it.Voucher == "" {
					t.Errorf("%s: item %+v has no counterparty or voucher", d.Period, it)
				}
				if it.Category == "welfare_expense/garbage" {
					garbage[it.Date.Month] += it.Amount
				}
			}
			if in != f.Income || out != f.Expense || f.Closing != f.Opening+in-out {
				t.Errorf("%s: totals %+v do not add up (income %d, expense %d)", d.Period, f, in, out)
			}
			if i > 0 && f.Opening != closing {
				t.Errorf("%s opens with %d, the month before closed with %d", d.Period, f.Opening, closing)
			}
			closing = f.Closing
		}
		if got := 2 * garbage[time.September]; got != seed.StoryGarbageFen {
			t.Errorf("garbage collection in September: %d, want half the story's %d", garbage[time.September], seed.StoryGarbageFen)
		}
		for m, fen := range garbage {
			if fen >= seed.StoryGarbageFen {
				t.Errorf("garbage collection in %s: %d; only the story's month doubles", m, fen)
			}
		}

		if len(corrected) != 1 || corrected[0].Period.First().Month != time.August {
			t.Fatalf("corrected finance disclosures: %+v, want August's", corrected)
		}
		vs, err := s.Disclosures.Versions(anyone, corrected[0].ID)
		if err != nil || len(vs) != 2 || vs[1].Type != disclosure.Correction || vs[1].Reason == "" {
			t.Fatalf("versions of %s = %+v, %v; want the original and a correction with its reason", corrected[0].Period, vs, err)
		}
		if !vs[1].PublishedAt.After(vs[0].PublishedAt) || vs[1].PublishedAt.After(now) {
			t.Errorf("August published at %v, corrected at %v", vs[0].PublishedAt, vs[1].PublishedAt)
		}
		diff, err := s.Disclosures.Diff(anyone, vs[0].ID, vs[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(diff.Finance.Changed); got != 2 || diff.Finance.Closing.Changed() || len(diff.Finance.Added)+len(diff.Finance.Removed) != 0 {
			t.Errorf("diff = %+v, want two items changed and the closing balance kept", diff.Finance)
		}
	})

	t.Run("StoryMonth", func(t *testing.T) {
		l, err := s.Disclosures.Disclosures(anyone, v.ID, disclosure.Filter{Period: &story}, domain.Page{First: 1})
		if err != nil || l.TotalCount != 0 {
			t.Fatalf("disclosures of %s = %+v, %v; want none", story, l.Items, err)
		}
		rec, err := s.Disclosures.ScheduleRecord(anyone, v.ID, disclosure.KindFinance, 14)
		if err != nil {
			t.Fatal(err)
		}
		if len(rec) != 14 {
			t.Fatalf("%d periods on record, want 14", len(rec))
		}
		for i, st := range rec {
			switch i {
			case 0, 1: // this month and the story's
				want := map[int]disclosure.Period{0: story.Next(), 1: story}[i]
				if st.Period != want || !st.PublishedAt.IsZero() || st.Status == disclosure.Late || st.Status == disclosure.OnTime {
					t.Errorf("record %d = %+v, want %s unpublished", i, st, want)
				}
			default:
				if st.Status != disclosure.OnTime {
					t.Errorf("record %d = %+v, want on time", i, st)
				}
			}
		}
		if today.Day > 10 && rec[1].Status != disclosure.Overdue {
			t.Errorf("%s is %s after the 10th, want overdue", story, rec[1].Status)
		}
	})

	t.Run("Kinds", func(t *testing.T) {
		village := list(t, disclosure.KindVillage)
		if len(village) != 4 {
			t.Fatalf("%d village-affairs disclosures, want 4", len(village))
		}
		for i, d := range village {
			onTime(t, d, 6, 8)
			if i > 0 && d.Period != village[i-1].Period.Next() {
				t.Errorf("quarters %s and %s do not follow each other", village[i-1].Period, d.Period)
			}
		}
		if last := village[3].Period; last.Next() != disclosure.QuarterPeriod(story.First()) {
			t.Errorf("the last quarter is %s, want the one before %s's", last, story)
		}
		party := list(t, disclosure.KindParty)
		if len(party) != 2 {
			t.Errorf("%d party-affairs disclosures, want 2", len(party))
		}
		for _, d := range party {
			onTime(t, d, 0, 0)
		}
		power := list(t, disclosure.KindPower)
		if len(power) != 2 {
			t.Fatalf("%d power items, want 2", len(power))
		}
		for _, d := range power {
			p := d.Current.Content.Power
			if p == nil || p.DecidedBy != "村民代表会议" || p.Amount <= 0 || p.Basis == "" {
				t.Errorf("power item %q: %+v", d.Current.Content.Title, p)
			}
			onTime(t, d, 0, 0)
			if dayOf(d.FirstPublishedAt).Compare(d.Period.First()) <= 0 {
				t.Errorf("power item %q was published on the day it was decided", d.Current.Content.Title)
			}
		}
		sched, err := s.Disclosures.Schedule(anyone, v.ID)
		first := story
		for range 12 {
			first = first.Prev()
		}
		if err != nil || sched.Rule(disclosure.KindFinance).Cadence != disclosure.Monthly || sched.Since != first.First() {
			t.Errorf("schedule = %+v, %v; want finance monthly since the first month", sched, err)
		}
	})

	t.Run("Questions", func(t *testing.T) {
		sctx, sup := login(t, s, "chu.weimin@xiaogucheng.example") // 村务监督委员会
		var all []disclosure.Question
		for _, kind := range disclosure.Kinds {
			for _, d := range list(t, kind) {
				l, err := s.Disclosures.Questions(sctx, d.ID, domain.Page{First: domain.MaxPageSize})
				if err != nil {
					t.Fatal(err)
				}
				all = append(all, l.Items...)
			}
		}
		days := func(from, to time.Time) int {
			return int(dayOf(to).Start(time.UTC).Sub(dayOf(from).Start(time.UTC)).Hours() / 24)
		}
		// escalatedOnDay8 reports whether q was escalated in the first
		// minute of day 8, when the job's tick would.
		escalatedOnDay8 := func(q disclosure.Question) bool {
			return q.Escalated && !q.EscalatedAt.Before(q.DueAt) && q.EscalatedAt.Before(q.DueAt.Add(time.Minute)) &&
				days(q.AskedAt, q.EscalatedAt) == disclosure.AnswerDays+1
		}
		got := map[string]int{}
		for _, q := range all {
			for _, at := range []time.Time{q.AskedAt, q.EscalatedAt, q.AnsweredAt, q.FollowUpAt} {
				if at.After(now) {
					t.Errorf("question %q: %v is after now", q.Text, at)
				}
			}
			var state string
			switch {
			case q.State == disclosure.QuestionAnswered && q.OnTime && !q.Escalated && days(q.AskedAt, q.AnsweredAt) == 3:
				state = "answered on time"
			case q.State == disclosure.QuestionAnswered && !q.OnTime && escalatedOnDay8(q) && days(q.AskedAt, q.AnsweredAt) == 10 &&
				q.AnsweredRole == domain.RoleCommittee:
				state = "answered late"
			case q.State == disclosure.QuestionEscalated && escalatedOnDay8(q) && q.FollowUp != "" && q.FollowUpBy == sup.ID &&
				days(q.AskedAt, q.FollowUpAt) == 9:
				state = "escalated, followed up"
			case q.State == disclosure.QuestionEscalated && escalatedOnDay8(q) && q.FollowUp == "":
				state = "escalated"
			case q.State == disclosure.QuestionOpen && !q.Escalated && q.DueAt.After(now) && days(q.AskedAt, now) >= 1:
				state = "open"
			default:
				t.Errorf("question %q is in no state the seed gives: %+v", q.Text, q)
			}
			got[state]++
		}
		want := map[string]int{"answered on time": 3, "answered late": 1, "escalated, followed up": 1, "escalated": 1, "open": 1}
		for state, n := range want {
			if got[state] != n {
				t.Errorf("%d questions %s, want %d", got[state], state, n)
			}
		}

		counts, err := s.Disclosures.QuestionCounts(anyone, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		var total disclosure.QuestionCount
		for _, c := range counts {
			total.Asked += c.Asked
			total.AnsweredOnTime += c.AnsweredOnTime
			total.AnsweredLate += c.AnsweredLate
			total.Escalated += c.Escalated
			total.Open += c.Open
		}
		if w := (disclosure.QuestionCount{Asked: 7, AnsweredOnTime: 3, AnsweredLate: 1, Escalated: 3, Open: 3}); total != w {
			t.Errorf("question counts: %+v, want %+v", total, w)
		}
	})

	t.Run("Postings", func(t *testing.T) {
		gctx, _ := login(t, s, "qian.xiaoyan@xiaogucheng.example")
		var n int
		for _, kind := range disclosure.Kinds {
			for _, d := range list(t, kind) {
				ps, err := s.Disclosures.Postings(gctx, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range ps {
					ver, err := s.Disclosures.Version(anyone, p.VersionID)
					if err != nil {
						t.Fatal(err)
					}
					if p.Date.Compare(dayOf(ver.PublishedAt)) <= 0 || p.Date.Compare(today) >= 0 || p.RecordedAt.After(now) {
						t.Errorf("posting %+v is not dated after %s was published and before today", p, ver.PublishedAt)
					}
				}
				n += len(ps)
			}
		}
		if n != 3 {
			t.Errorf("%d postings, want 3", n)
		}
	})

	t.Run("Idempotent", func(t *testing.T) {
		before := map[disclosure.Kind]int{}
		for _, k := range disclosure.Kinds {
			before[k] = len(list(t, k))
		}
		counts, _ := s.Disclosures.QuestionCounts(anyone, v.ID)
		if _, err := seed.Load(ctx, s); err != nil {
			t.Fatal(err)
		}
		for _, k := range disclosure.Kinds {
			if got := len(list(t, k)); got != before[k] {
				t.Errorf("%s: %d disclosures after a second Load, want %d", k, got, before[k])
			}
		}
		if again, _ := s.Disclosures.QuestionCounts(anyone, v.ID); !slices.Equal(again, counts) {
			t.Errorf("question counts after a second Load = %+v, want %+v", again, counts)
		}
	})
}
