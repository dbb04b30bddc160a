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
		{"ErrC1Control", "村\u0085村", "", false},
		{"ErrBidiOverride", "沈\u202e丽萍", "", false},
		{"ErrZeroWidthSpace", "沈丽\u200b萍", "", false},
		{"ErrZeroWidthOnly", "\u200b\u200b", "", false},
		{"ErrHangulFillerOnly", "\u3164", "", false},
		{"OKNFCDecomposedCJKCompat", "e\u0301", "é", true},
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

func TestBody(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"OKLines", "第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行", true},
		{"OKTab", "a\tb", "a\tb", true},
		{"OKEmojiZWJ", "一家 👨\u200d👩\u200d👧 好", "一家 👨\u200d👩\u200d👧 好", true},
		{"OKEmojiSkinToneZWJ", "👩🏽\u200d💻", "👩🏽\u200d💻", true},
		{"OKNFC", "Cafe\u0301", "Café", true},
		{"ErrZWJBetweenLetters", "沈\u200d丽萍", "", false},
		{"ErrZWJAtEnd", "好👍\u200d", "", false},
		{"ErrBidiOverride", "同意\u202e意同不", "", false},
		{"ErrC1Control", "a\u009bb", "", false},
		{"ErrEscape", "a\x1b[31mb", "", false},
		{"ErrInvisibleOnly", "\u200b \n\t", "", false},
		{"ErrTooLong", strings.Repeat("字", 21), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := text.Body("body", tt.in, 1, 20)
			if (err == nil) != tt.ok {
				t.Fatalf("Body(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			}
			if err != nil {
				if e, _ := domain.AsError(err); e.Field != "body" || e.Code != domain.Invalid {
					t.Errorf("error = %+v", e)
				}
				return
			}
			if got != tt.want {
				t.Errorf("Body(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
