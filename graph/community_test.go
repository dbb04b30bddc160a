package graph_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/graph"
	"github.com/yishi-app/yishi/graph/internal/sdl"
)

var update = flag.Bool("update", false, "rewrite graph/schema.graphql from the schema")

// TestSchemaFile fails when the schema changes without graph/schema.graphql;
// run `go test ./graph -run SchemaFile -update` to rewrite it.
func TestSchemaFile(t *testing.T) {
	schema, err := graph.NewSchema(graph.Services{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := sdl.Print(schema)
	if *update {
		if err := os.WriteFile("schema.graphql", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("graph/schema.graphql is out of date: run go test ./graph -run SchemaFile -update and review the diff")
	}
}

// village is a community with a grid and micro-grid, its admin and a
// grid worker, created through the services.
type village struct {
	c                 community.Community
	grid              community.Grid
	micro             community.MicroGrid
	adminToken        string
	admin, workerCtx  context.Context
	workerToken       string
	adminID, workerID domain.ID
}

func as(id domain.ID) context.Context {
	return domain.NewContextWithActor(context.Background(), domain.Actor{UserID: id})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// divisionCode turns a test village's short code (A1, B1) into a 12-digit
// division code under the test street, 330110109.
func divisionCode(short string) string {
	n := 0
	for _, c := range short {
		n = n*37 + int(c)
	}
	return fmt.Sprintf("330110109%03d", n%1000)
}

func (e *env) village(tb testing.TB, name, code string) village {
	tb.Helper()
	var v village
	v.adminToken, v.adminID = e.register(tb, code+"-admin@example.com", name+"管理员")
	v.admin = as(v.adminID)
	st, err := e.comms.StreetByCode(context.Background(), "330110109")
	if err != nil {
		st = must(e.comms.CreateStreet(domain.NewSystemContext(v.admin), community.StreetInput{Name: "径山镇", Code: "330110109"}))
	}
	v.c = must(e.comms.CreateCommunity(domain.NewSystemContext(v.admin), community.CommunityInput{StreetID: st.ID, Name: name, Kind: community.Village, Code: divisionCode(code), AdminID: v.adminID}))
	v.grid = must(e.comms.CreateGrid(v.admin, v.c.ID, community.GridInput{Name: "第一网格", Code: "G1"}))
	v.micro = must(e.comms.CreateMicroGrid(v.admin, v.grid.ID, community.GridInput{Name: "一组", Code: "G1-1"}))
	v.workerToken, v.workerID = e.register(tb, code+"-worker@example.com", name+"网格员")
	r := must(e.comms.RequestToJoin(as(v.workerID), community.JoinInput{CommunityID: v.c.ID, GridID: v.grid.ID}))
	must(e.comms.ApproveJoinRequest(v.admin, r.ID))
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: v.workerID, Role: domain.RoleGridWorker, GridID: v.grid.ID}))
	v.workerCtx = as(v.workerID)
	return v
}

func gid(typ string, id domain.ID) string {
	return graph.GraphGlobalID(typ, id)
}

const membersQ = `query($id: ID!, $first: Int) { community(id: $id) { members(first: $first) { totalCount edges { cursor node { id roles assisted user { name } grid { name } microGrid { name } } } } } }`

// TestMembersPageCommands pins the dataloaders: a page of members with each
// member's user, grid and micro-grid costs the same number of database
// commands for 5 members as for 50.
func TestMembersPageCommands(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	add := func(n int) {
		for range n {
			must(e.comms.RegisterAssistedResident(v.workerCtx, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: "代办居民"}))
		}
	}
	count := func(first int) int64 {
		e.commands.Reset()
		r := e.do(t, call{query: membersQ, vars: map[string]any{"id": gid("Community", v.c.ID), "first": first}, token: v.adminToken})
		wantOK(t, r)
		if n := len(path(r.Data, "community", "members", "edges").([]any)); n != first {
			t.Fatalf("%d members on the page, want %d", n, first)
		}
		if path(r.Data, "community", "members", "edges", first-1, "node", "grid", "name") != "第一网格" {
			t.Fatalf("member without grid: %v", path(r.Data, "community", "members", "edges", first-1))
		}
		return e.commands.Count()
	}
	add(3) // admin and worker are members already: 5
	five := count(5)
	add(45)
	fifty := count(50)
	t.Logf("database commands: %d for 5 members, %d for 50", five, fifty)
	if five != fifty {
		t.Errorf("5 members cost %d commands, 50 cost %d: want the same", five, fifty)
	}
}

