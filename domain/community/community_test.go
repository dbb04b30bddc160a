package community_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/notify"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

type discard struct{}

func (discard) Enqueue(context.Context, notify.Item) error { return nil }

// world is a street with two villages, A and B, each with an admin, a
// committee member, a grid worker of grid 1, a resident, and two grids.
type world struct {
	db       *db.DB
	accounts *account.Service
	svc      *community.Service
	a, b     village
	outsider context.Context
	n        int
}

type village struct {
	c                                     community.Community
	grid1, grid2                          community.Grid
	micro1                                community.MicroGrid
	admin, committee, worker, resident    context.Context
	adminID, committeeID, workerID, resID domain.ID
}

func as(id domain.ID) context.Context {
	return domain.NewContextWithActor(context.Background(), domain.Actor{UserID: id})
}

// must returns v, panicking (and so failing the test) on err.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func wantCode(tb testing.TB, err error, want domain.Code) {
	tb.Helper()
	if got := domain.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

func (w *world) user(tb testing.TB, name string) domain.ID {
	tb.Helper()
	w.n++
	l := must(w.accounts.Register(context.Background(), account.RegisterInput{
		Email: string(domain.NewID()) + "@example.com", Password: "password1", Name: name,
	}))
	return l.User.ID
}

func newWorld(tb testing.TB) *world {
	tb.Helper()
	d := dbtest.New(tb)
	ctx := context.Background()
	if err := db.EnsureIndexes(ctx, d.Database, account.Indexes(), community.Indexes()); err != nil {
		tb.Fatal(err)
	}
	w := &world{db: d, accounts: account.NewService(d.Database, account.Config{Notifier: discard{}})}
	w.svc = community.NewService(d.Database, w.accounts, community.Config{})
	founder := w.user(tb, "街道干部")
	street := must(w.svc.CreateStreet(as(founder), community.StreetInput{Name: "径山镇", Code: "330110109"}))
	w.a = w.village(tb, street, "小古城村", "A1")
	w.b = w.village(tb, street, "前溪村", "B1")
	w.outsider = as(w.user(tb, "外人"))
	return w
}

func (w *world) village(tb testing.TB, street community.Street, name, code string) village {
	tb.Helper()
	v := village{adminID: w.user(tb, name+"管理员")}
	v.admin = as(v.adminID)
	v.c = must(w.svc.CreateCommunity(v.admin, community.CommunityInput{StreetID: street.ID, Name: name, Kind: community.Village, Code: code}))
	v.grid1 = must(w.svc.CreateGrid(v.admin, v.c.ID, community.GridInput{Name: "第一网格", Code: "G1"}))
	v.grid2 = must(w.svc.CreateGrid(v.admin, v.c.ID, community.GridInput{Name: "第二网格", Code: "G2"}))
	v.micro1 = must(w.svc.CreateMicroGrid(v.admin, v.grid1.ID, community.GridInput{Name: "一组", Code: "G1-1"}))
	v.committeeID, v.workerID, v.resID = w.join(tb, v, v.grid1.ID), w.join(tb, v, v.grid1.ID), w.join(tb, v, v.grid2.ID)
	v.committee, v.worker, v.resident = as(v.committeeID), as(v.workerID), as(v.resID)
	must(w.svc.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: v.committeeID, Role: domain.RoleCommittee}))
	must(w.svc.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: v.workerID, Role: domain.RoleGridWorker, GridID: v.grid1.ID}))
	return v
}

// join makes a new user a resident of grid through a request the admin
// approves.
func (w *world) join(tb testing.TB, v village, grid domain.ID) domain.ID {
	tb.Helper()
	id := w.user(tb, "居民")
	r := must(w.svc.RequestToJoin(as(id), community.JoinInput{CommunityID: v.c.ID, GridID: grid}))
	must(w.svc.ApproveJoinRequest(v.admin, r.ID))
	return id
}

