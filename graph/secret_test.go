package graph_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// TestSecretBallotOverAPI: through the API, a secret ballot shows no count
// while open, and once closed only what decides it: yes, no, abstain and
// the parties' counts are null or empty for every member who asks (a voter
// included), and the recount says no more.
func TestSecretBallotOverAPI(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: v.adminID, Role: domain.RoleCommittee}))
	var residents []domain.ID
	for range 10 {
		m := must(e.comms.RegisterAssistedResident(v.workerCtx, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: "居民"}))
		residents = append(residents, m.UserID)
	}
	topic := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: "是否收取停车费", Category: deliberation.PublicAffairs, GridIDs: []domain.ID{v.grid.ID}}))
	for _, r := range residents {
		must(e.topics.Support(as(r), topic.ID))
	}
	must(e.topics.Screen(v.admin, deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
	must(e.topics.SetSeatRules(v.admin, topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 4, Max: 4}}))
	panel := residents[:4]
	for _, r := range panel {
		must(e.topics.Nominate(v.admin, topic.ID, r, deliberation.Representatives, ""))
		must(e.topics.RespondToSeat(as(r), topic.ID, true))
	}
	m := must(e.topics.OpenMotion(v.admin, deliberation.MotionInput{TopicID: topic.ID, Text: "每月收取停车费 30 元", Method: deliberation.MajorityCast, Secret: true, Deadline: e.clock.Now().Add(48 * time.Hour)}))
	for i, r := range panel {
		choice := deliberation.Yes
		if i == 0 {
			choice = deliberation.No
		}
		must(0, e.topics.Vote(as(r), m.ID, choice))
	}
	const q = `query($m: ID!) { node(id: $m) { ... on Motion { secret result { yes no abstain countsHidden passed quorum voters parties { party yes no abstain } } } } }`
	vars := map[string]any{"m": gid("Motion", m.ID)}
	r := e.do(t, call{query: q, vars: vars, token: v.adminToken})
	wantOK(t, r)
	if path(r.Data, "node", "secret") != true || path(r.Data, "node", "result") != nil {
		t.Errorf("open secret ballot shows %v, want no result", path(r.Data, "node", "result"))
	}
	must(e.topics.CloseMotion(v.admin, m.ID))
	for _, who := range []string{"admin", "worker"} {
		token := v.adminToken
		if who == "worker" {
			token = v.workerToken
		}
		r := e.do(t, call{query: q, vars: vars, token: token})
		wantOK(t, r)
		res := path(r.Data, "node", "result")
		for _, f := range []string{"yes", "no", "abstain"} {
			if path(res, f) != nil {
				t.Errorf("%s sees %s = %v on a closed secret ballot", who, f, path(res, f))
			}
		}
		if ps, _ := path(res, "parties").([]any); len(ps) != 0 {
			t.Errorf("%s sees party counts %v", who, ps)
		}
		if path(res, "countsHidden") != true || path(res, "passed") != true || path(res, "voters") != float64(4) {
			t.Errorf("%s sees %v, want hidden counts, passed, 4 voters", who, res)
		}
	}
}
