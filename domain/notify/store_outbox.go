package notify

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// claimKey records an item's dedupe key as queued, with a copy of the item
// unless its kind is secret; won is false when it was queued before (the
// first insert wins).
func (s *Service) claimKey(ctx context.Context, d outboxDoc) (won bool, err error) {
	k := keyDoc{ID: d.ID, At: d.CreatedAt}
	if !kinds[Kind(d.Kind)].Secret {
		k.Item = &d
	}
	return db.InsertOnce(ctx, s.db.Collection(keysColl), k)
}

// findKeysBetween reads the keys taken in [from, to).
func (s *Service) findKeysBetween(ctx context.Context, from, to time.Time) ([]keyDoc, error) {
	return db.FindAll[keyDoc](ctx, s.db.Collection(keysColl), bson.M{"at": bson.M{"$gte": from, "$lt": to}})
}

// queuedOrLogged returns which of the dedupe keys have an item in the
// queue or in the log.
func (s *Service) queuedOrLogged(ctx context.Context, keys []string) (map[string]bool, error) {
	in := bson.M{"$in": keys}
	queued, err := db.FindAll[keyDoc](ctx, s.db.Collection(outboxColl), bson.M{"_id": in}, options.Find().SetProjection(bson.M{"_id": 1}))
	if err != nil {
		return nil, err
	}
	logged, err := db.FindAll[outboxDoc](ctx, s.db.Collection(logColl), bson.M{"key": in}, options.Find().SetProjection(bson.M{"key": 1}))
	if err != nil {
		return nil, err
	}
	found := make(map[string]bool, len(queued)+len(logged))
	for _, d := range queued {
		found[d.ID] = true
	}
	for _, d := range logged {
		found[d.Key] = true
	}
	return found, nil
}

// releaseKey forgets a dedupe key, so its item can be queued again.
func (s *Service) releaseKey(ctx context.Context, key string) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(keysColl), bson.M{"_id": key})
	return err
}

// insertItem adds an item to the queue. Errors: Conflict (its key is
// queued).
func (s *Service) insertItem(ctx context.Context, d outboxDoc) error {
	return db.Insert(ctx, s.db.Collection(outboxColl), d)
}

// requeueItem puts a logged item back in the queue; won is false when it
// is queued already (the first insert wins).
func (s *Service) requeueItem(ctx context.Context, d outboxDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(outboxColl), d)
}

// findItemsAbout reads the queued items about a subject.
func (s *Service) findItemsAbout(ctx context.Context, subject string) ([]outboxDoc, error) {
	return db.FindAll[outboxDoc](ctx, s.db.Collection(outboxColl), bson.M{"subject": subject})
}

// findDue reads up to roundLimit items due at now, in (due_at, _id) order,
// from after the item after (nil: from the first).
func (s *Service) findDue(ctx context.Context, now time.Time, after *outboxDoc) ([]outboxDoc, error) {
	filter := bson.M{"due_at": bson.M{"$lte": now}}
	if after != nil {
		filter = bson.M{"$or": []bson.M{
			{"due_at": bson.M{"$gt": after.DueAt, "$lte": now}},
			{"due_at": after.DueAt, "_id": bson.M{"$gt": after.ID}},
		}}
	}
	opts := options.Find().SetSort(bson.D{{Key: "due_at", Value: 1}, {Key: "_id", Value: 1}}).SetLimit(roundLimit)
	return db.FindAll[outboxDoc](ctx, s.db.Collection(outboxColl), filter, opts)
}

// moveItem sets a queued item's send time, and its due time with it; an
// item gone meanwhile is no error.
func (s *Service) moveItem(ctx context.Context, id string, sendAt time.Time) error {
	_, err := db.Update(ctx, s.db.Collection(outboxColl), bson.M{"_id": id}, bson.M{"$set": bson.M{
		"send_at": sendAt, "due_at": sendAt,
	}})
	return err
}

// scheduleRetry records a failed attempt of a queued item and when it is
// due again; an item gone meanwhile is no error.
func (s *Service) scheduleRetry(ctx context.Context, id string, attempts int, lastError string, dueAt time.Time) error {
	set := bson.M{"attempts": attempts, "last_error": lastError, "due_at": dueAt}
	_, err := db.Update(ctx, s.db.Collection(outboxColl), bson.M{"_id": id}, bson.M{"$set": set})
	return err
}

// dequeueItems removes items from the queue.
func (s *Service) dequeueItems(ctx context.Context, ids []string) error {
	_, err := db.Delete(ctx, s.db.Collection(outboxColl), bson.M{"_id": bson.M{"$in": ids}})
	return err
}

// logItems stores finished items in the log, in order.
func (s *Service) logItems(ctx context.Context, docs []outboxDoc) error {
	return db.InsertMany(ctx, s.db.Collection(logColl), docs)
}

// findLogged reads a finished item. Errors: NotFound (db.IsNotFound tells
// it).
func (s *Service) findLogged(ctx context.Context, id domain.ID) (outboxDoc, error) {
	return db.FindByID[outboxDoc](ctx, s.db.Collection(logColl), string(id))
}

// unlogItem removes an item from the log.
func (s *Service) unlogItem(ctx context.Context, id string) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(logColl), bson.M{"_id": id})
	return err
}

// historyPage reads a page of a recipient's finished items.
func (s *Service) historyPage(ctx context.Context, recipientID domain.ID, page domain.Page) (docs []outboxDoc, hasNext bool, total int, err error) {
	return db.FindPage[outboxDoc](ctx, s.db.Collection(logColl), bson.M{"recipient_id": string(recipientID)}, page)
}

// failedPage reads a page of a community's items that failed for good.
func (s *Service) failedPage(ctx context.Context, communityID domain.ID, page domain.Page) (docs []outboxDoc, hasNext bool, total int, err error) {
	return db.FindPage[outboxDoc](ctx, s.db.Collection(logColl),
		bson.M{"community_id": string(communityID), "state": string(Failed)}, page)
}
