package deliberation

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// findLiveItem reads an action item that was not removed. Errors: NotFound.
func (s *Service) findLiveItem(ctx context.Context, itemID domain.ID) (itemDoc, error) {
	var d itemDoc
	err := s.db.Collection(itemsColl).FindOne(ctx, bson.M{"_id": string(itemID), "removed": bson.M{"$ne": true}}).Decode(&d)
	if db.IsNotFound(err) {
		return d, domain.ErrNotFound("事项", "action item")
	}
	return d, db.Err("find action item", err)
}

// recordItemChange applies set to an item and adds note to its updates, in
// one atomic update.
func (s *Service) recordItemChange(ctx context.Context, d itemDoc, set bson.M, note string) (ActionItem, error) {
	u := itemUpdateDoc{At: s.now().UTC(), ByID: string(domain.ActorFromContext(ctx).UserID), Progress: d.Progress, Text: note}
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
