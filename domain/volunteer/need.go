package volunteer

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"slices"
	"strconv"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// Urgency says how soon a need must be met.
type Urgency string

// Urgencies.
const (
	Normal Urgency = "normal" // 普通
	Urgent Urgency = "urgent" // 紧急
)

// Source says who posted a need.
type Source string

// Sources of needs.
const (
	SourceSelf       Source = "self"        // a resident for themself, approved by a grid worker first
	SourceGridWorker Source = "grid_worker" // a grid worker for a resident of their grid, on the record
	SourceCommittee  Source = "committee"
	SourceActionItem Source = "action_item" // a resolution's action item that calls for hands
)

// NeedState is where a need stands as a whole; each occurrence has its
// own state too (OccurrenceState).
type NeedState string

// States of a need.
const (
	NeedPending   NeedState = "pending"   // a resident's own need, waiting for a grid worker
	NeedOpen      NeedState = "open"      // its occurrences take claims
	NeedRejected  NeedState = "rejected"  // the grid worker declined it, with a reason
	NeedCancelled NeedState = "cancelled" // with a reason; its occurrences not begun are cancelled
	NeedDone      NeedState = "done"      // no occurrence left open or under way: each settled (confirmed, or a no-show) or cancelled
)

// Need is a call for help: what skills, when, where and how many hands.
type Need struct {
	ID          domain.ID
	CommunityID domain.ID
	Title       string
	Description string
	Required    []string // skill codes every volunteer must have
	Preferred   []string // skill codes that rank a volunteer higher
	// Start and End bound the first occurrence; a weekly need repeats it
	// each week, Occurrences times in all.
	Start, End  time.Time
	Weekly      bool
	Occurrences int
	GridID      domain.ID
	MicroGridID domain.ID
	// Address is the exact place: empty for those who may not see it (see
	// MaySeeAddress); AddressHidden says it was left out.
	Address       string
	AddressHidden bool
	Slots         int
	Urgency       Urgency
	Sensitive     bool // only volunteers with a verified credential, for medical and legal help
	PayWithCredit bool // its poster pays the pool from their time-bank credit (the exchange)
	// Family says, for a need a resident posted for a family member, who
	// that is in the poster's words ("母亲 沈桂英"); the grid worker names
	// the member helped on approval (ApproveForFamily). Only those who run
	// the need read it: the poster, the one helped, staff.
	Family    string
	For       domain.ID
	PostedBy  domain.ID
	Source    Source
	SourceRef string // the action item's global ID
	State     NeedState
	Reason    string // why it was rejected or cancelled
	DecidedBy domain.ID
	CreatedAt time.Time
	// CheckInCode is the code of the place's QR code: empty for those who
	// may not see it.
	CheckInCode string
}

// Minutes is an occurrence's length.
func (n Need) Minutes() int { return int(n.End.Sub(n.Start) / time.Minute) }

// window is a stretch of time, from included, to excluded.
type window struct{ from, to time.Time }

// Bounds of a need.
const (
	MaxSlots          = 50
	MaxNeedSkills     = 5
	MaxOccurrences    = 26 // half a year of weeks
	MaxNeedLength     = 12 * time.Hour
	MinNeedLength     = 15 * time.Minute
	needAheadLimit    = 366 * 24 * time.Hour
	checkInCodeLength = 8
)

// NeedInput is what the poster gives.
type NeedInput struct {
	CommunityID domain.ID
	Title       string
	Description string
	Required    []string
	Preferred   []string
	Start, End  time.Time
	Weekly      bool
	Occurrences int // for a weekly need, 2 to MaxOccurrences; ignored otherwise
	MicroGridID domain.ID
	Address     string
	Slots       int
	Urgency     Urgency
	Sensitive   bool
	// For is the resident helped: the actor when empty. A grid worker
	// posts for a resident of their grid, the committee for anyone.
	For domain.ID
	// PayWithCredit has the actor pay for the help from their time-bank
	// credit, where the community allows the exchange: a need for
	// themself or a family member (For), with credit for every slot of
	// every occurrence; it waits for the grid worker's approval.
	PayWithCredit bool
	// Family is a family member the actor pays for, in their words ("母亲
	// 沈桂英"), when they cannot name the member: the grid worker, who
	// knows the family, names them on approval. It needs PayWithCredit.
	Family string
	// Source is SourceActionItem with SourceRef when a resolution's action
	// item calls for hands (the deliberation area posts those); the rest
	// is read from the actor.
	Source    Source
	SourceRef string
}

