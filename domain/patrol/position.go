package patrol

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
)

// PositionState is where one patroller's place on a published shift
// stands.
type PositionState string

// States of a position.
const (
	Assigned  PositionState = "assigned"
	Offered   PositionState = "offered" // its holder offers it for a swap
	Open      PositionState = "open"    // dropped: anyone who may take it can
	CheckedIn PositionState = "checked_in"
	Missed    PositionState = "missed" // marked by the captain: counts as zero load
)

// Position is one place on a published shift. Its ID is shift/number; its
// holder key (shift/user) is unique, so no one holds two places of a shift
// and a dropped place goes to the first who takes it.
type Position struct {
	ID         domain.ID
	ShiftID    domain.ID
	TeamID     domain.ID
	Number     int
	UserID     domain.ID // empty while open
	State      PositionState
	Start, End time.Time
	Weight     float64
	Night      bool
	RouteID    domain.ID
	Passed     []Passage // checkpoints passed, in order
	// PendingTaker would take the offered place once the captain approves:
	// it breaks a constraint, PendingReason.
	PendingTaker  domain.ID
	PendingReason domain.Text
	// Candidates may take the open place, lightest first; OpenPositions
	// fills them, nil elsewhere (Candidates reads them).
	Candidates []Load
}

// Passage is a checkpoint passed on a shift.
type Passage struct {
	Checkpoint int // its index on the route
	At         time.Time
	By         domain.ID // the captain, for a member without a phone; empty when the member scanned
}

// positionID is the ID of a shift's n'th place.
func positionID(shiftID domain.ID, n int) domain.ID {
	return domain.ID(fmt.Sprintf("%s/%d", shiftID, n))
}

// holderKey lets a person hold one place of a shift; an open place holds
// its own key.
func holderKey(shiftID domain.ID, userID domain.ID, n int) string {
	if userID == "" {
		return fmt.Sprintf("%s/open-%d", shiftID, n)
	}
	return string(shiftID) + "/" + string(userID)
}

// Drop gives up the actor's place on a shift that has not started: it
// goes to the open list, where the team's members who may take it see it.
// Errors: Unauthenticated, NotFound, Conflict (started, or not theirs to
// drop).
func (s *Service) Drop(ctx context.Context, positionID domain.ID) (Position, error) {
	p, a, err := s.ownPlaceAhead(ctx, positionID)
	if err != nil {
		return Position{}, err
	}
	ok, err := s.movePosition(ctx, p, []PositionState{Assigned, Offered}, Open, "")
	if err != nil || !ok {
		return Position{}, orChanged(err)
	}
	s.logEvent(ctx, p.TeamID, a.UserID, EventDrop, p.ShiftID, "")
	p.UserID, p.State = "", string(Open)
	s.tellCandidates(ctx, p, a.UserID)
	return toPosition(p), nil
}

// ownPlaceAhead reads the actor's own place on a shift that has not
// started, for them to drop or offer. Errors: Unauthenticated, NotFound
// (also another's place), Conflict (started).
func (s *Service) ownPlaceAhead(ctx context.Context, positionID domain.ID) (positionDoc, domain.Actor, error) {
	p, err := s.findPosition(ctx, positionID)
	if err != nil {
		return positionDoc{}, domain.Actor{}, err
	}
	a, err := domain.RequireUser(ctx)
	if err != nil {
		return positionDoc{}, domain.Actor{}, err
	}
	if p.UserID != a.UserID {
		return positionDoc{}, domain.Actor{}, errPositionNotFound
	}
	if !s.now().Before(p.Start) {
		return positionDoc{}, domain.Actor{}, domain.Errorf(domain.Conflict, "班次已经开始", "the shift has started")
	}
	return p, a, nil
}

// candidatesTold is how many of those who may take a dropped place are
// told of it, lightest load first.
const candidatesTold = 5

// Candidates lists the members who may take an open place (every hard
// constraint of their month holding with it, as Take checks), lightest
// load first: those a dropped place goes to. Empty for a place that is
// not open. For the community's members. Errors: Unauthenticated,
// Forbidden, NotFound.
func (s *Service) Candidates(ctx context.Context, positionID domain.ID) ([]Load, error) {
	p, err := s.findPosition(ctx, positionID)
	if err != nil {
		return nil, err
	}
	t, _, _, err := s.teamMonth(ctx, p.TeamID, p.Month)
	if err != nil || p.State != string(Open) || !s.now().Before(p.Start) {
		return []Load{}, err
	}
	return s.candidatesFor(ctx, t, p)
}

