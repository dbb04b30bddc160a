package deliberation

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Tallies (topic_tallies, _id the topic) count each topic's supports so
// that the topic list need not: a page's 50 tallies are one read by key
// (about 2 ms at 50,000 supports), where counting the page's 2,500 supports
// takes about 65 ms on the embedded store (make bench, Query/*). Whether the
// viewer supports a topic needs no tally: the supports are found by key.
//
// The supports stay the truth, one per resident by their _id. A tally is
// changed ($inc, atomic on both stores) right after its support is
// inserted; it can only fall short (a crash in between), never run over,
// since supports are never deleted. RepairTallies recounts from the
// supports and raises what fell short; it runs at start-up and daily.
const topicTalliesColl = "topic_tallies"

type topicTallyDoc struct {
	ID       string `bson:"_id"`
	Supports int    `bson:"supports"`
}

// countSupport adds one to the topic's tally after a new support and
// returns the new count.
func (s *Service) countSupport(ctx context.Context, t Topic) (int, error) {
	var d topicTallyDoc
	err := s.db.Collection(topicTalliesColl).FindOneAndUpdate(ctx, bson.M{"_id": string(t.ID)},
		bson.M{"$inc": bson.M{"supports": 1}},
		options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After)).Decode(&d)
	if err != nil {
		return 0, db.Err("count support", err)
	}
	return d.Supports, nil
}

// supportTally returns a topic's tally (0 when it has none yet).
func (s *Service) supportTally(ctx context.Context, id domain.ID) (int, error) {
	var d topicTallyDoc
	err := s.db.Collection(topicTalliesColl).FindOne(ctx, bson.M{"_id": string(id)}).Decode(&d)
	if err != nil && !db.IsNotFound(err) {
		return 0, db.Err("read support tally", err)
	}
	return d.Supports, nil
}

// RepairTallies recounts the supports and raises every tally that fell
// short, moving a topic whose threshold was reached to screening; it returns
// how many tallies it changed. It serves start-up and the daily
// clean-up, and reads the supports once. Missing tallies are inserted in
// bulk, so the first start on existing data is quick.
func (s *Service) RepairTallies(ctx context.Context) (int, error) {
	supports, err := db.FindAll[supportDoc](ctx, s.db.Collection(supportsColl), bson.M{})
	if err != nil {
		return 0, err
	}
	counts := map[string]int{} // topic → its supports
	for _, d := range supports {
		counts[d.TopicID]++
	}

	tallies, err := db.FindAll[topicTallyDoc](ctx, s.db.Collection(topicTalliesColl), bson.M{})
	if err != nil {
		return 0, err
	}
	stored := make(map[string]int, len(tallies))
	for _, t := range tallies {
		stored[t.ID] = t.Supports
	}
	var missing []any
	var missingIDs, short []string
	for topic, n := range counts {
		if have, ok := stored[topic]; !ok {
			missing, missingIDs = append(missing, topicTallyDoc{ID: topic, Supports: n}), append(missingIDs, topic)
		} else if have < n {
			short = append(short, topic)
		}
	}
	changed := len(missing) + len(short)
	made, err := s.insertNew(ctx, topicTalliesColl, missing, missingIDs) // a support may have made one meanwhile
	if err != nil {
		return 0, err
	}
	for _, topic := range append(short, made...) {
		_, err := s.db.Collection(topicTalliesColl).UpdateOne(ctx, bson.M{"_id": topic}, bson.M{"$max": bson.M{"supports": counts[topic]}})
		if err != nil {
			return 0, db.Err("repair support tally", err)
		}
	}
	// A raised tally may have reached its topic's threshold, which the
	// support that crashed never checked.
	raised := append(append(short, made...), missingIDs...)
	if len(raised) > 0 {
		docs, err := db.FindAll[topicDoc](ctx, s.db.Collection(topicsColl), bson.M{"_id": bson.M{"$in": raised}, "state": string(Collecting)})
		if err != nil {
			return 0, err
		}
		for _, d := range docs {
			if _, err := s.checkThreshold(ctx, toTopic(d), counts[d.ID]); err != nil {
				return 0, err
			}
		}
	}
	return changed, nil
}

// insertNew inserts docs (whose _ids are ids) in one unordered batch and
// returns the ids that already existed.
func (s *Service) insertNew(ctx context.Context, coll string, docs []any, ids []string) ([]string, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	_, err := s.db.Collection(coll).InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
	var bulk mongo.BulkWriteException
	if err == nil || !errors.As(err, &bulk) || bulk.WriteConcernError != nil {
		return nil, db.Err("insert tallies", err)
	}
	var existed []string
	for _, we := range bulk.WriteErrors {
		if we.Code != 11000 { // duplicate key
			return nil, db.Err("insert tallies", err)
		}
		existed = append(existed, ids[we.Index])
	}
	return existed, nil
}
