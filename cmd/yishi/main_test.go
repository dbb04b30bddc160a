package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/sheet"
	"github.com/yishi-app/yishi/seed"
)

// lockedBuffer is an io.Writer the test can read while run writes to it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

var urlRE = regexp.MustCompile(`running at (http://[0-9.:]+)`)

// startServe runs `yishi serve` on a free port and the data folder dir
// until ctx ends, with the demo data when demo is set, and returns its URL,
// its output and the channel that gets run's result.
func startServe(t *testing.T, ctx context.Context, dir string, demo bool) (base string, stdout, stderr *lockedBuffer, done chan error) {
	t.Helper()
	stdout, stderr, done = new(lockedBuffer), new(lockedBuffer), make(chan error, 1)
	args := []string{"serve", "--addr", "127.0.0.1:0"}
	if demo {
		args = append(args, "--seed-demo")
	}
	go func() {
		done <- run(ctx, args, env(map[string]string{"YISHI_DATA_DIR": dir}), stdout, stderr)
	}()
	for deadline := time.Now().Add(60 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s", err, stderr.String())
		default:
		}
		if m := urlRE.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("serve did not start:\n%s", stderr.String())
	}
	return base, stdout, stderr, done
}

var embeddedRE = regexp.MustCompile(`mongodb://127\.0\.0\.1:[0-9]+/?`)

// TestOneProcessPerFolder: while one yishi serves a data folder, a second
// serve, seed or migrate on it fails at once naming the first, and so does a
// yishi whose MONGODB_URI is the first one's embedded store; the first keeps
// serving.
func TestOneProcessPerFolder(t *testing.T) {
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	dir := t.TempDir()
	base, _, stderr, done := startServe(t, ctx, dir, false)
	for _, cmd := range []string{"serve", "seed", "migrate"} {
		err := run(context.Background(), []string{cmd, "--addr", "127.0.0.1:0"}, env(map[string]string{"YISHI_DATA_DIR": dir}), io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "in use by another yishi") || !strings.Contains(err.Error(), base) {
			t.Errorf("second %s on the folder: %v, want an error naming %s", cmd, err, base)
		}
	}
	uri := embeddedRE.FindString(stderr.String())
	if uri == "" {
		t.Fatalf("no embedded URI in the logs:\n%s", stderr.String())
	}
	err := run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0"}, env(map[string]string{"MONGODB_URI": uri, "YISHI_DATA_DIR": t.TempDir()}), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "embedded database") {
		t.Errorf("serve on the first one's embedded store: %v, want a refusal", err)
	}
	res, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("first instance /readyz = %d after the refusals", res.StatusCode)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
}

// TestServe starts yishi on a free port with an empty data folder and the
// demo data, checks health, GraphiQL, the page and a demo login, then stops
// it as SIGTERM would.
func TestServe(t *testing.T) {
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	dir := t.TempDir()
	base, stdout, stderr, done := startServe(t, ctx, dir, true)
	out := stdout.String()
	for _, want := range []string{seed.DemoPassword, "resident", "grid_worker", "committee", "party", "owners_committee", "property_firm", "admin"} {
		if !strings.Contains(out, want) {
			t.Errorf("start-up output lacks %q:\n%s", want, out)
		}
	}
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ok", "/": "议事", "/graphiql/init.js": "GraphiQL"} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("GET %s = %d %.80q, want 200 with %q", path, res.StatusCode, body, want)
		}
		if res.Header.Get("X-Request-Id") == "" {
			t.Errorf("GET %s has no X-Request-Id", path)
		}
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/graphql", nil)
	req.Header.Set("Accept", "text/html")
	if res, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else {
		res.Body.Close()
		if csp := res.Header.Get("Content-Security-Policy"); res.StatusCode != 200 || !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("GraphiQL page: %d, CSP %q; want one that forbids framing and foreign scripts", res.StatusCode, csp)
		}
	}
	login := `{"query":"mutation { login(input: {email: \"shen.liping@xiaogucheng.example\", password: \"` + seed.DemoPassword + `\"}) { viewer { memberships { roles community { name } } } } }"}`
	res, err := http.Post(base+"/graphql", "application/json", strings.NewReader(login))
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Data struct {
			Login struct {
				Viewer struct {
					Memberships []struct {
						Roles     []string
						Community struct{ Name string }
					}
				}
			}
		}
		Errors []any
	}
	json.NewDecoder(res.Body).Decode(&body)
	res.Body.Close()
	if len(body.Errors) > 0 || len(body.Data.Login.Viewer.Memberships) == 0 || body.Data.Login.Viewer.Memberships[0].Community.Name != "小古城村" {
		t.Errorf("demo admin login = %+v", body)
	}
	// The village's public record, logged out: the demo story's decisions,
	// which `yishi record verify` checks from the URL, with the key that
	// `yishi record key` prints for the data folder.
	recordURL := base + "/record/" + seed.VillageCode + ".jsonl"
	res, err = http.Get(recordURL)
	if err != nil {
		t.Fatal(err)
	}
	export, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET %s = %d", recordURL, res.StatusCode)
	}
	for _, typ := range []ledger.Type{ledger.Screening, ledger.Draw, ledger.VoteResult, ledger.Resolution, ledger.DisclosureVersion, ledger.QuestionAnswer} {
		if !strings.Contains(string(export), `"type":"`+string(typ)+`"`) {
			t.Errorf("GET %s: %d bytes without an entry of type %s; want the demo story's decisions, draws, results, resolution and disclosures", recordURL, len(export), typ)
		}
	}
	var verified, key bytes.Buffer
	if err := run(ctx, []string{"record", "key", "--data", dir}, env(nil), &key, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"record", "verify", "--key", strings.TrimSpace(key.String()), recordURL}, env(nil), &verified, io.Discard); err != nil {
		t.Errorf("record verify %s: %v\n%s", recordURL, err, verified.String())
	}
	// The demo village's finance of last year and its question log open as
	// spreadsheets, logged out; a test clock is off.
	year := strconv.Itoa(time.Now().Year() - 1)
	res, err = http.Get(base + "/exports/" + seed.VillageCode + "/finance/" + year + ".xlsx")
	if err != nil {
		t.Fatal(err)
	}
	names, rows, err := sheet.ReadXLSX(res.Body)
	res.Body.Close()
	if err != nil || len(names) != 2 || len(rows[names[1]]) < 2 {
		t.Errorf("finance of %s: sheets %v, %v", year, names, err)
	}
	if res, err := http.Post(base+"/test/clock?advance=192h", "text/plain", nil); err != nil {
		t.Fatal(err)
	} else {
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == 200 && !strings.Contains(string(body), "<html") {
			t.Errorf("POST /test/clock without --test-clock = %d %q", res.StatusCode, body)
		}
	}
	for path, code := range map[string]int{"/record/000000000000.jsonl": 404, "/record/abc.jsonl": 404,
		"/exports/" + seed.VillageCode + "/finance/19.xlsx": 404, "/exports/" + seed.VillageCode + "/budget/2026.xlsx": 404,
		"/exports/000000000000/questions/2026.csv": 404, "/exports/" + seed.VillageCode + "/questions/" + year + ".csv": 200} {
		if res, err := http.Get(base + path); err != nil || res.StatusCode != code {
			t.Errorf("GET %s = %v, %v; want %d", path, res, err, code)
		} else {
			res.Body.Close()
		}
	}
	if logs := stderr.String(); !strings.Contains(logs, `"request_id"`) || !strings.Contains(logs, "mongodb://127.0.0.1:") || strings.Contains(logs, seed.DemoPassword) {
		t.Errorf("logs lack request ids or the embedded URI, or hold a password:\n%s", logs)
	}

	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop within 30 s")
	}
	if !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("no clean stop in the logs")
	}
}

