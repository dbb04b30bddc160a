package volunteer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/volunteer/match"
)

// Matching: the area reads what it knows of its volunteers and needs into
// the match package's plain values, and match ranks and proposes. The
// scoring is documented there and in the README.

// Factor is one part of a candidate's score, with why.
type Factor = match.Factor

// Reason says why a volunteer is excluded or a slot stays open.
type Reason = match.Reason

// Candidate is a volunteer ranked for an occurrence.
type Candidate struct {
	Volunteer domain.ID
	Score     float64
	Factors   []Factor
	InvitedAt time.Time // when a coordinator invited them; zero when not
}

// Exclusion is a volunteer who may not take an occurrence, with why.
type Exclusion struct {
	Volunteer domain.ID
	Reasons   []Reason
}

// Ranking is the volunteers for one occurrence: candidates best first,
// then those excluded.
type Ranking struct {
	Occurrence Occurrence
	Candidates []Candidate
	Excluded   []Exclusion
}

// pool is what matching reads of a community at once: its active
// volunteers as match sees them, by user ID.
type pool struct {
	loc  *time.Location
	set  skillSet
	vols map[domain.ID]match.Volunteer
	ids  []domain.ID // in a stable order
}

// poolOf reads a community's active volunteers with their homes and
// history, for matching at now: a fixed number of queries.
func (s *Service) poolOf(ctx context.Context, communityID domain.ID, now time.Time) (pool, error) {
	_, loc := s.zoneOf(ctx, communityID)
	set, err := s.skillSet(ctx, communityID)
	if err != nil {
		return pool{}, err
	}
	profiles, err := s.findActiveProfiles(ctx, communityID)
	if err != nil {
		return pool{}, err
	}
	ids := make([]domain.ID, len(profiles))
	for i, p := range profiles {
		ids[i] = p.UserID
	}
	homes, err := s.comms.PlacesOf(ctx, communityID, ids)
	if err != nil {
		return pool{}, err
	}
	stats, err := s.statsOf(ctx, communityID, now)
	if err != nil {
		return pool{}, err
	}
	out := pool{loc: loc, set: set, vols: make(map[domain.ID]match.Volunteer, len(profiles)), ids: ids}
	slices.Sort(out.ids)
	for _, p := range profiles {
		out.vols[p.UserID] = toMatchVolunteer(p, homes[p.UserID], stats[p.UserID], loc)
	}
	return out, nil
}

// toMatchVolunteer is a volunteer as match sees them. Busy holds their
// live claims; WeekMinutes is left for the week of each need (weekOf).
func toMatchVolunteer(p profileDoc, home community.Place, st *volunteerStats, loc *time.Location) match.Volunteer {
	v := match.Volunteer{ID: string(p.UserID), HomeGrid: string(home.GridID), HomeMicroGrid: string(home.MicroGridID),
		MaxWeekMinutes: p.MaxMinutes, Paused: p.State != string(Active)}
	for _, k := range p.Skills {
		v.Skills = append(v.Skills, match.Skill{Name: k.Code, Level: k.Level, Verified: k.VerifiedBy != ""})
		v.Verified = v.Verified || k.VerifiedBy != ""
	}
	for _, sl := range p.Weekly {
		v.Weekly = append(v.Weekly, match.Slot{Day: time.Weekday(sl.Weekday), Start: sl.Start, End: sl.End})
	}
	for _, a := range p.Away {
		from, err1 := time.ParseInLocation(time.DateOnly, a.From, loc)
		to, err2 := time.ParseInLocation(time.DateOnly, a.To, loc)
		if err1 == nil && err2 == nil {
			v.Away = append(v.Away, match.Period{Start: from, End: to.AddDate(0, 0, 1)})
		}
	}
	for _, g := range p.Grids {
		v.Grids = append(v.Grids, string(g))
	}
	if st != nil {
		v.RecentMinutes, v.NoShows, v.LateCancels = st.minutes30d, st.reliability.NoShows, st.reliability.LateCancels
		for _, w := range st.claimed {
			v.Busy = append(v.Busy, match.Period{Start: w.from, End: w.to})
		}
	}
	return v
}

// weekOf returns the Monday-to-Monday week of t in loc.
func weekOf(t time.Time, loc *time.Location) window {
	l := t.In(loc)
	day := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
	monday := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	return window{monday, monday.AddDate(0, 0, 7)}
}