func TestCreateCommunity(t *testing.T) {
	w := newWorld(t)
	m := must(w.svc.Member(w.a.admin, w.a.c.ID, w.a.adminID))
	if !m.HasRole(domain.RoleAdmin) || !m.HasRole(domain.RoleResident) {
		t.Errorf("creator roles = %v, want admin and resident", m.Roles)
	}
	if got := w.a.c.Settings; got != community.DefaultSettings() || got.TimeZone != "Asia/Shanghai" {
		t.Errorf("settings = %+v", got)
	}
	t.Run("ErrCodeTaken", func(t *testing.T) {
		_, err := w.svc.CreateCommunity(w.a.admin, community.CommunityInput{StreetID: w.a.c.StreetID, Name: "重复", Kind: community.Village, Code: "A1"})
		wantCode(t, err, domain.Conflict)
	})
	t.Run("ErrBadInput", func(t *testing.T) {
		for _, in := range []community.CommunityInput{
			{StreetID: w.a.c.StreetID, Name: " ", Kind: community.Village, Code: "X1"},
			{StreetID: w.a.c.StreetID, Name: "村", Kind: "city", Code: "X2"},
			{StreetID: w.a.c.StreetID, Name: "村", Kind: community.Village, Code: `{"$gt":""}`},
		} {
			_, err := w.svc.CreateCommunity(w.a.admin, in)
			wantCode(t, err, domain.Invalid)
		}
		_, err := w.svc.CreateCommunity(w.a.admin, community.CommunityInput{StreetID: "nope", Name: "村", Kind: community.Village, Code: "X3"})
		wantCode(t, err, domain.NotFound)
	})
}

func TestSettings(t *testing.T) {
	w := newWorld(t)
	tz, th, win := "Asia/Urumqi", 25, 14
	c := must(w.svc.UpdateSettings(w.a.admin, w.a.c.ID, community.SettingsUpdate{TimeZone: &tz, SupportThreshold: &th, SupportWindowDays: &win}))
	if c.Settings != (community.Settings{TimeZone: tz, SupportThreshold: th, SupportWindowDays: win}) {
		t.Errorf("settings = %+v", c.Settings)
	}
	stored := must(w.svc.Community(context.Background(), w.a.c.ID))
	if stored.Settings != c.Settings {
		t.Errorf("stored settings = %+v, want %+v", stored.Settings, c.Settings)
	}
	bad, zero := "Mars/Olympus", 0
	_, err := w.svc.UpdateSettings(w.a.admin, w.a.c.ID, community.SettingsUpdate{TimeZone: &bad})
	wantCode(t, err, domain.Invalid)
	_, err = w.svc.UpdateSettings(w.a.admin, w.a.c.ID, community.SettingsUpdate{SupportThreshold: &zero})
	wantCode(t, err, domain.Invalid)
	_, err = w.svc.UpdateSettings(w.a.committee, w.a.c.ID, community.SettingsUpdate{SupportThreshold: &th})
	wantCode(t, err, domain.Forbidden)
	_, err = w.svc.UpdateSettings(w.b.admin, w.a.c.ID, community.SettingsUpdate{SupportThreshold: &th})
	wantCode(t, err, domain.Forbidden)
}

func TestJoin(t *testing.T) {
	w := newWorld(t)
	newcomer := w.user(t, "新居民")
	in := community.JoinInput{CommunityID: w.a.c.ID, GridID: w.a.grid1.ID, MicroGridID: w.a.micro1.ID, Message: "我住一组"}
	t.Run("ErrGridOfOtherCommunity", func(t *testing.T) {
		bad := in
		bad.GridID = w.b.grid1.ID
		_, err := w.svc.RequestToJoin(as(newcomer), bad)
		wantCode(t, err, domain.Invalid)
	})
	r := must(w.svc.RequestToJoin(as(newcomer), in))
	t.Run("ErrSecondPending", func(t *testing.T) {
		_, err := w.svc.RequestToJoin(as(newcomer), in)
		wantCode(t, err, domain.Conflict)
	})
	t.Run("ErrResidentCannotDecide", func(t *testing.T) {
		_, err := w.svc.ApproveJoinRequest(w.a.resident, r.ID)
		wantCode(t, err, domain.Forbidden)
	})
	t.Run("ErrOtherCommunityCannotSee", func(t *testing.T) {
		_, err := w.svc.ApproveJoinRequest(w.b.admin, r.ID)
		wantCode(t, err, domain.NotFound)
		_, err = w.svc.JoinRequest(w.b.committee, r.ID)
		wantCode(t, err, domain.NotFound)
	})
	t.Run("GridWorkerSeesOwnGrid", func(t *testing.T) {
		pending := community.JoinPending
		l := must(w.svc.JoinRequests(w.a.worker, w.a.c.ID, community.JoinFilter{State: &pending}, domain.Page{First: 10}))
		if l.TotalCount != 1 || l.Items[0].ID != r.ID {
			t.Errorf("grid worker sees %+v", l)
		}
	})
	// The grid worker of grid 1 and the committee race to decide: one wins.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, ctx := range []context.Context{w.a.worker, w.a.committee} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i == 0 {
				_, errs[i] = w.svc.ApproveJoinRequest(ctx, r.ID)
			} else {
				_, errs[i] = w.svc.RejectJoinRequest(ctx, r.ID, "信息不全")
			}
		}()
	}
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) {
		t.Fatalf("decisions: %v, %v; want exactly one to win", errs[0], errs[1])
	}
	if errs[0] == nil {
		m := must(w.svc.Member(as(newcomer), w.a.c.ID, newcomer))
		if !m.HasRole(domain.RoleResident) || m.GridID != w.a.grid1.ID || m.MicroGridID != w.a.micro1.ID {
			t.Errorf("member = %+v", m)
		}
		_, err := w.svc.RequestToJoin(as(newcomer), in)
		wantCode(t, err, domain.Conflict)
	} else {
		wantCode(t, errs[0], domain.Conflict)
		got := must(w.svc.JoinRequest(as(newcomer), r.ID))
		if got.State != community.JoinRejected || got.Reason != "信息不全" {
			t.Errorf("request = %+v", got)
		}
		// Rejected: a new request is allowed.
		must(w.svc.RequestToJoin(as(newcomer), in))
	}
	t.Run("ErrWorkerOfOtherGrid", func(t *testing.T) {
		other := w.user(t, "二网格居民")
		r2 := must(w.svc.RequestToJoin(as(other), community.JoinInput{CommunityID: w.a.c.ID, GridID: w.a.grid2.ID}))
		_, err := w.svc.ApproveJoinRequest(w.a.worker, r2.ID)
		wantCode(t, err, domain.Forbidden)
		_, err = w.svc.RejectJoinRequest(w.a.committee, r2.ID, "  ")
		wantCode(t, err, domain.Invalid)
	})
}

