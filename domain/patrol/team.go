package patrol

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// Team is a patrol team (巡防队), such as 古城武林大妈巡防队.
type Team struct {
	ID          domain.ID
	CommunityID domain.ID
	Name        string
	CaptainID   domain.ID
	CreatedAt   time.Time
}

// Slot is a weekly stretch of time a member can patrol, in the community's
// zone: from Start to End minutes after midnight of Weekday.
type Slot struct {
	Weekday    time.Weekday
	Start, End int // 0 ≤ Start < End ≤ 1440
}

// Member is a member of a patrol team with their availability and limits.
type Member struct {
	TeamID      domain.ID
	UserID      domain.ID
	Weekly      []Slot
	MaxPerWeek  int            // shifts a week (Monday to Sunday); 0 for no limit
	NoNight     bool           // takes no night shifts
	DaysOff     []time.Weekday // never on these days
	Note        string         // a private note for the captain (health, mobility): empty for others
	JoinedAt    time.Time
	Active      bool
	NoteVisible bool // whether the reader may see the note
}

// ID identifies the membership: team/user.
func (m Member) ID() domain.ID { return m.TeamID + "/" + m.UserID }

// Bounds of a member's settings.
const (
	MaxSlots   = 28
	MaxPerWeek = 14
)

// MemberInput is what a member (or the captain for them) sets.
type MemberInput struct {
	TeamID     domain.ID
	UserID     domain.ID // the actor when empty
	Weekly     []Slot
	MaxPerWeek int
	NoNight    bool
	DaysOff    []time.Weekday
	Note       string // only the captain sets it
}

// CreateTeam creates a patrol team with its captain, a member of the
// community, who joins it: the committee. Errors: Unauthenticated,
// Forbidden, Invalid (name, captain), Conflict (the name is taken).
func (s *Service) CreateTeam(ctx context.Context, communityID domain.ID, name string, captain domain.ID) (Team, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return Team{}, err
	}
	if !a.Manager() {
		return Team{}, errNotCommittee
	}
	if name, err = text.Line("name", domain.Text{ZH: "队名", EN: "team name"}, name, 2, 30); err != nil {
		return Team{}, err
	}
	places, err := s.comms.PlacesOf(ctx, communityID, []domain.ID{captain})
	if err != nil {
		return Team{}, err
	}
	if len(places) == 0 {
		return Team{}, domain.InvalidField("captainId", "队长须是本社区成员", "the captain must be a member of the community")
	}
	d := teamDoc{ID: domain.NewID(), CommunityID: communityID, Name: name, Slot: string(communityID) + "/" + name, CaptainID: captain, CreatedAt: s.now()}
	won, err := s.insertTeam(ctx, d)
	if err != nil {
		return Team{}, err
	}
	if !won {
		return Team{}, domain.Errorf(domain.Conflict, "已有名为“%s”的巡防队", "a team named %q exists", name)
	}
	if _, err := s.insertMember(ctx, memberDoc{ID: string(d.ID) + "/" + string(captain), TeamID: d.ID, CommunityID: communityID, UserID: captain,
		JoinedAt: s.now(), Active: true}); err != nil {
		return Team{}, err
	}
	return toTeam(d), nil
}

// Team returns a team to the community's members. Errors:
// Unauthenticated, NotFound (also to outsiders).
func (s *Service) Team(ctx context.Context, id domain.ID) (Team, error) {
	d, err := s.findTeam(ctx, id)
	if err != nil {
		return Team{}, err
	}
	if _, err := s.requireMember(ctx, d.CommunityID); domain.ErrorCode(err) == domain.Forbidden {
		return Team{}, errTeamNotFound
	} else if err != nil {
		return Team{}, err
	}
	return toTeam(d), nil
}

// Teams lists a community's teams by name, for its members. Errors:
// Unauthenticated, Forbidden.
func (s *Service) Teams(ctx context.Context, communityID domain.ID) ([]Team, error) {
	if _, err := s.requireMember(ctx, communityID); err != nil {
		return nil, err
	}
	docs, err := s.findTeams(ctx, communityID)
	out := make([]Team, len(docs))
	for i, d := range docs {
		out[i] = toTeam(d)
	}
	return out, err
}

