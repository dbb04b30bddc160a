package volunteer

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Claims, the waitlist and cancellations. A claim's _id is its slot and
// its holder key is the volunteer's on the occurrence, both unique: the
// first insert of either wins, so slots never overflow and no one holds
// two. A claim given up is deleted (conditional on its state) and kept in
// the cancellations.

// insertClaim stores a claim; false when its slot is taken or the
// volunteer holds one already.
func (s *Service) insertClaim(ctx context.Context, d claimDoc) (bool, error) {
	return db.InsertOnce(ctx, s.db.Collection(claimsColl), d)
}

// findClaim reads a claim. Errors: NotFound.
func (s *Service) findClaim(ctx context.Context, id domain.ID) (claimDoc, error) {
	return db.FindByIDOr[claimDoc](ctx, s.db.Collection(claimsColl), string(id), errClaimNotFound)
}

// findClaimByHolder reads the claim a volunteer holds on an occurrence.
// Errors: NotFound.
func (s *Service) findClaimByHolder(ctx context.Context, holder string) (claimDoc, error) {
	d, err := db.FindOne[claimDoc](ctx, s.db.Collection(claimsColl), bson.M{"holder": holder})
	if domain.ErrorCode(err) == domain.NotFound {
		return claimDoc{}, errClaimNotFound
	}
	return d, err
}

// findTakenSlots reads which slots of an occurrence are claimed.
func (s *Service) findTakenSlots(ctx context.Context, occurrenceID domain.ID) (map[int]bool, error) {
	type slotOnly struct {
		Slot int `bson:"slot"`
	}
	docs, err := db.FindAll[slotOnly](ctx, s.db.Collection(claimsColl), bson.M{"occurrence_id": string(occurrenceID)},
		options.Find().SetProjection(bson.M{"slot": 1}))
	taken := make(map[int]bool, len(docs))
	for _, d := range docs {
		taken[d.Slot] = true
	}
	return taken, err
}

// findClaimsOf reads an occurrence's claims by slot.
func (s *Service) findClaimsOf(ctx context.Context, occurrenceID domain.ID) ([]claimDoc, error) {
	return db.FindAll[claimDoc](ctx, s.db.Collection(claimsColl), bson.M{"occurrence_id": string(occurrenceID)},
		options.Find().SetSort(bson.D{{Key: "slot", Value: 1}}))
}

// findClaimsOfOccurrences reads the claims of several occurrences.
func (s *Service) findClaimsOfOccurrences(ctx context.Context, ids []domain.ID) ([]claimDoc, error) {
	return db.FindAll[claimDoc](ctx, s.db.Collection(claimsColl), bson.M{"occurrence_id": bson.M{"$in": ids}})
}

// findVolunteerClaims reads a volunteer's claims starting in a window, in
// time order.
func (s *Service) findVolunteerClaims(ctx context.Context, communityID, userID domain.ID, w window) ([]claimDoc, error) {
	return db.FindAll[claimDoc](ctx, s.db.Collection(claimsColl),
		bson.M{"community_id": string(communityID), "volunteer": string(userID), "start": bson.M{"$gte": w.from, "$lt": w.to}},
		options.Find().SetSort(bson.D{{Key: "start", Value: 1}}))
}

// findClaimsIn reads a community's claims starting in a window.
func (s *Service) findClaimsIn(ctx context.Context, communityID domain.ID, w window) ([]claimDoc, error) {
	return db.FindAll[claimDoc](ctx, s.db.Collection(claimsColl),
		bson.M{"community_id": string(communityID), "start": bson.M{"$gte": w.from, "$lt": w.to}})
}

// findClaimsInState reads a community's claims in a state.
func (s *Service) findClaimsInState(ctx context.Context, communityID domain.ID, states ...ClaimState) ([]claimDoc, error) {
	in := bson.A{}
	for _, st := range states {
		in = append(in, string(st))
	}
	return db.FindAll[claimDoc](ctx, s.db.Collection(claimsColl), bson.M{"community_id": string(communityID), "state": bson.M{"$in": in}},
		options.Find().SetSort(bson.D{{Key: "start", Value: 1}}))
}

