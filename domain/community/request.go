package community

import (
	"context"
	"errors"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// RequestState is where a community request stands.
type RequestState string

// Community request states.
const (
	RequestPending  RequestState = "pending"
	RequestApproved RequestState = "approved"
	RequestRejected RequestState = "rejected"
)

// CommunityRequest asks the platform's operators to open a community, with
// the requester as its first admin.
type CommunityRequest struct {
	ID          domain.ID
	StreetID    domain.ID
	Name        string
	Kind        Kind
	Code        string
	Note        string // who the requester is, for the operator to check
	RequestedBy domain.ID
	State       RequestState
	CommunityID domain.ID // once approved
	Reason      string    // once rejected
	DecidedBy   domain.ID
	DecidedAt   time.Time
	CreatedAt   time.Time
}

// CommunityRequestInput describes the community asked for.
type CommunityRequestInput struct {
	StreetID domain.ID
	Name     string
	Kind     Kind
	Code     string
	Note     string
}

var errCodeRequested = domain.Errorf(domain.Conflict, "这个代码已有待审核的开通申请", "a request to open this code is already waiting")

// RequestCommunity asks the operators to open a community. One request per
// address code waits at a time, and at most 3 per person. Errors:
// Unauthenticated, Invalid, NotFound (street), Conflict (code taken, or
// requested already; 3 waiting).
func (s *Service) RequestCommunity(ctx context.Context, in CommunityRequestInput) (CommunityRequest, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return CommunityRequest{}, err
	}
	d, err := s.checkCommunity(ctx, CommunityInput{StreetID: in.StreetID, Name: in.Name, Kind: in.Kind, Code: in.Code})
	if err != nil {
		return CommunityRequest{}, err
	}
	note, err := text.Body("note", in.Note, 1, 500)
	if err != nil {
		return CommunityRequest{}, err
	}
	if _, err := s.CommunityByCode(ctx, d.Code); err == nil {
		return CommunityRequest{}, ErrCodeTaken
	}
	r := requestDoc{ID: domain.NewID(), StreetID: d.StreetID, Name: d.Name, Kind: d.Kind, Code: d.Code, Note: note,
		RequestedBy: actor.UserID, State: string(RequestPending), CreatedAt: s.now().UTC()}
	// One of the requester's few waiting slots, then the code: so nobody
	// fills the operators' queue.
	slot, err := s.claimRequestSlot(ctx, actor.UserID, r.ID)
	if err != nil {
		return CommunityRequest{}, err
	}
	if slot == "" {
		return CommunityRequest{}, errTooManyRequests
	}
	won, err := s.claimRequestedCode(ctx, d.Code, r.ID)
	if err != nil || !won {
		_ = s.releaseRequestSlot(ctx, slot)
		if err == nil {
			err = errCodeRequested
		}
		return CommunityRequest{}, err
	}
	r.Slot = slot
	if err := s.insertRequest(ctx, r); err != nil {
		_ = s.releaseRequestedCode(ctx, d.Code)
		_ = s.releaseRequestSlot(ctx, slot)
		return CommunityRequest{}, err
	}
	return toRequest(r), nil
}

// maxWaitingRequests is how many community requests one person may have
// waiting at a time.
const maxWaitingRequests = 3

var errTooManyRequests = domain.Errorf(domain.Conflict, "您已有 %d 个待审核的开通申请，请等待处理后再提交", "you have %d requests waiting; wait for an answer before sending more", maxWaitingRequests)

// CommunityRequest returns a community request to its requester and to
// the operators. Errors: NotFound (also for anyone else).
func (s *Service) CommunityRequest(ctx context.Context, id domain.ID) (CommunityRequest, error) {
	r, err := s.findRequest(ctx, id)
	if err != nil {
		return CommunityRequest{}, err
	}
	if r.RequestedBy != domain.ActorFromContext(ctx).UserID {
		if ok, err := s.IsOperator(ctx); err != nil || !ok {
			return CommunityRequest{}, domain.ErrNotFound("开通申请", "community request")
		}
	}
	return toRequest(r), nil
}

// MyCommunityRequests lists the actor's own community requests, newest
// first. Errors: Unauthenticated.
func (s *Service) MyCommunityRequests(ctx context.Context) ([]CommunityRequest, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	return s.findRequestsBy(ctx, actor.UserID)
}

// CommunityRequests lists the community requests in a state (all when
// nil), oldest first, for an operator. Errors: Unauthenticated, Forbidden,
// Invalid (page).
func (s *Service) CommunityRequests(ctx context.Context, state *RequestState, page domain.Page) (domain.List[CommunityRequest], error) {
	if err := s.requireOperator(ctx); err != nil {
		return domain.List[CommunityRequest]{}, err
	}
	return s.listRequests(ctx, state, page)
}