// checkMember checks a member's settings. Errors: Invalid (field).
func checkMember(in MemberInput, captain bool) (memberDoc, error) {
	d := memberDoc{MaxPerWeek: in.MaxPerWeek, NoNight: in.NoNight}
	if len(in.Weekly) > MaxSlots {
		return memberDoc{}, domain.InvalidField("weekly", "每周最多 %d 个时段", "at most %d weekly slots", MaxSlots)
	}
	for i, sl := range in.Weekly {
		field := func(f string) string { return fmt.Sprintf("weekly[%d].%s", i, f) }
		switch {
		case sl.Weekday < time.Sunday || sl.Weekday > time.Saturday:
			return memberDoc{}, domain.InvalidField(field("weekday"), "星期须为周日到周六", "the weekday must be Sunday to Saturday")
		case sl.Start < 0 || sl.Start >= 1440:
			return memberDoc{}, domain.InvalidField(field("start"), "开始时间须在 0 点到 24 点之间", "the start must lie between 0:00 and 24:00")
		case sl.End <= sl.Start || sl.End > 1440:
			return memberDoc{}, domain.InvalidField(field("end"), "结束时间须晚于开始时间，且不晚于 24 点", "the end must come after the start, by 24:00")
		}
		for j, o := range in.Weekly[:i] {
			if o.Weekday == sl.Weekday && o.Start < sl.End && sl.Start < o.End {
				return memberDoc{}, domain.InvalidField(field("start"), "与第 %d 个时段重叠", "overlaps slot %d", j+1)
			}
		}
		d.Weekly = append(d.Weekly, slotDoc{Weekday: int(sl.Weekday), Start: sl.Start, End: sl.End})
	}
	if in.MaxPerWeek < 0 || in.MaxPerWeek > MaxPerWeek {
		return memberDoc{}, domain.InvalidField("maxPerWeek", "每周班次上限须在 0 到 %d 之间（0 为不限）", "the weekly limit must be 0 to %d (0: none)", MaxPerWeek)
	}
	for i, day := range in.DaysOff {
		if day < time.Sunday || day > time.Saturday {
			return memberDoc{}, domain.InvalidField(fmt.Sprintf("daysOff[%d]", i), "星期须为周日到周六", "the weekday must be Sunday to Saturday")
		}
		if !slices.Contains(d.DaysOff, int(day)) {
			d.DaysOff = append(d.DaysOff, int(day))
		}
	}
	if in.Note != "" {
		if !captain {
			return memberDoc{}, domain.InvalidField("note", "备注只能由队长填写", "only the captain writes the note")
		}
		note, err := text.Body("note", in.Note, 0, 300)
		if err != nil {
			return memberDoc{}, err
		}
		d.Note = note
	}
	return d, nil
}

// Join makes the actor a member of a team of their community, with their
// availability and limits; one who left joins again. Errors:
// Unauthenticated, Forbidden, NotFound, Invalid (a field), Conflict
// (already a member).
func (s *Service) Join(ctx context.Context, in MemberInput) (Member, error) {
	t, err := s.findTeam(ctx, in.TeamID)
	if err != nil {
		return Member{}, err
	}
	a, err := s.requireMember(ctx, t.CommunityID)
	if err != nil {
		return Member{}, err
	}
	d, err := checkMember(MemberInput{Weekly: in.Weekly, MaxPerWeek: in.MaxPerWeek, NoNight: in.NoNight, DaysOff: in.DaysOff, Note: in.Note}, false)
	if err != nil {
		return Member{}, err
	}
	d.ID, d.TeamID, d.CommunityID, d.UserID, d.JoinedAt, d.Active = string(t.ID)+"/"+string(a.UserID), t.ID, t.CommunityID, a.UserID, s.now(), true
	won, err := s.insertMember(ctx, d)
	if err != nil {
		return Member{}, err
	}
	if !won {
		if ok, err := s.rejoin(ctx, d); err != nil || !ok {
			return Member{}, orConflict(err, domain.Errorf(domain.Conflict, "您已经是队员了", "you are in the team already"))
		}
	}
	return toMember(d, false), nil
}

// activeMember reads a membership that is active: one who left is not in
// the team. Errors: NotFound.
func (s *Service) activeMember(ctx context.Context, teamID, userID domain.ID) (memberDoc, error) {
	m, err := s.findMember(ctx, teamID, userID)
	if err == nil && !m.Active {
		return memberDoc{}, errNotInTeam
	}
	return m, err
}

