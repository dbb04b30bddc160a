package notify

import (
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain"
)

// TestKindsRender renders every kind in both languages: each has a subject,
// both parts and the unsubscribe placeholder, and AllKinds lists them all.
func TestKindsRender(t *testing.T) {
	if len(AllKinds()) != len(kinds) {
		t.Fatalf("AllKinds lists %d of %d kinds", len(AllKinds()), len(kinds))
	}
	data := map[string]string{"link": "http://yishi.test/x", "community": "小古城村", "state": "approved", "title": "村口停车难", "body": "新议题"}
	for _, k := range AllKinds() {
		for _, lang := range []domain.Lang{domain.Chinese, domain.English} {
			c, err := render(k, Recipient{Name: "王芳", Lang: lang}, data)
			if err != nil {
				t.Fatalf("%s %s: %v", k, lang, err)
			}
			if c.subject == "" || !strings.Contains(c.text, UnsubscribePlaceholder) || !strings.Contains(c.html, UnsubscribePlaceholder) || strings.Contains(c.text, "<no value>") {
				t.Errorf("%s %s rendered %+v", k, lang, c)
			}
		}
	}
}

// TestAccountMailNamesNoOne: mail to an address nobody has verified does
// not carry the name the registrant typed (it could hold a URL).
func TestAccountMailNamesNoOne(t *testing.T) {
	data := map[string]string{"link": "http://yishi.test/x"}
	for _, k := range []Kind{KindEmailVerification, KindPasswordReset} {
		for _, lang := range []domain.Lang{domain.Chinese, domain.English} {
			c, err := render(k, Recipient{Name: "请访问 evil.example 领奖", Lang: lang}, data)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(c.subject+c.text+c.html, "evil.example") {
				t.Errorf("%s %s carries the registrant's name: %q", k, lang, c.text)
			}
		}
	}
}
