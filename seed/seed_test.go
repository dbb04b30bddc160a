package seed_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/volunteer"
	"github.com/yishi-app/yishi/seed"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// outbox records queued mail instead of sending it.
type outbox struct {
	mu   sync.Mutex
	sent []notify.Item
}

func (o *outbox) Enqueue(_ context.Context, it notify.Item) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sent = append(o.sent, it)
	return nil
}

func (o *outbox) count() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.sent)
}

// urbanStaff is a committee member (and the admin) of the urban community;
// the demo logins of that community are not staff, so cannot list members.
const urbanStaff = "lin.huimin@qingchunfang.example"

// lean leaves out the volunteer and patrol areas, for tests of the rest
// of the demo data: their seeding is the slowest part, tested on its own.
func lean(s seed.Services, o *outbox) (seed.Services, *outbox) {
	s.Volunteers, s.Patrols = nil, nil
	return s, o
}

func newServices(tb testing.TB) (seed.Services, *outbox) {
	tb.Helper()
	ctx := context.Background()
	d := dbtest.New(tb)
	if err := db.EnsureIndexes(ctx, d.Database, account.Indexes(), community.Indexes(), deliberation.Indexes(), disclosure.Indexes(), ledger.Indexes(),
		volunteer.Indexes(), patrol.Indexes()); err != nil {
		tb.Fatal(err)
	}
	mail := &outbox{}
	accounts := account.NewService(d.Database, account.Config{Notifier: mail})
	comms := community.NewService(d.Database, accounts, community.Config{})
	volunteers := volunteer.NewService(d.Database, comms, accounts, volunteer.Config{Notifier: mail, Record: ledger.NewService(d.Database, ledger.Config{})})
	patrols := patrol.NewService(d.Database, comms, patrol.Config{Notifier: mail, Accounts: accounts})
	return seed.Services{
		Accounts:     accounts,
		Communities:  comms,
		Volunteers:   volunteers,
		Patrols:      patrols,
		Deliberation: deliberation.NewService(d.Database, comms, accounts, deliberation.Config{Notifier: mail, Volunteers: volunteers, Patrols: patrols}),
		Disclosures:  disclosure.NewService(d.Database, comms, disclosure.Config{Notifier: mail, Record: ledger.NewService(d.Database, ledger.Config{})}),
	}, mail
}

func (o *outbox) Cancel(context.Context, string) error { return nil }

func (o *outbox) Reschedule(context.Context, string, time.Duration) error { return nil }

