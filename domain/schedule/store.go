package schedule

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain/db"
)

const runsColl = "job_runs" // _id is job + "@" + occurrence

// Indexes returns the indexes this area needs.
func Indexes() []db.Index {
	return []db.Index{{Collection: runsColl, Keys: bson.D{{Key: "job", Value: 1}, {Key: "occurrence", Value: 1}}}}
}

type runDoc struct {
	ID         string    `bson:"_id"`
	Job        string    `bson:"job"`
	Occurrence time.Time `bson:"occurrence"`
	StartedAt  time.Time `bson:"started_at"`
}

// runID is a run's _id: one per job and occurrence.
func runID(job string, occurrence time.Time) string {
	return job + "@" + occurrence.UTC().Format(time.RFC3339)
}

// insertRun records a run; won is false when its occurrence was recorded
// before (the first insert wins).
func (s *Service) insertRun(ctx context.Context, d runDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(runsColl), d)
}

// countRuns counts the recorded runs of a job.
func (s *Service) countRuns(ctx context.Context, job string) (int, error) {
	return db.Count(ctx, s.db.Collection(runsColl), bson.M{"job": job})
}

// deleteRunsBefore removes the records of occurrences before t and returns
// how many went.
func (s *Service) deleteRunsBefore(ctx context.Context, t time.Time) (int, error) {
	return db.Delete(ctx, s.db.Collection(runsColl), bson.M{"occurrence": bson.M{"$lt": t}})
}

// deleteRun removes the record of one run.
func (s *Service) deleteRun(ctx context.Context, id string) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(runsColl), bson.M{"_id": id})
	return err
}
