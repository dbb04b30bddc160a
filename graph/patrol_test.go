package graph_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// patrolVillage is a village (its clock on 5 November 2026) with a
// captain, two patrollers and a mediator among its members, beside the
// committee, the grid worker, a plain resident and an outsider.
type patrolVillage struct {
	disclosureVillage
	captainTok, aTok, bTok, mediatorTok string
	captainID, aID, bID                 domain.ID
}

func newPatrolVillage(t *testing.T) patrolVillage {
	t.Helper()
	pv := patrolVillage{disclosureVillage: newDisclosureVillage(t)}
	e, v := pv.e, pv.v
	join := func(email, name string) (string, domain.ID) {
		tok, id := e.register(t, email, name)
		r := must(e.comms.RequestToJoin(as(id), community.JoinInput{CommunityID: v.c.ID, GridID: v.grid.ID}))
		must(e.comms.ApproveJoinRequest(v.admin, r.ID))
		return tok, id
	}
	pv.captainTok, pv.captainID = join("captain@example.com", "队长")
	pv.aTok, pv.aID = join("a@example.com", "队员甲")
	pv.bTok, pv.bID = join("b@example.com", "队员乙")
	var mediatorID domain.ID
	pv.mediatorTok, mediatorID = join("mediator@example.com", "和事佬")
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: mediatorID, Role: domain.RoleMediator}))
	return pv
}

// ok runs a query that must succeed and returns its data.
func (pv patrolVillage) ok(t *testing.T, token, query string, vars map[string]any) map[string]any {
	t.Helper()
	r := pv.do(t, token, query, vars)
	wantOK(t, r)
	return r.Data
}

// wantField checks an error's code and the input field it names.
func wantField(t *testing.T, r response, code, field string) {
	t.Helper()
	wantCode(t, r, code)
	if f, _ := firstField(r); f != field {
		t.Errorf("field = %q, want %q (errors %v)", f, field, r.Errors)
	}
}

const (
	createPatrolTeamQ = `mutation($in: CreatePatrolTeamInput!) { createPatrolTeam(input: $in) { team { id name captain { name } } } }`
	joinPatrolTeamQ   = `mutation($in: JoinPatrolTeamInput!) { joinPatrolTeam(input: $in) { member { user { name } weekly { weekday start end } note } team { id } } }`
	addPatrolRouteQ   = `mutation($in: AddPatrolRouteInput!) { addPatrolRoute(input: $in) { route { id name checkpoints { name code microGrid { name } } } } }`
	addShiftTemplateQ = `mutation($in: AddShiftTemplateInput!) { addShiftTemplate(input: $in) { template { name days start end minutes weight route { id } } } }`
	rosterFields      = `month published publishedAt fairness spread lowerBound preferred continued
		shifts { start end route { name } assigned { name } missing shortage { code } } unfilled { start } loads { user { name } weight shifts counted }`
	generateQ = `mutation($t: ID!) { generatePatrolRoster(input: {patrolTeamId: $t, month: "2026-11"}) { roster { ` + rosterFields + ` } } }`
	publishQ2 = `mutation($t: ID!) { publishPatrolRoster(input: {patrolTeamId: $t, month: "2026-11"}) { roster { published publishedAt } } }`
	teamQ     = `query($t: ID!) { node(id: $t) { ... on PatrolTeam { roster(month: "2026-11") { published }
		myShifts(month: "2026-11") { id state start user { name } }
		openPositions(month: "2026-11") { id state user { name } candidates { user { name } weight } }
		loads(month: "2026-11") { user { name } weight shifts counted }
		timeline { kind actor { name } member { name } note }
		routes { checkpoints { code } } members { user { name } note } } } }`
	positionQ = `mutation($p: ID!) { %s(input: {positionId: $p}) { position { id state user { name } } } }`
	reportQ   = `mutation($in: FilePatrolReportInput!) { filePatrolReport(input: $in) { report { id state kind severity grid { name } reportedBy { name } } } }`
	triageQ   = `mutation($in: TriagePatrolReportInput!) { triagePatrolReport(input: $in) { report { id state referredTo due note
		mediationCase { id state parties } } } }`
	caseQ = `query($c: ID!) { node(id: $c) { ... on MediationCase { id state parties mediator { name } sessions { note } terms
		confirmations { partyName } report { id } } } }`
	countsQ = `query($c: ID!) { community(id: $c) { mediationCounts { open taken agreed noAgreement referred total } } }`
)

