package graph_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/graph"
)

// TestPanelAndVoteFlow drives steps 2 and 3 over GraphQL: seat rules, the
// published seed, a draw anyone can verify, accepting seats, a motion, votes
// (and a refused outsider), close, and the published result.
func TestPanelAndVoteFlow(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	other := e.village(t, "前溪村", "B1")
	// The admin is on the committee too; ten residents of grid 1.
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: domain.ActorFromContext(v.admin).UserID, Role: domain.RoleCommittee}))
	var residents []domain.ID
	for range 10 {
		m := must(e.comms.RegisterAssistedResident(v.workerCtx, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: "居民"}))
		residents = append(residents, m.UserID)
	}
	topic := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: "村口停车难", Category: deliberation.PublicAffairs, GridIDs: []domain.ID{v.grid.ID}}))
	for _, r := range residents {
		must(e.topics.Support(as(r), topic.ID))
	}
	must(e.topics.Screen(v.admin, deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
	tid := gid("Topic", topic.ID)
	run := func(q string, vars map[string]any) map[string]any {
		t.Helper()
		r := e.do(t, call{query: q, vars: vars, token: v.adminToken})
		wantOK(t, r)
		return r.Data
	}
	run(`mutation($t: ID!, $g: ID) { setSeatRules(input: {topicId: $t, rules: [{kind: AFFECTED_RESIDENTS, gridId: $g, min: 3, max: 5}]}) { panel { state } } }`,
		map[string]any{"t": tid, "g": gid("Grid", v.grid.ID)})
	d := run(`mutation($t: ID!) { publishSeed(input: {topicId: $t}) { panel { seed } } }`, map[string]any{"t": tid})
	if seed, _ := path(d, "publishSeed", "panel", "seed").(string); len(seed) != 32 {
		t.Fatalf("seed = %v", d)
	}
	d = run(`mutation($t: ID!, $g: ID) { drawSeats(input: {topicId: $t, kind: AFFECTED_RESIDENTS, gridId: $g, count: 3}) {
		panel { seats { user { id } memberId drawn drawId } representativeness { rules { filled gap } uncoveredGrids { name } } } } }`,
		map[string]any{"t": tid, "g": gid("Grid", v.grid.ID)})
	seats := path(d, "drawSeats", "panel", "seats").([]any)
	if len(seats) != 3 || path(d, "drawSeats", "panel", "representativeness", "rules", 0, "gap") != float64(0) {
		t.Fatalf("panel = %v", d)
	}
	drawID := path(seats[0], "drawId").(string)
	if d := run(`query($d: ID!) { verifyDraw(drawId: $d) }`, map[string]any{"d": drawID}); d["verifyDraw"] != true {
		t.Errorf("verifyDraw = %v", d)
	}
	// The record holds all it takes to recompute the draw offline.
	d = run(`query($d: ID!) { draw(id: $d) { id seed salt count eligible eligibleKeys drawn } }`, map[string]any{"d": drawID})
	if path(d, "draw", "id") != drawID || len(path(d, "draw", "eligible").([]any)) != len(path(d, "draw", "eligibleKeys").([]any)) {
		t.Fatalf("draw = %v", d)
	}
	var eligible []domain.ID
	for _, id := range path(d, "draw", "eligibleKeys").([]any) {
		eligible = append(eligible, domain.ID(id.(string)))
	}
	again, _ := deliberation.Draw(path(d, "draw", "seed").(string), path(d, "draw", "salt").(string), eligible, int(path(d, "draw", "count").(float64)))
	if len(again) != 3 || gid("Member", community.MemberID(v.c.ID, again[0])) != path(d, "draw", "drawn", 0) {
		t.Errorf("recomputed %v, recorded %v", again, path(d, "draw", "drawn"))
	}
	confirm := `mutation($t: ID!) { confirmPanel(input: {topicId: $t}) { panel { state confirmedAt confirmedBy { name } } } }`
	wantCode(t, e.do(t, call{query: confirm, vars: map[string]any{"t": tid}, token: v.adminToken}), "CONFLICT") // no one accepted yet
	// The drawn are assisted residents: their grid worker records their answers before a witness.
	answer := `mutation($t: ID!, $m: ID!, $w: String) { respondToSeat(input: {topicId: $t, accept: true, memberId: $m, witness: $w}) { ok seat { state witness } } }`
	for _, s := range seats {
		if path(s, "user", "id") == gid("User", v.workerID) { // the lot may pick the grid worker, who lives in the grid
			must(e.topics.RespondToSeat(as(v.workerID), topic.ID, true))
			continue
		}
		vars := map[string]any{"t": tid, "m": path(s, "memberId"), "w": "村民 李建平"}
		wantCode(t, e.do(t, call{query: answer, vars: vars, token: v.adminToken}), "FORBIDDEN") // not a grid worker
		wantCode(t, e.do(t, call{query: answer, vars: map[string]any{"t": tid, "m": path(s, "memberId")}, token: v.workerToken}), "BAD_USER_INPUT")
		if r := e.do(t, call{query: answer, vars: vars, token: v.workerToken}); path(r.Data, "respondToSeat", "seat", "state") != "ACCEPTED" || path(r.Data, "respondToSeat", "seat", "witness") != "村民 李建平" {
			t.Fatalf("answer = %v %v", r.Data, r.Errors)
		}
	}
	d = run(`query($t: ID!) { node(id: $t) { ... on Topic { panel { seats { user { id } state witness answeredBy { name } } } } } }`, map[string]any{"t": tid})
	for _, st := range path(d, "node", "panel", "seats").([]any) {
		answered := path(st, "witness") == "村民 李建平" && path(st, "answeredBy", "name") == "小古城村网格员"
		if self := path(st, "user", "id") == gid("User", v.workerID); path(st, "state") != "ACCEPTED" || answered == self {
			t.Errorf("seat = %v", st)
		}
	}
	wantCode(t, e.do(t, call{query: confirm, vars: map[string]any{"t": tid}, token: v.workerToken}), "FORBIDDEN")
	d = run(confirm, map[string]any{"t": tid})
	if path(d, "confirmPanel", "panel", "state") != "CONFIRMED" || path(d, "confirmPanel", "panel", "confirmedBy", "name") != "小古城村管理员" || path(d, "confirmPanel", "panel", "confirmedAt") == nil {
		t.Errorf("confirmed panel = %v", d)
	}
	d = run(`mutation($t: ID!, $dl: DateTime!) { openMotion(input: {topicId: $t, text: "设临时停车场", method: MAJORITY_CAST, deadline: $dl}) { motion { id voterCount closed } } }`,
		map[string]any{"t": tid, "dl": e.clock.Now().Add(24 * time.Hour).Format(time.RFC3339)})
	motionID := path(d, "openMotion", "motion", "id").(string)
	vote := `mutation($m: ID!, $c: VoteChoice!) { castVote(input: {motionId: $m, choice: $c}) { motion { myVote } } }`
	r := e.do(t, call{query: vote, vars: map[string]any{"m": motionID, "c": "YES"}, token: other.adminToken})
	wantCode(t, r, "NOT_FOUND") // another community's motion
	r = e.do(t, call{query: vote, vars: map[string]any{"m": motionID, "c": "YES"}, token: v.adminToken})
	wantCode(t, r, "FORBIDDEN") // a member (with no grid, so never drawn), but not on the panel
	for i, s := range seats {
		uid := must(graph.LocalID("User", path(s, "user", "id").(string)))
		choice := deliberation.Yes
		if i == 2 {
			choice = deliberation.No
		}
		if err := e.topics.Vote(as(uid), must(graph.LocalID("Motion", motionID)), choice); err != nil {
			t.Fatal(err)
		}
	}
	// A voter sees their own vote (the admin joins the panel by nomination for this).
	d = run(`mutation($m: ID!) { closeMotion(input: {motionId: $m}) { motion { closed result { yes no voters quorum passed } } } }`, map[string]any{"m": motionID})
	res := path(d, "closeMotion", "motion", "result")
	if path(res, "yes") != float64(2) || path(res, "no") != float64(1) || path(res, "passed") != true {
		t.Errorf("result = %v", res)
	}
	r = e.do(t, call{query: vote, vars: map[string]any{"m": motionID, "c": "NO"}, token: v.adminToken})
	wantCode(t, r, "FORBIDDEN")

	// 议的效力: adopt, an action item to 100 %, the resolution's progress.
	d = run(`mutation($m: ID!) { adoptResolution(input: {motionId: $m}) { resolution { id stage effectiveAt } } }`, map[string]any{"m": motionID})
	resID := path(d, "adoptResolution", "resolution", "id").(string)
	if path(d, "adoptResolution", "resolution", "stage") != "NOTICE" {
		t.Errorf("resolution = %v", d)
	}
	// The panel and an objection are Nodes; answering returns the objection.
	d = run(`query($p: ID!) { node(id: $p) { __typename ... on Panel { id state } } }`, map[string]any{"p": gid("Panel", topic.ID)})
	if path(d, "node", "__typename") != "Panel" || path(d, "node", "state") != "LOCKED" {
		t.Errorf("panel node = %v", d)
	}
	obj := must(e.topics.Object(as(must(graph.LocalID("User", path(seats[0], "user", "id").(string)))), must(graph.LocalID("Resolution", resID)), "停车场离家太近"))
	d = run(`mutation($o: ID!) { answerObjection(input: {objectionId: $o, answer: "入口改到东侧"}) { objection { id answer } } }`, map[string]any{"o": gid("Objection", obj.ID)})
	if path(d, "answerObjection", "objection", "answer") != "入口改到东侧" {
		t.Errorf("answerObjection = %v", d)
	}
	oid := path(d, "answerObjection", "objection", "id")
	d = run(`query($o: ID!) { node(id: $o) { __typename id ... on Objection { text answer } } }`, map[string]any{"o": oid})
	if path(d, "node", "__typename") != "Objection" || path(d, "node", "id") != oid || path(d, "node", "text") != "停车场离家太近" {
		t.Errorf("objection node = %v", d)
	}
	d = run(`mutation($r: ID!, $due: DateTime!) { addActionItem(input: {resolutionId: $r, title: "划线", ownerParty: RESIDENTS_COMMITTEE, due: $due, weight: 2}) { actionItem { id } } }`,
		map[string]any{"r": resID, "due": e.clock.Now().AddDate(0, 0, 7).Format(time.RFC3339)})
	itemID := path(d, "addActionItem", "actionItem", "id").(string)
	run(`mutation($i: ID!) { updateActionItem(input: {actionItemId: $i, progress: 100, text: "完成"}) { actionItem { progress } } }`, map[string]any{"i": itemID})
	d = run(`query($r: ID!) { node(id: $r) { ... on Resolution { progress actionItems { title status updates { text by { name } } } topic { title } } } }`, map[string]any{"r": resID})
	if path(d, "node", "progress") != float64(100) || path(d, "node", "actionItems", 0, "updates", 0, "text") != "完成" || path(d, "node", "actionItems", 0, "status") != "DONE" {
		t.Errorf("resolution board = %v", d)
	}
	// A panel member of the affected grid rates it and reads back their stars; the board lists it.
	rater := must(graph.LocalID("User", path(seats[0], "user", "id").(string)))
	if err := e.topics.Rate(as(rater), must(graph.LocalID("Resolution", resID)), 4); err != nil {
		t.Fatal(err)
	}
	mine := `query($r: ID!) { node(id: $r) { ... on Resolution { myRating satisfaction { count } } } }`
	if d := run(mine, map[string]any{"r": resID}); path(d, "node", "myRating") != nil || path(d, "node", "satisfaction", "count") != float64(1) {
		t.Errorf("the admin, who did not rate, sees %v", d)
	}
	d = run(`query($c: ID!, $m: ID!) { community(id: $c) { resolutions { id progress topic { title } } }
		node(id: $m) { ... on Motion { topic { title } } } }`, map[string]any{"c": gid("Community", v.c.ID), "m": motionID})
	if path(d, "community", "resolutions", 0, "id") != resID || path(d, "community", "resolutions", 0, "progress") != float64(100) || path(d, "node", "topic", "title") != "村口停车难" {
		t.Errorf("board and motion = %v", d)
	}
	r = e.do(t, call{query: `query($c: ID!) { community(id: $c) { resolutions { id } } }`, vars: map[string]any{"c": gid("Community", v.c.ID)}, token: other.adminToken})
	wantCode(t, r, "FORBIDDEN")

	// A meeting on an accepted topic: the committee sees the check-in code, others do not.
	topic2 := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: "修路灯", Category: deliberation.PublicAffairs, GridIDs: []domain.ID{v.grid.ID}, AsCommittee: true}))
	must(e.topics.Screen(v.admin, deliberation.ScreenInput{TopicID: topic2.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
	d = run(`mutation($c: ID!, $t: ID!, $at: DateTime!) { scheduleMeeting(input: {communityId: $c, kind: COUNCIL, title: "议事会", place: "村委会", startsAt: $at, topicIds: [$t]}) {
		meeting { id checkInCode agenda { title } attendance { expected quorum } } } }`,
		map[string]any{"c": gid("Community", v.c.ID), "t": gid("Topic", topic2.ID), "at": e.clock.Now().Add(48 * time.Hour).Format(time.RFC3339)})
	meetingID := path(d, "scheduleMeeting", "meeting", "id").(string)
	if path(d, "scheduleMeeting", "meeting", "checkInCode") == nil || path(d, "scheduleMeeting", "meeting", "agenda", 0, "title") != "修路灯" {
		t.Errorf("meeting = %v", d)
	}
	r = e.do(t, call{query: `query($m: ID!) { node(id: $m) { ... on Meeting { title checkInCode } } }`, vars: map[string]any{"m": meetingID}, token: v.workerToken})
	wantOK(t, r)
	if path(r.Data, "node", "title") != "议事会" || path(r.Data, "node", "checkInCode") != nil {
		t.Errorf("a resident sees %v", r.Data)
	}
	r = e.do(t, call{query: `query($m: ID!) { node(id: $m) { ... on Meeting { title } } }`, vars: map[string]any{"m": meetingID}, token: other.adminToken})
	wantCode(t, r, "NOT_FOUND")
	d = run(`query($c: ID!) { community(id: $c) { meetings(upcoming: true) { title } } }`, map[string]any{"c": gid("Community", v.c.ID)})
	if len(path(d, "community", "meetings").([]any)) != 1 {
		t.Errorf("upcoming meetings = %v", d)
	}
	d = run(`query($t: ID!) { node(id: $t) { ... on Topic { meetings { id community { name } } } } }`, map[string]any{"t": gid("Topic", topic2.ID)})
	if path(d, "node", "meetings", 0, "id") != meetingID || path(d, "node", "meetings", 0, "community", "name") != "小古城村" {
		t.Errorf("the topic's meetings = %v", d)
	}
}

// TestMyVote: a voter reads back their own vote over GraphQL.
func TestMyVote(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: domain.ActorFromContext(v.admin).UserID, Role: domain.RoleCommittee}))
	topic := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: "修路灯", Category: deliberation.PublicAffairs, AsCommittee: true}))
	must(e.topics.Screen(v.admin, deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
	must(e.topics.SetSeatRules(v.admin, topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 1, Max: 3}}))
	must(e.topics.Nominate(v.admin, topic.ID, v.workerID, deliberation.Representatives, ""))
	must(e.topics.RespondToSeat(v.workerCtx, topic.ID, true))
	m := must(e.topics.OpenMotion(v.admin, deliberation.MotionInput{TopicID: topic.ID, Text: "换节能灯", Method: deliberation.MajorityCast, Deadline: e.clock.Now().Add(time.Hour)}))
	r := e.do(t, call{query: `mutation($m: ID!) { castVote(input: {motionId: $m, choice: ABSTAIN}) { motion { myVote } } }`,
		vars: map[string]any{"m": gid("Motion", m.ID)}, token: v.workerToken})
	wantOK(t, r)
	if got := path(r.Data, "castVote", "motion", "myVote"); got != "ABSTAIN" {
		t.Errorf("myVote = %v, want ABSTAIN", got)
	}
}

