package disclosure_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

func TestFinanceTotals(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	f := oct.Content.Finance
	if f.Opening != 1000000 || f.Income != 500000 || f.Expense != 120050 || f.Closing != 1379950 || f.ItemCount != 2 || len(f.Items) != 2 {
		t.Fatalf("finance = %+v", f)
	}
	if oct.Content.Title != "2026年10月财务收支公开" {
		t.Errorf("default title = %q", oct.Content.Title)
	}
	// Items come out in date order, each with an ID.
	draft := v.financeDraft(t, "2026-11", f.Closing,
		expense("2026-11-03", "admin_expense/office", 1),
		income("2026-11-01", "operating_income", disclosure.MaxFen),
		expense("2026-11-02", "admin_expense", disclosure.MaxFen-1))
	g := draft.Content.Finance
	if g.Closing != f.Closing || g.Expense != disclosure.MaxFen || g.Items[0].Date != day("2026-11-01") || g.Items[2].Date != day("2026-11-03") || g.Items[0].ID == "" {
		t.Errorf("november = %+v", g)
	}
}

// TestFinanceFieldErrors enters each kind of bad item and checks the error
// names the field and that nothing is stored.
func TestFinanceFieldErrors(t *testing.T) {
	v := newVillage(t)
	ok := income("2026-10-08", "subsidy_income", 500000)
	with := func(change func(*disclosure.Item)) []disclosure.Item {
		it := ok
		change(&it)
		return []disclosure.Item{ok, it}
	}
	many := make([]disclosure.Item, disclosure.MaxItems+1)
	for i := range many {
		many[i] = ok
	}
	tests := []struct {
		name    string
		items   []disclosure.Item
		opening int64
		field   string
	}{
		{"ErrNegativeExpense", with(func(it *disclosure.Item) { *it = expense("2026-10-09", "other_expense", -100) }), 0, "items[1].amount"},
		{"ErrZero", with(func(it *disclosure.Item) { it.Amount = 0 }), 0, "items[1].amount"},
		{"ErrMoreThan2To53", with(func(it *disclosure.Item) { it.Amount = disclosure.MaxFen + 1 }), 0, "items[1].amount"},
		{"ErrTotalMoreThan2To53", with(func(it *disclosure.Item) { it.Amount = disclosure.MaxFen }), 0, "items[1].amount"},
		{"ErrDateBeforePeriod", with(func(it *disclosure.Item) { it.Date = day("2026-09-30") }), 0, "items[1].date"},
		{"ErrDateAfterPeriod", with(func(it *disclosure.Item) { it.Date = day("2026-11-01") }), 0, "items[1].date"},
		{"ErrNoDate", with(func(it *disclosure.Item) { it.Date = disclosure.Date{} }), 0, "items[1].date"},
		{"ErrUnknownCategory", with(func(it *disclosure.Item) { it.Category = "lottery" }), 0, "items[1].category"},
		{"ErrCategoryOfOtherDirection", with(func(it *disclosure.Item) { it.Category = "welfare_expense/garbage" }), 0, "items[1].category"},
		{"ErrDirection", with(func(it *disclosure.Item) { it.Direction = "gift" }), 0, "items[1].direction"},
		{"ErrUnknownItemID", with(func(it *disclosure.Item) { it.ID = "made-up" }), 0, "items[1].id"},
		{"ErrLink", with(func(it *disclosure.Item) { it.Link = "https://example.com" }), 0, "items[1].link"},
		{"ErrLongVoucher", with(func(it *disclosure.Item) { it.Voucher = strings.Repeat("号", 41) }), 0, "items[1].voucher"},
		{"ErrTooMany", many, 0, "items"},
		{"ErrOpeningTooLarge", []disclosure.Item{ok}, disclosure.MaxFen + 1, "openingBalance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindFinance, Period: "2026-10",
				Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: tt.opening, Items: tt.items}}})
			e := wantField(t, err, tt.field)
			if e.Message.ZH == "" || e.Message.EN == "" || strings.Contains(e.Message.ZH+e.Message.EN, "%!") {
				t.Errorf("message = %+v", e.Message)
			}
		})
	}
	if n := v.count(t, "disclosures") + v.count(t, "disclosure_versions"); n != 0 {
		t.Errorf("%d documents stored by refused drafts", n)
	}
	// Nor does a bad edit change the draft.
	draft := v.financeDraft(t, "2026-10", 0, ok)
	_, err := v.svc.UpdateDraft(as(v.committee), disclosure.EditInput{VersionID: draft.ID,
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Items: with(func(it *disclosure.Item) { it.Amount = -1 })}}})
	wantField(t, err, "items[1].amount")
	if got := must(v.svc.Version(as(v.committee), draft.ID)); got.Content.Finance.ItemCount != 1 {
		t.Errorf("a refused edit changed the draft: %+v", got.Content.Finance)
	}
	// A link to a resolution is kept.
	link := domain.GlobalID("Resolution", domain.NewID())
	edited := must(v.svc.UpdateDraft(as(v.committee), disclosure.EditInput{VersionID: draft.ID,
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Items: with(func(it *disclosure.Item) { it.Link = link })}}}))
	if edited.Content.Finance.Items[1].Link != link {
		t.Errorf("link = %q", edited.Content.Finance.Items[1].Link)
	}
}

