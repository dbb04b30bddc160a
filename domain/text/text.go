// Package text cleans and checks the free text people type: names, titles
// and addresses (Line) and longer bodies (Body) are trimmed,
// NFC-normalised, and refused when they hold control characters or
// invisible format characters, show nothing visible, or have the wrong
// length in runes.
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
		// Bidi overrides hide the real text; zero-width characters let one
		// name pass for another.
		if unicode.Is(unicode.Cf, r) {
			return "", bad("不能含有不可见的格式字符", " must not contain invisible format characters")
		}
	}
	switch n := utf8.RuneCountInString(s); {
	case n == 0 || !hasVisible(s):
		return "", bad("不能为空", " must not be empty")
	case n < min:
		return "", bad("至少需要 %d 个字", " needs at least %d characters", min)
	case n > max:
		return "", bad("最多 %d 个字", " must be at most %d characters", max)
	}
	return s, nil
}

// Body cleans a multi-line text such as a comment: line breaks become \n,
// and tabs and line breaks are its only control characters. Invisible format
// characters are refused, but for the zero-width joiner and non-joiner
// inside an emoji sequence (👨‍👩‍👧). It must show something visible and be
// between min and max runes long. The error is an Invalid error about field.
func Body(field, s string, min, max int) (string, error) {
	if !utf8.ValidString(s) {
		return "", domain.InvalidField(field, "内容含有无效字符", "the text contains invalid characters")
	}
	s = Clean(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
	runes := []rune(s)
	for i, r := range runes {
		switch {
		case r == '\n' || r == '\t':
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return "", domain.InvalidField(field, "内容含有控制字符", "the text contains control characters")
		case (r == '\u200d' || r == '\u200c') && i > 0 && i+1 < len(runes) && emojiPart(runes[i-1]) && emojiPart(runes[i+1]):
		case unicode.Is(unicode.Cf, r):
			return "", domain.InvalidField(field, "内容含有不可见的格式字符", "the text contains invisible format characters")
		}
	}
	n := len(runes)
	if n < min || (min > 0 && !hasVisible(s)) {
		return "", domain.InvalidField(field, "内容不能为空", "the text must not be empty")
	}
	if n > max {
		return "", domain.InvalidText(field, domain.Text{ZH: fmt.Sprintf("内容最多 %d 个字", max), EN: fmt.Sprintf("the text must be at most %d characters", max)})
	}
	return s, nil
}

// hasVisible reports whether s has a character that shows: a letter,
// digit, mark, punctuation or symbol.
func hasVisible(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.L, unicode.N, unicode.M, unicode.P, unicode.S) && r != '\u3164' && r != '\uffa0' // Hangul fillers show nothing
	})
}

// emojiPart reports whether r can stand on either side of a joiner in an
// emoji sequence: a symbol, a skin-tone modifier or variation selector 16.
func emojiPart(r rune) bool {
	return unicode.In(r, unicode.So, unicode.Sk) || r == '\ufe0f' || (r >= 0x1f3fb && r <= 0x1f3ff)
}