// checkNeed checks a need's fields. Errors: Invalid (field).
func (s *Service) checkNeed(ctx context.Context, in NeedInput) (needDoc, error) {
	var d needDoc
	var err error
	if d.Title, err = text.Line("title", domain.Text{ZH: "标题", EN: "title"}, in.Title, 2, 40); err != nil {
		return needDoc{}, err
	}
	if d.Description, err = text.Body("description", in.Description, 0, 1000); err != nil {
		return needDoc{}, err
	}
	set, err := s.skillSet(ctx, in.CommunityID)
	if err != nil {
		return needDoc{}, err
	}
	if len(in.Required) == 0 {
		return needDoc{}, domain.InvalidField("required", "请至少选择一项必需技能", "choose at least one required skill")
	}
	if d.Required, err = set.checkList("required", in.Required, MaxNeedSkills); err != nil {
		return needDoc{}, err
	}
	if d.Preferred, err = set.checkList("preferred", in.Preferred, MaxNeedSkills); err != nil {
		return needDoc{}, err
	}
	d.Preferred = slices.DeleteFunc(d.Preferred, func(c string) bool { return slices.Contains(d.Required, c) })
	now := s.now()
	switch {
	case in.Start.IsZero():
		return needDoc{}, domain.InvalidField("start", "请填写开始时间", "give the start")
	case in.Start.Before(now):
		return needDoc{}, domain.InvalidField("start", "开始时间已经过去", "the start has passed")
	case in.Start.After(now.Add(needAheadLimit)):
		return needDoc{}, domain.InvalidField("start", "开始时间须在一年以内", "the start must lie within a year")
	case !in.End.After(in.Start):
		return needDoc{}, domain.InvalidField("end", "结束时间须晚于开始时间", "the end must come after the start")
	case in.End.Sub(in.Start) < MinNeedLength:
		return needDoc{}, domain.InvalidField("end", "服务时长至少 15 分钟", "a need lasts at least 15 minutes")
	case in.End.Sub(in.Start) > MaxNeedLength:
		return needDoc{}, domain.InvalidField("end", "一次服务最长 12 小时", "one occurrence lasts at most 12 hours")
	}
	d.Start, d.End, d.Occurrences = in.Start.UTC(), in.End.UTC(), 1
	if in.Weekly {
		if in.Occurrences < 2 || in.Occurrences > MaxOccurrences {
			return needDoc{}, domain.InvalidField("occurrences", "每周重复的次数须在 2 到 %d 之间", "a weekly need repeats 2 to %d times", MaxOccurrences)
		}
		d.Weekly, d.Occurrences = true, in.Occurrences
	}
	if in.Slots < 1 || in.Slots > MaxSlots {
		return needDoc{}, domain.InvalidField("slots", "需要人数须在 1 到 %d 之间", "the slots must number 1 to %d", MaxSlots)
	}
	d.Slots = in.Slots
	switch in.Urgency {
	case "":
		d.Urgency = string(Normal)
	case Normal, Urgent:
		d.Urgency = string(in.Urgency)
	default:
		return needDoc{}, domain.InvalidField("urgency", "紧急程度只能是普通或紧急", "the urgency is normal or urgent")
	}
	d.Sensitive = in.Sensitive
	mg, err := s.comms.MicroGrid(ctx, in.MicroGridID)
	if err != nil || mg.CommunityID != in.CommunityID {
		return needDoc{}, domain.InvalidField("microGridId", "本社区没有这个微网格", "no such micro-grid in the community")
	}
	d.GridID, d.MicroGridID = mg.GridID, mg.ID
	if d.Address, err = text.Line("address", domain.Text{ZH: "地址", EN: "address"}, in.Address, 2, 100); err != nil {
		return needDoc{}, err
	}
	return d, nil
}

