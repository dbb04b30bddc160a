package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestHTTP(t *testing.T) {
	e := newEnv(t)
	post := func(contentType, accept, body string) *http.Request {
		req, _ := http.NewRequest(http.MethodPost, e.srv.URL, strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		return req
	}
	get := func(query, accept string) *http.Request {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"?query="+urlQuery(query), nil)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		return req
	}
	mutation := `{"query":"mutation { register(input: {email: \"csrf@example.com\", password: \"password1\", name: \"跨站\"}) { token } }"}`
	deep := strings.Repeat("{a", 10000) + strings.Repeat("}", 10000)
	const gqlResp = "application/graphql-response+json"
	tests := []struct {
		name        string
		req         *http.Request
		status      int
		code        string
		contentType string
		allow       string
	}{
		{"OKQueryByGet", get(`{ streets { totalCount } }`, ""), 200, "", "application/json", ""},
		{"OKGraphQLResponseMedia", post("application/json", gqlResp, `{"query":"{ streets { totalCount } }"}`), 200, "", gqlResp, ""},
		{"ErrMalformedJSON", post("application/json", "", `{"query": "{ streets`), 400, "BAD_REQUEST", "application/json", ""},
		{"ErrNotJSONContentType", post("application/x-www-form-urlencoded", "", "query=mutation"), 415, "BAD_REQUEST", "", ""},
		{"ErrTextPlainCSRF", post("text/plain", "", mutation), 415, "BAD_REQUEST", "", ""},
		{"ErrMutationByGet", get(`mutation { logout { ok } }`, ""), 405, "BAD_REQUEST", "", "POST"},
		{"ErrPut", func() *http.Request { r, _ := http.NewRequest(http.MethodPut, e.srv.URL, nil); return r }(), 405, "BAD_REQUEST", "", "GET, POST"},
		{"Err1MBBody", post("application/json", "", `{"query":"`+strings.Repeat(" ", 1<<20)+`{ streets { totalCount } }"}`), 413, "BAD_REQUEST", "", ""},
		{"ErrDeepNesting", post("application/json", "", `{"query":"`+deep+`"}`), 400, "BAD_USER_INPUT", "", ""},
		{"ErrSyntaxJSONMedia", post("application/json", "", `{"query":"{ streets { "}`), 200, "BAD_USER_INPUT", "application/json", ""},
		{"ErrSyntaxGraphQLMedia", post("application/json", gqlResp, `{"query":"{ streets { "}`), 400, "BAD_USER_INPUT", gqlResp, ""},
		{"ErrUnknownField", post("application/json", gqlResp, `{"query":"{ nope }"}`), 400, "BAD_USER_INPUT", gqlResp, ""},
		{"ErrMissingQuery", post("application/json", "", `{}`), 400, "BAD_REQUEST", "", ""},
		{"ErrTooManyAliases", post("application/json", "", `{"query":"{`+aliases(60)+`}"}`), 400, "BAD_USER_INPUT", "", ""},
		{"ErrTooCostly", post("application/json", "", `{"query":"{ communities(first: 100) { nodes { grids(first: 100) { nodes { microGrids(first: 100) { nodes { id } } } } } } }"}`), 400, "BAD_USER_INPUT", "", ""},
		{"ErrFirstTooLarge", post("application/json", "", `{"query":"{ streets(first: 101) { totalCount } }"}`), 200, "BAD_USER_INPUT", "", ""},
		{"ErrTwoRegisters", post("application/json", "", `{"query":"mutation { a: register(input: {email: \"a@example.com\", password: \"password1\", name: \"甲\"}) { token } b: register(input: {email: \"b@example.com\", password: \"password1\", name: \"乙\"}) { token } }"}`), 400, "BAD_USER_INPUT", "", ""},
		{"ErrLoginsThroughFragments", post("application/json", "", `{"query":"mutation { ...A ... on Mutation { login(input: {email: \"a@example.com\", password: \"x\"}) { token } } } fragment A on Mutation { login(input: {email: \"b@example.com\", password: \"x\"}) { token } }"}`), 400, "BAD_USER_INPUT", "", ""},
		{"OKAcceptWildcard", post("application/json", "*/*", `{"query":"{ streets { totalCount } }"}`), 200, "", "application/json", ""},
		{"OKAcceptListWithJSON", post("application/json", "text/html;q=0.9, application/json;q=0.5", `{"query":"{ streets { totalCount } }"}`), 200, "", "application/json", ""},
		{"ErrNotAcceptable", post("application/json", "text/html", `{"query":"{ streets { totalCount } }"}`), 406, "BAD_REQUEST", "application/json", ""},
		{"ErrNotAcceptableQ0", post("application/json", "application/json;q=0", `{"query":"{ streets { totalCount } }"}`), 406, "BAD_REQUEST", "application/json", ""},
		{"ErrExtensionsString", post("application/json", "", `{"query":"{ streets { totalCount } }","extensions":"x"}`), 400, "BAD_REQUEST", "", ""},
		{"ErrExtensionsArray", post("application/json", "", `{"query":"{ streets { totalCount } }","extensions":[]}`), 400, "BAD_REQUEST", "", ""},
		{"OKExtensionsObject", post("application/json", "", `{"query":"{ streets { totalCount } }","extensions":{"a":1}}`), 200, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			r := send(t, tt.req)
			if r.Status != tt.status {
				t.Errorf("status = %d, want %d (errors %+v)", r.Status, tt.status, r.Errors)
			}
			if r.code() != tt.code {
				t.Errorf("code = %q, want %q (errors %+v)", r.code(), tt.code, r.Errors)
			}
			if ct := r.Header.Get("Content-Type"); tt.contentType != "" && !strings.HasPrefix(ct, tt.contentType) {
				t.Errorf("Content-Type = %q, want %s", ct, tt.contentType)
			}
			if tt.allow != "" && r.Header.Get("Allow") != tt.allow {
				t.Errorf("Allow = %q, want %q", r.Header.Get("Allow"), tt.allow)
			}
			t.Logf("answered in %v", time.Since(start))
		})
	}
	n, err := e.db.Collection("users").CountDocuments(context.Background(), map[string]any{})
	if err != nil || n != 0 {
		t.Errorf("%d users after refused mutations (err %v), want 0: nothing may run", n, err)
	}
	t.Run("GraphiQLForBrowsers", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL, nil)
		req.Header.Set("Accept", "text/html,application/xhtml+xml")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(res.Body)
		if res.StatusCode != 200 || !strings.Contains(b.String(), "GraphiQL") {
			t.Errorf("browser GET = %d %q", res.StatusCode, b.String())
		}
	})
	// A request that fails before execution has no "data" entry at all.
	t.Run("NoDataBeforeExecution", func(t *testing.T) {
		for _, body := range []string{`{"query":"{ streets { "}`, `{"query":"{ nope }"}`, `{}`} {
			res, err := http.Post(e.srv.URL, "application/json", strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]json.RawMessage
			json.NewDecoder(res.Body).Decode(&got)
			res.Body.Close()
			if _, has := got["data"]; has || got["errors"] == nil {
				t.Errorf("%s: keys %v, want errors and no data", body, slices.Collect(maps.Keys(got)))
			}
		}
	})
	t.Run("ErrBadVariablesByGet", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"?query="+urlQuery(`{ streets { totalCount } }`)+"&variables=%5B1", nil)
		r := send(t, req)
		if r.Status != 400 || r.code() != "BAD_REQUEST" {
			t.Errorf("status %d code %q", r.Status, r.code())
		}
	})
}

func aliases(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(" a")
		b.WriteString(strings.Repeat("x", i%5+1))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(": streets { totalCount }")
	}
	return b.String()
}

// TestFragmentBomb: spreads that expand to nothing but double at each level
// are refused by the limits, quickly, before validation.
func TestFragmentBomb(t *testing.T) {
	e := newEnv(t)
	var q strings.Builder
	q.WriteString("query { ...F0 }")
	for i := range 40 {
		fmt.Fprintf(&q, " fragment F%d on Query { ...F%d ...F%d }", i, i+1, i+1)
	}
	q.WriteString(" fragment F40 on Query { __typename }")
	body, _ := json.Marshal(map[string]string{"query": q.String()})
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	r := send(t, req)
	if r.code() != "BAD_USER_INPUT" {
		t.Errorf("code %q, want BAD_USER_INPUT", r.code())
	}
	t.Logf("answered in %v", time.Since(start))
}
