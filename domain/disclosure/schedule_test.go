package disclosure_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/domaintest"
)

func TestPeriods(t *testing.T) {
	tests := []struct {
		in          string
		unit        disclosure.Unit
		first, last string
		prev, next  disclosure.Period
		zh          string
	}{
		{"2026-10", disclosure.Month, "2026-10-01", "2026-10-31", "2026-09", "2026-11", "2026年10月"},
		{"2026-01", disclosure.Month, "2026-01-01", "2026-01-31", "2025-12", "2026-02", "2026年1月"},
		{"2028-02", disclosure.Month, "2028-02-01", "2028-02-29", "2028-01", "2028-03", "2028年2月"},
		{"2026-Q4", disclosure.Quarter, "2026-10-01", "2026-12-31", "2026-Q3", "2027-Q1", "2026年第4季度"},
		{"2026-Q1", disclosure.Quarter, "2026-01-01", "2026-03-31", "2025-Q4", "2026-Q2", "2026年第1季度"},
		{"2026-10-15", disclosure.Day, "2026-10-15", "2026-10-15", "2026-10-14", "2026-10-16", "2026年10月15日"},
	}
	for _, tt := range tests {
		p, err := disclosure.ParsePeriod(tt.in)
		if err != nil || p.Unit() != tt.unit || p.First() != day(tt.first) || p.Last() != day(tt.last) || p.Prev() != tt.prev || p.Next() != tt.next || p.Label().ZH != tt.zh {
			t.Errorf("%s: unit %s, %v–%v, prev %s, next %s, %s, %v", tt.in, p.Unit(), p.First(), p.Last(), p.Prev(), p.Next(), p.Label().ZH, err)
		}
	}
	for _, bad := range []string{"", "2026", "2026-1", "2026-13", "2026-00", "2026-Q0", "2026-Q5", "2026-02-30", "26-10-01", "2026/10", "+026-10", "2026-+1", "1899-12", "2026-10-1"} {
		if _, err := disclosure.ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) passed", bad)
		}
	}
	if p := disclosure.Period("2026-Q4"); !p.Contains(day("2026-11-30")) || p.Contains(day("2027-01-01")) {
		t.Error("Contains")
	}
}

func TestDueDatesInZone(t *testing.T) {
	v := newVillage(t)
	// 2026-10 is due on 10 November: its end is midnight in Shanghai, 16:00 UTC.
	d := must(v.svc.Disclosure(as(v.committee), v.financeDraft(t, "2026-10", 0).DisclosureID))
	if d.Due != day("2026-11-10") || !d.DueAt.Equal(time.Date(2026, 11, 10, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("due %v at %v", d.Due, d.DueAt)
	}
	// A disclosure published at 23:59 Shanghai time on its due day is on time.
	v.clock.Set(time.Date(2026, 11, 10, 15, 59, 0, 0, time.UTC))
	pub := must(v.svc.Publish(as(v.committee), d.Current.ID))
	d = must(v.svc.Disclosure(anonymous, pub.DisclosureID))
	if d.Status(v.clock.Now()) != disclosure.OnTime {
		t.Errorf("status %s, want on time", d.Status(v.clock.Now()))
	}
}

func TestScheduleRecord(t *testing.T) {
	v := newVillage(t)
	// By now (3 November): January–June published on time, July late,
	// August never, September as a draft, October not due yet.
	for m := 1; m <= 7; m++ {
		period := disclosure.MonthPeriod(disclosure.Date{Year: 2026, Month: time.Month(m), Day: 1})
		v.clock.Set(time.Date(2026, time.Month(m+1), 5, 2, 0, 0, 0, time.UTC))
		if m == 7 {
			v.clock.Set(time.Date(2026, 8, 12, 2, 0, 0, 0, time.UTC))
		}
		v.published(t, string(period), 0)
	}
	v.clock.Set(start)
	v.financeDraft(t, "2026-09", 0)
	rec := must(v.svc.ScheduleRecord(anonymous, v.c.ID, disclosure.KindFinance, 0))
	got := map[disclosure.Period]disclosure.Status{}
	for _, st := range rec {
		got[st.Period] = st.Status
	}
	want := map[disclosure.Period]disclosure.Status{
		"2026-11": disclosure.Upcoming, "2026-10": disclosure.Upcoming, "2026-09": disclosure.Overdue, "2026-08": disclosure.Missing,
		"2026-07": disclosure.Late, "2026-06": disclosure.OnTime, "2026-01": disclosure.OnTime,
	}
	for p, st := range want {
		if got[p] != st {
			t.Errorf("%s: %s, want %s", p, got[p], st)
		}
	}
	if len(rec) != 11 || rec[0].Period != "2026-11" {
		t.Errorf("%d periods from %s: want 2026-01 to 2026-11, newest first (2025 is before the schedule)", len(rec), rec[0].Period)
	}
	// Three days before 10 November, October is due soon.
	v.clock.Set(time.Date(2026, 11, 8, 1, 0, 0, 0, time.UTC))
	rec = must(v.svc.ScheduleRecord(anonymous, v.c.ID, disclosure.KindFinance, 3))
	if len(rec) != 3 || rec[1].Period != "2026-10" || rec[1].Status != disclosure.DueSoon || rec[1].DisclosureID != "" {
		t.Errorf("record = %+v", rec)
	}
	_, err := v.svc.ScheduleRecord(anonymous, v.c.ID, disclosure.KindFinance, 61)
	wantField(t, err, "periods")

	// Power items are due within N days of their decision.
	days := 5
	must(v.svc.SetSchedule(as(v.committee), v.c.ID, disclosure.ScheduleUpdate{PowerDueDays: &days}))
	p := must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindPower, Period: "2026-11-01",
		Content: disclosure.DraftContent{Title: "低保评议结果", Power: &disclosure.Power{Decision: "新增低保户两户", DecidedBy: "村民代表会议", Basis: "《浙江省最低生活保障办法》"}}}))
	rec = must(v.svc.ScheduleRecord(as(v.committee), v.c.ID, disclosure.KindPower, 0))
	if len(rec) != 1 || rec[0].Due != day("2026-11-06") || rec[0].Status != disclosure.Overdue || rec[0].DisclosureID != p.DisclosureID {
		t.Errorf("power record = %+v", rec)
	}
	// Everyone sees it is overdue; only its editors which draft it is.
	rec = must(v.svc.ScheduleRecord(anonymous, v.c.ID, disclosure.KindPower, 0))
	if len(rec) != 1 || rec[0].Status != disclosure.Overdue || rec[0].DisclosureID != "" {
		t.Errorf("power record for anyone = %+v", rec)
	}
}

