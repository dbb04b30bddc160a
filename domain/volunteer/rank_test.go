package volunteer_test

import (
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/volunteer"
	"github.com/yishi-app/yishi/domain/volunteer/match"
)

// TestCandidatesExplained ranks the village's volunteers for a need: a
// neighbour in the need's micro-grid before one of another grid, one who
// served a lot in the last month lower, and those who may not take it
// excluded with the reason; the coordinator invites the first, who is
// mailed why.
func TestCandidatesExplained(t *testing.T) {
	v := newVillage(t)
	near := v.volunteer(t, "邻居", "elderly_care")
	far := v.member(t, "二组志愿者", v.micro2.ID, "", "")
	must(v.svc.Join(as(far), volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: v.team.ID, Weekly: everyDay(), MaxMinutesPerWeek: 600,
		Skills: []volunteer.SkillLevel{{Code: "elderly_care", Level: 2}}}))
	must(v.svc.Confirm(as(v.leader), v.c.ID, far))
	busy := v.volunteer(t, "常来的志愿者", "elderly_care")
	fixer := v.volunteer(t, "电工", "plumbing_electrical")
	// The busy one served 5 hours this month.
	for range 5 {
		in := v.needInput(1)
		in.Start, in.End = v.clock.Now().Add(time.Hour), v.clock.Now().Add(2*time.Hour)
		n := must(v.svc.PostNeed(as(v.committee), in))
		c := must(v.svc.Claim(as(busy), v.firstOccurrence(t, n).ID)).Claim
		v.clock.Add(2 * time.Hour)
		must(v.svc.ConfirmHours(as(v.leader), c.ID, 60))
	}
	n := v.need(t, 1) // tomorrow 09:00–10:30, in 古城一组一幢
	o := v.firstOccurrence(t, n)
	rk := must(v.svc.Candidates(as(v.leader), o.ID))
	var order []domain.ID
	for _, c := range rk.Candidates {
		order = append(order, c.Volunteer)
		if len(c.Factors) != 6 {
			t.Errorf("%s has %d factors", c.Volunteer, len(c.Factors))
		}
	}
	if len(order) != 3 || order[0] != near || !slices.Contains(order[1:], far) || !slices.Contains(order[1:], busy) {
		t.Fatalf("order = %v; want the neighbour first, then the far one and the busy one", order)
	}
	// The neighbour outranks the busy one on fairness, the far one on distance.
	points := func(who domain.ID, key string) float64 {
		for _, c := range rk.Candidates {
			if c.Volunteer == who {
				for _, f := range c.Factors {
					if f.Key == key {
						return f.Points
					}
				}
			}
		}
		t.Fatalf("no %s factor for %s", key, who)
		return 0
	}
	if points(busy, match.KeyFairness) >= points(near, match.KeyFairness) {
		t.Errorf("fairness: the busy one %v, the neighbour %v", points(busy, match.KeyFairness), points(near, match.KeyFairness))
	}
	if points(far, match.KeyDistance) >= points(near, match.KeyDistance) {
		t.Errorf("distance: the far one %v, the neighbour %v", points(far, match.KeyDistance), points(near, match.KeyDistance))
	}
	if len(rk.Excluded) != 1 || rk.Excluded[0].Volunteer != fixer || rk.Excluded[0].Reasons[0].Code != match.MissingSkill {
		t.Fatalf("excluded = %+v", rk.Excluded)
	}
	for _, f := range rk.Candidates[0].Factors {
		if f.Detail.ZH == "" || f.Detail.EN == "" || f.Points > f.Max {
			t.Errorf("factor %+v", f)
		}
	}
	invited := must(v.svc.Invite(as(v.leader), o.ID, []domain.ID{near, fixer}))
	if len(invited) != 1 || invited[0] != near {
		t.Fatalf("invited %v; only candidates are", invited)
	}
	mails := v.notes.of(volunteer.KindInvited)
	if len(mails) != 1 || mails[0].RecipientID != near || mails[0].Data["why"] == "" || mails[0].Data["place"] != "一组一幢" {
		t.Fatalf("invitation = %+v", mails)
	}
	// The ranking says who was invited, and a second invitation is not sent.
	for _, c := range must(v.svc.Candidates(as(v.leader), o.ID)).Candidates {
		if invited := !c.InvitedAt.IsZero(); invited != (c.Volunteer == near) {
			t.Errorf("%s invited: %v", c.Volunteer, c.InvitedAt)
		}
	}
	if again := must(v.svc.Invite(as(v.committee), o.ID, []domain.ID{near, far})); len(again) != 1 || again[0] != far {
		t.Errorf("invited again: %v, want only the far one", again)
	}
	if got := v.notes.of(volunteer.KindInvited); len(got) != 2 {
		t.Errorf("%d invitations mailed, want 2", len(got))
	}
	// The neighbour sees it among the needs for them, with the same factors.
	mine := must(v.svc.ForMe(as(near), v.c.ID))
	if len(mine) != 1 || mine[0].Occurrence.ID != o.ID || mine[0].Score != rk.Candidates[0].Score || mine[0].Need.Address != "" {
		t.Fatalf("for me = %+v", mine)
	}
	if got := must(v.svc.ForMe(as(fixer), v.c.ID)); len(got) != 0 {
		t.Fatalf("the electrician is offered %+v", got)
	}
}

// TestWeekProposal proposes the week's open slots and never assigns anyone
// itself; it keeps every hard constraint (one person is never proposed for
// two overlapping needs).
func TestWeekProposal(t *testing.T) {
	v := newVillage(t)
	a, b := v.volunteer(t, "甲", "elderly_care"), v.volunteer(t, "乙", "elderly_care")
	day := v.clock.Now().Add(24 * time.Hour)
	var occs []volunteer.Occurrence
	for i := range 3 { // three needs at the same hour: two people can cover two
		in := v.needInput(1)
		in.Title = []string{"陪同就医", "代购药品", "上门探访"}[i]
		in.Start, in.End = day, day.Add(time.Hour)
		occs = append(occs, v.firstOccurrence(t, must(v.svc.PostNeed(as(v.committee), in))))
	}
	p := must(v.svc.WeekProposal(as(v.committee), v.c.ID, day))
	if p.Open != 3 || p.Covered != 2 || p.Bound < 2 || len(p.Assignments) != 2 || len(p.Unfilled) != 1 {
		t.Fatalf("proposal = %+v", p)
	}
	who := map[domain.ID]bool{}
	for _, as := range p.Assignments {
		if who[as.Volunteer] {
			t.Fatalf("%s proposed twice at the same hour: %+v", as.Volunteer, p.Assignments)
		}
		who[as.Volunteer] = true
	}
	if !who[a] || !who[b] {
		t.Fatalf("proposed %v", who)
	}
	for _, o := range occs {
		if got := must(v.svc.Claims(as(v.committee), o.ID)); len(got) != 0 {
			t.Fatalf("the proposal assigned someone: %+v", got)
		}
	}
}
