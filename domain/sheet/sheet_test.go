package sheet_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain/sheet"
)

var shanghai = time.FixedZone("CST", 8*3600)

// finance is a small sheet of finance items, as an area would build it.
func finance() sheet.Sheet {
	return sheet.Sheet{
		Name: "2026年10月财务",
		Zone: shanghai,
		Columns: []sheet.Column{
			{Title: "日期", Kind: sheet.Date}, {Title: "科目", Kind: sheet.Text}, {Title: "金额（元）", Kind: sheet.Yuan}, {Title: "序号", Kind: sheet.Int},
		},
		Rows: [][]any{
			// 23:30 on Oct 31 UTC is Nov 1 in Shanghai: the date is the zone's.
			{time.Date(2026, 10, 31, 23, 30, 0, 0, time.UTC), "垃圾清运费，含“外运”", int64(1234567), 1},
			{time.Date(2026, 10, 3, 1, 0, 0, 0, time.UTC), "村集体经营收入", int64(-5), int64(2)},
			{nil, "", nil, nil},
		},
	}
}

// TestXLSXRoundTrip: a workbook read back with the same library has the
// sheet names, the Chinese text, the dates as dates and the amounts in
// yuan with two decimals.
func TestXLSXRoundTrip(t *testing.T) {
	second := finance()
	second.Name = "质询记录"
	var b bytes.Buffer
	if err := sheet.WriteXLSX(&b, finance(), second); err != nil {
		t.Fatal(err)
	}
	names, rows, err := sheet.ReadXLSX(&b)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(names, ",") != "2026年10月财务,质询记录" {
		t.Errorf("sheets %v", names)
	}
	got := rows["2026年10月财务"]
	want := [][]string{
		{"日期", "科目", "金额（元）", "序号"},
		{"2026-11-01", "垃圾清运费，含“外运”", "12,345.67", "1"},
		{"2026-10-03", "村集体经营收入", "-0.05", "2"},
	}
	if len(got) < 3 {
		t.Fatalf("rows %v", got)
	}
	for i, row := range want {
		if strings.Join(got[i], "|") != strings.Join(row, "|") {
			t.Errorf("row %d = %q, want %q", i, got[i], row)
		}
	}
}

// TestCSV: a byte-order mark first, then titles and rows Excel reads as
// text, dates and numbers; quotes and commas in text survive.
func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := sheet.WriteCSV(&b, finance()); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\uFEFF日期,") {
		t.Fatalf("no byte-order mark before the titles: %q", b.String()[:12])
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[1], "|") != "2026-11-01|垃圾清运费，含“外运”|12345.67|1" || strings.Join(recs[2], "|") != "2026-10-03|村集体经营收入|-0.05|2" {
		t.Errorf("records %q", recs)
	}
}

// TestBadSheets: a cell of the wrong kind, a short row or a long name is
// refused before anything is written.
func TestBadSheets(t *testing.T) {
	for name, edit := range map[string]func(*sheet.Sheet){
		"AmountAsFloat": func(s *sheet.Sheet) { s.Rows[0][2] = 12.5 },
		"DateAsText":    func(s *sheet.Sheet) { s.Rows[0][0] = "2026-10-01" },
		"ShortRow":      func(s *sheet.Sheet) { s.Rows[1] = s.Rows[1][:2] },
		"LongName":      func(s *sheet.Sheet) { s.Name = strings.Repeat("表", 32) },
	} {
		t.Run(name, func(t *testing.T) {
			s := finance()
			edit(&s)
			var b bytes.Buffer
			if sheet.WriteXLSX(&b, s) == nil || sheet.WriteCSV(&b, s) == nil {
				t.Error("written")
			}
		})
	}
}

func TestYuanText(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00", 5: "0.05", 100: "1.00", -123456: "-1234.56", 1 << 53: "90071992547409.92", -1 << 63: "-92233720368547758.08"} {
		if got := sheet.YuanText(fen); got != want {
			t.Errorf("YuanText(%d) = %s, want %s", fen, got, want)
		}
	}
}
