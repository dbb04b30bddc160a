package volunteer

import (
	"context"
	"crypto/subtle"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// CheckWindow is how long before the start one may check in, and after
// the end check out.
const CheckWindow = time.Hour

// CheckIn records that a volunteer arrived. The volunteer does it by
// scanning the place's QR code (code is its check-in code); a coordinator
// or a grid worker of the need's grid does it for them with code empty.
// It opens an hour before the start and closes an hour after the end.
// Errors: Unauthenticated, Forbidden, NotFound, Invalid (code), Conflict
// (checked in already, outside the window, or the task cancelled).
func (s *Service) CheckIn(ctx context.Context, claimID domain.ID, code string) (Claim, error) {
	return s.check(ctx, claimID, code, Claimed, CheckedIn)
}

// CheckOut records that a volunteer left, the same ways as CheckIn.
// Errors: as CheckIn's; Conflict also when not checked in.
func (s *Service) CheckOut(ctx context.Context, claimID domain.ID, code string) (Claim, error) {
	return s.check(ctx, claimID, code, CheckedIn, CheckedOut)
}

func (s *Service) check(ctx context.Context, id domain.ID, code string, from, to ClaimState) (Claim, error) {
	d, err := s.findClaim(ctx, id)
	if err != nil {
		return Claim{}, err
	}
	a, err := s.requireMember(ctx, d.CommunityID)
	if err != nil {
		return Claim{}, err
	}
	n, err := s.findNeed(ctx, d.NeedID)
	if err != nil {
		return Claim{}, err
	}
	switch {
	case code != "":
		if a.UserID != d.Volunteer {
			return Claim{}, errClaimNotFound
		}
		got := strings.ToUpper(strings.TrimSpace(code))
		if subtle.ConstantTimeCompare([]byte(got), []byte(n.CheckInCode)) != 1 {
			return Claim{}, domain.InvalidField("code", "二维码不是这次服务地点的", "the code is not this place's")
		}
	case a.coordinator() || a.WorksFor(n.GridID):
	default:
		return Claim{}, domain.Errorf(domain.Forbidden, "请扫描服务地点的二维码签到", "scan the place's QR code")
	}
	now := s.now()
	if now.Before(d.Start.Add(-CheckWindow)) || now.After(d.End.Add(CheckWindow)) {
		return Claim{}, domain.Errorf(domain.Conflict, "签到时间为服务开始前 1 小时到结束后 1 小时", "check in and out from an hour before the start to an hour after the end")
	}
	if d.State != string(from) {
		if to == CheckedIn {
			return Claim{}, domain.Errorf(domain.Conflict, "已经签到过了", "checked in already")
		}
		return Claim{}, domain.Errorf(domain.Conflict, "还没有签到，或已签退", "not checked in, or checked out already")
	}
	if to == CheckedIn {
		// The occurrence moves first, so a cancellation either finds it
		// under way and leaves it, or cancels it before this check-in.
		if err := s.setOccurrenceState(ctx, d.OccurrenceID, string(OccurrenceOpen), string(OccurrenceInProgress)); err != nil {
			return Claim{}, err
		}
		o, err := s.findOccurrence(ctx, d.OccurrenceID)
		if err != nil {
			return Claim{}, err
		}
		if o.State == string(OccurrenceCancelled) {
			return Claim{}, domain.Errorf(domain.Conflict, "这次服务已取消", "this task was cancelled")
		}
	}
	ok, err := s.setClaimState(ctx, d.ID, string(from), string(to), claimSet{At: now, By: a.UserID})
	if err != nil || !ok {
		return Claim{}, orChanged(err)
	}
	if to == CheckedIn {
		d.CheckedInAt = now
	} else {
		d.CheckedOutAt = now
	}
	d.State = string(to)
	return toClaim(d), nil
}

// MarkNoShow records that a volunteer did not come: a coordinator, once
// the occurrence has started. It counts toward the volunteer's
// reliability unless a dispute has it withdrawn. Errors: Unauthenticated,
// Forbidden, NotFound, Conflict (checked in, or not started).
func (s *Service) MarkNoShow(ctx context.Context, claimID domain.ID) (Claim, error) {
	d, err := s.findClaim(ctx, claimID)
	if err != nil {
		return Claim{}, err
	}
	a, err := s.requireCoordinator(ctx, d.CommunityID)
	if err != nil {
		return Claim{}, err
	}
	if s.now().Before(d.Start) {
		return Claim{}, domain.Errorf(domain.Conflict, "服务还没开始", "it has not started")
	}
	if d.State != string(Claimed) {
		return Claim{}, domain.Errorf(domain.Conflict, "这位志愿者已签到", "the volunteer checked in")
	}
	ok, err := s.setClaimState(ctx, d.ID, string(Claimed), string(NoShow), claimSet{At: s.now(), By: a.UserID})
	if err != nil || !ok {
		return Claim{}, orChanged(err)
	}
	d.State = string(NoShow)
	return toClaim(d), s.settleOccurrence(ctx, d.OccurrenceID)
}

// DisputeNoShow is the volunteer's word against a no-show, once. Errors:
// Unauthenticated, NotFound, Invalid (text), Conflict (not a no-show, or
// disputed already).
func (s *Service) DisputeNoShow(ctx context.Context, claimID domain.ID, why string) (Claim, error) {
	d, err := s.findClaim(ctx, claimID)
	if err != nil {
		return Claim{}, err
	}
	a, err := domain.RequireUser(ctx)
	if err != nil {
		return Claim{}, err
	}
	if a.UserID != d.Volunteer {
		return Claim{}, errClaimNotFound
	}
	if why, err = text.Line("text", domain.Text{ZH: "申诉理由", EN: "dispute"}, why, 2, 300); err != nil {
		return Claim{}, err
	}
	if d.State != string(NoShow) || d.Dispute != "" {
		return Claim{}, domain.Errorf(domain.Conflict, "只能对未到记录申诉一次", "a no-show is disputed once")
	}
	ok, err := s.setClaimDispute(ctx, d.ID, why)
	if err != nil || !ok {
		return Claim{}, domain.Errorf(domain.Conflict, "只能对未到记录申诉一次", "a no-show is disputed once")
	}
	d.Dispute = why
	return toClaim(d), nil
}

// DecideDispute settles a disputed no-show: a coordinator withdraws it
// (excused, not counted) or keeps it. Errors: Unauthenticated, Forbidden,
// NotFound, Conflict (not a disputed no-show).
func (s *Service) DecideDispute(ctx context.Context, claimID domain.ID, withdraw bool) (Claim, error) {
	d, err := s.findClaim(ctx, claimID)
	if err != nil {
		return Claim{}, err
	}
	a, err := s.requireCoordinator(ctx, d.CommunityID)
	if err != nil {
		return Claim{}, err
	}
	if d.State != string(NoShow) || d.Dispute == "" {
		return Claim{}, domain.Errorf(domain.Conflict, "没有待处理的申诉", "no dispute to decide")
	}
	if !withdraw {
		return toClaim(d), nil
	}
	ok, err := s.setClaimState(ctx, d.ID, string(NoShow), string(Excused), claimSet{At: s.now(), By: a.UserID})
	if err != nil || !ok {
		return Claim{}, orChanged(err)
	}
	d.State = string(Excused)
	return toClaim(d), s.settleOccurrence(ctx, d.OccurrenceID)
}