// TestTopics: the village has topics in every state a fresh one can be in,
// and 村口停车难 was accepted for the villagers' council with its supports.
func TestTopics(t *testing.T) {
	s, _ := lean(newServices(t))
	if _, err := seed.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	ctx, _ := login(t, s, "yu.jianguo@xiaogucheng.example")
	v := communityNamed(t, s, "小古城村")
	l, err := s.Deliberation.Topics(ctx, v.ID, deliberation.TopicFilter{}, domain.Page{First: 50})
	if err != nil {
		t.Fatal(err)
	}
	states := map[deliberation.State]int{}
	var parking deliberation.Topic
	for _, tp := range l.Items {
		states[tp.State]++
		if tp.Title == "村口停车难" {
			parking = tp
		}
	}
	for _, st := range []deliberation.State{deliberation.Collecting, deliberation.Screening, deliberation.Accepted, deliberation.Merged, deliberation.Referred, deliberation.Rejected} {
		if states[st] == 0 {
			t.Errorf("no topic %s: %v", st, states)
		}
	}
	if parking.State != deliberation.Accepted || parking.DecidedBody != deliberation.VillagersCouncil {
		t.Errorf("村口停车难 = %+v", parking)
	}
	if n, _ := s.Deliberation.SupportCounts(ctx, []domain.ID{parking.ID}); n[parking.ID] != 10 {
		t.Errorf("村口停车难 has %d supports, want 10", n[parking.ID])
	}

	// The story: a drawn panel, a passed motion, a resolution in its notice
	// period (it cannot close before), rated, an objection answered.
	motions, err := s.Deliberation.Motions(ctx, parking.ID)
	if err != nil || len(motions) != 1 || !motions[0].Closed {
		t.Fatalf("motions = %+v, %v", motions, err)
	}
	if r, _ := s.Deliberation.Result(ctx, motions[0].ID); !r.Passed {
		t.Errorf("the parking motion did not pass: %+v", r)
	}
	res, err := s.Deliberation.Resolution(ctx, motions[0].ID)
	if err != nil || !res.ClosedAt.IsZero() || res.Stage(time.Now()) != deliberation.StageNotice || res.Unanswered != 0 {
		t.Fatalf("resolution = %+v, %v; want in its notice period, every objection answered", res, err)
	}
	if objs, _ := s.Deliberation.Objections(ctx, res.ID); len(objs) != 1 || objs[0].Answer == "" {
		t.Errorf("objections = %+v, want one, answered", objs)
	}
	items, _ := s.Deliberation.ActionItems(ctx, res.ID)
	if len(items) != 2 || deliberation.Progress(items) != 100 {
		t.Errorf("action items = %+v", items)
	}
	if sat, _ := s.Deliberation.Satisfaction(ctx, res.ID); sat.Count == 0 {
		t.Errorf("no ratings")
	}
	seats, _ := s.Deliberation.Seats(ctx, parking.ID)
	drawn := 0
	for _, st := range seats {
		if st.Drawn {
			drawn++
			if ok, err := s.Deliberation.VerifyDraw(ctx, st.DrawID); err != nil || !ok {
				t.Errorf("draw %s does not verify: %v", st.DrawID, err)
			}
		}
	}
	if drawn != 4 {
		t.Errorf("%d drawn seats, want 4", drawn)
	}

	// 青春坊社区: the property firm voted no, so the three-party motion failed.
	uctx, _ := login(t, s, urbanStaff)
	u := communityNamed(t, s, "青春坊社区")
	ul, err := s.Deliberation.Topics(uctx, u.ID, deliberation.TopicFilter{}, domain.Page{First: 10})
	if err != nil || ul.TotalCount != 1 {
		t.Fatalf("urban topics = %+v, %v", ul, err)
	}
	um, _ := s.Deliberation.Motions(uctx, ul.Items[0].ID)
	if len(um) != 1 {
		t.Fatalf("urban motions = %+v", um)
	}
	if r, _ := s.Deliberation.Result(uctx, um[0].ID); r.Passed || r.Parties[deliberation.PropertyParty][1] != 1 {
		t.Errorf("three-party result = %+v, want failed on the property firm's no", r)
	}
}

// login logs into a demo account and returns a context acting as it.
func login(tb testing.TB, s seed.Services, email string) (context.Context, account.User) {
	tb.Helper()
	l, err := s.Accounts.Login(context.Background(), account.LoginInput{Email: email, Password: seed.DemoPassword})
	if err != nil {
		tb.Fatalf("login %s: %v", email, err)
	}
	return domain.NewContextWithActor(context.Background(), domain.Actor{UserID: l.User.ID, SessionID: l.Session.ID}), l.User
}

// communityNamed finds a community by name.
func communityNamed(tb testing.TB, s seed.Services, name string) community.Community {
	tb.Helper()
	cs, err := s.Communities.Communities(context.Background(), community.CommunityFilter{}, domain.Page{First: domain.MaxPageSize})
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range cs.Items {
		if c.Name == name {
			return c
		}
	}
	tb.Fatalf("no community named %s", name)
	return community.Community{}
}

// members lists up to 100 members of a community as the actor in ctx.
func members(tb testing.TB, s seed.Services, ctx context.Context, c community.Community, f community.MemberFilter) domain.List[community.Member] {
	tb.Helper()
	got, err := s.Communities.Members(ctx, c.ID, f, domain.Page{First: domain.MaxPageSize})
	if err != nil {
		tb.Fatalf("members of %s: %v", c.Name, err)
	}
	return got
}

func loginFor(tb testing.TB, logins []seed.Login, r domain.Role) seed.Login {
	tb.Helper()
	for _, l := range logins {
		if l.Role == r {
			return l
		}
	}
	tb.Fatalf("no demo login for role %s", r)
	return seed.Login{}
}

