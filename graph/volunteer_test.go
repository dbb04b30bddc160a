package graph_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// volunteerVillage is a village whose admin is on the committee, with a
// team led by the admin and two confirmed volunteers who log in.
type volunteerVillage struct {
	disclosureVillage
	volTokens []string
	volIDs    []domain.ID
}

func newVolunteerVillage(t testing.TB) volunteerVillage {
	t.Helper()
	vv := volunteerVillage{disclosureVillage: newDisclosureVillage(t)}
	e, v := vv.e, vv.v
	team := must(e.volunteers.CreateTeam(v.admin, volunteer.TeamInput{CommunityID: v.c.ID, Name: "助老服务队", Leaders: []domain.ID{v.adminID}}))
	for i, name := range []string{"志愿者甲", "志愿者乙"} {
		tok, id := e.register(t, []string{"a@example.com", "b@example.com"}[i], name)
		r := must(e.comms.RequestToJoin(as(id), community.JoinInput{CommunityID: v.c.ID, GridID: v.grid.ID}))
		must(e.comms.ApproveJoinRequest(v.admin, r.ID))
		must(e.volunteers.Join(as(id), volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: team.ID, MaxMinutesPerWeek: 600,
			Skills: []volunteer.SkillLevel{{Code: "elderly_care", Level: 2}},
			Weekly: []volunteer.Slot{{Weekday: time.Friday, Start: 8 * 60, End: 18 * 60}, {Weekday: time.Saturday, Start: 8 * 60, End: 18 * 60}}}))
		must(e.volunteers.Confirm(v.admin, v.c.ID, id))
		vv.volTokens, vv.volIDs = append(vv.volTokens, tok), append(vv.volIDs, id)
	}
	return vv
}

const postNeedQ = `mutation($in: PostNeedInput!) { postNeed(input: $in) { need { id state source address addressHidden checkInCode slots
	occurrences { id openSlots } } } }`

// needInput is the committee's need on Friday 6 November 2026 (the village
// clock is the 5th).
func (vv volunteerVillage) needInput(slots int) map[string]any {
	return map[string]any{"communityId": vv.community, "title": "陪同就医", "required": []string{"elderly_care"},
		"start": "2026-11-06T09:00:00+08:00", "end": "2026-11-06T10:30:00+08:00", "microGridId": gid("MicroGrid", vv.v.micro.ID),
		"address": "一组 12 号", "slots": slots}
}

