package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/schedule"
	"github.com/yishi-app/yishi/domain/volunteer"
	"github.com/yishi-app/yishi/frontend"
	"github.com/yishi-app/yishi/graph"
	"github.com/yishi-app/yishi/graph/graphiql"
	"github.com/yishi-app/yishi/jobs"
	"github.com/yishi-app/yishi/jobs/mail"
	"github.com/yishi-app/yishi/seed"
)

// app is the wired application: the database and the services over it.
type app struct {
	db       *db.DB
	accounts *account.Service
	comms    *community.Service
	notify   *notify.Service
	topics   *deliberation.Service
	schedule *schedule.Service
	record   *ledger.Service
	mailer   notify.Mailer

	disclosures *disclosure.Service // public disclosures (公开), which go into the record
	volunteers  *volunteer.Service  // volunteer service (志愿服务) and the time bank
	patrols     *patrol.Service     // the safety patrols (平安巡防), their reports and mediation
	// now is the services' clock: time.Now, or with --test-clock the
	// clock that POST /test/clock moves (testClock).
	now       func() time.Time
	testClock *testClock
}

// open connects to the database, ensures its indexes, builds the services
// and repairs what a stop may have left half-done (deliberation's tallies
// and claimed state changes). The caller closes a.db.
func open(ctx context.Context, cfg config, log *slog.Logger) (*app, error) {
	d, err := db.Open(ctx, db.Config{
		URI: cfg.MongoURI, Name: cfg.DBName, DataDir: cfg.DataDir, EmbeddedAddr: cfg.EmbeddedAddr, Logger: log,
	})
	if err != nil {
		return nil, err
	}
	if cfg.MongoURI == "" {
		log.Info("embedded database started", "uri", d.URI, "dir", filepath.Join(cfg.DataDir, "db"))
	} else if embedded, err := d.IsEmbeddedStore(ctx); err != nil || embedded {
		_ = d.Close(context.Background())
		if err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("MONGODB_URI %s is another yishi's embedded database: its writes are atomic only within the process that runs it, so several instances need MongoDB (a replica set)", d.URI)
	}
	if err := db.EnsureIndexes(ctx, d.Database, account.Indexes(), community.Indexes(), notify.Indexes(), schedule.Indexes(), deliberation.Indexes(), ledger.Indexes(), disclosure.Indexes(),
		volunteer.Indexes(), patrol.Indexes()); err != nil {
		_ = d.Close(context.Background())
		return nil, err
	}
	key, err := ledger.LoadKey(cfg.DataDir, os.Getenv)
	if err != nil {
		_ = d.Close(context.Background())
		return nil, fmt.Errorf("public record key: %w", err)
	}
	a := &app{db: d, schedule: schedule.NewService(d.Database), now: time.Now}
	if cfg.TestClock {
		a.testClock = &testClock{}
		a.now = a.testClock.Now
		log.Warn("the test clock is on: POST /test/clock moves the server's time (for tests only)")
	}
	a.record = ledger.NewService(d.Database, ledger.Config{Key: key, Now: a.now})
	if cfg.SendGridKey != "" {
		a.mailer = mail.NewSendGrid(cfg.SendGridKey, cfg.MailFrom, cfg.SendGridHost)
	} else {
		a.mailer = &mail.FileMailer{Dir: filepath.Join(cfg.DataDir, "mail"), Log: log}
	}
	a.notify = notify.NewService(d.Database, notify.Config{Mailer: a.mailer, BaseURL: cfg.BaseURL, Log: log, Now: a.now})
	a.accounts = account.NewService(d.Database, account.Config{Notifier: a.notify, BaseURL: cfg.BaseURL, Log: log, Now: a.now})
	a.comms = community.NewService(d.Database, a.accounts, community.Config{Notifier: a.notify, BaseURL: cfg.BaseURL, Log: log, Operators: cfg.Operators, Now: a.now})

	a.disclosures = disclosure.NewService(d.Database, a.comms, disclosure.Config{Notifier: a.notify, Record: a.record, Fetcher: &disclosure.WebFetcher{}, BaseURL: cfg.BaseURL, Log: log, Now: a.now})
	a.volunteers = volunteer.NewService(d.Database, a.comms, a.accounts, volunteer.Config{Notifier: a.notify, Record: a.record, BaseURL: cfg.BaseURL, Log: log, Now: a.now})
	a.patrols = patrol.NewService(d.Database, a.comms, patrol.Config{Notifier: a.notify, Accounts: a.accounts, BaseURL: cfg.BaseURL, Log: log, Now: a.now})
	a.topics = deliberation.NewService(d.Database, a.comms, a.accounts, deliberation.Config{Notifier: a.notify, Record: a.record, Volunteers: a.volunteers,
		Patrols: a.patrols, BaseURL: cfg.BaseURL, Log: log, Now: a.now})
	a.notify.SetDirectory(a.accounts)
	a.notify.SetRequireAdmin(a.comms.RequireAdmin)
	// What a stop left half done (a claim without its change, a key
	// without its item, a tally short of its supports) is finished first.
	fixed, err := jobs.RepairAll(ctx, time.Now(), a.areas())
	if err != nil {
		_ = d.Close(context.Background())
		return nil, err
	}
	if len(fixed) > 0 {
		log.Info("repaired after a stop", "fixed", fixed)
	}
	return a, nil
}