func TestMembersScoped(t *testing.T) {
	w := newWorld(t)
	page := domain.Page{First: 50}
	t.Run("StaffSeesDirectory", func(t *testing.T) {
		for _, ctx := range []context.Context{w.a.admin, w.a.committee, w.a.worker} {
			l := must(w.svc.Members(ctx, w.a.c.ID, community.MemberFilter{}, page))
			if l.TotalCount != 4 {
				t.Errorf("%d members, want 4", l.TotalCount)
			}
		}
	})
	t.Run("Filters", func(t *testing.T) {
		role := domain.RoleGridWorker
		l := must(w.svc.Members(w.a.committee, w.a.c.ID, community.MemberFilter{Role: &role}, page))
		if l.TotalCount != 1 || l.Items[0].UserID != w.a.workerID || len(l.Items[0].WorkerGrids) != 1 {
			t.Errorf("grid workers = %+v", l)
		}
		grid := w.a.grid2.ID
		l = must(w.svc.Members(w.a.committee, w.a.c.ID, community.MemberFilter{GridID: &grid}, page))
		if l.TotalCount != 1 || l.Items[0].UserID != w.a.resID {
			t.Errorf("grid 2 = %+v", l)
		}
	})
	t.Run("Paging", func(t *testing.T) {
		p1 := must(w.svc.Members(w.a.admin, w.a.c.ID, community.MemberFilter{}, domain.Page{First: 3}))
		if len(p1.Items) != 3 || !p1.HasNextPage {
			t.Fatalf("page 1 = %+v", p1)
		}
		p2 := must(w.svc.Members(w.a.admin, w.a.c.ID, community.MemberFilter{}, domain.Page{First: 3, After: p1.Items[2].ID()}))
		if len(p2.Items) != 1 || p2.HasNextPage || p2.Items[0].ID() == p1.Items[2].ID() {
			t.Errorf("page 2 = %+v", p2)
		}
		_, err := w.svc.Members(w.a.admin, w.a.c.ID, community.MemberFilter{}, domain.Page{First: 101})
		wantCode(t, err, domain.Invalid)
	})
	t.Run("ErrOtherCommunity", func(t *testing.T) {
		for _, ctx := range []context.Context{w.b.admin, w.b.committee, w.a.resident, w.outsider} {
			_, err := w.svc.Members(ctx, w.a.c.ID, community.MemberFilter{}, page)
			wantCode(t, err, domain.Forbidden)
			_, err = w.svc.Member(ctx, w.a.c.ID, w.a.committeeID)
			wantCode(t, err, domain.NotFound)
		}
		_, err := w.svc.Members(context.Background(), w.a.c.ID, community.MemberFilter{}, page)
		wantCode(t, err, domain.Unauthenticated)
	})
}