// TestVolunteerOverAPI: the committee posts a need, with errors under the
// field sent; a volunteer sees it without the address, ranked for them
// with why; claims it and then sees the address; the second finds the slot
// taken and waits; the coordinator sees both ranked and the claim.
func TestVolunteerOverAPI(t *testing.T) {
	vv := newVolunteerVillage(t)
	bad := vv.needInput(0)
	r := vv.do(t, vv.committeeTok, postNeedQ, map[string]any{"in": bad})
	wantCode(t, r, "BAD_USER_INPUT")
	if f, _ := firstField(r); f != "slots" {
		t.Errorf("0 slots: field %q", f)
	}
	bad = vv.needInput(1)
	bad["required"] = []string{"astrology"}
	r = vv.do(t, vv.committeeTok, postNeedQ, map[string]any{"in": bad})
	if f, _ := firstField(r); f != "required[0]" || r.code() != "BAD_USER_INPUT" {
		t.Errorf("an unknown skill: %v", r.Errors)
	}
	bad = vv.needInput(1)
	bad["start"], bad["end"] = "2026-11-01T09:00:00+08:00", "2026-11-01T10:00:00+08:00"
	r = vv.do(t, vv.committeeTok, postNeedQ, map[string]any{"in": bad})
	if f, _ := firstField(r); f != "start" {
		t.Errorf("a need in the past: %v", r.Errors)
	}

	r = vv.do(t, vv.committeeTok, postNeedQ, map[string]any{"in": vv.needInput(1)})
	wantOK(t, r)
	need := path(r.Data, "postNeed", "need")
	if path(need, "state") != "OPEN" || path(need, "source") != "COMMITTEE" || path(need, "address") != "一组 12 号" || path(need, "checkInCode") == nil {
		t.Fatalf("posted = %v", need)
	}
	occ := path(need, "occurrences", 0, "id")
	const forMe = `query($c: ID!) { community(id: $c) { needsForMe { score occurrence { id } need { address addressHidden } factors { key points max detail } } } }`
	r = vv.do(t, vv.volTokens[0], forMe, map[string]any{"c": vv.community})
	wantOK(t, r)
	mine := path(r.Data, "community", "needsForMe").([]any)
	if len(mine) != 1 || path(mine[0], "occurrence", "id") != occ || path(mine[0], "need", "address") != nil || path(mine[0], "need", "addressHidden") != true {
		t.Fatalf("needs for me = %v", mine)
	}
	if fs := path(mine[0], "factors").([]any); len(fs) != 6 || path(fs[0], "key") != "skills" || path(fs[0], "detail") == "" {
		t.Errorf("factors = %v", fs)
	}
	const claimQ = `mutation($o: ID!) { claimNeed(input: {occurrenceId: $o}) { claim { slot state need { address } } waitlisted position occurrence { openSlots filled } } }`
	r = vv.do(t, vv.volTokens[0], claimQ, map[string]any{"o": occ})
	wantOK(t, r)
	if c := path(r.Data, "claimNeed"); path(c, "claim", "slot") != float64(1) || path(c, "claim", "need", "address") != "一组 12 号" || path(c, "occurrence", "filled") != true {
		t.Fatalf("claimed = %v", c)
	}
	r = vv.do(t, vv.volTokens[1], claimQ, map[string]any{"o": occ})
	wantOK(t, r)
	if c := path(r.Data, "claimNeed"); path(c, "claim") != nil || path(c, "waitlisted") != true || path(c, "position") != float64(1) {
		t.Fatalf("the second = %v", c)
	}
	wantCode(t, vv.do(t, vv.outsider, claimQ, map[string]any{"o": occ}), "NOT_FOUND")

	const rankQ = `query($o: ID!) { node(id: $o) { ... on NeedOccurrence { candidates { candidates { volunteer { name } score }
		excluded { volunteer { name } reasons { code text } } } claims { volunteer { name } state } waitlist { position volunteer { name } } } } }`
	r = vv.do(t, vv.committeeTok, rankQ, map[string]any{"o": occ})
	wantOK(t, r)
	node := path(r.Data, "node")
	if ex := path(node, "candidates", "excluded").([]any); len(ex) != 1 || path(ex[0], "reasons", 0, "code") != "CLAIMED" {
		t.Errorf("excluded = %v", ex)
	}
	if cl := path(node, "claims").([]any); len(cl) != 1 || path(cl[0], "volunteer", "name") != "志愿者甲" {
		t.Errorf("claims = %v", cl)
	}
	if w := path(node, "waitlist").([]any); len(w) != 1 || path(w[0], "volunteer", "name") != "志愿者乙" {
		t.Errorf("waitlist = %v", w)
	}
	// A resident (not a coordinator) may not see the ranking.
	wantCode(t, vv.do(t, vv.residentToken, rankQ, map[string]any{"o": occ}), "FORBIDDEN")
}

// TestVolunteerCertificateOverAPI: a certificate is read by its code,
// logged out; an unknown code is null.
func TestVolunteerCertificateOverAPI(t *testing.T) {
	vv := newVolunteerVillage(t)
	cert := must(vv.e.volunteers.IssueCertificate(as(vv.volIDs[0]), vv.v.c.ID, vv.volIDs[0], "2026-01-01", "2026-11-05"))
	const q = `query($code: String!) { volunteerCertificate(code: $code) { volunteer { name } community { name } from to minutes tasks } }`
	r := vv.do(t, "", q, map[string]any{"code": cert.Code})
	wantOK(t, r)
	if c := path(r.Data, "volunteerCertificate"); path(c, "volunteer", "name") != "志愿者甲" || path(c, "community", "name") != "小古城村" || path(c, "minutes") != float64(0) {
		t.Fatalf("certificate = %v", c)
	}
	r = vv.do(t, "", q, map[string]any{"code": "NOSUCHCODE000000"})
	if wantOK(t, r); path(r.Data, "volunteerCertificate") != nil {
		t.Fatalf("unknown code = %v", r.Data)
	}
}