// TestResolutionBoardCommands pins the board's cost: the community's
// resolutions with their progress, action items and satisfaction take the
// same number of database commands for 2 resolutions as for 5.
func TestResolutionBoardCommands(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: domain.ActorFromContext(v.admin).UserID, Role: domain.RoleCommittee}))
	adopt := func(n int) {
		for i := range n {
			topic := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: fmt.Sprintf("议题 %d", i), Category: deliberation.PublicAffairs, AsCommittee: true}))
			must(e.topics.Screen(v.admin, deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
			must(e.topics.SetSeatRules(v.admin, topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 1, Max: 1}}))
			must(e.topics.Nominate(v.admin, topic.ID, v.workerID, deliberation.Representatives, ""))
			must(e.topics.RespondToSeat(v.workerCtx, topic.ID, true))
			m := must(e.topics.OpenMotion(v.admin, deliberation.MotionInput{TopicID: topic.ID, Text: "同意", Method: deliberation.MajorityCast, Deadline: e.clock.Now().Add(time.Hour)}))
			if err := e.topics.Vote(v.workerCtx, m.ID, deliberation.Yes); err != nil {
				t.Fatal(err)
			}
			must(e.topics.CloseMotion(v.admin, m.ID))
			res := must(e.topics.Adopt(v.admin, m.ID))
			for j := range 2 {
				must(e.topics.AddActionItem(v.admin, deliberation.ItemInput{ResolutionID: res.ID, Title: fmt.Sprintf("事项 %d", j), OwnerParty: deliberation.ResidentsCommittee, Due: e.clock.Now().AddDate(0, 0, 9)}))
			}
		}
	}
	board := call{query: `query($c: ID!) { community(id: $c) { resolutions { id progress stage actionItems { title status } satisfaction { count average } } } }`,
		vars: map[string]any{"c": gid("Community", v.c.ID)}, token: v.adminToken}
	count := func(want int) int64 {
		e.commands.Reset()
		r := e.do(t, board)
		wantOK(t, r)
		if list := path(r.Data, "community", "resolutions").([]any); len(list) != want || len(path(list[0], "actionItems").([]any)) != 2 {
			t.Fatalf("board = %v, want %d resolutions with 2 items each", r.Data, want)
		}
		return e.commands.Count()
	}
	adopt(2)
	two := count(2)
	adopt(3)
	five := count(5)
	t.Logf("database commands: %d for 2 resolutions, %d for 5", two, five)
	if two != five {
		t.Errorf("2 resolutions cost %d commands, 5 cost %d: want the same", two, five)
	}
}
