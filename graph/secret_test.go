package graph_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// acceptedTopic sets up a village whose admin is on the committee, ten
// assisted residents of its grid, and a topic of theirs they all support,
// accepted for the villagers' council.
func acceptedTopic(t *testing.T, title string) (*env, village, []domain.ID, deliberation.Topic) {
	t.Helper()
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: v.adminID, Role: domain.RoleCommittee}))
	var residents []domain.ID
	for range 10 {
		m := must(e.comms.RegisterAssistedResident(v.workerCtx, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: "居民"}))
		residents = append(residents, m.UserID)
	}
	topic := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: title, Category: deliberation.PublicAffairs, GridIDs: []domain.ID{v.grid.ID}}))
	for _, r := range residents {
		must(e.topics.Support(as(r), topic.ID))
	}
	must(e.topics.Screen(v.admin, deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
	return e, v, residents, topic
}

// TestSecretBallotOverAPI: through the API, a secret ballot shows no count
// while open, and once closed only what decides it: yes, no, abstain and
// the parties' counts are null or empty for every member who asks (a voter
// included), and the recount says no more.
func TestSecretBallotOverAPI(t *testing.T) {
	e, v, residents, topic := acceptedTopic(t, "是否收取停车费")
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
	const q = `query($m: ID!) { node(id: $m) { ... on Motion { secret result { yes no abstain countsHidden open passed quorum voters cast parties { party yes no abstain } } } } }`
	vars := map[string]any{"m": gid("Motion", m.ID)}
	r := e.do(t, call{query: q, vars: vars, token: v.adminToken})
	wantOK(t, r)
	res := path(r.Data, "node", "result")
	if path(r.Data, "node", "secret") != true || path(res, "open") != true || path(res, "countsHidden") != true || path(res, "yes") != nil ||
		path(res, "passed") != nil || path(res, "cast") != float64(4) || len(path(res, "parties").([]any)) != 0 {
		t.Errorf("open secret ballot shows %v, want the turnout alone", res)
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

// TestRecomputeAndMotionState: recomputeResult recounts a motion from its
// vote documents and equals the published result; a motion past its
// deadline is PAST_DEADLINE, not closed, until the committee closes it.
func TestRecomputeAndMotionState(t *testing.T) {
	e, v, residents, topic := acceptedTopic(t, "修路灯")
	must(e.topics.SetSeatRules(v.admin, topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 3, Max: 3}}))
	for _, r := range residents[:3] {
		must(e.topics.Nominate(v.admin, topic.ID, r, deliberation.Representatives, ""))
		must(e.topics.RespondToSeat(as(r), topic.ID, true))
	}
	m := must(e.topics.OpenMotion(v.admin, deliberation.MotionInput{TopicID: topic.ID, Text: "修好村口路灯", Method: deliberation.MajorityCast, Deadline: e.clock.Now().Add(time.Hour)}))
	must(0, e.topics.Vote(as(residents[0]), m.ID, deliberation.Yes))
	must(0, e.topics.Vote(as(residents[1]), m.ID, deliberation.No))
	must(0, e.topics.Vote(as(residents[1]), m.ID, deliberation.Yes)) // changed: the latest counts
	const q = `query($m: ID!) { node(id: $m) { ... on Motion { state notVoted { user { id } } result { yes no cast entitled open passed reason } } } recomputeResult(motionId: $m) { yes no cast entitled } }`
	vars := map[string]any{"m": gid("Motion", m.ID)}
	r := e.do(t, call{query: q, vars: vars, token: v.adminToken})
	wantOK(t, r)
	// While open, no one gets the counts, only the turnout; the committee sees who has not voted.
	if path(r.Data, "node", "state") != "OPEN" || path(r.Data, "recomputeResult", "yes") != nil || path(r.Data, "recomputeResult", "cast") != float64(2) ||
		path(r.Data, "recomputeResult", "entitled") != float64(3) || path(r.Data, "node", "result", "open") != true || path(r.Data, "node", "result", "passed") != nil ||
		path(r.Data, "node", "notVoted", 0, "user", "id") != gid("User", residents[2]) {
		t.Errorf("open motion = %v", r.Data)
	}
	if r := e.do(t, call{query: q, vars: vars, token: v.workerToken}); path(r.Data, "node", "notVoted") != nil || path(r.Data, "node", "result", "yes") != nil {
		t.Errorf("a member who is not on the committee sees %v", r.Data)
	}
	e.clock.Add(2 * time.Hour)
	// The API dates states by the wall clock; the domain's clock moved, so
	// ask the domain directly for the state past the deadline.
	if got := must(e.topics.Motion(v.admin, m.ID)).State(e.clock.Now()); got != deliberation.MotionPastDeadline {
		t.Errorf("state past the deadline = %s", got)
	}
	must(e.topics.CloseMotion(v.admin, m.ID))
	r = e.do(t, call{query: q, vars: vars, token: v.adminToken})
	wantOK(t, r)
	if path(r.Data, "node", "state") != "CLOSED" || path(r.Data, "node", "result", "yes") != float64(2) || path(r.Data, "node", "result", "passed") != true ||
		path(r.Data, "node", "result", "reason") != nil || len(path(r.Data, "node", "notVoted").([]any)) != 0 {
		t.Errorf("closed motion = %v", r.Data)
	}
	for _, f := range []string{"yes", "no", "cast", "entitled"} {
		if path(r.Data, "node", "result", f) != path(r.Data, "recomputeResult", f) {
			t.Errorf("%s: published %v, recount %v", f, path(r.Data, "node", "result", f), path(r.Data, "recomputeResult", f))
		}
	}
}

// TestNodeBogusID: an ID that decodes to no type gets NOT_FOUND naming a
// record, never an empty type name.
func TestNodeBogusID(t *testing.T) {
	e := newEnv(t)
	for _, lang := range []string{"zh-CN", "en"} {
		r := e.do(t, call{query: `{ node(id: "bogus") { id } }`, lang: lang})
		wantCode(t, r, "NOT_FOUND")
		if msg := r.Errors[0].Message; msg != "找不到该记录" && msg != "record not found" {
			t.Errorf("%s: message %q", lang, msg)
		}
	}
}

// TestErrorsNameInputFields: a bad member ID is reported under the input
// field the client sent (speakerMemberId, ownerMemberId), not the domain's
// name for it.
func TestErrorsNameInputFields(t *testing.T) {
	e, v, _, topic := acceptedTopic(t, "修桥")
	m := must(e.topics.ScheduleMeeting(v.admin, deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Online, Title: "线上议事", StartsAt: e.clock.Now().Add(time.Hour), TopicIDs: []domain.ID{topic.ID}}))
	field := func(r response) any {
		if len(r.Errors) == 0 {
			return nil
		}
		return r.Errors[0].Extensions["field"]
	}
	for _, bad := range []string{"bogus", gid("Member", domain.ID(string(v.c.ID)+"/nobody"))} {
		r := e.do(t, call{query: `mutation($m: ID!, $t: ID!, $s: ID!) { recordStatement(input: {meetingId: $m, topicId: $t, speakerMemberId: $s, stance: FOR, summary: "同意"}) { meeting { id } } }`,
			vars: map[string]any{"m": gid("Meeting", m.ID), "t": gid("Topic", topic.ID), "s": bad}, token: v.adminToken})
		if field(r) != "speakerMemberId" {
			t.Errorf("speaker %q: errors %+v, want one about speakerMemberId", bad, r.Errors)
		}
	}
}