func TestOpeningBalance(t *testing.T) {
	v := newVillage(t)
	v.october(t) // closing 13,799.50
	nov := v.financeDraft(t, "2026-11", 1379900, income("2026-11-02", "other_income", 100))
	_, err := v.svc.Publish(as(v.committee), nov.ID)
	e := wantField(t, err, "openingBalance")
	for _, want := range []string{"13799.00", "13799.50"} {
		if !strings.Contains(e.Message.ZH, want) || !strings.Contains(e.Message.EN, want) {
			t.Errorf("message %+v does not name %s in both languages", e.Message, want)
		}
	}
	if got := must(v.svc.Version(as(v.committee), nov.ID)); got.State != disclosure.VersionDraft {
		t.Errorf("a refused publication published: %+v", got)
	}
	fixed := must(v.svc.UpdateDraft(as(v.committee), disclosure.EditInput{VersionID: nov.ID,
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: 1379950, Items: nov.Content.Finance.Items}}}))
	must(v.svc.Publish(as(v.committee), fixed.ID))

	// The previous period is the latest one published: a correction of
	// October moves its closing, and December must follow the correction
	// of November.
	novDisc := must(v.svc.Disclosure(anonymous, nov.DisclosureID))
	corr := must(v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: novDisc.ID, Reason: "补记一笔收入",
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: 1379950, Items: append(slices.Clone(fixed.Content.Finance.Items), income("2026-11-03", "other_income", 50))}}}))
	must(v.svc.Publish(as(v.committee), corr.ID))
	v.clock.Set(start.AddDate(0, 1, 0))
	dec := v.financeDraft(t, "2026-12", 1379950+100)
	_, err = v.svc.Publish(as(v.committee), dec.ID)
	wantField(t, err, "openingBalance")
	dec = must(v.svc.UpdateDraft(as(v.committee), disclosure.EditInput{VersionID: dec.ID, Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: 1379950 + 150}}}))
	must(v.svc.Publish(as(v.committee), dec.ID))
}

func TestCategories(t *testing.T) {
	v := newVillage(t)
	c := must(v.svc.AddCategory(as(v.committee), v.c.ID, "welfare_expense", "河道保洁"))
	if c.Parent != "welfare_expense" || c.Direction != disclosure.Expense || !c.Custom {
		t.Errorf("category = %+v", c)
	}
	_, err := v.svc.AddCategory(as(v.committee), v.c.ID, "welfare_expense", "河道保洁")
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.AddCategory(as(v.committee), v.c.ID, "welfare_expense", "垃圾清运")
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.AddCategory(as(v.committee), v.c.ID, "welfare_expense/garbage", "子")
	wantField(t, err, "parent")
	_, err = v.svc.AddCategory(as(v.residents[0]), v.c.ID, "welfare_expense", "x")
	wantCode(t, err, domain.Forbidden)
	list := must(v.svc.Categories(anonymous, v.c.ID))
	at := slices.IndexFunc(list, func(x disclosure.Category) bool { return x.Code == c.Code })
	if at < 0 || list[at-1].Parent != "welfare_expense" || list[0].Code != "operating_income" {
		t.Errorf("the community's sub-category is not with its account: %+v", list)
	}
	// Items may be booked to it.
	d := v.financeDraft(t, "2026-10", 0, expense("2026-10-02", c.Code, 3000))
	if d.Content.Finance.Items[0].Category != c.Code {
		t.Errorf("item = %+v", d.Content.Finance.Items[0])
	}
}
