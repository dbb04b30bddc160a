// Package graphiql serves GraphiQL, the in-browser GraphQL IDE, from
// embedded assets (GraphiQL 3 and React 18 from npm), so no CDN is needed.
package graphiql

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed assets
var assets embed.FS

// Prefix is the URL path the assets are served under.
const Prefix = "/graphiql/"

// Assets serves the GraphiQL files under Prefix.
func Assets() http.Handler {
	sub, _ := fs.Sub(assets, "assets") // the folder is embedded above
	return http.StripPrefix(Prefix, http.FileServerFS(sub))
}

// CSP is the GraphiQL page's content security policy: its own scripts only
// (all of them are files under Prefix), no framing by other sites.
// GraphiQL sets inline styles, hence 'unsafe-inline' for styles alone.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// Page serves the GraphiQL page itself.
func Page() http.Handler {
	page, _ := assets.ReadFile("assets/index.html")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Security-Policy", CSP)
		w.Header().Set("X-Frame-Options", "DENY")
		w.Write(page)
	})
}