// candidatesFor ranks the members for whom an open place fits by their
// load of its month, lightest first.
func (s *Service) candidatesFor(ctx context.Context, t teamDoc, p positionDoc) ([]Load, error) {
	rank, err := s.ranker(ctx, t, p.Month)
	if err != nil {
		return nil, err
	}
	return rank(p), nil
}

// ranker reads a team's members and a month's places once, and returns
// what ranks the members for whom an open place of that month fits, by
// their load, lightest first.
func (s *Service) ranker(ctx context.Context, t teamDoc, month string) (func(positionDoc) []Load, error) {
	members, err := s.findMembers(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	places, err := s.findTeamPositions(ctx, t.ID, month)
	if err != nil {
		return nil, err
	}
	held, loc := heldBy(places), s.zone(ctx, t.CommunityID)
	return func(p positionDoc) []Load {
		out := []Load{}
		for _, m := range members {
			if fitsAmong(m, held[m.UserID], p, loc) != nil {
				continue
			}
			l := Load{UserID: m.UserID}
			for _, h := range held[m.UserID] {
				if h.State != string(Missed) {
					l.Weight += h.Weight
					l.Shifts++
				}
			}
			out = append(out, l)
		}
		slices.SortStableFunc(out, lighter)
		return out
	}, nil
}

// tellCandidates mails a dropped place to the lightest-loaded members who
// may take it, but not to the one who dropped it. A failure is logged:
// the place is open on the page whatever happens to the mail.
func (s *Service) tellCandidates(ctx context.Context, p positionDoc, dropper domain.ID) {
	if s.notifier == nil {
		return
	}
	t, err := s.findTeam(ctx, p.TeamID)
	if err != nil {
		s.log.ErrorContext(ctx, "tell a dropped place", "position", p.ID, "err", err)
		return
	}
	ranked, err := s.candidatesFor(ctx, t, p)
	if err != nil {
		s.log.ErrorContext(ctx, "tell a dropped place", "position", p.ID, "err", err)
		return
	}
	c, err := s.comms.Community(ctx, t.CommunityID)
	if err != nil {
		s.log.ErrorContext(ctx, "tell a dropped place", "position", p.ID, "err", err)
		return
	}
	r, _ := s.routesByID(ctx, t.ID)
	when := shiftTime(p, c.Location())
	told := 0
	for _, l := range ranked {
		if l.UserID == dropper || told == candidatesTold {
			continue
		}
		told++
		s.enqueue(ctx, notify.Item{Kind: KindShiftUnfilled, CommunityID: c.ID, RecipientID: l.UserID, Subject: "position:" + string(p.ID),
			Occurrence: "drop/" + s.now().UTC().Format(time.RFC3339), Zone: c.Settings.TimeZone,
			Data: map[string]string{"time": when, "route": r[p.RouteID].Name, "open": "1", "link": s.link(c.ID, "patrol")}})
	}
}

// Take takes an open place on a shift for the actor, a member of its team
// who may take it (every hard constraint holds with it in their month).
// Of many who reach for it at once, exactly one gets it. Errors:
// Unauthenticated, Forbidden (not in the team), NotFound, Conflict (taken
// meanwhile, started, or they hold a place on it), Invalid (a constraint,
// with its reason).
func (s *Service) Take(ctx context.Context, positionID domain.ID) (Position, error) {
	p, err := s.findPosition(ctx, positionID)
	if err != nil {
		return Position{}, err
	}
	a, err := domain.RequireUser(ctx)
	if err != nil {
		return Position{}, err
	}
	if _, err := s.activeMember(ctx, p.TeamID, a.UserID); err != nil {
		return Position{}, domain.Errorf(domain.Forbidden, "只有本队队员可以认领班次", "only the team's members take shifts")
	}
	if p.State != string(Open) {
		return Position{}, domain.Errorf(domain.Conflict, "这个班次已经有人认领了", "the place was taken")
	}
	if !s.now().Before(p.Start) {
		return Position{}, domain.Errorf(domain.Conflict, "班次已经开始", "the shift has started")
	}
	if err := s.fits(ctx, p, a.UserID); err != nil {
		return Position{}, err
	}
	ok, err := s.movePosition(ctx, p, []PositionState{Open}, Assigned, a.UserID)
	if err != nil {
		if domain.ErrorCode(err) == domain.Conflict {
			return Position{}, domain.Errorf(domain.Conflict, "您已在这个班次上", "you are on this shift already")
		}
		return Position{}, err
	}
	if !ok {
		return Position{}, domain.Errorf(domain.Conflict, "这个班次已经有人认领了", "the place was taken")
	}
	s.logEvent(ctx, p.TeamID, a.UserID, EventTake, p.ShiftID, "")
	p.UserID, p.State = a.UserID, string(Assigned)
	return toPosition(p), nil
}

// MyShifts lists the places the actor holds in a team's month, in time
// order. Errors: Unauthenticated, Forbidden, NotFound.
func (s *Service) MyShifts(ctx context.Context, teamID domain.ID, month string) ([]Position, error) {
	t, a, m, err := s.teamMonth(ctx, teamID, month)
	if err != nil {
		return nil, err
	}
	docs, err := s.findPositionsOf(ctx, t.ID, a.UserID, string(m))
	return toPositions(docs), err
}

// Position returns a place on a published shift to the community's
// members, who see the published rosters. Errors: Unauthenticated,
// NotFound (also to outsiders).
func (s *Service) Position(ctx context.Context, id domain.ID) (Position, error) {
	d, err := s.findPosition(ctx, id)
	if err != nil {
		return Position{}, err
	}
	if _, err := s.readerOf(ctx, d.CommunityID, errPositionNotFound); err != nil {
		return Position{}, err
	}
	return toPosition(d), nil
}

// OpenPositions lists the open places of a team's published month that
// have not started, soonest first, each with its candidates: those its
// members may take (Take), for the community's members. Errors:
// Unauthenticated, Forbidden, NotFound, Invalid (month).
func (s *Service) OpenPositions(ctx context.Context, teamID domain.ID, month string) ([]Position, error) {
	t, _, m, err := s.teamMonth(ctx, teamID, month)
	if err != nil {
		return nil, err
	}
	docs, err := s.findPositionsIn(ctx, t.ID, string(m), Open, s.now())
	if err != nil || len(docs) == 0 {
		return toPositions(docs), err
	}
	rank, err := s.ranker(ctx, t, string(m))
	if err != nil {
		return nil, err
	}
	out := toPositions(docs)
	for i, d := range docs {
		out[i].Candidates = rank(d)
	}
	return out, nil
}

// OfferedPositions lists the places of a team's published month that
// other members offer for a swap and that have not started, soonest
// first: the viewer may take them (TakeOffer). Errors: Unauthenticated,
// Forbidden, NotFound, Invalid (month).
func (s *Service) OfferedPositions(ctx context.Context, teamID domain.ID, month string) ([]Position, error) {
	t, a, m, err := s.teamMonth(ctx, teamID, month)
	if err != nil {
		return nil, err
	}
	docs, err := s.findPositionsIn(ctx, t.ID, string(m), Offered, s.now())
	others := slices.DeleteFunc(docs, func(d positionDoc) bool { return d.UserID == a.UserID })
	return toPositions(others), err
}

// DayPositions lists every place of a team's shifts that start on a day
// (2026-12-01, in the community's zone), in time order, open ones too:
// for the captain and the committee, who check in a member without a
// phone and mark a missed shift. Errors: Unauthenticated, Forbidden,
// NotFound, Invalid (day).
func (s *Service) DayPositions(ctx context.Context, teamID domain.ID, day string) ([]Position, error) {
	t, err := s.requireCaptain(ctx, teamID)
	if err != nil {
		return nil, err
	}
	from, err := time.ParseInLocation(time.DateOnly, day, s.zone(ctx, t.CommunityID))
	if err != nil {
		return nil, domain.InvalidField("day", "日期应写作 2026-12-01", "write the day as 2026-12-01")
	}
	docs, err := s.findTeamPositionsBetween(ctx, t.ID, from, from.AddDate(0, 0, 1))
	return toPositions(docs), err
}

// toPositions turns place documents into Positions.
func toPositions(docs []positionDoc) []Position {
	out := make([]Position, len(docs))
	for i, d := range docs {
		out[i] = toPosition(d)
	}
	return out
}

// Holders lists who holds the places of each shift of a team's published
// month as they stand now, after drops, takes and swaps, by shift ID in
// place order; an open or missed place names no one. For the community's
// members. Errors: Unauthenticated, Forbidden, NotFound, Invalid (month).
func (s *Service) Holders(ctx context.Context, teamID domain.ID, month string) (map[domain.ID][]domain.ID, error) {
	t, _, m, err := s.teamMonth(ctx, teamID, month)
	if err != nil {
		return nil, err
	}
	docs, err := s.findTeamPositions(ctx, t.ID, string(m))
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(docs, func(a, b positionDoc) int { return a.Number - b.Number })
	out := map[domain.ID][]domain.ID{}
	for _, p := range docs {
		if p.UserID != "" && p.State != string(Missed) {
			out[p.ShiftID] = append(out[p.ShiftID], p.UserID)
		}
	}
	return out, nil
}

// Load is a member's share of a published month.
type Load struct {
	UserID domain.ID
	Weight float64 // the weights of their shifts, a missed one counting zero
	Shifts int
}

// lighter orders loads lightest first, then by ID.
func lighter(a, b Load) int {
	if c := cmp.Compare(a.Weight, b.Weight); c != 0 {
		return c
	}
	return strings.Compare(string(a.UserID), string(b.UserID))
}

// Loads lists the load of a published month of each active member, and
// of each who left but held a place in it, by load then ID, for the
// community's members: anyone can check the fairness. Errors:
// Unauthenticated, Forbidden, NotFound.
func (s *Service) Loads(ctx context.Context, teamID domain.ID, month string) ([]Load, error) {
	t, _, m, err := s.teamMonth(ctx, teamID, month)
	if err != nil {
		return nil, err
	}
	members, err := s.findMembers(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	positions, err := s.findTeamPositions(ctx, t.ID, string(m))
	if err != nil {
		return nil, err
	}
	by := map[domain.ID]*Load{}
	for _, mb := range members {
		by[mb.UserID] = &Load{UserID: mb.UserID}
	}
	for _, p := range positions {
		if p.UserID == "" {
			continue
		}
		l, ok := by[p.UserID]
		if !ok { // one who left: their past stays counted
			l = &Load{UserID: p.UserID}
			by[p.UserID] = l
		}
		if p.State != string(Missed) {
			l.Weight += p.Weight
			l.Shifts++
		}
	}
	out := make([]Load, 0, len(by))
	for _, l := range by {
		out = append(out, *l)
	}
	slices.SortStableFunc(out, lighter)
	return out, nil
}

// teamMonth reads a team and the actor's access to its community, and a
// month written 2026-12, for the reads of a month. Errors:
// Unauthenticated, Forbidden, NotFound, Invalid (month).
func (s *Service) teamMonth(ctx context.Context, teamID domain.ID, month string) (teamDoc, community.Access, Month, error) {
	t, err := s.findTeam(ctx, teamID)
	if err != nil {
		return teamDoc{}, community.Access{}, "", err
	}
	a, err := s.requireMember(ctx, t.CommunityID)
	if err != nil {
		return teamDoc{}, community.Access{}, "", err
	}
	m, _, err := ParseMonth("month", month)
	return t, a, m, err
}

// Uncredited lists the patrols of a community that were walked (checked
// in) and have ended by now but whose hours have not gone to the time
// bank yet, oldest first, at most 500: for the jobs, which credit them
// (see the volunteer area) and mark them with MarkCredited. It checks no
// actor.
func (s *Service) Uncredited(ctx context.Context, communityID domain.ID, now time.Time) ([]Position, error) {
	docs, err := s.findUncredited(ctx, communityID, now, 500)
	return toPositions(docs), err
}

// MarkCredited records that a patrol's hours went to the time bank. It
// checks no actor.
func (s *Service) MarkCredited(ctx context.Context, positionID domain.ID) error {
	return s.markCredited(ctx, positionID)
}