// TestPatrolOverAPI: the committee creates a team; its captain adds a
// route and a template, generates November fairly and publishes it; a
// member drops a shift, another takes it, and they swap; a report filed
// is referred, with errors under the fields sent; a dispute goes to
// mediation, a case a plain resident cannot see; another report becomes a
// topic from the patrol; on the day, a member checks in with the code
// only the captain reads.
func TestPatrolOverAPI(t *testing.T) {
	pv := newPatrolVillage(t)
	v := pv.v
	micro := gid("MicroGrid", v.micro.ID)

	wantCode(t, pv.do(t, pv.aTok, createPatrolTeamQ, map[string]any{"in": map[string]any{"communityId": pv.community, "name": "古城巡防队", "captainId": gid("User", pv.captainID)}}), "FORBIDDEN")
	d := pv.ok(t, pv.committeeTok, createPatrolTeamQ, map[string]any{"in": map[string]any{"communityId": pv.community, "name": "古城武林大妈巡防队", "captainId": gid("User", pv.captainID)}})
	team, _ := path(d, "createPatrolTeam", "team", "id").(string)
	if path(d, "createPatrolTeam", "team", "captain", "name") != "队长" {
		t.Fatalf("created = %v", d)
	}
	saturday := func(start, end int) []any {
		return []any{map[string]any{"weekday": "SATURDAY", "start": start, "end": end}}
	}
	wantField(t, pv.do(t, pv.aTok, joinPatrolTeamQ, map[string]any{"in": map[string]any{"patrolTeamId": team, "weekly": saturday(20*60, 18*60)}}), "BAD_USER_INPUT", "weekly[0].end")
	for _, tok := range []string{pv.aTok, pv.bTok} {
		d = pv.ok(t, tok, joinPatrolTeamQ, map[string]any{"in": map[string]any{"patrolTeamId": team, "weekly": saturday(18*60, 22*60)}})
		if path(d, "joinPatrolTeam", "team", "id") != team || path(d, "joinPatrolTeam", "member", "note") != nil {
			t.Fatalf("joined = %v", d)
		}
	}

	routeIn := map[string]any{"patrolTeamId": team, "gridId": gid("Grid", v.grid.ID), "name": "古城一圈", "checkpoints": []any{}}
	wantCode(t, pv.do(t, pv.aTok, addPatrolRouteQ, map[string]any{"in": routeIn}), "FORBIDDEN")
	wantField(t, pv.do(t, pv.captainTok, addPatrolRouteQ, map[string]any{"in": routeIn}), "BAD_USER_INPUT", "checkpoints")
	routeIn["checkpoints"] = []any{map[string]any{"name": "文化礼堂", "microGridId": micro, "lat": 30.39, "lng": 119.9}, map[string]any{"name": "村口", "microGridId": micro}}
	d = pv.ok(t, pv.captainTok, addPatrolRouteQ, map[string]any{"in": routeIn})
	route, _ := path(d, "addPatrolRoute", "route", "id").(string)
	code0, _ := path(d, "addPatrolRoute", "route", "checkpoints", 0, "code").(string)
	if code0 == "" || path(d, "addPatrolRoute", "route", "checkpoints", 1, "microGrid", "name") != "一组" {
		t.Fatalf("route = %v", d)
	}
	tplIn := map[string]any{"patrolTeamId": team, "routeId": route, "name": "晚班", "days": []string{"SATURDAY"}, "start": 19 * 60, "end": 18 * 60, "min": 1, "max": 1, "weight": 1.5}
	wantField(t, pv.do(t, pv.captainTok, addShiftTemplateQ, map[string]any{"in": tplIn}), "BAD_USER_INPUT", "end")
	tplIn["end"] = 21 * 60
	d = pv.ok(t, pv.captainTok, addShiftTemplateQ, map[string]any{"in": tplIn})
	if path(d, "addShiftTemplate", "template", "minutes") != float64(120) || path(d, "addShiftTemplate", "template", "route", "id") != route {
		t.Fatalf("template = %v", d)
	}

	// November has four Saturdays after the 5th: two each, the captain
	// (with no availability) on none and not counted.
	d = pv.ok(t, pv.captainTok, generateQ, map[string]any{"t": team})
	roster := path(d, "generatePatrolRoster", "roster")
	shifts, _ := path(roster, "shifts").([]any)
	if len(shifts) != 4 || path(roster, "published") != false || path(roster, "spread") != float64(0) || path(roster, "fairness") == "" ||
		len(path(roster, "unfilled").([]any)) != 0 || path(shifts[0], "route", "name") != "古城一圈" || len(path(shifts[0], "assigned").([]any)) != 1 {
		t.Fatalf("roster = %v", roster)
	}
	for _, l := range path(roster, "loads").([]any) {
		if counted := path(l, "user", "name") != "队长"; path(l, "counted") != counted || (counted && path(l, "weight") != float64(3)) {
			t.Errorf("load = %v", l)
		}
	}
	if d = pv.ok(t, pv.aTok, teamQ, map[string]any{"t": team}); path(d, "node", "roster") != nil {
		t.Errorf("a member sees the draft: %v", path(d, "node", "roster"))
	}
	d = pv.ok(t, pv.captainTok, publishQ2, map[string]any{"t": team})
	if path(d, "publishPatrolRoster", "roster", "published") != true || path(d, "publishPatrolRoster", "roster", "publishedAt") == nil {
		t.Fatalf("published = %v", d)
	}
	wantCode(t, pv.do(t, pv.captainTok, publishQ2, map[string]any{"t": team}), "CONFLICT")

	// 甲 drops a shift, 乙 takes it; then 乙 offers one and 甲 takes it.
	d = pv.ok(t, pv.aTok, teamQ, map[string]any{"t": team})
	mine, _ := path(d, "node", "myShifts").([]any)
	if len(mine) != 2 || path(d, "node", "roster", "published") != true || path(d, "node", "routes", 0, "checkpoints", 0, "code") != nil {
		t.Fatalf("甲's view = %v", d)
	}
	dropped, _ := path(mine[0], "id").(string)
	d = pv.ok(t, pv.aTok, fmt.Sprintf(positionQ, "dropShift"), map[string]any{"p": dropped})
	if path(d, "dropShift", "position", "state") != "OPEN" || path(d, "dropShift", "position", "user") != nil {
		t.Fatalf("dropped = %v", d)
	}
	d = pv.ok(t, pv.bTok, teamQ, map[string]any{"t": team})
	if open := path(d, "node", "openPositions").([]any); len(open) != 1 || path(open[0], "id") != dropped {
		t.Fatalf("open places = %v", open)
	}
	if c := path(d, "node", "openPositions", 0, "candidates").([]any); !slices.ContainsFunc(c, func(x any) bool { return path(x, "user", "name") == "队员乙" }) {
		t.Fatalf("乙, free for it, is not among its candidates %v", c)
	}
	d = pv.ok(t, pv.bTok, fmt.Sprintf(positionQ, "takeShift"), map[string]any{"p": dropped})
	if path(d, "takeShift", "position", "state") != "ASSIGNED" || path(d, "takeShift", "position", "user", "name") != "队员乙" {
		t.Fatalf("taken = %v", d)
	}
	wantCode(t, pv.do(t, pv.captainTok, fmt.Sprintf(positionQ, "takeShift"), map[string]any{"p": dropped}), "CONFLICT")
	wantCode(t, pv.do(t, pv.outsider, fmt.Sprintf(positionQ, "takeShift"), map[string]any{"p": dropped}), "FORBIDDEN")
	d = pv.ok(t, pv.bTok, teamQ, map[string]any{"t": team})
	var offered string
	for _, p := range path(d, "node", "myShifts").([]any) {
		if path(p, "id") != dropped {
			offered, _ = path(p, "id").(string)
		}
	}
	pv.ok(t, pv.bTok, fmt.Sprintf(positionQ, "offerShift"), map[string]any{"p": offered})
	d = pv.ok(t, pv.aTok, `mutation($p: ID!) { takeOfferedShift(input: {positionId: $p}) { swapped pending reason position { user { name } state } } }`, map[string]any{"p": offered})
	if s := path(d, "takeOfferedShift"); path(s, "swapped") != true || path(s, "pending") != false || path(s, "reason") != nil || path(s, "position", "user", "name") != "队员甲" {
		t.Fatalf("swap = %v", s)
	}
	d = pv.ok(t, pv.residentToken, teamQ, map[string]any{"t": team})
	loads := map[any]any{}
	for _, l := range path(d, "node", "loads").([]any) {
		loads[path(l, "user", "name")] = path(l, "shifts")
	}
	if loads["队员甲"] != float64(2) || loads["队员乙"] != float64(2) || loads["队长"] != float64(0) {
		t.Errorf("loads = %v", path(d, "node", "loads"))
	}
	var kinds []any
	for _, ev := range path(d, "node", "timeline").([]any) {
		kinds = append(kinds, path(ev, "kind"))
	}
	if len(kinds) != 5 || kinds[0] != "SWAP" || kinds[4] != "PUBLISH" || path(d, "node", "timeline", 0, "member", "name") != "队员乙" ||
		path(d, "node", "timeline", 4, "note") != "2026-11" {
		t.Errorf("timeline = %v", path(d, "node", "timeline"))
	}

	// A hazard referred to the property firm, with errors under the fields sent.
	reportIn := func(kind, text string) map[string]any {
		return map[string]any{"in": map[string]any{"communityId": pv.community, "kind": kind, "microGridId": micro, "place": "文化礼堂东侧消防通道",
			"severity": "HIGH", "text": text, "photos": []string{"https://files.example/exit.jpg"}}}
	}
	bad := reportIn("HAZARD", "消防通道被三轮车堵住")
	bad["in"].(map[string]any)["photos"] = []string{"javascript:alert(1)"}
	wantField(t, pv.do(t, pv.residentToken, reportQ, bad), "BAD_USER_INPUT", "photos[0]")
	d = pv.ok(t, pv.residentToken, reportQ, reportIn("HAZARD", "消防通道被三轮车堵住"))
	hazard, _ := path(d, "filePatrolReport", "report", "id").(string)
	if path(d, "filePatrolReport", "report", "state") != "NEW" || path(d, "filePatrolReport", "report", "grid", "name") != "第一网格" {
		t.Fatalf("filed = %v", d)
	}
	refer := map[string]any{"reportId": hazard, "action": "REFERRED", "referredTo": "杭州青禾物业"}
	wantField(t, pv.do(t, v.workerToken, triageQ, map[string]any{"in": refer}), "BAD_USER_INPUT", "due")
	refer["due"], refer["referredTo"] = "2026-11-08T18:00:00+08:00", "物"
	wantField(t, pv.do(t, v.workerToken, triageQ, map[string]any{"in": refer}), "BAD_USER_INPUT", "referredTo")
	wantCode(t, pv.do(t, pv.aTok, triageQ, map[string]any{"in": refer}), "FORBIDDEN")
	refer["referredTo"], refer["note"] = "杭州青禾物业", "请物业三天内清理"
	d = pv.ok(t, v.workerToken, triageQ, map[string]any{"in": refer})
	if r := path(d, "triagePatrolReport", "report"); path(r, "state") != "REFERRED" || path(r, "referredTo") != "杭州青禾物业" || path(r, "due") == nil {
		t.Fatalf("referred = %v", r)
	}
	wantCode(t, pv.do(t, v.workerToken, triageQ, map[string]any{"in": refer}), "CONFLICT")
	const reportNodeQ = `query($r: ID!) { node(id: $r) { ... on PatrolReport { state referredTo } } }`
	if d = pv.ok(t, pv.residentToken, reportNodeQ, map[string]any{"r": hazard}); path(d, "node", "state") != "REFERRED" {
		t.Errorf("the reporter's view = %v", d)
	}
	wantCode(t, pv.do(t, pv.aTok, reportNodeQ, map[string]any{"r": hazard}), "NOT_FOUND")

	// A dispute to mediation: a case for the mediator and the committee.
	d = pv.ok(t, pv.residentToken, reportQ, reportIn("DISPUTE", "两户为屋檐滴水吵起来了"))
	dispute, _ := path(d, "filePatrolReport", "report", "id").(string)
	mediate := map[string]any{"reportId": dispute, "action": "MEDIATION"}
	wantField(t, pv.do(t, v.workerToken, triageQ, map[string]any{"in": mediate}), "BAD_USER_INPUT", "parties")
	mediate["parties"] = "王家、李家"
	d = pv.ok(t, v.workerToken, triageQ, map[string]any{"in": mediate})
	if path(d, "triagePatrolReport", "report", "state") != "MEDIATION" || path(d, "triagePatrolReport", "report", "mediationCase") != nil {
		t.Fatalf("mediation, as the grid worker sees it = %v", d)
	}
	d = pv.ok(t, pv.committeeTok, `query($r: ID!) { node(id: $r) { ... on PatrolReport { mediationCase { id state parties } } } }`, map[string]any{"r": dispute})
	caseID, _ := path(d, "node", "mediationCase", "id").(string)
	if caseID == "" || path(d, "node", "mediationCase", "state") != "OPEN" {
		t.Fatalf("the committee's view = %v", d)
	}
	wantCode(t, pv.do(t, pv.residentToken, caseQ, map[string]any{"c": caseID}), "NOT_FOUND")
	wantCode(t, pv.do(t, pv.residentToken, `query($c: ID!) { community(id: $c) { mediationCases { id } } }`, map[string]any{"c": pv.community}), "FORBIDDEN")
	caseIn := func(extra map[string]any) map[string]any {
		in := map[string]any{"caseId": caseID}
		for k, x := range extra {
			in[k] = x
		}
		return map[string]any{"in": in}
	}
	pv.ok(t, pv.mediatorTok, `mutation($in: TakeMediationCaseInput!) { takeMediationCase(input: $in) { case { state } } }`, caseIn(nil))
	pv.ok(t, pv.mediatorTok, `mutation($in: RecordMediationSessionInput!) { recordMediationSession(input: $in) { case { sessions { note } } } }`,
		caseIn(map[string]any{"note": "两家坐下来谈，约定加装接水槽"}))
	pv.ok(t, pv.mediatorTok, `mutation($in: CloseMediationCaseInput!) { closeMediationCase(input: $in) { case { state } } }`,
		caseIn(map[string]any{"outcome": "AGREED", "terms": "李家出资加装接水槽，王家配合施工"}))
	wantField(t, pv.do(t, pv.mediatorTok, `mutation($in: ConfirmMediationOutcomeInput!) { confirmMediationOutcome(input: $in) { case { state } } }`,
		caseIn(map[string]any{"partyName": " "})), "BAD_USER_INPUT", "partyName")
	pv.ok(t, pv.mediatorTok, `mutation($in: ConfirmMediationOutcomeInput!) { confirmMediationOutcome(input: $in) { case { state } } }`,
		caseIn(map[string]any{"partyName": "王家"}))
	d = pv.ok(t, pv.mediatorTok, caseQ, map[string]any{"c": caseID})
	if c := path(d, "node"); path(c, "state") != "AGREED" || path(c, "mediator", "name") != "和事佬" || len(path(c, "sessions").([]any)) != 1 ||
		path(c, "confirmations", 0, "partyName") != "王家" {
		t.Errorf("case = %v", c)
	}
	d = pv.ok(t, pv.residentToken, countsQ, map[string]any{"c": pv.community})
	if c := path(d, "community", "mediationCounts"); path(c, "agreed") != float64(1) || path(c, "total") != float64(1) || path(c, "open") != float64(0) {
		t.Errorf("counts = %v", c)
	}

	// Another report becomes a topic from the patrol, linked both ways.
	d = pv.ok(t, pv.residentToken, reportQ, reportIn("CIVILITY", "晚上广场舞音响太响"))
	noisy, _ := path(d, "filePatrolReport", "report", "id").(string)
	const escalateQ = `mutation($in: EscalatePatrolReportInput!) { escalatePatrolReport(input: $in) { topic { id title source } report { state topic { id } } } }`
	escalate := map[string]any{"reportId": noisy, "title": "", "category": "ENVIRONMENT", "gridIds": []string{gid("Grid", v.grid.ID)}}
	wantField(t, pv.do(t, v.workerToken, escalateQ, map[string]any{"in": escalate}), "BAD_USER_INPUT", "title")
	escalate["title"], escalate["body"] = "广场舞噪音", "巡防多次劝导无效，请议事会商定时段"
	d = pv.ok(t, v.workerToken, escalateQ, map[string]any{"in": escalate})
	out := path(d, "escalatePatrolReport")
	if path(out, "topic", "source") != "PATROL" || path(out, "report", "state") != "ESCALATED" || path(out, "report", "topic", "id") != path(out, "topic", "id") {
		t.Fatalf("escalated = %v", out)
	}
	wantCode(t, pv.do(t, v.workerToken, escalateQ, map[string]any{"in": escalate}), "CONFLICT")
	// The topic names its report to the grid worker, and to no resident.
	const topicQ = `query($t: ID!) { node(id: $t) { ... on Topic { patrolReport { id text } } } }`
	topicID := path(out, "topic", "id")
	if d = pv.ok(t, v.workerToken, topicQ, map[string]any{"t": topicID}); path(d, "node", "patrolReport", "id") != noisy {
		t.Errorf("the topic's report to the grid worker = %v", path(d, "node"))
	}
	if d = pv.ok(t, pv.bTok, topicQ, map[string]any{"t": topicID}); path(d, "node", "patrolReport") != nil {
		t.Errorf("the topic's report to another resident = %v", path(d, "node"))
	}

	// On the day: 甲 scans the route's start with the code only the
	// captain reads; the captain checks 甲 in at the second checkpoint.
	d = pv.ok(t, pv.aTok, teamQ, map[string]any{"t": team})
	first := path(d, "node", "myShifts", 0)
	start, err := time.Parse(time.RFC3339, path(first, "start").(string))
	if err != nil {
		t.Fatal(err)
	}
	pv.e.clock.Set(start.Add(5 * time.Minute))
	const dayQ = `query($t: ID!, $d: String!) { node(id: $t) { ... on PatrolTeam { dayPositions(day: $d) { id user { name } } } } }`
	today := map[string]any{"t": team, "d": start.In(v.c.Location()).Format(time.DateOnly)}
	if d = pv.ok(t, pv.captainTok, dayQ, today); !slices.ContainsFunc(path(d, "node", "dayPositions").([]any), func(x any) bool { return path(x, "id") == path(first, "id") }) {
		t.Errorf("the captain's day = %v, want %v among it", path(d, "node", "dayPositions"), path(first, "id"))
	}
	wantCode(t, pv.do(t, pv.bTok, dayQ, today), "FORBIDDEN")
	const checkInQ = `mutation($in: CheckInPatrolInput!) { checkInPatrol(input: $in) { position { state passed { checkpoint by { name } } } } }`
	shift, _ := path(first, "id").(string)
	wantField(t, pv.do(t, pv.aTok, checkInQ, map[string]any{"in": map[string]any{"positionId": shift, "code": "WRONG123"}}), "BAD_USER_INPUT", "code")
	d = pv.ok(t, pv.aTok, checkInQ, map[string]any{"in": map[string]any{"positionId": shift, "code": code0}})
	if p := path(d, "checkInPatrol", "position"); path(p, "state") != "CHECKED_IN" || path(p, "passed", 0, "checkpoint") != float64(0) || path(p, "passed", 0, "by") != nil {
		t.Fatalf("checked in = %v", p)
	}
	wantCode(t, pv.do(t, pv.aTok, checkInQ, map[string]any{"in": map[string]any{"positionId": shift, "code": code0}}), "CONFLICT")
	d = pv.ok(t, pv.captainTok, checkInQ, map[string]any{"in": map[string]any{"positionId": shift, "checkpoint": 1}})
	if p := path(d, "checkInPatrol", "position"); path(p, "passed", 1, "checkpoint") != float64(1) || path(p, "passed", 1, "by", "name") != "队长" {
		t.Errorf("the captain's check-in = %v", p)
	}
}