func TestLoad(t *testing.T) {
	s, mail := newServices(t)
	ctx := context.Background()

	first, err := seed.Load(ctx, s)
	if err != nil {
		t.Fatalf("first Load: %v", err)
	}
	if !first.Created {
		t.Fatal("first Load: Created = false, want true")
	}
	adminLogin := loginFor(t, first.Logins, domain.RoleAdmin)
	village := communityNamed(t, s, adminLogin.Community)
	adminCtx, _ := login(t, s, adminLogin.Email)
	membersBefore := members(t, s, adminCtx, village, community.MemberFilter{}).TotalCount
	mailBefore := mail.count()

	second, err := seed.Load(ctx, s)
	if err != nil {
		t.Fatalf("second Load: %v", err)
	}

	t.Run("Idempotent", func(t *testing.T) {
		if second.Created {
			t.Error("second Load: Created = true, want false")
		}
		if got, want := len(second.Logins), len(first.Logins); got != want {
			t.Fatalf("second Load: %d logins, want %d", got, want)
		}
		for i := range first.Logins {
			if got, want := second.Logins[i], first.Logins[i]; got != want {
				t.Errorf("second Load: login %d = %+v, want %+v", i, got, want)
			}
		}
		if got := members(t, s, adminCtx, village, community.MemberFilter{}).TotalCount; got != membersBefore {
			t.Errorf("village members after second Load = %d, want %d", got, membersBefore)
		}
		if got := mail.count(); got != mailBefore {
			t.Errorf("second Load sent %d mails, want none", got-mailBefore)
		}
	})

	t.Run("Village", func(t *testing.T) {
		if village.Kind != community.Village {
			t.Errorf("kind = %s, want %s", village.Kind, community.Village)
		}
		if got, want := village.Settings, (community.Settings{TimeZone: "Asia/Shanghai", SupportThreshold: 10, SupportWindowDays: 30}); got != want {
			t.Errorf("settings = %+v, want %+v", got, want)
		}
		grids, err := s.Communities.Grids(ctx, village.ID, domain.Page{First: domain.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if got := grids.TotalCount; got < 5 || got > 8 {
			t.Errorf("%d grids, want about 6", got)
		}
		for _, g := range grids.Items {
			micros, err := s.Communities.MicroGrids(ctx, g.ID, domain.Page{First: domain.MaxPageSize})
			if err != nil {
				t.Fatal(err)
			}
			if got := micros.TotalCount; got < 2 || got > 4 {
				t.Errorf("grid %s has %d micro-grids, want 2–4", g.Name, got)
			}
		}
		if membersBefore < 40 {
			t.Errorf("%d members, want at least 40", membersBefore)
		}
		all := members(t, s, adminCtx, village, community.MemberFilter{})
		var assisted int
		for _, m := range all.Items {
			if m.Assisted {
				assisted++
				if m.GridID == "" || m.MicroGridID == "" {
					t.Errorf("assisted member %s has no grid or micro-grid", m.UserID)
				}
			}
		}
		if assisted < 4 {
			t.Errorf("%d assisted residents, want at least 4", assisted)
		}
	})

	t.Run("Roles", func(t *testing.T) {
		tests := []struct {
			name    string
			c       community.Community
			actor   string
			role    domain.Role
			atLeast int
		}{
			{"VillageParty", village, adminLogin.Email, domain.RoleParty, 1},
			{"VillageCommittee", village, adminLogin.Email, domain.RoleCommittee, 3},
			{"VillageGridWorker", village, adminLogin.Email, domain.RoleGridWorker, 2},
			{"UrbanOwnersCommittee", communityNamed(t, s, loginFor(t, first.Logins, domain.RoleOwnersCommittee).Community), urbanStaff, domain.RoleOwnersCommittee, 1},
			{"UrbanPropertyFirm", communityNamed(t, s, loginFor(t, first.Logins, domain.RolePropertyFirm).Community), urbanStaff, domain.RolePropertyFirm, 1},
			{"UrbanGridWorker", communityNamed(t, s, loginFor(t, first.Logins, domain.RolePropertyFirm).Community), urbanStaff, domain.RoleGridWorker, 1},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				actx, _ := login(t, s, tt.actor)
				role := tt.role
				got := members(t, s, actx, tt.c, community.MemberFilter{Role: &role})
				if got.TotalCount < tt.atLeast {
					t.Errorf("%d %s members, want at least %d", got.TotalCount, tt.role, tt.atLeast)
				}
			})
		}
	})

	t.Run("Logins", func(t *testing.T) {
		seen := map[domain.Role]bool{}
		for _, l := range first.Logins {
			seen[l.Role] = true
		}
		for _, r := range domain.Roles {
			if !seen[r] {
				t.Errorf("no demo login for role %s", r)
			}
		}
		for _, l := range first.Logins {
			t.Run(string(l.Role), func(t *testing.T) {
				if !strings.HasSuffix(l.Email, ".example") {
					t.Errorf("email %s is not under the reserved .example TLD", l.Email)
				}
				actx, u := login(t, s, l.Email)
				if u.Name != l.Name {
					t.Errorf("name = %s, want %s", u.Name, l.Name)
				}
				wantVillage := !slices.Contains([]domain.Role{domain.RoleOwnersCommittee, domain.RoleOwnersLead, domain.RolePropertyFirm, domain.RolePropertyLead}, l.Role)
				if got := l.Community == village.Name; got != wantVillage {
					t.Errorf("community = %s, want the village: %t", l.Community, wantVillage)
				}
				c := communityNamed(t, s, l.Community)
				m, err := s.Communities.Member(actx, c.ID, u.ID)
				if err != nil {
					t.Fatalf("membership of %s in %s: %v", l.Email, l.Community, err)
				}
				if !m.HasRole(l.Role) {
					t.Errorf("%s holds %v in %s, want %s", l.Email, m.Roles, l.Community, l.Role)
				}
			})
		}
	})

	// The volunteer and patrol areas, on the same data: loading it is the
	// slowest part of these tests.
	t.Run("Volunteers", func(t *testing.T) { checkVolunteers(t, s) })
	t.Run("Patrols", func(t *testing.T) { checkPatrols(t, s) })
}