func TestSetSchedule(t *testing.T) {
	v := newVillage(t)
	s := must(v.svc.Schedule(anonymous, v.c.ID))
	if r := s.Rule(disclosure.KindFinance); r.Cadence != disclosure.Monthly || r.DueDays != 10 {
		t.Errorf("default finance rule = %+v", r)
	}
	if r := s.Rule(disclosure.KindVillage); r.Cadence != disclosure.Quarterly {
		t.Errorf("village rule = %+v", r)
	}
	bad := disclosure.PerEvent
	_, err := v.svc.SetSchedule(as(v.committee), v.c.ID, disclosure.ScheduleUpdate{FinanceCadence: &bad})
	wantField(t, err, "financeCadence")
	zero := 0
	_, err = v.svc.SetSchedule(as(v.committee), v.c.ID, disclosure.ScheduleUpdate{VillageDueDays: &zero})
	wantField(t, err, "villageDueDays")
	feb30 := disclosure.Date{Year: 2026, Month: 2, Day: 30}
	_, err = v.svc.SetSchedule(as(v.committee), v.c.ID, disclosure.ScheduleUpdate{Since: &feb30})
	wantField(t, err, "since")
	_, err = v.svc.SetSchedule(as(v.residents[0]), v.c.ID, disclosure.ScheduleUpdate{VillageDueDays: &zero})
	wantCode(t, err, domain.Forbidden)
	// Two changes of different fields at once both stay.
	q, fifteen := disclosure.Quarterly, 15
	for _, err := range domaintest.AtOnce(
		func() error {
			_, err := v.svc.SetSchedule(as(v.committee), v.c.ID, disclosure.ScheduleUpdate{FinanceCadence: &q})
			return err
		},
		func() error {
			_, err := v.svc.SetSchedule(as(v.admin), v.c.ID, disclosure.ScheduleUpdate{VillageDueDays: &fifteen})
			return err
		}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	s = must(v.svc.Schedule(anonymous, v.c.ID))
	if s.Rule(disclosure.KindFinance).Cadence != disclosure.Quarterly || s.Rule(disclosure.KindVillage).DueDays != 15 || s.Since != day("2026-01-01") {
		t.Errorf("schedule = %+v", s)
	}
}