// PostNeed posts a need. A resident posts for themself (a volunteer paying
// from their credit, for a family member too), and it waits for a grid
// worker of their grid (or the committee) to approve it; a grid
// worker posts for a resident of their grid, and the committee for anyone
// (for itself when For is empty), and those are open at once. Errors: Unauthenticated,
// Forbidden, Invalid (a field; for: not a member, or outside the grid
// worker's grids).
func (s *Service) PostNeed(ctx context.Context, in NeedInput) (Need, error) {
	a, err := s.requireMember(ctx, in.CommunityID)
	if err != nil {
		return Need{}, err
	}
	d, err := s.checkNeed(ctx, in)
	if err != nil {
		return Need{}, err
	}
	d.CommunityID, d.PostedBy, d.CreatedAt = in.CommunityID, a.UserID, s.now()
	d.For = in.For
	switch {
	case in.Source == SourceActionItem:
		if !a.committee() {
			return Need{}, errNotCommittee
		}
		if in.SourceRef == "" {
			return Need{}, domain.InvalidField("sourceRef", "缺少行动项", "the action item is missing")
		}
		d.Source, d.SourceRef = string(SourceActionItem), in.SourceRef
	case in.For == "" || in.For == a.UserID:
		d.For, d.Source = a.UserID, string(SourceSelf)
		if a.committee() {
			d.Source = string(SourceCommittee)
		}
	case a.committee():
		d.Source = string(SourceCommittee)
	case a.Has(domain.RoleGridWorker):
		d.Source = string(SourceGridWorker)
	case in.PayWithCredit:
		// A volunteer pays from their credit for help to a family member:
		// like their own need, it waits for the grid worker, who knows the
		// family.
		d.Source = string(SourceSelf)
	default:
		return Need{}, domain.Errorf(domain.Forbidden, "只能为自己发布需求", "you may post needs for yourself only")
	}
	if d.For != "" && d.For != a.UserID {
		places, err := s.comms.PlacesOf(ctx, in.CommunityID, []domain.ID{d.For})
		if err != nil {
			return Need{}, err
		}
		m, ok := places[d.For]
		if !ok {
			return Need{}, domain.InvalidField("for", "受助人须是本社区成员", "the resident helped must be a member of the community")
		}
		if d.Source == string(SourceGridWorker) && !a.WorksFor(m.GridID) {
			return Need{}, domain.InvalidField("for", "只能为您负责网格的居民发布需求", "you post for residents of your grids only")
		}
	}
	if in.PayWithCredit {
		if err := s.checkExchange(ctx, a, d); err != nil {
			return Need{}, err
		}
		d.PayWithCredit = true
	}
	if in.Family != "" {
		if in.For != "" && in.For != a.UserID {
			return Need{}, domain.InvalidField("family", "已选了受助人，就不必再写家人", "name the member helped or describe them, not both")
		}
		if !d.PayWithCredit || d.Source != string(SourceSelf) || d.For != a.UserID {
			return Need{}, domain.InvalidField("family", "为家人发布的需求须由您本人用时间银行积分支付", "a need for a family member is paid from your own time-bank credit")
		}
		if d.Family, err = text.Line("family", domain.Text{ZH: "家人", EN: "family member"}, in.Family, 2, 40); err != nil {
			return Need{}, err
		}
	}
	if in.For != "" && in.For != a.UserID && !d.PayWithCredit && d.Source == string(SourceSelf) {
		return Need{}, domain.Errorf(domain.Forbidden, "只能为自己发布需求", "you may post needs for yourself only")
	}
	d.State = string(NeedOpen)
	if d.Source == string(SourceSelf) {
		d.State = string(NeedPending)
	}
	d.ID, d.CheckInCode = domain.NewID(), newCheckInCode()
	occs := occurrencesOf(d)
	if err := s.insertNeed(ctx, d, occs); err != nil {
		return Need{}, err
	}
	return s.needFor(a, d), nil
}

