package volunteer

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/text"
)

// The time bank (时间银行). Hours move between accounts in transfers: each
// transfer holds its movements in one document, and they sum to zero. The
// community's service pool pays a volunteer for a confirmed task; a
// correction is a new transfer that compensates, never an edit; where the
// community allows the exchange, a volunteer's credit pays the pool for
// help to them. So a community's ledger always sums to zero.

// Pool is the account of a community's service pool.
const Pool domain.ID = "pool"

// TransferKind says why hours moved.
type TransferKind string

// Kinds of transfer.
const (
	ServiceTransfer    TransferKind = "service"    // the pool pays a volunteer for a confirmed task
	CorrectionTransfer TransferKind = "correction" // compensates an earlier transfer, with a reason
	ExchangeTransfer   TransferKind = "exchange"   // a volunteer's credit pays the pool for help they had
)

// Movement is one account's side of a transfer, in minutes: negative is a
// debit.
type Movement struct {
	Account domain.ID // Pool or a volunteer's user ID
	Minutes int
}

// Transfer is hours moved at once between accounts; its movements sum to
// zero.
type Transfer struct {
	ID          domain.ID
	CommunityID domain.ID
	Kind        TransferKind
	Movements   []Movement
	ClaimID     domain.ID // the task it pays or corrects
	Reason      string    // a correction's
	By          domain.ID
	At          time.Time
}

// MaxTaskMinutes bounds the minutes confirmed for one task: the longest
// occurrence plus the check-in windows.
const MaxTaskMinutes = int(MaxNeedLength/time.Minute) + 120

// ConfirmHours confirms a volunteer's minutes for a task, which the pool
// pays them: a coordinator, once the volunteer checked in (or the
// coordinator vouches for a claim they did not check in), never their own.
// Once per claim: the transfer's ID is made of the claim's. When every claim of the occurrence is
// settled, it is done, and the resident helped is asked to rate it.
// Errors: Unauthenticated, Forbidden, NotFound, Invalid (minutes),
// Conflict (confirmed already, a no-show, or not started).
func (s *Service) ConfirmHours(ctx context.Context, claimID domain.ID, minutes int) (Claim, error) {
	d, err := s.findClaim(ctx, claimID)
	if err != nil {
		return Claim{}, err
	}
	a, err := s.requireCoordinator(ctx, d.CommunityID)
	if err != nil {
		return Claim{}, err
	}
	if minutes < 1 || minutes > MaxTaskMinutes {
		return Claim{}, domain.InvalidField("minutes", "服务时长须在 1 分钟到 %d 小时之间", "the minutes must lie between 1 and %d hours", MaxTaskMinutes/60)
	}
	switch {
	case a.UserID == d.Volunteer:
		return Claim{}, domain.Errorf(domain.Forbidden, "不能确认自己的服务时长", "you do not confirm your own hours")
	case d.State == string(Confirmed):
		return Claim{}, domain.Errorf(domain.Conflict, "这次服务的时长已经确认过了", "the hours were confirmed already")
	case d.State == string(NoShow) || d.State == string(Excused):
		return Claim{}, domain.Errorf(domain.Conflict, "未到的志愿者没有服务时长", "a no-show has no hours")
	case d.State == string(Void):
		return Claim{}, domain.Errorf(domain.Conflict, "这条需求已取消", "the need was cancelled")
	case s.now().Before(d.Start):
		return Claim{}, domain.Errorf(domain.Conflict, "服务还没开始", "it has not started")
	}
	t := transferDoc{ID: "service-" + d.ID + "-" + domain.ID(d.ClaimedAt.UTC().Format("20060102150405.000")), CommunityID: d.CommunityID,
		Kind: string(ServiceTransfer), ClaimID: d.ID, Volunteer: d.Volunteer, By: a.UserID, At: s.now(),
		Movements: []movementDoc{{Account: Pool, Minutes: -minutes}, {Account: d.Volunteer, Minutes: minutes}}}
	// The transfer first: its ID makes the payment once. A retry after a
	// crash finds it and finishes the claim with the minutes it paid.
	won, err := s.insertTransfer(ctx, t)
	if err != nil {
		return Claim{}, err
	}
	if !won {
		paid, err := s.findTransfer(ctx, t.ID)
		if err != nil {
			return Claim{}, err
		}
		minutes = paid.Movements[1].Minutes
	}
	ok, err := s.confirmClaim(ctx, d.ID, minutes, a.UserID, s.now())
	if err != nil {
		return Claim{}, err
	}
	if !ok {
		// Marked a no-show (or voided) meanwhile: the payment is compensated.
		if won {
			t.ID, t.Kind, t.Reason = domain.NewID(), string(CorrectionTransfer), "服务状态已变更，撤回时长"
			t.Movements = []movementDoc{{Account: Pool, Minutes: minutes}, {Account: d.Volunteer, Minutes: -minutes}}
			if _, err := s.insertTransfer(ctx, t); err != nil {
				return Claim{}, err
			}
		}
		return Claim{}, domain.Errorf(domain.Conflict, "这次服务的状态刚刚变了，请刷新", "the claim changed meanwhile: reload")
	}
	if err := s.payExchange(ctx, d, minutes, a.UserID); err != nil {
		return Claim{}, err
	}
	d.State, d.Minutes = string(Confirmed), minutes
	if err := s.settleOccurrence(ctx, d.OccurrenceID); err != nil {
		return Claim{}, err
	}
	return toClaim(d), nil
}

