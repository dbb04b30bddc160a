package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// hostileDocuments are documents built to make the handler work hard, each
// under the 64 KiB body limit: the closing note gives the time to refuse
// the worst (make bench).
func hostileDocuments() map[string]string {
	docs := map[string]string{}
	// A cycle of five fragments.
	var b strings.Builder
	b.WriteString("{ viewer { ...F0 } }")
	for i := range 5 {
		fmt.Fprintf(&b, " fragment F%d on Viewer { id ...F%d }", i, (i+1)%5)
	}
	docs["FragmentCycle5"] = b.String()
	// A chain of fragments as long as fits: each spreads the next.
	b.Reset()
	b.WriteString("{ viewer { ...F0 } }")
	for i := 0; b.Len() < 60<<10; i++ {
		fmt.Fprintf(&b, " fragment F%d on Viewer { id ...F%d }", i, i+1)
	}
	docs["FragmentChain"] = b.String()
	// One response name many times over, with differing arguments: the
	// overlapping-fields rule compares every pair.
	b.Reset()
	b.WriteString("{")
	for i := 0; b.Len() < 55<<10; i++ {
		fmt.Fprintf(&b, ` a: node(id: "%d") { id }`, i)
	}
	b.WriteString("}")
	docs["SameNameDifferentArgs"] = b.String()
	// Nesting just under the raw limit, as wide as fits.
	b.Reset()
	b.WriteString(strings.Repeat("{ viewer { memberships { community { street { communities { edges { node { grids { edges { node { id ", 3))
	b.WriteString(strings.Repeat("} ", 3*11) + "}")
	docs["DeepNesting"] = b.String()
	// Aliases of a cheap field, as many as fit.
	b.Reset()
	b.WriteString("{")
	for i := 0; b.Len() < 60<<10; i++ {
		fmt.Fprintf(&b, " a%d: __typename", i)
	}
	b.WriteString("}")
	docs["ManyAliases"] = b.String()
	// Directives and variables, as many as fit.
	b.Reset()
	b.WriteString("query(")
	for i := 0; b.Len() < 30<<10; i++ {
		fmt.Fprintf(&b, " $v%d: Boolean", i)
	}
	b.WriteString(") { viewer")
	for i := 0; b.Len() < 60<<10; i++ {
		fmt.Fprintf(&b, " @include(if: $v%d)", i)
	}
	b.WriteString(" { id } }")
	docs["ManyDirectives"] = b.String()
	return docs
}

// BenchmarkHostileDocuments times the handler's answer to each hostile
// document (no network), and checks it is refused or answered, never a
// crash or a 500.
func BenchmarkHostileDocuments(b *testing.B) {
	e := newEnv(b)
	for name, doc := range hostileDocuments() {
		body, _ := json.Marshal(map[string]any{"query": doc})
		b.Run(name, func(b *testing.B) {
			var status int
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				e.handler.ServeHTTP(rec, req)
				status = rec.Code
			}
			if status >= 500 {
				b.Errorf("%s: status %d", name, status)
			}
			b.ReportMetric(float64(len(body)), "bytes")
			b.ReportMetric(float64(status), "status")
		})
	}
}

// TestHostileDocumentsRefused: each hostile document but the nesting one
// (which stays within the limits and is answered) is refused as too
// complex or malformed before execution; 2,000 @include directives were
// executed, for 6 s of a core, before directives were counted.
func TestHostileDocumentsRefused(t *testing.T) {
	e := newEnv(t)
	for name, doc := range hostileDocuments() {
		t.Run(name, func(t *testing.T) {
			r := e.do(t, call{query: doc})
			if name == "DeepNesting" {
				if r.Status != http.StatusOK {
					t.Errorf("status %d, want 200", r.Status)
				}
				return
			}
			if r.Status != http.StatusBadRequest || r.code() != "BAD_USER_INPUT" {
				t.Errorf("status %d, code %q; want 400 BAD_USER_INPUT", r.Status, r.code())
			}
		})
	}
}
