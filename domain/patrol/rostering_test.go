package patrol_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/patrol/roster"
)

// team is a patrol team of n members free every day 07:00–22:00, one
// route and two shifts a day (08:00–10:00 and 19:00–21:00), December.
func (v *village) team(t *testing.T, n int) (patrol.Team, []domain.ID) {
	t.Helper()
	team := must(v.svc.CreateTeam(as(v.committee), v.c.ID, "古城武林大妈巡防队", v.captain))
	var free []patrol.Slot
	for d := time.Sunday; d <= time.Saturday; d++ {
		free = append(free, patrol.Slot{Weekday: d, Start: 7 * 60, End: 22 * 60})
	}
	must(v.svc.SetMember(as(v.captain), patrol.MemberInput{TeamID: team.ID, Weekly: free, MaxPerWeek: 5}))
	ids := []domain.ID{v.captain}
	for i := range n - 1 {
		m := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: fmt.Sprintf("队员%02d", i)}))
		must(v.svc.Join(as(m.UserID), patrol.MemberInput{TeamID: team.ID, Weekly: free, MaxPerWeek: 5}))
		ids = append(ids, m.UserID)
	}
	r := must(v.svc.AddRoute(as(v.captain), team.ID, v.grid.ID, "古城线", []patrol.CheckpointInput{
		{Name: "村口", MicroGridID: v.micro.ID}, {Name: "文化礼堂", MicroGridID: v.micro.ID}, {Name: "古桥", MicroGridID: v.micro.ID}}))
	every := []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	must(v.svc.AddTemplate(as(v.captain), patrol.TemplateInput{TeamID: team.ID, RouteID: r.ID, Name: "早班", Days: every, Start: 8 * 60, End: 10 * 60, Min: 2, Max: 2, Weight: 1}))
	must(v.svc.AddTemplate(as(v.captain), patrol.TemplateInput{TeamID: team.ID, RouteID: r.ID, Name: "晚班", Days: every, Start: 19 * 60, End: 21 * 60, Min: 2, Max: 2, Weight: 1.5}))
	return team, ids
}

// TestGenerateAndPublish: December for 24 members and two shifts a day is
// generated fairly (within one weighted shift of the bound), the same
// twice, and kept from residents until the captain publishes it; then
// every place is a position and the month is published once.
func TestGenerateAndPublish(t *testing.T) {
	v := newVillage(t)
	team, ids := v.team(t, 24)
	_, err := v.svc.GenerateRoster(as(v.residents[0]), team.ID, "2026-12")
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.GenerateRoster(as(v.captain), team.ID, "2026-10")
	wantField(t, err, "month")
	d := must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	if len(d.Shifts) != 62 || len(d.Roster.Assignments) != 124 || len(d.Roster.Unfilled) != 0 {
		t.Fatalf("December: %d shifts, %d assignments, %d unfilled", len(d.Shifts), len(d.Roster.Assignments), len(d.Roster.Unfilled))
	}
	if d.Roster.Spread > d.Roster.LowerBound+1.5 || len(d.Roster.Loads) != 24 {
		t.Errorf("spread %.1f, bound %.1f, %d loads", d.Roster.Spread, d.Roster.LowerBound, len(d.Roster.Loads))
	}
	again := must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	if !reflect.DeepEqual(again.Roster.Assignments, d.Roster.Assignments) {
		t.Error("the same inputs gave another roster")
	}
	_, err = v.svc.Roster(as(ids[1]), team.ID, "2026-12")
	wantCode(t, err, domain.NotFound)
	_, err = v.svc.PublishRoster(as(ids[1]), team.ID, "2026-12")
	wantCode(t, err, domain.Forbidden)
	pub := must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	if !pub.Published {
		t.Fatalf("published = %+v", pub)
	}
	_, err = v.svc.PublishRoster(as(v.captain), team.ID, "2026-12")
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12")
	wantCode(t, err, domain.Conflict)
	if got := must(v.svc.Roster(as(ids[1]), team.ID, "2026-12")); !got.Published {
		t.Fatalf("a member reads %+v", got)
	}
	loads := must(v.svc.Loads(as(ids[1]), team.ID, "2026-12"))
	total := 0.0
	for _, l := range loads {
		total += l.Weight
	}
	if len(loads) != 24 || total != 31*1+31*1.5*1+31*1+31*1.5 {
		t.Errorf("loads of %d members sum to %.1f", len(loads), total)
	}
}

