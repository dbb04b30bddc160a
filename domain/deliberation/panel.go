package deliberation

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/text"
)

// 谁来议 — who deliberates: a panel of seats per accepted topic.

// SeatKind is a kind of seat on a panel.
type SeatKind string

// Seat kinds.
const (
	AffectedResidents SeatKind = "affected_residents" // per affected grid, drawn by lot
	Representatives   SeatKind = "representatives"    // villager representatives, nominated
	PartyMembers      SeatKind = "party_members"      // drawn or nominated
	OwnersCommittee   SeatKind = "owners_committee"
	PropertyFirm      SeatKind = "property_firm"
	Experts           SeatKind = "experts" // experts or lawyers, nominated
	Deputies          SeatKind = "deputies"
)

var seatKinds = []SeatKind{AffectedResidents, Representatives, PartyMembers, OwnersCommittee, PropertyFirm, Experts, Deputies}

// SeatRule asks for between Min and Max seats of a kind (for affected
// residents, of one grid).
type SeatRule struct {
	Kind     SeatKind
	GridID   domain.ID
	Min, Max int
}

// PanelState is where a panel stands.
type PanelState string

// Panel states.
const (
	PanelDraft     PanelState = "draft"
	PanelConfirmed PanelState = "confirmed"
	PanelLocked    PanelState = "locked" // voting has begun
)

// Panel is who deliberates a topic.
type Panel struct {
	TopicID         domain.ID
	CommunityID     domain.ID
	Rules           []SeatRule
	Seed            string
	SeedPublishedAt time.Time
	State           PanelState
	ConfirmedAt     time.Time // zero until confirmed
	ConfirmedBy     domain.ID
}

// SeatState is an invitation's answer.
type SeatState string

// Seat states.
const (
	Invited  SeatState = "invited"
	Seated   SeatState = "accepted"
	Declined SeatState = "declined"
)

// Seat is one person's place on a panel.
type Seat struct {
	UserID      domain.ID
	CommunityID domain.ID
	Kind        SeatKind
	GridID      domain.ID
	Drawn       bool // by lot, else nominated
	DrawID      domain.ID
	State       SeatState
	// AnsweredBy is the grid worker who recorded an assisted resident's
	// answer, before Witness; empty when they answered themselves.
	AnsweredBy domain.ID
	Witness    string
}

func manages(a community.Access) bool { return a.Has(domain.RoleCommittee) }

// acceptedTopic returns a topic the committee may build a panel for.
func (s *Service) panelTopic(ctx context.Context, topicID domain.ID) (Topic, error) {
	t, err := s.Topic(ctx, topicID)
	if err != nil {
		return t, err
	}
	if _, err := s.access(ctx, t.CommunityID, manages); err != nil {
		return t, err
	}
	if t.State != Accepted {
		return t, domain.Errorf(domain.Conflict, "只有已受理的议题可以组建议事小组", "only accepted topics get a panel")
	}
	return t, nil
}

// SetSeatRules sets the seat rules of a topic's panel, for the committee,
// before the seed is published. Errors: Unauthenticated, NotFound,
// Forbidden, Conflict (not accepted; seed published), Invalid.
func (s *Service) SetSeatRules(ctx context.Context, topicID domain.ID, rules []SeatRule) (Panel, error) {
	t, err := s.panelTopic(ctx, topicID)
	if err != nil {
		return Panel{}, err
	}
	end, err := s.takeTurn(ctx, panelTurn(t.ID))
	if err != nil {
		return Panel{}, err
	}
	defer end()
	p, err := s.Panel(ctx, topicID)
	if err != nil && domain.ErrorCode(err) != domain.NotFound {
		return p, err
	}
	if p.Seed != "" || p.State == PanelLocked {
		return p, domain.Errorf(domain.Conflict, "抽签种子已公布或议事小组已锁定，不能再改席位规则", "the seed is published or the panel locked; the seat rules are fixed")
	}
	if published, err := s.seedPublished(ctx, t.ID); err != nil || published {
		if err != nil {
			return p, err
		}
		return p, domain.Errorf(domain.Conflict, "抽签种子已公布，不能再改席位规则", "the seed is published; the seat rules are fixed")
	}
	d := panelDoc{ID: t.ID, CommunityID: t.CommunityID, State: string(PanelDraft), Rules: []ruleDoc{}}
	for _, r := range rules {
		if !slices.Contains(seatKinds, r.Kind) || r.Min < 0 || r.Max < r.Min || r.Max > 100 {
			return p, domain.InvalidField("rules", "席位规则无效：最少人数不大于最多人数，且不超过 100", "invalid seat rule: 0 ≤ min ≤ max ≤ 100")
		}
		if (r.Kind == AffectedResidents) != (r.GridID != "") || (r.GridID != "" && !slices.Contains(t.GridIDs, r.GridID)) {
			return p, domain.InvalidField("rules", "受影响居民席位须对应议题涉及的网格", "affected-resident seats name one of the topic's grids")
		}
		d.Rules = append(d.Rules, ruleDoc{Kind: string(r.Kind), GridID: r.GridID, Min: r.Min, Max: r.Max})
	}
	if p.TopicID == "" {
		if err := s.insertPanel(ctx, d); err != nil {
			return p, err
		}
	}
	// Only the rules change: the state and a seed published meanwhile stay.
	if err := s.setPanelRules(ctx, t.ID, d.Rules); err != nil {
		return p, err
	}
	return s.Panel(ctx, topicID)
}

