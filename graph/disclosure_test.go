package graph_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// disclosureVillage is a village on 5 November 2026 (Asia/Shanghai), with
// its admin on the committee, a resident and an outsider who log in.
type disclosureVillage struct {
	e                       *env
	v                       village
	residentToken, outsider string
	residentID              domain.ID
	community, committeeTok string
}

func newDisclosureVillage(t testing.TB) disclosureVillage {
	t.Helper()
	e := newEnv(t)
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Set(time.Date(2026, 11, 5, 10, 0, 0, 0, shanghai))
	v := e.village(t, "小古城村", "A1")
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: v.adminID, Role: domain.RoleCommittee}))
	dv := disclosureVillage{e: e, v: v, community: gid("Community", v.c.ID), committeeTok: v.adminToken}
	dv.residentToken, dv.residentID = e.register(t, "resident@example.com", "王大妈")
	r := must(e.comms.RequestToJoin(as(dv.residentID), community.JoinInput{CommunityID: v.c.ID, GridID: v.grid.ID}))
	must(e.comms.ApproveJoinRequest(v.admin, r.ID))
	dv.outsider, _ = e.register(t, "outsider@example.com", "外人")
	return dv
}

func (dv disclosureVillage) do(t *testing.T, token, query string, vars map[string]any) response {
	t.Helper()
	return dv.e.do(t, call{query: query, vars: vars, token: token})
}

const (
	createDraftQ = `mutation($in: CreateDisclosureDraftInput!) { createDisclosureDraft(input: $in) {
		version { id number state finance { openingBalance incomeTotal expenseTotal closingBalance items { key amount } } }
		disclosure { id state hasDraft } } }`
	publishQ    = `mutation($v: ID!) { publishDisclosureVersion(input: {versionId: $v}) { version { id state contentHash publishedAt } disclosure { id state status current { id } } } }`
	disclosureQ = `query($id: ID!) { node(id: $id) { ... on Disclosure { id kind state status due period { key label }
		current { number title finance { openingBalance incomeTotal expenseTotal closingBalance itemCount
			items { key date direction category amount counterparty voucher link } } }
		versions { id number type state reason }
		questions { totalCount nodes { text state answer answeredByRole onTime asker { name } } }
		postings { date method } readCount } } }`
)

// octoberItems are October's items: a subsidy in, garbage collection and
// office costs out.
func octoberItems(garbage string) []any {
	return []any{
		map[string]any{"date": "2026-10-08", "direction": "INCOME", "category": "subsidy_income", "amount": "3,000.00", "counterparty": "径山镇财政所", "voucher": "记-101"},
		map[string]any{"date": "2026-10-15", "direction": "EXPENSE", "category": "welfare_expense/garbage", "amount": garbage, "counterparty": "余杭环卫公司", "voucher": "记-102"},
		map[string]any{"date": "2026-10-20", "direction": "EXPENSE", "category": "admin_expense/office", "amount": "800", "counterparty": "文具店", "voucher": "记-103"},
	}
}

