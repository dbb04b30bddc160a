package volunteer_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// TestClaimsNeverOverflow: 50 volunteers claim the last 2 slots at once
// on the embedded store; exactly 2 hold a slot and 48 wait, in a line
// without gaps.
func TestClaimsNeverOverflow(t *testing.T) {
	v := newVillage(t)
	n := v.need(t, 3)
	o := v.firstOccurrence(t, n)
	first := v.volunteer(t, "先到的志愿者", "elderly_care")
	must(v.svc.Claim(as(first), o.ID)) // one slot gone: 2 left
	vols := make([]domain.ID, 50)
	for i := range vols {
		vols[i] = v.volunteer(t, fmt.Sprintf("志愿者%02d", i), "elderly_care")
	}
	results := make([]volunteer.ClaimResult, len(vols))
	calls := make([]func() error, len(vols))
	for i, id := range vols {
		calls[i] = func() (err error) { results[i], err = v.svc.Claim(as(id), o.ID); return err }
	}
	for i, err := range domaintest.AtOnce(calls...) {
		if err != nil {
			t.Fatalf("claim %d: %v", i, err)
		}
	}
	claimed, waiting, positions := 0, 0, map[int]bool{}
	for _, r := range results {
		switch {
		case r.Claim != nil:
			claimed++
		case r.Waitlisted:
			waiting++
			positions[r.Position] = true
		}
	}
	if claimed != 2 || waiting != 48 {
		t.Fatalf("claimed %d, waitlisted %d; want 2 and 48", claimed, waiting)
	}
	claims := must(v.svc.Claims(as(v.committee), o.ID))
	slots := map[int]bool{}
	for _, c := range claims {
		slots[c.Slot] = true
	}
	if len(claims) != 3 || len(slots) != 3 {
		t.Fatalf("claims = %+v", claims)
	}
	if got := must(v.svc.Occurrence(as(v.committee), o.ID)); got.OpenSlots != 0 || !got.Filled() {
		t.Fatalf("occurrence = %+v", got)
	}
	if line := must(v.svc.Waitlist(as(v.committee), o.ID)); len(line) != 48 || line[47].Position != 48 {
		t.Fatalf("waitlist of %d", len(line))
	}
	// Claiming again is refused, as is a second place in line.
	_, err := v.svc.Claim(as(first), o.ID)
	wantCode(t, err, domain.Conflict)
	for _, r := range results {
		if r.Waitlisted {
			continue
		}
		_, err := v.svc.Claim(as(r.Claim.Volunteer), o.ID)
		wantCode(t, err, domain.Conflict)
	}
}

// TestCancelPromotesOnce: two cancellations at once promote the first two
// waiting, each exactly once, and each is told once.
func TestCancelPromotesOnce(t *testing.T) {
	v := newVillage(t)
	n := v.need(t, 2)
	o := v.firstOccurrence(t, n)
	a, b := v.volunteer(t, "甲", "elderly_care"), v.volunteer(t, "乙", "elderly_care")
	ca := must(v.svc.Claim(as(a), o.ID)).Claim
	cb := must(v.svc.Claim(as(b), o.ID)).Claim
	var waiters []domain.ID
	for i := range 3 {
		w := v.volunteer(t, fmt.Sprintf("候补%d", i+1), "elderly_care")
		if r := must(v.svc.Claim(as(w), o.ID)); !r.Waitlisted || r.Position != i+1 {
			t.Fatalf("waiter %d: %+v", i, r)
		}
		v.clock.Add(time.Second)
		waiters = append(waiters, w)
	}
	for i, err := range domaintest.AtOnce(
		func() error { _, err := v.svc.CancelClaim(as(a), ca.ID); return err },
		func() error { _, err := v.svc.CancelClaim(as(b), cb.ID); return err },
	) {
		if err != nil {
			t.Fatalf("cancel %d: %v", i, err)
		}
	}
	holders := map[domain.ID]int{}
	for _, c := range must(v.svc.Claims(as(v.committee), o.ID)) {
		holders[c.Volunteer]++
		if !c.Promoted {
			t.Errorf("claim %+v is not marked promoted", c)
		}
	}
	if len(holders) != 2 || holders[waiters[0]] != 1 || holders[waiters[1]] != 1 {
		t.Fatalf("holders = %v, want the first two waiters once each", holders)
	}
	line := must(v.svc.Waitlist(as(v.committee), o.ID))
	if len(line) != 1 || line[0].Volunteer != waiters[2] || line[0].Position != 1 {
		t.Fatalf("waitlist = %+v", line)
	}
	told := map[domain.ID]int{}
	for _, it := range v.notes.of(volunteer.KindPromoted) {
		told[it.RecipientID]++
	}
	if len(told) != 2 || told[waiters[0]] != 1 || told[waiters[1]] != 1 {
		t.Fatalf("told = %v", told)
	}
	if got := must(v.svc.Occurrence(as(v.committee), o.ID)); got.OpenSlots != 0 {
		t.Fatalf("open slots = %d", got.OpenSlots)
	}
	// The third leaves the line; a later cancellation finds no one.
	if err := v.svc.LeaveWaitlist(as(waiters[2]), o.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, v.svc.LeaveWaitlist(as(waiters[2]), o.ID), domain.NotFound)
}

