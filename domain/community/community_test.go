package community_test

import (
	"context"
	"fmt"
	"net/url"
	"sync"
	"sync/atomic"
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

// mailbox keeps what the accounts area queues, so a test can open a link.
type mailbox struct {
	mu    sync.Mutex
	items []notify.Item
}

func (m *mailbox) Enqueue(_ context.Context, it notify.Item) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items = append(m.items, it)
	return nil
}

// verify verifies a user's email with the link of the last verification
// mail, as they would.
func (w *world) verify(tb testing.TB, user domain.ID) {
	tb.Helper()
	w.mail.mu.Lock()
	var link string
	for _, it := range w.mail.items {
		if it.RecipientID == user && it.Kind == notify.KindEmailVerification {
			link = it.Data["link"]
		}
	}
	w.mail.mu.Unlock()
	u, err := url.Parse(link)
	if err != nil || link == "" {
		tb.Fatalf("no verification link for %s", user)
	}
	if err := w.accounts.VerifyEmail(context.Background(), u.Query().Get("token")); err != nil {
		tb.Fatal(err)
	}
}

// operatorEmail is the world's one platform operator.
const operatorEmail = "ops@example.com"

// world is a street with two villages, A and B, each with an admin, a
// committee member, a grid worker of grid 1, a resident, and two grids.
type world struct {
	db       *db.DB
	mail     *mailbox
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
	l := must(w.accounts.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{
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
	w := &world{db: d, mail: &mailbox{}}
	w.accounts = account.NewService(d.Database, account.Config{Notifier: w.mail})
	w.svc = community.NewService(d.Database, w.accounts, community.Config{Operators: []string{" OPS@example.com "}})
	founder := w.user(tb, "街道干部")
	street := must(w.svc.CreateStreet(domain.NewSystemContext(as(founder)), community.StreetInput{Name: "径山镇", Code: "330110109"}))
	w.a = w.village(tb, street, "小古城村", "330110109201")
	w.b = w.village(tb, street, "前溪村", "330110109202")
	w.outsider = as(w.user(tb, "外人"))
	return w
}

func (w *world) village(tb testing.TB, street community.Street, name, code string) village {
	tb.Helper()
	v := village{adminID: w.user(tb, name+"管理员")}
	v.admin = as(v.adminID)
	v.c = must(w.svc.CreateCommunity(domain.NewSystemContext(v.admin), community.CommunityInput{StreetID: street.ID, Name: name, Kind: community.Village, Code: code, AdminID: v.adminID}))
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
		t.Errorf("first admin's roles = %v, want admin and resident", m.Roles)
	}
	if got := w.a.c.Settings; got != community.DefaultSettings() || got.TimeZone != "Asia/Shanghai" {
		t.Errorf("settings = %+v", got)
	}
	ops := must(w.accounts.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: operatorEmail, Password: "password1", Name: "运营"})).User.ID
	street := w.a.c.StreetID
	in := community.CommunityInput{StreetID: street, Name: "新村", Kind: community.Village, Code: "330110109208"}
	t.Run("ErrNotOperator", func(t *testing.T) {
		// Not yet verified: an address alone makes no operator.
		for name, ctx := range map[string]context.Context{"unverified": as(ops), "admin": w.a.admin, "committee": w.a.committee} {
			_, err := w.svc.CreateCommunity(ctx, in)
			if domain.ErrorCode(err) != domain.Forbidden {
				t.Errorf("%s: code %q, want forbidden", name, domain.ErrorCode(err))
			}
			_, err = w.svc.CreateStreet(ctx, community.StreetInput{Name: "良渚街道", Code: "330110005"})
			if domain.ErrorCode(err) != domain.Forbidden {
				t.Errorf("%s creating a street: code %q, want forbidden", name, domain.ErrorCode(err))
			}
		}
		_, err := w.svc.CreateCommunity(context.Background(), in)
		wantCode(t, err, domain.Unauthenticated)
	})
	w.verify(t, ops)
	op := as(ops)
	t.Run("OperatorOK", func(t *testing.T) {
		if ok := must(w.svc.IsOperator(op)); !ok {
			t.Fatal("the verified operator is not one")
		}
		c := must(w.svc.CreateCommunity(op, in))
		if m := must(w.svc.Member(op, c.ID, ops)); !m.HasRole(domain.RoleAdmin) {
			t.Errorf("the operator is not the new community's first admin: %v", m.Roles)
		}
		must(w.svc.CreateStreet(op, community.StreetInput{Name: "良渚街道", Code: "330110005"}))
	})
	t.Run("ErrCodeTaken", func(t *testing.T) {
		_, err := w.svc.CreateCommunity(op, community.CommunityInput{StreetID: street, Name: "重复", Kind: community.Village, Code: w.a.c.Code})
		wantCode(t, err, domain.Conflict)
	})
	t.Run("ErrBadInput", func(t *testing.T) {
		for _, in := range []community.CommunityInput{
			{StreetID: street, Name: " ", Kind: community.Village, Code: "330110109211"},
			{StreetID: street, Name: "村", Kind: "city", Code: "330110109212"},
			{StreetID: street, Name: "村", Kind: community.Village, Code: `{"$gt":""}`},
			{StreetID: street, Name: "村", Kind: community.Village, Code: "A1"},
			{StreetID: street, Name: "村", Kind: community.Village, Code: "33011010921"},  // 11 digits
			{StreetID: street, Name: "村", Kind: community.Village, Code: "990110109213"}, // no such province
			{StreetID: street, Name: "村", Kind: community.Village, Code: "330110108213"}, // another street's
			{StreetID: street, Name: "村", Kind: community.Village, Code: "３30110109213"}, // a full-width digit
		} {
			_, err := w.svc.CreateCommunity(op, in)
			if e, ok := domain.AsError(err); !ok || e.Code != domain.Invalid {
				t.Errorf("%+v: %v, want Invalid", in, err)
			}
		}
		_, err := w.svc.CreateCommunity(op, community.CommunityInput{StreetID: "nope", Name: "村", Kind: community.Village, Code: "330110109214"})
		wantCode(t, err, domain.NotFound)
		_, err = w.svc.CreateStreet(op, community.StreetInput{Name: "街道", Code: "3301101"})
		wantCode(t, err, domain.Invalid)
	})
}