// TestDisclosureFinanceOverAPI: the committee drafts and publishes
// October's finance over the API in yuan strings; a resident asks about
// it and the committee answers; anyone, logged out, reads it, its
// versions and the answer; a correction with a reason shows in the diff;
// November's opening balance must be October's corrected closing.
func TestDisclosureFinanceOverAPI(t *testing.T) {
	dv := newDisclosureVillage(t)
	r := dv.do(t, dv.committeeTok, createDraftQ, map[string]any{"in": map[string]any{
		"communityId": dv.community, "kind": "FINANCE", "period": "2026-10", "openingBalance": "5000", "items": octoberItems("1200.5"),
	}})
	wantOK(t, r)
	draft := path(r.Data, "createDisclosureDraft", "version").(map[string]any)
	fin := path(draft, "finance")
	if path(fin, "openingBalance") != "5000.00" || path(fin, "incomeTotal") != "3000.00" || path(fin, "expenseTotal") != "2000.50" || path(fin, "closingBalance") != "5999.50" {
		t.Errorf("draft's finance = %v", fin)
	}
	if path(draft, "state") != "DRAFT" || path(r.Data, "createDisclosureDraft", "disclosure", "hasDraft") != true || path(r.Data, "createDisclosureDraft", "disclosure", "state") != "DRAFT" {
		t.Errorf("draft = %v", r.Data)
	}
	disclosureID := path(r.Data, "createDisclosureDraft", "disclosure", "id").(string)
	r = dv.do(t, dv.committeeTok, publishQ, map[string]any{"v": draft["id"]})
	wantOK(t, r)
	if p := path(r.Data, "publishDisclosureVersion"); path(p, "version", "state") != "PUBLISHED" || len(path(p, "version", "contentHash").(string)) != 64 ||
		path(p, "disclosure", "state") != "PUBLISHED" || path(p, "disclosure", "status") != "ON_TIME" || path(p, "disclosure", "current", "id") != draft["id"] {
		t.Errorf("published = %v", p)
	}
	v1 := draft["id"].(string)

	// A resident asks why garbage collection costs so much; the committee answers.
	r = dv.do(t, dv.residentToken, `mutation($v: ID!) { askDisclosureQuestion(input: {versionId: $v, text: "垃圾清运费为什么翻倍？"}) { question { id state asker { name } version { id } } } }`, map[string]any{"v": v1})
	wantOK(t, r)
	q := path(r.Data, "askDisclosureQuestion", "question")
	if path(q, "state") != "OPEN" || path(q, "asker", "name") != "王大妈" || path(q, "version", "id") != v1 {
		t.Errorf("question = %v", q)
	}
	todos := dv.do(t, dv.committeeTok, `query($c: ID!) { community(id: $c) { todos { kind subject { __typename id } } } }`, map[string]any{"c": dv.community})
	wantOK(t, todos)
	if !hasTodo(todos, "ANSWER_QUESTION", "DisclosureQuestion", path(q, "id")) {
		t.Errorf("the committee's to-dos lack the question: %v", todos.Data)
	}
	r = dv.do(t, dv.committeeTok, `mutation($q: ID!) { answerDisclosureQuestion(input: {questionId: $q, answer: "十月起清运改为每日两次。"}) { question { state answeredByRole onTime answer } } }`, map[string]any{"q": path(q, "id")})
	wantOK(t, r)
	if a := path(r.Data, "answerDisclosureQuestion", "question"); path(a, "state") != "ANSWERED" || path(a, "answeredByRole") != "COMMITTEE" || path(a, "onTime") != true {
		t.Errorf("answered = %v", a)
	}

	// Logged out, anyone reads the disclosure, its items and the answer; who asked stays hidden, and so do the postings.
	r = dv.do(t, "", disclosureQ, map[string]any{"id": disclosureID})
	wantOK(t, r)
	d := path(r.Data, "node")
	if path(d, "kind") != "FINANCE" || path(d, "state") != "PUBLISHED" || path(d, "status") != "ON_TIME" || path(d, "due") != "2026-11-10" ||
		path(d, "period", "key") != "2026-10" || path(d, "period", "label") != "2026年10月" || path(d, "postings") != nil {
		t.Errorf("logged out, the disclosure = %v", d)
	}
	if path(d, "current", "finance", "closingBalance") != "5999.50" || path(d, "current", "finance", "itemCount") != float64(3) ||
		path(d, "current", "finance", "items", 1, "amount") != "1200.50" || path(d, "current", "finance", "items", 1, "category") != "welfare_expense/garbage" {
		t.Errorf("logged out, the finance = %v", path(d, "current", "finance"))
	}
	if path(d, "questions", "totalCount") != float64(1) || path(d, "questions", "nodes", 0, "answer") != "十月起清运改为每日两次。" || path(d, "questions", "nodes", 0, "asker") != nil {
		t.Errorf("logged out, the questions = %v", path(d, "questions"))
	}
	r = dv.do(t, "", `query($c: ID!) { community(id: $c) { disclosures(kind: FINANCE) { totalCount nodes { id } }
		questionCounts { kind asked answeredOnTime answeredLate escalated open } financeCategories { code } } }`, map[string]any{"c": dv.community})
	wantOK(t, r)
	if path(r.Data, "community", "disclosures", "totalCount") != float64(1) || path(r.Data, "community", "questionCounts", 2, "kind") != "FINANCE" ||
		path(r.Data, "community", "questionCounts", 2, "asked") != float64(1) || path(r.Data, "community", "questionCounts", 2, "answeredOnTime") != float64(1) ||
		len(path(r.Data, "community", "financeCategories").([]any)) < 10 {
		t.Errorf("logged out, the community's disclosures = %v", r.Data)
	}

	// A correction keeps the garbage item's key and changes its amount.
	items := octoberItems("600.25")
	for i, it := range path(d, "current", "finance", "items").([]any) {
		items[i].(map[string]any)["key"] = path(it, "key")
	}
	r = dv.do(t, dv.committeeTok, `mutation($in: CorrectDisclosureInput!) { correctDisclosure(input: $in) { version { id number type state reason } disclosure { hasDraft } } }`,
		map[string]any{"in": map[string]any{"disclosureId": disclosureID, "reason": "垃圾清运费录入有误", "openingBalance": "5000.00", "items": items}})
	wantOK(t, r)
	v2 := path(r.Data, "correctDisclosure", "version", "id").(string)
	if c := path(r.Data, "correctDisclosure", "version"); path(c, "number") != float64(2) || path(c, "type") != "CORRECTION" || path(c, "state") != "DRAFT" || path(c, "reason") != "垃圾清运费录入有误" {
		t.Errorf("correction = %v", c)
	}
	wantOK(t, dv.do(t, dv.committeeTok, publishQ, map[string]any{"v": v2}))
	r = dv.do(t, "", `query($v: ID!, $v1: ID!) { node(id: $v) { ... on DisclosureVersion { number
		diff { from { number } to { number } fields { field from to }
			finance { added { key } removed { key } changed { fields from { amount } to { amount } } expenseTotal { from to changed } closingBalance { from to changed } incomeTotal { changed } } }
		against: diff(against: $v1) { to { number } finance { changed { fields } } }
		disclosure { versions { number type } current { number } } } } }`, map[string]any{"v": v2, "v1": v1})
	wantOK(t, r)
	diff := path(r.Data, "node", "diff")
	if path(diff, "from", "number") != float64(1) || path(diff, "to", "number") != float64(2) || len(path(diff, "finance", "added").([]any)) != 0 || len(path(diff, "finance", "removed").([]any)) != 0 {
		t.Errorf("diff = %v", diff)
	}
	changed := path(diff, "finance", "changed").([]any)
	if len(changed) != 1 || path(changed[0], "fields", 0) != "amount" || path(changed[0], "from", "amount") != "1200.50" || path(changed[0], "to", "amount") != "600.25" {
		t.Errorf("changed items = %v", changed)
	}
	if path(diff, "finance", "expenseTotal", "to") != "1400.25" || path(diff, "finance", "closingBalance", "from") != "5999.50" ||
		path(diff, "finance", "closingBalance", "to") != "6599.75" || path(diff, "finance", "incomeTotal", "changed") != false {
		t.Errorf("changed totals = %v", path(diff, "finance"))
	}
	if !strings.Contains(jsonOf(path(diff, "fields")), "垃圾清运费录入有误") || path(r.Data, "node", "against", "to", "number") != float64(2) {
		t.Errorf("diff fields = %v, against = %v", path(diff, "fields"), path(r.Data, "node", "against"))
	}
	if vs := path(r.Data, "node", "disclosure", "versions").([]any); len(vs) != 2 || path(vs[1], "type") != "CORRECTION" || path(r.Data, "node", "disclosure", "current", "number") != float64(2) {
		t.Errorf("logged out, the versions = %v", path(r.Data, "node", "disclosure"))
	}

	// November's opening balance must be October's corrected closing.
	r = dv.do(t, dv.committeeTok, createDraftQ, map[string]any{"in": map[string]any{"communityId": dv.community, "kind": "FINANCE", "period": "2026-11", "openingBalance": "5999.50", "items": []any{}}})
	wantOK(t, r)
	nov := path(r.Data, "createDisclosureDraft", "version", "id")
	r = dv.do(t, dv.committeeTok, publishQ, map[string]any{"v": nov})
	wantCode(t, r, "BAD_USER_INPUT")
	if f, _ := firstField(r); f != "openingBalance" || !strings.Contains(r.Errors[0].Message, "5999.50") || !strings.Contains(r.Errors[0].Message, "6599.75") {
		t.Errorf("a wrong opening balance: %+v", r.Errors)
	}
	r = dv.do(t, dv.committeeTok, `mutation($v: ID!) { updateDisclosureDraft(input: {versionId: $v, openingBalance: "6599.75", items: []}) { version { finance { openingBalance } } } }`, map[string]any{"v": nov})
	wantOK(t, r)
	wantOK(t, dv.do(t, dv.committeeTok, publishQ, map[string]any{"v": nov}))
}

