package disclosure_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

func TestDiffLines(t *testing.T) {
	a := disclosure.Version{Content: disclosure.Content{Title: "村务公开", Body: "一、修路\n二、垃圾分类\n三、食堂\n四、结束"}}
	b := disclosure.Version{Type: disclosure.Correction, Reason: "补充", Content: disclosure.Content{Title: "村务公开（更正）", Body: "一、修路\n二、垃圾分类（每周两次）\n三、食堂\n3.5、新增\n四、结束"}}
	d := disclosure.DiffVersions(a, b)
	var got []string
	for _, l := range d.Lines {
		got = append(got, string(l.Op[0])+" "+l.Text)
	}
	want := []string{"k 一、修路", "r 二、垃圾分类", "a 二、垃圾分类（每周两次）", "k 三、食堂", "a 3.5、新增", "k 四、结束"}
	if !slices.Equal(got, want) {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	fields := map[string]disclosure.FieldChange{}
	for _, f := range d.Fields {
		fields[f.Field] = f
	}
	if len(fields) != 3 || fields["title"].To != "村务公开（更正）" || fields["reason"].To != "补充" || fields["type"].From != "" {
		t.Errorf("fields = %+v", d.Fields)
	}
	if d.Finance != nil {
		t.Errorf("finance diff of texts: %+v", d.Finance)
	}
	// The same text diffs to kept lines only; a huge change falls back to
	// removed, then added.
	same := disclosure.DiffVersions(a, a)
	if len(same.Fields) != 0 || len(same.Lines) != 4 || same.Lines[3].Op != disclosure.LineKept {
		t.Errorf("diff with itself = %+v", same)
	}
	big := func(prefix string) disclosure.Version {
		var b strings.Builder
		for i := range 3000 {
			b.WriteString(prefix + strings.Repeat("x", i%7) + "\n")
		}
		return disclosure.Version{Content: disclosure.Content{Body: b.String()}}
	}
	huge := disclosure.DiffVersions(big("a"), big("b"))
	if len(huge.Lines) != 6001 || huge.Lines[0].Op != disclosure.LineRemoved || huge.Lines[6000].Op != disclosure.LineKept {
		t.Errorf("huge diff: %d lines", len(huge.Lines))
	}
}

func TestDiffFinance(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	items := slices.Clone(oct.Content.Finance.Items)
	// Garbage collection doubled: change it, drop the subsidy, add a fee.
	items[1].Amount *= 2
	items[1].Note = "清运次数翻倍"
	kept := items[1]
	corr := must(v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: oct.DisclosureID, Reason: "垃圾清运金额录入有误",
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: 1000000, Items: []disclosure.Item{kept, expense("2026-10-25", "admin_expense/office", 8800)}}}}))
	if got := corr.Content.Finance.Items; len(got) != 2 || got[0].ID != kept.ID || got[1].ID == "" {
		t.Fatalf("correction's items = %+v", got)
	}
	must(v.svc.Publish(as(v.committee), corr.ID))
	d := must(v.svc.Diff(anonymous, oct.ID, corr.ID))
	f := d.Finance
	if f == nil || len(f.Added) != 1 || f.Added[0].Amount != 8800 || len(f.Removed) != 1 || f.Removed[0].Category != "subsidy_income" || len(f.Changed) != 1 {
		t.Fatalf("finance diff = %+v", f)
	}
	if c := f.Changed[0]; c.From.Amount != 120050 || c.To.Amount != 240100 || !reflect.DeepEqual(c.Fields, []string{"amount", "note"}) {
		t.Errorf("changed = %+v", c)
	}
	if f.Opening.Changed() || !f.Income.Changed() || f.Income.To != 0 || f.Expense.To != 248900 || f.Closing.From != 1379950 || f.Closing.To != 751100 {
		t.Errorf("totals = %+v", f)
	}
	if d.From.Content.Finance.Items != nil || d.To.Number != 2 {
		t.Errorf("the diff's versions carry their items or the wrong number: %+v", d.To)
	}
	// Versions of different disclosures do not compare.
	other := v.published(t, "2026-11", 751100)
	_, err := v.svc.Diff(anonymous, oct.ID, other.ID)
	wantField(t, err, "to")
	// A draft stays hidden from others in a diff too.
	draft := must(v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: oct.DisclosureID, Reason: "再改",
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: 1000000}}}))
	_, err = v.svc.Diff(as(v.residents[0]), oct.ID, draft.ID)
	wantCode(t, err, domain.NotFound)
	must(v.svc.Diff(as(v.committee), oct.ID, draft.ID))
}
