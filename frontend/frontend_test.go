package frontend

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// app is a built app as Vite lays it out.
func app() fstest.MapFS {
	js := "console.log(" + strings.Repeat(`"議事 yishi ",`, 200) + "1)"
	return fstest.MapFS{
		"index.html":              {Data: []byte(`<!doctype html><title>议事</title><script type="module" src="/assets/index-abc123.js"></script>` + strings.Repeat(" ", 600))},
		"favicon.svg":             {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"assets/index-abc123.js":  {Data: []byte(js)},
		"assets/index-def456.css": {Data: []byte("body{color:red}")},
		".gitkeep":                {Data: nil},
	}
}

func get(t testing.TB, h http.Handler, method, target string, hdr map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t testing.TB, res *http.Response) string {
	t.Helper()
	var r io.Reader = res.Body
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServing(t *testing.T) {
	h := newHandler(app())
	tests := []struct {
		name, method, path string
		status             int
		ctype, cache, has  string
	}{
		{"Index", "GET", "/", 200, "text/html; charset=utf-8", "no-cache", "议事"},
		{"IndexByName", "GET", "/index.html", 200, "text/html; charset=utf-8", "no-cache", "议事"},
		{"SPAFallback", "GET", "/c/abc/members", 200, "text/html; charset=utf-8", "no-cache", "议事"},
		{"SPAFallbackQuery", "GET", "/reset-password?token=x.y", 200, "text/html; charset=utf-8", "no-cache", "议事"},
		{"Asset", "GET", "/assets/index-abc123.js", 200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", "yishi"},
		{"CSS", "GET", "/assets/index-def456.css", 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable", "color:red"},
		{"RootFile", "GET", "/favicon.svg", 200, "image/svg+xml", "no-cache", "<svg"},
		{"MissingAsset", "GET", "/assets/index-old.js", 404, "text/plain; charset=utf-8", "no-cache", "not found"},
		{"MissingAssetNoDot", "GET", "/assets/gone", 404, "text/plain; charset=utf-8", "no-cache", "not found"},
		{"MissingFile", "GET", "/robots.txt", 404, "text/plain; charset=utf-8", "no-cache", "not found"},
		{"HiddenFile", "GET", "/.gitkeep", 404, "text/plain; charset=utf-8", "no-cache", "not found"},
		{"DotDot", "GET", "/../frontend.go", 404, "text/plain; charset=utf-8", "no-cache", "not found"},
		{"Head", "HEAD", "/", 200, "text/html; charset=utf-8", "no-cache", ""},
		{"Post", "POST", "/", 405, "text/plain; charset=utf-8", "", "not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.method, tt.path, nil)
			if res.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d", res.StatusCode, tt.status)
			}
			if got := res.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type = %q, want %q", got, tt.ctype)
			}
			if got := res.Header.Get("Cache-Control"); got != tt.cache {
				t.Errorf("Cache-Control = %q, want %q", got, tt.cache)
			}
			if got := body(t, res); !strings.Contains(got, tt.has) || (tt.method == "HEAD" && got != "") {
				t.Errorf("body = %.60q, want it to hold %q", got, tt.has)
			}
			csp := res.Header.Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("CSP = %q, want script-src 'self' and nothing unsafe", csp)
			}
			if res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no X-Content-Type-Options: nosniff")
			}
		})
	}
}

func TestGzip(t *testing.T) {
	h := newHandler(app())
	for _, tt := range []struct {
		name, accept string
		gzip         bool
	}{
		{"Gzip", "gzip, deflate, br", true},
		{"GzipQ", "br;q=1.0, gzip;q=0.5", true},
		{"Star", "*", true},
		{"Refused", "gzip;q=0, br", false},
		{"None", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, "GET", "/assets/index-abc123.js", map[string]string{"Accept-Encoding": tt.accept})
			if got := res.Header.Get("Content-Encoding") == "gzip"; got != tt.gzip {
				t.Fatalf("gzip = %v, want %v", got, tt.gzip)
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Error("no Vary: Accept-Encoding")
			}
			if got := body(t, res); !strings.HasPrefix(got, "console.log(") {
				t.Errorf("body = %.40q", got)
			}
		})
	}
	// Small files are not worth compressing.
	res := get(t, h, "GET", "/favicon.svg", map[string]string{"Accept-Encoding": "gzip"})
	if res.Header.Get("Content-Encoding") != "" {
		t.Error("a tiny file was gzipped")
	}
}

func TestETag(t *testing.T) {
	h := newHandler(app())
	for _, enc := range []string{"", "gzip"} {
		res := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": enc})
		etag := res.Header.Get("ETag")
		if etag == "" {
			t.Fatal("no ETag on index.html")
		}
		res = get(t, h, "GET", "/", map[string]string{"Accept-Encoding": enc, "If-None-Match": etag})
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("revalidation with %s = %d, want 304", etag, res.StatusCode)
		}
		if b := body(t, res); b != "" {
			t.Errorf("304 with a body: %q", b)
		}
	}
	plain := get(t, h, "GET", "/", nil).Header.Get("ETag")
	gz := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": "gzip"}).Header.Get("ETag")
	if plain == gz {
		t.Errorf("gzip and identity share the ETag %s", plain)
	}
}

// TestEmbedded checks what this binary really holds: the built app after
// `npm run build`, else the placeholder; either is served at / with the CSP.
func TestEmbedded(t *testing.T) {
	h := Handler()
	res := get(t, h, "GET", "/", map[string]string{"Accept-Encoding": "gzip"})
	b := body(t, res)
	if res.StatusCode != 200 || !strings.Contains(b, "议事") {
		t.Fatalf("GET / = %d %.80q", res.StatusCode, b)
	}
	if !strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Error("no CSP")
	}
	if bytes.Contains([]byte(b), []byte("<script>")) {
		t.Error("inline script in the page")
	}
	if Built() {
		if !strings.Contains(b, `src="/assets/`) {
			t.Errorf("built index.html does not load /assets/: %.200q", b)
		}
		if res := get(t, h, "GET", "/c/x/members", nil); res.StatusCode != 200 {
			t.Errorf("SPA fallback = %d", res.StatusCode)
		}
	} else {
		t.Log("the UI is not built into this binary: serving the placeholder")
		if res := get(t, h, "GET", "/placeholder.css", nil); res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/css; charset=utf-8" {
			t.Errorf("placeholder.css = %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
}