// publishedTeam sets up a team over the API and publishes its November:
// 甲 and 乙 free on Saturday evenings, one patroller a Saturday evening,
// two shifts each. It returns the team's ID.
func (pv patrolVillage) publishedTeam(t *testing.T) string {
	t.Helper()
	d := pv.ok(t, pv.committeeTok, createPatrolTeamQ, map[string]any{"in": map[string]any{"communityId": pv.community, "name": "古城武林大妈巡防队", "captainId": gid("User", pv.captainID)}})
	team, _ := path(d, "createPatrolTeam", "team", "id").(string)
	for _, tok := range []string{pv.aTok, pv.bTok} {
		pv.ok(t, tok, joinPatrolTeamQ, map[string]any{"in": map[string]any{"patrolTeamId": team, "weekly": []any{map[string]any{"weekday": "SATURDAY", "start": 18 * 60, "end": 22 * 60}}}})
	}
	d = pv.ok(t, pv.captainTok, addPatrolRouteQ, map[string]any{"in": map[string]any{"patrolTeamId": team, "gridId": gid("Grid", pv.v.grid.ID), "name": "古城一圈",
		"checkpoints": []any{map[string]any{"name": "村口", "microGridId": gid("MicroGrid", pv.v.micro.ID)}}}})
	route, _ := path(d, "addPatrolRoute", "route", "id").(string)
	pv.ok(t, pv.captainTok, addShiftTemplateQ, map[string]any{"in": map[string]any{"patrolTeamId": team, "routeId": route, "name": "晚班", "days": []string{"SATURDAY"},
		"start": 19 * 60, "end": 21 * 60, "min": 1, "max": 1, "weight": 1.5}})
	pv.ok(t, pv.captainTok, generateQ, map[string]any{"t": team})
	pv.ok(t, pv.captainTok, publishQ2, map[string]any{"t": team})
	return team
}