// inWeek returns v with WeekMinutes, the minutes of its commitments in w.
func inWeek(v match.Volunteer, w window) match.Volunteer {
	v.WeekMinutes = 0
	for _, b := range v.Busy {
		if !b.Start.Before(w.from) && b.Start.Before(w.to) {
			v.WeekMinutes += int(b.End.Sub(b.Start) / time.Minute)
		}
	}
	return v
}

// toMatchNeed is an occurrence as match sees it, its skills named and
// flagged from the community's taxonomy.
func toMatchNeed(n needDoc, o occurrenceDoc, loc *time.Location, claimed []domain.ID, set skillSet) match.Need {
	m := match.Need{ID: string(o.ID), Start: o.Start, End: o.End, Zone: loc, Grid: string(o.GridID), MicroGrid: string(o.MicroGridID),
		Sensitive: n.Sensitive, Slots: max(o.OpenSlots, 0)}
	skill := func(code string) match.SkillNeed {
		k := set[code]
		return match.SkillNeed{Name: code, Label: k.Name, Credentialed: k.Credentialed}
	}
	for _, c := range n.Required {
		m.Required = append(m.Required, skill(c))
	}
	for _, c := range n.Preferred {
		m.Preferred = append(m.Preferred, skill(c))
	}
	for _, id := range claimed {
		m.Claimed = append(m.Claimed, string(id))
	}
	return m
}

// Candidates ranks the community's active volunteers for an occurrence:
// for coordinators and the grid workers of its grid. Errors: Unauthenticated, Forbidden,
// NotFound.
func (s *Service) Candidates(ctx context.Context, occurrenceID domain.ID) (Ranking, error) {
	o, n, err := s.occurrenceAndNeed(ctx, occurrenceID)
	if err != nil {
		return Ranking{}, err
	}
	a, err := s.requireMember(ctx, o.CommunityID)
	if err != nil {
		return Ranking{}, err
	}
	if !a.coordinator() && !a.WorksFor(n.GridID) {
		return Ranking{}, errNotCoordinator // volunteers' records are not for the poster or the resident helped
	}
	p, err := s.poolOf(ctx, o.CommunityID, s.now())
	if err != nil {
		return Ranking{}, err
	}
	claims, err := s.findClaimsOf(ctx, o.ID)
	if err != nil {
		return Ranking{}, err
	}
	claimed := make([]domain.ID, len(claims))
	for i, c := range claims {
		claimed[i] = c.Volunteer
	}
	wk := weekOf(o.Start, p.loc)
	vols := make([]match.Volunteer, 0, len(p.ids))
	for _, id := range p.ids {
		vols = append(vols, inWeek(p.vols[id], wk))
	}
	invited, err := s.findInvitations(ctx, o.ID)
	if err != nil {
		return Ranking{}, err
	}
	rk := match.Rank(toMatchNeed(n, o, p.loc, claimed, p.set), vols)
	out := Ranking{Occurrence: toOccurrence(o)}
	for _, c := range rk.Candidates {
		id := domain.ID(c.VolunteerID)
		out.Candidates = append(out.Candidates, Candidate{Volunteer: id, Score: c.Score, Factors: c.Factors, InvitedAt: invited[id]})
	}
	for _, e := range rk.Excluded {
		out.Excluded = append(out.Excluded, Exclusion{Volunteer: domain.ID(e.VolunteerID), Reasons: e.Reasons})
	}
	return out, nil
}

// Match is an occurrence ranked for one volunteer: "needs for me".
type Match struct {
	Occurrence Occurrence
	Need       Need
	Score      float64
	Factors    []Factor
}

// ForMeAhead is how far ahead "needs for me" looks.
const ForMeAhead = 14 * 24 * time.Hour

