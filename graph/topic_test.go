package graph_test

import (
	"fmt"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

const topicsQ = `query($id: ID!, $first: Int) { community(id: $id) { topics(first: $first) { totalCount edges { node {
	id title state category supportCount commentCount viewerSupported proposer { name } grids { name } } } } } }`

// TestTopicListCommands pins the topic list's cost: a page with each
// topic's proposer, support count, whether the viewer supported it, comment
// count and grid names takes the same number of database commands for 5
// topics as for 50.
func TestTopicListCommands(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	var residents []domain.ID
	for range 3 {
		m := must(e.comms.RegisterAssistedResident(v.workerCtx, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: "居民"}))
		residents = append(residents, m.UserID)
	}
	for i := range 50 {
		topic := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: fmt.Sprintf("议题 %d", i), Category: deliberation.Environment, GridIDs: []domain.ID{v.grid.ID}}))
		for _, r := range residents[:i%4] {
			must(e.topics.Support(as(r), topic.ID))
		}
		if i%3 == 0 {
			must(e.topics.AddComment(as(residents[0]), deliberation.CommentInput{TopicID: topic.ID, Body: "同意"}))
		}
	}
	count := func(first int) int64 {
		e.commands.Reset()
		r := e.do(t, call{query: topicsQ, vars: map[string]any{"id": gid("Community", v.c.ID), "first": first}, token: v.adminToken})
		wantOK(t, r)
		edges := path(r.Data, "community", "topics", "edges").([]any)
		if len(edges) != first {
			t.Fatalf("%d topics, want %d", len(edges), first)
		}
		n := path(edges[3], "node")
		if path(n, "supportCount") != float64(3) || path(n, "commentCount") != float64(1) || path(n, "grids", 0, "name") != "第一网格" || path(n, "proposer", "name") == nil {
			t.Fatalf("topic 3 = %v", n)
		}
		return e.commands.Count()
	}
	five, fifty := count(5), count(50)
	t.Logf("database commands: %d for 5 topics, %d for 50", five, fifty)
	if five != fifty {
		t.Errorf("5 topics cost %d commands, 50 cost %d: want the same", five, fifty)
	}
}

func TestTopicFlow(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	b := e.village(t, "前溪村", "B1")
	propose := `mutation($in: ProposeTopicInput!) { proposeTopic(input: $in) { topic { id state source threshold proposer { name } } } }`
	r := e.do(t, call{query: propose, token: v.adminToken, vars: map[string]any{"in": map[string]any{
		"communityId": gid("Community", v.c.ID), "title": "村口停车难", "body": "车辆乱停", "category": "PUBLIC_AFFAIRS", "gridIds": []string{gid("Grid", v.grid.ID)},
	}}})
	wantOK(t, r)
	topicID := path(r.Data, "proposeTopic", "topic", "id").(string)
	if path(r.Data, "proposeTopic", "topic", "state") != "COLLECTING" {
		t.Errorf("topic = %v", r.Data)
	}
	r = e.do(t, call{query: propose, token: v.adminToken, vars: map[string]any{"in": map[string]any{
		"communityId": gid("Community", v.c.ID), "title": "", "category": "OTHER",
	}}})
	wantCode(t, r, "BAD_USER_INPUT")
	support := `mutation($id: ID!) { supportTopic(input: {topicId: $id}) { topic { supportCount viewerSupported } } }`
	r = e.do(t, call{query: support, token: v.workerToken, vars: map[string]any{"id": topicID}})
	wantOK(t, r)
	if path(r.Data, "supportTopic", "topic", "supportCount") != float64(1) || path(r.Data, "supportTopic", "topic", "viewerSupported") != true {
		t.Errorf("support = %v", r.Data)
	}
	r = e.do(t, call{query: support, token: b.adminToken, vars: map[string]any{"id": topicID}})
	wantCode(t, r, "NOT_FOUND")
	r = e.do(t, call{query: `mutation($id: ID!) { addComment(input: {topicId: $id, body: "支持"}) { comment { id body author { name } } } }`, token: v.workerToken, vars: map[string]any{"id": topicID}})
	wantOK(t, r)
	r = e.do(t, call{query: `query($id: ID!) { node(id: $id) { ... on Topic { title timeline { kind actor { name } } comments { totalCount nodes { body } } } } }`, token: v.workerToken, vars: map[string]any{"id": topicID}})
	wantOK(t, r)
	if path(r.Data, "node", "timeline", 0, "kind") != "PROPOSED" || path(r.Data, "node", "comments", "totalCount") != float64(1) {
		t.Errorf("topic page = %v", r.Data)
	}
	screen := `mutation($id: ID!) { screenTopic(input: {topicId: $id, decision: ACCEPT, body: VILLAGERS_COUNCIL}) { topic { state decidedBody } } }`
	r = e.do(t, call{query: screen, token: v.workerToken, vars: map[string]any{"id": topicID}})
	wantCode(t, r, "FORBIDDEN")
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: domain.ActorFromContext(v.admin).UserID, Role: domain.RoleCommittee}))
	inScreening := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: "开办老年食堂", Category: deliberation.PublicWelfare, AsCommittee: true}))
	r = e.do(t, call{query: screen, token: v.adminToken, vars: map[string]any{"id": gid("Topic", inScreening.ID)}})
	wantOK(t, r)
	if path(r.Data, "screenTopic", "topic", "state") != "ACCEPTED" || path(r.Data, "screenTopic", "topic", "decidedBody") != "VILLAGERS_COUNCIL" {
		t.Errorf("screened = %v", r.Data)
	}
}