// findEndedClaims reads a community's claims in a state that ended by
// now, in time order.
func (s *Service) findEndedClaims(ctx context.Context, communityID domain.ID, now time.Time, states ...ClaimState) ([]claimDoc, error) {
	in := bson.A{}
	for _, st := range states {
		in = append(in, string(st))
	}
	return db.FindAll[claimDoc](ctx, s.db.Collection(claimsColl), bson.M{"community_id": string(communityID), "state": bson.M{"$in": in},
		"end": bson.M{"$lte": now}}, options.Find().SetSort(bson.D{{Key: "start", Value: 1}}))
}

// hasClaimOn reports whether a volunteer holds a claim on any occurrence
// of a need, not voided by its cancellation.
func (s *Service) hasClaimOn(ctx context.Context, needID, userID domain.ID) (bool, error) {
	n, err := db.Count(ctx, s.db.Collection(claimsColl), bson.M{"need_id": string(needID), "volunteer": string(userID), "state": bson.M{"$ne": string(Void)}})
	return n > 0, err
}

// deleteClaim removes a claim still as it was read (the same holder, not
// checked in).
func (s *Service) deleteClaim(ctx context.Context, d claimDoc) (bool, error) {
	return db.DeleteOne(ctx, s.db.Collection(claimsColl), bson.M{"_id": string(d.ID), "holder": d.Holder, "state": string(Claimed)})
}

// claimSet holds when and by whom a claim's state changed.
type claimSet struct {
	At time.Time
	By domain.ID
}

// setClaimState moves a claim from one state to another.
func (s *Service) setClaimState(ctx context.Context, id domain.ID, from, to string, also claimSet) (bool, error) {
	set := bson.M{"state": to, "marked_by": also.By}
	switch ClaimState(to) {
	case CheckedIn:
		set["checked_in_at"] = also.At
	case CheckedOut:
		set["checked_out_at"] = also.At
	}
	return db.Update(ctx, s.db.Collection(claimsColl), bson.M{"_id": string(id), "state": from}, bson.M{"$set": set})
}

// setClaimDispute stores a no-show's dispute, once.
func (s *Service) setClaimDispute(ctx context.Context, id domain.ID, text string) (bool, error) {
	return db.Update(ctx, s.db.Collection(claimsColl), bson.M{"_id": string(id), "state": string(NoShow), "dispute": bson.M{"$exists": false}},
		bson.M{"$set": bson.M{"dispute": text}})
}

// confirmClaim marks a claim's hours confirmed, if it is still waiting
// for them (not a no-show, not voided).
func (s *Service) confirmClaim(ctx context.Context, id domain.ID, minutes int, by domain.ID, at time.Time) (bool, error) {
	return db.Update(ctx, s.db.Collection(claimsColl), bson.M{"_id": string(id),
		"state": bson.M{"$in": bson.A{string(Claimed), string(CheckedIn), string(CheckedOut)}}}, bson.M{"$set": bson.M{
		"state": string(Confirmed), "minutes": minutes, "confirmed_by": by, "confirmed_at": at}})
}

// countUnsettledClaims counts an occurrence's claims that still wait for
// check-in, check-out or confirmation.
func (s *Service) countUnsettledClaims(ctx context.Context, occurrenceID domain.ID) (int, error) {
	return db.Count(ctx, s.db.Collection(claimsColl), bson.M{"occurrence_id": string(occurrenceID),
		"state": bson.M{"$in": bson.A{string(Claimed), string(CheckedIn), string(CheckedOut)}}})
}

// insertWaiter puts a volunteer on a waitlist; false when already there.
func (s *Service) insertWaiter(ctx context.Context, d waiterDoc) (bool, error) {
	won, err := db.InsertOnce(ctx, s.db.Collection(waitlistColl), d)
	if err != nil || won {
		return won, err
	}
	// One who left the waitlist, or was promoted and gave the slot up, may wait again.
	return db.Update(ctx, s.db.Collection(waitlistColl), bson.M{"_id": d.ID, "state": bson.M{"$ne": waiting}},
		bson.M{"$set": bson.M{"state": waiting, "joined_at": d.JoinedAt}})
}

