package volunteer_test

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/volunteer"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// recorder keeps what the area queues, once per kind, subject, recipient
// and occurrence, as notify's outbox does; it stands at the boundary to
// the notify area, whose own tests send the mail.
type recorder struct {
	mu    sync.Mutex
	items []notify.Item
	keys  map[string]bool
}

func (r *recorder) Enqueue(_ context.Context, it notify.Item) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.keys == nil {
		r.keys = map[string]bool{}
	}
	k := string(it.Kind) + "|" + it.Subject + "|" + string(it.RecipientID) + "|" + it.Occurrence
	if !r.keys[k] {
		r.keys[k] = true
		r.items = append(r.items, it)
	}
	return nil
}

func (r *recorder) of(kind notify.Kind) []notify.Item {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []notify.Item
	for _, it := range r.items {
		if it.Kind == kind {
			out = append(out, it)
		}
	}
	return out
}

// start is a Thursday morning in the village's zone.
var start = time.Date(2026, time.December, 3, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))

// village is 小古城村 with its staff, a team (助老服务队) and residents.
type village struct {
	db                          *db.DB
	clock                       *domaintest.Clock
	notes                       *recorder
	accounts                    *account.Service
	comms                       *community.Service
	record                      *ledger.Service
	svc                         *volunteer.Service
	c                           community.Community
	grid1, grid2                community.Grid
	micro1, micro2              community.MicroGrid
	admin, committee, worker    domain.ID
	leader                      domain.ID
	team                        volunteer.Team
	residents                   []domain.ID
	otherCommittee, otherMember domain.ID
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func as(id domain.ID) context.Context {
	return domain.NewContextWithActor(context.Background(), domain.Actor{UserID: id})
}

func newVillage(tb testing.TB) *village {
	tb.Helper()
	d := dbtest.New(tb)
	ctx := context.Background()
	if err := db.EnsureIndexes(ctx, d.Database, account.Indexes(), community.Indexes(), volunteer.Indexes(), ledger.Indexes()); err != nil {
		tb.Fatal(err)
	}
	v := &village{db: d, clock: domaintest.NewClock(start), notes: &recorder{}}
	v.accounts = account.NewService(d.Database, account.Config{Notifier: v.notes, Now: v.clock.Now})
	v.comms = community.NewService(d.Database, v.accounts, community.Config{Now: v.clock.Now})
	v.record = ledger.NewService(d.Database, ledger.Config{Key: ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize)), Now: v.clock.Now})
	v.svc = volunteer.NewService(d.Database, v.comms, v.accounts, volunteer.Config{Notifier: v.notes, Record: v.record, Now: v.clock.Now, BaseURL: "https://yishi.example"})
	v.admin = must(v.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: string(domain.NewID()) + "@example.com", Password: "password1", Name: "管理员"})).User.ID
	st := must(v.comms.CreateStreet(domain.NewSystemContext(as(v.admin)), community.StreetInput{Name: "径山镇", Code: "330110109"}))
	v.c = must(v.comms.CreateCommunity(domain.NewSystemContext(as(v.admin)), community.CommunityInput{StreetID: st.ID, Name: "小古城村", Kind: community.Village, Code: "330110109201", AdminID: v.admin}))
	v.grid1 = must(v.comms.CreateGrid(as(v.admin), v.c.ID, community.GridInput{Name: "古城一组", Code: "G1"}))
	v.grid2 = must(v.comms.CreateGrid(as(v.admin), v.c.ID, community.GridInput{Name: "古城二组", Code: "G2"}))
	v.micro1 = must(v.comms.CreateMicroGrid(as(v.admin), v.grid1.ID, community.GridInput{Name: "一组一幢", Code: "G1-1"}))
	v.micro2 = must(v.comms.CreateMicroGrid(as(v.admin), v.grid2.ID, community.GridInput{Name: "二组一幢", Code: "G2-1"}))
	v.committee = v.member(tb, "村委会", v.micro1.ID, domain.RoleCommittee, "")
	v.worker = v.member(tb, "网格员", v.micro1.ID, domain.RoleGridWorker, v.grid1.ID)
	v.leader = v.member(tb, "队长", v.micro1.ID, "", "")
	for i := range 3 {
		v.residents = append(v.residents, v.member(tb, fmt.Sprintf("村民%d", i+1), v.micro1.ID, "", ""))
	}
	v.team = must(v.svc.CreateTeam(as(v.committee), volunteer.TeamInput{CommunityID: v.c.ID, Name: "助老服务队", Leaders: []domain.ID{v.leader}}))

	other := must(v.comms.CreateCommunity(domain.NewSystemContext(as(v.admin)), community.CommunityInput{StreetID: st.ID, Name: "青春坊社区", Kind: community.Urban, Code: "330110109202", AdminID: v.admin}))
	og := must(v.comms.CreateGrid(as(v.admin), other.ID, community.GridInput{Name: "一网格", Code: "Q1"}))
	om := must(v.comms.CreateMicroGrid(as(v.admin), og.ID, community.GridInput{Name: "一幢", Code: "Q1-1"}))
	v.otherMember = must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: other.ID, MicroGridID: om.ID, Name: "外村人"})).UserID
	must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: other.ID, UserID: v.otherMember, Role: domain.RoleCommittee}))
	v.otherCommittee = v.otherMember
	return v
}