// settleOccurrence marks an occurrence done once none of its claims waits
// for check-in, check-out or confirmation, and asks for a rating.
func (s *Service) settleOccurrence(ctx context.Context, occurrenceID domain.ID) error {
	open, err := s.countUnsettledClaims(ctx, occurrenceID)
	if err != nil || open > 0 {
		return err
	}
	o, err := s.findOccurrence(ctx, occurrenceID)
	if err != nil {
		return err
	}
	if o.State == string(OccurrenceDone) || o.State == string(OccurrenceCancelled) {
		return nil
	}
	if err := s.setOccurrenceState(ctx, o.ID, o.State, string(OccurrenceDone)); err != nil {
		return err
	}
	n, err := s.findNeed(ctx, o.NeedID)
	if err != nil {
		return err
	}
	s.askRating(ctx, n, o)
	return s.closeNeedWhenOver(ctx, n)
}

// closeNeedWhenOver marks an open need done once none of its occurrences
// is open or under way. An occurrence that passes with no one stays open,
// and so does its need, until a coordinator cancels it.
func (s *Service) closeNeedWhenOver(ctx context.Context, n needDoc) error {
	if n.State != string(NeedOpen) {
		return nil
	}
	occs, err := s.findOccurrencesOf(ctx, n.ID)
	if err != nil {
		return err
	}
	for _, o := range occs {
		if o.State == string(OccurrenceOpen) || o.State == string(OccurrenceInProgress) {
			return nil
		}
	}
	_, err = s.setNeedState(ctx, n.ID, string(NeedOpen), string(NeedDone), "", n.DecidedBy)
	return err
}

// payExchange has the need's poster pay the pool from their credit when
// they chose to (Need.PayWithCredit, where the community allows it): for
// help to them or a family member.
func (s *Service) payExchange(ctx context.Context, c claimDoc, minutes int, by domain.ID) error {
	n, err := s.findNeed(ctx, c.NeedID)
	if err != nil || !n.PayWithCredit {
		return err
	}
	_, err = s.insertTransfer(ctx, transferDoc{ID: "exchange-" + c.ID + "-" + domain.ID(c.ClaimedAt.UTC().Format("20060102150405.000")), CommunityID: c.CommunityID,
		Kind: string(ExchangeTransfer), ClaimID: c.ID, Volunteer: n.PostedBy, By: by, At: s.now(),
		Movements: []movementDoc{{Account: n.PostedBy, Minutes: -minutes}, {Account: Pool, Minutes: minutes}}})
	return err
}

// PatrolTransfer is the kind of transfer that credits a patrol's hours.
const PatrolTransfer TransferKind = "patrol"

// CreditPatrol pays a volunteer from the pool for a patrol shift they
// walked (domain/patrol), once per shift: the transfer's ID is the
// patrol's. A member who is no volunteer is not credited (false). It
// checks no actor: the jobs call it. Errors: those of the store.
func (s *Service) CreditPatrol(ctx context.Context, communityID, userID, patrolID domain.ID, minutes int, at time.Time) (bool, error) {
	if minutes <= 0 {
		return false, nil
	}
	if _, err := s.findProfile(ctx, community.MemberID(communityID, userID)); domain.ErrorCode(err) == domain.NotFound {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return s.insertTransfer(ctx, transferDoc{ID: "patrol-" + patrolID, CommunityID: communityID, Kind: string(PatrolTransfer), Volunteer: userID,
		Reason: "平安巡防", At: at, Movements: []movementDoc{{Account: Pool, Minutes: -minutes}, {Account: userID, Minutes: minutes}}})
}

// CorrectHours compensates a confirmed task's minutes by delta (negative
// takes back), with a reason: a coordinator. Errors: Unauthenticated,
// Forbidden, NotFound, Invalid (delta, reason), Conflict (not confirmed,
// or corrected meanwhile).
func (s *Service) CorrectHours(ctx context.Context, claimID domain.ID, delta int, reason string) (Transfer, error) {
	d, err := s.findClaim(ctx, claimID)
	if err != nil {
		return Transfer{}, err
	}
	a, err := s.requireCoordinator(ctx, d.CommunityID)
	if err != nil {
		return Transfer{}, err
	}
	if a.UserID == d.Volunteer {
		return Transfer{}, domain.Errorf(domain.Forbidden, "不能更正自己的服务时长", "you do not correct your own hours")
	}
	if d.State != string(Confirmed) {
		return Transfer{}, domain.Errorf(domain.Conflict, "只能更正已确认的服务时长", "only confirmed hours are corrected")
	}
	if delta == 0 || d.Minutes+delta > MaxTaskMinutes || -delta > d.Minutes {
		return Transfer{}, domain.InvalidField("delta", "更正的分钟数须不为零，且扣减不超过已确认的 %d 分钟", "the correction must be non-zero and take back at most the %d minutes confirmed", d.Minutes)
	}
	if reason, err = text.Line("reason", domain.Text{ZH: "更正理由", EN: "reason"}, reason, 2, 200); err != nil {
		return Transfer{}, err
	}
	t := transferDoc{ID: domain.NewID(), CommunityID: d.CommunityID, Kind: string(CorrectionTransfer), ClaimID: d.ID, Volunteer: d.Volunteer,
		Reason: reason, By: a.UserID, At: s.now(),
		Movements: []movementDoc{{Account: Pool, Minutes: -delta}, {Account: d.Volunteer, Minutes: delta}}}
	ok, err := s.insertCorrection(ctx, t, d, delta)
	if err != nil || !ok {
		return Transfer{}, orChanged(err)
	}
	return toTransfer(t), nil
}

// Balance is an account's standing in a community's time bank.
type Balance struct {
	Minutes int // credit; the pool's is negative: what it has paid out
	Earned  int // minutes served, corrections included
	Spent   int // minutes paid for help received
}

// Balance returns a volunteer's balance: to themself and to coordinators.
// Errors: Unauthenticated, Forbidden.
func (s *Service) Balance(ctx context.Context, communityID, userID domain.ID) (Balance, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return Balance{}, err
	}
	if a.UserID != userID && !a.coordinator() {
		return Balance{}, errNotCoordinator
	}
	ts, err := s.findTransfersOf(ctx, communityID, userID)
	if err != nil {
		return Balance{}, err
	}
	return balanceOf(ts, userID), nil
}

