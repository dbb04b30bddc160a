// Package jobs runs Yishi's scheduled work on a robfig/cron table. Cron only
// wakes the jobs; each job works on everything due up to now, read from the
// database, so a tick missed while the process was down is caught up by the
// next one.
package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/yishi-app/yishi/domain/account"
)

// Scheduler runs the jobs.
type Scheduler struct {
	cron *cron.Cron
	log  *slog.Logger
}

// Config holds the services the jobs work on.
type Config struct {
	Accounts *account.Service
	Log      *slog.Logger
	Now      func() time.Time // default time.Now
	// TimeZone is the zone the specs are read in (default Asia/Shanghai).
	TimeZone string
}

// New returns a scheduler with Yishi's jobs registered, not yet started.
// Each job is wrapped so that a run still going skips the next tick and a
// panic is recovered and logged instead of stopping the job for good.
func New(cfg Config) (*Scheduler, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.TimeZone == "" {
		cfg.TimeZone = "Asia/Shanghai"
	}
	cl := cronLogger{cfg.Log}
	c := cron.New(cron.WithChain(cron.SkipIfStillRunning(cl), cron.Recover(cl)), cron.WithLogger(cl))
	s := &Scheduler{cron: c, log: cfg.Log}
	// 04:15 local: clear of the 01:00–03:00 window that DST days skip or repeat.
	spec := "CRON_TZ=" + cfg.TimeZone + " 15 4 * * *"
	_, err := c.AddFunc(spec, s.job("cleanup", func(ctx context.Context) error {
		n, err := cfg.Accounts.DeleteExpired(ctx, cfg.Now().UTC())
		if err == nil {
			cfg.Log.InfoContext(ctx, "expired sessions and tokens removed", "count", n)
		}
		return err
	}))
	if err != nil {
		return nil, err
	}
	return s, nil
}

// job wraps a job body with a time limit and one log line on failure.
func (s *Scheduler) job(name string, run func(context.Context) error) func() {
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		if err := run(ctx); err != nil {
			s.log.ErrorContext(ctx, "job failed", "job", name, "err", err)
		}
	}
}

// Start starts the scheduler in its own goroutine.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop stops the scheduler and waits for running jobs, at most until ctx
// ends.
func (s *Scheduler) Stop(ctx context.Context) {
	select {
	case <-s.cron.Stop().Done():
	case <-ctx.Done():
	}
}

// cronLogger adapts slog to cron's logger.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
