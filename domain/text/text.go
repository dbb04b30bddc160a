// Package text cleans and checks the free text people type: names, titles
// and addresses are trimmed, NFC-normalised, and refused when they hold
// control characters or have the wrong length in runes.
package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/yishi-app/yishi/domain"
)

// Clean trims s and normalises it to NFC.
func Clean(s string) string {
	return norm.NFC.String(strings.TrimSpace(s))
}

// Line cleans a one-line value such as a name and checks that it is valid
// UTF-8 without control characters and between min and max runes long. The
// error is an Invalid error about field; what names the value for people.
func Line(field string, what domain.Text, s string, min, max int) (string, error) {
	bad := func(zh, en string, args ...any) error {
		return domain.InvalidText(field, domain.Text{
			ZH: what.ZH + fmt.Sprintf(zh, args...),
			EN: what.EN + fmt.Sprintf(en, args...),
		})
	}
	if !utf8.ValidString(s) {
		return "", bad("含有无效字符", " contains invalid characters")
	}
	s = Clean(s)
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return "", bad("不能含有控制字符", " must not contain control characters")
		}
	}
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		return "", bad("不能为空", " must not be empty")
	case n < min:
		return "", bad("至少需要 %d 个字", " needs at least %d characters", min)
	case n > max:
		return "", bad("最多 %d 个字", " must be at most %d characters", max)
	}
	return s, nil
}
