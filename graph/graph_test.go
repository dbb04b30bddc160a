package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/volunteer"
	"github.com/yishi-app/yishi/graph"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// discard is a mailer that accepts everything; the notify tests cover
// delivery.
type discard struct{}

func (discard) Send(context.Context, notify.Message) (string, error) { return "discarded", nil }

// env is a real handler over a fresh database, served on a local port.
type env struct {
	db       *db.DB
	commands *dbtest.Counter
	accounts *account.Service
	comms    *community.Service
	notify   *notify.Service
	topics   *deliberation.Service
	// disclosures keeps no public record here (the record tests cover it).
	disclosures *disclosure.Service
	volunteers  *volunteer.Service
	patrols     *patrol.Service
	clock       *domaintest.Clock
	srv         *httptest.Server
	handler     http.Handler // what srv serves, for calls without a connection
	logs        *bytes.Buffer
}

func newEnv(tb testing.TB) *env {
	tb.Helper()
	d, counter := dbtest.NewCounted(tb)
	return newEnvOn(tb, d, counter)
}

func newEnvOn(tb testing.TB, d *db.DB, counter *dbtest.Counter) *env {
	tb.Helper()
	if err := db.EnsureIndexes(context.Background(), d.Database, account.Indexes(), community.Indexes(), notify.Indexes(), deliberation.Indexes(), disclosure.Indexes(), volunteer.Indexes(),
		patrol.Indexes()); err != nil {
		tb.Fatal(err)
	}
	e := &env{db: d, commands: counter, clock: domaintest.NewClock(time.Now()), logs: &bytes.Buffer{}}
	log := slog.New(slog.NewTextHandler(&syncWriter{w: e.logs}, nil))
	e.notify = notify.NewService(d.Database, notify.Config{Mailer: discard{}, Now: e.clock.Now, BaseURL: "http://yishi.test"})
	e.accounts = account.NewService(d.Database, account.Config{Notifier: e.notify, Now: e.clock.Now})
	e.comms = community.NewService(d.Database, e.accounts, community.Config{Notifier: e.notify, Now: e.clock.Now, Operators: []string{testOperator}})

	e.disclosures = disclosure.NewService(d.Database, e.comms, disclosure.Config{Notifier: e.notify, Now: e.clock.Now, BaseURL: "http://yishi.test", Log: log,
		Fetcher: &disclosure.WebFetcher{AllowPrivate: true}}) // the tests' file servers listen on loopback
	e.volunteers = volunteer.NewService(d.Database, e.comms, e.accounts, volunteer.Config{Notifier: e.notify, Now: e.clock.Now, BaseURL: "http://yishi.test", Log: log})
	e.patrols = patrol.NewService(d.Database, e.comms, patrol.Config{Now: e.clock.Now, Log: log})
	e.topics = deliberation.NewService(d.Database, e.comms, e.accounts, deliberation.Config{Notifier: e.notify, Now: e.clock.Now, Volunteers: e.volunteers, Patrols: e.patrols})
	e.notify.SetDirectory(e.accounts)
	e.notify.SetRequireAdmin(e.comms.RequireAdmin)
	svc := graph.Services{Accounts: e.accounts, Communities: e.comms, Notify: e.notify, Deliberation: e.topics, Disclosure: e.disclosures, Volunteer: e.volunteers,
		Patrol: e.patrols, Now: e.clock.Now}
	schema, err := graph.NewSchema(svc, log)
	if err != nil {
		tb.Fatal(err)
	}
	h := graph.NewHandler(schema, svc, log, false, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<title>GraphiQL</title>")
	}))
	e.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(graph.NewContextWithRequestID(r.Context(), "req-test-1")))
	})
	e.srv = httptest.NewServer(e.handler)
	tb.Cleanup(e.srv.Close)
	return e
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}

// response is a decoded GraphQL response.
type response struct {
	Status  int
	Header  http.Header
	Data    map[string]any
	Errors  []gqlError
	Cookies []*http.Cookie
}

type gqlError struct {
	Message    string
	Path       []any
	Extensions map[string]any
}

// code returns the first error's extensions.code, "" without errors.
func (r response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// call is one request: a query, variables, and who sends it.
type call struct {
	query  string
	vars   map[string]any
	token  string
	lang   string
	accept string
}

func (e *env) do(tb testing.TB, c call) response {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": c.query, "variables": c.vars})
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.lang != "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	if c.accept != "" {
		req.Header.Set("Accept", c.accept)
	}
	return send(tb, req)
}

func send(tb testing.TB, req *http.Request) response {
	tb.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := response{Status: res.StatusCode, Header: res.Header, Cookies: res.Cookies()}
	var body struct {
		Data   map[string]any
		Errors []gqlError
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		tb.Fatalf("status %d, body %q is not JSON: %v", res.StatusCode, raw, err)
	}
	out.Data, out.Errors = body.Data, body.Errors
	return out
}

