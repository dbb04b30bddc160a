package patrol

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/patrol/roster"
)

// Draft is a month's roster as generated, for the captain to review before
// publishing: the shifts, who is on them, each member's load, the spread
// beside its proved lower bound, and the shifts left short with why.
type Draft struct {
	ID          domain.ID
	TeamID      domain.ID
	Month       Month
	Seed        string
	Shifts      []Shift
	Roster      roster.Roster
	GeneratedAt time.Time
	Published   bool
	PublishedAt time.Time
}

// GenerateRoster builds a fair roster of a team's month from its active
// members and shift templates (domain/patrol/roster), and keeps it as the
// month's draft, replacing an earlier draft: the captain or the committee.
// The same members, templates and month give the same roster. Errors:
// Unauthenticated, Forbidden, NotFound, Invalid (month: unreadable or
// past; templates: none), Conflict (the month is published).
func (s *Service) GenerateRoster(ctx context.Context, teamID domain.ID, month string) (Draft, error) {
	t, err := s.requireCaptain(ctx, teamID)
	if err != nil {
		return Draft{}, err
	}
	m, first, err := ParseMonth("month", month)
	if err != nil {
		return Draft{}, err
	}
	loc := s.zone(ctx, t.CommunityID)
	now := s.now().In(loc)
	if first.Year()*12+int(first.Month()) < now.Year()*12+int(now.Month()) {
		return Draft{}, domain.InvalidField("month", "不能为已经过去的月份排班", "that month is past")
	}
	if _, err := s.findPublication(ctx, t.ID, m); err == nil {
		return Draft{}, domain.Errorf(domain.Conflict, "这个月的排班已经公布", "the month's roster is published")
	}
	tpls, err := s.findTemplates(ctx, t.ID)
	if err != nil {
		return Draft{}, err
	}
	if len(tpls) == 0 {
		return Draft{}, domain.InvalidField("templates", "请先添加班次模板", "add shift templates first")
	}
	members, err := s.findMembers(ctx, t.ID)
	if err != nil {
		return Draft{}, err
	}
	templates := make([]Template, len(tpls))
	for i, d := range tpls {
		templates[i] = toTemplate(d)
	}
	d := Draft{ID: domain.ID(string(t.ID) + "-" + string(m)), TeamID: t.ID, Month: m, Seed: string(t.ID) + "/" + string(m), GeneratedAt: s.now()}
	d.Shifts = shiftsOf(d.ID, templates, first, loc)
	in := rosterInput(d.Seed, members, d.Shifts, loc)
	if d.Roster, err = roster.Build(in); err != nil {
		return Draft{}, err
	}
	if v := roster.Check(d.Roster, in); len(v) > 0 {
		return Draft{}, fmt.Errorf("generate roster: it breaks %s: %s", v[0].Code, v[0].Text.EN)
	}
	if err := s.saveDraft(ctx, d, members); err != nil {
		return Draft{}, err
	}
	return d, nil
}

// rosterInput is a month as the roster package sees it.
func rosterInput(seed string, members []memberDoc, shifts []Shift, loc *time.Location) roster.Input {
	in := roster.Input{Seed: seed, Zone: loc}
	for _, m := range members {
		in.Members = append(in.Members, toRosterMember(m))
	}
	for _, sh := range shifts {
		in.Shifts = append(in.Shifts, roster.Shift{ID: string(sh.ID), RouteID: string(sh.RouteID), TemplateID: string(sh.TemplateID),
			Start: sh.Start, End: sh.End, Min: sh.Min, Max: sh.Max, Weight: sh.Weight, Night: sh.Night})
	}
	return in
}

// toRosterMember is a member as the roster package sees them.
func toRosterMember(m memberDoc) roster.Member {
	rm := roster.Member{ID: string(m.UserID), MaxPerWeek: m.MaxPerWeek, NoNights: m.NoNight}
	for _, sl := range m.Weekly {
		rm.Weekly = append(rm.Weekly, roster.Slot{Day: time.Weekday(sl.Weekday), Start: sl.Start, End: sl.End})
	}
	for _, day := range m.DaysOff {
		rm.DaysOff = append(rm.DaysOff, time.Weekday(day))
	}
	return rm
}

// Roster returns a team's month: the published roster, else the draft to
// its captain. Errors: Unauthenticated, Forbidden, NotFound (no roster, or
// a draft the actor may not see).
func (s *Service) Roster(ctx context.Context, teamID domain.ID, month string) (Draft, error) {
	t, err := s.findTeam(ctx, teamID)
	if err != nil {
		return Draft{}, err
	}
	a, err := s.requireMember(ctx, t.CommunityID)
	if err != nil {
		return Draft{}, err
	}
	m, _, err := ParseMonth("month", month)
	if err != nil {
		return Draft{}, err
	}
	d, err := s.findDraft(ctx, domain.ID(string(t.ID)+"-"+string(m)))
	if err != nil {
		return Draft{}, err
	}
	if !d.Published && a.UserID != t.CaptainID && !a.Manager() {
		return Draft{}, errRosterNotFound
	}
	return d, nil
}

