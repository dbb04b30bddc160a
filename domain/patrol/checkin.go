package patrol

import (
	"context"
	"crypto/subtle"
	"slices"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// CheckWindow is how long before a shift's start a patroller may check
// in, and after its end still pass checkpoints.
const CheckWindow = 30 * time.Minute

// CheckIn records a patroller at a checkpoint of their shift's route: by
// the code of the checkpoint's QR code, scanned by the patroller, or by the
// captain (or the committee) for a member without a phone, naming the
// checkpoint by its index with code empty. The first check-in is at the
// route's start. Errors: Unauthenticated, Forbidden, NotFound, Invalid
// (code: a checkpoint of another route, or none; checkpoint), Conflict
// (outside the shift's window, missed, or passed already).
func (s *Service) CheckIn(ctx context.Context, positionID domain.ID, code string, checkpoint int) (Position, error) {
	p, err := s.findPosition(ctx, positionID)
	if err != nil {
		return Position{}, err
	}
	t, err := s.findTeam(ctx, p.TeamID)
	if err != nil {
		return Position{}, err
	}
	a, err := s.requireMember(ctx, t.CommunityID)
	if err != nil {
		return Position{}, err
	}
	r, err := s.findRoute(ctx, p.RouteID)
	if err != nil {
		return Position{}, err
	}
	pass := passageDoc{At: s.now()}
	switch {
	case code != "":
		if a.UserID != p.UserID {
			return Position{}, errPositionNotFound
		}
		code = strings.ToUpper(strings.TrimSpace(code))
		i := slices.IndexFunc(r.Checkpoints, func(c checkpointDoc) bool { return subtle.ConstantTimeCompare([]byte(c.Code), []byte(code)) == 1 })
		if i < 0 {
			return Position{}, domain.InvalidField("code", "这个二维码不是本班次路线上的巡查点", "the code is not a checkpoint of this shift's route")
		}
		pass.Checkpoint = i
	case a.UserID == t.CaptainID || a.Manager():
		if checkpoint < 0 || checkpoint >= len(r.Checkpoints) {
			return Position{}, domain.InvalidField("checkpoint", "路线上没有这个巡查点", "no such checkpoint on the route")
		}
		pass.Checkpoint, pass.By = checkpoint, a.UserID
	default:
		return Position{}, domain.Errorf(domain.Forbidden, "请扫描巡查点的二维码", "scan the checkpoint's QR code")
	}
	if pass.At.Before(p.Start.Add(-CheckWindow)) || pass.At.After(p.End.Add(CheckWindow)) {
		return Position{}, domain.Errorf(domain.Conflict, "只能在班次开始前半小时到结束后半小时之间签到", "check in from half an hour before the shift to half an hour after")
	}
	if slices.ContainsFunc(p.Passed, func(x passageDoc) bool { return x.Checkpoint == pass.Checkpoint }) {
		return Position{}, domain.Errorf(domain.Conflict, "这个巡查点已经签到过了", "the checkpoint was passed already")
	}
	if len(p.Passed) == 0 && pass.Checkpoint != 0 {
		return Position{}, domain.InvalidField("code", "请先在路线起点“%s”签到", "check in at the route's start, %s, first", r.Checkpoints[0].Name)
	}
	ok, err := s.setPositionState(ctx, p.ID, []PositionState{Assigned, Offered, CheckedIn}, CheckedIn, &pass)
	if err != nil || !ok {
		return Position{}, orConflict(err, domain.Errorf(domain.Conflict, "这个班次不能签到", "the shift takes no check-in"))
	}
	p.State, p.Passed = string(CheckedIn), append(p.Passed, pass)
	return toPosition(p), nil
}

// MarkMissed records that a member did not patrol a shift that has begun:
// the captain or the committee. It counts as zero in their load. Errors:
// Unauthenticated, Forbidden, NotFound, Conflict (not started, checked
// in, or open).
func (s *Service) MarkMissed(ctx context.Context, positionID domain.ID) (Position, error) {
	p, err := s.findPosition(ctx, positionID)
	if err != nil {
		return Position{}, err
	}
	if _, err := s.requireCaptain(ctx, p.TeamID); err != nil {
		return Position{}, err
	}
	if s.now().Before(p.Start) {
		return Position{}, domain.Errorf(domain.Conflict, "班次还没开始", "the shift has not started")
	}
	ok, err := s.setPositionState(ctx, p.ID, []PositionState{Assigned, Offered}, Missed, nil)
	if err != nil || !ok {
		return Position{}, orConflict(err, domain.Errorf(domain.Conflict, "已签到或无人的班次不能记为缺勤", "a shift checked in or open is not missed"))
	}
	s.logEvent(ctx, p.TeamID, domain.ActorFromContext(ctx).UserID, EventMissed, p.ShiftID, string(p.UserID))
	p.State = string(Missed)
	return toPosition(p), nil
}
