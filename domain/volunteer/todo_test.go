package volunteer_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// TestTodos makes one of each volunteer to-do and checks who sees which:
// a task for its volunteer, a rating for the resident helped and the
// need's poster, a resident's own need for the grid workers of its grid
// and the committee, and needs to fill (within a week), hours to
// confirm, disputes and newcomers for coordinators (newcomers only for
// their team's leaders among them).
func TestTodos(t *testing.T) {
	v := newVillage(t)
	vol := v.volunteer(t, "志愿者", "elderly_care")
	served := v.volunteer(t, "服务过的志愿者", "elderly_care")
	absent := v.volunteer(t, "没来的志愿者", "elderly_care")
	worker2 := v.member(t, "二组网格员", v.micro2.ID, domain.RoleGridWorker, v.grid2.ID)
	otherLeader := v.member(t, "另一队队长", v.micro1.ID, "", "")
	must(v.svc.CreateTeam(as(v.committee), volunteer.TeamInput{CommunityID: v.c.ID, Name: "环境整治队", Leaders: []domain.ID{otherLeader}}))
	outsider := must(v.accounts.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "outsider@example.com", Password: "password1", Name: "外人"})).User.ID

	soon := func(title string, slots int, forResident bool) volunteer.Occurrence {
		in := v.needInput(slots)
		in.Title = title
		in.Start, in.End = start.Add(2*time.Hour), start.Add(3*time.Hour)
		poster := v.committee
		if forResident {
			in.For, poster = v.residents[0], v.worker
		}
		return v.firstOccurrence(t, must(v.svc.PostNeed(as(poster), in)))
	}
	rated := soon("买菜", 1, true)
	rc := must(v.svc.Claim(as(vol), rated.ID)).Claim
	ended := soon("打扫", 3, false)
	hc := must(v.svc.Claim(as(served), ended.ID)).Claim
	nc := must(v.svc.Claim(as(absent), ended.ID)).Claim
	tomorrow := v.firstOccurrence(t, v.need(t, 2))
	task := must(v.svc.Claim(as(vol), tomorrow.ID)).Claim
	later := v.needInput(1)
	later.Start, later.End = start.Add(8*24*time.Hour), start.Add(8*24*time.Hour+time.Hour)
	must(v.svc.PostNeed(as(v.committee), later)) // beyond a week: nothing to fill yet
	own := must(v.svc.PostNeed(as(v.residents[2]), v.needInput(1)))
	newcomer := v.member(t, "新志愿者", v.micro1.ID, "", "")
	must(v.svc.Join(as(newcomer), volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: v.team.ID, MaxMinutesPerWeek: 60,
		Skills: []volunteer.SkillLevel{{Code: "errands", Level: 1}}}))

	v.clock.Set(rated.Start.Add(10 * time.Minute))
	must(v.svc.CheckIn(as(v.committee), rc.ID, ""))
	v.clock.Set(rated.End)
	must(v.svc.CheckOut(as(v.committee), rc.ID, ""))
	must(v.svc.ConfirmHours(as(v.committee), rc.ID, 60))
	must(v.svc.MarkNoShow(as(v.committee), nc.ID))
	must(v.svc.DisputeNoShow(as(absent), nc.ID, "我到了，但是没扫码"))

	fill := fmt.Sprintf("%s:%s", volunteer.TodoFillNeed, tomorrow.ID)
	staff := []string{fill, volunteer.TodoConfirmHours + ":" + string(hc.ID), volunteer.TodoDecideDispute + ":" + string(nc.ID)}
	confirm := volunteer.TodoConfirmVolunteer + ":" + string(newcomer)
	approve := volunteer.TodoApproveNeed + ":" + string(own.ID)
	rate := volunteer.TodoRateTask + ":" + string(rated.ID)
	want := map[string][]string{
		"resident helped": {rate},
		"volunteer":       {volunteer.TodoVolunteerTask + ":" + string(task.ID)},
		"served":          nil,
		"grid worker":     {approve, rate},
		"other grid":      nil,
		"leader":          append(slices.Clone(staff), confirm),
		"other leader":    staff,
		"committee":       append(slices.Clone(staff), confirm, approve),
	}
	who := map[string]domain.ID{"resident helped": v.residents[0], "volunteer": vol, "served": served, "grid worker": v.worker,
		"other grid": worker2, "leader": v.leader, "other leader": otherLeader, "committee": v.committee}
	for name, id := range who {
		todos := must(v.svc.Todos(as(id), v.c.ID))
		var got []string
		for _, td := range todos {
			got = append(got, td.Kind+":"+string(subjectID(t, td.Subject)))
		}
		slices.Sort(got)
		w := slices.Clone(want[name])
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("%s's to-dos:\n got %v\nwant %v", name, got, w)
		}
		for i := 1; i < len(todos); i++ {
			if todos[i].Due.Before(todos[i-1].Due) {
				t.Errorf("%s's to-dos are not soonest first: %v", name, todos)
			}
		}
	}
	_, err := v.svc.Todos(as(outsider), v.c.ID)
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.Todos(context.Background(), v.c.ID)
	wantCode(t, err, domain.Unauthenticated)
}

// subjectID is the ID of a to-do's subject.
func subjectID(t testing.TB, s any) domain.ID {
	t.Helper()
	switch x := s.(type) {
	case volunteer.Claim:
		return x.ID
	case volunteer.Occurrence:
		return x.ID
	case volunteer.Need:
		return x.ID
	case volunteer.Profile:
		return x.UserID
	}
	t.Fatalf("a to-do about %T", s)
	return ""
}