const shiftsQ = `query($t: ID!) { node(id: $t) { ... on PatrolTeam { roster(month: "2026-11") { shifts { start assigned { name } } }
	myShifts(month: "2026-11") { id start } } } }`

// assignedAt reads who a published roster puts on the shift that starts
// at start.
func (pv patrolVillage) assignedAt(t *testing.T, team string, start any) []any {
	t.Helper()
	d := pv.ok(t, pv.residentToken, shiftsQ, map[string]any{"t": team})
	var names []any
	for _, sh := range path(d, "node", "roster", "shifts").([]any) {
		if path(sh, "start") == start {
			for _, u := range path(sh, "assigned").([]any) {
				names = append(names, path(u, "name"))
			}
		}
	}
	return names
}

// TestPatrolShiftAssignedFollowsChanges: once published, a shift lists who
// holds its places now: after 甲 drops it, no one; after 乙 takes it, 乙.
func TestPatrolShiftAssignedFollowsChanges(t *testing.T) {
	pv := newPatrolVillage(t)
	team := pv.publishedTeam(t)
	d := pv.ok(t, pv.aTok, shiftsQ, map[string]any{"t": team})
	shift := path(d, "node", "myShifts", 0)
	id, start := path(shift, "id"), path(shift, "start")
	if got := pv.assignedAt(t, team, start); fmt.Sprint(got) != "[队员甲]" {
		t.Fatalf("as published: %v", got)
	}
	pv.ok(t, pv.aTok, fmt.Sprintf(positionQ, "dropShift"), map[string]any{"p": id})
	if got := pv.assignedAt(t, team, start); len(got) != 0 {
		t.Errorf("after the drop: %v", got)
	}
	pv.ok(t, pv.bTok, fmt.Sprintf(positionQ, "takeShift"), map[string]any{"p": id})
	if got := pv.assignedAt(t, team, start); fmt.Sprint(got) != "[队员乙]" {
		t.Errorf("after the take: %v", got)
	}
}