func TestClaimRules(t *testing.T) {
	v := newVillage(t)
	n := v.need(t, 2)
	o := v.firstOccurrence(t, n)
	// Not a volunteer; pending; without the required skill.
	_, err := v.svc.Claim(as(v.residents[0]), o.ID)
	wantCode(t, err, domain.Forbidden)
	must(v.svc.Join(as(v.residents[0]), volunteer.ProfileInput{CommunityID: v.c.ID, MaxMinutesPerWeek: 60, Skills: []volunteer.SkillLevel{{Code: "elderly_care", Level: 1}}}))
	_, err = v.svc.Claim(as(v.residents[0]), o.ID)
	wantCode(t, err, domain.Conflict)
	fixer := v.volunteer(t, "电工", "plumbing_electrical")
	_, err = v.svc.Claim(as(fixer), o.ID)
	wantField(t, err, "occurrenceId")

	// A sensitive need takes a verified credential.
	in := v.needInput(1)
	in.Required, in.Sensitive = []string{"medical_care"}, true
	sensitive := must(v.svc.PostNeed(as(v.committee), in))
	nurse := v.member(t, "护士", v.micro1.ID, "", "")
	must(v.svc.Join(as(nurse), volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: v.team.ID, MaxMinutesPerWeek: 600,
		Skills: []volunteer.SkillLevel{{Code: "medical_care", Level: 3, Credential: "护士执业证书 001"}}}))
	must(v.svc.Confirm(as(v.committee), v.c.ID, nurse))
	so := v.firstOccurrence(t, sensitive)
	_, err = v.svc.Claim(as(nurse), so.ID)
	wantField(t, err, "occurrenceId")
	must(v.svc.VerifyCredential(as(v.committee), v.c.ID, nurse, "medical_care"))
	if r := must(v.svc.Claim(as(nurse), so.ID)); r.Claim == nil {
		t.Fatalf("a verified nurse: %+v", r)
	}

	// Once it started, no claim.
	vol := v.volunteer(t, "志愿者", "elderly_care")
	v.clock.Set(o.Start)
	_, err = v.svc.Claim(as(vol), o.ID)
	wantCode(t, err, domain.Conflict)
}

func TestLateCancelCounts(t *testing.T) {
	v := newVillage(t)
	n := v.need(t, 1) // starts 25 h after the village's clock
	o := v.firstOccurrence(t, n)
	vol := v.volunteer(t, "志愿者", "elderly_care")
	c := must(v.svc.Claim(as(vol), o.ID)).Claim
	must(v.svc.CancelClaim(as(vol), c.ID))
	c = must(v.svc.Claim(as(vol), o.ID)).Claim
	v.clock.Set(o.Start.Add(-11 * time.Hour))
	must(v.svc.CancelClaim(as(vol), c.ID))
	if r := must(v.svc.Reliability(as(v.committee), v.c.ID, vol)); r.LateCancels != 1 || r.NoShows != 0 {
		t.Fatalf("reliability = %+v, want one late cancellation", r)
	}
}

