// Package frontend serves Yishi's web UI, embedded in the binary.
//
// The UI is a TypeScript and React app built by Vite (see package.json)
// into dist/. A clean clone has only dist/.gitkeep there, so that a plain
// `go build` works without Node: the binary then serves the placeholder
// page instead, which says how to build the UI.
package frontend

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

//go:embed all:dist placeholder
var files embed.FS

// CSP is the Content-Security-Policy of every response: scripts, styles
// and connections only from this origin, no inline scripts, no framing.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// Cache-Control values: Vite names what it puts in assets/ by a hash of
// the content, so those never change; everything else is revalidated.
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheRevalid   = "no-cache"
)

// Handler serves the web UI at /: the built app when the binary was built
// after `npm run build`, else the placeholder page.
func Handler() http.Handler {
	dist, _ := fs.Sub(files, "dist") // both folders are embedded above
	if _, err := fs.Stat(dist, "index.html"); err == nil {
		return newHandler(dist)
	}
	placeholder, _ := fs.Sub(files, "placeholder")
	return newHandler(placeholder)
}

// Built reports whether the binary holds the built UI rather than the
// placeholder.
func Built() bool {
	_, err := fs.Stat(files, "dist/index.html")
	return err == nil
}

// file is one asset, read and compressed once.
type file struct {
	body, gz    []byte // gz is nil when compressing does not pay
	ctype, etag string
	cache       string
}

// handler serves a single-page app from fsys: files as they are, and
// index.html for any other path that looks like a page (no dot in its last
// segment), so that the client-side router sees it.
type handler struct {
	files map[string]*file
	index *file
}

func newHandler(fsys fs.FS) *handler {
	h := &handler{files: map[string]*file{}}
	_ = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(path.Base(name), ".") {
			return nil
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil
		}
		f := &file{body: body, ctype: contentType(name), cache: cacheRevalid}
		if strings.HasPrefix(name, "assets/") {
			f.cache = cacheImmutable
		}
		sum := sha256.Sum256(body)
		f.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
		if compressible(f.ctype) && len(body) > 512 {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			_, _ = zw.Write(body)
			_ = zw.Close()
			if buf.Len() < len(body)*9/10 {
				f.gz = buf.Bytes()
			}
		}
		h.files[name] = f
		return nil
	})
	h.index = h.files["index.html"]
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", CSP)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "same-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	f, ok := h.files[name]
	if !ok {
		// A path with a dot in its last segment, or under assets/, names a
		// file: a missing one is a 404, not the app (a stale asset link
		// must not get HTML). Anything else is a page of the app.
		if strings.Contains(path.Base(name), ".") || strings.HasPrefix(name, "assets/") || h.index == nil {
			hd.Set("Cache-Control", cacheRevalid)
			http.NotFound(w, r)
			return
		}
		f = h.index
	}
	serveFile(w, r, f)
}

func serveFile(w http.ResponseWriter, r *http.Request, f *file) {
	hd := w.Header()
	hd.Set("Content-Type", f.ctype)
	hd.Set("Cache-Control", f.cache)
	body, etag := f.body, f.etag
	if f.gz != nil {
		hd.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			body, etag = f.gz, strings.TrimSuffix(f.etag, `"`)+`-gz"`
			hd.Set("Content-Encoding", "gzip")
		}
	}
	hd.Set("ETag", etag)
	if matchETag(r.Header.Get("If-None-Match"), etag) {
		hd.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
			continue
		}
		if q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			if v, err := strconv.ParseFloat(q, 64); err == nil && v == 0 {
				return false
			}
		}
		return true
	}
	return false
}

// matchETag reports whether an If-None-Match header names etag.
func matchETag(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// types maps the extensions Vite emits to their media types; the
// system's MIME tables are not consulted, so that answers do not depend on
// the machine.
var types = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".txt":         "text/plain; charset=utf-8",
}

func contentType(name string) string {
	if t, ok := types[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.HasPrefix(ctype, "application/json") ||
		strings.HasPrefix(ctype, "application/manifest") || strings.HasPrefix(ctype, "image/svg")
}
