package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/graph"
)

// TestTrustedProxies: behind a trusted proxy the client is the address the
// proxy names (so one client's failed logins do not throttle another behind
// the same proxy), a client cannot name itself through an untrusted peer,
// and the session cookie is Secure when the proxy says the request came over
// https.
func TestTrustedProxies(t *testing.T) {
	e := newEnv(t)
	if _, err := e.accounts.Register(domain.NewSystemContext(t.Context()), account.RegisterInput{Email: "owner@example.com", Password: "right-password", Name: "业主"}); err != nil {
		t.Fatal(err)
	}
	svc := graph.Services{Accounts: e.accounts, Communities: e.comms, Notify: e.notify, Deliberation: e.topics}
	schema, err := graph.NewSchema(svc, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	h := graph.NewHandler(schema, svc, slog.New(slog.NewTextHandler(io.Discard, nil)), false, nil)
	h.SetTrustedProxies([]netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")})
	login := func(peer, xff, proto, password string) *httptest.ResponseRecorder {
		body, _ := json.Marshal(map[string]string{"query": `mutation { login(input: {email: "owner@example.com", password: "` + password + `"}) { viewer { email } } }`})
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = peer + ":4242"
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		if proto != "" {
			req.Header.Set("X-Forwarded-Proto", proto)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	// A guesser behind the proxy fails five times; the owner behind the same
	// proxy is another client and logs in.
	for range 5 {
		login("10.0.0.2", "203.0.113.66, 10.0.0.9", "", "wrong")
	}
	if rec := login("10.0.0.2", "203.0.113.66, 10.0.0.9", "", "right-password"); !strings.Contains(rec.Body.String(), "RATE_LIMITED") {
		t.Errorf("the guesser's sixth try: %s, want RATE_LIMITED", rec.Body.String())
	}
	rec := login("10.0.0.2", "198.51.100.7", "https", "right-password")
	if !strings.Contains(rec.Body.String(), "owner@example.com") {
		t.Fatalf("the owner behind the proxy: %s", rec.Body.String())
	}
	if c := rec.Result().Cookies(); len(c) == 0 || !c[0].Secure {
		t.Errorf("cookie over https through the proxy: %+v, want Secure", c)
	}
	// Through an untrusted peer, X-Forwarded-For is ignored: the guesser
	// cannot pose as the owner's address, nor the cookie be marked Secure.
	for range 5 {
		login("192.0.2.50", "198.51.100.7", "", "wrong")
	}
	if rec := login("10.0.0.3", "198.51.100.7", "", "right-password"); strings.Contains(rec.Body.String(), "RATE_LIMITED") {
		t.Errorf("a spoofed X-Forwarded-For throttled the owner: %s", rec.Body.String())
	}
	if c := login("192.0.2.51", "", "https", "right-password").Result().Cookies(); len(c) == 0 || c[0].Secure {
		t.Errorf("cookie from an untrusted peer claiming https: %+v, want not Secure", c)
	}
}

// TestTokenNotInBodyForBrowsers: a browser's login (it sends Sec-Fetch-Mode)
// gets the session in its HttpOnly cookie only; other clients get the token
// in the body for Authorization: Bearer.
func TestTokenNotInBodyForBrowsers(t *testing.T) {
	e := newEnv(t)
	e.register(t, "browser@example.com", "浏览器")
	for _, browser := range []bool{true, false} {
		body, _ := json.Marshal(map[string]string{"query": `mutation { login(input: {email: "browser@example.com", password: "password1"}) { token } }`})
		req, _ := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if browser {
			req.Header.Set("Sec-Fetch-Mode", "cors")
		}
		r := send(t, req)
		token := path(r.Data, "login", "token")
		if len(r.Cookies) == 0 || r.Cookies[0].Value == "" {
			t.Errorf("browser %v: no session cookie", browser)
		}
		if browser != (token == nil) {
			t.Errorf("browser %v: token in the body = %v", browser, token)
		}
	}
}
