package deliberation

import (
	"context"
	"errors"
	"regexp"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Topics, their supports and tallies, and their timeline (with the claims
// that make state changes happen once).

// insertTopic stores a new topic.
func (s *Service) insertTopic(ctx context.Context, d topicDoc) error {
	return db.Insert(ctx, s.db.Collection(topicsColl), d)
}

// findTopic reads a topic, whatever the actor. Errors: NotFound.
func (s *Service) findTopic(ctx context.Context, id domain.ID) (Topic, error) {
	d, err := db.FindByID[topicDoc](ctx, s.db.Collection(topicsColl), string(id))
	if db.IsNotFound(err) {
		return Topic{}, errTopicNotFound
	}
	return toTopic(d), err
}

// findTopicPage reads one page of a community's topics that pass f, in
// creation order. f.Search, trimmed and checked by the caller, matches part
// of the title.
func (s *Service) findTopicPage(ctx context.Context, communityID domain.ID, f TopicFilter, page domain.Page) (domain.List[Topic], error) {
	filter := bson.M{"community_id": string(communityID)}
	if f.State != nil {
		filter["state"] = string(*f.State)
	}
	if f.Category != nil {
		filter["category"] = string(*f.Category)
	}
	if f.GridID != nil {
		filter["grid_ids"] = string(*f.GridID)
	}
	if f.Search != "" {
		filter["title"] = bson.M{"$regex": regexp.QuoteMeta(f.Search)}
	}
	docs, next, total, err := db.FindPage[topicDoc](ctx, s.db.Collection(topicsColl), filter, page)
	l := domain.List[Topic]{HasNextPage: next, TotalCount: total, Items: make([]Topic, len(docs))}
	for i, d := range docs {
		l.Items[i] = toTopic(d)
	}
	return l, err
}

// findTopics reads the topics with the given ids, in no particular order.
func (s *Service) findTopics(ctx context.Context, ids []domain.ID) ([]Topic, error) {
	return s.findTopicsWhere(ctx, bson.M{"_id": bson.M{"$in": strs(ids)}})
}

// findCollectingTopics reads those of the given topics that are collecting.
func (s *Service) findCollectingTopics(ctx context.Context, ids []domain.ID) ([]Topic, error) {
	return s.findTopicsWhere(ctx, bson.M{"_id": bson.M{"$in": strs(ids)}, "state": string(Collecting)})
}

// findCommunityTopics reads those of the given topics that belong to a
// community, in no particular order.
func (s *Service) findCommunityTopics(ctx context.Context, communityID domain.ID, ids []domain.ID) ([]Topic, error) {
	return s.findTopicsWhere(ctx, bson.M{"_id": bson.M{"$in": strs(ids)}, "community_id": string(communityID)})
}

// findExpiredTopics reads the collecting topics whose support window ended
// at or before now.
func (s *Service) findExpiredTopics(ctx context.Context, now time.Time) ([]Topic, error) {
	return s.findTopicsWhere(ctx, bson.M{"state": string(Collecting), "deadline": bson.M{"$lte": now.UTC()}})
}

// findTopicsProposed reads a community's topics created from since until
// before until.
func (s *Service) findTopicsProposed(ctx context.Context, communityID domain.ID, since, until time.Time) ([]Topic, error) {
	return s.findTopicsWhere(ctx, bson.M{
		"community_id": string(communityID), "created_at": bson.M{"$gte": since.UTC(), "$lt": until.UTC()},
	})
}

// findTopicsInState reads a community's topics in a state.
func (s *Service) findTopicsInState(ctx context.Context, communityID domain.ID, st State) ([]Topic, error) {
	return s.findTopicsWhere(ctx, bson.M{"community_id": string(communityID), "state": string(st)})
}

func (s *Service) findTopicsWhere(ctx context.Context, filter bson.M) ([]Topic, error) {
	docs, err := db.FindAll[topicDoc](ctx, s.db.Collection(topicsColl), filter)
	if err != nil {
		return nil, err
	}
	out := make([]Topic, len(docs))
	for i, d := range docs {
		out[i] = toTopic(d)
	}
	return out, nil
}

// topicChange is what a change of state sets on a topic besides its state;
// empty fields stay as they are.
type topicChange struct {
	DecidedBody Body
	MergedInto  domain.ID
}

// setTopicState sets a topic's state, and what c names.
func (s *Service) setTopicState(ctx context.Context, id domain.ID, st State, c topicChange) error {
	set := bson.M{"state": string(st)}
	if c.DecidedBody != "" {
		set["decided_body"] = string(c.DecidedBody)
	}
	if c.MergedInto != "" {
		set["merged_into"] = string(c.MergedInto)
	}
	return db.UpdateByID(ctx, s.db.Collection(topicsColl), string(id), bson.M{"$set": set})
}

// insertSupport stores a support; won is false when the resident supports
// the topic already (the support's _id is topic/user).
func (s *Service) insertSupport(ctx context.Context, d supportDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(supportsColl), d)
}

// countSupports counts a topic's supports themselves (an index count).
func (s *Service) countSupports(ctx context.Context, topicID domain.ID) (int, error) {
	return db.Count(ctx, s.db.Collection(supportsColl), bson.M{"topic_id": string(topicID)})
}

// supporters lists the residents who support a topic.
func (s *Service) supporters(ctx context.Context, topicID domain.ID) ([]domain.ID, error) {
	docs, err := db.FindAll[supportDoc](ctx, s.db.Collection(supportsColl), bson.M{"topic_id": string(topicID)})
	if err != nil {
		return nil, err
	}
	out := make([]domain.ID, len(docs))
	for i, d := range docs {
		out[i] = d.UserID
	}
	return out, nil
}

// supportedTopics returns those of the topics that user supports, found by
// the supports' keys.
func (s *Service) supportedTopics(ctx context.Context, user domain.ID, among []domain.ID) ([]domain.ID, error) {
	keys := make([]string, len(among))
	for i, id := range among {
		keys[i] = supportID(id, user)
	}
	docs, err := db.FindAll[supportDoc](ctx, s.db.Collection(supportsColl), bson.M{"_id": bson.M{"$in": keys}})
	if err != nil {
		return nil, err
	}
	out := make([]domain.ID, len(docs))
	for i, d := range docs {
		out[i] = d.TopicID
	}
	return out, nil
}

// countSupportsByTopic reads every support once and counts them by topic.
func (s *Service) countSupportsByTopic(ctx context.Context) (map[domain.ID]int, error) {
	supports, err := db.FindAll[supportDoc](ctx, s.db.Collection(supportsColl), bson.M{})
	if err != nil {
		return nil, err
	}
	counts := map[domain.ID]int{} // topic → its supports
	for _, d := range supports {
		counts[d.TopicID]++
	}
	return counts, nil
}

// topic_tallies: _id the topic (tally.go says why).
const topicTalliesColl = "topic_tallies"

type topicTallyDoc struct {
	ID       domain.ID `bson:"_id"`
	Supports int       `bson:"supports"`
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
	d, err := db.FindByID[topicTallyDoc](ctx, s.db.Collection(topicTalliesColl), string(id))
	if db.IsNotFound(err) {
		return 0, nil
	}
	return d.Supports, err
}

// supportTallies returns the tallies of several topics in one query; a
// topic without one is left out.
func (s *Service) supportTallies(ctx context.Context, ids []domain.ID) (map[domain.ID]int, error) {
	docs, err := db.FindAll[topicTallyDoc](ctx, s.db.Collection(topicTalliesColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
	out := make(map[domain.ID]int, len(docs))
	for _, d := range docs {
		out[d.ID] = d.Supports
	}
	return out, err
}

// allSupportTallies returns every stored tally by topic.
func (s *Service) allSupportTallies(ctx context.Context) (map[domain.ID]int, error) {
	tallies, err := db.FindAll[topicTallyDoc](ctx, s.db.Collection(topicTalliesColl), bson.M{})
	if err != nil {
		return nil, err
	}
	stored := make(map[domain.ID]int, len(tallies))
	for _, t := range tallies {
		stored[t.ID] = t.Supports
	}
	return stored, nil
}

// insertTallies inserts tallies in one unordered batch and returns the
// topics whose tally already existed.
func (s *Service) insertTallies(ctx context.Context, docs []topicTallyDoc) ([]domain.ID, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	all := make([]any, len(docs))
	for i := range docs {
		all[i] = docs[i]
	}
	_, err := s.db.Collection(topicTalliesColl).InsertMany(ctx, all, options.InsertMany().SetOrdered(false))
	var bulk mongo.BulkWriteException
	if err == nil || !errors.As(err, &bulk) || bulk.WriteConcernError != nil {
		return nil, db.Err("insert tallies", err)
	}
	var existed []domain.ID
	for _, we := range bulk.WriteErrors {
		if we.Code != 11000 { // duplicate key
			return nil, db.Err("insert tallies", err)
		}
		existed = append(existed, docs[we.Index].ID)
	}
	return existed, nil
}

// raiseSupportTally raises a topic's tally to n supports, never lowering it.
func (s *Service) raiseSupportTally(ctx context.Context, topic domain.ID, n int) error {
	_, err := db.Update(ctx, s.db.Collection(topicTalliesColl), bson.M{"_id": topic}, bson.M{"$max": bson.M{"supports": n}})
	return err
}

// insertEvent records a timeline event; won is false when one with its _id
// exists already (the first insert wins).
func (s *Service) insertEvent(ctx context.Context, d eventDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(eventsColl), d)
}

// findEvent reads a timeline event by its _id. Errors: NotFound.
func (s *Service) findEvent(ctx context.Context, id string) (eventDoc, error) {
	return db.FindByID[eventDoc](ctx, s.db.Collection(eventsColl), id)
}

// insertClaim claims a state change (kind exit, decision or merge_pair);
// won is false when it was claimed before (the first insert wins).
func (s *Service) insertClaim(ctx context.Context, d eventDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(claimsColl), d)
}

// findClaim reads a claim by its _id. Errors: NotFound.
func (s *Service) findClaim(ctx context.Context, id string) (eventDoc, error) {
	return db.FindByID[eventDoc](ctx, s.db.Collection(claimsColl), id)
}

// deleteClaim removes a claim whose change did not happen.
func (s *Service) deleteClaim(ctx context.Context, id string) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(claimsColl), bson.M{"_id": id})
	return err
}

