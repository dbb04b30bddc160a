package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// cycle returns a document whose n fragments spread each other in a ring.
func cycle(n int) string {
	var b strings.Builder
	b.WriteString("{...F0}")
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Query{...F%d}", i, (i+1)%n)
	}
	return b.String()
}

// TestFragmentShapes: fragment cycles of every length, cycles through inline
// fragments and fields, and undefined, unused or twice-defined fragments are
// refused with a 400 before graphql-go validates them (its validation
// overflowed the stack on a cycle, which killed the process); the server
// keeps serving.
func TestFragmentShapes(t *testing.T) {
	e := newEnv(t)
	tests := []struct{ name, query, want string }{
		{"ErrSmallestCrash", "{...A} fragment A on Query{...B} fragment B on Query{...A}", "spreads itself"},
		{"ErrInline", "{...A} fragment A on Query{... on Query{...B}} fragment B on Query{... {...A}}", "spreads itself"},
		{"ErrThroughFields", "{...A} fragment A on Query{viewer{user{...B}}} fragment B on User{id ...A}", "spreads itself"},
		{"ErrUndefined", "{...A} fragment A on Query{...Nope}", "unknown fragment Nope"},
		{"ErrUnused", "{ __typename } fragment A on Query{ __typename }", "never used"},
		{"ErrTwice", "{...A} fragment A on Query{ __typename } fragment A on Query{ __typename }", "more than once"},
	}
	for n := 1; n <= 5; n++ {
		tests = append(tests, struct{ name, query, want string }{fmt.Sprintf("ErrCycle%d", n), cycle(n), "spreads itself"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]string{"query": tt.query})
			req, _ := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept-Language", "en")
			r := send(t, req)
			msg := ""
			if len(r.Errors) > 0 {
				msg = r.Errors[0].Message
			}
			if r.Status != 400 || r.code() != "BAD_USER_INPUT" || !strings.Contains(msg, tt.want) {
				t.Errorf("status %d, errors %+v; want 400 BAD_USER_INPUT saying %q", r.Status, r.Errors, tt.want)
			}
		})
	}
	r := e.do(t, call{query: "{ ...A } fragment A on Query { streets { totalCount } }"})
	wantOK(t, r)
}
