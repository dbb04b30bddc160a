package volunteer

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// OccurrenceState is where one occurrence of a need stands. An open
// occurrence whose slots are all claimed is filled (Occurrence.Filled).
type OccurrenceState string

// States of an occurrence: open (filled when no slot is left), in progress
// from the first check-in, done once its hours are confirmed, or cancelled
// with its need.
const (
	OccurrenceOpen       OccurrenceState = "open"
	OccurrenceInProgress OccurrenceState = "in_progress"
	OccurrenceDone       OccurrenceState = "done"
	OccurrenceCancelled  OccurrenceState = "cancelled"
)

// Occurrence is one time a need is met: the need itself when one-off, one
// week of it when weekly.
type Occurrence struct {
	ID          domain.ID
	NeedID      domain.ID
	CommunityID domain.ID
	Index       int // 1, 2, ... in time order
	Start, End  time.Time
	Slots       int
	OpenSlots   int
	State       OccurrenceState
	GridID      domain.ID
	MicroGridID domain.ID
	Urgent      bool
	Rating      int // 1–5 from the resident helped; 0 until rated
	RatingNote  string
}

// Filled reports whether every slot is claimed.
func (o Occurrence) Filled() bool { return o.OpenSlots <= 0 }

// Minutes is the occurrence's length.
func (o Occurrence) Minutes() int { return int(o.End.Sub(o.Start) / time.Minute) }

// ClaimState is where a volunteer's claim of a slot stands.
type ClaimState string

// States of a claim.
const (
	Claimed    ClaimState = "claimed"
	CheckedIn  ClaimState = "checked_in"
	CheckedOut ClaimState = "checked_out"
	NoShow     ClaimState = "no_show"   // marked by a coordinator; the volunteer may dispute it once
	Excused    ClaimState = "excused"   // a no-show the coordinator withdrew after a dispute
	Confirmed  ClaimState = "confirmed" // its hours are in the time bank
	Void       ClaimState = "void"      // its need was cancelled before it was served
)

// Claim is a volunteer's hold on one slot of an occurrence.
type Claim struct {
	ID           domain.ID // occurrence/slot
	OccurrenceID domain.ID
	NeedID       domain.ID
	CommunityID  domain.ID
	Volunteer    domain.ID
	Slot         int
	Start, End   time.Time // the occurrence's
	ClaimedAt    time.Time
	Promoted     bool // from the waitlist
	State        ClaimState
	CheckedInAt  time.Time
	CheckedOutAt time.Time
	Minutes      int    // confirmed
	Dispute      string // the volunteer's word against a no-show
}

// ClaimResult is what claiming gave: a slot, or a place on the waitlist.
type ClaimResult struct {
	Claim      *Claim
	Waitlisted bool
	Position   int // on the waitlist, from 1
}

// LateCancel is how close to the start a cancellation counts as late,
// toward the volunteer's reliability.
const LateCancel = 12 * time.Hour

