package graph_test

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// nodeFixture is one record of every Node type, all in one village whose
// admin (on its committee) may read them all.
type nodeFixture struct {
	e     *env
	v     village
	nodes map[string]string // Node type → global ID
}

func newNodeFixture(t *testing.T) nodeFixture {
	t.Helper()
	e, v, residents, topic := acceptedTopic(t, "村口停车难")
	ctx := v.admin
	f := nodeFixture{e: e, v: v, nodes: map[string]string{}}
	add := func(typ string, id domain.ID) { f.nodes[typ] = gid(typ, id) }

	must(e.topics.SetSeatRules(ctx, topic.ID, []deliberation.SeatRule{
		{Kind: deliberation.Representatives, Min: 4, Max: 4}, {Kind: deliberation.AffectedResidents, GridID: v.grid.ID, Min: 1, Max: 1}}))
	for _, r := range residents[:4] {
		must(e.topics.Nominate(ctx, topic.ID, r, deliberation.Representatives, ""))
		must(e.topics.RespondToSeat(as(r), topic.ID, true))
	}
	must(e.topics.PublishSeed(ctx, topic.ID))
	seats := must(e.topics.DrawSeats(ctx, deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.AffectedResidents, GridID: v.grid.ID, Count: 1}))
	add("Draw", seats[0].DrawID)
	add("Panel", topic.ID)
	m := must(e.topics.OpenMotion(ctx, deliberation.MotionInput{TopicID: topic.ID, Text: "设临时停车场", Method: deliberation.MajorityCast, Deadline: e.clock.Now().Add(48 * time.Hour)}))
	for _, r := range residents[:4] {
		must(0, e.topics.Vote(as(r), m.ID, deliberation.Yes))
	}
	must(e.topics.CloseMotion(ctx, m.ID))
	res := must(e.topics.Adopt(ctx, m.ID))
	item := must(e.topics.AddActionItem(ctx, deliberation.ItemInput{ResolutionID: res.ID, Title: "划线", OwnerID: v.workerID, Due: e.clock.Now().AddDate(0, 0, 10)}))
	obj := must(e.topics.Object(as(residents[5]), res.ID, "停车场离学校太近"))
	comment := must(e.topics.AddComment(ctx, deliberation.CommentInput{TopicID: topic.ID, Body: "赞成"}))
	meeting := must(e.topics.ScheduleMeeting(ctx, deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Council, Title: "议事会",
		Place: "村委会", StartsAt: e.clock.Now().Add(72 * time.Hour), TopicIDs: []domain.ID{topic.ID}}))
	st := must(e.comms.StreetByCode(context.Background(), "330110109"))
	req := must(e.comms.RequestCommunity(ctx, community.CommunityRequestInput{StreetID: st.ID, Name: "新社区", Kind: community.Village, Code: divisionCode("Z9"), Note: "村委会换届后开通"}))
	join := must(e.comms.JoinRequests(ctx, v.c.ID, community.JoinFilter{}, domain.Page{First: 1}))
	if _, err := e.notify.Dispatch(context.Background(), e.clock.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	sent := must(e.notify.History(ctx, domain.Page{First: 1}))
	sessions := must(e.accounts.Sessions(ctx))
	if len(sent.Items) == 0 || len(sessions) == 0 || len(join.Items) == 0 {
		t.Fatalf("fixture lacks a notification (%d), a session (%d) or a join request (%d)", len(sent.Items), len(sessions), len(join.Items))
	}
	add("User", v.adminID)
	add("Session", sessions[0].ID)
	add("Street", st.ID)
	add("Community", v.c.ID)
	add("Grid", v.grid.ID)
	add("MicroGrid", v.micro.ID)
	add("Member", community.MemberID(v.c.ID, v.adminID))
	add("JoinRequest", join.Items[0].ID)
	add("CommunityRequest", req.ID)
	add("Notification", sent.Items[0].ID)
	add("Topic", topic.ID)
	add("Comment", comment.ID)
	add("Motion", m.ID)
	add("Resolution", res.ID)
	add("ActionItem", item.ID)
	add("Objection", obj.ID)
	add("Meeting", meeting.ID)
	today := disclosure.DateOf(e.clock.Now(), v.c.Location())
	draft := must(e.disclosures.CreateDraft(ctx, disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindVillage,
		Period: string(disclosure.QuarterPeriod(today)), Content: disclosure.DraftContent{Title: "村务公开", Body: "本季度村务"}}))
	version := must(e.disclosures.Publish(ctx, draft.ID))
	question := must(e.disclosures.Ask(as(residents[0]), version.ID, "停车场何时动工？"))
	add("Disclosure", version.DisclosureID)
	add("DisclosureVersion", version.ID)
	add("DisclosureQuestion", question.ID)
	team := must(e.volunteers.CreateTeam(ctx, volunteer.TeamInput{CommunityID: v.c.ID, Name: "助老服务队", Leaders: []domain.ID{v.adminID}}))
	prof := must(e.volunteers.Join(as(residents[1]), volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: team.ID, MaxMinutesPerWeek: 600,
		Skills: []volunteer.SkillLevel{{Code: "elderly_care", Level: 2}}}))
	must(e.volunteers.Confirm(ctx, v.c.ID, residents[1]))
	need := must(e.volunteers.PostNeed(ctx, volunteer.NeedInput{CommunityID: v.c.ID, Title: "陪同就医", Required: []string{"elderly_care"},
		Start: e.clock.Now().Add(24 * time.Hour), End: e.clock.Now().Add(26 * time.Hour), MicroGridID: v.micro.ID, Address: "一组 3 号", Slots: 1}))
	occ := must(e.volunteers.Occurrences(ctx, need.ID))[0]
	claim := must(e.volunteers.Claim(as(residents[1]), occ.ID)).Claim
	add("VolunteerTeam", team.ID)
	add("Volunteer", prof.ID())
	add("Need", need.ID)
	add("NeedOccurrence", occ.ID)
	add("VolunteerClaim", claim.ID)
	// Next month's roster: the captain, with no availability, is on no
	// shift, so each shift has an open place.
	now := e.clock.Now().In(v.c.Location())
	month := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, v.c.Location()).Format("2006-01")
	pteam := must(e.patrols.CreateTeam(ctx, v.c.ID, "古城巡防队", v.adminID))
	route := must(e.patrols.AddRoute(ctx, pteam.ID, v.grid.ID, "村口一圈", []patrol.CheckpointInput{{Name: "村口", MicroGridID: v.micro.ID}}))
	must(e.patrols.AddTemplate(ctx, patrol.TemplateInput{TeamID: pteam.ID, RouteID: route.ID, Name: "晚班", Days: []time.Weekday{time.Saturday},
		Start: 19 * 60, End: 21 * 60, Min: 1, Max: 1, Weight: 1}))
	must(e.patrols.GenerateRoster(ctx, pteam.ID, month))
	must(e.patrols.PublishRoster(ctx, pteam.ID, month))
	places := must(e.patrols.OpenPositions(ctx, pteam.ID, month))
	report := must(e.patrols.FileReport(ctx, patrol.ReportInput{CommunityID: v.c.ID, Kind: patrol.Dispute, MicroGridID: v.micro.ID, Place: "一组 5 号",
		Severity: patrol.Medium, Text: "两户为屋檐滴水吵起来了"}))
	report = must(e.patrols.TriageReport(ctx, patrol.TriageInput{ReportID: report.ID, Action: patrol.Mediation, Parties: "王家、李家"}))
	add("PatrolTeam", pteam.ID)
	add("PatrolRoute", route.ID)
	add("PatrolPosition", places[0].ID)
	add("PatrolReport", report.ID)
	add("MediationCase", report.CaseID)
	return f
}