// member registers a member of the village with a role (none for a
// resident).
func (v *village) member(tb testing.TB, name string, micro domain.ID, role domain.Role, grid domain.ID) domain.ID {
	tb.Helper()
	m := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: micro, Name: name}))
	if role != "" {
		must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: v.c.ID, UserID: m.UserID, Role: role, GridID: grid}))
	}
	return m.UserID
}

// everyDay is availability from 07:00 to 21:00 every day.
func everyDay() []volunteer.Slot {
	var out []volunteer.Slot
	for d := time.Sunday; d <= time.Saturday; d++ {
		out = append(out, volunteer.Slot{Weekday: d, Start: 7 * 60, End: 21 * 60})
	}
	return out
}

// volunteer makes a confirmed volunteer of the team with the skills given.
func (v *village) volunteer(tb testing.TB, name string, skills ...string) domain.ID {
	tb.Helper()
	id := v.member(tb, name, v.micro1.ID, "", "")
	in := volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: v.team.ID, Weekly: everyDay(), MaxMinutesPerWeek: 10 * 60}
	for _, s := range skills {
		in.Skills = append(in.Skills, volunteer.SkillLevel{Code: s, Level: 2})
	}
	must(v.svc.Join(as(id), in))
	must(v.svc.Confirm(as(v.leader), v.c.ID, id))
	return id
}

// need posts an open need of the committee's: 助老 tomorrow 09:00–10:30.
func (v *village) need(tb testing.TB, slots int) volunteer.Need {
	tb.Helper()
	return must(v.svc.PostNeed(as(v.committee), v.needInput(slots)))
}

func (v *village) needInput(slots int) volunteer.NeedInput {
	day := start.Add(24 * time.Hour)
	return volunteer.NeedInput{CommunityID: v.c.ID, Title: "陪同就医", Required: []string{"elderly_care"},
		Start: day.Add(time.Hour), End: day.Add(150 * time.Minute), MicroGridID: v.micro1.ID, Address: "古城一组 12 号", Slots: slots}
}

// firstOccurrence returns a need's first occurrence.
func (v *village) firstOccurrence(tb testing.TB, n volunteer.Need) volunteer.Occurrence {
	tb.Helper()
	return must(v.svc.Occurrences(as(v.committee), n.ID))[0]
}

func wantCode(tb testing.TB, err error, code domain.Code) {
	tb.Helper()
	if domain.ErrorCode(err) != code {
		tb.Fatalf("err = %v, want %s", err, code)
	}
}

func wantField(tb testing.TB, err error, field string) {
	tb.Helper()
	e, ok := domain.AsError(err)
	if !ok || e.Code != domain.Invalid || e.Field != field {
		tb.Fatalf("err = %v, want Invalid about %s", err, field)
	}
}