// TestDropTakenOnce: 20 members reach for one dropped place at once and
// exactly one gets it; the one who dropped it is off the shift, and the
// timeline says so.
func TestDropTakenOnce(t *testing.T) {
	v := newVillage(t)
	team, ids := v.team(t, 24)
	must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	mine := must(v.svc.MyShifts(as(ids[3]), team.ID, "2026-12"))
	if len(mine) == 0 {
		t.Fatal("member 3 has no shift")
	}
	p := mine[0]
	_, err := v.svc.Drop(as(ids[4]), p.ID)
	wantCode(t, err, domain.NotFound)
	must(v.svc.Drop(as(ids[3]), p.ID))
	var calls []func() error
	var takers []domain.ID
	for _, id := range ids {
		if id == ids[3] || len(takers) == 20 {
			continue
		}
		takers = append(takers, id)
		calls = append(calls, func() error { _, err := v.svc.Take(as(id), p.ID); return err })
	}
	won := 0
	for _, err := range domaintest.AtOnce(calls...) {
		switch domain.ErrorCode(err) {
		case "":
			won++
		case domain.Conflict, domain.Invalid:
		default:
			t.Fatalf("take: %v", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d members got the place, want 1", won)
	}
	events := must(v.svc.Timeline(as(ids[5]), team.ID))
	if len(events) < 3 || events[0].Kind != patrol.EventTake || events[1].Kind != patrol.EventDrop {
		t.Fatalf("timeline = %+v", events)
	}
}

// TestDropGoesToCandidates: a dropped place is mailed to the members who
// may take it, lightest load first, at most five and never the one who
// dropped it; the candidates are listed the same way, and the first one
// takes it.
func TestDropGoesToCandidates(t *testing.T) {
	v := newVillage(t)
	notes := &recorder{}
	v.svc = patrol.NewService(v.db.Database, v.comms, patrol.Config{Notifier: notes, Now: v.clock.Now})
	team, ids := v.team(t, 12)
	must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	dropper := ids[3]
	p := must(v.svc.MyShifts(as(dropper), team.ID, "2026-12"))[0]
	if got := must(v.svc.Candidates(as(ids[1]), p.ID)); len(got) != 0 {
		t.Fatalf("candidates for a held place: %+v", got)
	}
	must(v.svc.Drop(as(dropper), p.ID))
	ranked := must(v.svc.Candidates(as(ids[1]), p.ID))
	if len(ranked) < 2 {
		t.Fatalf("%d candidates", len(ranked))
	}
	for i, l := range ranked {
		if i > 0 && l.Weight < ranked[i-1].Weight {
			t.Fatalf("candidates not lightest first: %+v", ranked)
		}
	}
	var want []domain.ID
	for _, l := range ranked {
		if l.UserID != dropper && len(want) < 5 {
			want = append(want, l.UserID)
		}
	}
	var told []domain.ID
	for _, it := range notes.of(patrol.KindShiftUnfilled) {
		if it.Subject == "position:"+string(p.ID) && strings.HasPrefix(it.Occurrence, "drop/") {
			told = append(told, it.RecipientID)
		}
	}
	if !slices.Equal(told, want) {
		t.Fatalf("told %v, want the lightest candidates %v", told, want)
	}
	if got := must(v.svc.Take(as(ranked[0].UserID), p.ID)); got.UserID != ranked[0].UserID {
		t.Fatalf("the first candidate takes it: %+v", got)
	}
	_, err := v.svc.Candidates(context.Background(), p.ID)
	wantCode(t, err, domain.Unauthenticated)
}

// TestTakeRefusedWithReason: a member free only in the mornings may not
// take a dropped evening place, and is told why; one free all day may.
func TestTakeRefusedWithReason(t *testing.T) {
	v := newVillage(t)
	team, ids := v.team(t, 6)
	must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	early := v.residents[0]
	var mornings []patrol.Slot
	for d := time.Sunday; d <= time.Saturday; d++ {
		mornings = append(mornings, patrol.Slot{Weekday: d, Start: 7 * 60, End: 11 * 60})
	}
	must(v.svc.Join(as(early), patrol.MemberInput{TeamID: team.ID, Weekly: mornings}))
	var evening patrol.Position
	var holder domain.ID
	for _, id := range ids {
		for _, p := range must(v.svc.MyShifts(as(id), team.ID, "2026-12")) {
			if p.Start.In(v.c.Location()).Hour() == 19 && evening.ID == "" {
				evening, holder = p, id
			}
		}
	}
	must(v.svc.Drop(as(holder), evening.ID))
	_, err := v.svc.Take(as(early), evening.ID)
	if e, ok := domain.AsError(err); !ok || e.Code != domain.Invalid || e.Message.ZH == "" {
		t.Fatalf("a morning member takes an evening shift: %v", err)
	}
	_ = roster.Unavailable
	if got := must(v.svc.Take(as(holder), evening.ID)); got.UserID != holder || got.State != patrol.Assigned {
		t.Fatalf("taken back = %+v", got)
	}
}

// TestSwap: an offered place goes at once to a member for whom every
// constraint holds; one it does not fit waits for the captain, who
// refuses with a reason, then approves another request.
func TestSwap(t *testing.T) {
	v := newVillage(t)
	team, ids := v.team(t, 6)
	must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	early := v.residents[0]
	var mornings []patrol.Slot
	for d := time.Sunday; d <= time.Saturday; d++ {
		mornings = append(mornings, patrol.Slot{Weekday: d, Start: 7 * 60, End: 11 * 60})
	}
	must(v.svc.Join(as(early), patrol.MemberInput{TeamID: team.ID, Weekly: mornings}))
	evenings := map[domain.ID][]patrol.Position{}
	for _, id := range ids[1:] {
		for _, p := range must(v.svc.MyShifts(as(id), team.ID, "2026-12")) {
			if p.Start.In(v.c.Location()).Hour() == 19 {
				evenings[id] = append(evenings[id], p)
			}
		}
	}
	var a, b domain.ID
	for id := range evenings {
		if a == "" {
			a = id
		} else if b == "" && id != a {
			b = id
		}
	}
	offered := must(v.svc.Offer(as(a), evenings[a][0].ID))
	_, err := v.svc.Offer(as(b), offered.ID)
	wantCode(t, err, domain.NotFound)
	listed := func(who domain.ID) bool {
		return slices.ContainsFunc(must(v.svc.OfferedPositions(as(who), team.ID, "2026-12")), func(p patrol.Position) bool { return p.ID == offered.ID })
	}
	if !listed(b) || listed(a) {
		t.Fatalf("the offered place is listed to a team-mate %v, to its holder %v", listed(b), listed(a))
	}
	r := must(v.svc.TakeOffer(as(early), offered.ID))
	if !r.Pending || r.Swapped || r.Reason.ZH == "" {
		t.Fatalf("a morning member takes an evening: %+v", r)
	}
	_, err = v.svc.DecideSwap(as(b), offered.ID, false, "不合适")
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.DecideSwap(as(v.captain), offered.ID, false, "")
	wantField(t, err, "reason")
	refused := must(v.svc.DecideSwap(as(v.captain), offered.ID, false, "晚班需要熟悉路线的队员"))
	if refused.PendingTaker != "" || refused.UserID != a {
		t.Fatalf("refused = %+v", refused)
	}
	// A member it fits swaps at once, unless they are on that shift already.
	var taker domain.ID
	for _, id := range ids[1:] {
		if id == a {
			continue
		}
		if res, err := v.svc.TakeOffer(as(id), offered.ID); err == nil && res.Swapped {
			taker = id
			break
		}
	}
	if taker == "" {
		t.Fatal("no member could take the swap")
	}
	if listed(b) {
		t.Error("a place swapped is still listed as offered")
	}
	events := must(v.svc.Timeline(as(a), team.ID))
	if events[0].Kind != patrol.EventSwap || events[0].Actor != taker || events[1].Kind != patrol.EventRefuse || events[1].Note != "晚班需要熟悉路线的队员" {
		t.Fatalf("timeline = %+v", events[:2])
	}
}

// TestUncredited: a walked shift is listed for the time bank once it has
// ended, and no longer once marked credited; a shift not walked never is.
func TestUncredited(t *testing.T) {
	v := newVillage(t)
	team, _ := v.team(t, 4)
	must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	mine := must(v.svc.MyShifts(as(v.captain), team.ID, "2026-12"))
	p := mine[0]
	v.clock.Set(p.Start.Add(5 * time.Minute))
	must(v.svc.CheckIn(as(v.captain), p.ID, "", 0))
	if got := must(v.svc.Uncredited(t.Context(), v.c.ID, v.clock.Now())); len(got) != 0 {
		t.Fatalf("before its end: %+v", got)
	}
	end := p.End.Add(time.Minute)
	got := must(v.svc.Uncredited(t.Context(), v.c.ID, end))
	if len(got) != 1 || got[0].ID != p.ID {
		t.Fatalf("after its end: %+v", got)
	}
	if err := v.svc.MarkCredited(t.Context(), p.ID); err != nil {
		t.Fatal(err)
	}
	if got := must(v.svc.Uncredited(t.Context(), v.c.ID, end)); len(got) != 0 {
		t.Fatalf("after crediting: %+v", got)
	}
}
