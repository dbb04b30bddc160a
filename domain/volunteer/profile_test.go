package volunteer_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/volunteer"
)

func TestJoinConfirmPauseLeave(t *testing.T) {
	v := newVillage(t)
	id := v.residents[0]
	in := volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: v.team.ID, Weekly: everyDay(), MaxMinutesPerWeek: 240, Dialects: []string{"杭州话"},
		Skills: []volunteer.SkillLevel{{Code: "elderly_care", Level: 3}, {Code: "medical_care", Level: 2, Credential: "护士执业证书 202633011"}}}
	p := must(v.svc.Join(as(id), in))
	if p.State != volunteer.Pending || len(p.Skills) != 2 || p.Skills[1].Verified() {
		t.Fatalf("joined = %+v", p)
	}
	_, err := v.svc.Join(as(id), in)
	wantCode(t, err, domain.Conflict)
	// A resident who leads no team may not confirm; the team's leader may.
	_, err = v.svc.Confirm(as(v.residents[1]), v.c.ID, id)
	wantCode(t, err, domain.Forbidden)
	p = must(v.svc.Confirm(as(v.leader), v.c.ID, id))
	if p.State != volunteer.Active || p.ConfirmedBy != v.leader {
		t.Fatalf("confirmed = %+v", p)
	}
	_, err = v.svc.Confirm(as(v.leader), v.c.ID, id)
	wantCode(t, err, domain.Conflict)

	// Only the committee verifies a credential; an edit that keeps it keeps the check.
	_, err = v.svc.VerifyCredential(as(v.leader), v.c.ID, id, "medical_care")
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.VerifyCredential(as(v.committee), v.c.ID, id, "elderly_care")
	wantField(t, err, "skill")
	p = must(v.svc.VerifyCredential(as(v.committee), v.c.ID, id, "medical_care"))
	if k, _ := p.Skill("medical_care"); !k.Verified() {
		t.Fatalf("not verified: %+v", p.Skills)
	}
	in.MaxMinutesPerWeek = 300
	p = must(v.svc.UpdateProfile(as(id), in))
	if k, _ := p.Skill("medical_care"); !k.Verified() || p.MaxMinutesPerWeek != 300 || p.State != volunteer.Active {
		t.Fatalf("after an edit: %+v", p)
	}
	in.Skills[1].Credential = "护士执业证书 202699999"
	p = must(v.svc.UpdateProfile(as(id), in))
	if k, _ := p.Skill("medical_care"); k.Verified() {
		t.Fatalf("a changed credential stays verified: %+v", p.Skills)
	}

	p = must(v.svc.SetState(as(id), v.c.ID, id, volunteer.Paused))
	if p.State != volunteer.Paused {
		t.Fatalf("paused = %+v", p)
	}
	_, err = v.svc.SetState(as(v.residents[1]), v.c.ID, id, volunteer.Active)
	wantCode(t, err, domain.Forbidden)
	must(v.svc.SetState(as(id), v.c.ID, id, volunteer.Active))
	must(v.svc.SetState(as(id), v.c.ID, id, volunteer.Left))
	_, err = v.svc.UpdateProfile(as(id), in)
	wantCode(t, err, domain.Conflict)
	// One who left joins again, pending; their history stays theirs.
	p = must(v.svc.Join(as(id), in))
	if p.State != volunteer.Pending || !p.ConfirmedAt.IsZero() {
		t.Fatalf("joined again = %+v", p)
	}
}