// PublishRoster publishes a month's draft after the captain's review: its
// positions become slot documents, one per shift and place and one per
// shift and person, with an open place for each one a shift lacks below
// its minimum. Published once: the first publication of a month wins. The
// draft is checked against the hard constraints again first. Errors:
// Unauthenticated, Forbidden, NotFound, Conflict (published already).
func (s *Service) PublishRoster(ctx context.Context, teamID domain.ID, month string) (Draft, error) {
	t, err := s.requireCaptain(ctx, teamID)
	if err != nil {
		return Draft{}, err
	}
	m, _, err := ParseMonth("month", month)
	if err != nil {
		return Draft{}, err
	}
	d, members, err := s.findDraftWithMembers(ctx, domain.ID(string(t.ID)+"-"+string(m)))
	if err != nil {
		return Draft{}, err
	}
	if v := roster.Check(d.Roster, rosterInput(d.Seed, members, d.Shifts, s.zone(ctx, t.CommunityID))); len(v) > 0 {
		return Draft{}, &domain.Error{Code: domain.Conflict, Message: domain.Text{ZH: "排班不符合约束：" + v[0].Text.ZH, EN: "the roster breaks a constraint: " + v[0].Text.EN}}
	}
	won, err := s.insertPublication(ctx, t.ID, m, s.now())
	if err != nil {
		return Draft{}, err
	}
	if !won {
		return Draft{}, domain.Errorf(domain.Conflict, "这个月的排班已经公布", "the month's roster is published")
	}
	on := map[string][]string{}
	for _, as := range d.Roster.Assignments {
		on[as.ShiftID] = append(on[as.ShiftID], as.MemberID)
	}
	var shifts []shiftDoc
	var positions []positionDoc
	for _, sh := range d.Shifts {
		shifts = append(shifts, fromShift(sh, d.ID))
		users := on[string(sh.ID)]
		slices.Sort(users)
		for n := 1; n <= max(len(users), sh.Min); n++ {
			p := positionDoc{ID: positionID(sh.ID, n), ShiftID: sh.ID, TeamID: t.ID, CommunityID: t.CommunityID, Number: n, State: string(Open),
				Start: sh.Start, End: sh.End, Weight: sh.Weight, Night: sh.Night, RouteID: sh.RouteID, Month: string(m), Passed: []passageDoc{}}
			if n <= len(users) {
				p.UserID, p.State = domain.ID(users[n-1]), string(Assigned)
			}
			p.Holder = holderKey(sh.ID, p.UserID, n)
			positions = append(positions, p)
		}
	}
	if err := s.insertPublished(ctx, shifts, positions); err != nil {
		return Draft{}, err
	}
	if err := s.markPublished(ctx, d.ID, s.now()); err != nil {
		return Draft{}, err
	}
	s.logEvent(ctx, t.ID, domain.ActorFromContext(ctx).UserID, EventPublish, "", string(m))
	d.Published, d.PublishedAt = true, s.now()
	return d, nil
}

// zone is a community's time zone, Asia/Shanghai when it cannot be read.
func (s *Service) zone(ctx context.Context, communityID domain.ID) *time.Location {
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		loc, _ := time.LoadLocation("Asia/Shanghai")
		return loc
	}
	return c.Location()
}

// fits reports whether a member may take a place: every hard constraint
// holds with it among the places they hold in its month. Errors: NotFound
// (not in the team), Invalid (the first constraint it breaks, with why).
func (s *Service) fits(ctx context.Context, p positionDoc, userID domain.ID) error {
	m, err := s.activeMember(ctx, p.TeamID, userID)
	if err != nil {
		return err
	}
	held, err := s.findPositionsOf(ctx, p.TeamID, userID, p.Month)
	if err != nil {
		return err
	}
	return fitsAmong(m, held, p, s.zone(ctx, m.CommunityID))
}

// fitsAmong is fits over what is read already: the member and the places
// they hold in p's month. Errors: Invalid (the first constraint it breaks).
func fitsAmong(m memberDoc, held []positionDoc, p positionDoc, loc *time.Location) error {
	in := roster.Input{Members: []roster.Member{toRosterMember(m)}, Seed: "fits", Zone: loc}
	var r roster.Roster
	for _, h := range append(slices.Clip(held), p) {
		if h.State == string(Missed) || h.ShiftID == "" {
			continue
		}
		in.Shifts = append(in.Shifts, roster.Shift{ID: string(h.ShiftID), RouteID: string(h.RouteID), TemplateID: "-", Start: h.Start, End: h.End,
			Min: 0, Max: 1, Weight: h.Weight, Night: h.Night})
		r.Assignments = append(r.Assignments, roster.Assignment{ShiftID: string(h.ShiftID), MemberID: string(m.UserID)})
	}
	for _, v := range roster.Check(r, in) {
		if v.ShiftID == "" || v.ShiftID == string(p.ShiftID) || v.Code == roster.Overlap || v.Code == roster.Rest || v.Code == roster.WeeklyLimit {
			return domain.InvalidText("positionId", v.Text)
		}
	}
	return nil
}