// TestLeavePatrolTeamOverAPI: 甲 leaves and their two shifts open; the
// captain may not leave, an outsider and 乙 may not remove anyone; the
// captain removes 乙, whom the timeline names; 甲 joins again.
func TestLeavePatrolTeamOverAPI(t *testing.T) {
	pv := newPatrolVillage(t)
	team := pv.publishedTeam(t)
	const leaveQ = `mutation($in: LeavePatrolTeamInput!) { leavePatrolTeam(input: $in) { team { id members { user { name } } } openedPositions { state user { name } } } }`
	leave := func(user domain.ID) map[string]any {
		in := map[string]any{"patrolTeamId": team}
		if user != "" {
			in["userId"] = gid("User", user)
		}
		return map[string]any{"in": in}
	}
	wantCode(t, pv.do(t, pv.captainTok, leaveQ, leave("")), "CONFLICT")
	wantCode(t, pv.do(t, pv.outsider, leaveQ, leave(pv.aID)), "FORBIDDEN")
	wantCode(t, pv.do(t, pv.bTok, leaveQ, leave(pv.aID)), "FORBIDDEN")
	d := pv.ok(t, pv.aTok, leaveQ, leave(""))
	opened := path(d, "leavePatrolTeam", "openedPositions").([]any)
	if len(opened) != 2 || path(opened[0], "state") != "OPEN" || path(opened[0], "user") != nil || len(path(d, "leavePatrolTeam", "team", "members").([]any)) != 2 {
		t.Fatalf("甲 left: %v", d)
	}
	pv.ok(t, pv.captainTok, leaveQ, leave(pv.bID))
	d = pv.ok(t, pv.residentToken, teamQ, map[string]any{"t": team})
	if e := path(d, "node", "timeline", 0); path(e, "kind") != "DROP" || path(e, "actor", "name") != "队长" || path(e, "member", "name") != "队员乙" {
		t.Errorf("the removal on the timeline: %v", e)
	}
	if open := path(d, "node", "openPositions").([]any); len(open) != 4 {
		t.Errorf("%d open places, want 4", len(open))
	}
	d = pv.ok(t, pv.aTok, joinPatrolTeamQ, map[string]any{"in": map[string]any{"patrolTeamId": team}})
	if path(d, "joinPatrolTeam", "member", "user", "name") != "队员甲" {
		t.Errorf("joined again: %v", d)
	}
}