// TestSupportForOverAPI: a grid worker supports a topic for an assisted
// resident (a Member ID), before a witness.
func TestSupportForOverAPI(t *testing.T) {
	e, v, residents, _ := acceptedTopic(t, "村口停车难")
	topic := must(e.topics.Propose(as(residents[0]), deliberation.ProposeInput{CommunityID: v.c.ID, Title: "垃圾分类点太远", Category: deliberation.PublicAffairs}))
	const q = `mutation($t: ID!, $m: ID, $w: String) { supportTopic(input: {topicId: $t, onBehalfOf: $m, witness: $w}) { topic { supportCount } } }`
	vars := map[string]any{"t": gid("Topic", topic.ID), "m": gid("Member", community.MemberID(v.c.ID, residents[1]))}
	wantCode(t, e.do(t, call{query: q, vars: vars, token: v.workerToken}), "BAD_USER_INPUT") // no witness
	vars["w"] = "村民 李建平"
	before := must(e.topics.SupportCounts(as(residents[0]), []domain.ID{topic.ID}))[topic.ID]
	r := e.do(t, call{query: q, vars: vars, token: v.workerToken})
	wantOK(t, r)
	if path(r.Data, "supportTopic", "topic", "supportCount") != float64(before+1) {
		t.Errorf("support for a resident = %v, want %d supports", r.Data, before+1)
	}
	wantCode(t, e.do(t, call{query: q, vars: vars, token: v.adminToken}), "FORBIDDEN") // not a grid worker
}

// TestProposeForOverAPI: a grid worker proposes a topic for an assisted
// resident (a Member ID) before a witness; the resident is the proposer,
// and the topic names the worker and the witness.
func TestProposeForOverAPI(t *testing.T) {
	e, v, residents, _ := acceptedTopic(t, "村口停车难")
	const q = `mutation($c: ID!, $m: ID, $w: String) {
		proposeTopic(input: {communityId: $c, title: "后山路灯不亮", category: PUBLIC_AFFAIRS, onBehalfOf: $m, witness: $w}) {
			topic { proposer { name } recordedBy { name } witness }
		}
	}`
	vars := map[string]any{"c": gid("Community", v.c.ID), "m": gid("Member", community.MemberID(v.c.ID, residents[1]))}
	r := e.do(t, call{query: q, vars: vars, token: v.workerToken})
	wantCode(t, r, "BAD_USER_INPUT") // no witness
	if len(r.Errors) == 0 || r.Errors[0].Extensions["field"] != "witness" {
		t.Errorf("errors = %+v, want the witness field named", r.Errors)
	}
	vars["w"] = "村民 李建平"
	r = e.do(t, call{query: q, vars: vars, token: v.workerToken})
	wantOK(t, r)
	if path(r.Data, "proposeTopic", "topic", "witness") != "村民 李建平" || path(r.Data, "proposeTopic", "topic", "recordedBy") == nil {
		t.Errorf("proposed for a resident = %v", r.Data)
	}
}
