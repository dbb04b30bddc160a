package text_test

import (
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

func TestLine(t *testing.T) {
	what := domain.Text{ZH: "名称", EN: "name"}
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"OKTrimmed", "  小古城村 ", "小古城村", true},
		{"OKNFC", "Cafe\u0301", "Café", true},
		{"OKEmoji", "🏡", "🏡", true},
		{"OK64Runes", strings.Repeat("村", 64), strings.Repeat("村", 64), true},
		{"ErrEmpty", "", "", false},
		{"ErrIdeographicSpaceOnly", "\u3000\u3000", "", false},
		{"Err65Runes", strings.Repeat("村", 65), "", false},
		{"ErrControl", "村\x1b[31m", "", false},
		{"ErrLineSeparator", "村\u2028村", "", false},
		{"ErrInvalidUTF8", "\xc3\x28", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := text.Line("name", what, tt.in, 1, 64)
			if (err == nil) != tt.ok {
				t.Fatalf("Line(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			}
			if err != nil {
				e, _ := domain.AsError(err)
				if e.Field != "name" || e.Code != domain.Invalid || !strings.HasPrefix(e.Message.ZH, "名称") {
					t.Errorf("error = %+v", e)
				}
				return
			}
			if got != tt.want {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
