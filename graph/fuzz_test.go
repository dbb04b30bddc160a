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

// FuzzHandler drives the handler's whole path (raw checks, parse, our AST
// checks and measures, graphql-go's validation, execution against the real
// schema on a test database) with two inputs: a document that a small
// GraphQL grammar builds from the fuzzer's bytes (fragments, spreads,
// inline fragments, aliases, directives, variables, nesting), and the raw
// text as the fuzzer mutates it. No input may panic, answer 5xx or leave
// the response unreadable; a stack overflow would kill the fuzzer outright.
// The seed corpus (testdata/fuzz/FuzzHandler) holds a fragment cycle of
// every length from 1 to 5, a cycle through inline fragments, and every
// crash fuzzing found. `make fuzz` runs it for 20 s; `go test` runs the
// corpus alone.
func FuzzHandler(f *testing.F) {
	e := newEnv(f)
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8}, "{ streets { totalCount } }")
	f.Fuzz(func(t *testing.T, shape []byte, raw string) {
		for _, q := range []string{generateDocument(shape), raw} {
			body, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"v": 3, "b": true, "id": "x"}})
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			e.handler.ServeHTTP(rec, req)
			if rec.Code >= 500 || !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("query %q: status %d, body %.200q", q, rec.Code, rec.Body.String())
			}
		}
	})
}

// generateDocument builds a GraphQL document from b, one choice per byte
// (zeros once b runs out), so that small mutations of b make nearby
// documents.
func generateDocument(b []byte) string {
	g := &docGen{b: b}
	var out strings.Builder
	frags := g.next() % 4
	switch g.next() % 3 {
	case 0:
		out.WriteString("query Q($v: Int, $b: Boolean!, $id: ID!) ")
	case 1:
		out.WriteString("mutation M ")
	}
	g.selectionSet(&out, 0)
	for i := range frags {
		fmt.Fprintf(&out, " fragment F%d on %s ", i, pick(g, "Query", "Topic", "Community", "User", "Node"))
		g.selectionSet(&out, 1)
	}
	return out.String()
}

type docGen struct {
	b []byte
	i int
}

func (g *docGen) next() int {
	if g.i >= len(g.b) {
		return 0
	}
	g.i++
	return int(g.b[g.i-1])
}

func pick(g *docGen, options ...string) string { return options[g.next()%len(options)] }

func (g *docGen) selectionSet(out *strings.Builder, depth int) {
	out.WriteString("{ ")
	for n := g.next()%4 + 1; n > 0; n-- {
		switch g.next() % 6 {
		case 0, 1, 2:
			if g.next()%4 == 0 {
				fmt.Fprintf(out, "a%d: ", g.next()%8)
			}
			out.WriteString(pick(g, "streets", "communities", "viewer", "node", "topics", "totalCount", "edges", "nodes", "id", "name", "title", "user", "__typename", "nope"))
			switch g.next() % 5 {
			case 0:
				fmt.Fprintf(out, "(first: %d)", g.next())
			case 1:
				out.WriteString("(first: $v)")
			case 2:
				out.WriteString(`(id: $id)`)
			}
			switch g.next() % 5 {
			case 0:
				out.WriteString(" @include(if: $b)")
			case 1:
				out.WriteString(" @skip(if: false)")
			}
			if depth < 8 && g.next()%2 == 0 {
				out.WriteString(" ")
				g.selectionSet(out, depth+1)
			}
		case 3, 4:
			fmt.Fprintf(out, "...F%d", g.next()%5)
		case 5:
			out.WriteString("... ")
			if g.next()%2 == 0 {
				out.WriteString("on " + pick(g, "Query", "Topic", "Node") + " ")
			}
			if depth < 8 {
				g.selectionSet(out, depth+1)
			} else {
				out.WriteString("{ __typename }")
			}
		}
		out.WriteString(" ")
	}
	out.WriteString("}")
}
