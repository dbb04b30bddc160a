package volunteer

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/text"
)

// State is where a volunteer stands.
type State string

// States of a volunteer. A member opts in (Pending); a team leader or the
// committee confirms them (Active); they may pause and resume, or leave.
// Leaving keeps their history; they may join again.
const (
	Pending State = "pending"
	Active  State = "active"
	Paused  State = "paused"
	Left    State = "left"
)

// SkillLevel is one of a volunteer's skills.
type SkillLevel struct {
	Code  string
	Level int // MinLevel to MaxLevel
	// Credential describes a credentialed skill's certificate (执业证书),
	// seen by the volunteer and coordinators only.
	Credential string
	VerifiedBy domain.ID // the committee member who checked the credential
	VerifiedAt time.Time
}

// Verified reports whether the skill's credential was checked.
func (k SkillLevel) Verified() bool { return k.VerifiedBy != "" }

// Slot is a weekly stretch of time a volunteer is available, in the
// community's zone: from Start to End minutes after midnight of Weekday.
type Slot struct {
	Weekday    time.Weekday
	Start, End int // 0 ≤ Start < End ≤ 1440
}

// Away is a stretch of days the volunteer is not available, both ends
// included, as 2006-01-02 in the community's zone.
type Away struct {
	From, To string
}

// Profile is a member's volunteer profile.
type Profile struct {
	CommunityID       domain.ID
	UserID            domain.ID
	TeamID            domain.ID // empty when in no team
	State             State
	Skills            []SkillLevel
	Weekly            []Slot
	Away              []Away
	Grids             []domain.ID // the grids they will serve; empty means the whole community
	MaxMinutesPerWeek int
	Dialects          []string
	JoinedAt          time.Time
	ConfirmedBy       domain.ID
	ConfirmedAt       time.Time
	UpdatedAt         time.Time
}

// ID identifies the profile: the membership's ID.
func (p Profile) ID() domain.ID { return community.MemberID(p.CommunityID, p.UserID) }

// Skill returns the volunteer's level of a skill, if they have it.
func (p Profile) Skill(code string) (SkillLevel, bool) {
	for _, k := range p.Skills {
		if k.Code == code {
			return k, true
		}
	}
	return SkillLevel{}, false
}

// Bounds of a profile.
const (
	MaxSkills         = 10
	MaxWeeklySlots    = 28
	MaxAways          = 10
	MaxDialects       = 5
	MaxGridsServed    = 20
	MinMinutesPerWeek = 30
	MaxMinutesPerWeek = 40 * 60
)

// ProfileInput is what a member gives to join or to update their profile.
type ProfileInput struct {
	CommunityID       domain.ID
	TeamID            domain.ID
	Skills            []SkillLevel // Code, Level and Credential are read
	Weekly            []Slot
	Away              []Away
	Grids             []domain.ID
	MaxMinutesPerWeek int
	Dialects          []string
}

