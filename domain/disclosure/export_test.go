package disclosure_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/sheet"
)

// TestExports: a year's finance opens in Excel with its balances and line
// items (sheet names, totals in yuan, Chinese text), read back with the
// same library; the question log names no one; a scope without a year or
// period is refused.
func TestExports(t *testing.T) {
	v := newVillage(t)
	ctx := context.Background()
	v.published(t, "2026-09", 900000, income("2026-09-05", "subsidy_income", 100000))
	oct := v.october(t)
	must(v.svc.Ask(as(v.residents[0]), oct.ID, "垃圾清运费为什么翻倍了？"))

	anyone := ctx // no actor: the public
	sheets := must(v.svc.FinanceSheets(anyone, disclosure.ExportScope{CommunityID: v.c.ID, Year: 2026}, domain.Chinese))
	questions := must(v.svc.QuestionSheet(anyone, disclosure.ExportScope{CommunityID: v.c.ID, Year: 2026}, domain.Chinese))
	var b bytes.Buffer
	if err := sheet.WriteXLSX(&b, append(sheets, questions)...); err != nil {
		t.Fatal(err)
	}
	names, rows := must2(sheet.ReadXLSX(&b))
	if strings.Join(names, ",") != "各期收支,收支明细,质询记录" {
		t.Errorf("sheets %v", names)
	}
	balances := rows["各期收支"]
	if len(balances) != 3 || strings.Join(balances[2][2:6], "|") != "10,000.00|5,000.00|1,200.50|13,799.50" {
		t.Errorf("balances %q, want September then October, October 10,000.00 + 5,000.00 − 1,200.50 = 13,799.50", balances)
	}
	items := rows["收支明细"]
	if len(items) != 4 || items[3][1] != "2026-10-20" || items[3][4] != "1,200.50" || items[3][5] != "余杭环卫公司" {
		t.Errorf("items %q", items)
	}
	log := rows["质询记录"]
	if len(log) != 2 || log[1][2] != "垃圾清运费为什么翻倍了？" || log[1][3] != "待答复" {
		t.Errorf("question log %q", log)
	}
	var csv bytes.Buffer
	if err := sheet.WriteCSV(&csv, questions); err != nil || strings.Contains(csv.String(), "村民") {
		t.Errorf("the question log names the asker, or %v", err)
	}
	_, err := v.svc.FinanceSheets(anyone, disclosure.ExportScope{CommunityID: v.c.ID}, domain.Chinese)
	wantCode(t, err, domain.Invalid)
}

func must2[A, B any](a A, b B, err error) (A, B) {
	if err != nil {
		panic(err)
	}
	return a, b
}
