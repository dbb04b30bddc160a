package disclosure

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Disclosures: the summary document of each, which holds its slot.

// insertDisclosure stores a new disclosure; won is false when its slot
// (community, kind and period) is taken.
func (s *Service) insertDisclosure(ctx context.Context, d disclosureDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(disclosuresColl), d)
}

// findDisclosure reads a disclosure, whatever the actor. Errors: NotFound.
func (s *Service) findDisclosure(ctx context.Context, id domain.ID) (disclosureDoc, error) {
	return db.FindByIDOr[disclosureDoc](ctx, s.db.Collection(disclosuresColl), string(id), errDisclosureNotFound)
}

// findDisclosuresByID reads the disclosures with the given IDs, in no
// particular order.
func (s *Service) findDisclosuresByID(ctx context.Context, ids []domain.ID) ([]disclosureDoc, error) {
	return db.FindAll[disclosureDoc](ctx, s.db.Collection(disclosuresColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
}

// disclosureQuery narrows a community's disclosures as the store can.
type disclosureQuery struct {
	Kind        *Kind
	Period      *Period
	From, Until string // starts within [From, Until) when set
	// DraftKinds are the kinds whose unpublished disclosures are listed
	// too: those the viewer edits.
	DraftKinds []Kind
	State      *State
	Late       *bool
}

func (q disclosureQuery) filter(communityID domain.ID) bson.M {
	f := bson.M{"community_id": string(communityID)}
	if q.Kind != nil {
		f["kind"] = string(*q.Kind)
	}
	if q.Period != nil {
		f["period"] = string(*q.Period)
	}
	if q.From != "" || q.Until != "" {
		r := bson.M{}
		if q.From != "" {
			r["$gte"] = q.From
		}
		if q.Until != "" {
			r["$lt"] = q.Until
		}
		f["starts"] = r
	}
	switch {
	case len(q.DraftKinds) == 0:
		f["$or"] = bson.A{bson.M{"published": bson.M{"$gt": 0}}}
	case len(q.DraftKinds) < len(Kinds):
		f["$or"] = bson.A{bson.M{"published": bson.M{"$gt": 0}}, bson.M{"kind": bson.M{"$in": kindStrs(q.DraftKinds)}}}
	}
	if q.State != nil {
		switch *q.State {
		case Draft:
			f["published"] = 0
		case Published:
			f["published"], f["withdrawn"] = bson.M{"$gt": 0}, false
		case Withdrawn:
			f["withdrawn"] = true
		}
	}
	if q.Late != nil {
		f["published"] = bson.M{"$gt": 0}
		f["on_time"] = !*q.Late
	}
	return f
}

// findDisclosurePage reads one page of a community's disclosures, newest
// period first, and counts all that match: two commands. The cursor is a
// disclosure's order key.
func (s *Service) findDisclosurePage(ctx context.Context, communityID domain.ID, q disclosureQuery, page domain.Page) (docs []disclosureDoc, hasNext bool, total int, err error) {
	c := s.db.Collection(disclosuresColl)
	filter := q.filter(communityID)
	if total, err = db.Count(ctx, c, filter); err != nil {
		return nil, false, 0, err
	}
	if page.After != "" {
		filter["order"] = bson.M{"$lt": string(page.After)}
	}
	opts := options.Find().SetSort(bson.D{{Key: "order", Value: -1}}).SetLimit(int64(page.First) + 1)
	if docs, err = db.FindAll[disclosureDoc](ctx, c, filter, opts); err != nil {
		return nil, false, 0, err
	}
	if len(docs) > page.First {
		docs, hasNext = docs[:page.First], true
	}
	return docs, hasNext, total, nil
}

// findDisclosureHeads reads a community's disclosures of kind whose period
// starts on or after from, newest first.
func (s *Service) findDisclosureHeads(ctx context.Context, communityID domain.ID, kind Kind, from Date) ([]disclosureDoc, error) {
	return db.FindAll[disclosureDoc](ctx, s.db.Collection(disclosuresColl),
		bson.M{"community_id": string(communityID), "kind": string(kind), "starts": bson.M{"$gte": from.String()}},
		options.Find().SetSort(bson.D{{Key: "order", Value: -1}}))
}

// findUnpublished reads a community's disclosures with no published
// version.
func (s *Service) findUnpublished(ctx context.Context, communityID domain.ID) ([]disclosureDoc, error) {
	return db.FindAll[disclosureDoc](ctx, s.db.Collection(disclosuresColl), bson.M{"community_id": string(communityID), "published": 0})
}

// findPreviousFinance reads the community's published, not withdrawn
// finance disclosure whose period starts last before starts. Errors:
// NotFound (none).
func (s *Service) findPreviousFinance(ctx context.Context, communityID domain.ID, starts string) (disclosureDoc, error) {
	return db.FindOne[disclosureDoc](ctx, s.db.Collection(disclosuresColl),
		bson.M{"community_id": string(communityID), "kind": string(KindFinance), "starts": bson.M{"$lt": starts}, "published": bson.M{"$gt": 0}, "withdrawn": false},
		options.FindOne().SetSort(bson.D{{Key: "order", Value: -1}}))
}

// publishedChange is what publishing version Number sets on its
// disclosure.
type publishedChange struct {
	Number    int
	VersionID domain.ID
	At        time.Time
	Withdrawn bool
	OnTime    bool // for the first publication
}

// setPublished records on a disclosure that version c.Number is published,
// unless a later number already is (so the summary only moves forward).
// The first publication also sets when and whether on time.
func (s *Service) setPublished(ctx context.Context, id domain.ID, c publishedChange) error {
	set := bson.M{"published": c.Number, "current_version_id": string(c.VersionID), "published_at": c.At, "withdrawn": c.Withdrawn}
	if c.Number == 1 {
		set["first_published_at"], set["on_time"] = c.At, c.OnTime
	}
	_, err := db.Update(ctx, s.db.Collection(disclosuresColl), bson.M{"_id": string(id), "published": bson.M{"$lt": c.Number}}, bson.M{"$set": set})
	return err
}

// deleteUnpublishedDisclosure removes a disclosure that has no published
// version and reports whether it went.
func (s *Service) deleteUnpublishedDisclosure(ctx context.Context, id domain.ID) (bool, error) {
	return db.DeleteOne(ctx, s.db.Collection(disclosuresColl), bson.M{"_id": string(id), "published": 0})
}

// findStaleUnpublished reads the disclosures with no published version
// made before t, for the repair.
func (s *Service) findStaleUnpublished(ctx context.Context, t time.Time) ([]disclosureDoc, error) {
	return db.FindAll[disclosureDoc](ctx, s.db.Collection(disclosuresColl), bson.M{"published": 0, "created_at": bson.M{"$lt": t.UTC()}})
}

func kindStrs(kinds []Kind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

func strs(ids []domain.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}
