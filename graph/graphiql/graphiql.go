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

// Page serves the GraphiQL page itself.
func Page() http.Handler {
	page, _ := assets.ReadFile("assets/index.html")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(page)
	})
}