// balanceOf sums an account's movements.
func balanceOf(ts []transferDoc, account domain.ID) Balance {
	var b Balance
	for _, t := range ts {
		for _, m := range t.Movements {
			if m.Account != account {
				continue
			}
			b.Minutes += m.Minutes
			if t.Kind == string(ExchangeTransfer) {
				b.Spent -= m.Minutes
			} else {
				b.Earned += m.Minutes
			}
		}
	}
	return b
}

// Transfers lists a volunteer's transfers, newest first: to themself and
// to coordinators. Errors: Unauthenticated, Forbidden.
func (s *Service) Transfers(ctx context.Context, communityID, userID domain.ID) ([]Transfer, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return nil, err
	}
	if a.UserID != userID && !a.coordinator() {
		return nil, errNotCoordinator
	}
	ts, err := s.findTransfersOf(ctx, communityID, userID)
	out := make([]Transfer, len(ts))
	for i, t := range ts {
		out[len(ts)-1-i] = toTransfer(t)
	}
	return out, err
}

// LedgerSum returns the sum of every movement in a community's time bank
// and the pool's balance: the sum is zero whatever happened. For
// coordinators. Errors: Unauthenticated, Forbidden.
func (s *Service) LedgerSum(ctx context.Context, communityID domain.ID) (sum, pool int, err error) {
	if _, err := s.requireCoordinator(ctx, communityID); err != nil {
		return 0, 0, err
	}
	ts, err := s.findTransfers(ctx, communityID)
	for _, t := range ts {
		for _, m := range t.Movements {
			sum += m.Minutes
			if m.Account == Pool {
				pool += m.Minutes
			}
		}
	}
	return sum, pool, err
}

// Rate is the resident helped (or the need's poster) rating a done
// occurrence 1–5 with an optional comment, once. Errors: Unauthenticated,
// NotFound, Invalid (stars, note), Conflict (not done, or rated).
func (s *Service) Rate(ctx context.Context, occurrenceID domain.ID, stars int, note string) (Occurrence, error) {
	o, n, err := s.occurrenceAndNeed(ctx, occurrenceID)
	if err != nil {
		return Occurrence{}, err
	}
	a, err := domain.RequireUser(ctx)
	if err != nil {
		return Occurrence{}, err
	}
	if a.UserID != n.For && a.UserID != n.PostedBy {
		return Occurrence{}, errOccurNotFound
	}
	if stars < 1 || stars > 5 {
		return Occurrence{}, domain.InvalidField("stars", "评分须为 1 到 5 星", "rate 1 to 5 stars")
	}
	if note, err = text.Body("note", note, 0, 300); err != nil {
		return Occurrence{}, err
	}
	if o.State != string(OccurrenceDone) {
		return Occurrence{}, domain.Errorf(domain.Conflict, "服务完成后才能评价", "rate it once it is done")
	}
	ok, err := s.rateOccurrence(ctx, o.ID, stars, note, a.UserID)
	if err != nil {
		return Occurrence{}, err
	}
	if !ok {
		return Occurrence{}, domain.Errorf(domain.Conflict, "已经评价过了", "rated already")
	}
	o.Rating, o.RatingNote = stars, note
	return toOccurrence(o), nil
}
