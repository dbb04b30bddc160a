package patrol

import (
	"context"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// Offer puts the actor's place on a shift that has not started up for a
// swap. Errors: Unauthenticated, NotFound, Conflict (started, or not
// assigned).
func (s *Service) Offer(ctx context.Context, positionID domain.ID) (Position, error) {
	p, a, err := s.ownPlaceAhead(ctx, positionID)
	if err != nil {
		return Position{}, err
	}
	ok, err := s.setPositionState(ctx, p.ID, []PositionState{Assigned}, Offered, nil)
	if err != nil || !ok {
		return Position{}, orConflict(err, domain.Errorf(domain.Conflict, "这个班次不能换班", "the place cannot be offered"))
	}
	s.logEvent(ctx, p.TeamID, a.UserID, EventOffer, p.ShiftID, "")
	p.State = string(Offered)
	return toPosition(p), nil
}

// SwapResult is what taking an offered place did: the swap took effect,
// or it waits for the captain because it breaks a constraint.
type SwapResult struct {
	Position Position
	Swapped  bool
	Pending  bool
	Reason   domain.Text // the constraint it breaks, when pending
}

// TakeOffer takes a place another member offers. When every hard
// constraint still holds the swap takes effect at once; otherwise it waits
// for the captain (DecideSwap), saying which constraint it breaks. Errors:
// Unauthenticated, Forbidden (not in the team), NotFound, Conflict (not
// offered, started, another request waits, or they are on the shift).
func (s *Service) TakeOffer(ctx context.Context, positionID domain.ID) (SwapResult, error) {
	p, err := s.findPosition(ctx, positionID)
	if err != nil {
		return SwapResult{}, err
	}
	a, err := domain.RequireUser(ctx)
	if err != nil {
		return SwapResult{}, err
	}
	if _, err := s.activeMember(ctx, p.TeamID, a.UserID); err != nil {
		return SwapResult{}, domain.Errorf(domain.Forbidden, "只有本队队员可以换班", "only the team's members swap")
	}
	if p.State != string(Offered) || p.UserID == a.UserID {
		return SwapResult{}, domain.Errorf(domain.Conflict, "这个班次没有在换班", "the place is not offered")
	}
	if !s.now().Before(p.Start) {
		return SwapResult{}, domain.Errorf(domain.Conflict, "班次已经开始", "the shift has started")
	}
	if err := s.fits(ctx, p, a.UserID); err != nil {
		e, ok := domain.AsError(err)
		if !ok || e.Code != domain.Invalid {
			return SwapResult{}, err
		}
		won, err := s.requestSwap(ctx, p, a.UserID, e.Message)
		if err != nil || !won {
			return SwapResult{}, orConflict(err, domain.Errorf(domain.Conflict, "已有人申请接这个班，等待队长决定", "another request waits for the captain"))
		}
		p.PendingTaker, p.PendingReason = a.UserID, e.Message
		return SwapResult{Position: toPosition(p), Pending: true, Reason: e.Message}, nil
	}
	from := p.UserID
	ok, err := s.movePosition(ctx, p, []PositionState{Offered}, Assigned, a.UserID)
	if err != nil || !ok {
		return SwapResult{}, orConflict(err, domain.Errorf(domain.Conflict, "这个班次已经换出去了", "the place was taken"))
	}
	s.logEvent(ctx, p.TeamID, a.UserID, EventSwap, p.ShiftID, string(from))
	p.UserID, p.State = a.UserID, string(Assigned)
	return SwapResult{Position: toPosition(p), Swapped: true}, nil
}

// DecideSwap approves a waiting swap, which then takes effect, or refuses
// it with a reason: the captain or the committee. Errors: Unauthenticated,
// Forbidden, NotFound, Invalid (reason), Conflict (no request waits, or
// the member who asked left the team).
func (s *Service) DecideSwap(ctx context.Context, positionID domain.ID, approve bool, reason string) (Position, error) {
	p, err := s.findPosition(ctx, positionID)
	if err != nil {
		return Position{}, err
	}
	if _, err := s.requireCaptain(ctx, p.TeamID); err != nil {
		return Position{}, err
	}
	if p.PendingTaker == "" || p.State != string(Offered) {
		return Position{}, domain.Errorf(domain.Conflict, "没有待批准的换班", "no swap waits")
	}
	actor := domain.ActorFromContext(ctx).UserID
	if !approve {
		if reason, err = text.Line("reason", domain.Text{ZH: "理由", EN: "reason"}, reason, 2, 200); err != nil {
			return Position{}, err
		}
		if err := s.clearSwap(ctx, p.ID); err != nil {
			return Position{}, err
		}
		s.logEvent(ctx, p.TeamID, actor, EventRefuse, p.ShiftID, reason)
		p.PendingTaker, p.PendingReason = "", domain.Text{}
		return toPosition(p), nil
	}
	taker := p.PendingTaker
	if _, err := s.activeMember(ctx, p.TeamID, taker); domain.ErrorCode(err) == domain.NotFound {
		return Position{}, domain.Errorf(domain.Conflict, "申请接班的队员已经退队", "the member who asked left the team")
	} else if err != nil {
		return Position{}, err
	}
	ok, err := s.movePosition(ctx, p, []PositionState{Offered}, Assigned, taker)
	if err != nil || !ok {
		return Position{}, orChanged(err)
	}
	if err := s.clearSwap(ctx, p.ID); err != nil {
		return Position{}, err
	}
	s.logEvent(ctx, p.TeamID, actor, EventSwap, p.ShiftID, "队长批准")
	p.UserID, p.State, p.PendingTaker, p.PendingReason = taker, string(Assigned), "", domain.Text{}
	return toPosition(p), nil
}
