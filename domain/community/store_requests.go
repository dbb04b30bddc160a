package community

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Community requests, their decisions, and the claim on a requested code.
const (
	requestsColl        = "community_requests"
	requestCodesColl    = "community_request_codes"     // _id is an address code: one waiting request each
	requestDecisionColl = "community_request_decisions" // _id is the request: the first decision wins
	requestSlotsColl    = "community_request_slots"     // _id is user/n, n < maxWaitingRequests: a person's waiting requests
)

type requestDoc struct {
	ID          domain.ID `bson:"_id"`
	StreetID    domain.ID `bson:"street_id"`
	Name        string    `bson:"name"`
	Kind        string    `bson:"kind"`
	Code        string    `bson:"code"`
	Note        string    `bson:"note"`
	RequestedBy domain.ID `bson:"requested_by"`
	Slot        string    `bson:"slot,omitempty"` // the requester's waiting slot, while waiting
	State       string    `bson:"state"`
	CommunityID domain.ID `bson:"community_id,omitempty"`
	Reason      string    `bson:"reason,omitempty"`
	DecidedBy   domain.ID `bson:"decided_by,omitempty"`
	DecidedAt   time.Time `bson:"decided_at,omitempty"`
	CreatedAt   time.Time `bson:"created_at"`
}

func toRequest(d requestDoc) CommunityRequest {
	return CommunityRequest{ID: d.ID, StreetID: d.StreetID, Name: d.Name, Kind: Kind(d.Kind), Code: d.Code, Note: d.Note,
		RequestedBy: d.RequestedBy, State: RequestState(d.State), CommunityID: d.CommunityID, Reason: d.Reason,
		DecidedBy: d.DecidedBy, DecidedAt: d.DecidedAt, CreatedAt: d.CreatedAt}
}

// requestDecisionDoc is the claim of a decision on a community request; it
// holds the whole decision, so that Repair can finish it.
type requestDecisionDoc struct {
	RequestID domain.ID `bson:"_id"`
	State     string    `bson:"state"`
	Reason    string    `bson:"reason,omitempty"`
	DecidedBy domain.ID `bson:"decided_by"`
	DecidedAt time.Time `bson:"decided_at"`
}

type requestCodeDoc struct {
	Code      string    `bson:"_id"`
	RequestID domain.ID `bson:"request_id"`
}

// claimRequestedCode claims an address code for a waiting request; won is
// false when another request for it waits.
func (s *Service) claimRequestedCode(ctx context.Context, code string, requestID domain.ID) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(requestCodesColl), requestCodeDoc{Code: code, RequestID: requestID})
}

type requestSlotDoc struct {
	ID        string    `bson:"_id"`
	RequestID domain.ID `bson:"request_id"`
}

// claimRequestSlot claims one of the user's waiting-request slots for
// requestID and returns its _id, or "" when all are taken.
func (s *Service) claimRequestSlot(ctx context.Context, userID, requestID domain.ID) (string, error) {
	for n := range maxWaitingRequests {
		id := fmt.Sprintf("%s/%d", userID, n)
		won, err := db.InsertOnce(ctx, s.db.Collection(requestSlotsColl), requestSlotDoc{ID: id, RequestID: requestID})
		if err != nil || won {
			return id, err
		}
	}
	return "", nil
}

// releaseRequestSlot frees a waiting-request slot ("" is none).
func (s *Service) releaseRequestSlot(ctx context.Context, slot string) error {
	if slot == "" {
		return nil
	}
	_, err := db.DeleteOne(ctx, s.db.Collection(requestSlotsColl), bson.M{"_id": slot})
	return err
}

// releaseRequestedCode lets a code be requested again.
func (s *Service) releaseRequestedCode(ctx context.Context, code string) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(requestCodesColl), bson.M{"_id": code})
	return err
}

// insertRequest stores a new community request.
func (s *Service) insertRequest(ctx context.Context, d requestDoc) error {
	return db.Insert(ctx, s.db.Collection(requestsColl), d)
}

// findRequest reads a community request. Errors: NotFound.
func (s *Service) findRequest(ctx context.Context, id domain.ID) (requestDoc, error) {
	return db.FindByIDOr[requestDoc](ctx, s.db.Collection(requestsColl), string(id), domain.ErrNotFound("开通申请", "community request"))
}

// findRequestsBy reads a user's community requests, newest first.
func (s *Service) findRequestsBy(ctx context.Context, userID domain.ID) ([]CommunityRequest, error) {
	docs, err := db.FindAll[requestDoc](ctx, s.db.Collection(requestsColl), bson.M{"requested_by": string(userID)})
	out := make([]CommunityRequest, len(docs))
	for i, d := range docs {
		out[len(docs)-1-i] = toRequest(d)
	}
	return out, err
}

// findRequestsIn reads every community request in a state.
func (s *Service) findRequestsIn(ctx context.Context, state RequestState) ([]requestDoc, error) {
	return db.FindAll[requestDoc](ctx, s.db.Collection(requestsColl), bson.M{"state": string(state)})
}

// listRequests reads a page of the community requests in a state (all when
// nil), in ID order. Errors: Invalid (page).
func (s *Service) listRequests(ctx context.Context, state *RequestState, page domain.Page) (domain.List[CommunityRequest], error) {
	filter := bson.M{}
	if state != nil {
		filter["state"] = string(*state)
	}
	docs, next, total, err := db.FindPage[requestDoc](ctx, s.db.Collection(requestsColl), filter, page)
	return list(docs, next, total, toRequest), err
}

// claimRequestDecision stores the decision on a request; won is false when
// another decision was stored first.
func (s *Service) claimRequestDecision(ctx context.Context, d requestDecisionDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(requestDecisionColl), d)
}

// findRequestDecisions reads the decisions claimed on the given requests.
func (s *Service) findRequestDecisions(ctx context.Context, ids []domain.ID) ([]requestDecisionDoc, error) {
	return db.FindAll[requestDecisionDoc](ctx, s.db.Collection(requestDecisionColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
}

// recordRequestDecision copies a decision's outcome onto its request.
func (s *Service) recordRequestDecision(ctx context.Context, d requestDoc) error {
	_, err := db.Update(ctx, s.db.Collection(requestsColl), bson.M{"_id": string(d.ID)}, bson.M{"$set": bson.M{
		"state": d.State, "community_id": string(d.CommunityID), "reason": d.Reason, "decided_by": string(d.DecidedBy), "decided_at": d.DecidedAt,
	}})
	return err
}
