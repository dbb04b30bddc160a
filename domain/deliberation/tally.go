package deliberation

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Tallies are derived from the supports so that the topic list need not
// count them: the embedded FerretDB can only scan a collection (it finds by
// _id alone), and counting 50,000 supports per page took seconds.
//
//   - topic_tallies: per topic, the number of its supports.
//   - supporter_tallies: per user, the topics they support.
//
// The supports stay the truth, one per resident by their _id. A tally is
// changed right after its support is inserted, under s.updateLock; it can
// only fall short (a crash in between), never run over, since supports are
// never deleted. RepairTallies recounts from the supports and raises what
// fell short; it runs at start-up and daily.
const (
	topicTalliesColl     = "topic_tallies"     // _id is the topic
	supporterTalliesColl = "supporter_tallies" // _id is the user
)

type topicTallyDoc struct {
	ID       string `bson:"_id"`
	Supports int    `bson:"supports"`
}

type supporterTallyDoc struct {
	ID     string   `bson:"_id"`
	Topics []string `bson:"topics"`
}

// countSupport adds one to the topic's tally after a new support and
// returns the new count; it also records the topic among the supporter's.
func (s *Service) countSupport(ctx context.Context, t Topic, user domain.ID) (int, error) {
	var d topicTallyDoc
	err := func() error {
		defer s.updateLock.Lock("topic/" + string(t.ID))()
		return s.db.Collection(topicTalliesColl).FindOneAndUpdate(ctx, bson.M{"_id": string(t.ID)},
			bson.M{"$inc": bson.M{"supports": 1}},
			options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After)).Decode(&d)
	}()
	if err != nil {
		return 0, db.Err("count support", err)
	}
	return d.Supports, s.noteSupporter(ctx, user, []string{string(t.ID)})
}

// noteSupporter adds topics to the supporter's tally; adding one twice
// changes nothing.
func (s *Service) noteSupporter(ctx context.Context, user domain.ID, topics []string) error {
	defer s.updateLock.Lock("supporter/" + string(user))()
	_, err := s.db.Collection(supporterTalliesColl).UpdateOne(ctx, bson.M{"_id": string(user)},
		bson.M{"$addToSet": bson.M{"topics": bson.M{"$each": topics}}}, options.UpdateOne().SetUpsert(true))
	return db.Err("note supporter", err)
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
// short; it returns how many it changed. It serves start-up and the daily
// clean-up, and reads the whole supports collection once.
func (s *Service) RepairTallies(ctx context.Context) (int, error) {
	supports, err := db.FindAll[supportDoc](ctx, s.db.Collection(supportsColl), bson.M{})
	if err != nil {
		return 0, err
	}
	counts := map[string]int{}
	bySupporter := map[string]map[string]bool{}
	for _, d := range supports {
		counts[d.TopicID]++
		if bySupporter[d.UserID] == nil {
			bySupporter[d.UserID] = map[string]bool{}
		}
		bySupporter[d.UserID][d.TopicID] = true
	}
	tallies, err := db.FindAll[topicTallyDoc](ctx, s.db.Collection(topicTalliesColl), bson.M{})
	if err != nil {
		return 0, err
	}
	for _, t := range tallies {
		if counts[t.ID] <= t.Supports {
			delete(counts, t.ID)
		}
	}
	changed := 0
	for topic, n := range counts {
		err := func() error {
			defer s.updateLock.Lock("topic/" + topic)()
			_, err := s.db.Collection(topicTalliesColl).UpdateOne(ctx, bson.M{"_id": topic},
				bson.M{"$max": bson.M{"supports": n}}, options.UpdateOne().SetUpsert(true))
			return err
		}()
		if err != nil {
			return changed, db.Err("repair support tally", err)
		}
		changed++
	}
	supporters, err := db.FindAll[supporterTallyDoc](ctx, s.db.Collection(supporterTalliesColl), bson.M{})
	if err != nil {
		return changed, err
	}
	for _, d := range supporters {
		for _, t := range d.Topics {
			delete(bySupporter[d.ID], t)
		}
	}
	for user, topics := range bySupporter {
		if len(topics) == 0 {
			continue
		}
		missing := make([]string, 0, len(topics))
		for t := range topics {
			missing = append(missing, t)
		}
		if err := s.noteSupporter(ctx, domain.ID(user), missing); err != nil {
			return changed, err
		}
		changed++
	}
	return changed, nil
}