// TestDisclosureBadAmounts: amounts are yuan strings; a negative one, one
// with more than two decimals, one that is no number, one past 2^53 fen
// and zero are BAD_USER_INPUT under the field sent, and nothing is stored.
func TestDisclosureBadAmounts(t *testing.T) {
	dv := newDisclosureVillage(t)
	item := func(amount string) []any {
		return []any{map[string]any{"date": "2026-10-08", "direction": "EXPENSE", "category": "other_expense", "amount": "1.00"},
			map[string]any{"date": "2026-10-09", "direction": "EXPENSE", "category": "other_expense", "amount": amount}}
	}
	tests := []struct {
		name, field string
		in          map[string]any
	}{
		{"Negative", "items[1].amount", map[string]any{"items": item("-1.00")}},
		{"ThreeDecimals", "items[1].amount", map[string]any{"items": item("1.234")}},
		{"NotANumber", "items[1].amount", map[string]any{"items": item("abc")}},
		{"Past2To53Fen", "items[1].amount", map[string]any{"items": item("90071992547409.93")}},
		{"Zero", "items[1].amount", map[string]any{"items": item("0.00")}},
		{"BadOpening", "openingBalance", map[string]any{"openingBalance": "1.2.3", "items": item("1.00")}},
		{"DateOutsidePeriod", "items[0].date", map[string]any{"items": []any{map[string]any{"date": "2026-09-30", "direction": "EXPENSE", "category": "other_expense", "amount": "1"}}}},
		{"MalformedDate", "items[0].date", map[string]any{"items": []any{map[string]any{"date": "10/8", "direction": "EXPENSE", "category": "other_expense", "amount": "1"}}}},
		{"PowerAmount", "power.amount", map[string]any{"kind": "POWER", "period": "2026-11-02", "title": "道路维修招标", "power": map[string]any{"decision": "中标", "decidedBy": "村民代表会议", "basis": "村规", "amount": "-5"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := map[string]any{"communityId": dv.community, "kind": "FINANCE", "period": "2026-10"}
			for k, v := range tt.in {
				in[k] = v
			}
			r := dv.do(t, dv.committeeTok, createDraftQ, map[string]any{"in": in})
			wantCode(t, r, "BAD_USER_INPUT")
			if f, _ := firstField(r); f != tt.field {
				t.Errorf("field = %q, want %q (%v)", f, tt.field, r.Errors)
			}
		})
	}
	r := dv.do(t, dv.committeeTok, `query($c: ID!) { community(id: $c) { disclosures { totalCount } } }`, map[string]any{"c": dv.community})
	wantOK(t, r)
	if n := path(r.Data, "community", "disclosures", "totalCount"); n != float64(0) {
		t.Errorf("%v disclosures stored after bad input, want none", n)
	}
}

// TestDisclosureCodes: a resident may not draft, correct or publish
// (FORBIDDEN; a draft they cannot see is NOT_FOUND), and a draft is
// NOT_FOUND to all but its editors, logged out too.
func TestDisclosureCodes(t *testing.T) {
	dv := newDisclosureVillage(t)
	in := map[string]any{"communityId": dv.community, "kind": "VILLAGE", "period": "2026-Q3", "title": "第三季度村务", "body": "修缮村道"}
	r := dv.do(t, dv.residentToken, createDraftQ, map[string]any{"in": in})
	wantCode(t, r, "FORBIDDEN")
	r = dv.do(t, dv.committeeTok, createDraftQ, map[string]any{"in": in})
	wantOK(t, r)
	published := path(r.Data, "createDisclosureDraft", "version", "id")
	disclosureID := path(r.Data, "createDisclosureDraft", "disclosure", "id")
	wantOK(t, dv.do(t, dv.committeeTok, publishQ, map[string]any{"v": published}))
	in["period"] = "2026-Q4"
	r = dv.do(t, dv.committeeTok, createDraftQ, map[string]any{"in": in})
	wantOK(t, r)
	draft := path(r.Data, "createDisclosureDraft", "version", "id")
	draftDisclosure := path(r.Data, "createDisclosureDraft", "disclosure", "id")

	wantCode(t, dv.do(t, dv.residentToken, publishQ, map[string]any{"v": published}), "FORBIDDEN")
	wantCode(t, dv.do(t, dv.residentToken, publishQ, map[string]any{"v": draft}), "NOT_FOUND")
	wantCode(t, dv.do(t, dv.residentToken, `mutation($d: ID!) { correctDisclosure(input: {disclosureId: $d, reason: "改", title: "改", body: "改"}) { version { id } } }`,
		map[string]any{"d": disclosureID}), "FORBIDDEN")
	wantCode(t, dv.do(t, dv.committeeTok, publishQ, map[string]any{"v": published}), "CONFLICT")

	const node = `query($id: ID!) { node(id: $id) { id } }`
	for who, token := range map[string]string{"logged out": "", "an outsider": dv.outsider, "a resident": dv.residentToken} {
		for _, id := range []any{draft, draftDisclosure} {
			if r := dv.do(t, token, node, map[string]any{"id": id}); r.code() != "NOT_FOUND" || r.Data["node"] != nil {
				t.Errorf("%s reads a draft (%v): %q %v", who, id, r.code(), r.Data)
			}
		}
		if r := dv.do(t, token, node, map[string]any{"id": published}); r.code() != "" {
			t.Errorf("%s reads a published version: %v", who, r.Errors)
		}
	}
	r = dv.do(t, dv.committeeTok, `query($c: ID!) { community(id: $c) { todos { kind subject { __typename id } } } }`, map[string]any{"c": dv.community})
	wantOK(t, r)
	if !hasTodo(r, "PUBLISH_DRAFT", "DisclosureVersion", draft) {
		t.Errorf("the committee's to-dos lack the draft: %v", r.Data)
	}
	r = dv.do(t, dv.outsider, `query($c: ID!) { community(id: $c) { disclosures { totalCount } } }`, map[string]any{"c": dv.community})
	if wantOK(t, r); path(r.Data, "community", "disclosures", "totalCount") != float64(1) {
		t.Errorf("an outsider's list = %v, want the published one only", r.Data)
	}

	const discard = `mutation($v: ID!) { discardDisclosureDraft(input: {versionId: $v}) { disclosureId disclosure { id } } }`
	wantCode(t, dv.do(t, dv.committeeTok, discard, map[string]any{"v": published}), "CONFLICT")
	r = dv.do(t, dv.committeeTok, discard, map[string]any{"v": draft})
	if wantOK(t, r); path(r.Data, "discardDisclosureDraft", "disclosureId") != draftDisclosure || path(r.Data, "discardDisclosureDraft", "disclosure") != nil {
		t.Errorf("discarding a first version = %v, want its disclosure gone", r.Data)
	}
	wantCode(t, dv.do(t, dv.committeeTok, node, map[string]any{"id": draftDisclosure}), "NOT_FOUND")
}

// TestDisclosureEscalatedQuestion: a question unanswered past its 7 days
// is escalated; the supervision committee marks its follow-up and answers
// it, late, and the counts say so.
func TestDisclosureEscalatedQuestion(t *testing.T) {
	dv := newDisclosureVillage(t)
	must(dv.e.comms.AssignRole(dv.v.admin, community.RoleInput{CommunityID: dv.v.c.ID, UserID: dv.residentID, Role: domain.RoleSupervisor}))
	askerToken, askerID := dv.e.register(t, "asker@example.com", "李大伯")
	jr := must(dv.e.comms.RequestToJoin(as(askerID), community.JoinInput{CommunityID: dv.v.c.ID, GridID: dv.v.grid.ID}))
	must(dv.e.comms.ApproveJoinRequest(dv.v.admin, jr.ID))
	v := must(dv.e.disclosures.CreateDraft(dv.v.admin, disclosure.DraftInput{CommunityID: dv.v.c.ID, Kind: disclosure.KindVillage, Period: "2026-Q4",
		Content: disclosure.DraftContent{Title: "第四季度村务", Body: "村道修缮"}}))
	must(dv.e.disclosures.Publish(dv.v.admin, v.ID))
	r := dv.do(t, askerToken, `mutation($v: ID!) { askDisclosureQuestion(input: {versionId: $v, text: "村道何时修好？"}) { question { id } } }`, map[string]any{"v": gid("DisclosureVersion", v.ID)})
	wantOK(t, r)
	qid := path(r.Data, "askDisclosureQuestion", "question", "id")
	const followUp = `mutation($q: ID!) { followUpDisclosureQuestion(input: {questionId: $q, note: "监委会已督办"}) { question { state followUp followUpAt } } }`
	wantCode(t, dv.do(t, dv.residentToken, followUp, map[string]any{"q": qid}), "FORBIDDEN") // not escalated yet
	dv.e.clock.Add(9 * 24 * time.Hour)
	must(dv.e.disclosures.Escalate(context.Background(), dv.e.clock.Now()))
	r = dv.do(t, dv.residentToken, followUp, map[string]any{"q": qid})
	wantOK(t, r)
	if q := path(r.Data, "followUpDisclosureQuestion", "question"); path(q, "state") != "ESCALATED" || path(q, "followUp") != "监委会已督办" || path(q, "followUpAt") == nil {
		t.Errorf("followed up = %v", q)
	}
	r = dv.do(t, dv.residentToken, `mutation($q: ID!) { answerDisclosureQuestion(input: {questionId: $q, answer: "本月底完工。"}) { question { state answeredByRole onTime escalated } } }`, map[string]any{"q": qid})
	wantOK(t, r)
	if q := path(r.Data, "answerDisclosureQuestion", "question"); path(q, "answeredByRole") != "SUPERVISOR" || path(q, "onTime") != false || path(q, "escalated") != true {
		t.Errorf("answered = %v", q)
	}
	r = dv.do(t, "", `query($c: ID!) { community(id: $c) { questionCounts { kind asked answeredLate escalated open } } }`, map[string]any{"c": dv.community})
	wantOK(t, r)
	if c := path(r.Data, "community", "questionCounts", 1); path(c, "kind") != "VILLAGE" || path(c, "answeredLate") != float64(1) || path(c, "escalated") != float64(1) || path(c, "open") != float64(0) {
		t.Errorf("village counts = %v", c)
	}
}

// TestDisclosureReadsPostingsAndSchedule: anyone's read counts, a draft's
// is NOT_FOUND; a grid worker logs a posting the members see; the schedule
// record shows a period overdue, and the committee's to-do for it opens
// the community.
func TestDisclosureReadsPostingsAndSchedule(t *testing.T) {
	dv := newDisclosureVillage(t)
	r := dv.do(t, dv.committeeTok, createDraftQ, map[string]any{"in": map[string]any{"communityId": dv.community, "kind": "FINANCE", "period": "2026-10", "openingBalance": "0", "items": octoberItems("100")}})
	wantOK(t, r)
	v := path(r.Data, "createDisclosureDraft", "version", "id")
	const count = `mutation($v: ID!) { countDisclosureRead(input: {versionId: $v}) { readCount version { readCount } } }`
	wantCode(t, dv.do(t, "", count, map[string]any{"v": v}), "NOT_FOUND")
	wantOK(t, dv.do(t, dv.committeeTok, publishQ, map[string]any{"v": v}))
	wantOK(t, dv.do(t, "", count, map[string]any{"v": v}))
	r = dv.do(t, dv.residentToken, count, map[string]any{"v": v})
	wantOK(t, r)
	if path(r.Data, "countDisclosureRead", "readCount") != float64(2) || path(r.Data, "countDisclosureRead", "version", "readCount") != float64(2) {
		t.Errorf("reads = %v", r.Data)
	}

	r = dv.do(t, dv.v.workerToken, `mutation($v: ID!, $m: ID!) { recordDisclosurePosting(input: {versionId: $v, microGridId: $m, date: "2026-11-05", method: BOARD}) {
		posting { date method microGrid { name } postedBy { name } } disclosure { id } } }`, map[string]any{"v": v, "m": gid("MicroGrid", dv.v.micro.ID)})
	wantOK(t, r)
	if p := path(r.Data, "recordDisclosurePosting", "posting"); path(p, "microGrid", "name") != "一组" || path(p, "method") != "BOARD" || path(p, "postedBy", "name") != "小古城村网格员" {
		t.Errorf("posting = %v", p)
	}
	disclosureID := path(r.Data, "recordDisclosurePosting", "disclosure", "id")
	const postings = `query($d: ID!) { node(id: $d) { ... on Disclosure { postings { date } readCount } } }`
	r = dv.do(t, dv.residentToken, postings, map[string]any{"d": disclosureID})
	if wantOK(t, r); len(path(r.Data, "node", "postings").([]any)) != 1 || path(r.Data, "node", "readCount") != float64(2) {
		t.Errorf("a member's postings = %v", r.Data)
	}
	r = dv.do(t, dv.outsider, postings, map[string]any{"d": disclosureID})
	if wantOK(t, r); path(r.Data, "node", "postings") != nil {
		t.Errorf("an outsider's postings = %v, want null", r.Data)
	}

	const schedule = `mutation($in: SetDisclosureScheduleInput!) { setDisclosureSchedule(input: $in) { schedule { since financeCadence rules { kind cadence dueDays } } } }`
	r = dv.do(t, dv.committeeTok, schedule, map[string]any{"in": map[string]any{"communityId": dv.community, "since": "2026-13-01"}})
	wantCode(t, r, "BAD_USER_INPUT")
	if f, _ := firstField(r); f != "since" {
		t.Errorf("a bad since: field %q", f)
	}
	wantCode(t, dv.do(t, dv.residentToken, schedule, map[string]any{"in": map[string]any{"communityId": dv.community, "since": "2026-01-01"}}), "FORBIDDEN")
	r = dv.do(t, dv.committeeTok, schedule, map[string]any{"in": map[string]any{"communityId": dv.community, "since": "2026-01-01"}})
	wantOK(t, r)
	if s := path(r.Data, "setDisclosureSchedule", "schedule"); path(s, "since") != "2026-01-01" || path(s, "financeCadence") != "MONTHLY" || path(s, "rules", 2, "dueDays") != float64(10) {
		t.Errorf("schedule = %v", s)
	}
	r = dv.do(t, "", `query($c: ID!) { community(id: $c) { disclosureRecord(kind: FINANCE, periods: 3) { period { key } due status disclosure { id } } } }`, map[string]any{"c": dv.community})
	wantOK(t, r)
	rec := path(r.Data, "community", "disclosureRecord").([]any)
	want := []struct{ period, status string }{{"2026-11", "UPCOMING"}, {"2026-10", "ON_TIME"}, {"2026-09", "OVERDUE"}}
	if len(rec) != len(want) {
		t.Fatalf("record = %v", rec)
	}
	for i, w := range want {
		if path(rec[i], "period", "key") != w.period || path(rec[i], "status") != w.status {
			t.Errorf("record[%d] = %v, want %s %s", i, rec[i], w.period, w.status)
		}
	}
	if path(rec[1], "disclosure", "id") != disclosureID || path(rec[2], "disclosure") != nil {
		t.Errorf("record's disclosures = %v", rec)
	}
	r = dv.do(t, dv.committeeTok, `query($c: ID!) { community(id: $c) { todos { kind subject { __typename id } } } }`, map[string]any{"c": dv.community})
	wantOK(t, r)
	if !hasTodo(r, "PUBLISH_DUE", "Community", dv.community) {
		t.Errorf("the committee's to-dos lack September's finance: %v", r.Data)
	}
}

// jsonOf is v as JSON text.
func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// hasTodo reports whether a todos answer holds a to-do of kind on subject.
func hasTodo(r response, kind, typename string, id any) bool {
	for _, td := range path(r.Data, "community", "todos").([]any) {
		if path(td, "kind") == kind && path(td, "subject", "__typename") == typename && path(td, "subject", "id") == id {
			return true
		}
	}
	return false
}

// TestDisclosureListCommands pins the list's dataloaders: a page of
// published disclosures with their current versions, read counts and
// community costs the same number of database commands for 2 as for 10.
func TestDisclosureListCommands(t *testing.T) {
	dv := newDisclosureVillage(t)
	publish := func(n int) {
		for i := range n {
			v := must(dv.e.disclosures.CreateDraft(dv.v.admin, disclosure.DraftInput{CommunityID: dv.v.c.ID, Kind: disclosure.KindPower, Period: "2026-11-0" + string(rune('1'+i%4)),
				Content: disclosure.DraftContent{Title: "资产租赁", Power: &disclosure.Power{Decision: "出租村集体仓库", DecidedBy: "村民代表会议", Basis: "村规民约第十条", Amount: 1200000}}}))
			must(dv.e.disclosures.Publish(dv.v.admin, v.ID))
		}
	}
	count := func(first int) int64 {
		dv.e.commands.Reset()
		r := dv.do(t, "", `query($c: ID!, $n: Int) { community(id: $c) { disclosures(first: $n) { nodes { id kind status state readCount period { label }
			community { name } current { number title power { amount } } } } } }`, map[string]any{"c": dv.community, "n": first})
		wantOK(t, r)
		nodes := path(r.Data, "community", "disclosures", "nodes").([]any)
		if len(nodes) != first || path(nodes[first-1], "current", "power", "amount") != "12000.00" || path(nodes[0], "community", "name") != "小古城村" {
			t.Fatalf("page = %v", nodes)
		}
		return dv.e.commands.Count()
	}
	publish(2)
	two := count(2)
	publish(8)
	ten := count(10)
	t.Logf("database commands: %d for 2 disclosures, %d for 10", two, ten)
	if two != ten {
		t.Errorf("2 disclosures cost %d commands, 10 cost %d: want the same", two, ten)
	}
}

// TestCheckDisclosureAttachmentOverAPI has the server check a published
// version's attachments for anyone, logged out: one still the same, one
// changed, one gone.
func TestCheckDisclosureAttachmentOverAPI(t *testing.T) {
	dv := newDisclosureVillage(t)
	files := map[string]string{"/minutes.pdf": "第三季度村务会议记录", "/photo.jpg": "replaced"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if body, ok := files[r.URL.Path]; ok {
			_, _ = w.Write([]byte(body))
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	hash := func(s string) string { sum := sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:]) }
	attach := []map[string]any{
		{"url": srv.URL + "/minutes.pdf", "name": "会议记录", "sha256": hash(files["/minutes.pdf"]), "size": len(files["/minutes.pdf"])},
		{"url": srv.URL + "/photo.jpg", "name": "现场照片", "sha256": hash("the photo"), "size": 9},
		{"url": srv.URL + "/gone.pdf", "name": "已删除", "sha256": hash("gone"), "size": 4},
	}
	r := dv.do(t, dv.committeeTok, createDraftQ, map[string]any{"in": map[string]any{"communityId": dv.community, "kind": "VILLAGE", "period": "2026-Q3",
		"title": "第三季度村务", "body": "见附件", "attachments": attach}})
	wantOK(t, r)
	v := path(r.Data, "createDisclosureDraft", "version", "id")
	const check = `mutation($v: ID!, $i: Int!) { checkDisclosureAttachment(input: {versionId: $v, index: $i}) { reachable matches sha256 size checkedAt } }`
	wantCode(t, dv.do(t, "", check, map[string]any{"v": v, "i": 0}), "NOT_FOUND")
	wantOK(t, dv.do(t, dv.committeeTok, publishQ, map[string]any{"v": v}))
	for i, want := range []struct {
		reachable, matches bool
		size               any
	}{{true, true, float64(len(files["/minutes.pdf"]))}, {true, false, float64(len("replaced"))}, {false, false, nil}} {
		r := dv.do(t, "", check, map[string]any{"v": v, "i": i})
		wantOK(t, r)
		c := path(r.Data, "checkDisclosureAttachment")
		if path(c, "reachable") != want.reachable || path(c, "matches") != want.matches || path(c, "size") != want.size {
			t.Errorf("attachment %d: %v, want %+v", i, c, want)
		}
	}
	r = dv.do(t, "", check, map[string]any{"v": v, "i": 3})
	wantCode(t, r, "BAD_USER_INPUT")
	if f, _ := firstField(r); f != "index" {
		t.Errorf("a bad index: field %q", f)
	}
}

// TestDisclosureStatusOnServiceClock: a disclosure's status is computed at
// the services' clock (the test clock in the browser tests), not the wall
// clock: October's finance, due 10 November, is upcoming on the 5th and
// overdue on the 12th.
func TestDisclosureStatusOnServiceClock(t *testing.T) {
	dv := newDisclosureVillage(t)
	r := dv.do(t, dv.committeeTok, createDraftQ, map[string]any{"in": map[string]any{
		"communityId": dv.community, "kind": "FINANCE", "period": "2026-10", "openingBalance": "5000", "items": octoberItems("1200.5"),
	}})
	wantOK(t, r)
	id := path(r.Data, "createDisclosureDraft", "disclosure", "id")
	status := func() any {
		r := dv.do(t, dv.committeeTok, disclosureQ, map[string]any{"id": id})
		wantOK(t, r)
		return path(r.Data, "node", "status")
	}
	if got := status(); got != "UPCOMING" {
		t.Errorf("status on 5 November = %v, want UPCOMING", got)
	}
	dv.e.clock.Add(7 * 24 * time.Hour)
	if got := status(); got != "OVERDUE" {
		t.Errorf("status on 12 November = %v, want OVERDUE", got)
	}
}
