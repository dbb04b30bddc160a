package roster_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain/patrol/roster"
)

// genQuarter returns a realistic team's quarter in loc: 90 days from Monday 2
// March 2026 of three shifts a day on rotating routes (08:00-10:00,
// 14:00-16:00, 19:00-21:00), with nights a night shift (22:00-06:00) on
// Fridays and Saturdays too, with 2 to 4 positions (the evening at least 3)
// and weights 1, 1.5 at the weekend and 2 at night; and members as a village
// has them: retirees free in the daytime, workers free in the evenings and at
// weekends, a few night owls, and some who can come only once in a while,
// with weekly limits, days and dates off, and wishes.
func genQuarter(r *rand.Rand, loc *time.Location, members int, nights bool) roster.Input {
	in := roster.Input{Zone: loc, Seed: "quarter-2026-q2"}
	for d := range 90 {
		wd := at(loc, d, 0, 0).Weekday()
		weekend := wd == time.Saturday || wd == time.Sunday
		for k, tp := range templates {
			if tp.night && (!nights || wd != time.Friday && wd != time.Saturday) {
				continue
			}
			start := at(loc, d, tp.hh, tp.mm)
			sh := roster.Shift{
				ID: fmt.Sprintf("d%02d-%s", d, tp.id), RouteID: routes[(d+k)%len(routes)], TemplateID: tp.id,
				Start: start, End: start.Add(time.Duration(tp.minutes) * time.Minute),
				Min: 2, Max: 2 + r.IntN(3), Weight: 1, Night: tp.night,
			}
			switch {
			case tp.night:
				sh.Weight = 2
			case weekend:
				sh.Weight = 1.5
			}
			if tp.id == "evening" {
				sh.Min = 3 // the busiest hours
				sh.Max = max(sh.Max, 3)
			}
			in.Shifts = append(in.Shifts, sh)
		}
	}
	everyDay := func(from, to int) []roster.Slot {
		var out []roster.Slot
		for d := range 7 {
			out = append(out, roster.Slot{Day: time.Weekday(d), Start: from, End: to})
		}
		return out
	}
	for j := range members {
		mb := roster.Member{ID: fmt.Sprintf("m%03d", j), NoNights: true}
		switch kind := r.IntN(10); {
		case kind < 4: // retiree: daytime, every day or most
			mb.Weekly = everyDay(7*60, (17+r.IntN(5))*60)
			mb.MaxPerWeek = 1 + r.IntN(3)
		case kind < 7: // worker: weekday evenings and the weekend
			for d := time.Monday; d <= time.Friday; d++ {
				mb.Weekly = append(mb.Weekly, roster.Slot{Day: d, Start: 18 * 60, End: 22 * 60})
			}
			mb.Weekly = append(mb.Weekly, roster.Slot{Day: time.Saturday, Start: 8 * 60, End: 22 * 60}, roster.Slot{Day: time.Sunday, Start: 8 * 60, End: 22 * 60})
			mb.MaxPerWeek = 1 + r.IntN(2)
		case kind < 8: // night owl: evenings and nights
			mb.Weekly = append(everyDay(18*60, 1440), everyDay(0, 7*60)...)
			mb.NoNights = false
		default: // once in a while: one or two weekly slots
			for range 1 + r.IntN(2) {
				from := (7 + r.IntN(12)) * 60
				mb.Weekly = append(mb.Weekly, roster.Slot{Day: time.Weekday(r.IntN(7)), Start: from, End: min(from+4*60, 1440)})
			}
			mb.MaxPerWeek = 1
		}
		if r.IntN(4) == 0 {
			mb.DaysOff = []time.Weekday{time.Weekday(r.IntN(7))}
		}
		if r.IntN(3) == 0 { // a trip
			d := at(loc, r.IntN(80), 0, 0)
			for k := range 3 + r.IntN(10) {
				y, m, dd := d.AddDate(0, 0, k).Date()
				mb.DatesOff = append(mb.DatesOff, roster.Date{Year: y, Month: m, Day: dd})
			}
		}
		if r.IntN(2) == 0 {
			mb.PreferDays = []time.Weekday{time.Weekday(r.IntN(7))}
		}
		if r.IntN(3) == 0 {
			mb.PreferTemplates = []string{templates[r.IntN(3)].id}
		}
		if j > 0 && r.IntN(2) == 0 {
			mb.Partners = []roster.Partner{{MemberID: fmt.Sprintf("m%03d", r.IntN(j)), RouteID: routes[r.IntN(len(routes))]}}
		}
		in.Members = append(in.Members, mb)
	}
	return in
}

// BenchmarkBuild builds a quarter's roster for 200 members (goal: under 2 s)
// and reports its spread and lower bound, and RoundRobin's (with its time,
// the median of five) on the same team:
// with three day shifts a day, and with night shifts on Fridays and
// Saturdays too, which only the few night owls can take.
func BenchmarkBuild(b *testing.B) {
	for _, bc := range []struct {
		name   string
		nights bool
	}{{"DayShifts", false}, {"WithNights", true}} {
		b.Run(bc.name, func(b *testing.B) {
			in := genQuarter(rand.New(rand.NewPCG(1, 1)), shanghai(b), 200, bc.nights)
			var r roster.Roster
			for b.Loop() {
				var err error
				if r, err = roster.Build(in); err != nil {
					b.Fatal(err)
				}
			}
			var rr roster.Roster
			var took []time.Duration
			for range 5 {
				start := time.Now()
				var err error
				if rr, err = roster.RoundRobin(in); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2])/1e6, "rr-p50-ms")
			b.ReportMetric(r.Spread, "spread")
			b.ReportMetric(r.LowerBound, "bound")
			b.ReportMetric(float64(len(r.Unfilled)), "short")
			b.ReportMetric(rr.Spread, "rr-spread")
			b.ReportMetric(rr.LowerBound, "rr-bound")
			b.ReportMetric(float64(len(rr.Unfilled)), "rr-short")
			b.ReportMetric(float64(len(in.Shifts)), "shifts")
			b.Log(r.Fairness.EN)
			b.Log("round robin: " + rr.Fairness.EN)
		})
	}
}