// Panel returns a topic's panel to the members of its community.
// Errors: NotFound.
func (s *Service) Panel(ctx context.Context, topicID domain.ID) (Panel, error) {
	if _, err := s.Topic(ctx, topicID); err != nil {
		return Panel{}, err
	}
	return s.findPanel(ctx, topicID)
}

var errPanelNotFound = domain.ErrNotFound("议事小组", "panel")

// PublishSeed makes and publishes the panel's random seed, before any draw,
// on the topic's timeline, and fixes the pool each drawable rule draws from
// (pool.go). It is made once. Errors: as SetSeatRules.
func (s *Service) PublishSeed(ctx context.Context, topicID domain.ID) (Panel, error) {
	t, err := s.panelTopic(ctx, topicID)
	if err != nil {
		return Panel{}, err
	}
	end, err := s.takeTurn(ctx, panelTurn(t.ID))
	if err != nil {
		return Panel{}, err
	}
	defer end()
	p, err := s.Panel(ctx, topicID)
	if err != nil {
		return p, err
	}
	if p.Seed != "" {
		return p, nil
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	seed := hex.EncodeToString(b)
	// The event's _id (topic/seed) makes the first published seed the one.
	if err := s.event(ctx, t, "seed", domain.ActorFromContext(ctx).UserID, seed, ""); err != nil {
		return p, err
	}
	ev, err := s.findEvent(ctx, string(t.ID)+"/seed")
	if err != nil {
		return p, err
	}
	if err := s.setPanelSeed(ctx, t.ID, ev.Note, ev.At); err != nil {
		return p, err
	}
	// With the seed out, the pools are fixed: no later change of roles or
	// members can steer the lot.
	if err := s.fixPools(ctx, t, p); err != nil {
		return p, err
	}
	return s.Panel(ctx, topicID)
}

// DrawInput asks to fill Count seats of a kind (and grid) by lot.
type DrawInput struct {
	TopicID domain.ID
	Kind    SeatKind
	GridID  domain.ID
	Count   int
}

// DrawSeats fills seats by lot among the eligible members who hold no seat
// yet (affected residents: residents of the grid; party members: the party
// role), with the published seed and Draw, and records the draw so anyone
// can recompute it. Errors: as SetSeatRules, and Conflict (no seed yet;
// panel locked), Invalid (kind that is nominated, count).
func (s *Service) DrawSeats(ctx context.Context, in DrawInput) ([]Seat, error) {
	t, err := s.panelTopic(ctx, in.TopicID)
	if err != nil {
		return nil, err
	}
	p, err := s.Panel(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	switch {
	case p.Seed == "":
		return nil, domain.Errorf(domain.Conflict, "请先公布抽签种子", "publish the seed before drawing")
	case p.State == PanelLocked:
		return nil, errPanelLocked
	case in.Count < 1 || in.Count > 100:
		return nil, domain.InvalidField("count", "抽取人数须在 1 到 100 之间", "count must be between 1 and 100")
	}
	release, err := s.takeTurn(ctx, panelTurn(t.ID))
	if err != nil {
		return nil, err
	}
	defer release()
	if p, err = s.Panel(ctx, t.ID); err != nil { // as it stands under the claim
		return nil, err
	}
	if err := s.checkRoom(ctx, t, p, in.Kind, in.GridID, in.Count); err != nil {
		return nil, err
	}
	eligible, err := s.eligible(ctx, t, in.Kind, in.GridID)
	if err != nil {
		return nil, err
	}
	salt := string(in.Kind) + "/" + string(in.GridID)
	drawn, reserve := Draw(p.Seed, salt, eligible, in.Count)
	n, err := s.countDraws(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	d := drawDoc{ID: domain.ID(fmt.Sprintf("%s/%s/%d", t.ID, salt, n+1)), TopicID: t.ID, Seed: p.Seed, Salt: salt, Count: in.Count,
		Eligible: orEmpty(eligible), Drawn: orEmpty(drawn), Reserve: orEmpty(reserve), At: s.now().UTC()}
	if err := s.insertDraw(ctx, d); err != nil {
		return nil, err
	}
	s.recordDraw(ctx, t, d)
	var seats []Seat
	for _, u := range drawn {
		seat, err := s.seat(ctx, t, seatDoc{UserID: u, Kind: string(in.Kind), GridID: in.GridID, Drawn: true, DrawID: d.ID})
		if err != nil {
			return seats, err
		}
		seats = append(seats, seat)
	}
	return seats, s.event(ctx, t, "drawn", domain.ActorFromContext(ctx).UserID, "", string(d.ID))
}

var errPanelLocked = domain.Errorf(domain.Conflict, "议事小组已锁定", "the panel is locked")

// eligible lists, sorted, who may be drawn for a kind: the rule's fixed
// pool (pool.go), less those with a seat on this panel.
func (s *Service) eligible(ctx context.Context, t Topic, kind SeatKind, grid domain.ID) ([]domain.ID, error) {
	if kind == AffectedResidents && !slices.Contains(t.GridIDs, grid) {
		return nil, domain.InvalidField("gridId", "请选择议题涉及的网格", "choose one of the topic's grids")
	}
	if !drawable(kind) {
		return nil, domain.InvalidField("kind", "该类席位由提名产生，不抽签", "seats of this kind are nominated, not drawn")
	}
	pool, err := s.pool(ctx, t, kind, grid)
	if err != nil {
		return nil, err
	}
	seated, err := s.findSeats(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	taken := map[domain.ID]bool{}
	for _, d := range seated {
		taken[d.UserID] = true
	}
	return slices.DeleteFunc(pool, func(u domain.ID) bool { return taken[u] }), nil
}

// seat inserts a seat; the _id keeps one seat per person and panel.
func (s *Service) seat(ctx context.Context, t Topic, d seatDoc) (Seat, error) {
	d.ID, d.TopicID, d.State = string(t.ID)+"/"+string(d.UserID), t.ID, string(Invited)
	if won, err := s.insertSeat(ctx, d); err != nil {
		return Seat{}, err
	} else if !won {
		return Seat{}, domain.Errorf(domain.Conflict, "此人已在议事小组中", "this person already has a seat")
	}
	return toSeat(d, t.CommunityID), nil
}

// Nominate gives a member a seat of a kind, for the committee. Once the
// seed is published, no one the lot could draw (checkNotInLot).
// Errors: as SetSeatRules, and Conflict (already seated; locked; in the
// lot's pool after the seed), Invalid.
func (s *Service) Nominate(ctx context.Context, topicID, userID domain.ID, kind SeatKind, grid domain.ID) (Seat, error) {
	t, err := s.panelTopic(ctx, topicID)
	if err != nil {
		return Seat{}, err
	}
	p, err := s.Panel(ctx, t.ID)
	if err != nil {
		return Seat{}, err
	}
	if p.State == PanelLocked {
		return Seat{}, errPanelLocked
	}
	if !slices.Contains(seatKinds, kind) {
		return Seat{}, domain.InvalidField("kind", "未知的席位类别", "unknown seat kind")
	}
	if _, err := s.comms.Member(ctx, t.CommunityID, userID); err != nil {
		return Seat{}, domain.InvalidField("userId", "请选择本社区的成员", "choose a member of this community")
	}
	if err := s.checkNotInLot(ctx, t, p, userID); err != nil {
		return Seat{}, err
	}
	release, err := s.takeTurn(ctx, panelTurn(t.ID))
	if err != nil {
		return Seat{}, err
	}
	defer release()
	if p, err = s.Panel(ctx, t.ID); err != nil { // as it stands under the claim
		return Seat{}, err
	}
	err = s.checkRoom(ctx, t, p, kind, grid, 1)
	if errors.Is(err, errNoRule) && p.State == PanelDraft {
		err = nil // while forming, the committee may seat beyond the rules (an expert, say)
	}
	if err != nil {
		return Seat{}, err
	}
	return s.seat(ctx, t, seatDoc{UserID: userID, Kind: string(kind), GridID: grid})
}

// checkNotInLot refuses, once the seed is published, to nominate someone
// the lot could draw for one of the panel's rules: taking them out of the
// pool would change the draws, which anyone can compute from the seed, so
// nominations after the seed could steer the lot. Nominate before
// publishing the seed; afterwards only people outside every pool (an
// expert, the property firm) can be nominated.
func (s *Service) checkNotInLot(ctx context.Context, t Topic, p Panel, user domain.ID) error {
	if p.Seed == "" {
		return nil
	}
	for _, r := range p.Rules {
		if r.Kind != AffectedResidents && r.Kind != PartyMembers {
			continue
		}
		pool, err := s.eligible(ctx, t, r.Kind, r.GridID)
		if err != nil {
			return err
		}
		if slices.Contains(pool, user) {
			return domain.Errorf(domain.Conflict, "抽签种子已公布，不能再提名可能被抽中的人（请在公布种子前提名）",
				"the seed is published: someone the lot could draw can no longer be nominated (nominate before publishing the seed)")
		}
	}
	return nil
}

// Seats lists a panel's seats. Errors: NotFound.
func (s *Service) Seats(ctx context.Context, topicID domain.ID) ([]Seat, error) {
	t, err := s.Topic(ctx, topicID)
	if err != nil {
		return nil, err
	}
	docs, err := s.findSeats(ctx, topicID)
	out := make([]Seat, len(docs))
	for i, d := range docs {
		out[i] = toSeat(d, t.CommunityID)
	}
	return out, err
}

// RespondToSeat accepts or declines the actor's invitation to a panel.
// Errors: Unauthenticated, NotFound (no seat), Conflict (locked).
func (s *Service) RespondToSeat(ctx context.Context, topicID domain.ID, accept bool) (Seat, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return Seat{}, err
	}
	return s.answerSeat(ctx, topicID, actor.UserID, accept, "", "")
}

// RespondToSeatFor records the answer of an assisted resident (one without
// a login, drawn like anyone) to their invitation: a grid worker of their
// grid records it, with a named witness, as with assisted votes.
// Errors: Unauthenticated, NotFound, Forbidden (not a grid worker of an
// assisted resident's grid), Conflict (locked), Invalid (witness).
func (s *Service) RespondToSeatFor(ctx context.Context, topicID, userID domain.ID, accept bool, witness string) (Seat, error) {
	t, err := s.Topic(ctx, topicID)
	if err != nil {
		return Seat{}, err
	}
	a, err := s.access(ctx, t.CommunityID, func(a communityAccess) bool { return a.Has(domain.RoleGridWorker) })
	if err != nil {
		return Seat{}, err
	}
	member, err := s.comms.Member(ctx, t.CommunityID, userID)
	if err != nil || !member.Assisted || !a.WorksFor(member.GridID) {
		return Seat{}, domain.ErrForbidden // only for assisted residents of the worker's grid
	}
	if witness, err = text.Line("witness", domain.Text{ZH: "见证人", EN: "witness"}, witness, 1, 64); err != nil {
		return Seat{}, err
	}
	return s.answerSeat(ctx, t.ID, userID, accept, a.UserID, witness)
}

// answerSeat accepts or declines user's seat, as recorded by recordedBy
// with witness when it is not the user.
func (s *Service) answerSeat(ctx context.Context, topicID, user domain.ID, accept bool, recordedBy domain.ID, witness string) (Seat, error) {
	if _, err := s.findSeat(ctx, topicID, user); err != nil {
		return Seat{}, err
	}
	end, err := s.takeTurn(ctx, panelTurn(topicID))
	if err != nil {
		return Seat{}, err
	}
	defer end()
	d, err := s.findSeat(ctx, topicID, user) // as it stands under the turn
	if err != nil {
		return Seat{}, err
	}
	p, err := s.findPanel(ctx, topicID)
	if err != nil {
		return Seat{}, err
	}
	if p.State == PanelLocked {
		return Seat{}, errPanelLocked
	}
	d.State, d.AnsweredBy, d.Witness = string(Declined), recordedBy, witness
	if accept {
		d.State = string(Seated)
	}
	if err := s.setSeatAnswer(ctx, d); err != nil {
		return Seat{}, err
	}
	return toSeat(d, p.CommunityID), nil
}

// VerifyDraw recomputes a recorded draw from its seed and eligible list and
// reports whether it gives the recorded panel, and whether everyone on the
// list was in the rule's published pool. Errors: NotFound.
func (s *Service) VerifyDraw(ctx context.Context, drawID domain.ID) (bool, error) {
	d, err := s.findDraw(ctx, drawID)
	if err != nil {
		return false, err
	}
	if _, err := s.Topic(ctx, d.TopicID); err != nil {
		return false, err
	}
	// The draw's eligible list must come from the rule's published pool.
	pool, err := s.findPool(ctx, string(d.TopicID)+"/"+d.Salt)
	if err != nil && domain.ErrorCode(err) != domain.NotFound {
		return false, err
	}
	if err == nil {
		if PoolHash(strs(pool.Members)) != pool.Hash {
			return false, nil
		}
		for _, e := range d.Eligible {
			if _, in := slices.BinarySearch(pool.Members, e); !in {
				return false, nil
			}
		}
	}
	drawn, _ := Draw(d.Seed, d.Salt, d.Eligible, d.Count)
	return slices.Equal(drawn, d.Drawn), nil
}

// Coverage is the representativeness report of a panel: for each seat
// rule, the seats filled (invited or accepted), and whether the rule's
// minimum is met; and the topic's affected grids that have no seat.
type Coverage struct {
	Rules         []RuleCoverage
	UncoveredGrid []domain.ID
}

// RuleCoverage is one seat rule's coverage.
type RuleCoverage struct {
	Rule     SeatRule
	Filled   int // invited or accepted
	Accepted int // what confirming the panel counts
	Gap      int // seats missing to reach Min
}

// Representativeness reports which affected grids and seat kinds the panel
// covers, and the gaps. Errors: NotFound.
func (s *Service) Representativeness(ctx context.Context, topicID domain.ID) (Coverage, error) {
	t, err := s.Topic(ctx, topicID)
	if err != nil {
		return Coverage{}, err
	}
	p, err := s.Panel(ctx, topicID)
	if err != nil {
		return Coverage{}, err
	}
	seats, err := s.Seats(ctx, topicID)
	if err != nil {
		return Coverage{}, err
	}
	var c Coverage
	gridSeats := map[domain.ID]int{}
	for _, r := range p.Rules {
		n, accepted := 0, 0
		for _, st := range seats {
			if st.State != Declined && st.Kind == r.Kind && st.GridID == r.GridID {
				n++
				if st.State == Seated {
					accepted++
				}
			}
		}
		c.Rules = append(c.Rules, RuleCoverage{Rule: r, Filled: n, Accepted: accepted, Gap: max(0, r.Min-n)})
	}
	for _, st := range seats {
		if st.State != Declined && st.Kind == AffectedResidents {
			gridSeats[st.GridID]++
		}
	}
	for _, g := range t.GridIDs {
		if gridSeats[g] == 0 {
			c.UncoveredGrid = append(c.UncoveredGrid, g)
		}
	}
	return c, nil
}

// orEmpty returns ids, or an empty list for nil, which a document stores as
// [] rather than null.
func orEmpty(ids []domain.ID) []domain.ID {
	if ids == nil {
		return []domain.ID{}
	}
	return ids
}

func strs(ids []domain.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// DrawRecord is a recorded draw: everything needed to recompute it (Draw,
// or yishi verify-draw).
type DrawRecord struct {
	ID          domain.ID
	CommunityID domain.ID
	Seed        string
	Salt        string
	Count       int
	Eligible    []domain.ID
	Drawn       []domain.ID
	Reserve     []domain.ID
	At          time.Time
}

// DrawRecord returns a recorded draw to the members of its community.
// Errors: NotFound.
func (s *Service) DrawRecord(ctx context.Context, drawID domain.ID) (DrawRecord, error) {
	d, err := s.findDraw(ctx, drawID)
	if err != nil {
		return DrawRecord{}, err
	}
	t, err := s.Topic(ctx, d.TopicID)
	if err != nil {
		return DrawRecord{}, err
	}
	return DrawRecord{ID: d.ID, CommunityID: t.CommunityID, Seed: d.Seed, Salt: d.Salt, Count: d.Count, Eligible: d.Eligible, Drawn: d.Drawn, Reserve: d.Reserve, At: d.At}, nil
}

// panelTurn is the turn to change a topic's panel: its rules, seed,
// seats, answers, confirmation and lock. Seats are counted, then added, and
// a confirmation or a motion reads the seats, then changes the panel's
// state: under the turn, no other change of the panel gets in between.
func panelTurn(topicID domain.ID) string { return "panel/" + string(topicID) }

// checkRoom refuses seats beyond what the kind's rule has room for: its
// Max, or once the panel is confirmed its Min (replacing declines only),
// less the seats of that kind and grid not declined. So a draw cannot be
// repeated until it gives a wanted panel. errNoRule when no rule has the
// kind (and grid).
func (s *Service) checkRoom(ctx context.Context, t Topic, p Panel, kind SeatKind, grid domain.ID, count int) error {
	limit, ruled := 0, false
	for _, r := range p.Rules {
		if r.Kind == kind && r.GridID == grid {
			limit, ruled = r.Max, true
			if p.State == PanelConfirmed {
				limit = r.Min
			}
		}
	}
	if !ruled {
		return errNoRule
	}
	n, err := s.countTakenSeats(ctx, t.ID, kind, grid)
	if err != nil {
		return err
	}
	switch {
	case n+count <= limit:
		return nil
	case p.State == PanelConfirmed:
		return domain.Errorf(domain.Conflict, "议事小组已确认，只能补足因谢绝而空出的席位", "the panel is confirmed: only seats declined below the minimum can be refilled")
	default:
		return domain.InvalidField("count", "人数超过席位规则的上限", "that would exceed the rule's maximum")
	}
}

var errNoRule = domain.InvalidField("kind", "席位规则中没有这一类席位", "the seat rules have no seats of this kind")

// ConfirmPanel records that the committee confirmed the panel after its
// representativeness report: every seat rule's minimum must be met by seats
// that accepted. The confirmation, with who and when, goes on the topic's
// timeline. A confirmed panel only refills declined seats up to the
// minimum; the start of its meeting locks it. Confirming again changes
// nothing. Errors: Unauthenticated, NotFound, Forbidden, Conflict (not
// accepted; no rules; a minimum not met; locked).
func (s *Service) ConfirmPanel(ctx context.Context, topicID domain.ID) (Panel, error) {
	t, err := s.panelTopic(ctx, topicID)
	if err != nil {
		return Panel{}, err
	}
	end, err := s.takeTurn(ctx, panelTurn(t.ID))
	if err != nil {
		return Panel{}, err
	}
	defer end()
	p, err := s.Panel(ctx, t.ID)
	switch {
	case err != nil && domain.ErrorCode(err) == domain.NotFound:
		return p, errNoRules
	case err != nil:
		return p, err
	case p.State == PanelConfirmed:
		return p, nil
	case p.State == PanelLocked:
		return p, errPanelLocked
	case len(p.Rules) == 0:
		return p, errNoRules
	}
	seats, err := s.Seats(ctx, t.ID)
	if err != nil {
		return p, err
	}
	short := 0
	for _, r := range p.Rules {
		n := 0
		for _, st := range seats {
			if st.State == Seated && st.Kind == r.Kind && st.GridID == r.GridID {
				n++
			}
		}
		short += max(0, r.Min-n)
	}
	if short > 0 {
		return p, domain.Errorf(domain.Conflict, "还差 %d 个席位才达到席位规则的最低人数（只计已接受邀请的人）",
			"%d more seats must be accepted to reach the seat rules' minimums", short)
	}
	actor := domain.ActorFromContext(ctx).UserID
	if err := s.event(ctx, t, "panel_confirmed", actor, "", ""); err != nil {
		return p, err
	}
	ev, err := s.findEvent(ctx, string(t.ID)+"/panel_confirmed")
	if err != nil {
		return p, err
	}
	// The first confirmation's event says who confirmed, and when.
	if err := s.confirmDraftPanel(ctx, t.ID, ev.At, ev.ActorID); err != nil {
		return p, err
	}
	return s.Panel(ctx, t.ID)
}

var errNoRules = domain.Errorf(domain.Conflict, "还没有席位规则", "the panel has no seat rules yet")
