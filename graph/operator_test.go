package graph_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/yishi-app/yishi/domain"
)

// testOperator is the platform operator of every test env.
const testOperator = "ops@example.com"

// verify verifies a user's email over the API with the link of their last
// verification mail, read from the outbox.
func (e *env) verify(tb testing.TB, token string, user domain.ID) {
	tb.Helper()
	var item struct {
		Data map[string]string `bson:"data"`
	}
	err := e.db.Collection("outbox").FindOne(context.Background(), map[string]any{"recipient_id": string(user), "kind": "email_verification"}).Decode(&item)
	if err != nil {
		tb.Fatal(err)
	}
	u, err := url.Parse(item.Data["link"])
	if err != nil {
		tb.Fatal(err)
	}
	wantOK(tb, e.do(tb, call{query: `mutation($t: String!) { verifyEmail(input: {token: $t}) { ok } }`, vars: map[string]any{"t": u.Query().Get("token")}, token: token}))
}

// TestOperatorsOverAPI: only a verified operator opens streets; a resident
// asks to open a community, the operator approves it, and the requester is
// its first admin, with the grant on its role history.
func TestOperatorsOverAPI(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	opsToken, opsID := e.register(t, testOperator, "运营")
	createStreet := call{query: `mutation { createStreet(input: {name: "良渚街道", code: "330110005"}) { street { id } } }`}
	for _, tok := range []string{opsToken, v.adminToken} { // the operator, before verifying, and an admin
		createStreet.token = tok
		wantCode(t, e.do(t, createStreet), "FORBIDDEN")
	}
	isOp := `{ viewer { isOperator } }`
	if r := e.do(t, call{query: isOp, token: opsToken}); path(r.Data, "viewer", "isOperator") != false {
		t.Errorf("unverified isOperator = %v", path(r.Data, "viewer", "isOperator"))
	}
	e.verify(t, opsToken, opsID)
	if r := e.do(t, call{query: isOp, token: opsToken}); path(r.Data, "viewer", "isOperator") != true {
		t.Errorf("verified isOperator = %v", path(r.Data, "viewer", "isOperator"))
	}
	createStreet.token = opsToken
	wantOK(t, e.do(t, createStreet))

	askerToken, _ := e.register(t, "asker@example.com", "后山村书记")
	street := gid("Street", v.c.StreetID)
	r := e.do(t, call{query: `mutation($s: ID!) { requestCommunity(input: {streetId: $s, name: "后山村", kind: VILLAGE, code: "330110109215", note: "后山村党支部书记"}) { communityRequest { id state } } }`,
		vars: map[string]any{"s": street}, token: askerToken})
	wantOK(t, r)
	req := path(r.Data, "requestCommunity", "communityRequest", "id").(string)
	approve := call{query: `mutation($r: ID!) { approveCommunityRequest(input: {requestId: $r}) { communityRequest { state community { id name } } } }`, vars: map[string]any{"r": req}}
	approve.token = v.adminToken
	wantCode(t, e.do(t, approve), "FORBIDDEN")
	approve.token = opsToken
	r = e.do(t, approve)
	wantOK(t, r)
	if path(r.Data, "approveCommunityRequest", "communityRequest", "state") != "APPROVED" {
		t.Fatalf("approve = %v", r.Data)
	}
	cid := path(r.Data, "approveCommunityRequest", "communityRequest", "community", "id")
	r = e.do(t, call{query: `query($c: ID!) { community(id: $c) { viewerMembership { roles } roleHistory { revoked role user { name } } grantableRoles } }`,
		vars: map[string]any{"c": cid}, token: askerToken})
	wantOK(t, r)
	if path(r.Data, "community", "roleHistory", 0, "role") != "ADMIN" || path(r.Data, "community", "roleHistory", 0, "user", "name") != "后山村书记" {
		t.Errorf("role history = %v", path(r.Data, "community", "roleHistory"))
	}
	if roles, _ := path(r.Data, "community", "grantableRoles").([]any); len(roles) < 5 {
		t.Errorf("an admin may grant %v", roles)
	}
	if r := e.do(t, call{query: `{ viewer { communityRequests { state } } }`, token: askerToken}); path(r.Data, "viewer", "communityRequests", 0, "state") != "APPROVED" {
		t.Errorf("my requests = %v", r.Data)
	}
}
