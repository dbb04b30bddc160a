package domain

import (
	"context"
	"strconv"
	"strings"
)

// Lang is a user interface language.
type Lang string

// Supported languages; Chinese is the default.
const (
	Chinese Lang = "zh-CN"
	English Lang = "en"
)

// ParseAcceptLanguage picks the supported language a client prefers from an
// Accept-Language header, honouring q-values; it returns Chinese when the
// header names neither language.
func ParseAcceptLanguage(header string) Lang {
	best, bestQ := Chinese, -1.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		tag = strings.ToLower(strings.TrimSpace(tag))
		var lang Lang
		switch {
		case tag == "zh" || strings.HasPrefix(tag, "zh-"):
			lang = Chinese
		case tag == "en" || strings.HasPrefix(tag, "en-"):
			lang = English
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = lang, q
		}
	}
	return best
}

type langKey struct{}

// NewContextWithLang returns a context carrying the request's language.
func NewContextWithLang(ctx context.Context, lang Lang) context.Context {
	return context.WithValue(ctx, langKey{}, lang)
}

// LangFromContext returns the request's language, Chinese if none was set.
func LangFromContext(ctx context.Context) Lang {
	if l, ok := ctx.Value(langKey{}).(Lang); ok {
		return l
	}
	return Chinese
}