func TestUnreachableDatabase(t *testing.T) {
	start := time.Now()
	err := run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0"},
		env(map[string]string{"MONGODB_URI": "mongodb://yishi:s3cret@127.0.0.1:1/?connectTimeoutMS=500"}), io.Discard, io.Discard)
	took := time.Since(start)
	if err == nil {
		t.Fatal("serve started without a database")
	}
	msg := err.Error()
	if !strings.Contains(msg, "mongodb://yishi:xxxxx@127.0.0.1:1") || strings.Contains(msg, "s3cret") || strings.Contains(msg, "\n") {
		t.Errorf("error = %q, want one line naming the masked URI", msg)
	}
	t.Logf("gave up after %v", took)
}

func TestSubcommands(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"version"}, env(nil), &out, io.Discard); err != nil || !strings.HasPrefix(out.String(), "yishi ") {
		t.Errorf("version: %q, %v", out.String(), err)
	}
	if err := run(context.Background(), []string{"frobnicate"}, env(nil), io.Discard, io.Discard); err == nil {
		t.Error("unknown command accepted")
	}
	if err := run(context.Background(), []string{"serve", "--log-level", "loud"}, env(nil), io.Discard, io.Discard); err == nil {
		t.Error("bad log level accepted")
	}
	dir := t.TempDir()
	for i := range 2 {
		out.Reset()
		if err := run(context.Background(), []string{"seed"}, env(map[string]string{"YISHI_DATA_DIR": dir}), &out, io.Discard); err != nil {
			t.Fatalf("seed #%d: %v", i+1, err)
		}
		want := []string{"demo data loaded", "demo data was already there"}[i]
		if !strings.Contains(out.String(), want) {
			t.Errorf("seed #%d said %q, want %q", i+1, out.String(), want)
		}
	}
	out.Reset()
	if err := run(context.Background(), []string{"migrate"}, env(map[string]string{"YISHI_DATA_DIR": dir}), &out, io.Discard); err != nil {
		t.Errorf("migrate: %v", err)
	}
}

func TestVerifyDraw(t *testing.T) {
	var out bytes.Buffer
	eligible := "u3\nu1\n\nu2\nu4\n"
	err := runVerifyDraw([]string{"--seed", "s", "--salt", "k", "--count", "2"}, strings.NewReader(eligible), &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	drawn, reserve := deliberation.Draw("s", "k", []domain.ID{"u1", "u2", "u3", "u4"}, 2)
	want := "drawn:\n  " + string(drawn[0]) + "\n  " + string(drawn[1]) + "\nreserve:\n  " + string(reserve[0]) + "\n  " + string(reserve[1]) + "\n"
	if out.String() != want {
		t.Errorf("output %q, want %q", out.String(), want)
	}
	if err := runVerifyDraw([]string{"--count", "2"}, strings.NewReader(""), io.Discard, io.Discard); err == nil {
		t.Error("no seed accepted")
	}
}