// ForMe lists the open occurrences of the next two weeks that the actor,
// an active volunteer, may take, best first: ranked as coordinators see
// them, with the same factors ("为什么推荐我"). Errors: Unauthenticated,
// Forbidden, NotFound (not a volunteer).
func (s *Service) ForMe(ctx context.Context, communityID domain.ID) ([]Match, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return nil, err
	}
	prof, err := s.findProfile(ctx, community.MemberID(communityID, a.UserID))
	if err != nil {
		return nil, err
	}
	if prof.State != string(Active) {
		return []Match{}, nil
	}
	now := s.now()
	occs, err := s.findOccurrencesBetween(ctx, communityID, window{now, now.Add(ForMeAhead)}, OccurrenceOpen)
	if err != nil {
		return nil, err
	}
	needIDs := make([]domain.ID, 0, len(occs))
	for _, o := range occs {
		needIDs = append(needIDs, o.NeedID)
	}
	needs, err := s.findNeedsByID(ctx, needIDs)
	if err != nil {
		return nil, err
	}
	byID := make(map[domain.ID]needDoc, len(needs))
	for _, n := range needs {
		byID[n.ID] = n
	}
	homes, err := s.comms.PlacesOf(ctx, communityID, []domain.ID{a.UserID})
	if err != nil {
		return nil, err
	}
	stats, err := s.statsOf(ctx, communityID, now)
	if err != nil {
		return nil, err
	}
	_, loc := s.zoneOf(ctx, communityID)
	set, err := s.skillSet(ctx, communityID)
	if err != nil {
		return nil, err
	}
	me := toMatchVolunteer(prof, homes[a.UserID], stats[a.UserID], loc)
	mine, err := s.findVolunteerClaims(ctx, communityID, a.UserID, window{now, now.Add(ForMeAhead + MaxNeedLength)})
	if err != nil {
		return nil, err
	}
	held := map[domain.ID]bool{}
	for _, c := range mine {
		held[c.OccurrenceID] = true
	}
	out := []Match{}
	for _, o := range occs {
		n, ok := byID[o.NeedID]
		if !ok || n.State != string(NeedOpen) || held[o.ID] || o.OpenSlots <= 0 {
			continue
		}
		rk := match.Rank(toMatchNeed(n, o, loc, nil, set), []match.Volunteer{inWeek(me, weekOf(o.Start, loc))})
		if len(rk.Candidates) == 0 {
			continue
		}
		c := rk.Candidates[0]
		out = append(out, Match{Occurrence: toOccurrence(o), Need: s.needFor(a, n), Score: c.Score, Factors: c.Factors})
	}
	slices.SortStableFunc(out, func(x, y Match) int {
		if x.Score != y.Score {
			if x.Score > y.Score {
				return -1
			}
			return 1
		}
		return x.Occurrence.Start.Compare(y.Occurrence.Start)
	})
	return out, nil
}

// Invite mails volunteers an invitation to an occurrence, with why they
// were ranked for it, and records it (Candidate.InvitedAt): for
// coordinators and the grid workers of its grid. Only candidates (not
// excluded, not claimed) are invited, each once; it returns those it
// invited now. Errors: Unauthenticated, Forbidden, NotFound, Invalid
// (volunteers: none, or more than 20).
func (s *Service) Invite(ctx context.Context, occurrenceID domain.ID, volunteers []domain.ID) (invited []domain.ID, err error) {
	volunteers, err = domain.UniqueIDs("volunteers", volunteers, 20)
	if err != nil {
		return nil, err
	}
	if len(volunteers) == 0 {
		return nil, domain.InvalidField("volunteers", "请选择要邀请的志愿者", "choose whom to invite")
	}
	rk, err := s.Candidates(ctx, occurrenceID)
	if err != nil {
		return nil, err
	}
	n, err := s.findNeed(ctx, rk.Occurrence.NeedID)
	if err != nil {
		return nil, err
	}
	a := domain.ActorFromContext(ctx)
	who := ""
	if u, err := s.accounts.User(ctx, a.UserID); err == nil {
		who = u.Name
	}
	cm, loc := s.zoneOf(ctx, n.CommunityID)
	for _, c := range rk.Candidates {
		if !slices.Contains(volunteers, c.Volunteer) || !c.InvitedAt.IsZero() {
			continue
		}
		first, err := s.insertInvitation(ctx, rk.Occurrence.ID, c.Volunteer, a.UserID, s.now())
		if err != nil {
			return invited, err
		}
		if !first {
			continue // another coordinator's at the same moment
		}
		s.enqueue(ctx, notify.Item{Kind: KindInvited, CommunityID: n.CommunityID, RecipientID: c.Volunteer, Subject: "occurrence:" + string(rk.Occurrence.ID),
			Zone: cm.Settings.TimeZone, Data: map[string]string{"coordinator": who, "title": n.Title, "time": timeText(rk.Occurrence.Start, rk.Occurrence.End, loc),
				"place": placeText(ctx, s, n), "why": whyText(c.Factors), "link": s.needLink(n.CommunityID, n.ID)}})
		invited = append(invited, c.Volunteer)
	}
	return invited, nil
}

// placeText names a need's micro-grid: the exact address goes only to those
// who claim.
func placeText(ctx context.Context, s *Service, n needDoc) string {
	mg, err := s.comms.MicroGrid(ctx, n.MicroGridID)
	if err != nil {
		return ""
	}
	return mg.Name
}