// TestCommunityRequest: anyone may ask to open a community, one request per
// code waits at a time, and only an operator approves (the requester
// becomes its first admin) or rejects it with a reason.
func TestCommunityRequest(t *testing.T) {
	w := newWorld(t)
	ops := must(w.accounts.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: operatorEmail, Password: "password1", Name: "运营"})).User.ID
	w.verify(t, ops)
	op := as(ops)
	asker := w.user(t, "村书记")
	in := community.CommunityRequestInput{StreetID: w.a.c.StreetID, Name: "后山村", Kind: community.Village, Code: "330110109215", Note: "径山镇后山村党支部书记，电话见村委会公示栏"}
	r := must(w.svc.RequestCommunity(as(asker), in))
	if r.State != community.RequestPending || r.RequestedBy != asker {
		t.Fatalf("request = %+v", r)
	}
	_, err := w.svc.RequestCommunity(w.outsider, in)
	wantCode(t, err, domain.Conflict) // one waiting request per code
	bad := in
	bad.Code = w.a.c.Code
	_, err = w.svc.RequestCommunity(w.outsider, bad)
	wantCode(t, err, domain.Conflict) // already open
	bad = in
	bad.Note = ""
	_, err = w.svc.RequestCommunity(w.outsider, bad)
	wantCode(t, err, domain.Invalid)

	_, err = w.svc.CommunityRequests(w.a.admin, nil, domain.Page{First: 10})
	wantCode(t, err, domain.Forbidden)
	_, err = w.svc.ApproveCommunityRequest(w.a.admin, r.ID)
	wantCode(t, err, domain.Forbidden)
	pending := community.RequestPending
	if l := must(w.svc.CommunityRequests(op, &pending, domain.Page{First: 10})); l.TotalCount != 1 {
		t.Errorf("%d pending requests, want 1", l.TotalCount)
	}
	var wg sync.WaitGroup
	var ok atomic.Int32
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := w.svc.ApproveCommunityRequest(op, r.ID); err == nil {
				ok.Add(1)
			} else if domain.ErrorCode(err) != domain.Conflict {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if ok.Load() != 1 {
		t.Errorf("%d approvals succeeded, want 1", ok.Load())
	}
	mine := must(w.svc.MyCommunityRequests(as(asker)))
	if len(mine) != 1 || mine[0].State != community.RequestApproved || mine[0].CommunityID == "" {
		t.Fatalf("my requests = %+v", mine)
	}
	if m := must(w.svc.Member(as(asker), mine[0].CommunityID, asker)); !m.HasRole(domain.RoleAdmin) {
		t.Errorf("the requester's roles = %v, want admin", m.Roles)
	}

	in.Code, in.Name = "330110109216", "前山村"
	r2 := must(w.svc.RequestCommunity(w.outsider, in))
	_, err = w.svc.RejectCommunityRequest(op, r2.ID, "")
	wantCode(t, err, domain.Invalid)
	rejected := must(w.svc.RejectCommunityRequest(op, r2.ID, "请由镇政府统一申请"))
	if rejected.State != community.RequestRejected || rejected.Reason != "请由镇政府统一申请" {
		t.Errorf("rejected = %+v", rejected)
	}
	must(w.svc.RequestCommunity(w.outsider, in)) // the code may be asked for again

	// One person has at most 3 requests waiting.
	spammer := as(w.user(t, "刷单"))
	var waiting []community.CommunityRequest
	for i := range 3 {
		in.Code = fmt.Sprintf("33011010922%d", i)
		waiting = append(waiting, must(w.svc.RequestCommunity(spammer, in)))
	}
	in.Code = "330110109229"
	_, err = w.svc.RequestCommunity(spammer, in)
	wantCode(t, err, domain.Conflict)
	must(w.svc.RejectCommunityRequest(op, waiting[0].ID, "重复申请"))
	must(w.svc.RequestCommunity(spammer, in)) // a slot came free
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
	// Who may grant what: a committee member cannot seize a role.
	owners, firm, secretary := w.join(t, w.a, w.a.grid1.ID), w.join(t, w.a, w.a.grid1.ID), w.join(t, w.a, w.a.grid2.ID)
	for _, g := range []struct {
		user domain.ID
		role domain.Role
	}{{owners, domain.RoleOwnersLead}, {firm, domain.RolePropertyLead}, {secretary, domain.RoleParty}} {
		if err := assign(w.a.admin, g.user, g.role, ""); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		actor context.Context
		role  domain.Role
		grid  domain.ID
		want  domain.Code
	}{
		{"CommitteeGridWorker", w.a.committee, domain.RoleGridWorker, w.a.grid2.ID, ""},
		{"CommitteeSelfParty", w.a.committee, domain.RoleParty, "", domain.Forbidden},
		{"CommitteeCommittee", w.a.committee, domain.RoleCommittee, "", domain.Forbidden},
		{"CommitteeOwners", w.a.committee, domain.RoleOwnersCommittee, "", domain.Forbidden},
		{"CommitteeProperty", w.a.committee, domain.RolePropertyFirm, "", domain.Forbidden},
		{"CommitteeSupervisor", w.a.committee, domain.RoleSupervisor, "", domain.Forbidden},
		{"CommitteeAdmin", w.a.committee, domain.RoleAdmin, "", domain.Forbidden},
		{"PartyPartyMember", as(secretary), domain.RolePartyMember, "", ""},
		{"PartyCommittee", as(secretary), domain.RoleCommittee, "", domain.Forbidden},
		{"OwnersLeadDelegate", as(owners), domain.RoleOwnersCommittee, "", ""},
		{"OwnersLeadProperty", as(owners), domain.RolePropertyFirm, "", domain.Forbidden},
		{"PropertyLeadDelegate", as(firm), domain.RolePropertyFirm, "", ""},
		{"PropertyLeadOwners", as(firm), domain.RoleOwnersCommittee, "", domain.Forbidden},
		{"ResidentCommittee", w.a.resident, domain.RoleCommittee, "", domain.Forbidden},
		{"OtherVillageAdmin", w.b.admin, domain.RoleCommittee, "", domain.Forbidden},
		{"AdminSupervisor", w.a.admin, domain.RoleSupervisor, "", ""},
		{"AdminCommittee", w.a.admin, domain.RoleCommittee, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := domain.ErrorCode(assign(tt.actor, w.a.resID, tt.role, tt.grid)); got != tt.want {
				t.Errorf("grant: code %q, want %q", got, tt.want)
			}
			if tt.want == "" {
				if got := domain.ErrorCode(revoke(tt.actor, w.a.resID, tt.role, tt.grid)); got != "" {
					t.Errorf("revoke: code %q", got)
				}
			}
		})
	}
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
	// A lead finds the members to name as delegates.
	if _, err := w.svc.Member(as(owners), w.a.c.ID, w.a.resID); err != nil {
		t.Errorf("the owners' lead reads a member: %v", err)
	}
	if got := must(w.svc.GrantableRoles(w.a.committee, w.a.c.ID)); len(got) != 2 || got[0] != domain.RoleGridWorker || got[1] != domain.RoleMediator {
		t.Errorf("the committee may grant %v, want grid_worker and mediator", got)
	}

	// The history shows every grant and revocation, with who made it.
	h := must(w.svc.RoleHistory(w.a.resident, w.a.c.ID))
	var adminGrant, adminRevoke bool
	for _, c := range h {
		if c.UserID == w.a.resID && c.Role == domain.RoleAdmin && c.By == w.a.adminID {
			adminGrant, adminRevoke = adminGrant || !c.Revoked, adminRevoke || c.Revoked
		}
		if c.Role == domain.RoleResident {
			t.Errorf("the history shows a resident role: %+v", c)
		}
	}
	if !adminGrant || !adminRevoke {
		t.Errorf("history lacks the admin role's grant (%t) or revocation (%t): %+v", adminGrant, adminRevoke, h)
	}
	_, err := w.svc.RoleHistory(w.outsider, w.a.c.ID)
	wantCode(t, err, domain.Forbidden)
}