// TestNeedListCommands pins the needs page's dataloaders: a page of needs
// with their places, poster and occurrences costs the same number of
// database commands for 2 needs as for 10.
func TestNeedListCommands(t *testing.T) {
	vv := newVolunteerVillage(t)
	post := func(n int) {
		for range n {
			wantOK(t, vv.do(t, vv.committeeTok, postNeedQ, map[string]any{"in": vv.needInput(2)}))
		}
	}
	count := func(first int) int64 {
		vv.e.commands.Reset()
		r := vv.do(t, vv.volTokens[0], `query($c: ID!, $n: Int) { community(id: $c) { needs(first: $n) { nodes { id title state urgency slots
			address grid { name } microGrid { name } postedBy { name } occurrences { id start openSlots filled state } } } } }`,
			map[string]any{"c": vv.community, "n": first})
		wantOK(t, r)
		nodes := path(r.Data, "community", "needs", "nodes").([]any)
		if len(nodes) != first || path(nodes[first-1], "occurrences", 0, "openSlots") != float64(2) || path(nodes[0], "address") != nil {
			t.Fatalf("page = %v", nodes)
		}
		return vv.e.commands.Count()
	}
	post(2)
	two := count(2)
	post(8)
	ten := count(10)
	t.Logf("database commands: %d for 2 needs, %d for 10", two, ten)
	if two != ten {
		t.Errorf("2 needs cost %d commands, 10 cost %d: want the same", two, ten)
	}
}

// TestCallForHandsOverAPI: the committee calls for volunteers for a
// resolution's action item; the need names the item as its source, and
// the item lists it. Someone not on the committee may not.
func TestCallForHandsOverAPI(t *testing.T) {
	e, v, residents, topic := acceptedTopic(t, "村口停车难")
	must(e.topics.SetSeatRules(v.admin, topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 3, Max: 3}}))
	for _, r := range residents[:3] {
		must(e.topics.Nominate(v.admin, topic.ID, r, deliberation.Representatives, ""))
		must(e.topics.RespondToSeat(as(r), topic.ID, true))
	}
	m := must(e.topics.OpenMotion(v.admin, deliberation.MotionInput{TopicID: topic.ID, Text: "设临时停车场", Method: deliberation.MajorityCast, Deadline: e.clock.Now().Add(48 * time.Hour)}))
	for _, r := range residents[:3] {
		must(0, e.topics.Vote(as(r), m.ID, deliberation.Yes))
	}
	must(e.topics.CloseMotion(v.admin, m.ID))
	res := must(e.topics.Adopt(v.admin, m.ID))
	item := must(e.topics.AddActionItem(v.admin, deliberation.ItemInput{ResolutionID: res.ID, Title: "安排节假日志愿者", OwnerParty: deliberation.ResidentsCommittee,
		Due: e.clock.Now().AddDate(0, 0, 21)}))
	const q = `mutation($in: CallForHandsInput!) { callForHands(input: $in) { need { title source sourceRef slots } } }`
	start := e.clock.Now().Add(72 * time.Hour).Truncate(time.Hour)
	in := map[string]any{"actionItemId": gid("ActionItem", item.ID), "title": "节假日由志愿者引导停车", "required": []string{"traffic"},
		"start": start.Format(time.RFC3339), "end": start.Add(4 * time.Hour).Format(time.RFC3339), "microGridId": gid("MicroGrid", v.micro.ID),
		"address": "村委会后临时停车场", "slots": 6}
	residentTok, _ := e.register(t, "r@example.com", "村民")
	wantCode(t, e.do(t, call{query: q, vars: map[string]any{"in": in}, token: residentTok}), "FORBIDDEN")
	r := e.do(t, call{query: q, vars: map[string]any{"in": in}, token: v.adminToken})
	wantOK(t, r)
	if n := path(r.Data, "callForHands", "need"); path(n, "source") != "ACTION_ITEM" || path(n, "sourceRef") != gid("ActionItem", item.ID) || path(n, "slots") != float64(6) {
		t.Fatalf("need = %v", n)
	}
	r = e.do(t, call{query: `query($r: ID!) { node(id: $r) { ... on Resolution { actionItems { title volunteerNeeds { title state } } } } }`,
		vars: map[string]any{"r": gid("Resolution", res.ID)}, token: v.adminToken})
	wantOK(t, r)
	if needs := path(r.Data, "node", "actionItems", 0, "volunteerNeeds").([]any); len(needs) != 1 || path(needs[0], "title") != "节假日由志愿者引导停车" {
		t.Fatalf("the item's needs = %v", needs)
	}
	// A call for medical hands may be limited to verified volunteers.
	in["title"], in["required"], in["slots"], in["sensitive"] = "义诊志愿者", []string{"medical_care"}, 2, true
	r = e.do(t, call{query: `mutation($in: CallForHandsInput!) { callForHands(input: $in) { need { title sensitive } } }`, vars: map[string]any{"in": in}, token: v.adminToken})
	wantOK(t, r)
	if n := path(r.Data, "callForHands", "need"); path(n, "sensitive") != true {
		t.Fatalf("the sensitive call = %v", n)
	}
}