// checkExchange refuses to let a need be paid from credit unless the
// community allows the exchange, the actor posts it for themself or a
// family member (not as staff), and their credit covers it. Errors:
// Invalid (payWithCredit).
func (s *Service) checkExchange(ctx context.Context, a access, d needDoc) error {
	set, err := s.findSettings(ctx, d.CommunityID)
	if err != nil {
		return err
	}
	if !set.Exchange {
		return domain.InvalidField("payWithCredit", "本社区没有开通时间银行兑换", "the community does not allow paying with time-bank credit")
	}
	if d.Source != string(SourceSelf) && d.For != a.UserID {
		return domain.InvalidField("payWithCredit", "只能用自己的时间银行积分为自己或家人的需求支付", "credit pays only for your own or your family's needs")
	}
	ts, err := s.findTransfersOf(ctx, d.CommunityID, a.UserID)
	if err != nil {
		return err
	}
	cost := int(d.End.Sub(d.Start)/time.Minute) * d.Slots * d.Occurrences
	if have := balanceOf(ts, a.UserID).Minutes; have < cost {
		return domain.InvalidField("payWithCredit", "时间银行余额 %s 小时，不足以支付 %s 小时", "your credit of %s hours does not cover the %s hours", hoursText(have), hoursText(cost))
	}
	return nil
}

// hoursText writes minutes as hours with up to two decimals.
func hoursText(minutes int) string {
	return strconv.FormatFloat(float64(minutes)/60, 'f', -1, 64)
}

// Settings is a community's volunteer settings.
type Settings struct {
	// Exchange lets volunteers pay for help to them from their time-bank
	// credit (时间银行兑换).
	Exchange bool
}

// Settings returns a community's volunteer settings to its members.
// Errors: Unauthenticated, Forbidden.
func (s *Service) Settings(ctx context.Context, communityID domain.ID) (Settings, error) {
	if _, err := s.requireMember(ctx, communityID); err != nil {
		return Settings{}, err
	}
	d, err := s.findSettings(ctx, communityID)
	return Settings{Exchange: d.Exchange}, err
}

// SetSettings changes a community's volunteer settings: the committee.
// Errors: Unauthenticated, Forbidden.
func (s *Service) SetSettings(ctx context.Context, communityID domain.ID, set Settings) (Settings, error) {
	if _, err := s.requireCommittee(ctx, communityID); err != nil {
		return Settings{}, err
	}
	return set, s.saveSettings(ctx, settingsDoc{ID: communityID, Exchange: set.Exchange})
}

// newCheckInCode returns the code of a need's QR code: 8 letters and
// digits, unguessable enough for a place's sign.
func newCheckInCode() string {
	var b [5]byte
	_, _ = rand.Read(b[:])
	return base32.StdEncoding.EncodeToString(b[:])[:checkInCodeLength]
}

// occurrencesOf lists a need's occurrences: one, or one a week.
func occurrencesOf(d needDoc) []occurrenceDoc {
	out := make([]occurrenceDoc, d.Occurrences)
	for i := range out {
		shift := time.Duration(i) * 7 * 24 * time.Hour
		out[i] = occurrenceDoc{
			ID: domain.NewID(), NeedID: d.ID, CommunityID: d.CommunityID, Index: i + 1,
			Start: d.Start.Add(shift), End: d.End.Add(shift), Slots: d.Slots, OpenSlots: d.Slots,
			GridID: d.GridID, MicroGridID: d.MicroGridID, State: string(OccurrenceOpen), Urgent: d.Urgency == string(Urgent),
		}
	}
	return out
}