// TestRevocationAfterCrash: a stop between recording a revocation and
// removing the grant leaves the role held; Repair removes it.
func TestRevocationAfterCrash(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	in := community.RoleInput{CommunityID: w.a.c.ID, UserID: w.a.resID, Role: domain.RoleSupervisor}
	must(w.svc.AssignRole(w.a.admin, in))
	must(w.svc.RevokeRole(w.a.admin, in))
	// Put the grant back, as the stop left it, with its original date.
	h := must(w.svc.RoleHistory(w.a.admin, w.a.c.ID))
	var granted time.Time
	for _, c := range h {
		if c.Role == domain.RoleSupervisor && !c.Revoked {
			granted = c.At
		}
	}
	id := string(w.a.c.ID) + "/" + string(w.a.resID) + "/supervisor"
	doc := bson.M{"_id": id, "community_id": string(w.a.c.ID), "user_id": string(w.a.resID), "role": "supervisor", "grid_id": "", "granted_by": string(w.a.adminID), "granted_at": granted}
	if _, err := w.db.Collection("member_roles").InsertOne(ctx, doc); err != nil {
		t.Fatal(err)
	}
	if n := must(w.svc.Repair(ctx, time.Now())); n < 1 {
		t.Errorf("Repair fixed %d, want the revocation finished", n)
	}
	if m := must(w.svc.Member(w.a.admin, w.a.c.ID, w.a.resID)); m.HasRole(domain.RoleSupervisor) {
		t.Errorf("roles after Repair = %v, want no supervisor", m.Roles)
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
