package main

import (
	"net/http"
	"path"
	"strings"

	"github.com/yishi-app/yishi/domain"
)

// linkTypes are the records that mails and calendar feeds link to outside
// any community, by the first segment of the link's path.
var linkTypes = map[string]string{"topics": "Topic", "meetings": "Meeting", "resolutions": "Resolution"}

// globalLinks redirects a link that names a record by its local ID, as
// mails sent before API v1 did, to the link by its global ID, which the
// app's pages take; every other request goes to next.
func globalLinks(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if to, ok := globalLink(strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")); ok && r.Method == http.MethodGet {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func globalLink(name string) (string, bool) {
	seg, id, ok := strings.Cut(name, "/")
	typ := linkTypes[seg]
	if !ok || typ == "" || id == "" || strings.Contains(id, "/") {
		return "", false
	}
	if t, _, ok := domain.ParseGlobalID(id); ok && t == typ {
		return "", false
	}
	return "/" + seg + "/" + domain.GlobalID(typ, domain.ID(id)), true
}