// DecideNeed approves or rejects a resident's own need: a grid worker of
// the resident's grid, or the committee. A rejection needs a reason.
// Approving a need for a family member takes ApproveForFamily. Errors:
// Unauthenticated, Forbidden, NotFound, Invalid (reason; forMemberId: a
// need for a family member), Conflict (not pending).
func (s *Service) DecideNeed(ctx context.Context, needID domain.ID, approve bool, reason string) (Need, error) {
	d, a, err := s.needToDecide(ctx, needID)
	if err != nil {
		return Need{}, err
	}
	to := NeedOpen
	if !approve {
		to = NeedRejected
		if reason, err = text.Line("reason", domain.Text{ZH: "理由", EN: "reason"}, reason, 2, 200); err != nil {
			return Need{}, err
		}
	}
	if d.State != string(NeedPending) {
		return Need{}, errDecided
	}
	if approve && d.Family != "" {
		return Need{}, domain.InvalidField("forMemberId", "请选择受助的家人", "choose the family member helped")
	}
	ok, err := s.setNeedState(ctx, d.ID, string(NeedPending), string(to), reason, a.UserID)
	if err != nil || !ok {
		return Need{}, orChanged(err)
	}
	if !approve {
		if err := s.cancelOccurrences(ctx, d.ID); err != nil {
			return Need{}, err
		}
	}
	d.State, d.Reason, d.DecidedBy = string(to), reason, a.UserID
	return s.needFor(a, d), nil
}

// needToDecide reads a need and the access of one who approves or rejects
// it: a grid worker of its grid, or the committee. Errors:
// Unauthenticated, Forbidden, NotFound.
func (s *Service) needToDecide(ctx context.Context, needID domain.ID) (needDoc, access, error) {
	d, err := s.findNeed(ctx, needID)
	if err != nil {
		return needDoc{}, access{}, err
	}
	a, err := s.requireMember(ctx, d.CommunityID)
	if err != nil {
		return needDoc{}, access{}, err
	}
	if !a.committee() && !a.WorksFor(d.GridID) {
		return needDoc{}, access{}, domain.Errorf(domain.Forbidden, "只有该网格的网格员或村（居）委会可以审核", "only a grid worker of its grid or the committee decides")
	}
	return d, a, nil
}

// errDecided refuses to decide a need twice.
var errDecided = domain.Errorf(domain.Conflict, "这条需求已经审核过了", "the need was decided already")

// ApproveForFamily approves a resident's need for a family member
// (Need.Family), naming the member helped: a grid worker of its grid or
// the committee, who find the family member among the community's
// members, whatever their grid (a mother may live in another). Errors:
// Unauthenticated, Forbidden, NotFound, Invalid (forMemberId: not for a
// family member, or not a member), Conflict (decided already).
func (s *Service) ApproveForFamily(ctx context.Context, needID, forID domain.ID) (Need, error) {
	d, a, err := s.needToDecide(ctx, needID)
	if err != nil {
		return Need{}, err
	}
	if d.Family == "" {
		return Need{}, domain.InvalidField("forMemberId", "这条需求不是为家人发布的", "the need is not for a family member")
	}
	places, err := s.comms.PlacesOf(ctx, d.CommunityID, []domain.ID{forID})
	if err != nil {
		return Need{}, err
	}
	if _, ok := places[forID]; !ok || forID == d.PostedBy {
		return Need{}, domain.InvalidField("forMemberId", "请选择受助的家人：须是本社区成员", "choose the family member helped, a member of the community")
	}
	if d.State != string(NeedPending) {
		return Need{}, errDecided
	}
	ok, err := s.approveNeedFor(ctx, d.ID, forID, a.UserID)
	if err != nil || !ok {
		return Need{}, orChanged(err)
	}
	d.State, d.For, d.DecidedBy = string(NeedOpen), forID, a.UserID
	return s.needFor(a, d), nil
}