// TestFamilyNeedOverAPI: a volunteer pays from their credit for a family
// member they name in words; only they and staff read those words, and the
// committee approves it naming the member helped, who then reads the
// address.
func TestFamilyNeedOverAPI(t *testing.T) {
	vv := newVolunteerVillage(t)
	e, v := vv.e, vv.v
	must(e.volunteers.SetSettings(v.admin, v.c.ID, volunteer.Settings{Exchange: true}))
	earned := must(e.volunteers.PostNeed(v.admin, volunteer.NeedInput{CommunityID: v.c.ID, Title: "打扫", Required: []string{"elderly_care"},
		Start: e.clock.Now().Add(time.Hour), End: e.clock.Now().Add(3 * time.Hour), MicroGridID: v.micro.ID, Address: "村委会", Slots: 1}))
	occ := must(e.volunteers.Occurrences(v.admin, earned.ID))[0]
	c := must(e.volunteers.Claim(as(vv.volIDs[0]), occ.ID)).Claim
	e.clock.Add(4 * time.Hour)
	must(e.volunteers.ConfirmHours(v.admin, c.ID, 120))

	in := vv.needInput(1)
	in["payWithCredit"], in["family"] = true, "母亲 王大妈"
	const q = `mutation($in: PostNeedInput!) { postNeed(input: $in) { need { id state family payWithCredit helped { name } } } }`
	r := vv.do(t, vv.volTokens[0], q, map[string]any{"in": in})
	wantOK(t, r)
	n := path(r.Data, "postNeed", "need")
	if path(n, "state") != "PENDING" || path(n, "family") != "母亲 王大妈" || path(n, "helped", "name") != "志愿者甲" {
		t.Fatalf("posted = %v", n)
	}
	id := path(n, "id")
	const decide = `mutation($in: DecideNeedInput!) { decideNeed(input: $in) { need { state family address helped { name } } } }`
	r = vv.do(t, vv.committeeTok, decide, map[string]any{"in": map[string]any{"needId": id, "approve": true}})
	if f, _ := firstField(r); f != "forMemberId" || r.code() != "BAD_USER_INPUT" {
		t.Fatalf("approved without the member: %v", r.Errors)
	}
	mother := gid("Member", community.MemberID(v.c.ID, vv.residentID))
	r = vv.do(t, vv.volTokens[0], decide, map[string]any{"in": map[string]any{"needId": id, "approve": true, "forMemberId": mother}})
	wantCode(t, r, "FORBIDDEN")
	r = vv.do(t, vv.committeeTok, decide, map[string]any{"in": map[string]any{"needId": id, "approve": true, "forMemberId": mother}})
	wantOK(t, r)
	if n := path(r.Data, "decideNeed", "need"); path(n, "state") != "OPEN" || path(n, "helped", "name") != "王大妈" {
		t.Fatalf("approved = %v", n)
	}
	const read = `query($id: ID!) { node(id: $id) { ... on Need { family address } } }`
	r = vv.do(t, vv.residentToken, read, map[string]any{"id": id})
	wantOK(t, r)
	if path(r.Data, "node", "address") != "一组 12 号" {
		t.Errorf("the mother reads %v", r.Data)
	}
	r = vv.do(t, vv.volTokens[1], read, map[string]any{"id": id})
	wantOK(t, r)
	if path(r.Data, "node", "family") != nil || path(r.Data, "node", "address") != nil {
		t.Errorf("another volunteer reads %v", r.Data)
	}
}