// orConflict is err, or conflict when the update found nothing.
func orConflict(err, conflict error) error {
	if err != nil {
		return err
	}
	return conflict
}

// SetMember changes a member's availability and limits: the member
// themself, or the captain (who alone writes the private note). Errors:
// Unauthenticated, Forbidden, NotFound, Invalid (a field).
func (s *Service) SetMember(ctx context.Context, in MemberInput) (Member, error) {
	t, err := s.findTeam(ctx, in.TeamID)
	if err != nil {
		return Member{}, err
	}
	a, err := s.requireMember(ctx, t.CommunityID)
	if err != nil {
		return Member{}, err
	}
	if in.UserID == "" {
		in.UserID = a.UserID
	}
	captain := a.UserID == t.CaptainID || a.Manager()
	if in.UserID != a.UserID && !captain {
		return Member{}, errNotCaptain
	}
	old, err := s.activeMember(ctx, t.ID, in.UserID)
	if err != nil {
		return Member{}, err
	}
	if !captain {
		in.Note = ""
	}
	d, err := checkMember(in, captain)
	if err != nil {
		return Member{}, err
	}
	if !captain {
		d.Note = old.Note // a member neither sees nor changes the captain's note on them
	}
	d.ID, d.TeamID, d.CommunityID, d.UserID, d.JoinedAt, d.Active = old.ID, old.TeamID, old.CommunityID, old.UserID, old.JoinedAt, old.Active
	if err := s.saveMember(ctx, d, captain); err != nil {
		return Member{}, err
	}
	return toMember(d, captain), nil
}

// Members lists a team's active members in the order they joined, for the
// community's members; the private notes only to the captain and the
// committee. Errors:
// Unauthenticated, Forbidden, NotFound.
func (s *Service) Members(ctx context.Context, teamID domain.ID) ([]Member, error) {
	t, err := s.findTeam(ctx, teamID)
	if err != nil {
		return nil, err
	}
	a, err := s.requireMember(ctx, t.CommunityID)
	if err != nil {
		return nil, err
	}
	captain := a.UserID == t.CaptainID || a.Manager()
	docs, err := s.findMembers(ctx, teamID)
	out := make([]Member, 0, len(docs))
	for _, d := range docs {
		out = append(out, toMember(d, captain))
	}
	return out, err
}

var errCaptainStays = domain.Errorf(domain.Conflict, "队长不能退队，也不能被移出队伍", "the captain can neither leave the team nor be removed from it")

// LeaveTeam takes a member off a team: the member themself, or the captain
// or the committee removing another (userID; the actor when empty). Their
// places on shifts that have not started go to the open list, each on the
// timeline as a drop; the shifts they walked and their loads stay. They
// may join again. It returns the places it opened. Errors:
// Unauthenticated, Forbidden, NotFound (not in the team), Conflict (the
// captain).
func (s *Service) LeaveTeam(ctx context.Context, teamID, userID domain.ID) ([]Position, error) {
	t, err := s.findTeam(ctx, teamID)
	if err != nil {
		return nil, err
	}
	a, err := s.requireMember(ctx, t.CommunityID)
	if err != nil {
		return nil, err
	}
	if userID == "" {
		userID = a.UserID
	}
	if userID != a.UserID && a.UserID != t.CaptainID && !a.Manager() {
		return nil, errNotCaptain
	}
	if userID == t.CaptainID {
		return nil, errCaptainStays
	}
	m, err := s.activeMember(ctx, t.ID, userID)
	if err != nil {
		return nil, err
	}
	// Places first: should this fail halfway, leaving again finishes it.
	held, err := s.findHeldFrom(ctx, t.ID, userID, s.now())
	if err != nil {
		return nil, err
	}
	note := ""
	if userID != a.UserID {
		note = string(userID) // the timeline names whom the captain removed
	}
	opened := []Position{}
	for _, p := range held {
		ok, err := s.movePosition(ctx, p, []PositionState{Assigned, Offered}, Open, "")
		if err != nil {
			return nil, err
		}
		if ok {
			s.logEvent(ctx, t.ID, a.UserID, EventDrop, p.ShiftID, note)
			p.UserID, p.State = "", string(Open)
			opened = append(opened, toPosition(p))
		}
	}
	ok, err := s.deactivateMember(ctx, m.ID)
	if err != nil || !ok {
		return nil, orChanged(err)
	}
	return opened, nil
}
