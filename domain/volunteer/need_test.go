package volunteer_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/volunteer"
)

func TestPostNeedBadInput(t *testing.T) {
	v := newVillage(t)
	tests := []struct {
		name  string
		edit  func(*volunteer.NeedInput)
		field string
	}{
		{"ErrZeroSlots", func(in *volunteer.NeedInput) { in.Slots = 0 }, "slots"},
		{"ErrNegativeSlots", func(in *volunteer.NeedInput) { in.Slots = -2 }, "slots"},
		{"ErrTooManySlots", func(in *volunteer.NeedInput) { in.Slots = volunteer.MaxSlots + 1 }, "slots"},
		{"ErrInThePast", func(in *volunteer.NeedInput) { in.Start, in.End = start.Add(-2*time.Hour), start.Add(-time.Hour) }, "start"},
		{"ErrEndBeforeStart", func(in *volunteer.NeedInput) { in.End = in.Start.Add(-time.Minute) }, "end"},
		{"ErrTooShort", func(in *volunteer.NeedInput) { in.End = in.Start.Add(5 * time.Minute) }, "end"},
		{"ErrTooLong", func(in *volunteer.NeedInput) { in.End = in.Start.Add(13 * time.Hour) }, "end"},
		{"ErrSkillOutsideTaxonomy", func(in *volunteer.NeedInput) { in.Required = []string{"astrology"} }, "required[0]"},
		{"ErrPreferredOutsideTaxonomy", func(in *volunteer.NeedInput) { in.Preferred = []string{"elderly_care", "juggling"} }, "preferred[1]"},
		{"ErrNoRequiredSkill", func(in *volunteer.NeedInput) { in.Required = nil }, "required"},
		{"ErrMicroGridElsewhere", func(in *volunteer.NeedInput) { in.MicroGridID = domain.NewID() }, "microGridId"},
		{"ErrNoAddress", func(in *volunteer.NeedInput) { in.Address = " " }, "address"},
		{"ErrNoTitle", func(in *volunteer.NeedInput) { in.Title = "" }, "title"},
		{"ErrUrgency", func(in *volunteer.NeedInput) { in.Urgency = "panic" }, "urgency"},
		{"ErrWeeklyOnce", func(in *volunteer.NeedInput) { in.Weekly, in.Occurrences = true, 1 }, "occurrences"},
		{"ErrWeeklyTooLong", func(in *volunteer.NeedInput) { in.Weekly, in.Occurrences = true, 60 }, "occurrences"},
		{"ErrExchangeOff", func(in *volunteer.NeedInput) { in.PayWithCredit = true }, "payWithCredit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := v.needInput(2)
			tt.edit(&in)
			_, err := v.svc.PostNeed(as(v.committee), in)
			wantField(t, err, tt.field)
		})
	}
	if l := must(v.svc.Needs(as(v.committee), v.c.ID, volunteer.NeedFilter{}, domain.Page{First: 10})); l.TotalCount != 0 {
		t.Errorf("refused needs were stored: %d", l.TotalCount)
	}
}

func TestPostNeedSources(t *testing.T) {
	v := newVillage(t)
	resident := v.residents[0] // lives in 古城一组, the grid worker's grid
	in := v.needInput(1)
	own := must(v.svc.PostNeed(as(resident), in))
	if own.State != volunteer.NeedPending || own.Source != volunteer.SourceSelf || own.For != resident {
		t.Fatalf("a resident's own need = %+v", own)
	}
	// A pending need is not for every member to see.
	_, err := v.svc.Need(as(v.residents[1]), own.ID)
	wantCode(t, err, domain.NotFound)
	_, err = v.svc.DecideNeed(as(v.residents[1]), own.ID, true, "")
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.DecideNeed(as(v.worker), own.ID, false, "")
	wantField(t, err, "reason")
	approved := must(v.svc.DecideNeed(as(v.worker), own.ID, true, ""))
	if approved.State != volunteer.NeedOpen || approved.DecidedBy != v.worker {
		t.Fatalf("approved = %+v", approved)
	}
	_, err = v.svc.DecideNeed(as(v.worker), own.ID, true, "")
	wantCode(t, err, domain.Conflict)

	in.For = resident
	forResident := must(v.svc.PostNeed(as(v.worker), in))
	if forResident.State != volunteer.NeedOpen || forResident.Source != volunteer.SourceGridWorker || forResident.PostedBy != v.worker || forResident.For != resident {
		t.Fatalf("for a resident = %+v", forResident)
	}
	// Not for a resident of another grid, and a resident posts for no one else.
	elsewhere := v.member(t, "二组村民", v.micro2.ID, "", "")
	in.For = elsewhere
	_, err = v.svc.PostNeed(as(v.worker), in)
	wantField(t, err, "for")
	in.For = v.residents[1]
	_, err = v.svc.PostNeed(as(resident), in)
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.PostNeed(as(v.otherMember), v.needInput(1))
	wantCode(t, err, domain.Forbidden)

	// A need with weekly occurrences has them one week apart.
	in = v.needInput(2)
	in.Weekly, in.Occurrences = true, 4
	weekly := must(v.svc.PostNeed(as(v.committee), in))
	occs := must(v.svc.Occurrences(as(v.residents[1]), weekly.ID))
	if len(occs) != 4 || !occs[3].Start.Equal(in.Start.Add(21*24*time.Hour)) || occs[3].Slots != 2 || occs[3].Index != 4 {
		t.Fatalf("occurrences = %+v", occs)
	}
}

