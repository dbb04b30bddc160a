// Package jobs runs Yishi's scheduled work. robfig/cron only wakes the
// jobs; a job works on everything due up to now, read from the database,
// and claims each occurrence with a run document first, so a tick missed
// while the process was down is caught up by the next one and several
// instances run each occurrence once.
package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/schedule"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// DigestSource contributes a section to a community's weekly digest: what
// is new between since and until. An empty section is left out; a digest
// with no sections is not sent. The topic, disclosure and volunteer areas
// provide one each.
type DigestSource interface {
	DigestSection(ctx context.Context, communityID domain.ID, lang domain.Lang, since, until time.Time) (string, error)
}

// Config holds what the jobs work on.
type Config struct {
	Notify       *notify.Service
	Accounts     *account.Service
	Communities  *community.Service
	Schedule     *schedule.Service
	Deliberation *deliberation.Service // may be nil
	Record       *ledger.Service       // the public record, whose heads the clean-up signs daily; may be nil
	Disclosure   *disclosure.Service   // escalations and disclosure reminders; may be nil
	Volunteer    *volunteer.Service    // volunteer reminders; may be nil
	Patrol       *patrol.Service       // patrol reminders; may be nil
	Digests      []DigestSource
	// Areas are repaired by the daily clean-up.
	Areas   []Area
	BaseURL string
	Log     *slog.Logger
	Now     func() time.Time // default time.Now
}

// Scheduler runs the jobs.
type Scheduler struct {
	cfg  Config
	cron *cron.Cron
	stop chan struct{}
	wg   sync.WaitGroup
	// ctx ends when Stop gives up waiting, to cut running jobs short.
	ctx    context.Context
	cancel context.CancelFunc
}

// The jobs and when they fall due. Daily jobs avoid 01:00–03:00 local,
// where days of a DST change skip or repeat the hour.
var (
	cleanupAt = Daily{Hour: 4, Minute: 15}
	digestAt  = Daily{Weekday: ptr(time.Monday), Hour: 8, Minute: 30}
	// digestLate: a digest not sent by Monday evening is skipped, not sent
	// stale later in the week.
	digestLate = 12 * time.Hour
)

const cleanupZone = "Asia/Shanghai"

func ptr[T any](v T) *T { return &v }

// New returns a scheduler, not yet started. Every cron entry is wrapped so
// that a run still going skips the next tick, then so that a panic is
// recovered and logged instead of ending the job for good (the other order
// stops a job forever after its first panic).
func New(cfg Config) *Scheduler {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cl := cronLogger{cfg.Log}
	s := &Scheduler{cfg: cfg, stop: make(chan struct{})}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.cron = cron.New(cron.WithChain(cron.SkipIfStillRunning(cl), cron.Recover(cl)), cron.WithLogger(cl))
	return s
}

// Start registers the cron entries and starts them, with a goroutine that
// dispatches urgent mail as soon as it is queued.
func (s *Scheduler) Start() error {
	entries := []struct {
		spec string
		run  func(context.Context, time.Time) error
	}{
		{"CRON_TZ=UTC * * * * *", s.Tick}, // dispatch, and catch-up of everything else
		{"CRON_TZ=" + cleanupZone + " 15 4 * * *", s.runCleanup},
	}
	for _, e := range entries {
		run := e.run
		if _, err := s.cron.AddFunc(e.spec, func() { s.do(run) }); err != nil {
			return fmt.Errorf("schedule %q: %w", e.spec, err)
		}
	}
	s.cron.Start()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			select {
			case <-s.stop:
				return
			case <-s.cfg.Notify.Wake():
				s.do(func(ctx context.Context, now time.Time) error {
					_, err := s.cfg.Notify.Dispatch(ctx, now)
					return err
				})
			}
		}
	}()
	return nil
}

// Stop stops the cron entries and waits for running jobs, at most until ctx
// ends.
func (s *Scheduler) Stop(ctx context.Context) {
	close(s.stop)
	done := s.cron.Stop().Done()
	select {
	case <-done:
	case <-ctx.Done():
		s.cancel() // cut running jobs short
	}
	s.wg.Wait()
	s.cancel()
}