// checkProfile checks a profile's input against the community's taxonomy
// and grids. Errors: Invalid (field).
func (s *Service) checkProfile(ctx context.Context, in ProfileInput) (profileDoc, error) {
	set, err := s.skillSet(ctx, in.CommunityID)
	if err != nil {
		return profileDoc{}, err
	}
	d := profileDoc{CommunityID: in.CommunityID, TeamID: in.TeamID, MaxMinutes: in.MaxMinutesPerWeek}
	if len(in.Skills) == 0 {
		return profileDoc{}, domain.InvalidField("skills", "请至少选择一项技能", "choose at least one skill")
	}
	if len(in.Skills) > MaxSkills {
		return profileDoc{}, domain.InvalidField("skills", "最多 %d 项技能", "at most %d skills", MaxSkills)
	}
	for i, k := range in.Skills {
		field := func(f string) string { return fmt.Sprintf("skills[%d].%s", i, f) }
		if err := set.check(field("code"), k.Code); err != nil {
			return profileDoc{}, err
		}
		if slices.ContainsFunc(d.Skills, func(x skillDoc) bool { return x.Code == k.Code }) {
			return profileDoc{}, domain.InvalidField(field("code"), "技能重复", "the skill is listed twice")
		}
		if k.Level < MinLevel || k.Level > MaxLevel {
			return profileDoc{}, domain.InvalidField(field("level"), "等级须为 %d 到 %d", "the level must be %d to %d", MinLevel, MaxLevel)
		}
		cred := ""
		if k.Credential != "" {
			if cred, err = text.Line(field("credential"), domain.Text{ZH: "资质证明", EN: "credential"}, k.Credential, 2, 100); err != nil {
				return profileDoc{}, err
			}
		}
		d.Skills = append(d.Skills, skillDoc{Code: k.Code, Level: k.Level, Credential: cred})
	}
	if d.Weekly, err = checkWeekly(in.Weekly); err != nil {
		return profileDoc{}, err
	}
	if d.Away, err = checkAway(in.Away, s.now()); err != nil {
		return profileDoc{}, err
	}
	if in.MaxMinutesPerWeek < MinMinutesPerWeek || in.MaxMinutesPerWeek > MaxMinutesPerWeek {
		return profileDoc{}, domain.InvalidField("maxMinutesPerWeek", "每周服务时长上限须在 0.5 到 40 小时之间", "the weekly limit must be between 0.5 and 40 hours")
	}
	grids, err := domain.UniqueIDs("grids", in.Grids, MaxGridsServed)
	if err != nil {
		return profileDoc{}, err
	}
	if len(grids) > 0 {
		found, err := s.comms.GridsByID(ctx, grids)
		if err != nil {
			return profileDoc{}, err
		}
		for i, g := range grids {
			if f, ok := found[g]; !ok || f.CommunityID != in.CommunityID {
				return profileDoc{}, domain.InvalidField(fmt.Sprintf("grids[%d]", i), "本社区没有这个网格", "no such grid in the community")
			}
		}
	}
	d.Grids = grids
	if len(in.Dialects) > MaxDialects {
		return profileDoc{}, domain.InvalidField("dialects", "最多 %d 种方言", "at most %d dialects", MaxDialects)
	}
	for i, x := range in.Dialects {
		x, err := text.Line(fmt.Sprintf("dialects[%d]", i), domain.Text{ZH: "方言", EN: "dialect"}, x, 1, 20)
		if err != nil {
			return profileDoc{}, err
		}
		if !slices.Contains(d.Dialects, x) {
			d.Dialects = append(d.Dialects, x)
		}
	}
	if in.TeamID != "" {
		t, err := s.findTeam(ctx, in.TeamID)
		if err != nil || t.CommunityID != in.CommunityID {
			return profileDoc{}, domain.InvalidField("teamId", "本社区没有这个志愿队", "no such team in the community")
		}
	}
	return d, nil
}

// checkWeekly checks weekly slots: a weekday, minutes within the day, the
// end after the start, and no two slots of a day overlapping. Errors:
// Invalid (weekly[i].field).
func checkWeekly(in []Slot) ([]slotDoc, error) {
	if len(in) > MaxWeeklySlots {
		return nil, domain.InvalidField("weekly", "每周最多 %d 个时段", "at most %d weekly slots", MaxWeeklySlots)
	}
	out := make([]slotDoc, 0, len(in))
	for i, sl := range in {
		field := func(f string) string { return fmt.Sprintf("weekly[%d].%s", i, f) }
		if sl.Weekday < time.Sunday || sl.Weekday > time.Saturday {
			return nil, domain.InvalidField(field("weekday"), "星期须为周日到周六", "the weekday must be Sunday to Saturday")
		}
		if sl.Start < 0 || sl.Start >= 1440 {
			return nil, domain.InvalidField(field("start"), "开始时间须在 0 点到 24 点之间", "the start must lie between 0:00 and 24:00")
		}
		if sl.End <= 0 || sl.End > 1440 {
			return nil, domain.InvalidField(field("end"), "结束时间须在 0 点到 24 点之间", "the end must lie between 0:00 and 24:00")
		}
		if sl.End <= sl.Start {
			return nil, domain.InvalidField(field("end"), "结束时间须晚于开始时间", "the end must come after the start")
		}
		for j, o := range in[:i] {
			if o.Weekday == sl.Weekday && o.Start < sl.End && sl.Start < o.End {
				return nil, domain.InvalidField(field("start"), "与第 %d 个时段重叠", "overlaps slot %d", j+1)
			}
		}
		out = append(out, slotDoc{Weekday: int(sl.Weekday), Start: sl.Start, End: sl.End})
	}
	slices.SortFunc(out, func(a, b slotDoc) int { return (a.Weekday*1440 + a.Start) - (b.Weekday*1440 + b.Start) })
	return out, nil
}