// path digs into decoded JSON by keys and list indexes.
func path(v any, keys ...any) any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

const registerQ = `mutation($in: RegisterInput!) { register(input: $in) { ok } }`

const completeSignUpQ = `mutation($t: String!, $p: String!) { completeSignUp(input: {token: $t, password: $p}) { token viewer { id name email emailVerified } } }`

// signUpLink reads the token of the last sign-up link mailed to email.
func (e *env) signUpLink(tb testing.TB, email string) string {
	tb.Helper()
	var su struct {
		ID string `bson:"_id"`
	}
	opts := options.FindOne().SetSort(map[string]any{"created_at": -1})
	if err := e.db.Collection("sign_ups").FindOne(context.Background(), map[string]any{"email": email}, opts).Decode(&su); err != nil {
		tb.Fatalf("no sign-up for %s: %v", email, err)
	}
	var item struct {
		Data map[string]string `bson:"data"`
	}
	if err := e.db.Collection("outbox").FindOne(context.Background(), map[string]any{"recipient_id": su.ID, "kind": "sign_up"}).Decode(&item); err != nil {
		tb.Fatal(err)
	}
	u, err := url.Parse(item.Data["link"])
	if err != nil {
		tb.Fatal(err)
	}
	return u.Query().Get("token")
}

func (e *env) register(tb testing.TB, email, name string) (token string, userID domain.ID) {
	tb.Helper()
	l, err := e.accounts.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: email, Password: "password1", Name: name})
	if err != nil {
		tb.Fatal(err)
	}
	return l.Token, l.User.ID
}

func wantCode(tb testing.TB, r response, code string) {
	tb.Helper()
	if r.code() != code {
		tb.Fatalf("code = %q, want %q (status %d, errors %+v, data %v)", r.code(), code, r.Status, r.Errors, r.Data)
	}
}

func wantOK(tb testing.TB, r response) {
	tb.Helper()
	if len(r.Errors) > 0 || r.Status != http.StatusOK {
		tb.Fatalf("status %d, errors %+v", r.Status, r.Errors)
	}
}

func TestRegisterAndViewer(t *testing.T) {
	e := newEnv(t)
	r := e.do(t, call{query: registerQ, vars: map[string]any{"in": map[string]any{"email": " Li.Ming@Example.com", "password": "password1", "name": "李明"}}})
	wantOK(t, r)
	if path(r.Data, "register", "ok") != true {
		t.Fatalf("register = %v", r.Data)
	}
	link := e.signUpLink(t, "li.ming@example.com")
	r = e.do(t, call{query: completeSignUpQ, vars: map[string]any{"t": link, "p": "wrong-password"}})
	wantCode(t, r, "BAD_USER_INPUT")
	r = e.do(t, call{query: completeSignUpQ, vars: map[string]any{"t": link, "p": "password1"}})
	wantOK(t, r)
	token, _ := path(r.Data, "completeSignUp", "token").(string)
	if token == "" || path(r.Data, "completeSignUp", "viewer", "email") != "li.ming@example.com" || path(r.Data, "completeSignUp", "viewer", "emailVerified") != true {
		t.Fatalf("completeSignUp = %v", r.Data)
	}
	var cookie *http.Cookie
	for _, c := range r.Cookies {
		if c.Name == graph.SessionCookie {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure || cookie.Value != token {
		t.Errorf("session cookie = %+v", cookie)
	}
	t.Run("Bearer", func(t *testing.T) {
		r := e.do(t, call{query: `{ viewer { name sessions { current } } }`, token: token})
		wantOK(t, r)
		if path(r.Data, "viewer", "name") != "李明" || path(r.Data, "viewer", "sessions", 0, "current") != true {
			t.Errorf("viewer = %v", r.Data)
		}
	})
	t.Run("Cookie", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"?query="+urlQuery(`{ viewer { name } }`), nil)
		req.AddCookie(&http.Cookie{Name: graph.SessionCookie, Value: token})
		r := send(t, req)
		wantOK(t, r)
		if path(r.Data, "viewer", "name") != "李明" {
			t.Errorf("viewer = %v", r.Data)
		}
	})
	t.Run("Anonymous", func(t *testing.T) {
		r := e.do(t, call{query: `{ viewer { name } }`})
		wantOK(t, r)
		if r.Data["viewer"] != nil {
			t.Errorf("anonymous viewer = %v", r.Data["viewer"])
		}
	})
	t.Run("LoginThenFieldsAsNewUser", func(t *testing.T) {
		r := e.do(t, call{query: `mutation { login(input: {email: "li.ming@example.com", password: "password1"}) { viewer { sessions { id } memberships { id } } } }`})
		wantOK(t, r)
		if n := len(path(r.Data, "login", "viewer", "sessions").([]any)); n != 2 {
			t.Errorf("%d sessions after a second login, want 2", n)
		}
	})
}

