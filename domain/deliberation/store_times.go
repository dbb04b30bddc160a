package deliberation

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain/db"
)

// Times that RFC 3339 cannot write (years before 1 or after 9999, as a
// stored "9999-12-31T23:59:59-23:59" becomes in UTC) made every read of
// their record fail. Inputs are bounded now (domain.TimeWithin); RepairTimes
// clamps what was stored before, so that reads never fail on it.
var (
	earliestTime = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	latestTime   = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
)

// RepairTimes clamps stored times outside 1900–9999 (action items' due
// dates, motions' deadlines, meetings' start times) into that range and
// returns how many it changed. It serves start-up and the daily clean-up.
func (s *Service) RepairTimes(ctx context.Context) (int, error) {
	n := 0
	for _, f := range []struct{ coll, field string }{{itemsColl, "due"}, {motionsColl, "deadline"}, {meetingsColl, "starts_at"}} {
		for bound, filter := range map[time.Time]bson.M{
			earliestTime: {f.field: bson.M{"$lt": earliestTime}},
			latestTime:   {f.field: bson.M{"$gt": latestTime}},
		} {
			r, err := s.db.Collection(f.coll).UpdateMany(ctx, filter, bson.M{"$set": bson.M{f.field: bound}})
			if err != nil {
				return n, db.Err("repair times in "+f.coll, err)
			}
			n += int(r.ModifiedCount)
		}
	}
	return n, nil
}
