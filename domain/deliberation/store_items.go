package deliberation

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Action items (itemsColl, with the resolutions in store_resolutions.go).

type itemDoc struct {
	ID           domain.ID       `bson:"_id"`
	ResolutionID domain.ID       `bson:"resolution_id"`
	CommunityID  domain.ID       `bson:"community_id"`
	Title        string          `bson:"title"`
	OwnerID      domain.ID       `bson:"owner_id,omitempty"`
	OwnerParty   string          `bson:"owner_party,omitempty"`
	Due          time.Time       `bson:"due"`
	Weight       int             `bson:"weight"`
	Progress     int             `bson:"progress"`
	Updates      []itemUpdateDoc `bson:"updates"`
	Removed      bool            `bson:"removed,omitempty"` // withdrawn by the committee, on the record
}

type itemUpdateDoc struct {
	At       time.Time `bson:"at"`
	ByID     domain.ID `bson:"by_id"`
	Progress int       `bson:"progress"`
	Text     string    `bson:"text"`
	Link     string    `bson:"link,omitempty"`
}

func toItem(d itemDoc) ActionItem {
	it := ActionItem{ID: d.ID, ResolutionID: d.ResolutionID, Title: d.Title, OwnerID: d.OwnerID,
		OwnerParty: Party(d.OwnerParty), Due: d.Due, Weight: d.Weight, Progress: d.Progress, Removed: d.Removed}
	for _, u := range d.Updates {
		it.Updates = append(it.Updates, ItemUpdate(u))
	}
	return it
}

// insertItem stores a new action item.
func (s *Service) insertItem(ctx context.Context, d itemDoc) error {
	return db.Insert(ctx, s.db.Collection(itemsColl), d)
}

// findLiveItem reads an action item that was not removed. Errors: NotFound.
func (s *Service) findLiveItem(ctx context.Context, itemID domain.ID) (itemDoc, error) {
	d, err := db.FindOne[itemDoc](ctx, s.db.Collection(itemsColl), bson.M{"_id": string(itemID), "removed": bson.M{"$ne": true}})
	if db.IsNotFound(err) {
		return d, domain.ErrNotFound("事项", "action item")
	}
	return d, err
}

// findResolutionItems reads a resolution's action items that were not
// removed, in no particular order.
func (s *Service) findResolutionItems(ctx context.Context, resolutionID domain.ID) ([]itemDoc, error) {
	return db.FindAll[itemDoc](ctx, s.db.Collection(itemsColl), bson.M{"resolution_id": string(resolutionID), "removed": bson.M{"$ne": true}})
}

// findItemsOf reads the action items of several resolutions that were not
// removed, oldest first, in one query.
func (s *Service) findItemsOf(ctx context.Context, resolutionIDs []domain.ID) ([]itemDoc, error) {
	return db.FindAll[itemDoc](ctx, s.db.Collection(itemsColl), bson.M{"resolution_id": bson.M{"$in": strs(resolutionIDs)}, "removed": bson.M{"$ne": true}},
		options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}

// findRemovedItems reads a resolution's removed action items, oldest
// first.
func (s *Service) findRemovedItems(ctx context.Context, resolutionID domain.ID) ([]itemDoc, error) {
	return db.FindAll[itemDoc](ctx, s.db.Collection(itemsColl), bson.M{"resolution_id": string(resolutionID), "removed": true},
		options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}

// findUnfinishedItemsDue reads the unfinished action items, not removed,
// due from from on, that user may own: by name, or owned by one of the
// three parties (the caller checks the user's part in it).
func (s *Service) findUnfinishedItemsDue(ctx context.Context, userID domain.ID, from time.Time) ([]itemDoc, error) {
	return db.FindAll[itemDoc](ctx, s.db.Collection(itemsColl), bson.M{
		"$or":      []bson.M{{"owner_id": string(userID)}, {"owner_party": bson.M{"$in": []string{string(ResidentsCommittee), string(OwnersParty), string(PropertyParty)}}}},
		"progress": bson.M{"$lt": 100}, "due": bson.M{"$gte": from.UTC()}, "removed": bson.M{"$ne": true},
	})
}

// recordItemProgress sets an item's progress and adds u to its updates, in
// one update, and returns the item as it is then. The update is atomic on
// both stores: two owners updating at once both keep their update; an item
// removed meanwhile takes none. Errors: NotFound (removed).
func (s *Service) recordItemProgress(ctx context.Context, itemID domain.ID, u itemUpdateDoc) (itemDoc, error) {
	var d itemDoc
	err := s.db.Collection(itemsColl).FindOneAndUpdate(ctx, bson.M{"_id": itemID, "removed": bson.M{"$ne": true}},
		bson.M{"$push": bson.M{"updates": u}, "$set": bson.M{"progress": u.Progress}},
		options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&d)
	if db.IsNotFound(err) {
		return d, domain.ErrNotFound("事项", "action item")
	}
	return d, db.Err("update action item", err)
}

// itemChange is what a correction or removal sets on an action item; nil
// fields stay as they are.
type itemChange struct {
	Title   *string
	Due     *time.Time
	Weight  *int
	Removed bool
}

// recordItemChange applies c to an item that was not removed and adds note
// to its updates, in one atomic update. Errors: NotFound.
func (s *Service) recordItemChange(ctx context.Context, d itemDoc, c itemChange, note string) (ActionItem, error) {
	set := bson.M{}
	if c.Title != nil {
		set["title"] = *c.Title
	}
	if c.Due != nil {
		set["due"] = c.Due.UTC()
	}
	if c.Weight != nil {
		set["weight"] = *c.Weight
	}
	if c.Removed {
		set["removed"] = true
	}
	u := itemUpdateDoc{At: s.now().UTC(), ByID: domain.ActorFromContext(ctx).UserID, Progress: d.Progress, Text: note}
	err := s.db.Collection(itemsColl).FindOneAndUpdate(ctx, bson.M{"_id": d.ID, "removed": bson.M{"$ne": true}},
		bson.M{"$set": set, "$push": bson.M{"updates": u}},
		options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&d)
	if db.IsNotFound(err) {
		return ActionItem{}, domain.ErrNotFound("事项", "action item")
	}
	if err != nil {
		return ActionItem{}, db.Err("correct action item", err)
	}
	return toItem(d), nil
}
