package patrol_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/patrol"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func as(id domain.ID) context.Context {
	return domain.NewContextWithActor(context.Background(), domain.Actor{UserID: id})
}

func wantField(tb testing.TB, err error, field string) {
	tb.Helper()
	e, ok := domain.AsError(err)
	if !ok || e.Code != domain.Invalid || e.Field != field {
		tb.Fatalf("err = %v, want Invalid about %s", err, field)
	}
}

func wantCode(tb testing.TB, err error, code domain.Code) {
	tb.Helper()
	if domain.ErrorCode(err) != code {
		tb.Fatalf("err = %v, want %s", err, code)
	}
}

// village is 小古城村 with its committee, a captain and residents.
type village struct {
	db                        *db.DB
	clock                     *domaintest.Clock
	comms                     *community.Service
	svc                       *patrol.Service
	c                         community.Community
	grid, grid2               community.Grid
	micro, micro2             community.MicroGrid
	admin, committee, captain domain.ID
	residents                 []domain.ID
}

func newVillage(tb testing.TB) *village {
	tb.Helper()
	d := dbtest.New(tb)
	ctx := context.Background()
	if err := db.EnsureIndexes(ctx, d.Database, account.Indexes(), community.Indexes(), patrol.Indexes()); err != nil {
		tb.Fatal(err)
	}
	v := &village{db: d, clock: domaintest.NewClock(time.Date(2026, 11, 25, 9, 0, 0, 0, time.FixedZone("CST", 8*3600)))}
	accounts := account.NewService(d.Database, account.Config{Now: v.clock.Now})
	v.comms = community.NewService(d.Database, accounts, community.Config{Now: v.clock.Now})
	v.svc = patrol.NewService(d.Database, v.comms, patrol.Config{Now: v.clock.Now})
	v.admin = must(accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "admin@example.com", Password: "password1", Name: "管理员"})).User.ID
	st := must(v.comms.CreateStreet(domain.NewSystemContext(as(v.admin)), community.StreetInput{Name: "径山镇", Code: "330110109"}))
	v.c = must(v.comms.CreateCommunity(domain.NewSystemContext(as(v.admin)), community.CommunityInput{StreetID: st.ID, Name: "小古城村", Kind: community.Village, Code: "330110109201", AdminID: v.admin}))
	v.grid = must(v.comms.CreateGrid(as(v.admin), v.c.ID, community.GridInput{Name: "古城片", Code: "G1"}))
	v.grid2 = must(v.comms.CreateGrid(as(v.admin), v.c.ID, community.GridInput{Name: "溪口片", Code: "G2"}))
	v.micro = must(v.comms.CreateMicroGrid(as(v.admin), v.grid.ID, community.GridInput{Name: "古城一组", Code: "G1-1"}))
	v.micro2 = must(v.comms.CreateMicroGrid(as(v.admin), v.grid2.ID, community.GridInput{Name: "溪口组", Code: "G2-1"}))
	member := func(name string, role domain.Role) domain.ID {
		m := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: name}))
		if role != "" {
			must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: v.c.ID, UserID: m.UserID, Role: role}))
		}
		return m.UserID
	}
	v.committee = member("村委会", domain.RoleCommittee)
	v.captain = member("队长", "")
	for _, n := range []string{"王大妈", "李大妈", "张大伯"} {
		v.residents = append(v.residents, member(n, ""))
	}
	return v
}

