package community

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/text"
)

// JoinInput is a request to join a community, living in a grid and
// optionally a micro-grid of it.
type JoinInput struct {
	CommunityID domain.ID
	GridID      domain.ID
	MicroGridID domain.ID
	Message     string
}

// RequestToJoin asks to become a resident. A user has at most one pending
// request per community. Errors: Unauthenticated, NotFound (community),
// Invalid (grid, micro-grid, message), Conflict (already a member or
// already pending).
func (s *Service) RequestToJoin(ctx context.Context, in JoinInput) (JoinRequest, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return JoinRequest{}, err
	}
	c, err := s.Community(ctx, in.CommunityID)
	if err != nil {
		return JoinRequest{}, err
	}
	msg := text.Clean(in.Message)
	if msg != "" {
		if msg, err = text.Line("message", domain.Text{ZH: "留言", EN: "message"}, msg, 1, 200); err != nil {
			return JoinRequest{}, err
		}
	}
	if err := s.placeIn(ctx, c.ID, in.GridID, in.MicroGridID); err != nil {
		return JoinRequest{}, err
	}
	if _, err := s.findMember(ctx, c.ID, actor.UserID); err == nil {
		return JoinRequest{}, ErrAlreadyMember
	} else if domain.ErrorCode(err) != domain.NotFound {
		return JoinRequest{}, err
	}
	d := joinDoc{
		ID: domain.NewID(), CommunityID: c.ID, UserID: actor.UserID,
		GridID: in.GridID, MicroGridID: in.MicroGridID, Message: msg,
		State: string(JoinPending), CreatedAt: s.now().UTC(),
	}
	// The claim on the user's one pending request comes first: of concurrent
	// requests exactly one wins it. A request that then fails to store gives
	// the claim back.
	won, err := s.claimOpenRequest(ctx, c.ID, actor.UserID, d.ID)
	if err != nil {
		return JoinRequest{}, err
	}
	if !won {
		return JoinRequest{}, ErrRequestOpen
	}
	if err := s.insertJoinRequest(ctx, d); err != nil {
		_ = s.releaseOpenRequest(ctx, c.ID, actor.UserID)
		return JoinRequest{}, err
	}
	return toJoinRequest(d), nil
}

// JoinRequest returns a join request to its requester and to those who may
// decide it. Errors: NotFound (also when the actor may not see it).
func (s *Service) JoinRequest(ctx context.Context, id domain.ID) (JoinRequest, error) {
	r, err := s.findJoinRequest(ctx, id)
	if err != nil {
		return r, err
	}
	if domain.ActorFromContext(ctx).UserID == r.UserID {
		return r, nil
	}
	a, err := s.AccessOf(ctx, r.CommunityID)
	if err != nil {
		return r, err
	}
	if !a.Manager() && !a.WorksFor(r.GridID) {
		return JoinRequest{}, errRequestNotFound
	}
	return r, nil
}

// JoinFilter narrows a list of join requests.
type JoinFilter struct {
	State *JoinState
}

// JoinRequests lists a community's join requests: all of them for the
// committee and admins, those for their grids for grid workers.
// Errors: Unauthenticated, Forbidden, Invalid (page, state).
func (s *Service) JoinRequests(ctx context.Context, communityID domain.ID, f JoinFilter, page domain.Page) (domain.List[JoinRequest], error) {
	a, err := s.require(ctx, communityID, func(a Access) bool { return a.Manager() || a.Has(domain.RoleGridWorker) })
	if err != nil {
		return domain.List[JoinRequest]{}, err
	}
	if f.State != nil && *f.State != JoinPending && *f.State != JoinApproved && *f.State != JoinRejected {
		return domain.List[JoinRequest]{}, domain.InvalidField("state", "未知的申请状态", "unknown request state")
	}
	q := joinQuery{State: f.State, AnyGrid: a.Manager()}
	if !q.AnyGrid {
		for g := range a.workerGrids {
			q.InGrids = append(q.InGrids, g)
		}
	}
	return s.listJoinRequests(ctx, communityID, q, page)
}

// MyJoinRequests lists the actor's own join requests.
// Errors: Unauthenticated.
func (s *Service) MyJoinRequests(ctx context.Context) ([]JoinRequest, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	return s.findUserJoinRequests(ctx, actor.UserID)
}

// ApproveJoinRequest makes the requester a resident of the grid they chose.
// The committee, admins and the grid worker of that grid may decide.
// Errors: Unauthenticated, NotFound (also for another community's request),
// Forbidden, Conflict (already decided).
func (s *Service) ApproveJoinRequest(ctx context.Context, id domain.ID) (JoinRequest, error) {
	return s.decide(ctx, id, JoinApproved, "")
}