// findClaimsBefore reads the claims of a topic's exit from collecting and
// of its screening decision made at or before at.
func (s *Service) findClaimsBefore(ctx context.Context, at time.Time) ([]eventDoc, error) {
	return db.FindAll[eventDoc](ctx, s.db.Collection(claimsColl), bson.M{
		"at": bson.M{"$lte": at.UTC()}, "kind": bson.M{"$in": []string{"exit", "decision"}},
	})
}

// claimKinds are the kinds of claims, which older versions kept among the
// timeline's events.
var claimKinds = []string{"decision", "exit", "merge_pair"}

// moveClaimsOutOfTimeline moves claims that older versions stored among a
// topic's timeline events into the claims collection, and returns how many
// it moved.
func (s *Service) moveClaimsOutOfTimeline(ctx context.Context) (int, error) {
	old, err := db.FindAll[eventDoc](ctx, s.db.Collection(eventsColl), bson.M{"kind": bson.M{"$in": claimKinds}})
	if err != nil {
		return 0, err
	}
	for _, d := range old {
		if _, err := s.insertClaim(ctx, d); err != nil {
			return 0, err
		}
		if _, err := db.DeleteOne(ctx, s.db.Collection(eventsColl), bson.M{"_id": d.ID}); err != nil {
			return 0, err
		}
	}
	return len(old), nil
}

// findTimeline reads a topic's public events in no particular order.
func (s *Service) findTimeline(ctx context.Context, topicID domain.ID) ([]eventDoc, error) {
	return db.FindAll[eventDoc](ctx, s.db.Collection(eventsColl), bson.M{"topic_id": string(topicID)})
}

// findDecisionClaims reads every screening decision's claim, of all
// communities (for RecordMissing).
func (s *Service) findDecisionClaims(ctx context.Context) ([]eventDoc, error) {
	return db.FindAll[eventDoc](ctx, s.db.Collection(claimsColl), bson.M{"kind": "decision"})
}