// Claim takes a free slot of an occurrence for the actor, an active
// volunteer with the need's required skills (and, for a sensitive need,
// a verified credential). With every slot taken it puts them on the
// waitlist. The first insert of a slot wins, so the slots never overflow
// however many claim at once. Errors: Unauthenticated, Forbidden (not a
// volunteer), NotFound (also to outsiders), Conflict (not active; the need
// not open; started; already claimed or waiting), Invalid (a hard
// constraint, with its reason).
func (s *Service) Claim(ctx context.Context, occurrenceID domain.ID) (ClaimResult, error) {
	o, n, err := s.occurrenceAndNeed(ctx, occurrenceID)
	if err != nil {
		return ClaimResult{}, err
	}
	a, err := s.readerOf(ctx, o.CommunityID, errOccurNotFound)
	if err != nil {
		return ClaimResult{}, err
	}
	p, err := s.findProfile(ctx, community.MemberID(o.CommunityID, a.UserID))
	if domain.ErrorCode(err) == domain.NotFound {
		return ClaimResult{}, domain.Errorf(domain.Forbidden, "请先报名成为志愿者", "join as a volunteer first")
	}
	if err != nil {
		return ClaimResult{}, err
	}
	if p.State != string(Active) {
		return ClaimResult{}, errNotActive
	}
	if err := claimable(n, o, s.now()); err != nil {
		return ClaimResult{}, err
	}
	set, err := s.skillSet(ctx, o.CommunityID)
	if err != nil {
		return ClaimResult{}, err
	}
	if reason := hardExclusion(toProfile(p), toNeed(n), set); reason != nil {
		return ClaimResult{}, reason
	}
	holder := holderOf(o.ID, a.UserID)
	if c, err := s.findClaimByHolder(ctx, holder); err == nil {
		return ClaimResult{}, domain.Errorf(domain.Conflict, "您已认领了第 %d 个名额", "you hold slot %d already", c.Slot)
	} else if domain.ErrorCode(err) != domain.NotFound {
		return ClaimResult{}, err
	}
	c, err := s.takeFreeSlot(ctx, o, a.UserID, false)
	if err != nil || c != nil {
		return ClaimResult{Claim: c}, err
	}
	// Every slot is taken: the waitlist, then a look for a slot freed meanwhile.
	won, err := s.insertWaiter(ctx, waiterDoc{ID: holder, OccurrenceID: o.ID, NeedID: o.NeedID, CommunityID: o.CommunityID, Volunteer: a.UserID, JoinedAt: s.now(), State: waiting})
	if err != nil {
		return ClaimResult{}, err
	}
	if !won {
		return ClaimResult{}, domain.Errorf(domain.Conflict, "您已在候补名单上", "you are on the waitlist already")
	}
	if err := s.promote(ctx, o); err != nil {
		return ClaimResult{}, err
	}
	if c, err := s.findClaimByHolder(ctx, holder); err == nil {
		claim := toClaim(c)
		return ClaimResult{Claim: &claim}, nil
	}
	pos, err := s.waitlistPosition(ctx, o.ID, holder)
	return ClaimResult{Waitlisted: true, Position: pos}, err
}

// claimable refuses a claim of an occurrence that does not take one.
func claimable(n needDoc, o occurrenceDoc, now time.Time) error {
	switch {
	case n.State != string(NeedOpen):
		return domain.Errorf(domain.Conflict, "这条需求没有开放认领", "the need does not take claims")
	case o.State == string(OccurrenceCancelled) || o.State == string(OccurrenceDone):
		return domain.Errorf(domain.Conflict, "这次服务已经结束", "the occurrence is over")
	case !now.Before(o.Start):
		return domain.Errorf(domain.Conflict, "服务已经开始，不能再认领", "it has started: it takes no more claims")
	}
	return nil
}

// hardExclusion returns why a volunteer may not take a need, or nil: a
// required skill missing, or, for a sensitive need, a credential not
// verified. The matching's other hard constraints (availability, the
// weekly limit) rank and exclude candidates for coordinators; a volunteer
// who claims themself knows their own week.
func hardExclusion(p Profile, n Need, set skillSet) error {
	for _, code := range n.Required {
		k, ok := p.Skill(code)
		if !ok {
			return domain.InvalidField("occurrenceId", "您没有这条需求必需的技能", "you lack a skill the need requires")
		}
		if n.Sensitive && set[code].Credentialed && !k.Verified() {
			return domain.InvalidField("occurrenceId", "这条需求涉及隐私，需要经过核验的资质", "the need is sensitive: it takes a verified credential")
		}
	}
	if n.Sensitive && !slices.ContainsFunc(p.Skills, SkillLevel.Verified) {
		return domain.InvalidField("occurrenceId", "这条需求涉及隐私，需要经过核验的资质", "the need is sensitive: it takes a verified credential")
	}
	return nil
}

// holderOf is the key that lets a volunteer hold one slot of an
// occurrence (and one waitlist place).
func holderOf(occurrenceID, userID domain.ID) string {
	return string(occurrenceID) + "/" + string(userID)
}

// claimID is the ID of an occurrence's slot.
func claimID(occurrenceID domain.ID, slot int) domain.ID {
	return domain.ID(fmt.Sprintf("%s-%d", occurrenceID, slot))
}