// nodeTypes lists the types of schema.graphql that implement Node.
func nodeTypes(t *testing.T) []string {
	raw, err := os.ReadFile("schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parser.Parse(parser.ParseParams{Source: string(raw)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range doc.Definitions {
		if o, ok := d.(*ast.ObjectDefinition); ok {
			for _, i := range o.Interfaces {
				if i.Name.Value == "Node" {
					out = append(out, o.Name.Value)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestNodeRoundTrip: node(id:) gives back every Node type by the id its
// own id field reports.
func TestNodeRoundTrip(t *testing.T) {
	f := newNodeFixture(t)
	for _, typ := range nodeTypes(t) {
		id, ok := f.nodes[typ]
		if !ok {
			t.Errorf("%s is a Node the fixture lacks: add one to newNodeFixture", typ)
			continue
		}
		r := f.e.do(t, call{query: `query($id: ID!) { node(id: $id) { __typename id } }`, vars: map[string]any{"id": id}, token: f.v.adminToken})
		if path(r.Data, "node", "__typename") != typ || path(r.Data, "node", "id") != id {
			t.Errorf("node(%s id) = %v %v", typ, r.Data, r.Errors)
		}
	}
}

// publicNodes are the Node types anyone may read, logged out too.
var publicNodes = map[string]bool{
	"Street": true, "Community": true, "Grid": true, "MicroGrid": true,
	// Published disclosures, their versions and questions are public (公开);
	// a draft is NOT_FOUND to all but its editors (TestDisclosureDraftHidden).
	"Disclosure": true, "DisclosureVersion": true, "DisclosureQuestion": true,
}

// TestNodeCodesForOutsiders: logged out, a record that is not public is
// UNAUTHENTICATED whether or not it exists; to a viewer outside its
// community, NOT_FOUND whether or not it exists. Public records are read
// by anyone, and a missing one is NOT_FOUND.
func TestNodeCodesForOutsiders(t *testing.T) {
	f := newNodeFixture(t)
	outsider, _ := f.e.register(t, "outsider@example.com", "外人")
	const q = `query($id: ID!) { node(id: $id) { id } }`
	for _, typ := range nodeTypes(t) {
		missing := gid(typ, domain.NewID())
		if typ == "Member" {
			missing = gid(typ, community.MemberID(f.v.c.ID, domain.NewID()))
		}
		want := map[string][2]string{ // who: code for the record, code for a missing one
			"":       {"UNAUTHENTICATED", "UNAUTHENTICATED"},
			outsider: {"NOT_FOUND", "NOT_FOUND"},
		}
		if publicNodes[typ] {
			want = map[string][2]string{"": {"", "NOT_FOUND"}, outsider: {"", "NOT_FOUND"}}
		}
		for token, codes := range want {
			for i, id := range []string{f.nodes[typ], missing} {
				r := f.e.do(t, call{query: q, vars: map[string]any{"id": id}, token: token})
				if r.code() != codes[i] || (codes[i] != "" && r.Data["node"] != nil) {
					who := map[string]string{"": "logged out", outsider: "an outsider"}[token]
					t.Errorf("%s, %s asks for %s: code %q, node %v; want %q", typ, who, []string{"the record", "a missing one"}[i], r.code(), r.Data["node"], codes[i])
				}
			}
		}
	}
	// An ID that names no type names none in its message.
	r := f.e.do(t, call{query: q, vars: map[string]any{"id": "bogus"}, token: outsider})
	if r.code() != "NOT_FOUND" || len(r.Errors) == 0 || r.Errors[0].Message != "找不到该记录" {
		t.Errorf("node(bogus) = %v", r.Errors)
	}
}

// TestCodesForOutsiders: a community exists publicly, so its members-only
// lists answer a logged-out client UNAUTHENTICATED and an outsider
// FORBIDDEN; queries of records that are not public by ID answer
// UNAUTHENTICATED logged out and NOT_FOUND to an outsider, as node(id:).
func TestCodesForOutsiders(t *testing.T) {
	f := newNodeFixture(t)
	outsider, _ := f.e.register(t, "outsider@example.com", "外人")
	for _, fld := range []string{"failedNotifications { totalCount }", "joinRequests { totalCount }", "meetings { id }", "members { totalCount }",
		"resolutions { id }", "roleHistory { role }", "topics { totalCount }"} {
		for token, want := range map[string]string{"": "UNAUTHENTICATED", outsider: "FORBIDDEN"} {
			r := f.e.do(t, call{query: `query($id: ID!) { community(id: $id) { ` + fld + ` } }`, vars: map[string]any{"id": f.nodes["Community"]}, token: token})
			if r.code() != want {
				t.Errorf("community { %s } as %q: %q, want %s", fld, token, r.code(), want)
			}
		}
	}
	for q, id := range map[string]string{
		`query($id: ID!) { draw(id: $id) { id } }`:                      f.nodes["Draw"],
		`query($id: ID!) { verifyDraw(drawId: $id) }`:                   f.nodes["Draw"],
		`query($id: ID!) { recomputeResult(motionId: $id) { passed } }`: f.nodes["Motion"],
	} {
		for token, want := range map[string]string{"": "UNAUTHENTICATED", outsider: "NOT_FOUND", f.v.adminToken: ""} {
			if r := f.e.do(t, call{query: q, vars: map[string]any{"id": id}, token: token}); r.code() != want {
				t.Errorf("%s as %q: %q, want %q", q, token, r.code(), want)
			}
		}
	}
}

// TestTimelineReferences: the timeline's events name what they are about
// by objects, not by raw IDs: a DRAWN event its Draw, a POOL event its
// seat rule.
func TestTimelineReferences(t *testing.T) {
	f := newNodeFixture(t)
	r := f.e.do(t, call{query: `query($id: ID!) { node(id: $id) { ... on Topic { timeline { kind draw { id } rule { kind grid { name } } } } } }`,
		vars: map[string]any{"id": f.nodes["Topic"]}, token: f.v.adminToken})
	wantOK(t, r)
	var drawn, pools int
	for _, ev := range path(r.Data, "node", "timeline").([]any) {
		switch path(ev, "kind") {
		case "DRAWN":
			drawn++
			if path(ev, "draw", "id") != f.nodes["Draw"] {
				t.Errorf("DRAWN event = %v, want draw %s", ev, f.nodes["Draw"])
			}
		case "POOL":
			pools++
			if path(ev, "rule", "kind") != "AFFECTED_RESIDENTS" || path(ev, "rule", "grid", "name") != "第一网格" {
				t.Errorf("POOL event = %v", ev)
			}
		default:
			if path(ev, "draw") != nil || path(ev, "rule") != nil {
				t.Errorf("%v event has a draw or a rule: %v", path(ev, "kind"), ev)
			}
		}
	}
	if drawn != 1 || pools != 1 {
		t.Errorf("%d DRAWN and %d POOL events, want one each", drawn, pools)
	}
}

// TestTodosOverAPI: Community.todos lists what waits for the viewer, with
// the record to open: the committee the objection to answer, the grid
// worker the action item they own.
func TestTodosOverAPI(t *testing.T) {
	f := newNodeFixture(t)
	const q = `query($c: ID!) { community(id: $c) { todos { kind label due subject { __typename id } forMember { id } } } }`
	vars := map[string]any{"c": f.nodes["Community"]}
	want := map[string]struct{ token, kind, subject string }{
		"admin":  {f.v.adminToken, "ANSWER_OBJECTION", "Resolution"},
		"worker": {f.v.workerToken, "REPORT_PROGRESS", "ActionItem"},
	}
	for who, w := range want {
		r := f.e.do(t, call{query: q, vars: vars, token: w.token})
		wantOK(t, r)
		found := false
		for _, td := range path(r.Data, "community", "todos").([]any) {
			if path(td, "kind") == w.kind {
				found = path(td, "subject", "__typename") == w.subject && path(td, "subject", "id") == f.nodes[w.subject] && path(td, "label") != ""
			}
		}
		if !found {
			t.Errorf("%s's to-dos = %v, want %s on the %s", who, path(r.Data, "community", "todos"), w.kind, w.subject)
		}
	}
	outsider, _ := f.e.register(t, "outsider@example.com", "外人")
	if r := f.e.do(t, call{query: q, vars: vars, token: outsider}); r.code() != "FORBIDDEN" {
		t.Errorf("an outsider's to-dos: %q", r.code())
	}
}

// TestMeetingPhaseOverAPI: a meeting's phase follows it from check-in to
// its end, and endMeeting expires its check-in code.
func TestMeetingPhaseOverAPI(t *testing.T) {
	f := newNodeFixture(t)
	vars := map[string]any{"m": f.nodes["Meeting"]}
	phase := func() any {
		r := f.e.do(t, call{query: `query($m: ID!) { node(id: $m) { ... on Meeting { phase endedAt checkInCode } } }`, vars: vars, token: f.v.adminToken})
		wantOK(t, r)
		return path(r.Data, "node", "phase")
	}
	if got := phase(); got != "CHECK_IN" {
		t.Errorf("phase before the start = %v", got)
	}
	wantOK(t, f.e.do(t, call{query: `mutation($m: ID!) { startMeeting(input: {meetingId: $m}) { meeting { phase } } }`, vars: vars, token: f.v.adminToken}))
	if got := phase(); got != "DECIDED" { // the fixture's motion on its topic is closed
		t.Errorf("phase once started = %v", got)
	}
	r := f.e.do(t, call{query: `mutation($m: ID!) { endMeeting(input: {meetingId: $m}) { meeting { phase endedAt } } }`, vars: vars, token: f.v.adminToken})
	wantOK(t, r)
	if path(r.Data, "endMeeting", "meeting", "phase") != "ENDED" || path(r.Data, "endMeeting", "meeting", "endedAt") == nil {
		t.Errorf("endMeeting = %v", r.Data)
	}
	wantCode(t, f.e.do(t, call{query: `mutation($m: ID!) { endMeeting(input: {meetingId: $m}) { meeting { phase } } }`, vars: vars, token: f.v.adminToken}), "CONFLICT")
}