// TestCheckInToHours walks one task: check-in by the place's code, a
// wrong code refused, check-out by the coordinator, hours confirmed once,
// the balance and the pool, the rating.
func TestCheckInToHours(t *testing.T) {
	v := newVillage(t)
	in := v.needInput(1)
	in.For = v.residents[0]
	n := must(v.svc.PostNeed(as(v.worker), in))
	o := v.firstOccurrence(t, n)
	vol := v.volunteer(t, "志愿者", "elderly_care")
	c := must(v.svc.Claim(as(vol), o.ID)).Claim
	code := must(v.svc.Need(as(v.worker), n.ID)).CheckInCode

	_, err := v.svc.CheckIn(as(vol), c.ID, code)
	wantCode(t, err, domain.Conflict) // a day early
	v.clock.Set(o.Start.Add(-10 * time.Minute))
	_, err = v.svc.CheckIn(as(vol), c.ID, "WRONGCOD")
	wantField(t, err, "code")
	_, err = v.svc.CheckIn(as(vol), c.ID, "")
	wantCode(t, err, domain.Forbidden) // only a coordinator checks in without the code
	_, err = v.svc.CheckIn(as(v.residents[1]), c.ID, code)
	wantCode(t, err, domain.NotFound)
	got := must(v.svc.CheckIn(as(vol), c.ID, " "+code+" "))
	if got.State != volunteer.CheckedIn || got.CheckedInAt.IsZero() {
		t.Fatalf("checked in = %+v", got)
	}
	if occ := must(v.svc.Occurrence(as(v.committee), o.ID)); occ.State != volunteer.OccurrenceInProgress {
		t.Fatalf("occurrence = %+v", occ)
	}
	_, err = v.svc.CheckIn(as(vol), c.ID, code)
	wantCode(t, err, domain.Conflict)
	v.clock.Set(o.End)
	must(v.svc.CheckOut(as(v.leader), c.ID, ""))

	_, err = v.svc.ConfirmHours(as(vol), c.ID, 90)
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.ConfirmHours(as(v.leader), c.ID, 0)
	wantField(t, err, "minutes")
	must(v.svc.ConfirmHours(as(v.leader), c.ID, 90))
	_, err = v.svc.ConfirmHours(as(v.committee), c.ID, 90)
	wantCode(t, err, domain.Conflict)
	if b := must(v.svc.Balance(as(vol), v.c.ID, vol)); b.Minutes != 90 || b.Earned != 90 {
		t.Fatalf("balance = %+v", b)
	}
	if occ := must(v.svc.Occurrence(as(v.committee), o.ID)); occ.State != volunteer.OccurrenceDone {
		t.Fatalf("occurrence = %+v", occ)
	}
	// Its only occurrence over, the need is done.
	if got := must(v.svc.Need(as(v.worker), n.ID)); got.State != volunteer.NeedDone {
		t.Errorf("need state %s, want done", got.State)
	}
	if asks := v.notes.of(volunteer.KindRateRequest); len(asks) != 1 || asks[0].RecipientID != v.residents[0] {
		t.Fatalf("rating asked of %+v", asks)
	}
	sum, pool := must2(v.svc.LedgerSum(as(v.committee), v.c.ID))
	if sum != 0 || pool != -90 {
		t.Fatalf("ledger sum %d, pool %d", sum, pool)
	}
	_, err = v.svc.Rate(as(v.residents[1]), o.ID, 5, "")
	wantCode(t, err, domain.NotFound)
	_, err = v.svc.Rate(as(v.residents[0]), o.ID, 6, "")
	wantField(t, err, "stars")
	if r := must(v.svc.Rate(as(v.residents[0]), o.ID, 5, "小伙子很耐心")); r.Rating != 5 {
		t.Fatalf("rated = %+v", r)
	}
	_, err = v.svc.Rate(as(v.residents[0]), o.ID, 4, "")
	wantCode(t, err, domain.Conflict)
}

func TestNoShowAndDispute(t *testing.T) {
	v := newVillage(t)
	n := v.need(t, 1)
	o := v.firstOccurrence(t, n)
	vol := v.volunteer(t, "志愿者", "elderly_care")
	c := must(v.svc.Claim(as(vol), o.ID)).Claim
	_, err := v.svc.MarkNoShow(as(v.leader), c.ID)
	wantCode(t, err, domain.Conflict) // not started
	v.clock.Set(o.Start.Add(30 * time.Minute))
	_, err = v.svc.MarkNoShow(as(vol), c.ID)
	wantCode(t, err, domain.Forbidden)
	must(v.svc.MarkNoShow(as(v.leader), c.ID))
	if r := must(v.svc.Reliability(as(v.committee), v.c.ID, vol)); r.NoShows != 1 {
		t.Fatalf("reliability = %+v", r)
	}
	_, err = v.svc.ConfirmHours(as(v.leader), c.ID, 60)
	wantCode(t, err, domain.Conflict)
	must(v.svc.DisputeNoShow(as(vol), c.ID, "我到了，老人家里没人开门"))
	_, err = v.svc.DisputeNoShow(as(vol), c.ID, "再申诉一次")
	wantCode(t, err, domain.Conflict)
	must(v.svc.DecideDispute(as(v.leader), c.ID, true))
	if r := must(v.svc.Reliability(as(v.committee), v.c.ID, vol)); r.NoShows != 0 {
		t.Fatalf("after the dispute: %+v", r)
	}
}

func must2[A, B any](a A, b B, err error) (A, B) {
	if err != nil {
		panic(err)
	}
	return a, b
}
