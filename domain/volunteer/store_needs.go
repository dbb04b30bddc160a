package volunteer

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Needs and their occurrences. A need is stored after its occurrences, so
// a need found always has them; its state changes are conditional updates.

// insertNeed stores a need and its occurrences.
func (s *Service) insertNeed(ctx context.Context, d needDoc, occs []occurrenceDoc) error {
	if err := db.InsertMany(ctx, s.db.Collection(occurrencesColl), occs); err != nil {
		return err
	}
	return db.Insert(ctx, s.db.Collection(needsColl), d)
}

// findNeed reads a need. Errors: NotFound.
func (s *Service) findNeed(ctx context.Context, id domain.ID) (needDoc, error) {
	return db.FindByIDOr[needDoc](ctx, s.db.Collection(needsColl), string(id), errNeedNotFound)
}

// findNeedsByID reads the needs with the given IDs.
func (s *Service) findNeedsByID(ctx context.Context, ids []domain.ID) ([]needDoc, error) {
	return db.FindAll[needDoc](ctx, s.db.Collection(needsColl), bson.M{"_id": bson.M{"$in": ids}})
}

// setNeedState moves a need from one state to another with the reason and
// who decided.
func (s *Service) setNeedState(ctx context.Context, id domain.ID, from, to, reason string, by domain.ID) (bool, error) {
	set := bson.M{"state": to, "decided_by": by}
	if reason != "" {
		set["reason"] = reason
	}
	return db.Update(ctx, s.db.Collection(needsColl), bson.M{"_id": string(id), "state": from}, bson.M{"$set": set})
}

// approveNeedFor opens a pending need for the member helped.
func (s *Service) approveNeedFor(ctx context.Context, id, forID, by domain.ID) (bool, error) {
	return db.Update(ctx, s.db.Collection(needsColl), bson.M{"_id": string(id), "state": string(NeedPending)},
		bson.M{"$set": bson.M{"state": string(NeedOpen), "for": string(forID), "decided_by": by}})
}

// cancelOccurrences cancels a need's occurrences still open, and voids
// their claims, so no reminder, calendar entry or payment follows them.
// An occurrence under way keeps its claims: the work served is paid.
func (s *Service) cancelOccurrences(ctx context.Context, needID domain.ID) error {
	open := bson.M{"need_id": string(needID), "state": string(OccurrenceOpen)}
	ids, err := s.findOccurrenceIDs(ctx, open)
	if err != nil || len(ids) == 0 {
		return err
	}
	open["_id"] = bson.M{"$in": ids}
	if _, err := s.db.Collection(occurrencesColl).UpdateMany(ctx, open, bson.M{"$set": bson.M{"state": string(OccurrenceCancelled)}}); err != nil {
		return db.Err("cancel occurrences", err)
	}
	// Only occurrences this call cancelled: one checked in meanwhile runs on.
	cancelled, err := s.findOccurrenceIDs(ctx, bson.M{"_id": bson.M{"$in": ids}, "state": string(OccurrenceCancelled)})
	if err != nil {
		return err
	}
	_, err = s.db.Collection(claimsColl).UpdateMany(ctx,
		bson.M{"occurrence_id": bson.M{"$in": cancelled}, "state": string(Claimed)},
		bson.M{"$set": bson.M{"state": string(Void)}})
	return db.Err("void claims", err)
}

// findOccurrenceIDs reads the IDs of the occurrences a filter selects.
func (s *Service) findOccurrenceIDs(ctx context.Context, filter bson.M) (bson.A, error) {
	docs, err := db.FindAll[struct {
		ID domain.ID `bson:"_id"`
	}](ctx, s.db.Collection(occurrencesColl), filter, options.Find().SetProjection(bson.M{"_id": 1}))
	ids := make(bson.A, len(docs))
	for i, d := range docs {
		ids[i] = string(d.ID)
	}
	return ids, err
}

// findOccurrence reads an occurrence. Errors: NotFound.
func (s *Service) findOccurrence(ctx context.Context, id domain.ID) (occurrenceDoc, error) {
	return db.FindByIDOr[occurrenceDoc](ctx, s.db.Collection(occurrencesColl), string(id), errOccurNotFound)
}

// occurrenceAndNeed reads an occurrence and its need. Errors: NotFound.
func (s *Service) occurrenceAndNeed(ctx context.Context, id domain.ID) (occurrenceDoc, needDoc, error) {
	o, err := s.findOccurrence(ctx, id)
	if err != nil {
		return occurrenceDoc{}, needDoc{}, err
	}
	n, err := s.findNeed(ctx, o.NeedID)
	return o, n, err
}

// findOccurrencesOf reads a need's occurrences in time order.
func (s *Service) findOccurrencesOf(ctx context.Context, needID domain.ID) ([]occurrenceDoc, error) {
	return db.FindAll[occurrenceDoc](ctx, s.db.Collection(occurrencesColl), bson.M{"need_id": string(needID)},
		options.Find().SetSort(bson.D{{Key: "index", Value: 1}}))
}