// checkAway checks stretches of days away: dates, the end not before the
// start, within a year back and two years ahead. Errors: Invalid.
func checkAway(in []Away, now time.Time) ([]awayDoc, error) {
	if len(in) > MaxAways {
		return nil, domain.InvalidField("away", "最多 %d 段外出", "at most %d stretches away", MaxAways)
	}
	out := make([]awayDoc, 0, len(in))
	for i, a := range in {
		field := func(f string) string { return fmt.Sprintf("away[%d].%s", i, f) }
		from, err := time.Parse(time.DateOnly, a.From)
		if err != nil {
			return nil, domain.InvalidField(field("from"), "日期须写作 2026-12-01", "write the date as 2026-12-01")
		}
		to, err := time.Parse(time.DateOnly, a.To)
		if err != nil {
			return nil, domain.InvalidField(field("to"), "日期须写作 2026-12-01", "write the date as 2026-12-01")
		}
		if to.Before(from) {
			return nil, domain.InvalidField(field("to"), "结束日期不能早于开始日期", "the last day cannot come before the first")
		}
		if err := domain.TimeWithin(field("from"), from, now, domain.YearBack, 2*domain.YearBack); err != nil {
			return nil, err
		}
		if err := domain.TimeWithin(field("to"), to, now, domain.YearBack, 2*domain.YearBack); err != nil {
			return nil, err
		}
		out = append(out, awayDoc(a))
	}
	return out, nil
}

// Join makes the actor a volunteer of a community, pending until a team
// leader or the committee confirms them; one who left joins again the
// same way. Errors: Unauthenticated, Forbidden (not a member), Invalid
// (a field), Conflict (already a volunteer).
func (s *Service) Join(ctx context.Context, in ProfileInput) (Profile, error) {
	a, err := s.requireMember(ctx, in.CommunityID)
	if err != nil {
		return Profile{}, err
	}
	d, err := s.checkProfile(ctx, in)
	if err != nil {
		return Profile{}, err
	}
	now := s.now()
	d.ID, d.UserID, d.State, d.JoinedAt, d.UpdatedAt = community.MemberID(in.CommunityID, a.UserID), a.UserID, string(Pending), now, now
	old, err := s.findProfile(ctx, d.ID)
	switch {
	case err == nil && old.State != string(Left):
		return Profile{}, domain.Errorf(domain.Conflict, "您已经是志愿者了", "you are a volunteer already")
	case err == nil:
		d.Skills = keepVerified(d.Skills, old.Skills)
		if ok, err := s.replaceProfile(ctx, d, string(Left)); err != nil || !ok {
			return Profile{}, orChanged(err)
		}
	case domain.ErrorCode(err) == domain.NotFound:
		won, err := s.insertProfile(ctx, d)
		if err != nil {
			return Profile{}, err
		}
		if !won {
			return Profile{}, domain.Errorf(domain.Conflict, "您已经是志愿者了", "you are a volunteer already")
		}
	default:
		return Profile{}, err
	}
	return toProfile(d), nil
}

// keepVerified keeps the verification of credentials that did not change.
func keepVerified(now, before []skillDoc) []skillDoc {
	for i, k := range now {
		for _, b := range before {
			if b.Code == k.Code && b.Credential == k.Credential && k.Credential != "" {
				now[i].VerifiedBy, now[i].VerifiedAt = b.VerifiedBy, b.VerifiedAt
			}
		}
	}
	return now
}