// CancelNeed cancels a need with a reason: its poster, the resident
// helped, or a coordinator. Its occurrences not begun are cancelled, and
// the volunteers who claimed them are told; one under way runs on.
// Errors: Unauthenticated, Forbidden, NotFound, Invalid (reason),
// Conflict (cancelled, rejected, done, or nothing left to cancel).
func (s *Service) CancelNeed(ctx context.Context, needID domain.ID, reason string) (Need, error) {
	d, err := s.findNeed(ctx, needID)
	if err != nil {
		return Need{}, err
	}
	a, err := s.requireMember(ctx, d.CommunityID)
	if err != nil {
		return Need{}, err
	}
	if a.UserID != d.PostedBy && a.UserID != d.For && !a.coordinator() {
		return Need{}, domain.Errorf(domain.Forbidden, "只有发布人、受助人或协调人可以取消", "only its poster, the resident helped or a coordinator cancels it")
	}
	if reason, err = text.Line("reason", domain.Text{ZH: "理由", EN: "reason"}, reason, 2, 200); err != nil {
		return Need{}, err
	}
	if d.State != string(NeedPending) && d.State != string(NeedOpen) {
		return Need{}, domain.Errorf(domain.Conflict, "这条需求已经结束", "the need is over")
	}
	if err := s.requireOpenOccurrence(ctx, d.ID); err != nil {
		return Need{}, err
	}
	ok, err := s.setNeedState(ctx, d.ID, d.State, string(NeedCancelled), reason, a.UserID)
	if err != nil || !ok {
		return Need{}, orChanged(err)
	}
	if err := s.cancelOccurrences(ctx, d.ID); err != nil {
		return Need{}, err
	}
	s.tellCancelled(ctx, d, reason)
	d.State, d.Reason, d.DecidedBy = string(NeedCancelled), reason, a.UserID
	return s.needFor(a, d), nil
}

// requireOpenOccurrence refuses to cancel a need with nothing left to
// cancel: every occurrence under way, done or cancelled. Errors: Conflict.
func (s *Service) requireOpenOccurrence(ctx context.Context, needID domain.ID) error {
	occs, err := s.findOccurrencesOf(ctx, needID)
	if err != nil {
		return err
	}
	for _, o := range occs {
		if o.State == string(OccurrenceOpen) {
			return nil
		}
	}
	return domain.Errorf(domain.Conflict, "这条需求已在服务中或已完成，不能取消", "the need is under way or done and cannot be cancelled")
}

// publicNeedStates are the states in which every member sees a need; a
// pending or rejected one is its poster's, the resident's and staff's.
var publicNeedStates = []string{string(NeedOpen), string(NeedDone), string(NeedCancelled)}

// Need returns a need to the community's members; a pending or rejected
// one only to its poster, the resident helped, grid workers and
// coordinators. The exact address and check-in code are left out for
// those who may not see them. Errors: Unauthenticated, NotFound (also to
// outsiders).
func (s *Service) Need(ctx context.Context, id domain.ID) (Need, error) {
	d, err := s.findNeed(ctx, id)
	if err != nil {
		return Need{}, err
	}
	a, err := s.readerOf(ctx, d.CommunityID, errNeedNotFound)
	if err != nil {
		return Need{}, err
	}
	if !s.seesNeed(a, d) {
		return Need{}, errNeedNotFound
	}
	n := s.needFor(a, d)
	if n.AddressHidden {
		claimed, err := s.hasClaimOn(ctx, d.ID, a.UserID)
		if err != nil {
			return Need{}, err
		}
		if claimed {
			n.Address, n.AddressHidden = d.Address, false
		}
	}
	return n, nil
}

// seesNeed reports whether the actor may see a need at all: any member
// once it is public (open, done or cancelled).
func (s *Service) seesNeed(a access, d needDoc) bool {
	if slices.Contains(publicNeedStates, d.State) {
		return true
	}
	return a.UserID == d.PostedBy || a.UserID == d.For || a.coordinator() || a.WorksFor(d.GridID)
}

// staffOf reports whether the actor runs a need: its poster, the resident
// helped, a coordinator, or a grid worker of its grid. They see its
// address and check-in code.
func staffOf(a access, d needDoc) bool {
	return a.UserID == d.PostedBy || a.UserID == d.For || a.coordinator() || a.WorksFor(d.GridID)
}

// needFor converts a need for the actor: without its address and check-in
// code unless they run it (a volunteer who claimed it sees the address:
// Need checks that).
func (s *Service) needFor(a access, d needDoc) Need {
	n := toNeed(d)
	if !staffOf(a, d) {
		n.Address, n.AddressHidden, n.CheckInCode, n.Family = "", true, "", ""
	}
	return n
}