func TestTeamsAndMembers(t *testing.T) {
	v := newVillage(t)
	_, err := v.svc.CreateTeam(as(v.captain), v.c.ID, "古城武林大妈巡防队", v.captain)
	wantCode(t, err, domain.Forbidden)
	team := must(v.svc.CreateTeam(as(v.committee), v.c.ID, "古城武林大妈巡防队", v.captain))
	_, err = v.svc.CreateTeam(as(v.committee), v.c.ID, "古城武林大妈巡防队", v.captain)
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.CreateTeam(as(v.committee), v.c.ID, "另一队", domain.NewID())
	wantField(t, err, "captainId")

	in := patrol.MemberInput{TeamID: team.ID, Weekly: []patrol.Slot{{Weekday: time.Monday, Start: 7 * 60, End: 11 * 60}}, MaxPerWeek: 3, NoNight: true}
	m := must(v.svc.Join(as(v.residents[0]), in))
	if !m.Active || m.MaxPerWeek != 3 || !m.NoNight {
		t.Fatalf("joined = %+v", m)
	}
	_, err = v.svc.Join(as(v.residents[0]), in)
	wantCode(t, err, domain.Conflict)
	bad := in
	bad.Weekly = append(bad.Weekly, patrol.Slot{Weekday: time.Monday, Start: 10 * 60, End: 12 * 60})
	_, err = v.svc.Join(as(v.residents[1]), bad)
	wantField(t, err, "weekly[1].start")
	bad = in
	bad.Note = "膝盖不好"
	_, err = v.svc.Join(as(v.residents[1]), bad)
	wantField(t, err, "note")

	// The captain's private note: written by the captain, read by the captain only.
	must(v.svc.SetMember(as(v.captain), patrol.MemberInput{TeamID: team.ID, UserID: v.residents[0], Weekly: in.Weekly, MaxPerWeek: 3, NoNight: true,
		Note: "膝盖不好，不安排爬坡路线"}))
	for who, want := range map[domain.ID]string{v.captain: "膝盖不好，不安排爬坡路线", v.residents[0]: "", v.residents[1]: ""} {
		for _, m := range must(v.svc.Members(as(who), team.ID)) {
			if m.UserID == v.residents[0] && m.Note != want {
				t.Errorf("%s reads the note %q, want %q", who, m.Note, want)
			}
		}
	}
	// The member changes their own limits; the note stays.
	must(v.svc.SetMember(as(v.residents[0]), patrol.MemberInput{TeamID: team.ID, Weekly: in.Weekly, MaxPerWeek: 2}))
	for _, m := range must(v.svc.Members(as(v.captain), team.ID)) {
		if m.UserID == v.residents[0] && (m.Note == "" || m.MaxPerWeek != 2) {
			t.Errorf("after the member's edit: %+v", m)
		}
	}
	_, err = v.svc.SetMember(as(v.residents[1]), patrol.MemberInput{TeamID: team.ID, UserID: v.residents[0], MaxPerWeek: 1})
	wantCode(t, err, domain.Forbidden)
}

func TestRoutesAndTemplatesBadInput(t *testing.T) {
	v := newVillage(t)
	team := must(v.svc.CreateTeam(as(v.committee), v.c.ID, "古城武林大妈巡防队", v.captain))
	point := patrol.CheckpointInput{Name: "村口", MicroGridID: v.micro.ID}
	_, err := v.svc.AddRoute(as(v.captain), team.ID, v.grid.ID, "古城线", nil)
	wantField(t, err, "checkpoints")
	_, err = v.svc.AddRoute(as(v.captain), team.ID, v.grid.ID, "古城线", []patrol.CheckpointInput{point, {Name: "溪口", MicroGridID: v.micro2.ID}})
	wantField(t, err, "checkpoints[1].microGridId")
	lat := 30.39
	_, err = v.svc.AddRoute(as(v.captain), team.ID, v.grid.ID, "古城线", []patrol.CheckpointInput{{Name: "村口", MicroGridID: v.micro.ID, Lat: &lat}})
	wantField(t, err, "checkpoints[0].lat")
	_, err = v.svc.AddRoute(as(v.residents[0]), team.ID, v.grid.ID, "古城线", []patrol.CheckpointInput{point})
	wantCode(t, err, domain.Forbidden)
	r := must(v.svc.AddRoute(as(v.captain), team.ID, v.grid.ID, "古城线", []patrol.CheckpointInput{point, {Name: "文化礼堂", MicroGridID: v.micro.ID}}))
	if len(r.Checkpoints) != 2 || len(r.Checkpoints[0].Code) != 8 || r.Checkpoints[0].Code == r.Checkpoints[1].Code {
		t.Fatalf("route = %+v", r)
	}

	ok := patrol.TemplateInput{TeamID: team.ID, RouteID: r.ID, Name: "早班", Days: []time.Weekday{time.Monday}, Start: 8 * 60, End: 10 * 60, Min: 2, Max: 3, Weight: 1}
	tests := []struct {
		name  string
		edit  func(*patrol.TemplateInput)
		field string
	}{
		{"ErrEndBeforeStart", func(in *patrol.TemplateInput) { in.End = 7 * 60 }, "end"},
		{"ErrEndEqualsStart", func(in *patrol.TemplateInput) { in.End = in.Start }, "end"},
		{"ErrOvernightEndsLate", func(in *patrol.TemplateInput) { in.Overnight, in.End = true, 9*60 }, "end"},
		{"ErrNoPositions", func(in *patrol.TemplateInput) { in.Min, in.Max = 0, 0 }, "min"},
		{"ErrMaxBelowMin", func(in *patrol.TemplateInput) { in.Max = 1 }, "max"},
		{"ErrZeroWeight", func(in *patrol.TemplateInput) { in.Weight = 0 }, "weight"},
		{"ErrNegativeWeight", func(in *patrol.TemplateInput) { in.Weight = -1 }, "weight"},
		{"ErrNoDays", func(in *patrol.TemplateInput) { in.Days = nil }, "days"},
		{"ErrRouteElsewhere", func(in *patrol.TemplateInput) { in.RouteID = domain.NewID() }, "routeId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.edit(&in)
			_, err := v.svc.AddTemplate(as(v.captain), in)
			wantField(t, err, tt.field)
		})
	}
	if got := must(v.svc.Templates(as(v.captain), team.ID)); len(got) != 0 {
		t.Fatalf("refused templates were stored: %+v", got)
	}
	night := ok
	night.Name, night.Start, night.End, night.Overnight, night.Night, night.Weight = "夜班", 22*60, 6*60, true, true, 2
	tpl := must(v.svc.AddTemplate(as(v.captain), night))
	if tpl.Minutes() != 8*60 {
		t.Fatalf("a night shift crossing midnight lasts %d minutes", tpl.Minutes())
	}
	_, err = v.svc.AddTemplate(as(v.captain), night)
	wantCode(t, err, domain.Conflict)
}

