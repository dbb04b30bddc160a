// Package schedule records the runs of scheduled jobs: one document per job
// occurrence, inserted before the job runs, so that any number of instances
// run each occurrence once.
package schedule

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain/db"
)

const runsColl = "job_runs" // _id is job + "@" + occurrence

// Indexes returns the indexes this area needs.
func Indexes() []db.Index {
	return []db.Index{{Collection: runsColl, Keys: bson.D{{Key: "job", Value: 1}, {Key: "occurrence", Value: 1}}}}
}

// Service claims job runs.
type Service struct {
	db *mongo.Database
}

// NewService returns a schedule Service over d.
func NewService(d *mongo.Database) *Service { return &Service{db: d} }

type runDoc struct {
	ID         string    `bson:"_id"`
	Job        string    `bson:"job"`
	Occurrence time.Time `bson:"occurrence"`
	StartedAt  time.Time `bson:"started_at"`
}

// Claim records that this instance runs job's occurrence; it reports false
// when the occurrence was already claimed, here or by another instance.
func (s *Service) Claim(ctx context.Context, job string, occurrence, now time.Time) (bool, error) {
	occurrence = occurrence.UTC()
	d := runDoc{ID: job + "@" + occurrence.Format(time.RFC3339), Job: job, Occurrence: occurrence, StartedAt: now.UTC()}
	_, err := s.db.Collection(runsColl).InsertOne(ctx, d)
	if db.IsDuplicate(err) {
		return false, nil
	}
	if err != nil {
		return false, db.Err("claim job run", err)
	}
	return true, nil
}

// Runs counts the recorded runs of a job, for tests and admin views.
func (s *Service) Runs(ctx context.Context, job string) (int64, error) {
	n, err := s.db.Collection(runsColl).CountDocuments(ctx, bson.M{"job": job})
	return n, db.Err("count job runs", err)
}

// DeleteBefore removes run records older than t, which can no longer be
// claimed again.
func (s *Service) DeleteBefore(ctx context.Context, t time.Time) (int64, error) {
	res, err := s.db.Collection(runsColl).DeleteMany(ctx, bson.M{"occurrence": bson.M{"$lt": t.UTC()}})
	if err != nil {
		return 0, db.Err("delete old job runs", err)
	}
	return res.DeletedCount, nil
}

// Release forgets a claimed occurrence whose run failed, so the next tick
// runs it again.
func (s *Service) Release(ctx context.Context, job string, occurrence time.Time) error {
	_, err := s.db.Collection(runsColl).DeleteOne(ctx, bson.M{"_id": job + "@" + occurrence.UTC().Format(time.RFC3339)})
	return db.Err("release job run", err)
}
