// Package schedule records the runs of scheduled jobs: one document per job
// occurrence, inserted before the job runs, so that any number of instances
// run each occurrence once.
package schedule

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Service claims job runs.
type Service struct {
	db *mongo.Database
}

// NewService returns a schedule Service over d.
func NewService(d *mongo.Database) *Service { return &Service{db: d} }

// Claim records that this instance runs job's occurrence; it reports false
// when the occurrence was already claimed, here or by another instance.
func (s *Service) Claim(ctx context.Context, job string, occurrence, now time.Time) (bool, error) {
	occurrence = occurrence.UTC()
	d := runDoc{ID: runID(job, occurrence), Job: job, Occurrence: occurrence, StartedAt: now.UTC()}
	return s.insertRun(ctx, d)
}

// Runs counts the recorded runs of a job, for tests and admin views.
func (s *Service) Runs(ctx context.Context, job string) (int64, error) {
	n, err := s.countRuns(ctx, job)
	return int64(n), err
}

// DeleteBefore removes run records older than t, which can no longer be
// claimed again.
func (s *Service) DeleteBefore(ctx context.Context, t time.Time) (int64, error) {
	n, err := s.deleteRunsBefore(ctx, t.UTC())
	return int64(n), err
}

// Release forgets a claimed occurrence whose run failed, so the next tick
// runs it again.
func (s *Service) Release(ctx context.Context, job string, occurrence time.Time) error {
	return s.deleteRun(ctx, runID(job, occurrence))
}