// TestAddressOnlyForClaimed: the exact address and the check-in code are
// never returned to a member who has not claimed; a volunteer sees the
// address once they claim, never the code.
func TestAddressOnlyForClaimed(t *testing.T) {
	v := newVillage(t)
	n := v.need(t, 2)
	vol := v.volunteer(t, "志愿者", "elderly_care")
	for _, who := range []domain.ID{vol, v.residents[1]} {
		got := must(v.svc.Need(as(who), n.ID))
		if got.Address != "" || !got.AddressHidden || got.CheckInCode != "" {
			t.Fatalf("before a claim, %s sees %+v", who, got)
		}
	}
	list := must(v.svc.Needs(as(vol), v.c.ID, volunteer.NeedFilter{}, domain.Page{First: 10}))
	if len(list.Items) != 1 || list.Items[0].Address != "" {
		t.Fatalf("the list shows %+v", list.Items)
	}
	for _, who := range []domain.ID{v.committee, v.leader, v.worker} {
		if got := must(v.svc.Need(as(who), n.ID)); got.Address != "古城一组 12 号" || got.CheckInCode == "" {
			t.Fatalf("%s, who runs it, sees %+v", who, got)
		}
	}
	must(v.svc.Claim(as(vol), v.firstOccurrence(t, n).ID))
	got := must(v.svc.Need(as(vol), n.ID))
	if got.Address != "古城一组 12 号" || got.AddressHidden || got.CheckInCode != "" {
		t.Fatalf("after the claim: %+v", got)
	}
	if got := must(v.svc.Need(as(v.residents[1]), n.ID)); got.Address != "" {
		t.Fatalf("another member after the claim: %+v", got)
	}
}

func TestCancelNeed(t *testing.T) {
	v := newVillage(t)
	n := v.need(t, 1)
	vol := v.volunteer(t, "志愿者", "elderly_care")
	must(v.svc.Claim(as(vol), v.firstOccurrence(t, n).ID))
	_, err := v.svc.CancelNeed(as(v.residents[1]), n.ID, "不需要了")
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.CancelNeed(as(v.committee), n.ID, "")
	wantField(t, err, "reason")
	c := must(v.svc.CancelNeed(as(v.committee), n.ID, "家属回来了，不需要了"))
	if c.State != volunteer.NeedCancelled || c.Reason != "家属回来了，不需要了" {
		t.Fatalf("cancelled = %+v", c)
	}
	if o := v.firstOccurrence(t, n); o.State != volunteer.OccurrenceCancelled {
		t.Fatalf("occurrence = %+v", o)
	}
	if got := v.notes.of(volunteer.KindCancelled); len(got) != 1 || got[0].RecipientID != vol {
		t.Fatalf("told of the cancellation: %+v", got)
	}
	// The claim is void: no task reminder, no calendar entry, no pay.
	claims := must(v.svc.Claims(as(v.committee), v.firstOccurrence(t, n).ID))
	if len(claims) != 1 || claims[0].State != volunteer.Void {
		t.Fatalf("claims after the cancellation: %+v", claims)
	}
	if got := must(v.svc.UpcomingEvents(t.Context(), vol, start)); len(got) != 0 {
		t.Fatalf("a cancelled task in the calendar: %+v", got)
	}
	// The void claim no longer shows the address, nor keeps the volunteer
	// busy for another need at the same time.
	if got := must(v.svc.Need(as(vol), n.ID)); !got.AddressHidden || got.Address != "" {
		t.Fatalf("the address after the cancellation: %+v", got)
	}
	again := v.need(t, 1)
	rk := must(v.svc.Candidates(as(v.committee), v.firstOccurrence(t, again).ID))
	if len(rk.Candidates) != 1 || rk.Candidates[0].Volunteer != vol {
		t.Fatalf("candidates for a need at the same time: %+v, excluded %+v", rk.Candidates, rk.Excluded)
	}
	v.clock.Set(claims[0].End)
	_, err = v.svc.ConfirmHours(as(v.leader), claims[0].ID, 60)
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.Claim(as(vol), v.firstOccurrence(t, n).ID)
	wantCode(t, err, domain.Conflict)
}

