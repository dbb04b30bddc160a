package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/graph"
)

// guardEnv serves the schema without the deliberation service, so that
// asking for a topic panics inside a resolver.
func guardEnv(t *testing.T) (*graph.Handler, *bytes.Buffer) {
	h, logs, _ := guardEnvAs(t)
	return h, logs
}

// guardEnvAs is guardEnv with a logged-in user's token.
func guardEnvAs(t *testing.T) (*graph.Handler, *bytes.Buffer, string) {
	e := newEnv(t)
	token, _ := e.register(t, "guard@example.com", "测试")
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&syncWriter{w: &logs}, nil))
	svc := graph.Services{Accounts: e.accounts, Communities: e.comms, Notify: e.notify}
	schema, err := graph.NewSchema(svc, log)
	if err != nil {
		t.Fatal(err)
	}
	return graph.NewHandler(schema, svc, log, false, nil), &logs, token
}

func postQuery(h http.Handler, query string) *httptest.ResponseRecorder {
	return postQueryAs(h, "", query)
}

func postQueryAs(h http.Handler, token, query string) *httptest.ResponseRecorder {
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestResolverPanic: a panic in a resolver is a masked INTERNAL error with a
// request id, logged once, and the handler keeps serving.
func TestResolverPanic(t *testing.T) {
	h, logs, token := guardEnvAs(t)
	rec := postQueryAs(h, token, `{ node(id: "`+gid("Topic", domain.NewID())+`") { id } }`)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, `"INTERNAL"`) || strings.Contains(body, "nil pointer") {
		t.Errorf("panicking resolver: %d %s; want a masked INTERNAL error", rec.Code, body)
	}
	if !strings.Contains(logs.String(), "nil pointer") {
		t.Errorf("the panic is not in the log:\n%s", logs.String())
	}
	if rec := postQuery(h, `{ streets { totalCount } }`); rec.Code != 200 || strings.Contains(rec.Body.String(), "errors") {
		t.Errorf("after the panic: %d %s", rec.Code, rec.Body.String())
	}
}

// TestExecutionCap: with every execution slot taken, a request waits, then
// gets 503 with Retry-After; once a slot is free it is served.
func TestExecutionCap(t *testing.T) {
	h, _ := guardEnv(t)
	h.SetExecLimits(1, time.Minute)
	release := h.HoldSlot()
	rec := postQuery(h, `{ streets { totalCount } }`)
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" || !strings.Contains(string(body), "RATE_LIMITED") {
		t.Errorf("all slots taken: %d %q %s; want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"), body)
	}
	release()
	if rec := postQuery(h, `{ streets { totalCount } }`); rec.Code != 200 {
		t.Errorf("slot free again: %d %s", rec.Code, rec.Body.String())
	}
}
