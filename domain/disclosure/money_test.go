package disclosure_test

import (
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

func TestParseYuan(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1234.50", 123450, true},
		{"1234.5", 123450, true},
		{"1234", 123400, true},
		{"0.01", 1, true},
		{"0", 0, true},
		{" 12.30 ", 1230, true},
		{"1,234.50", 123450, true},
		{"12,345,678.90", 1234567890, true},
		{"007.10", 710, true},
		{"90071992547409.92", 9007199254740992, true}, // 2^53 fen
		{"90071992547409.93", 0, false},               // 2^53 + 1
		{"99999999999999999999", 0, false},
		{"1234.567", 0, false},
		{"0.001", 0, false},
		{"-1", 0, false},
		{"-0.01", 0, false},
		{"+1", 0, false},
		{"", 0, false},
		{".5", 0, false},
		{"5.", 0, false},
		{"1e3", 0, false},
		{"abc", 0, false},
		{"１２３", 0, false}, // full-width digits
		{"12,34", 0, false},
		{"1234,567", 0, false},
		{",123", 0, false},
		{"1 234", 0, false},
		{"NaN", 0, false},
		{"1.2.3", 0, false},
	}
	for _, tt := range tests {
		got, err := disclosure.ParseYuan("amount", tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseYuan(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if e, isE := domain.AsError(err); err != nil && (!isE || e.Code != domain.Invalid || e.Field != "amount" || e.Message.ZH == "" || e.Message.EN == "") {
			t.Errorf("ParseYuan(%q) error = %v, want Invalid about amount in both languages", tt.in, err)
		}
	}
	if got, err := disclosure.ParseBalance("openingBalance", "-1,234.05"); err != nil || got != -123405 {
		t.Errorf("ParseBalance(-1,234.05) = %d, %v", got, err)
	}
	if _, err := disclosure.ParseBalance("openingBalance", "--1"); err == nil {
		t.Error("ParseBalance(--1) passed")
	}
}

func TestFormatYuan(t *testing.T) {
	tests := []struct {
		fen  int64
		want string
	}{
		{0, "0.00"}, {1, "0.01"}, {10, "0.10"}, {123450, "1234.50"}, {-5, "-0.05"}, {-123405, "-1234.05"},
		{disclosure.MaxFen, "90071992547409.92"}, {-1 << 63, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := disclosure.FormatYuan(tt.fen); got != tt.want {
			t.Errorf("FormatYuan(%d) = %q, want %q", tt.fen, got, tt.want)
		}
	}
}

// FuzzParseYuan: whatever is typed, an accepted amount is within 0..2^53
// fen and reads back the same once formatted; a refused one is an Invalid
// error.
func FuzzParseYuan(f *testing.F) {
	for _, s := range []string{"1234.50", "0.01", "1,234.5", "90071992547409.92", "-1", "1.234", "", "9e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fen, err := disclosure.ParseYuan("amount", s)
		if err != nil {
			if domain.ErrorCode(err) != domain.Invalid {
				t.Fatalf("ParseYuan(%q): %v", s, err)
			}
			return
		}
		if fen < 0 || fen > disclosure.MaxFen {
			t.Fatalf("ParseYuan(%q) = %d, out of range", s, fen)
		}
		back, err := disclosure.ParseYuan("amount", disclosure.FormatYuan(fen))
		if err != nil || back != fen {
			t.Fatalf("ParseYuan(FormatYuan(%d)) = %d, %v", fen, back, err)
		}
		if strings.Count(strings.TrimSpace(s), ".") > 1 {
			t.Fatalf("ParseYuan(%q) accepted two points", s)
		}
	})
}

// FuzzFormatYuan: every balance within ±2^53 fen formats to what
// ParseBalance reads back.
func FuzzFormatYuan(f *testing.F) {
	for _, n := range []int64{0, 1, -1, 99, 100, disclosure.MaxFen, -disclosure.MaxFen} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, fen int64) {
		if fen > disclosure.MaxFen || fen < -disclosure.MaxFen {
			return
		}
		s := disclosure.FormatYuan(fen)
		back, err := disclosure.ParseBalance("balance", s)
		if err != nil || back != fen {
			t.Fatalf("ParseBalance(%q) = %d, %v; want %d", s, back, err, fen)
		}
	})
}
