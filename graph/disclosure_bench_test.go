package graph_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/sheet"
)

// BenchmarkDisclosurePages measures, through the HTTP handler, a village
// with five years of monthly finance disclosures (60 versions of 200
// items): the list's first page and one disclosure's page (its current
// version with all its items, its versions and questions), p50 and p95,
// logged out; then the XLSX export of a year.
// Run: go test ./graph -run '^$' -bench DisclosurePages -benchtime 40x
func BenchmarkDisclosurePages(b *testing.B) {
	dv := newDisclosureVillage(b)
	svc, ctx := dv.e.disclosures, dv.v.admin
	since := disclosure.Date{Year: 2020, Month: 1, Day: 1}
	must(svc.SetSchedule(ctx, dv.v.c.ID, disclosure.ScheduleUpdate{Since: &since}))
	p := disclosure.Period("2021-10")
	var opening int64
	var last disclosure.Version
	for range 60 {
		items := make([]disclosure.Item, 200)
		for i := range items {
			d := p.First().AddDays(i % 28)
			items[i] = disclosure.Item{Date: d, Direction: disclosure.Expense, Category: "welfare_expense/garbage", Amount: int64(20000 + i),
				Counterparty: "余杭环卫公司", Voucher: fmt.Sprintf("记-%s-%03d", p, i)}
			if i%3 == 0 {
				items[i].Direction, items[i].Category, items[i].Amount = disclosure.Income, "contract_income", int64(100000+i)
			}
		}
		draft := must(svc.CreateDraft(ctx, disclosure.DraftInput{CommunityID: dv.v.c.ID, Kind: disclosure.KindFinance, Period: string(p),
			Content: disclosure.DraftContent{Body: "本月收支。", Finance: &disclosure.FinanceInput{Opening: opening, Items: items}}}))
		last = must(svc.Publish(ctx, draft.ID))
		opening = last.Content.Finance.Closing
		p = p.Next()
	}
	const listQ = `query($c: ID!) { community(id: $c) { disclosures(first: 20) { totalCount nodes { id kind status period { label } current { title publishedAt } } } } }`
	b.Run("List", func(b *testing.B) {
		timed(b, func() {
			r := dv.e.do(b, call{query: listQ, vars: map[string]any{"c": dv.community}})
			if len(r.Errors) > 0 {
				b.Fatal(r.Errors)
			}
		})
	})
	b.Run("Page", func(b *testing.B) {
		timed(b, func() {
			r := dv.e.do(b, call{query: disclosureQ, vars: map[string]any{"id": gid("Disclosure", last.DisclosureID)}})
			if len(r.Errors) > 0 {
				b.Fatal(r.Errors)
			}
		})
	})
	b.Run("ExportYearXLSX", func(b *testing.B) {
		timed(b, func() {
			sheets := must(svc.FinanceSheets(dv.v.admin, disclosure.ExportScope{CommunityID: dv.v.c.ID, Year: 2025}, domain.Chinese))
			var out bytes.Buffer
			if err := sheet.WriteXLSX(&out, sheets...); err != nil || len(sheets[1].Rows) != 2400 {
				b.Fatalf("%d rows, %v", len(sheets[1].Rows), err)
			}
		})
	})
}