func urlQuery(q string) string {
	return strings.NewReplacer(" ", "%20", "{", "%7B", "}", "%7D", "\n", "%0A", "(", "%28", ")", "%29", ":", "%3A", "\"", "%22", "$", "%24", "!", "%21", ",", "%2C").Replace(q)
}

func TestSessionsExpireAndRevoke(t *testing.T) {
	e := newEnv(t)
	token, _ := e.register(t, "wang@example.com", "王芳")
	r := e.do(t, call{query: `mutation { logout { ok } }`, token: token})
	wantOK(t, r)
	t.Run("ErrRevoked", func(t *testing.T) {
		r := e.do(t, call{query: `mutation { changePassword(input: {currentPassword: "password1", newPassword: "password2"}) { viewer { id } } }`, token: token})
		wantCode(t, r, "UNAUTHENTICATED")
		r = e.do(t, call{query: `{ viewer { id } }`, token: token})
		if r.Data["viewer"] != nil {
			t.Errorf("revoked token still a viewer: %v", r.Data)
		}
	})
	t.Run("ErrExpired", func(t *testing.T) {
		l, err := e.accounts.Login(context.Background(), account.LoginInput{Email: "wang@example.com", Password: "password1"})
		if err != nil {
			t.Fatal(err)
		}
		e.clock.Add(account.SessionTTL + time.Minute)
		r := e.do(t, call{query: `mutation { logout { ok } }`, token: l.Token})
		wantCode(t, r, "UNAUTHENTICATED")
	})
}