// orChanged turns a lost conditional update into a Conflict.
func orChanged(err error) error {
	if err != nil {
		return err
	}
	return errChangedMeanwhile
}

// UpdateProfile changes the actor's own profile. A changed credential
// waits for verification again. Errors: Unauthenticated, NotFound (not a
// volunteer), Invalid (a field), Conflict (left).
func (s *Service) UpdateProfile(ctx context.Context, in ProfileInput) (Profile, error) {
	a, err := s.requireMember(ctx, in.CommunityID)
	if err != nil {
		return Profile{}, err
	}
	old, err := s.findProfile(ctx, community.MemberID(in.CommunityID, a.UserID))
	if err != nil {
		return Profile{}, err
	}
	if old.State == string(Left) {
		return Profile{}, domain.Errorf(domain.Conflict, "您已退出志愿服务，请重新报名", "you left: join again")
	}
	d, err := s.checkProfile(ctx, in)
	if err != nil {
		return Profile{}, err
	}
	d.Skills = keepVerified(d.Skills, old.Skills)
	d.ID, d.UserID, d.State, d.JoinedAt, d.ConfirmedBy, d.ConfirmedAt = old.ID, old.UserID, old.State, old.JoinedAt, old.ConfirmedBy, old.ConfirmedAt
	d.UpdatedAt = s.now()
	ok, err := s.replaceProfile(ctx, d, old.State)
	if err != nil || !ok {
		return Profile{}, orChanged(err)
	}
	return toProfile(d), nil
}

// Profile returns a volunteer's profile to themself, to coordinators and
// to the community's grid workers. Errors: Unauthenticated, NotFound
// (also to others).
func (s *Service) Profile(ctx context.Context, communityID, userID domain.ID) (Profile, error) {
	a, err := s.readerOf(ctx, communityID, errProfileNotFound)
	if err != nil {
		return Profile{}, err
	}
	if a.UserID != userID && !a.coordinator() && !a.Has(domain.RoleGridWorker) {
		return Profile{}, errProfileNotFound
	}
	d, err := s.findProfile(ctx, community.MemberID(communityID, userID))
	if err != nil {
		return Profile{}, err
	}
	return profileFor(a, toProfile(d)), nil
}

// profileFor leaves out a profile's credentials for those other than the
// volunteer and coordinators (a grid worker sees the skills, not the
// certificates behind them).
func profileFor(a access, p Profile) Profile {
	if a.UserID == p.UserID || a.coordinator() {
		return p
	}
	skills := make([]SkillLevel, len(p.Skills))
	for i, k := range p.Skills {
		k.Credential = ""
		skills[i] = k
	}
	p.Skills = skills
	return p
}

// MyProfile returns the actor's profile in a community. Errors:
// Unauthenticated, Forbidden, NotFound (not a volunteer).
func (s *Service) MyProfile(ctx context.Context, communityID domain.ID) (Profile, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return Profile{}, err
	}
	d, err := s.findProfile(ctx, community.MemberID(communityID, a.UserID))
	if err != nil {
		return Profile{}, err
	}
	return toProfile(d), nil
}

// Confirm makes a pending volunteer active: a leader of the team they
// chose, or the committee. Errors: Unauthenticated, Forbidden, NotFound,
// Conflict (not pending).
func (s *Service) Confirm(ctx context.Context, communityID, userID domain.ID) (Profile, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return Profile{}, err
	}
	d, err := s.findProfile(ctx, community.MemberID(communityID, userID))
	if err != nil {
		return Profile{}, err
	}
	if !a.committee() {
		leads, err := s.leadsTeam(ctx, d.TeamID, a.UserID)
		if err != nil {
			return Profile{}, err
		}
		if !leads {
			return Profile{}, domain.Errorf(domain.Forbidden, "只有该志愿者所在队的队长或村（居）委会可以确认", "only a leader of the volunteer's team or the committee confirms them")
		}
	}
	if d.State != string(Pending) {
		return Profile{}, domain.Errorf(domain.Conflict, "这位志愿者不在待确认状态", "the volunteer is not pending")
	}
	now := s.now()
	ok, err := s.setProfileState(ctx, d.ID, string(Pending), string(Active), profileSet{ConfirmedBy: &a.UserID, ConfirmedAt: &now})
	if err != nil || !ok {
		return Profile{}, orChanged(err)
	}
	d.State, d.ConfirmedBy, d.ConfirmedAt = string(Active), a.UserID, now
	return toProfile(d), nil
}