// TestCheckIn walks a shift: the start first, by the checkpoints' codes,
// a code of another route refused, the captain checking in for a member
// without a phone, and a missed shift marked by the captain.
func TestCheckIn(t *testing.T) {
	v := newVillage(t)
	team, ids := v.team(t, 6)
	other := must(v.svc.AddRoute(as(v.captain), team.ID, v.grid2.ID, "溪口线", []patrol.CheckpointInput{{Name: "溪口桥", MicroGridID: v.micro2.ID}}))
	must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	for _, r := range must(v.svc.Routes(as(ids[1]), team.ID)) {
		if r.Checkpoints[0].Code != "" {
			t.Fatalf("a member reads a checkpoint's code: %+v", r.Checkpoints[0])
		}
	}
	routes := must(v.svc.Routes(as(v.captain), team.ID))
	var route patrol.Route
	for _, r := range routes {
		if r.ID != other.ID {
			route = r
		}
	}
	var mine []patrol.Position
	var who domain.ID
	for _, id := range ids[1:] {
		if mine = must(v.svc.MyShifts(as(id), team.ID, "2026-12")); len(mine) >= 2 {
			who = id
			break
		}
	}
	p := mine[0]
	_, err := v.svc.CheckIn(as(who), p.ID, route.Checkpoints[0].Code, 0)
	wantCode(t, err, domain.Conflict) // weeks early
	v.clock.Set(p.Start.Add(-10 * time.Minute))
	_, err = v.svc.CheckIn(as(who), p.ID, other.Checkpoints[0].Code, 0)
	wantField(t, err, "code")
	_, err = v.svc.CheckIn(as(who), p.ID, route.Checkpoints[1].Code, 0)
	wantField(t, err, "code") // the start comes first
	must(v.svc.CheckIn(as(who), p.ID, route.Checkpoints[0].Code, 0))
	v.clock.Add(30 * time.Minute)
	got := must(v.svc.CheckIn(as(who), p.ID, strings.ToLower(route.Checkpoints[1].Code), 0))
	if got.State != patrol.CheckedIn || len(got.Passed) != 2 || got.Passed[1].Checkpoint != 1 || got.Passed[1].By != "" {
		t.Fatalf("after two checkpoints: %+v", got)
	}
	_, err = v.svc.CheckIn(as(who), p.ID, route.Checkpoints[1].Code, 0)
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.CheckIn(as(ids[1]), p.ID, "", 2)
	if who != ids[1] {
		wantCode(t, err, domain.Forbidden)
	}
	got = must(v.svc.CheckIn(as(v.captain), p.ID, "", 2))
	if got.Passed[2].By != v.captain {
		t.Fatalf("the captain's check-in: %+v", got.Passed)
	}
	// The member's next shift goes missed.
	next := mine[1]
	_, err = v.svc.MarkMissed(as(v.captain), next.ID)
	wantCode(t, err, domain.Conflict)
	v.clock.Set(next.Start.Add(time.Hour))
	_, err = v.svc.MarkMissed(as(who), next.ID)
	wantCode(t, err, domain.Forbidden)
	must(v.svc.MarkMissed(as(v.captain), next.ID))
	for _, l := range must(v.svc.Loads(as(who), team.ID, "2026-12")) {
		if l.UserID == who && l.Shifts != len(mine)-1 {
			t.Errorf("the missed shift counts: %+v", l)
		}
	}
}