// TestCancelNeedUnderWay: cancelling a weekly need keeps the occurrence
// under way and its served claim, which is paid; a need with nothing left
// to cancel is refused.
func TestCancelNeedUnderWay(t *testing.T) {
	v := newVillage(t)
	in := v.needInput(2)
	in.Weekly, in.Occurrences = true, 3
	n := must(v.svc.PostNeed(as(v.committee), in))
	occs := must(v.svc.Occurrences(as(v.committee), n.ID))
	vol := v.volunteer(t, "志愿者", "elderly_care")
	absent := v.volunteer(t, "没来的志愿者", "elderly_care")
	served := must(v.svc.Claim(as(vol), occs[0].ID)).Claim
	waiting := must(v.svc.Claim(as(absent), occs[0].ID)).Claim
	later := must(v.svc.Claim(as(vol), occs[1].ID)).Claim
	code := must(v.svc.Need(as(v.committee), n.ID)).CheckInCode
	one := v.need(t, 1) // at the same time, for another volunteer
	o := v.firstOccurrence(t, one)
	third := v.volunteer(t, "第三位志愿者", "elderly_care")
	c := must(v.svc.Claim(as(third), o.ID)).Claim
	v.clock.Set(occs[0].Start)
	must(v.svc.CheckIn(as(vol), served.ID, code))
	must(v.svc.CheckIn(as(third), c.ID, must(v.svc.Need(as(v.committee), one.ID)).CheckInCode))

	must(v.svc.CancelNeed(as(v.committee), n.ID, "河道已经清理完了"))
	states := map[domain.ID]volunteer.ClaimState{}
	for _, o := range occs[:2] {
		for _, c := range must(v.svc.Claims(as(v.committee), o.ID)) {
			states[c.ID] = c.State
		}
	}
	if states[served.ID] != volunteer.CheckedIn || states[waiting.ID] != volunteer.Claimed || states[later.ID] != volunteer.Void {
		t.Fatalf("claims after cancelling: %+v", states)
	}
	// Told: the one whose later task was voided, not the one expected now.
	if told := v.notes.of(volunteer.KindCancelled); len(told) != 1 || told[0].RecipientID != vol {
		t.Fatalf("told of the cancellation: %+v", told)
	}
	got := must(v.svc.Occurrences(as(v.committee), n.ID))
	if got[0].State != volunteer.OccurrenceInProgress || got[1].State != volunteer.OccurrenceCancelled || got[2].State != volunteer.OccurrenceCancelled {
		t.Fatalf("occurrences after cancelling: %v %v %v", got[0].State, got[1].State, got[2].State)
	}
	v.clock.Set(occs[0].End)
	must(v.svc.CheckOut(as(vol), served.ID, code))
	must(v.svc.ConfirmHours(as(v.leader), served.ID, 90))
	if b := must(v.svc.Balance(as(vol), v.c.ID, vol)); b.Minutes != 90 {
		t.Fatalf("balance = %+v, want 90 minutes", b)
	}

	_, err := v.svc.CancelNeed(as(v.committee), one.ID, "不需要了")
	wantCode(t, err, domain.Conflict)
	if c := must(v.svc.Claims(as(v.committee), o.ID))[0]; c.State != volunteer.CheckedIn {
		t.Fatalf("a refused cancellation changed the claim: %+v", c)
	}
}

// TestNeedDoneWhenOver: a weekly need stays open while an occurrence is
// ahead, and is done once the last is served and its hours confirmed.
func TestNeedDoneWhenOver(t *testing.T) {
	v := newVillage(t)
	in := v.needInput(1)
	in.Weekly, in.Occurrences = true, 2
	n := must(v.svc.PostNeed(as(v.committee), in))
	vol := v.volunteer(t, "志愿者", "elderly_care")
	for i, o := range must(v.svc.Occurrences(as(v.committee), n.ID)) {
		c := must(v.svc.Claim(as(vol), o.ID)).Claim
		v.clock.Set(o.End)
		must(v.svc.ConfirmHours(as(v.leader), c.ID, 90))
		want := []volunteer.NeedState{volunteer.NeedOpen, volunteer.NeedDone}[i]
		if got := must(v.svc.Need(as(v.committee), n.ID)); got.State != want {
			t.Fatalf("after occurrence %d: need %s, want %s", i+1, got.State, want)
		}
	}
	// Done, it stays public: in the list and by ID, for any member.
	if got := must(v.svc.Need(as(v.residents[1]), n.ID)); got.State != volunteer.NeedDone {
		t.Fatalf("a member reads %+v", got)
	}
	done := volunteer.NeedDone
	if l := must(v.svc.Needs(as(v.residents[1]), v.c.ID, volunteer.NeedFilter{State: &done}, domain.Page{First: 10})); l.TotalCount != 1 {
		t.Fatalf("a member lists %d done needs", l.TotalCount)
	}
	_, err := v.svc.CancelNeed(as(v.committee), n.ID, "不需要了")
	wantCode(t, err, domain.Conflict)
}
