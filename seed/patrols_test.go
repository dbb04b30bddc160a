package seed_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/seed"
)

// checkPatrols checks the demo patrols (TestLoad loads the data
// once for all): each community has its team with a route and templates;
// the village's 24 have this month published with loads; reports stand in
// every triage state, with an agreed mediation case and an open one, and
// two parking reports in 古城一组.
func checkPatrols(t *testing.T, s seed.Services) {
	t.Helper()
	v := communityNamed(t, s, "小古城村")
	captain, _ := login(t, s, "shen.yuee@xiaogucheng.example")
	teams, err := s.Patrols.Teams(captain, v.ID)
	if err != nil || len(teams) != 1 || teams[0].Name != "古城武林大妈巡防队" {
		t.Fatalf("teams = %+v, %v", teams, err)
	}
	members, err := s.Patrols.Members(captain, teams[0].ID)
	if err != nil || len(members) != 24 {
		t.Fatalf("%d members, %v", len(members), err)
	}
	month := time.Now().In(v.Location()).Format("2006-01")
	r, err := s.Patrols.Roster(captain, teams[0].ID, month)
	if err != nil || !r.Published || len(r.Roster.Loads) != 24 {
		t.Fatalf("roster = %+v, %v", r.Published, err)
	}
	if left, err := s.Patrols.Uncredited(captain, v.ID, time.Now()); err != nil || len(left) != 0 {
		t.Fatalf("%d walked shifts left for the time bank, %v", len(left), err)
	}
	worker, _ := login(t, s, "qian.xiaoyan@xiaogucheng.example")
	reports, err := s.Patrols.Reports(worker, v.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	states := map[patrol.Triage]int{}
	parking := 0
	for _, r := range reports {
		states[r.Triage]++
		if r.Kind == patrol.Civility {
			parking++
		}
	}
	for _, st := range []patrol.Triage{patrol.Untriaged, patrol.Resolved, patrol.Referred, patrol.Mediation, patrol.Escalated} {
		if states[st] == 0 {
			t.Errorf("no report is %s: %v", st, states)
		}
	}
	if parking != 2 {
		t.Errorf("%d parking reports", parking)
	}
	mediator, _ := login(t, s, "yu.zhihua@xiaogucheng.example")
	cases, err := s.Patrols.Cases(mediator, v.ID)
	if err != nil || len(cases) != 2 {
		t.Fatalf("cases = %d, %v", len(cases), err)
	}
	agreed := 0
	for _, c := range cases {
		if c.State == patrol.CaseAgreed && len(c.Confirmed) == 2 {
			agreed++
		}
	}
	if agreed != 1 {
		t.Errorf("agreed cases: %d", agreed)
	}
	u := communityNamed(t, s, "青春坊社区")
	urbanCaptain, _ := login(t, s, "zhao.yaqin@qingchunfang.example")
	if teams, err := s.Patrols.Teams(urbanCaptain, u.ID); err != nil || len(teams) != 1 {
		t.Errorf("urban teams = %+v, %v", teams, err)
	}
}