func TestRoles(t *testing.T) {
	w := newWorld(t)
	assign := func(ctx context.Context, user domain.ID, role domain.Role, grid domain.ID) error {
		_, err := w.svc.AssignRole(ctx, community.RoleInput{CommunityID: w.a.c.ID, UserID: user, Role: role, GridID: grid})
		return err
	}
	revoke := func(ctx context.Context, user domain.ID, role domain.Role, grid domain.ID) error {
		_, err := w.svc.RevokeRole(ctx, community.RoleInput{CommunityID: w.a.c.ID, UserID: user, Role: role, GridID: grid})
		return err
	}
	if err := assign(w.a.committee, w.a.resID, domain.RoleParty, ""); err != nil {
		t.Fatalf("committee assigns party: %v", err)
	}
	wantCode(t, assign(w.a.committee, w.a.resID, domain.RoleAdmin, ""), domain.Forbidden)
	wantCode(t, assign(w.a.resident, w.a.resID, domain.RoleCommittee, ""), domain.Forbidden)
	wantCode(t, assign(w.b.admin, w.a.resID, domain.RoleCommittee, ""), domain.Forbidden)
	wantCode(t, assign(w.a.admin, w.a.resID, "mayor", ""), domain.Invalid)
	wantCode(t, assign(w.a.admin, w.a.resID, domain.RoleGridWorker, ""), domain.Invalid)
	wantCode(t, assign(w.a.admin, w.a.resID, domain.RoleGridWorker, w.b.grid1.ID), domain.Invalid)
	wantCode(t, assign(w.a.admin, w.a.resID, domain.RoleParty, w.a.grid1.ID), domain.Invalid)
	wantCode(t, assign(w.a.admin, w.b.resID, domain.RoleParty, ""), domain.NotFound)
	if err := assign(w.a.admin, w.a.resID, domain.RoleAdmin, ""); err != nil {
		t.Fatal(err)
	}
	if err := revoke(w.a.admin, w.a.resID, domain.RoleAdmin, ""); err != nil {
		t.Fatal(err)
	}
	wantCode(t, revoke(w.a.admin, w.a.adminID, domain.RoleAdmin, ""), domain.Conflict)
	wantCode(t, revoke(w.a.admin, w.a.resID, domain.RoleResident, ""), domain.Invalid)
	wantCode(t, revoke(w.a.admin, w.a.resID, domain.RoleCommittee, ""), domain.NotFound)
	m := must(w.svc.Member(w.a.admin, w.a.c.ID, w.a.resID))
	if !m.HasRole(domain.RoleParty) || m.HasRole(domain.RoleAdmin) {
		t.Errorf("roles = %v, want resident and party", m.Roles)
	}
}

func TestRegisterAssistedResident(t *testing.T) {
	w := newWorld(t)
	in := community.AssistedResidentInput{CommunityID: w.a.c.ID, MicroGridID: w.a.micro1.ID, Name: "沈阿婆", Phone: "13912345678"}
	m := must(w.svc.RegisterAssistedResident(w.a.worker, in))
	if !m.Assisted || !m.HasRole(domain.RoleResident) || m.GridID != w.a.grid1.ID {
		t.Errorf("member = %+v", m)
	}
	u := must(w.accounts.User(context.Background(), m.UserID))
	if !u.Assisted || u.RegisteredBy != w.a.workerID {
		t.Errorf("user = %+v", u)
	}
	for name, ctx := range map[string]context.Context{"resident": w.a.resident, "otherCommunity": w.b.worker, "outsider": w.outsider} {
		_, err := w.svc.RegisterAssistedResident(ctx, in)
		wantCode(t, err, domain.Forbidden)
		_ = name
	}
	bad := in
	bad.MicroGridID = w.b.micro1.ID
	_, err := w.svc.RegisterAssistedResident(w.a.worker, bad)
	wantCode(t, err, domain.Invalid)
	bad = in
	bad.Name = ""
	_, err = w.svc.RegisterAssistedResident(w.a.worker, bad)
	wantCode(t, err, domain.Invalid)
}