// findWaiters reads the first n volunteers waiting on an occurrence, in
// the order they joined.
func (s *Service) findWaiters(ctx context.Context, occurrenceID domain.ID, n int) ([]waiterDoc, error) {
	opts := options.Find().SetSort(bson.D{{Key: "joined_at", Value: 1}, {Key: "_id", Value: 1}})
	if n > 0 {
		opts.SetLimit(int64(n))
	}
	return db.FindAll[waiterDoc](ctx, s.db.Collection(waitlistColl), bson.M{"occurrence_id": string(occurrenceID), "state": waiting}, opts)
}

// setWaiterState moves a waitlist place from one state to another and
// reports whether it was in from.
func (s *Service) setWaiterState(ctx context.Context, id string, from, to string) (bool, error) {
	return db.Update(ctx, s.db.Collection(waitlistColl), bson.M{"_id": id, "state": from}, bson.M{"$set": bson.M{"state": to}})
}

// waitlistPosition is a waiter's place in line, from 1; 0 when not waiting.
func (s *Service) waitlistPosition(ctx context.Context, occurrenceID domain.ID, holder string) (int, error) {
	ws, err := s.findWaiters(ctx, occurrenceID, 0)
	for i, w := range ws {
		if w.ID == holder {
			return i + 1, err
		}
	}
	return 0, err
}

// insertCancellation keeps a claim given up.
func (s *Service) insertCancellation(ctx context.Context, d cancellationDoc) error {
	return db.Insert(ctx, s.db.Collection(cancellationsColl), d)
}

// findLateCancellations counts each volunteer's late cancellations in a
// community since a time.
func (s *Service) findLateCancellations(ctx context.Context, communityID domain.ID, since time.Time) (map[domain.ID]int, error) {
	docs, err := db.FindAll[cancellationDoc](ctx, s.db.Collection(cancellationsColl),
		bson.M{"claim.community_id": string(communityID), "late": true, "cancelled_at": bson.M{"$gte": since}})
	out := map[domain.ID]int{}
	for _, d := range docs {
		out[d.Claim.Volunteer]++
	}
	return out, err
}

// findClaimsOfVolunteer reads a volunteer's claims in every community that
// start from a time on, in time order.
func (s *Service) findClaimsOfVolunteer(ctx context.Context, userID domain.ID, from time.Time) ([]claimDoc, error) {
	return db.FindAll[claimDoc](ctx, s.db.Collection(claimsColl), bson.M{"volunteer": string(userID), "start": bson.M{"$gte": from}},
		options.Find().SetSort(bson.D{{Key: "start", Value: 1}}))
}

// invitationDoc records that a coordinator invited a volunteer to an
// occurrence.
type invitationDoc struct {
	ID           domain.ID `bson:"_id"` // occurrence/volunteer
	OccurrenceID domain.ID `bson:"occurrence_id"`
	Volunteer    domain.ID `bson:"volunteer"`
	By           domain.ID `bson:"by"`
	At           time.Time `bson:"at"`
}

// insertInvitation records an invitation once: false when the volunteer
// was invited to the occurrence before.
func (s *Service) insertInvitation(ctx context.Context, occurrenceID, volunteer, by domain.ID, at time.Time) (bool, error) {
	return db.InsertOnce(ctx, s.db.Collection(invitationsColl), invitationDoc{ID: domain.ID(holderOf(occurrenceID, volunteer)), OccurrenceID: occurrenceID,
		Volunteer: volunteer, By: by, At: at})
}

// findInvitations reads when each volunteer was invited to an occurrence.
func (s *Service) findInvitations(ctx context.Context, occurrenceID domain.ID) (map[domain.ID]time.Time, error) {
	docs, err := db.FindAll[invitationDoc](ctx, s.db.Collection(invitationsColl), bson.M{"occurrence_id": string(occurrenceID)})
	out := make(map[domain.ID]time.Time, len(docs))
	for _, d := range docs {
		out[d.Volunteer] = d.At
	}
	return out, err
}