// takeFreeSlot inserts a claim of the first slot free for a volunteer; nil
// when every slot is taken. Errors: Conflict (they hold one already).
func (s *Service) takeFreeSlot(ctx context.Context, o occurrenceDoc, userID domain.ID, promoted bool) (*Claim, error) {
	taken, err := s.findTakenSlots(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	for slot := 1; slot <= o.Slots; slot++ {
		if taken[slot] {
			continue
		}
		d := claimDoc{ID: claimID(o.ID, slot), Holder: holderOf(o.ID, userID), OccurrenceID: o.ID, NeedID: o.NeedID, CommunityID: o.CommunityID,
			Volunteer: userID, Slot: slot, Start: o.Start, End: o.End, ClaimedAt: s.now(), Promoted: promoted, State: string(Claimed)}
		won, err := s.insertClaim(ctx, d)
		if err != nil {
			return nil, err
		}
		if won {
			if err := s.addOpenSlots(ctx, o.ID, -1); err != nil {
				return nil, err
			}
			c := toClaim(d)
			return &c, nil
		}
		if _, err := s.findClaimByHolder(ctx, d.Holder); err == nil {
			return nil, domain.Errorf(domain.Conflict, "已认领了一个名额", "a slot is held already")
		}
	}
	return nil, nil
}

// promote gives the free slots of an occurrence to the first volunteers
// waiting, each once: a waiter holds at most one slot (the holder key), so
// two cancellations at once promote two different waiters. Each promoted
// volunteer is told by mail.
func (s *Service) promote(ctx context.Context, o occurrenceDoc) error {
	if o.State != string(OccurrenceOpen) || !s.now().Before(o.Start) {
		return nil // a started or cancelled occurrence takes no one from its line
	}
	for range o.Slots + 10 {
		waiters, err := s.findWaiters(ctx, o.ID, 1)
		if err != nil || len(waiters) == 0 {
			return err
		}
		w := waiters[0]
		c, err := s.takeFreeSlot(ctx, o, w.Volunteer, true)
		switch {
		case domain.ErrorCode(err) == domain.Conflict:
			// Another promotion gave them a slot: theirs is done.
		case err != nil:
			return err
		case c == nil:
			return nil // no slot is free
		default:
			s.tellPromoted(ctx, o, *c)
		}
		if _, err := s.setWaiterState(ctx, w.ID, waiting, promotedState); err != nil {
			return err
		}
	}
	return nil
}

// CancelClaim gives up a claim before its check-in: the volunteer, or a
// coordinator for them. Within LateCancel of the start it is late and
// counts toward the volunteer's reliability. The slot goes to the first
// volunteer waiting. Errors: Unauthenticated, Forbidden, NotFound,
// Conflict (checked in or over).
func (s *Service) CancelClaim(ctx context.Context, id domain.ID) (Claim, error) {
	d, err := s.findClaim(ctx, id)
	if err != nil {
		return Claim{}, err
	}
	a, err := s.requireMember(ctx, d.CommunityID)
	if err != nil {
		return Claim{}, err
	}
	if a.UserID != d.Volunteer && !a.coordinator() {
		return Claim{}, errClaimNotFound
	}
	if d.State != string(Claimed) {
		return Claim{}, domain.Errorf(domain.Conflict, "已签到或已结束的认领不能取消", "a claim checked in or over cannot be cancelled")
	}
	now := s.now()
	if !now.Before(d.Start) {
		return Claim{}, domain.Errorf(domain.Conflict, "服务已经开始，不能再取消；没去的由协调人记为未到", "it has started: a coordinator marks one who did not come")
	}
	gone, err := s.deleteClaim(ctx, d)
	if err != nil {
		return Claim{}, err
	}
	if !gone {
		return Claim{}, errChangedMeanwhile
	}
	late := d.Start.Sub(now) < LateCancel
	if err := s.insertCancellation(ctx, cancellationDoc{ID: domain.NewID(), Claim: d, CancelledAt: now, CancelledBy: a.UserID, Late: late}); err != nil {
		return Claim{}, err
	}
	if err := s.addOpenSlots(ctx, d.OccurrenceID, 1); err != nil {
		return Claim{}, err
	}
	o, err := s.findOccurrence(ctx, d.OccurrenceID)
	if err != nil {
		return Claim{}, err
	}
	if err := s.promote(ctx, o); err != nil {
		return Claim{}, err
	}
	return toClaim(d), nil
}

// LeaveWaitlist takes the actor off an occurrence's waitlist. Errors:
// Unauthenticated, NotFound.
func (s *Service) LeaveWaitlist(ctx context.Context, occurrenceID domain.ID) error {
	a, err := domain.RequireUser(ctx)
	if err != nil {
		return err
	}
	ok, err := s.setWaiterState(ctx, holderOf(occurrenceID, a.UserID), waiting, leftState)
	if err == nil && !ok {
		err = domain.ErrNotFound("候补", "waitlist place")
	}
	return err
}
