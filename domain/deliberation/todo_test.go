package deliberation_test

import (
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// TestOpenVoteHidesCounts: while a motion is open no one, voter, committee
// or resident, gets its counts, only the turnout; the committee sees who has
// not voted. Once closed, the counts are published with the plain reason
// it failed.
func TestOpenVoteHidesCounts(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.acceptedTopic(t)
	members := seatPanel(t, v, topic)
	m := openMotion(t, v, topic, deliberation.MajorityCast, false)
	must(0, v.svc.Vote(as(members[0]), m.ID, deliberation.Yes))
	must(0, v.svc.Vote(as(members[1]), m.ID, deliberation.No))
	for _, who := range []domain.ID{members[0], v.committee, v.residents[8]} {
		for name, get := range map[string]func() (deliberation.Result, error){
			"Result":    func() (deliberation.Result, error) { return v.svc.Result(as(who), m.ID) },
			"Recompute": func() (deliberation.Result, error) { return v.svc.Recompute(as(who), m.ID) },
		} {
			r := must(get())
			if !r.Open || !r.Hidden || r.Yes+r.No+r.Abstain != 0 || r.Cast != 2 || r.Voters != 6 || r.Passed || r.Parties != nil {
				t.Errorf("%s for %s while open: %+v, want the turnout alone", name, who, r)
			}
		}
	}
	if notVoted := must(v.svc.NotVoted(as(v.committee), m.ID)); len(notVoted) != 4 || notVoted[0].UserID != members[2] {
		t.Errorf("not voted = %+v, want members 2-5", notVoted)
	}
	_, err := v.svc.NotVoted(as(members[2]), m.ID)
	wantCode(t, err, domain.Forbidden)

	closed := must(v.svc.CloseMotion(as(v.committee), m.ID))
	published := must(v.svc.Result(as(v.residents[8]), m.ID))
	for _, r := range []deliberation.Result{closed, published} {
		if r.Open || r.Hidden || r.Yes != 1 || r.No != 1 || r.Passed || r.Quorum {
			t.Errorf("closed result %+v: want 1 yes, 1 no, no quorum", r)
		}
		if why := r.Reason(); !strings.Contains(why.ZH, "法定人数") || !strings.Contains(why.ZH, "2/6") {
			t.Errorf("reason = %+v", why)
		}
	}
	if len(must(v.svc.NotVoted(as(v.committee), m.ID))) != 0 {
		t.Error("a closed motion still lists who has not voted")
	}
}

// TestFailureReasonsAndRules: each method says in one line how it passes,
// and a failed result why it failed; a passed or open one gives no reason.
func TestFailureReasonsAndRules(t *testing.T) {
	for _, c := range []struct {
		r    deliberation.Result
		want string
	}{
		{deliberation.Result{Method: deliberation.MajorityCast, Quorum: true, Yes: 2, No: 2}, "没有多于反对票"},
		{deliberation.Result{Method: deliberation.MajorityPanel, Quorum: true, Yes: 3, Voters: 6}, "一半"},
		{deliberation.Result{Method: deliberation.TwoThirds, Quorum: true, Yes: 3, No: 2}, "三分之二"},
		{deliberation.Result{Method: deliberation.Consensus, Quorum: true, Yes: 5, No: 1}, "未达成一致"},
		{deliberation.Result{Method: deliberation.ThreeParty, Quorum: true, Agreed: map[deliberation.Party]bool{
			deliberation.ResidentsCommittee: true, deliberation.OwnersParty: false, deliberation.PropertyParty: true}}, "业委会一方未同意"},
		{deliberation.Result{Method: deliberation.ThreeParty, Quorum: false}, "有一方"},
		{deliberation.Result{Method: deliberation.MajorityCast, Quorum: true, Passed: true, Yes: 3}, ""},
		{deliberation.Result{Method: deliberation.MajorityCast, Open: true, Hidden: true}, ""},
	} {
		got := c.r.Reason()
		if (c.want == "") != (got.ZH == "") || !strings.Contains(got.ZH, c.want) || (got.ZH != "" && got.EN == "") {
			t.Errorf("reason of %+v = %+v, want one with %q", c.r, got, c.want)
		}
	}
	rule := deliberation.Motion{Method: deliberation.ThreeParty, QuorumNum: 2, QuorumDen: 3}.Rule()
	if !strings.Contains(rule.ZH, "三方各自") || !strings.Contains(rule.ZH, "2/3 的各方代表") || !strings.Contains(rule.EN, "each party's delegates") {
		t.Errorf("three-party rule = %+v", rule)
	}
}

// kinds lists the kinds of to-dos, with the resident each is for.
func kinds(todos []domain.Todo) map[string][]domain.ID {
	out := map[string][]domain.ID{}
	for _, td := range todos {
		out[td.Kind] = append(out[td.Kind], td.For)
	}
	return out
}

// TestTodos: each person's to-do list holds what waits for them, and a
// grid worker's what waits for the assisted residents of their grid; done
// things leave it.
func TestTodos(t *testing.T) {
	v := newVillage(t, 12)
	// A topic that reached its threshold waits for screening.
	waiting := v.propose(t, v.residents[0], "垃圾分类点太远")
	for _, r := range v.residents[:10] {
		must(v.svc.Support(as(r), waiting.ID))
	}
	if got := kinds(must(v.svc.Todos(as(v.committee), v.c.ID))); len(got[deliberation.TodoScreenTopic]) != 1 {
		t.Errorf("committee's to-dos = %v, want the topic to screen", got)
	}
	if got := kinds(must(v.svc.Todos(as(v.residents[1]), v.c.ID))); len(got) != 0 {
		t.Errorf("a resident's to-dos = %v, want none", got)
	}
	must(v.svc.Screen(as(v.party), deliberation.ScreenInput{TopicID: waiting.ID, Decision: deliberation.Reject, Note: "已有规划"}))
	if got := kinds(must(v.svc.Todos(as(v.committee), v.c.ID))); len(got[deliberation.TodoScreenTopic]) != 0 {
		t.Errorf("a screened topic is still to screen: %v", got)
	}

	topic := v.acceptedTopic(t)
	if got := kinds(must(v.svc.Todos(as(v.committee), v.c.ID))); len(got[deliberation.TodoBuildPanel]) != 1 {
		t.Errorf("committee's to-dos = %v, want the panel to form", got)
	}
	must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 4, Max: 4}}))
	if got := kinds(must(v.svc.Todos(as(v.residents[1]), v.c.ID))); len(got[deliberation.TodoBuildPanel]) != 0 {
		t.Errorf("a resident is asked to form a panel: %v", got)
	}
	members := v.residents[:4] // 0 and 2 live in grid 1, the worker's
	for _, r := range members {
		must(v.svc.Nominate(as(v.committee), topic.ID, r, deliberation.Representatives, ""))
	}
	if got := kinds(must(v.svc.Todos(as(members[1]), v.c.ID))); len(got[deliberation.TodoAnswerSeat]) != 1 {
		t.Errorf("an invited member's to-dos = %v", got)
	}
	if got := kinds(must(v.svc.Todos(as(v.worker), v.c.ID)))[deliberation.TodoAnswerSeatFor]; len(got) != 2 || got[0] == got[1] {
		t.Errorf("the grid worker answers for %v, want the two invited of their grid", got)
	}
	for _, r := range members {
		must(v.svc.RespondToSeat(as(r), topic.ID, true))
	}
	if got := kinds(must(v.svc.Todos(as(members[1]), v.c.ID))); len(got[deliberation.TodoAnswerSeat]) != 0 {
		t.Errorf("an answered invitation is still a to-do: %v", got)
	}
	m := openMotion(t, v, topic, deliberation.MajorityCast, false)
	if got := kinds(must(v.svc.Todos(as(v.committee), v.c.ID))); len(got[deliberation.TodoBuildPanel]) != 0 {
		t.Errorf("a panel in use is still to form: %v", got)
	}
	must(0, v.svc.Vote(as(members[0]), m.ID, deliberation.Yes))
	if got := kinds(must(v.svc.Todos(as(members[1]), v.c.ID))); len(got[deliberation.TodoCastVote]) != 1 {
		t.Errorf("a voter's to-dos = %v, want the vote", got)
	}
	if got := kinds(must(v.svc.Todos(as(members[0]), v.c.ID))); len(got[deliberation.TodoCastVote]) != 0 {
		t.Errorf("one who voted still has the vote to do: %v", got)
	}
	if got := kinds(must(v.svc.Todos(as(v.worker), v.c.ID)))[deliberation.TodoVoteFor]; len(got) != 1 || got[0] != members[2] {
		t.Errorf("the grid worker votes for %v, want member 2 (member 0 voted)", got)
	}
	must(v.svc.ScheduleMeeting(as(v.committee), deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Council, Title: "议事会",
		Place: "村委会", StartsAt: v.clock.Now().Add(72 * time.Hour), TopicIDs: []domain.ID{topic.ID}}))
	todos := must(v.svc.Todos(as(members[1]), v.c.ID))
	if got := kinds(todos); len(got[deliberation.TodoAttendMeeting]) != 1 {
		t.Errorf("an expected member's to-dos = %v, want the meeting", got)
	}
	// The soonest due first: the vote (48 h) before the meeting (72 h).
	if todos[0].Kind != deliberation.TodoCastVote || todos[1].Kind != deliberation.TodoAttendMeeting {
		t.Errorf("order = %s, %s", todos[0].Kind, todos[1].Kind)
	}
	for _, td := range todos {
		if v.svc.TodoKinds()[td.Kind].ZH == "" {
			t.Errorf("kind %s has no name", td.Kind)
		}
	}
	_, err := v.svc.Todos(as(v.residents[0]), domain.NewID())
	if domain.ErrorCode(err) == "" {
		t.Error("to-dos of a community one is not a member of")
	}
}

// TestSupportFor: a grid worker supports a topic for an assisted resident of
// their grid, before a witness; not for one of another grid, and not
// without a witness. The support counts like the resident's own.
func TestSupportFor(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.propose(t, v.residents[1], "垃圾分类点太远")
	_, err := v.svc.SupportFor(as(v.worker), topic.ID, v.residents[0], "")
	wantCode(t, err, domain.Invalid)
	_, err = v.svc.SupportFor(as(v.worker), topic.ID, v.residents[1], "章美芳") // grid 2
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.SupportFor(as(v.residents[2]), topic.ID, v.residents[0], "章美芳") // not a grid worker
	wantCode(t, err, domain.Forbidden)
	must(v.svc.SupportFor(as(v.worker), topic.ID, v.residents[0], "章美芳"))
	must(v.svc.SupportFor(as(v.worker), topic.ID, v.residents[0], "章美芳")) // twice: once
	if n := must(v.svc.SupportCounts(as(v.residents[0]), []domain.ID{topic.ID}))[topic.ID]; n != 1 {
		t.Errorf("supports = %d, want 1", n)
	}
	if !must(v.svc.Supported(as(v.residents[0]), []domain.ID{topic.ID}))[topic.ID] {
		t.Error("the resident does not see their support")
	}
}
