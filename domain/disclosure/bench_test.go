package disclosure_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// fiveYears publishes months monthly finance disclosures ending with
// October 2026, each with items items, the balances chained, and returns
// the last one.
func fiveYears(tb testing.TB, v *village, months, items int) disclosure.Version {
	tb.Helper()
	since := disclosure.Date{Year: 2020, Month: 1, Day: 1}
	must(v.svc.SetSchedule(as(v.committee), v.c.ID, disclosure.ScheduleUpdate{Since: &since}))
	p := disclosure.Period("2026-10")
	for range months - 1 {
		p = p.Prev()
	}
	var opening int64
	var last disclosure.Version
	for range months {
		list := make([]disclosure.Item, items)
		for i := range list {
			d := p.First().AddDays(i % 28)
			if i%3 == 0 {
				list[i] = income(d.String(), "contract_income", int64(100000+i))
			} else {
				list[i] = expense(d.String(), "welfare_expense/garbage", int64(20000+i))
				list[i].Note = fmt.Sprintf("第%d车次", i)
			}
		}
		last = v.published(tb, string(p), opening, list...)
		opening = last.Content.Finance.Closing
		p = p.Next()
	}
	return last
}

// readPage reads what one disclosure's page shows: the disclosure, its
// current version in full, its versions, its questions and read counts.
func readPage(tb testing.TB, v *village, id domain.ID) {
	ctx := anonymous
	d := must(v.svc.Disclosure(ctx, id))
	full := must(v.svc.Version(ctx, d.Current.ID))
	vs := must(v.svc.Versions(ctx, id))
	must(v.svc.Questions(ctx, id, domain.Page{First: 20}))
	ids := make([]domain.ID, len(vs))
	for i, x := range vs {
		ids[i] = x.ID
	}
	must(v.svc.ReadCounts(ctx, ids))
	if full.Content.Finance == nil || len(full.Content.Finance.Items) == 0 {
		tb.Fatal("no items")
	}
}

// BenchmarkDisclosures measures, in one community with five years of
// monthly finance disclosures (60 versions of 200 items), the list's first
// page and one disclosure's page; it reports the commands each sends.
func BenchmarkDisclosures(b *testing.B) {
	d, commands := dbtest.NewCounted(b)
	v := newVillageOn(b, d)
	start := time.Now()
	last := fiveYears(b, v, 60, 200)
	b.Logf("built 60 versions of 200 items in %v", time.Since(start).Round(time.Millisecond))
	b.Run("List", func(b *testing.B) {
		commands.Reset()
		for b.Loop() {
			l := must(v.svc.Disclosures(anonymous, v.c.ID, disclosure.Filter{}, domain.Page{First: 20}))
			if l.TotalCount != 60 || len(l.Items) != 20 {
				b.Fatalf("list = %d of %d", len(l.Items), l.TotalCount)
			}
		}
		b.ReportMetric(float64(commands.Count())/float64(b.N), "commands/op")
	})
	b.Run("Page", func(b *testing.B) {
		commands.Reset()
		for b.Loop() {
			readPage(b, v, last.DisclosureID)
		}
		b.ReportMetric(float64(commands.Count())/float64(b.N), "commands/op")
	})
	b.Run("Record", func(b *testing.B) {
		for b.Loop() {
			must(v.svc.ScheduleRecord(anonymous, v.c.ID, disclosure.KindFinance, 60))
		}
	})
}

// TestCommandsConstant: the list and a disclosure's page send as many
// commands whatever the number of disclosures and items.
func TestCommandsConstant(t *testing.T) {
	count := func(months, items int) (list, page int64) {
		d, commands := dbtest.NewCounted(t)
		v := newVillageOn(t, d)
		last := fiveYears(t, v, months, items)
		must(v.svc.Ask(as(v.residents[0]), last.ID, "问"))
		commands.Reset()
		must(v.svc.Disclosures(as(v.committee), v.c.ID, disclosure.Filter{}, domain.Page{First: 20}))
		list = commands.Count()
		commands.Reset()
		readPage(t, v, last.DisclosureID)
		return list, commands.Count()
	}
	smallList, smallPage := count(3, 2)
	bigList, bigPage := count(25, 60)
	if smallList != bigList || smallPage != bigPage {
		t.Errorf("commands: list %d vs %d, page %d vs %d", smallList, bigList, smallPage, bigPage)
	}
	t.Logf("list: %d commands, page: %d commands", bigList, bigPage)
}