// TestLoadResumes runs Load over what a run that stopped half-way leaves:
// some demo accounts, and the urban community's street and community
// without grids or members.
func TestLoadResumes(t *testing.T) {
	s, _ := lean(newServices(t))
	ctx := context.Background()
	var staff account.User
	for _, in := range []account.RegisterInput{
		{Email: urbanStaff, Password: seed.DemoPassword, Name: "林慧敏"},
		{Email: "yu.jianguo@xiaogucheng.example", Password: seed.DemoPassword, Name: "俞建国"},
	} {
		l, err := s.Accounts.Register(domain.NewSystemContext(ctx), in)
		if err != nil {
			t.Fatal(err)
		}
		if in.Email == urbanStaff {
			staff = l.User
		}
	}
	sctx := domain.NewContextWithActor(ctx, domain.Actor{UserID: staff.ID})
	st, err := s.Communities.CreateStreet(domain.NewSystemContext(sctx), community.StreetInput{Name: "武林街道", Code: "330105005"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Communities.CreateCommunity(domain.NewSystemContext(sctx), community.CommunityInput{StreetID: st.ID, Name: "青春坊社区", Kind: community.Urban, Code: "330105005012", AdminID: staff.ID})
	if err != nil {
		t.Fatal(err)
	}

	res, err := seed.Load(ctx, s)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !res.Created {
		t.Error("Created = false, want true")
	}
	cs, err := s.Communities.Communities(ctx, community.CommunityFilter{}, domain.Page{First: domain.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := cs.TotalCount, 2; got != want {
		t.Errorf("%d communities, want %d (the half-made one reused)", got, want)
	}
	for _, c := range cs.Items {
		grids, err := s.Communities.Grids(ctx, c.ID, domain.Page{First: domain.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if grids.TotalCount == 0 {
			t.Errorf("%s has no grids", c.Name)
		}
	}
	urban := communityNamed(t, s, loginFor(t, res.Logins, domain.RoleOwnersCommittee).Community)
	actx, _ := login(t, s, urbanStaff)
	if got := members(t, s, actx, urban, community.MemberFilter{}).TotalCount; got < 8 {
		t.Errorf("%s has %d members, want about 10", urban.Name, got)
	}
}