// areas are the areas with a Repair, in the order they are repaired.
func (a *app) areas() []jobs.Area {
	return []jobs.Area{{Name: "notify", Repairer: a.notify}, {Name: "community", Repairer: a.comms}, {Name: "deliberation", Repairer: a.topics},
		{Name: "disclosure", Repairer: a.disclosures}}
}

func (a *app) close() { _ = a.db.Close(context.Background()) }

// seedServices are the services the demo data is created through: the same
// store, but nothing is mailed to the demo people.
func (a *app) seedServices(cfg config, log *slog.Logger) seed.Services {
	accounts := account.NewService(a.db.Database, account.Config{Notifier: noMail{}, BaseURL: cfg.BaseURL, Log: log})
	comms := community.NewService(a.db.Database, accounts, community.Config{Log: log})
	volunteers := volunteer.NewService(a.db.Database, comms, accounts, volunteer.Config{Notifier: noMail{}, Record: a.record, BaseURL: cfg.BaseURL, Log: log})
	patrols := patrol.NewService(a.db.Database, comms, patrol.Config{Accounts: accounts, BaseURL: cfg.BaseURL, Log: log})
	topics := deliberation.NewService(a.db.Database, comms, accounts, deliberation.Config{Notifier: noMail{}, Record: a.record, Volunteers: volunteers, Patrols: patrols,
		BaseURL: cfg.BaseURL, Log: log})
	disclosures := disclosure.NewService(a.db.Database, comms, disclosure.Config{Notifier: noMail{}, Record: a.record, BaseURL: cfg.BaseURL, Log: log})
	return seed.Services{Accounts: accounts, Communities: comms, Deliberation: topics, Disclosures: disclosures, Volunteers: volunteers, Patrols: patrols}
}

// noMail drops what it is asked to queue or cancel.
type noMail struct{}

func (noMail) Enqueue(context.Context, notify.Item) error { return nil }
func (noMail) Cancel(context.Context, string) error       { return nil }

func (noMail) Reschedule(context.Context, string, time.Duration) error { return nil }

func runMigrate(ctx context.Context, cfg config, log *slog.Logger, stdout io.Writer) error {
	a, err := open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	fmt.Fprintln(stdout, "indexes are in place")
	return nil
}

func runSeed(ctx context.Context, cfg config, log *slog.Logger, stdout io.Writer) error {
	a, err := open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	res, err := seed.Load(ctx, a.seedServices(cfg, log))
	if err != nil {
		return err
	}
	if res.Created {
		fmt.Fprintln(stdout, "demo data loaded")
	} else {
		fmt.Fprintln(stdout, "demo data was already there")
	}
	printLogins(stdout, res.Logins)
	return nil
}

