package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/yishi-app/yishi/domain"
)

// TestGlobalLinks: a mail's link by local ID is redirected to the link by
// global ID; links by global ID, and other pages, reach the app.
func TestGlobalLinks(t *testing.T) {
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	h := globalLinks(app)
	local := domain.ID("65a1b2c3d4e5f60718293a4b")
	for path, want := range map[string]string{
		"/topics/" + string(local):                     "/topics/" + domain.GlobalID("Topic", local),
		"/meetings/" + string(local):                   "/meetings/" + domain.GlobalID("Meeting", local),
		"/resolutions/" + string(local):                "/resolutions/" + domain.GlobalID("Resolution", local),
		"/meetings/" + domain.GlobalID("Topic", local): "/meetings/" + domain.GlobalID("Meeting", domain.ID(domain.GlobalID("Topic", local))),
		"/topics/" + domain.GlobalID("Topic", local):   "",
		"/topics/new":     "/topics/" + domain.GlobalID("Topic", "new"),
		"/topics":         "",
		"/c/x/topics/abc": "",
		"/":               "",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		switch {
		case want == "" && rec.Code != http.StatusTeapot:
			t.Errorf("GET %s = %d, want the app", path, rec.Code)
		case want != "" && (rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != want):
			t.Errorf("GET %s = %d to %q, want 301 to %q", path, rec.Code, rec.Header().Get("Location"), want)
		}
	}
}