// TestAdminsRevokingEachOther: two admins revoking each other at the same
// moment, 20 times over: at least one admin is always left, and the one
// refused hears why.
func TestAdminsRevokingEachOther(t *testing.T) {
	w := newWorld(t)
	second := w.a.resID
	for round := range 20 {
		if _, err := w.svc.AssignRole(w.a.admin, community.RoleInput{CommunityID: w.a.c.ID, UserID: second, Role: domain.RoleAdmin}); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, pair := range [][2]domain.ID{{w.a.adminID, second}, {second, w.a.adminID}} {
			wg.Go(func() {
				_, errs[i] = w.svc.RevokeRole(as(pair[0]), community.RoleInput{CommunityID: w.a.c.ID, UserID: pair[1], Role: domain.RoleAdmin})
			})
		}
		wg.Wait()
		admins := must(w.svc.MemberIDs(context.Background(), w.a.c.ID, domain.RoleAdmin))
		if len(admins) == 0 {
			t.Fatalf("round %d: no admin left (errors %v)", round, errs)
		}
		for _, err := range errs {
			if err != nil && domain.ErrorCode(err) != domain.Conflict && domain.ErrorCode(err) != domain.Forbidden {
				t.Errorf("round %d: %v, want success, Conflict or Forbidden", round, err)
			}
		}
		if len(admins) == 2 { // both refused: take the second's back for the next round
			must(w.svc.RevokeRole(w.a.admin, community.RoleInput{CommunityID: w.a.c.ID, UserID: second, Role: domain.RoleAdmin}))
		}
		if admins := must(w.svc.MemberIDs(context.Background(), w.a.c.ID, domain.RoleAdmin)); len(admins) == 1 && admins[0] == second {
			w.a.adminID, second = second, w.a.adminID // the survivor leads the next round
			w.a.admin = as(w.a.adminID)
		}
	}
}

// TestRepairRoles: a member document whose cached roles drifted from the
// grants (a stop between the two writes) is rebuilt by the repair, once.
func TestRepairRoles(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	id := string(community.MemberID(w.a.c.ID, w.a.committeeID))
	if _, err := w.db.Collection("members").UpdateByID(ctx, id, bson.M{"$set": bson.M{"roles": bson.A{"resident"}, "worker_grids": bson.A{"nope"}}}); err != nil {
		t.Fatal(err)
	}
	if n := must(w.svc.RepairRoles(ctx)); n != 1 {
		t.Errorf("repaired %d members, want 1", n)
	}
	if n := must(w.svc.RepairRoles(ctx)); n != 0 {
		t.Errorf("a second repair fixed %d, want none", n)
	}
	m := must(w.svc.Member(w.a.admin, w.a.c.ID, w.a.committeeID))
	if !m.HasRole(domain.RoleCommittee) || len(m.WorkerGrids) != 0 {
		t.Errorf("member after the repair = %+v, want the committee role back and no grids", m)
	}
}

// TestJoinDecisionAfterCrash: a stop between a decision's claim and its
// write leaves the request pending and every other decider refused; Repair
// finishes it, from the claim: an approval makes the requester a resident,
// a rejection keeps its reason and lets them ask again.
func TestJoinDecisionAfterCrash(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	claimed := time.Now().Add(-2 * time.Minute).UTC()
	tests := []struct {
		name, state, reason string
	}{
		{"Approved", "approved", ""},
		{"Rejected", "rejected", "不是本村居民"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := w.user(t, "新居民")
			r := must(w.svc.RequestToJoin(as(id), community.JoinInput{CommunityID: w.a.c.ID, GridID: w.a.grid1.ID}))
			claim := bson.M{"_id": string(r.ID), "state": tt.state, "decided_by": string(w.a.adminID), "decided_at": claimed}
			if tt.reason != "" {
				claim["reason"] = tt.reason
			}
			if _, err := w.db.Collection("join_decisions").InsertOne(ctx, claim); err != nil {
				t.Fatal(err)
			}
			_, err := w.svc.ApproveJoinRequest(w.a.admin, r.ID)
			wantCode(t, err, domain.Conflict)

			if n := must(w.svc.Repair(ctx, time.Now())); n != 1 {
				t.Errorf("Repair finished %d decisions, want 1", n)
			}
			if n := must(w.svc.Repair(ctx, time.Now())); n != 0 {
				t.Errorf("a second Repair finished %d, want none", n)
			}
			mine := must(w.svc.MyJoinRequests(as(id)))
			if len(mine) != 1 || string(mine[0].State) != tt.state || mine[0].Reason != tt.reason || mine[0].DecidedBy != w.a.adminID {
				t.Fatalf("request after Repair = %+v, want %s by the admin, reason %q", mine, tt.state, tt.reason)
			}
			m, err := w.svc.Member(w.a.admin, w.a.c.ID, id)
			if tt.state == "approved" {
				if err != nil || !m.HasRole(domain.RoleResident) {
					t.Errorf("member after an approval = %+v, %v; want a resident", m, err)
				}
			} else {
				wantCode(t, err, domain.NotFound)
				if _, err := w.svc.RequestToJoin(as(id), community.JoinInput{CommunityID: w.a.c.ID, GridID: w.a.grid1.ID}); err != nil {
					t.Errorf("asking again after the rejection: %v", err)
				}
			}
		})
	}
}