func runServe(ctx context.Context, cfg config, log *slog.Logger, stdout io.Writer) error {
	started := time.Now()
	a, err := open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()

	var logins []seed.Login
	if cfg.SeedDemo {
		if logins, err = seedIfEmpty(ctx, a, a.seedServices(cfg, log)); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
	}
	// What was recorded before this start (and the demo's story) is signed
	// now, not at the next daily clean-up.
	if _, err := jobs.PublishHeads(ctx, a.comms, a.record, time.Now()); err != nil {
		return fmt.Errorf("public record heads: %w", err)
	}
	svc := graph.Services{Accounts: a.accounts, Communities: a.comms, Notify: a.notify, Deliberation: a.topics, Record: a.record, Disclosure: a.disclosures,
		Volunteer: a.volunteers, Patrol: a.patrols, Now: a.now}
	schema, err := graph.NewSchema(svc, log)
	if err != nil {
		return err
	}
	gql := graph.NewHandler(schema, svc, log, strings.HasPrefix(cfg.BaseURL, "https://"), graphiql.Page())
	gql.SetExecLimits(cfg.MaxExecutions, cfg.ExecTimeout)
	gql.SetTrustedProxies(cfg.TrustedProxies)

	mux := http.NewServeMux()
	mux.Handle("/graphql", gql)
	mux.Handle(graphiql.Prefix, graphiql.Assets())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := a.db.Ping(ctx); err != nil {
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	var webhookKey *ecdsa.PublicKey
	if cfg.WebhookKey != "" {
		if webhookKey, err = mail.ParseWebhookKey(cfg.WebhookKey); err != nil {
			return fmt.Errorf("SENDGRID_WEBHOOK_PUBLIC_KEY: %w", err)
		}
	}
	mux.Handle("/webhooks/sendgrid", mail.WebhookHandler(a.notify, webhookKey, log, nil))
	mux.Handle("/unsubscribe", mail.UnsubscribeHandler(a.notify, log))
	mux.Handle("/calendar/", mail.CalendarHandler(a.notify, log, a.topics, a.volunteers, a.patrols))
	mux.Handle("GET /record/{file}", recordExportHandler(a.comms, a.record, log))
	mux.Handle("GET /exports/{code}/{what}/{file}", disclosureExportHandler(a.comms, a.disclosures, log))
	var sched *jobs.Scheduler
	if a.testClock != nil {
		mux.Handle("POST /test/clock", testClockHandler(a.testClock, func(ctx context.Context, now time.Time) error {
			if sched == nil {
				return nil
			}
			return sched.Tick(ctx, now)
		}, log))
	}
	mux.Handle("/", globalLinks(frontend.Handler()))

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	srv := &http.Server{
		Handler:           withRequestLog(log, mux),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if cfg.Jobs {
		sched = jobs.New(jobs.Config{
			Notify: a.notify, Accounts: a.accounts, Communities: a.comms, Schedule: a.schedule, Deliberation: a.topics, Record: a.record,
			Disclosure: a.disclosures, Volunteer: a.volunteers, Patrol: a.patrols, Digests: []jobs.DigestSource{a.topics, a.record}, Areas: a.areas(), BaseURL: cfg.BaseURL, Log: log, Now: a.now,
		})
		if err := sched.Start(); err != nil {
			return err
		}
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

	url := "http://" + ln.Addr().String()
	a.db.NoteServing(url)
	log.Info("yishi is serving", "url", url, "startup", time.Since(started).Round(time.Millisecond).String(), "version", version)
	fmt.Fprintf(stdout, "\n议事 Yishi is running at %s  (GraphiQL: %s/graphql)\n", url, url)
	if len(logins) > 0 {
		printLogins(stdout, logins)
	}

	select {
	case err := <-serveErr:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Warn("shutdown: in-flight requests cut off", "err", err)
	}
	if sched != nil {
		sched.Stop(shutdownCtx)
	}
	if err := <-serveErr; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// seedIfEmpty loads the demo data when the database has no community yet,
// or when it holds the demo data already (to show its logins).
func seedIfEmpty(ctx context.Context, a *app, svc seed.Services) ([]seed.Login, error) {
	l, err := a.comms.Communities(ctx, community.CommunityFilter{}, domain.Page{First: 1})
	if err != nil {
		return nil, err
	}
	if l.TotalCount > 0 {
		if _, err := a.comms.CommunityByCode(ctx, seed.VillageCode); err != nil {
			return nil, nil // real data, not the demo: leave it alone
		}
	}
	res, err := seed.Load(ctx, svc)
	return res.Logins, err
}

func printLogins(w io.Writer, logins []seed.Login) {
	fmt.Fprintf(w, "\nDemo logins (password %q, demo data only):\n", seed.DemoPassword)
	for _, l := range logins {
		fmt.Fprintf(w, "  %-28s %-40s %s · %s\n", l.Role.Label().ZH+" "+string(l.Role), l.Email, l.Name, l.Community)
	}
	fmt.Fprintln(w)
}

// withRequestLog gives every request an id (echoed in X-Request-Id), logs
// one line per request with it, and turns a panic into a 500 with the id.
func withRequestLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id := hex.EncodeToString(b)
		w.Header().Set("X-Request-Id", id)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		defer func() {
			if p := recover(); p != nil {
				log.Error("panic serving request", "request_id", id, "panic", fmt.Sprint(p))
				if !rec.wrote {
					http.Error(rec, "internal error, request id "+id, http.StatusInternalServerError)
				}
			}
			log.Info("request", "request_id", id, "method", r.Method, "path", loggedPath(r.URL.Path),
				"status", rec.status, "bytes", rec.bytes, "duration", time.Since(start).Round(time.Microsecond).String())
		}()
		next.ServeHTTP(rec, r.WithContext(graph.NewContextWithRequestID(r.Context(), id)))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status, bytes int
	wrote         bool
}

func (s *statusRecorder) WriteHeader(code int) {
	if !s.wrote {
		s.status, s.wrote = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	s.wrote = true
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// loggedPath is a request path fit for the logs: a calendar feed's path is
// its secret token.
func loggedPath(p string) string {
	if strings.HasPrefix(p, "/calendar/") {
		return "/calendar/[redacted]"
	}
	return p
}
