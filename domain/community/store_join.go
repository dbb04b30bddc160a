package community

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// claimOpenRequest claims a user's one pending request in a community for
// requestID and reports whether the claim won: false when another request
// of theirs is pending there.
func (s *Service) claimOpenRequest(ctx context.Context, communityID, userID, requestID domain.ID) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(joinOpenColl), joinOpenDoc{ID: MemberID(communityID, userID), RequestID: requestID})
}

// releaseOpenRequest gives up a user's claim on a pending request in a
// community (claimOpenRequest), so they may ask again.
func (s *Service) releaseOpenRequest(ctx context.Context, communityID, userID domain.ID) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(joinOpenColl), bson.M{"_id": string(MemberID(communityID, userID))})
	return err
}

// insertJoinRequest stores a new join request.
func (s *Service) insertJoinRequest(ctx context.Context, d joinDoc) error {
	return db.Insert(ctx, s.db.Collection(joinColl), d)
}

// findJoinRequest reads a join request. Errors: NotFound.
func (s *Service) findJoinRequest(ctx context.Context, id domain.ID) (JoinRequest, error) {
	d, err := db.FindByID[joinDoc](ctx, s.db.Collection(joinColl), string(id))
	if db.IsNotFound(err) {
		return JoinRequest{}, errRequestNotFound
	}
	return toJoinRequest(d), err
}

// findUserJoinRequests reads a user's join requests to all communities.
func (s *Service) findUserJoinRequests(ctx context.Context, userID domain.ID) ([]JoinRequest, error) {
	docs, err := db.FindAll[joinDoc](ctx, s.db.Collection(joinColl), bson.M{"user_id": string(userID)})
	if err != nil {
		return nil, err
	}
	out := make([]JoinRequest, len(docs))
	for i, d := range docs {
		out[i] = toJoinRequest(d)
	}
	return out, nil
}

// joinQuery selects among a community's join requests. Its zero value
// selects none: a grid worker with no grids sees no requests.
type joinQuery struct {
	State   *JoinState  // nil: in any state
	AnyGrid bool        // for any grid; false: only for InGrids
	InGrids []domain.ID // the grids when not AnyGrid
}

// listJoinRequests reads a page of the community's join requests that q
// selects, in ID order. Errors: Invalid (page).
func (s *Service) listJoinRequests(ctx context.Context, communityID domain.ID, q joinQuery, page domain.Page) (domain.List[JoinRequest], error) {
	filter := bson.M{"community_id": string(communityID)}
	if q.State != nil {
		filter["state"] = string(*q.State)
	}
	if !q.AnyGrid {
		filter["grid_id"] = bson.M{"$in": strs(q.InGrids)}
	}
	docs, next, total, err := db.FindPage[joinDoc](ctx, s.db.Collection(joinColl), filter, page)
	return list(docs, next, total, toJoinRequest), err
}

// claimDecision stores the decision on a request and reports whether it
// won: the decision's _id is the request's, so of racing deciders exactly
// one does.
func (s *Service) claimDecision(ctx context.Context, d joinDecisionDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(joinDecideColl), d)
}

// recordDecision copies a decision onto its request; a reason is stored
// only when given.
func (s *Service) recordDecision(ctx context.Context, d joinDecisionDoc) error {
	set := bson.M{"state": d.State, "decided_by": string(d.DecidedBy), "decided_at": d.DecidedAt}
	if d.Reason != "" {
		set["reason"] = d.Reason
	}
	_, err := db.Update(ctx, s.db.Collection(joinColl), bson.M{"_id": string(d.RequestID)}, bson.M{"$set": set})
	return err
}

// findDecisionsOf reads the decisions claimed on the given requests.
func (s *Service) findDecisionsOf(ctx context.Context, requestIDs []domain.ID) ([]joinDecisionDoc, error) {
	return db.FindAll[joinDecisionDoc](ctx, s.db.Collection(joinDecideColl), bson.M{"_id": bson.M{"$in": strs(requestIDs)}})
}

// findPendingRequests reads every pending join request, of all communities.
func (s *Service) findPendingRequests(ctx context.Context) ([]JoinRequest, error) {
	docs, err := db.FindAll[joinDoc](ctx, s.db.Collection(joinColl), bson.M{"state": string(JoinPending)})
	out := make([]JoinRequest, len(docs))
	for i, d := range docs {
		out[i] = toJoinRequest(d)
	}
	return out, err
}