// findOccurrencesBetween reads a community's occurrences starting in
// [from, to) in time order, in the given states (all when none).
func (s *Service) findOccurrencesBetween(ctx context.Context, communityID domain.ID, w window, states ...OccurrenceState) ([]occurrenceDoc, error) {
	filter := bson.M{"community_id": string(communityID), "start": bson.M{"$gte": w.from, "$lt": w.to}}
	if len(states) > 0 {
		in := bson.A{}
		for _, st := range states {
			in = append(in, string(st))
		}
		filter["state"] = bson.M{"$in": in}
	}
	return db.FindAll[occurrenceDoc](ctx, s.db.Collection(occurrencesColl), filter, options.Find().SetSort(bson.D{{Key: "start", Value: 1}, {Key: "_id", Value: 1}}))
}

// addOpenSlots changes an occurrence's count of open slots.
func (s *Service) addOpenSlots(ctx context.Context, id domain.ID, delta int) error {
	return db.UpdateByID(ctx, s.db.Collection(occurrencesColl), string(id), bson.M{"$inc": bson.M{"open_slots": delta}})
}

// setOccurrenceState moves an occurrence from one state to another; one in
// another state already is left as it is.
func (s *Service) setOccurrenceState(ctx context.Context, id domain.ID, from, to string) error {
	_, err := db.Update(ctx, s.db.Collection(occurrencesColl), bson.M{"_id": string(id), "state": from}, bson.M{"$set": bson.M{"state": to}})
	return err
}

// rateOccurrence stores a rating, once.
func (s *Service) rateOccurrence(ctx context.Context, id domain.ID, stars int, note string, by domain.ID) (bool, error) {
	return db.Update(ctx, s.db.Collection(occurrencesColl), bson.M{"_id": string(id), "rating": bson.M{"$exists": false}},
		bson.M{"$set": bson.M{"rating": stars, "rating_note": note, "rated_by": by}})
}

// findNeedPage reads one page of a community's needs and counts them.
func (s *Service) findNeedPage(ctx context.Context, communityID domain.ID, q needQuery, page domain.Page) ([]needDoc, bool, int, error) {
	filter := bson.M{"community_id": string(communityID)}
	var and bson.A
	if q.state != nil {
		filter["state"] = string(*q.state)
	}
	own := bson.A{bson.M{"posted_by": string(q.user)}, bson.M{"for": string(q.user)}}
	if q.mine {
		and = append(and, bson.M{"$or": own})
	}
	if !q.staff {
		seen := append(bson.A{bson.M{"state": bson.M{"$in": publicNeedStates}}}, own...)
		if len(q.grids) > 0 {
			grids := bson.A{}
			for _, g := range q.grids {
				grids = append(grids, string(g))
			}
			seen = append(seen, bson.M{"grid_id": bson.M{"$in": grids}})
		}
		and = append(and, bson.M{"$or": seen})
	}
	if len(and) > 0 {
		filter["$and"] = and
	}
	return db.FindPage[needDoc](ctx, s.db.Collection(needsColl), filter, page)
}

// findNeedsInState reads a community's needs in a state, oldest first.
func (s *Service) findNeedsInState(ctx context.Context, communityID domain.ID, st NeedState) ([]needDoc, error) {
	return db.FindAll[needDoc](ctx, s.db.Collection(needsColl), bson.M{"community_id": string(communityID), "state": string(st)},
		options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}

// findUnratedFor reads the done, unrated occurrences of needs a resident
// was helped by or posted.
func (s *Service) findUnratedFor(ctx context.Context, communityID, userID domain.ID) ([]occurrenceDoc, error) {
	type idOnly struct {
		ID domain.ID `bson:"_id"`
	}
	needs, err := db.FindAll[idOnly](ctx, s.db.Collection(needsColl), bson.M{"community_id": string(communityID),
		"$or": bson.A{bson.M{"for": string(userID)}, bson.M{"posted_by": string(userID)}}}, options.Find().SetProjection(bson.M{"_id": 1}))
	if err != nil || len(needs) == 0 {
		return nil, err
	}
	ids := make(bson.A, len(needs))
	for i, n := range needs {
		ids[i] = string(n.ID)
	}
	return db.FindAll[occurrenceDoc](ctx, s.db.Collection(occurrencesColl), bson.M{"need_id": bson.M{"$in": ids}, "state": string(OccurrenceDone),
		"rating": bson.M{"$exists": false}})
}

// findNeedsFromSource reads the needs a source posted, oldest first.
func (s *Service) findNeedsFromSource(ctx context.Context, communityID domain.ID, sourceRef string) ([]needDoc, error) {
	return db.FindAll[needDoc](ctx, s.db.Collection(needsColl), bson.M{"community_id": string(communityID), "source_ref": sourceRef},
		options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}

// findOccurrencesOfNeeds reads the occurrences of several needs in time
// order.
func (s *Service) findOccurrencesOfNeeds(ctx context.Context, needIDs []domain.ID) ([]occurrenceDoc, error) {
	return db.FindAll[occurrenceDoc](ctx, s.db.Collection(occurrencesColl), bson.M{"need_id": bson.M{"$in": needIDs}},
		options.Find().SetSort(bson.D{{Key: "need_id", Value: 1}, {Key: "index", Value: 1}}))
}