func TestErrorsLocalized(t *testing.T) {
	e := newEnv(t)
	q := call{query: `mutation { login(input: {email: "nobody@example.com", password: "whatever1"}) { token } }`}
	tests := []struct {
		lang, want string
	}{
		{"", "邮箱或密码不正确"},
		{"zh-CN,zh;q=0.9", "邮箱或密码不正确"},
		{"en-US,en;q=0.9", "wrong email or password"},
		{"fr-FR, en;q=0.5", "wrong email or password"},
		{"en;q=0.3, zh;q=0.8", "邮箱或密码不正确"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			q.lang = tt.lang
			r := e.do(t, q)
			wantCode(t, r, "UNAUTHENTICATED")
			if r.Errors[0].Message != tt.want {
				t.Errorf("message = %q, want %q", r.Errors[0].Message, tt.want)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	e := newEnv(t)
	e.register(t, "taken@example.com", "张三")
	in := func(email, password, name string) map[string]any {
		return map[string]any{"in": map[string]any{"email": email, "password": password, "name": name}}
	}
	tests := []struct {
		name, code, field string
		vars              map[string]any
	}{
		{"InvalidEmail", "BAD_USER_INPUT", "email", in("not an email", "password1", "李四")},
		{"Password7Bytes", "BAD_USER_INPUT", "password", in("a@example.com", "1234567", "李四")},
		{"Password200Bytes", "BAD_USER_INPUT", "password", in("a@example.com", strings.Repeat("x", 200), "李四")},
		{"NameWhitespace", "BAD_USER_INPUT", "name", in("b@example.com", "password1", "  \t ")},
		{"Name1000Runes", "BAD_USER_INPUT", "name", in("b@example.com", "password1", strings.Repeat("名", 1000))},
		{"NameControl", "BAD_USER_INPUT", "name", in("b@example.com", "password1", "李\u0007四")},
		{"OperatorAsEmail", "BAD_USER_INPUT", "", in("x", "password1", "李四")},
		{"OperatorObject", "BAD_USER_INPUT", "", map[string]any{"in": map[string]any{"email": map[string]any{"$gt": ""}, "password": "password1", "name": "李四"}}},
		{"OperatorInPassword", "BAD_USER_INPUT", "", map[string]any{"in": map[string]any{"email": "c@example.com", "password": map[string]any{"$ne": nil}, "name": "李四"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(t, call{query: registerQ, vars: tt.vars})
			wantCode(t, r, tt.code)
			if tt.field != "" && r.Errors[0].Extensions["field"] != tt.field {
				t.Errorf("field = %v, want %s", r.Errors[0].Extensions["field"], tt.field)
			}
		})
	}
	t.Run("OperatorInLogin", func(t *testing.T) {
		r := e.do(t, call{query: `mutation($e: String!) { login(input: {email: $e, password: "password1"}) { token } }`, vars: map[string]any{"e": map[string]any{"$gt": ""}}})
		wantCode(t, r, "BAD_USER_INPUT")
	})
	t.Run("TakenEmailSameAnswer", func(t *testing.T) {
		r := e.do(t, call{query: registerQ, vars: in("TAKEN@Example.com", "password1", "李四")})
		wantOK(t, r)
		if path(r.Data, "register", "ok") != true {
			t.Errorf("register with a taken email = %v, want the same answer as any", r.Data)
		}
	})
	t.Run("EmojiNameOK", func(t *testing.T) {
		r := e.do(t, call{query: registerQ, vars: in("emoji@example.com", "password1", " 🌻🌻 ")})
		wantOK(t, r)
		r = e.do(t, call{query: completeSignUpQ, vars: map[string]any{"t": e.signUpLink(t, "emoji@example.com"), "p": "password1"}})
		wantOK(t, r)
		if path(r.Data, "completeSignUp", "viewer", "name") != "🌻🌻" {
			t.Errorf("name = %v", path(r.Data, "completeSignUp", "viewer", "name"))
		}
	})
	var n int64
	n, _ = e.db.Collection("users").CountDocuments(context.Background(), map[string]any{})
	if n != 2 {
		t.Errorf("%d users stored, want 2: bad input must store nothing", n)
	}
	n, _ = e.db.Collection("sign_ups").CountDocuments(context.Background(), map[string]any{})
	if n != 0 {
		t.Errorf("%d sign-ups pending, want none: bad input and a taken email start none", n)
	}
}

func TestConcurrentRegistration(t *testing.T) {
	e := newEnv(t)
	var wg sync.WaitGroup
	codes := make(chan string, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- e.do(t, call{query: registerQ, vars: map[string]any{"in": map[string]any{"email": "race@example.com", "password": "password1", "name": "赛跑"}}}).code()
		}()
	}
	wg.Wait()
	close(codes)
	got := map[string]int{}
	for c := range codes {
		got[c]++
	}
	// One address gets at most 5 sign-up mails an hour: the rest are
	// refused before any work is done (in a burst, a use refused a moment
	// before another's refusal was taken back may leave one of the five
	// unused).
	if got[""] < 1 || got[""] > 5 || got[""]+got["RATE_LIMITED"] != 20 {
		t.Errorf("outcomes = %v, want 1 to 5 answered and the rest RATE_LIMITED", got)
	}
	pending := got[""]
	// Of the links, opened at once, one makes the account.
	var sus []struct {
		ID string `bson:"_id"`
	}
	cur, err := e.db.Collection("sign_ups").Find(context.Background(), map[string]any{"email": "race@example.com"})
	if err != nil || cur.All(context.Background(), &sus) != nil || len(sus) != pending {
		t.Fatalf("%d sign-ups pending (%v), want %d", len(sus), err, pending)
	}
	var ok atomic.Int32
	for _, su := range sus {
		var item struct {
			Data map[string]string `bson:"data"`
		}
		if err := e.db.Collection("outbox").FindOne(context.Background(), map[string]any{"recipient_id": su.ID, "kind": "sign_up"}).Decode(&item); err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(item.Data["link"])
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := e.do(t, call{query: completeSignUpQ, vars: map[string]any{"t": u.Query().Get("token"), "p": "password1"}})
			if r.code() == "" {
				ok.Add(1)
			} else if r.code() != "CONFLICT" {
				t.Errorf("completing: %v", r.Errors)
			}
		}()
	}
	wg.Wait()
	if ok.Load() != 1 {
		t.Errorf("%d sign-ups completed, want 1", ok.Load())
	}
}

func TestInternalErrorsMasked(t *testing.T) {
	ctx := context.Background()
	d, err := db.Open(ctx, db.Config{URI: dbtest.URI(t), Name: "masked_" + string(domain.NewID())})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnvOn(t, d, nil)
	if err := d.Drop(ctx); err != nil {
		t.Fatal(err)
	}
	// With its client gone, every query fails inside the driver.
	if err := d.Client.Disconnect(ctx); err != nil {
		t.Fatal(err)
	}
	r := e.do(t, call{query: `{ communities(first: 5) { totalCount } }`, lang: "en"})
	wantCode(t, r, "INTERNAL")
	if r.Status != http.StatusOK || r.Errors[0].Extensions["requestId"] != "req-test-1" {
		t.Errorf("status %d, extensions %v", r.Status, r.Errors[0].Extensions)
	}
	if msg := r.Errors[0].Message; !strings.Contains(msg, "req-test-1") || strings.Contains(strings.ToLower(msg), "client") {
		t.Errorf("message %q leaks the cause or lacks the request id", msg)
	}
	if !strings.Contains(e.logs.String(), "req-test-1") {
		t.Errorf("the internal error was not logged with its request id: %s", e.logs.String())
	}
}