// RejectJoinRequest turns a request down with a reason the requester sees.
// Errors: as ApproveJoinRequest, and Invalid (reason: 1–200 runes).
func (s *Service) RejectJoinRequest(ctx context.Context, id domain.ID, reason string) (JoinRequest, error) {
	reason, err := text.Line("reason", domain.Text{ZH: "理由", EN: "reason"}, reason, 1, 200)
	if err != nil {
		return JoinRequest{}, err
	}
	return s.decide(ctx, id, JoinRejected, reason)
}

// decide records the decision on a pending request. The decision document's
// _id is the request's, so of racing deciders exactly one wins.
func (s *Service) decide(ctx context.Context, id domain.ID, state JoinState, reason string) (JoinRequest, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return JoinRequest{}, err
	}
	r, err := s.findJoinRequest(ctx, id)
	if err != nil {
		return r, err
	}
	a, err := s.AccessOf(ctx, r.CommunityID)
	if err != nil {
		return r, err
	}
	switch {
	case !a.Member():
		return JoinRequest{}, errRequestNotFound
	case !a.Manager() && !a.WorksFor(r.GridID):
		return JoinRequest{}, domain.ErrForbidden
	case r.State != JoinPending:
		return r, ErrAlreadyDecided
	}
	dec := joinDecisionDoc{RequestID: r.ID, State: string(state), Reason: reason, DecidedBy: actor.UserID, DecidedAt: s.now().UTC()}
	won, err := s.claimDecision(ctx, dec)
	if err != nil {
		return r, err
	}
	if !won {
		return r, ErrAlreadyDecided
	}
	return s.finishDecision(ctx, r, dec)
}

// finishDecision carries out a claimed decision: it records it on the
// request, frees the requester to ask again, makes an approved requester a
// resident and tells them. Each step may be repeated, so Repair finishes a
// decision that a stop interrupted by running it again.
func (s *Service) finishDecision(ctx context.Context, r JoinRequest, dec joinDecisionDoc) (JoinRequest, error) {
	if err := s.recordDecision(ctx, dec); err != nil {
		return r, err
	}
	if err := s.releaseOpenRequest(ctx, r.CommunityID, r.UserID); err != nil {
		return r, err
	}
	r.State, r.DecidedBy, r.DecidedAt, r.Reason = JoinState(dec.State), dec.DecidedBy, dec.DecidedAt, dec.Reason
	if r.State == JoinApproved {
		err := s.insertMember(ctx, memberDoc{
			CommunityID: r.CommunityID, UserID: r.UserID, GridID: r.GridID,
			MicroGridID: r.MicroGridID, JoinedAt: r.DecidedAt,
		})
		if err != nil && err != ErrAlreadyMember {
			return r, err
		}
		if err := s.grantAs(ctx, r.CommunityID, r.UserID, domain.RoleResident, "", dec.DecidedBy); err != nil {
			return r, err
		}
		if err := s.syncMemberRoles(ctx, r.CommunityID, r.UserID); err != nil {
			return r, err
		}
	}
	s.notifyDecision(ctx, r)
	return r, nil
}

// RepairJoinDecisions finishes the decisions on join requests that were
// claimed over a minute before now but not carried out (a stop between
// the claim and the request's update), and returns how many it finished.
func (s *Service) RepairJoinDecisions(ctx context.Context, now time.Time) (int, error) {
	pending, err := s.findPendingRequests(ctx)
	if err != nil || len(pending) == 0 {
		return 0, err
	}
	byID := make(map[domain.ID]JoinRequest, len(pending))
	ids := make([]domain.ID, len(pending))
	for i, r := range pending {
		byID[r.ID], ids[i] = r, r.ID
	}
	decisions, err := s.findDecisionsOf(ctx, ids)
	if err != nil {
		return 0, err
	}
	fixed := 0
	for _, dec := range decisions {
		if dec.DecidedAt.After(now.Add(-time.Minute)) {
			continue // perhaps still being carried out
		}
		if _, err := s.finishDecision(ctx, byID[dec.RequestID], dec); err != nil {
			return fixed, err
		}
		fixed++
	}
	return fixed, nil
}

// notifyDecision queues the mail telling the requester the outcome. A
// failure to queue is logged: the decision stands either way.
func (s *Service) notifyDecision(ctx context.Context, r JoinRequest) {
	if s.notifier == nil {
		return
	}
	c, err := s.Community(ctx, r.CommunityID)
	if err == nil {
		err = s.notifier.Enqueue(ctx, notify.Item{
			Kind: notify.KindJoinDecided, CommunityID: c.ID, RecipientID: r.UserID, Subject: "join:" + string(r.ID),
			Zone: c.Settings.TimeZone, SendAt: r.DecidedAt,
			Data: map[string]string{"community": c.Name, "state": string(r.State), "reason": r.Reason, "link": s.baseURL + "/"},
		})
	}
	if err != nil {
		s.log.ErrorContext(ctx, "queue join decision mail", "request", r.ID, "err", err)
	}
}