// SetState pauses, resumes or ends a volunteer's service: the volunteer
// themself, or the committee. Pause and leave take an active or pending
// volunteer; resume takes a paused one back to active. Leaving cancels
// none of their claims: they cancel those first. Errors: Unauthenticated,
// Forbidden, NotFound, Invalid (to), Conflict (not in a state it leaves).
func (s *Service) SetState(ctx context.Context, communityID, userID domain.ID, to State) (Profile, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return Profile{}, err
	}
	if a.UserID != userID && !a.committee() {
		return Profile{}, errNotCommittee
	}
	var from []State
	switch to {
	case Paused:
		from = []State{Active}
	case Active:
		from = []State{Paused}
	case Left:
		from = []State{Pending, Active, Paused}
	default:
		return Profile{}, domain.InvalidField("state", "只能暂停、恢复或退出", "only pause, resume or leave")
	}
	d, err := s.findProfile(ctx, community.MemberID(communityID, userID))
	if err != nil {
		return Profile{}, err
	}
	if !slices.Contains(from, State(d.State)) {
		return Profile{}, domain.Errorf(domain.Conflict, "当前状态不能这样改", "the volunteer's state does not allow this")
	}
	ok, err := s.setProfileState(ctx, d.ID, d.State, string(to), profileSet{})
	if err != nil || !ok {
		return Profile{}, orChanged(err)
	}
	d.State = string(to)
	return toProfile(d), nil
}

// VerifyCredential records that a committee member checked a volunteer's
// credential for a skill. Errors: Unauthenticated, Forbidden, NotFound,
// Invalid (skill: not theirs, or without a credential).
func (s *Service) VerifyCredential(ctx context.Context, communityID, userID domain.ID, skill string) (Profile, error) {
	a, err := s.requireCommittee(ctx, communityID)
	if err != nil {
		return Profile{}, err
	}
	d, err := s.findProfile(ctx, community.MemberID(communityID, userID))
	if err != nil {
		return Profile{}, err
	}
	i := slices.IndexFunc(d.Skills, func(k skillDoc) bool { return k.Code == skill })
	if i < 0 || d.Skills[i].Credential == "" {
		return Profile{}, domain.InvalidField("skill", "这位志愿者没有填写该技能的资质证明", "the volunteer gave no credential for that skill")
	}
	d.Skills[i].VerifiedBy, d.Skills[i].VerifiedAt = a.UserID, s.now()
	ok, err := s.setSkills(ctx, d.ID, d.UpdatedAt, d.Skills)
	if err != nil || !ok {
		return Profile{}, orChanged(err)
	}
	return toProfile(d), nil
}

// ProfileFilter narrows the volunteers listed.
type ProfileFilter struct {
	State  *State
	TeamID *domain.ID
}

// Volunteers lists a community's volunteers in the order they joined:
// for coordinators and grid workers. Errors: Unauthenticated, Forbidden,
// Invalid (page).
func (s *Service) Volunteers(ctx context.Context, communityID domain.ID, f ProfileFilter, page domain.Page) (domain.List[Profile], error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return domain.List[Profile]{}, err
	}
	if !a.coordinator() && !a.Has(domain.RoleGridWorker) {
		return domain.List[Profile]{}, errNotCoordinator
	}
	if err := page.Validate(); err != nil {
		return domain.List[Profile]{}, err
	}
	l, err := s.findProfilePage(ctx, communityID, f, page)
	for i, p := range l.Items {
		l.Items[i] = profileFor(a, p)
	}
	return l, err
}