// TestDayPositions: the captain lists a day's places, open ones too, to
// check in a member without a phone or mark a missed shift; a member may
// not, and a day written otherwise is refused under its field.
func TestDayPositions(t *testing.T) {
	v := newVillage(t)
	team, ids := v.team(t, 6)
	must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	day := must(v.svc.DayPositions(as(v.captain), team.ID, "2026-12-03"))
	if len(day) == 0 {
		t.Fatal("no places on 3 December")
	}
	for _, p := range day {
		if d := p.Start.In(v.c.Location()).Format(time.DateOnly); d != "2026-12-03" {
			t.Errorf("a place of %s among 3 December's", d)
		}
	}
	if other := must(v.svc.DayPositions(as(v.committee), team.ID, "2026-12-04")); len(other) == 0 || other[0].ID == day[0].ID {
		t.Errorf("4 December's places = %d, first %v", len(other), other)
	}
	_, err := v.svc.DayPositions(as(ids[1]), team.ID, "2026-12-03")
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.DayPositions(as(v.captain), team.ID, "12/03")
	wantField(t, err, "day")
}

// TestLeaveTeam: mid-December a member leaves; their places still to come
// go to the open list, each a drop on the timeline, while the shifts
// behind them and their load stay; they take nothing more until they join
// again. The captain removes another member, and may not leave, nor be
// removed; others may not remove anyone.
func TestLeaveTeam(t *testing.T) {
	v := newVillage(t)
	team, ids := v.team(t, 6)
	must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	v.clock.Set(time.Date(2026, 12, 10, 12, 0, 0, 0, v.c.Location()))
	leaver, removed := ids[1], ids[2]
	var past, future []patrol.Position
	for _, p := range must(v.svc.MyShifts(as(leaver), team.ID, "2026-12")) {
		if p.Start.Before(v.clock.Now()) {
			past = append(past, p)
		} else {
			future = append(future, p)
		}
	}
	if len(past) == 0 || len(future) == 0 {
		t.Fatalf("member 1 has %d past and %d future shifts", len(past), len(future))
	}

	_, err := v.svc.LeaveTeam(as(v.captain), team.ID, "")
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.LeaveTeam(as(v.committee), team.ID, v.captain)
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.LeaveTeam(as(ids[3]), team.ID, removed)
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.LeaveTeam(as(v.residents[0]), team.ID, "")
	wantCode(t, err, domain.NotFound)
	_, err = v.svc.LeaveTeam(context.Background(), team.ID, "")
	wantCode(t, err, domain.Unauthenticated)

	opened := must(v.svc.LeaveTeam(as(leaver), team.ID, ""))
	if len(opened) != len(future) {
		t.Fatalf("opened %d places, want the %d to come", len(opened), len(future))
	}
	_, err = v.svc.LeaveTeam(as(leaver), team.ID, "")
	wantCode(t, err, domain.NotFound)
	for _, p := range future {
		if got := must(v.svc.Position(as(ids[3]), p.ID)); got.State != patrol.Open || got.UserID != "" {
			t.Errorf("a place to come after leaving: %+v", got)
		}
	}
	mine := must(v.svc.MyShifts(as(leaver), team.ID, "2026-12"))
	if len(mine) != len(past) || mine[len(mine)-1].ID != past[len(past)-1].ID {
		t.Errorf("after leaving, the member holds %d places, want the %d behind them", len(mine), len(past))
	}
	for _, m := range must(v.svc.Members(as(v.captain), team.ID)) {
		if m.UserID == leaver {
			t.Errorf("the member who left is listed: %+v", m)
		}
	}
	var load *patrol.Load
	for _, l := range must(v.svc.Loads(as(ids[3]), team.ID, "2026-12")) {
		if l.UserID == leaver {
			load = &l
		}
	}
	if load == nil || load.Shifts != len(past) {
		t.Errorf("the load of the member who left = %+v, want %d shifts", load, len(past))
	}
	drops := 0
	for _, e := range must(v.svc.Timeline(as(ids[3]), team.ID)) {
		if e.Kind == patrol.EventDrop && e.Actor == leaver {
			drops++
		}
	}
	if drops != len(future) {
		t.Errorf("%d drops on the timeline, want %d", drops, len(future))
	}
	_, err = v.svc.Take(as(leaver), future[0].ID)
	wantCode(t, err, domain.Forbidden)

	// The captain removes a member: the timeline names them.
	must(v.svc.LeaveTeam(as(v.captain), team.ID, removed))
	if e := must(v.svc.Timeline(as(ids[3]), team.ID))[0]; e.Kind != patrol.EventDrop || e.Actor != v.captain || e.Note != string(removed) {
		t.Errorf("the captain's removal on the timeline: %+v", e)
	}

	// One who left joins again and takes back a place.
	m := must(v.svc.Join(as(leaver), patrol.MemberInput{TeamID: team.ID, Weekly: []patrol.Slot{{Weekday: future[0].Start.In(v.c.Location()).Weekday(), Start: 0, End: 1440}}}))
	if !m.Active {
		t.Fatalf("joined again = %+v", m)
	}
	if got := must(v.svc.Take(as(leaver), future[0].ID)); got.UserID != leaver {
		t.Fatalf("taken back = %+v", got)
	}
}
