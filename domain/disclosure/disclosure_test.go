package disclosure_test

import (
	"context"
	"crypto/ed25519"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

type noMail struct{}

func (noMail) Enqueue(context.Context, notify.Item) error { return nil }

// recorder keeps what the area queues; it stands at the boundary to the
// notify area, whose own tests send the mail.
type recorder struct {
	mu    sync.Mutex
	items []notify.Item
	keys  map[string]bool
}

// Enqueue keeps it, once per kind, subject, recipient and occurrence, as
// notify's outbox does.
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

// of returns the kept items of kind.
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

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func as(id domain.ID) context.Context {
	return domain.NewContextWithActor(context.Background(), domain.Actor{UserID: id})
}

var anonymous = context.Background()

func wantCode(tb testing.TB, err error, want domain.Code) {
	tb.Helper()
	if got := domain.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

// wantField checks that err is Invalid about field.
func wantField(tb testing.TB, err error, field string) *domain.Error {
	tb.Helper()
	e, ok := domain.AsError(err)
	if !ok || e.Code != domain.Invalid || e.Field != field {
		tb.Fatalf("error = %v, want Invalid about %s", err, field)
	}
	return e
}

// start is the fixture's now: 10:00 on 3 November 2026 in Shanghai.
var start = time.Date(2026, 11, 3, 2, 0, 0, 0, time.UTC)

// village is 小古城村 with two grids, its admin, committee, party
// secretary, supervision committee member, a grid worker of grid 1 and
// residents, and a schedule counted from 1 January 2026.
type village struct {
	svc                                         *disclosure.Service
	record                                      *ledger.Service
	comms                                       *community.Service
	accounts                                    *account.Service
	clock                                       *domaintest.Clock
	notes                                       *recorder
	db                                          *db.DB
	c                                           community.Community
	grid1, grid2                                community.Grid
	micro1, micro2                              community.MicroGrid
	admin, committee, party, supervisor, worker domain.ID
	residents                                   []domain.ID
}

func newVillage(tb testing.TB) *village {
	tb.Helper()
	d := dbtest.New(tb)
	return newVillageOn(tb, d)
}

func newVillageOn(tb testing.TB, d *db.DB) *village {
	tb.Helper()
	ctx := context.Background()
	if err := db.EnsureIndexes(ctx, d.Database, account.Indexes(), community.Indexes(), disclosure.Indexes(), ledger.Indexes()); err != nil {
		tb.Fatal(err)
	}
	v := &village{db: d, clock: domaintest.NewClock(start), notes: &recorder{}}
	v.accounts = account.NewService(d.Database, account.Config{Notifier: noMail{}, Now: v.clock.Now})
	v.comms = community.NewService(d.Database, v.accounts, community.Config{Now: v.clock.Now})
	v.record = ledger.NewService(d.Database, ledger.Config{Key: ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize)), Now: v.clock.Now})
	v.svc = disclosure.NewService(d.Database, v.comms, disclosure.Config{Notifier: v.notes, Record: v.record, Now: v.clock.Now, BaseURL: "https://yishi.example"})
	v.admin = must(v.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: string(domain.NewID()) + "@example.com", Password: "password1", Name: "管理员"})).User.ID
	st := must(v.comms.CreateStreet(domain.NewSystemContext(as(v.admin)), community.StreetInput{Name: "径山镇", Code: "330110109"}))
	v.c = must(v.comms.CreateCommunity(domain.NewSystemContext(as(v.admin)), community.CommunityInput{StreetID: st.ID, Name: "小古城村", Kind: community.Village, Code: "330110109201", AdminID: v.admin}))
	v.grid1 = must(v.comms.CreateGrid(as(v.admin), v.c.ID, community.GridInput{Name: "古城一组", Code: "G1"}))
	v.grid2 = must(v.comms.CreateGrid(as(v.admin), v.c.ID, community.GridInput{Name: "古城二组", Code: "G2"}))
	v.micro1 = must(v.comms.CreateMicroGrid(as(v.admin), v.grid1.ID, community.GridInput{Name: "一组一幢", Code: "G1-1"}))
	v.micro2 = must(v.comms.CreateMicroGrid(as(v.admin), v.grid2.ID, community.GridInput{Name: "二组一幢", Code: "G2-1"}))
	v.committee = v.staff(tb, domain.RoleCommittee, "")
	v.party = v.staff(tb, domain.RoleParty, "")
	v.supervisor = v.staff(tb, domain.RoleSupervisor, "")
	v.worker = v.staff(tb, domain.RoleGridWorker, v.grid1.ID)
	for range 3 {
		m := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro1.ID, Name: "村民"}))
		v.residents = append(v.residents, m.UserID)
	}
	since := disclosure.Date{Year: 2026, Month: time.January, Day: 1}
	must(v.svc.SetSchedule(as(v.committee), v.c.ID, disclosure.ScheduleUpdate{Since: &since}))
	return v
}

func (v *village) staff(tb testing.TB, role domain.Role, grid domain.ID) domain.ID {
	tb.Helper()
	m := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro1.ID, Name: string(role)}))
	must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: v.c.ID, UserID: m.UserID, Role: role, GridID: grid}))
	return m.UserID
}

// day reads a date written 2006-01-02.
func day(s string) disclosure.Date {
	d, ok := disclosure.ParseDate(s)
	if !ok {
		panic("bad date " + s)
	}
	return d
}

func income(date, category string, fen int64) disclosure.Item {
	return disclosure.Item{Date: day(date), Direction: disclosure.Income, Category: category, Amount: fen, Counterparty: "径山镇财政所", Voucher: "记-" + date}
}

func expense(date, category string, fen int64) disclosure.Item {
	return disclosure.Item{Date: day(date), Direction: disclosure.Expense, Category: category, Amount: fen, Counterparty: "余杭环卫公司", Voucher: "付-" + date}
}

// financeDraft drafts the finance disclosure of period as the committee.
func (v *village) financeDraft(tb testing.TB, period string, opening int64, items ...disclosure.Item) disclosure.Version {
	tb.Helper()
	return must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{
		CommunityID: v.c.ID, Kind: disclosure.KindFinance, Period: period,
		Content: disclosure.DraftContent{Body: "本月收支情况如下。", Finance: &disclosure.FinanceInput{Opening: opening, Items: items}},
	}))
}

// published drafts and publishes the finance disclosure of period.
func (v *village) published(tb testing.TB, period string, opening int64, items ...disclosure.Item) disclosure.Version {
	tb.Helper()
	return must(v.svc.Publish(as(v.committee), v.financeDraft(tb, period, opening, items...).ID))
}

// october is a published October with a garbage collection bill: opening
// 10,000.00, income 5,000.00, expense 1,200.50, closing 13,799.50.
func (v *village) october(tb testing.TB) disclosure.Version {
	tb.Helper()
	return v.published(tb, "2026-10", 1000000,
		income("2026-10-08", "subsidy_income", 500000),
		expense("2026-10-20", "welfare_expense/garbage", 120050))
}

// villageDraft drafts a village-affairs disclosure of a quarter.
func (v *village) villageDraft(tb testing.TB, period, body string) disclosure.Version {
	tb.Helper()
	return must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{
		CommunityID: v.c.ID, Kind: disclosure.KindVillage, Period: period,
		Content: disclosure.DraftContent{Title: "第三季度村务公开", Body: body},
	}))
}

// count counts the documents of a collection.
func (v *village) count(tb testing.TB, coll string) int64 {
	tb.Helper()
	return must(dbtest.Collection(v.db, coll).CountDocuments(context.Background(), map[string]any{}))
}
