package disclosure

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Versions. Every change of a version's document names state: draft in
// its filter, so a published version is never changed or removed.

// insertItems stores a list of finance items unless it is stored already
// (its _id is its hash).
func (s *Service) insertItems(ctx context.Context, items *itemsDoc) error {
	if items == nil {
		return nil
	}
	_, err := db.InsertOnce(ctx, s.db.Collection(itemsColl), items)
	return err
}

// insertVersion stores a new version after its items; won is false when
// its number is taken for its disclosure (the unique (disclosure_id,
// number) index).
func (s *Service) insertVersion(ctx context.Context, d versionDoc, items *itemsDoc) (won bool, err error) {
	if err := s.insertItems(ctx, items); err != nil {
		return false, err
	}
	return db.InsertOnce(ctx, s.db.Collection(versionsColl), d)
}

// findVersion reads a version's document (its items are apart), whatever
// the actor. Errors: NotFound.
func (s *Service) findVersion(ctx context.Context, id domain.ID) (versionDoc, error) {
	return db.FindByIDOr[versionDoc](ctx, s.db.Collection(versionsColl), string(id), errVersionNotFound)
}

// withItems returns the version of d with its finance items: one more
// read for a finance version.
func (s *Service) withItems(ctx context.Context, d versionDoc) (Version, error) {
	if d.Finance == nil || d.Finance.ItemCount == 0 {
		v := toFullVersion(d, nil)
		return v, nil
	}
	items, err := db.FindByID[itemsDoc](ctx, s.db.Collection(itemsColl), d.Finance.ItemsID)
	if err != nil {
		return Version{}, fmt.Errorf("items of version %s: %w", d.ID, err)
	}
	return toFullVersion(d, items.Items), nil
}

// findVersionHeads reads a disclosure's versions, in number order.
func (s *Service) findVersionHeads(ctx context.Context, disclosureID domain.ID) ([]versionDoc, error) {
	return db.FindAll[versionDoc](ctx, s.db.Collection(versionsColl), bson.M{"disclosure_id": string(disclosureID)},
		options.Find().SetSort(bson.D{{Key: "number", Value: 1}}))
}

// findVersionHeadsByID reads the versions with the given IDs, in no
// particular order.
func (s *Service) findVersionHeadsByID(ctx context.Context, ids []domain.ID) ([]versionDoc, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return db.FindAll[versionDoc](ctx, s.db.Collection(versionsColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
}

// findLatestVersion reads a disclosure's highest-numbered version.
// Errors: NotFound.
func (s *Service) findLatestVersion(ctx context.Context, disclosureID domain.ID) (versionDoc, error) {
	d, err := db.FindOne[versionDoc](ctx, s.db.Collection(versionsColl), bson.M{"disclosure_id": string(disclosureID)},
		options.FindOne().SetSort(bson.D{{Key: "number", Value: -1}}))
	if db.IsNotFound(err) {
		return d, errVersionNotFound
	}
	return d, err
}

// findDraftHeads reads a community's draft versions.
func (s *Service) findDraftHeads(ctx context.Context, communityID domain.ID) ([]versionDoc, error) {
	return db.FindAll[versionDoc](ctx, s.db.Collection(versionsColl), bson.M{"community_id": string(communityID), "state": string(VersionDraft)})
}

// setDraftContent replaces a draft's content (and reason, for a correction
// or withdrawal), moves its revision on and reports whether it was still a
// draft. New items are stored first; the draft then points at them.
func (s *Service) setDraftContent(ctx context.Context, id domain.ID, c contentDoc, items *itemsDoc, reason string, at time.Time) (bool, error) {
	if err := s.insertItems(ctx, items); err != nil {
		return false, err
	}
	set := bson.M{"title": c.Title, "body": c.Body, "power": c.Power, "finance": c.Finance, "attachments": c.Attachments, "updated_at": at}
	if reason != "" {
		set["reason"] = reason
	}
	return db.Update(ctx, s.db.Collection(versionsColl), bson.M{"_id": string(id), "state": string(VersionDraft)},
		bson.M{"$set": set, "$inc": bson.M{"rev": 1}})
}

// publishDraft publishes a draft as it stood at revision rev, sealed with
// the hash of that content, and reports whether it was still that draft:
// an edit in between changes the revision, and the publication fails.
func (s *Service) publishDraft(ctx context.Context, id domain.ID, rev int, by domain.ID, role string, at time.Time, hash string) (bool, error) {
	return db.Update(ctx, s.db.Collection(versionsColl), bson.M{"_id": string(id), "state": string(VersionDraft), "rev": rev}, bson.M{"$set": bson.M{
		"state": string(VersionPublished), "published_by": string(by), "published_role": role, "published_at": at, "content_hash": hash,
	}})
}

// deleteDraft removes a draft and reports whether it was one.
func (s *Service) deleteDraft(ctx context.Context, id domain.ID) (bool, error) {
	return db.DeleteOne(ctx, s.db.Collection(versionsColl), bson.M{"_id": string(id), "state": string(VersionDraft)})
}

// versionRef is the little of a version the repair needs.
type versionRef struct {
	ID           domain.ID `bson:"_id"`
	DisclosureID domain.ID `bson:"disclosure_id"`
	CommunityID  domain.ID `bson:"community_id"`
	Number       int       `bson:"number"`
	Type         string    `bson:"type"`
	State        string    `bson:"state"`
	PublishedAt  time.Time `bson:"published_at"`
}

var refFields = bson.M{"disclosure_id": 1, "community_id": 1, "number": 1, "type": 1, "state": 1, "published_at": 1}

// findPublishedRefs reads a reference to every published version.
func (s *Service) findPublishedRefs(ctx context.Context) ([]versionRef, error) {
	return db.FindAll[versionRef](ctx, s.db.Collection(versionsColl), bson.M{"state": string(VersionPublished)},
		options.Find().SetProjection(refFields))
}

// findVersionRefsOf reads a reference to every version of the given
// disclosures.
func (s *Service) findVersionRefsOf(ctx context.Context, disclosureIDs []domain.ID) ([]versionRef, error) {
	return db.FindAll[versionRef](ctx, s.db.Collection(versionsColl), bson.M{"disclosure_id": bson.M{"$in": strs(disclosureIDs)}},
		options.Find().SetProjection(refFields))
}

// findVersionsWithItems reads versions in full, with their finance items,
// in two queries: the versions, then their item lists.
func (s *Service) findVersionsWithItems(ctx context.Context, ids []domain.ID) ([]Version, error) {
	docs, err := db.FindAll[versionDoc](ctx, s.db.Collection(versionsColl), bson.M{"_id": bson.M{"$in": ids}})
	if err != nil {
		return nil, err
	}
	var itemIDs []string
	for _, d := range docs {
		if d.Finance != nil && d.Finance.ItemCount > 0 {
			itemIDs = append(itemIDs, d.Finance.ItemsID)
		}
	}
	lists, err := db.FindAll[itemsDoc](ctx, s.db.Collection(itemsColl), bson.M{"_id": bson.M{"$in": itemIDs}})
	if err != nil {
		return nil, err
	}
	byID := make(map[string][]itemDoc, len(lists))
	for _, l := range lists {
		byID[l.ID] = l.Items
	}
	out := make([]Version, len(docs))
	for i, d := range docs {
		var items []itemDoc
		if d.Finance != nil {
			items = byID[d.Finance.ItemsID]
		}
		out[i] = toFullVersion(d, items)
	}
	return out, nil
}
