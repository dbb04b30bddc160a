package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/yishi-app/yishi/graph"
)

// config is the server's configuration: flags, each with an environment
// variable twin; flags win. Defaults need no set-up.
type config struct {
	Addr         string
	DataDir      string
	MongoURI     string
	DBName       string
	EmbeddedAddr string
	BaseURL      string
	SeedDemo     bool
	Jobs         bool
	// TestClock lets POST /test/clock move the server's time forward:
	// for the browser tests only.
	TestClock bool
	LogLevel  slog.Level
	// GraphQL execution per instance: concurrent operations and each one's time.
	MaxExecutions int
	ExecTimeout   time.Duration
	// TrustedProxies are the reverse proxies whose forwarding headers are believed.
	TrustedProxies []netip.Prefix
	// Operators are the emails of the platform's operators (verified
	// accounts with these emails open streets and communities).
	Operators []string
	// Mail: SendGrid when SendGridKey is set, else files in DataDir/mail.
	// The key and the webhook key come from the environment only.
	SendGridKey  string
	SendGridHost string
	MailFrom     string
	WebhookKey   string
}

func parseConfig(cmd string, args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	envBool := func(key string, def bool) bool {
		if b, err := strconv.ParseBool(getenv(key)); err == nil {
			return b
		}
		return def
	}
	envInt := func(key string, def int) int {
		if n, err := strconv.Atoi(getenv(key)); err == nil {
			return n
		}
		return def
	}
	envDuration := func(key string, def time.Duration) time.Duration {
		if d, err := time.ParseDuration(getenv(key)); err == nil {
			return d
		}
		return def
	}
	var c config
	var level string
	fs := flag.NewFlagSet("yishi "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", env("YISHI_ADDR", "127.0.0.1:8080"), "HTTP listen address (YISHI_ADDR)")
	fs.StringVar(&c.DataDir, "data-dir", env("YISHI_DATA_DIR", "./data"), "folder for the embedded database and kept mail (YISHI_DATA_DIR)")
	fs.StringVar(&c.MongoURI, "mongodb-uri", env("MONGODB_URI", ""), "MongoDB URI; empty starts the embedded database (MONGODB_URI)")
	fs.StringVar(&c.DBName, "db-name", env("YISHI_DB_NAME", "yishi"), "database name (YISHI_DB_NAME)")
	fs.StringVar(&c.EmbeddedAddr, "embedded-db-addr", env("YISHI_EMBEDDED_DB_ADDR", "127.0.0.1:0"), "listen address of the embedded database (YISHI_EMBEDDED_DB_ADDR)")
	fs.StringVar(&c.BaseURL, "base-url", env("YISHI_BASE_URL", ""), "public URL of the site, for links in email; default http://<addr> (YISHI_BASE_URL)")
	fs.BoolVar(&c.SeedDemo, "seed-demo", envBool("YISHI_SEED_DEMO", false), "load the Xiaogucheng demo data when the database is empty (YISHI_SEED_DEMO)")
	fs.BoolVar(&c.Jobs, "jobs", envBool("YISHI_JOBS", true), "run the scheduled jobs; false runs a web-only instance (YISHI_JOBS)")
	fs.BoolVar(&c.TestClock, "test-clock", envBool("YISHI_TEST_CLOCK", false), "for tests only: POST /test/clock?advance=192h moves the server's time forward (YISHI_TEST_CLOCK)")
	fs.StringVar(&level, "log-level", env("YISHI_LOG_LEVEL", "info"), "debug, info, warn or error (YISHI_LOG_LEVEL)")
	fs.StringVar(&c.MailFrom, "mail-from", env("YISHI_MAIL_FROM", "议事 Yishi <noreply@yishi.example>"), "sender of mail (YISHI_MAIL_FROM)")
	fs.StringVar(&c.SendGridHost, "sendgrid-api-host", env("SENDGRID_API_HOST", ""), "SendGrid API base URL; empty is the real API (SENDGRID_API_HOST)")
	fs.IntVar(&c.MaxExecutions, "max-executions", envInt("YISHI_MAX_EXECUTIONS", graph.DefaultMaxExecutions()), "GraphQL operations that may run at once; more wait 2 s, then get 503 (YISHI_MAX_EXECUTIONS)")
	fs.DurationVar(&c.ExecTimeout, "exec-timeout", envDuration("YISHI_EXEC_TIMEOUT", graph.DefaultExecTimeout), "longest a GraphQL operation may run before its client gets 503 (YISHI_EXEC_TIMEOUT)")
	var proxies, operators string
	fs.StringVar(&operators, "operators", env("YISHI_OPERATORS", ""), "comma-separated emails of the platform's operators, who open streets and communities once their email is verified (YISHI_OPERATORS)")
	fs.StringVar(&proxies, "trusted-proxies", env("YISHI_TRUSTED_PROXIES", ""), "comma-separated CIDRs of reverse proxies whose X-Forwarded-For, Forwarded and X-Forwarded-Proto are believed (YISHI_TRUSTED_PROXIES)")
	c.SendGridKey = getenv("SENDGRID_API_KEY")
	c.WebhookKey = getenv("SENDGRID_WEBHOOK_PUBLIC_KEY")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if err := c.LogLevel.UnmarshalText([]byte(level)); err != nil {
		return c, fmt.Errorf("log level %q: want debug, info, warn or error", level)
	}
	for _, e := range strings.Split(operators, ",") {
		if e = strings.TrimSpace(e); e != "" {
			c.Operators = append(c.Operators, e)
		}
	}
	for _, p := range strings.Split(proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		prefix, err := netip.ParsePrefix(p)
		if err != nil {
			if addr, aerr := netip.ParseAddr(p); aerr == nil {
				prefix, err = addr.Prefix(addr.BitLen())
			}
		}
		if err != nil {
			return c, fmt.Errorf("--trusted-proxies: %q is not an address or CIDR", p)
		}
		c.TrustedProxies = append(c.TrustedProxies, prefix)
	}
	if c.MaxExecutions < 1 || c.ExecTimeout <= 0 {
		return c, fmt.Errorf("--max-executions and --exec-timeout must be positive")
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://" + c.Addr
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	return c, nil
}

// newLogger logs text to a terminal and JSON otherwise.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return slog.New(slog.NewTextHandler(w, opts))
		}
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}
