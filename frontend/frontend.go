// Package frontend holds Yishi's web UI, embedded in the binary. Until the
// web UI is built this is a single placeholder page, so a plain `go build`
// works on a clean clone without Node.
package frontend

import (
	"embed"
	"net/http"
)

//go:embed placeholder/index.html
var files embed.FS

// Handler serves the web UI at /.
func Handler() http.Handler {
	page, _ := files.ReadFile("placeholder/index.html") // embedded above
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.URL.Path != "/index.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
		w.Write(page)
	})
}