func TestProfileBadInput(t *testing.T) {
	v := newVillage(t)
	ok := func() volunteer.ProfileInput {
		return volunteer.ProfileInput{CommunityID: v.c.ID, Weekly: []volunteer.Slot{{Weekday: time.Monday, Start: 8 * 60, End: 12 * 60}}, MaxMinutesPerWeek: 240,
			Skills: []volunteer.SkillLevel{{Code: "elderly_care", Level: 1}}}
	}
	tests := []struct {
		name  string
		edit  func(*volunteer.ProfileInput)
		field string
	}{
		{"ErrNoSkill", func(in *volunteer.ProfileInput) { in.Skills = nil }, "skills"},
		{"ErrSkillOutsideTaxonomy", func(in *volunteer.ProfileInput) { in.Skills[0].Code = "astrology" }, "skills[0].code"},
		{"ErrSkillTwice", func(in *volunteer.ProfileInput) { in.Skills = append(in.Skills, in.Skills[0]) }, "skills[1].code"},
		{"ErrLevel", func(in *volunteer.ProfileInput) { in.Skills[0].Level = 4 }, "skills[0].level"},
		{"ErrSlotsOverlap", func(in *volunteer.ProfileInput) {
			in.Weekly = append(in.Weekly, volunteer.Slot{Weekday: time.Monday, Start: 11 * 60, End: 14 * 60})
		}, "weekly[1].start"},
		{"ErrEndBeforeStart", func(in *volunteer.ProfileInput) { in.Weekly[0].End = 7 * 60 }, "weekly[0].end"},
		{"ErrEndEqualsStart", func(in *volunteer.ProfileInput) { in.Weekly[0].End = 8 * 60 }, "weekly[0].end"},
		{"ErrEndPastMidnight", func(in *volunteer.ProfileInput) { in.Weekly[0].End = 1441 }, "weekly[0].end"},
		{"ErrNegativeStart", func(in *volunteer.ProfileInput) { in.Weekly[0].Start = -30 }, "weekly[0].start"},
		{"ErrWeekday", func(in *volunteer.ProfileInput) { in.Weekly[0].Weekday = 7 }, "weekly[0].weekday"},
		{"ErrAwayBackwards", func(in *volunteer.ProfileInput) { in.Away = []volunteer.Away{{From: "2026-12-20", To: "2026-12-10"}} }, "away[0].to"},
		{"ErrAwayDate", func(in *volunteer.ProfileInput) { in.Away = []volunteer.Away{{From: "12/20", To: "2026-12-20"}} }, "away[0].from"},
		{"ErrWeeklyLimitZero", func(in *volunteer.ProfileInput) { in.MaxMinutesPerWeek = 0 }, "maxMinutesPerWeek"},
		{"ErrWeeklyLimitHuge", func(in *volunteer.ProfileInput) { in.MaxMinutesPerWeek = 100 * 60 }, "maxMinutesPerWeek"},
		{"ErrGridElsewhere", func(in *volunteer.ProfileInput) { in.Grids = []domain.ID{domain.NewID()} }, "grids[0]"},
		{"ErrTeamElsewhere", func(in *volunteer.ProfileInput) { in.TeamID = domain.NewID() }, "teamId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok()
			tt.edit(&in)
			_, err := v.svc.Join(as(v.residents[0]), in)
			wantField(t, err, tt.field)
			if _, err := v.svc.MyProfile(as(v.residents[0]), v.c.ID); domain.ErrorCode(err) != domain.NotFound {
				t.Errorf("a refused profile was stored: %v", err)
			}
		})
	}
	t.Run("OKSlotsTouching", func(t *testing.T) {
		in := ok()
		in.Weekly = append(in.Weekly, volunteer.Slot{Weekday: time.Monday, Start: 12 * 60, End: 24 * 60})
		must(v.svc.Join(as(v.residents[1]), in))
	})
	t.Run("ErrOutsider", func(t *testing.T) {
		_, err := v.svc.Join(as(v.otherMember), ok())
		wantCode(t, err, domain.Forbidden)
	})
}

func TestLocalSkills(t *testing.T) {
	v := newVillage(t)
	_, err := v.svc.AddLocalSkill(as(v.leader), v.c.ID, "竹编", false)
	wantCode(t, err, domain.Forbidden)
	k := must(v.svc.AddLocalSkill(as(v.committee), v.c.ID, "竹编", false))
	_, err = v.svc.AddLocalSkill(as(v.committee), v.c.ID, "竹编", false)
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.AddLocalSkill(as(v.committee), v.c.ID, "助老", false)
	wantCode(t, err, domain.Conflict)
	all := must(v.svc.Skills(as(v.residents[0]), v.c.ID))
	if len(all) != len(volunteer.BaseSkills)+1 || all[len(all)-1].Code != k.Code {
		t.Fatalf("skills = %+v", all)
	}
	// A volunteer may take the local skill.
	must(v.svc.Join(as(v.residents[0]), volunteer.ProfileInput{CommunityID: v.c.ID, MaxMinutesPerWeek: 60, Skills: []volunteer.SkillLevel{{Code: k.Code, Level: 3}}}))
}