// whyText is the two strongest factors, in Chinese, for a mail.
func whyText(fs []Factor) string {
	sorted := slices.Clone(fs)
	slices.SortStableFunc(sorted, func(a, b Factor) int {
		ra, rb := a.Points/max(a.Max, 1), b.Points/max(b.Max, 1)
		switch {
		case ra > rb:
			return -1
		case ra < rb:
			return 1
		}
		return 0
	})
	var parts []string
	for _, f := range sorted[:min(2, len(sorted))] {
		parts = append(parts, f.Detail.ZH)
	}
	return strings.Join(parts, "；")
}

// Proposal is a week's suggested assignment beside the bound of what any
// assignment could cover. It assigns no one: the coordinator accepts or
// edits it.
type Proposal struct {
	Week        window
	Assignments []Assignment
	Open        int // open slots of the week
	Covered     int
	Bound       int  // at most this many slots can be covered
	Exact       bool // Bound is the true maximum
	Unfilled    []Unfilled
}

// From and To return the week's bounds.
func (p Proposal) From() time.Time { return p.Week.from }

// To returns the end of the week, excluded.
func (p Proposal) To() time.Time { return p.Week.to }

// Assignment is a volunteer proposed for an occurrence.
type Assignment struct {
	Occurrence domain.ID
	Volunteer  domain.ID
}

// Unfilled is an occurrence whose slots the proposal leaves open, and why.
type Unfilled struct {
	Occurrence domain.ID
	Slots      int
	Reason     Reason
}

// WeekProposal proposes who could take the open slots of the week (Monday
// to Sunday, in the community's zone) that holds day (today when zero):
// for coordinators. Errors: Unauthenticated, Forbidden.
func (s *Service) WeekProposal(ctx context.Context, communityID domain.ID, day time.Time) (Proposal, error) {
	if _, err := s.requireCoordinator(ctx, communityID); err != nil {
		return Proposal{}, err
	}
	now := s.now()
	if day.IsZero() {
		day = now
	}
	p, err := s.poolOf(ctx, communityID, now)
	if err != nil {
		return Proposal{}, err
	}
	wk := weekOf(day, p.loc)
	from := wk.from
	if from.Before(now) {
		from = now
	}
	occs, err := s.findOccurrencesBetween(ctx, communityID, window{from, wk.to}, OccurrenceOpen)
	if err != nil {
		return Proposal{}, err
	}
	needIDs := make([]domain.ID, 0, len(occs))
	occIDs := make([]domain.ID, 0, len(occs))
	for _, o := range occs {
		needIDs, occIDs = append(needIDs, o.NeedID), append(occIDs, o.ID)
	}
	needs, err := s.findNeedsByID(ctx, needIDs)
	if err != nil {
		return Proposal{}, err
	}
	byID := make(map[domain.ID]needDoc, len(needs))
	for _, n := range needs {
		byID[n.ID] = n
	}
	claims, err := s.findClaimsOfOccurrences(ctx, occIDs)
	if err != nil {
		return Proposal{}, err
	}
	claimed := map[domain.ID][]domain.ID{}
	for _, c := range claims {
		claimed[c.OccurrenceID] = append(claimed[c.OccurrenceID], c.Volunteer)
	}
	week := make([]match.Need, 0, len(occs))
	for _, o := range occs {
		if n, ok := byID[o.NeedID]; ok && n.State == string(NeedOpen) && o.OpenSlots > 0 {
			week = append(week, toMatchNeed(n, o, p.loc, claimed[o.ID], p.set))
		}
	}
	vols := make([]match.Volunteer, 0, len(p.ids))
	for _, id := range p.ids {
		vols = append(vols, inWeek(p.vols[id], wk))
	}
	prop := match.Propose(week, vols)
	bound := match.Optimum(week, vols)
	out := Proposal{Week: wk, Open: prop.Open, Covered: prop.Covered, Bound: bound.Slots, Exact: bound.Exact}
	for _, as := range prop.Assignments {
		out.Assignments = append(out.Assignments, Assignment{Occurrence: domain.ID(as.NeedID), Volunteer: domain.ID(as.VolunteerID)})
	}
	for _, u := range prop.Unfilled {
		out.Unfilled = append(out.Unfilled, Unfilled{Occurrence: domain.ID(u.NeedID), Slots: u.Slots, Reason: u.Reason})
	}
	return out, nil
}

// String writes a proposal's coverage, for logs and benchmarks.
func (p Proposal) String() string {
	return fmt.Sprintf("%d of %d open slots (bound %d)", p.Covered, p.Open, p.Bound)
}