func TestScopedToCommunity(t *testing.T) {
	e := newEnv(t)
	a := e.village(t, "小古城村", "A1")
	b := e.village(t, "前溪村", "B1")
	applicantToken, applicant := e.register(t, "applicant@example.com", "申请人")
	reqA := must(e.comms.RequestToJoin(as(applicant), community.JoinInput{CommunityID: a.c.ID, GridID: a.grid.ID}))

	t.Run("ErrOtherCommunitysMembers", func(t *testing.T) {
		r := e.do(t, call{query: membersQ, vars: map[string]any{"id": gid("Community", a.c.ID)}, token: b.adminToken})
		wantCode(t, r, "FORBIDDEN")
	})
	t.Run("ErrOtherCommunitysJoinRequests", func(t *testing.T) {
		r := e.do(t, call{query: `query($id: ID!) { community(id: $id) { joinRequests { totalCount } } }`, vars: map[string]any{"id": gid("Community", a.c.ID)}, token: b.adminToken})
		wantCode(t, r, "FORBIDDEN")
	})
	t.Run("NotFoundSameShape", func(t *testing.T) {
		q := `mutation($id: ID!) { approveJoinRequest(input: {joinRequestId: $id}) { joinRequest { state } } }`
		other := e.do(t, call{query: q, vars: map[string]any{"id": gid("JoinRequest", reqA.ID)}, token: b.adminToken})
		missing := e.do(t, call{query: q, vars: map[string]any{"id": gid("JoinRequest", domain.NewID())}, token: b.adminToken})
		malformed := e.do(t, call{query: q, vars: map[string]any{"id": "%%not-an-id%%"}, token: b.adminToken})
		for name, r := range map[string]response{"other": other, "missing": missing, "malformed": malformed} {
			wantCode(t, r, "NOT_FOUND")
			if r.Errors[0].Message != missing.Errors[0].Message {
				t.Errorf("%s: message %q differs from a missing one's %q", name, r.Errors[0].Message, missing.Errors[0].Message)
			}
		}
		for _, id := range []string{gid("JoinRequest", reqA.ID), gid("Member", community.MemberID(a.c.ID, a.workerID)), gid("User", a.adminID), "garbage", gid("Nope", "1")} {
			r := e.do(t, call{query: `query($id: ID!) { node(id: $id) { id } }`, vars: map[string]any{"id": id}, token: b.adminToken})
			wantCode(t, r, "NOT_FOUND")
			if r.Data["node"] != nil {
				t.Errorf("node(%s) = %v beside NOT_FOUND, want null", id, r.Data["node"])
			}
		}
	})
	t.Run("ApplicantSeesOwnRequest", func(t *testing.T) {
		r := e.do(t, call{query: `query($id: ID!) { node(id: $id) { ... on JoinRequest { state community { name } } } }`, vars: map[string]any{"id": gid("JoinRequest", reqA.ID)}, token: applicantToken})
		wantOK(t, r)
		if path(r.Data, "node", "state") != "PENDING" || path(r.Data, "node", "community", "name") != "小古城村" {
			t.Errorf("node = %v", r.Data)
		}
	})
	t.Run("GridWorkerApproves", func(t *testing.T) {
		r := e.do(t, call{query: `mutation($id: ID!) { approveJoinRequest(input: {joinRequestId: $id}) { joinRequest { state decidedBy { name } } } }`, vars: map[string]any{"id": gid("JoinRequest", reqA.ID)}, token: a.workerToken})
		wantOK(t, r)
		if path(r.Data, "approveJoinRequest", "joinRequest", "state") != "APPROVED" {
			t.Errorf("approve = %v", r.Data)
		}
		r = e.do(t, call{query: `{ viewer { memberships { roles community { name } } } }`, token: applicantToken})
		if path(r.Data, "viewer", "memberships", 0, "community", "name") != "小古城村" || path(r.Data, "viewer", "memberships", 0, "roles", 0) != "RESIDENT" {
			t.Errorf("memberships = %v", r.Data)
		}
	})
	t.Run("AdminAssignsRole", func(t *testing.T) {
		q := `mutation($m: ID!, $g: ID) { assignRole(input: {memberId: $m, role: GRID_WORKER, gridId: $g}) { member { roles workerGrids { name } } } }`
		r := e.do(t, call{query: q, vars: map[string]any{"m": gid("Member", community.MemberID(a.c.ID, applicant)), "g": gid("Grid", a.grid.ID)}, token: a.adminToken})
		wantOK(t, r)
		if path(r.Data, "assignRole", "member", "workerGrids", 0, "name") != "第一网格" {
			t.Errorf("assign = %v", r.Data)
		}
		r = e.do(t, call{query: q, vars: map[string]any{"m": gid("Member", community.MemberID(a.c.ID, applicant)), "g": gid("Grid", a.grid.ID)}, token: b.adminToken})
		wantCode(t, r, "FORBIDDEN")
	})
	t.Run("RegisterAssistedResident", func(t *testing.T) {
		q := `mutation($c: ID!, $m: ID!, $n: String!) { registerAssistedResident(input: {communityId: $c, microGridId: $m, name: $n, phone: "13800001111"}) { member { assisted user { name assisted } } } }`
		r := e.do(t, call{query: q, vars: map[string]any{"c": gid("Community", a.c.ID), "m": gid("MicroGrid", a.micro.ID), "n": "沈阿婆"}, token: a.workerToken})
		wantOK(t, r)
		if path(r.Data, "registerAssistedResident", "member", "user", "assisted") != true {
			t.Errorf("assisted = %v", r.Data)
		}
		r = e.do(t, call{query: q, vars: map[string]any{"c": gid("Community", a.c.ID), "m": gid("MicroGrid", a.micro.ID), "n": "沈阿婆"}, token: b.workerToken})
		wantCode(t, r, "FORBIDDEN")
	})
	t.Run("Paging", func(t *testing.T) {
		q := `query($id: ID!, $after: String) { community(id: $id) { members(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`
		seen := map[any]bool{}
		var after any
		for page := 0; page < 5; page++ {
			r := e.do(t, call{query: q, vars: map[string]any{"id": gid("Community", a.c.ID), "after": after}, token: a.adminToken})
			wantOK(t, r)
			for _, n := range path(r.Data, "community", "members", "nodes").([]any) {
				id := path(n, "id")
				if seen[id] {
					t.Fatalf("member %v on two pages", id)
				}
				seen[id] = true
			}
			if path(r.Data, "community", "members", "pageInfo", "hasNextPage") != true {
				break
			}
			after = path(r.Data, "community", "members", "pageInfo", "endCursor")
		}
		total := path(e.do(t, call{query: q, vars: map[string]any{"id": gid("Community", a.c.ID)}, token: a.adminToken}).Data, "community", "members", "totalCount")
		if float64(len(seen)) != total {
			t.Errorf("paged through %d members, totalCount %v", len(seen), total)
		}
	})
}

// BenchmarkMembersPage measures a page of 50 members with their users,
// grids and micro-grids through the HTTP handler.
func BenchmarkMembersPage(b *testing.B) {
	e := newEnv(b)
	v := e.village(b, "小古城村", "A1")
	for range 48 {
		must(e.comms.RegisterAssistedResident(v.workerCtx, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: "代办居民"}))
	}
	c := call{query: membersQ, vars: map[string]any{"id": gid("Community", v.c.ID), "first": 50}, token: v.adminToken}
	for b.Loop() {
		if r := e.do(b, c); len(r.Errors) > 0 {
			b.Fatal(r.Errors)
		}
	}
}