// ApproveCommunityRequest opens the community asked for, with the
// requester as its first admin, for an operator. Errors: Unauthenticated,
// Forbidden, NotFound, Conflict (decided already; code taken meanwhile).
func (s *Service) ApproveCommunityRequest(ctx context.Context, id domain.ID) (CommunityRequest, error) {
	return s.decideRequest(ctx, id, RequestApproved, "")
}

// RejectCommunityRequest turns a community request down with a reason the
// requester sees, for an operator. Errors: as ApproveCommunityRequest, and
// Invalid (reason: 1–200 runes).
func (s *Service) RejectCommunityRequest(ctx context.Context, id domain.ID, reason string) (CommunityRequest, error) {
	reason, err := text.Line("reason", domain.Text{ZH: "理由", EN: "reason"}, reason, 1, 200)
	if err != nil {
		return CommunityRequest{}, err
	}
	return s.decideRequest(ctx, id, RequestRejected, reason)
}

var errRequestDecided = domain.Errorf(domain.Conflict, "这个申请已经处理过了", "this request has been decided already")

// decideRequest claims the decision on a pending request (the first claim
// wins) and carries it out.
func (s *Service) decideRequest(ctx context.Context, id domain.ID, state RequestState, reason string) (CommunityRequest, error) {
	if err := s.requireOperator(ctx); err != nil {
		return CommunityRequest{}, err
	}
	r, err := s.findRequest(ctx, id)
	if err != nil {
		return CommunityRequest{}, err
	}
	if RequestState(r.State) != RequestPending {
		return toRequest(r), errRequestDecided
	}
	dec := requestDecisionDoc{RequestID: r.ID, State: string(state), Reason: reason, DecidedBy: domain.ActorFromContext(ctx).UserID, DecidedAt: s.now().UTC()}
	won, err := s.claimRequestDecision(ctx, dec)
	if err != nil {
		return toRequest(r), err
	}
	if !won {
		return toRequest(r), errRequestDecided
	}
	return s.finishRequest(ctx, r, dec)
}

// finishRequest carries out a claimed decision: an approval opens the
// community (or finds it, when repeated), the request records the outcome,
// and its code may be asked for again. Each step may be repeated, so
// Repair finishes a decision that a stop interrupted.
func (s *Service) finishRequest(ctx context.Context, r requestDoc, dec requestDecisionDoc) (CommunityRequest, error) {
	if RequestState(dec.State) == RequestApproved {
		c, err := s.createCommunity(domain.NewContextWithActor(ctx, domain.Actor{UserID: dec.DecidedBy}),
			communityDoc{ID: domain.NewID(), StreetID: r.StreetID, Name: r.Name, Kind: r.Kind, Code: r.Code, Settings: fromSettings(DefaultSettings())}, r.RequestedBy)
		if errors.Is(err, ErrCodeTaken) {
			c, err = s.CommunityByCode(ctx, r.Code)
			if err == nil && r.CommunityID == "" && !s.adminOf(ctx, c.ID, r.RequestedBy) {
				// Someone else opened the code meanwhile: the request fails.
				dec.State, dec.Reason = string(RequestRejected), "该代码已由他人开通"
			}
		}
		if err != nil {
			return toRequest(r), err
		}
		if RequestState(dec.State) == RequestApproved {
			r.CommunityID = c.ID
		}
	}
	r.State, r.Reason, r.DecidedBy, r.DecidedAt = dec.State, dec.Reason, dec.DecidedBy, dec.DecidedAt
	if err := s.recordRequestDecision(ctx, r); err != nil {
		return toRequest(r), err
	}
	if err := s.releaseRequestSlot(ctx, r.Slot); err != nil {
		return toRequest(r), err
	}
	return toRequest(r), s.releaseRequestedCode(ctx, r.Code)
}

// adminOf reports whether user holds the admin role in a community.
func (s *Service) adminOf(ctx context.Context, communityID, user domain.ID) bool {
	g, err := s.findGrant(ctx, roleDocID(communityID, user, domain.RoleAdmin, ""))
	return err == nil && g.UserID == user
}

// repairRequests finishes the community requests whose decision was
// claimed over a minute before now but not carried out, and returns how
// many it finished.
func (s *Service) repairRequests(ctx context.Context, now time.Time) (int, error) {
	state := RequestPending
	pending, err := s.findRequestsIn(ctx, state)
	if err != nil || len(pending) == 0 {
		return 0, err
	}
	byID := map[domain.ID]requestDoc{}
	ids := make([]domain.ID, len(pending))
	for i, r := range pending {
		byID[r.ID], ids[i] = r, r.ID
	}
	decisions, err := s.findRequestDecisions(ctx, ids)
	if err != nil {
		return 0, err
	}
	fixed := 0
	for _, dec := range decisions {
		if dec.DecidedAt.After(now.Add(-time.Minute)) {
			continue
		}
		if _, err := s.finishRequest(ctx, byID[dec.RequestID], dec); err != nil {
			return fixed, err
		}
		fixed++
	}
	return fixed, nil
}