// do runs a job body with a time limit; its error, or its panic, is logged
// once, here. (Cron's Recover guards the cron entries too; the wake-up path
// has only this.)
func (s *Scheduler) do(run func(context.Context, time.Time) error) {
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Minute)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			s.cfg.Log.ErrorContext(ctx, "job panicked", "panic", fmt.Sprint(p))
		}
	}()
	if err := run(ctx, s.cfg.Now()); err != nil {
		s.cfg.Log.ErrorContext(ctx, "job failed", "err", err)
	}
}

// Tick does what is due at now: it dispatches the outbox once per minute
// and runs any daily or weekly occurrence not yet run.
func (s *Scheduler) Tick(ctx context.Context, now time.Time) error {
	var errs []string
	if claimed, err := s.cfg.Schedule.Claim(ctx, "dispatch", now.Truncate(time.Minute), now); err != nil {
		errs = append(errs, err.Error())
	} else if claimed {
		st, err := s.cfg.Notify.Dispatch(ctx, now)
		if err != nil {
			errs = append(errs, "dispatch: "+err.Error())
		} else if st.Sent+st.Failed+st.Retried > 0 {
			s.cfg.Log.InfoContext(ctx, "outbox dispatched", "sent", st.Sent, "retried", st.Retried, "failed", st.Failed,
				"deferred", st.Deferred, "cancelled", st.Cancelled, "requests", st.Requests)
		}
	}
	if err := s.runCleanup(ctx, now); err != nil {
		errs = append(errs, "cleanup: "+err.Error())
	}
	if s.cfg.Deliberation != nil {
		// Topics whose support window ended short close within the minute.
		if _, err := s.cfg.Deliberation.CloseExpired(ctx, now); err != nil {
			errs = append(errs, "close topics: "+err.Error())
		}
	}
	if err := s.runDigests(ctx, now); err != nil {
		errs = append(errs, "digest: "+err.Error())
	}
	if err := s.runDisclosures(ctx, now); err != nil {
		errs = append(errs, "disclosures: "+err.Error())
	}
	if s.cfg.Volunteer != nil {
		if err := s.runReminders(ctx, now, "volunteer", s.cfg.Volunteer); err != nil {
			errs = append(errs, "volunteers: "+err.Error())
		}
	}
	if s.cfg.Patrol != nil {
		if err := s.runReminders(ctx, now, "patrol", s.cfg.Patrol); err != nil {
			errs = append(errs, "patrols: "+err.Error())
		}
		if s.cfg.Volunteer != nil {
			if err := s.runPatrolHours(ctx, now); err != nil {
				errs = append(errs, "patrol hours: "+err.Error())
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("tick: %s", strings.Join(errs, "; "))
	}
	return nil
}

// runCleanup removes expired sessions and tokens, old run records, delivery
// claims and provider events, and repairs every area (RepairAll), once per
// day.
func (s *Scheduler) runCleanup(ctx context.Context, now time.Time) error {
	loc, _ := time.LoadLocation(cleanupZone)
	_, err := RunDaily(ctx, s.cfg.Schedule, "cleanup", cleanupAt, loc, 0, now, func(ctx context.Context, _ time.Time) error {
		n, err := s.cfg.Accounts.DeleteExpired(ctx, now)
		if err != nil {
			return err
		}
		runs, err := s.cfg.Schedule.DeleteBefore(ctx, now.AddDate(0, 0, -30))
		if err != nil {
			return err
		}
		old, err := s.cfg.Notify.DeleteOld(ctx, now)
		if err != nil {
			return err
		}
		fixed, err := RepairAll(ctx, now, s.cfg.Areas)
		if err != nil {
			return err
		}
		heads, err := s.publishHeads(ctx, now)
		if err != nil {
			return err
		}
		s.cfg.Log.InfoContext(ctx, "cleanup done", "expired", n, "old_runs", runs, "old_claims_and_events", old, "repaired", fixed, "record_heads", heads)
		return nil
	})
	return err
}

type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
