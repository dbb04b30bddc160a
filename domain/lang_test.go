package domain_test

import (
	"testing"

	"github.com/yishi-app/yishi/domain"
)

func TestParseAcceptLanguage(t *testing.T) {
	tests := []struct {
		header string
		want   domain.Lang
	}{
		{"", domain.Chinese},
		{"en", domain.English},
		{"en-GB,en;q=0.9", domain.English},
		{"zh-CN,zh;q=0.9,en;q=0.8", domain.Chinese},
		{"fr, en;q=0.1", domain.English},
		{"en;q=0.2, zh-TW;q=0.5", domain.Chinese},
		{"de, fr", domain.Chinese},
		{"en;q=bogus", domain.English},
	}
	for _, tt := range tests {
		if got := domain.ParseAcceptLanguage(tt.header); got != tt.want {
			t.Errorf("ParseAcceptLanguage(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestNewIDOrdered(t *testing.T) {
	prev := domain.NewID()
	for range 1000 {
		id := domain.NewID()
		if !id.Valid() || id <= prev {
			t.Fatalf("NewID %q after %q: want valid and increasing", id, prev)
		}
		prev = id
	}
	for _, bad := range []domain.ID{"", "xyz", "0123456789abcdef0123456z", `{"$gt":""}`} {
		if bad.Valid() {
			t.Errorf("%q is valid", bad)
		}
	}
}

func TestErrorCode(t *testing.T) {
	if got := domain.ErrorCode(nil); got != "" {
		t.Errorf("nil: %q", got)
	}
	if got := domain.ErrorCode(domain.ErrForbidden); got != domain.Forbidden {
		t.Errorf("forbidden: %q", got)
	}
	if got := domain.ErrorCode(errPlain("boom")); got != domain.Internal {
		t.Errorf("plain error: %q", got)
	}
	if got := domain.ErrForbidden.Message.In(domain.English); got != "you are not allowed to do this" {
		t.Errorf("English: %q", got)
	}
}

type errPlain string

func (e errPlain) Error() string { return string(e) }
