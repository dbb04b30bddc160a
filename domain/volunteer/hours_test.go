package volunteer_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// TestLedgerSumsToZero is a property test: after a random sequence of
// 1,000 operations on the time bank (confirmations, corrections up and
// down, refused ones, repeats, help paid from credit), the community's
// movements sum to zero and every balance equals a model's.
func TestLedgerSumsToZero(t *testing.T) {
	v := newVillage(t)
	rng := rand.New(rand.NewPCG(27, 11))
	vols := make([]domain.ID, 8)
	for i := range vols {
		vols[i] = v.volunteer(t, fmt.Sprintf("志愿者%d", i), "elderly_care")
	}
	model := map[domain.ID]int{}
	type task struct {
		claim     domain.ID
		volunteer domain.ID
		payer     domain.ID // who pays from credit; empty for the pool alone
		confirmed bool
		minutes   int // confirmed, corrections included
	}
	var tasks []*task
	// Claims on needs that start within the hour; one need in four is paid
	// from the credit of a volunteer who earned some first.
	post := func(payer domain.ID, slots int) volunteer.Need {
		in := v.needInput(slots)
		in.Start, in.End = v.clock.Now().Add(30*time.Minute), v.clock.Now().Add(90*time.Minute)
		if payer != "" {
			in.PayWithCredit = true
			n := must(v.svc.PostNeed(as(payer), in))
			return must(v.svc.DecideNeed(as(v.worker), n.ID, true, ""))
		}
		return must(v.svc.PostNeed(as(v.committee), in))
	}
	claimAll := func(n volunteer.Need, payer domain.ID) {
		o := v.firstOccurrence(t, n)
		for _, id := range vols {
			if id == payer {
				continue
			}
			if r := must(v.svc.Claim(as(id), o.ID)); r.Claim != nil {
				tasks = append(tasks, &task{claim: r.Claim.ID, volunteer: id, payer: payer})
			}
		}
	}
	for range 6 {
		claimAll(post("", len(vols)), "")
	}
	v.clock.Add(time.Hour)
	// The first volunteer earns enough to pay for help later.
	for _, tk := range tasks {
		if tk.volunteer == vols[0] {
			must(v.svc.ConfirmHours(as(v.leader), tk.claim, 600))
			tk.confirmed, tk.minutes, model[vols[0]] = true, 600, model[vols[0]]+600
		}
	}
	must(v.svc.SetSettings(as(v.committee), v.c.ID, volunteer.Settings{Exchange: true}))
	for range 2 {
		claimAll(post(vols[0], 2), vols[0])
	}
	v.clock.Add(time.Hour)

	refused := 0
	for i := range 1000 {
		tk := tasks[rng.IntN(len(tasks))]
		switch op := rng.IntN(10); {
		case op < 4: // confirm, maybe again, maybe with bad minutes
			minutes := 1 + rng.IntN(volunteer.MaxTaskMinutes)
			if rng.IntN(10) == 0 {
				minutes = -minutes
			}
			_, err := v.svc.ConfirmHours(as(v.leader), tk.claim, minutes)
			if err != nil {
				refused++
				if !tk.confirmed && minutes > 0 {
					t.Fatalf("op %d: confirm refused: %v", i, err)
				}
				continue
			}
			if tk.confirmed {
				t.Fatalf("op %d: a task was paid twice", i)
			}
			tk.confirmed, tk.minutes = true, minutes
			model[tk.volunteer] += minutes
			if tk.payer != "" {
				model[tk.payer] -= minutes
			}
		default: // correct up or down, sometimes more than may be taken back
			delta := rng.IntN(121) - 80
			_, err := v.svc.CorrectHours(as(v.committee), tk.claim, delta, "更正服务时长")
			if err != nil {
				refused++
				if tk.confirmed && delta != 0 && -delta <= tk.minutes && tk.minutes+delta <= volunteer.MaxTaskMinutes {
					t.Fatalf("op %d: a valid correction refused: %v", i, err)
				}
				continue
			}
			tk.minutes += delta
			model[tk.volunteer] += delta
		}
	}
	sum, pool := must2(v.svc.LedgerSum(as(v.committee), v.c.ID))
	if sum != 0 {
		t.Fatalf("the ledger sums to %d", sum)
	}
	total := 0
	for _, id := range vols {
		b := must(v.svc.Balance(as(v.committee), v.c.ID, id))
		if b.Minutes != model[id] {
			t.Errorf("balance of %s = %d, model %d", id, b.Minutes, model[id])
		}
		total += b.Minutes
	}
	if pool != -total {
		t.Errorf("pool %d, volunteers %d", pool, total)
	}
	if refused == 0 || refused == 1000 {
		t.Errorf("%d of 1000 operations refused: the sequence does not test both", refused)
	}
}

// TestCorrectionsAtOnce: of eight corrections that each take back 40 of a
// task's 60 minutes at once, one is written and the others are refused,
// so a balance never goes below what was served.
func TestCorrectionsAtOnce(t *testing.T) {
	v := newVillage(t)
	vol := v.volunteer(t, "志愿者", "elderly_care")
	o := v.firstOccurrence(t, v.need(t, 1))
	c := must(v.svc.Claim(as(vol), o.ID)).Claim
	v.clock.Set(o.End)
	must(v.svc.ConfirmHours(as(v.leader), c.ID, 60))
	var wg sync.WaitGroup
	codes := make([]domain.Code, 8)
	for i := range codes {
		wg.Go(func() {
			_, err := v.svc.CorrectHours(as(v.committee), c.ID, -40, "提前离开")
			codes[i] = domain.ErrorCode(err)
		})
	}
	wg.Wait()
	written := 0
	for _, code := range codes {
		switch code {
		case "":
			written++
		case domain.Conflict, domain.Invalid: // changed meanwhile, or read after the first
		default:
			t.Fatalf("a correction failed with %s", code)
		}
	}
	if written != 1 {
		t.Fatalf("%d corrections written at once, want 1 (%v)", written, codes)
	}
	if b := must(v.svc.Balance(as(vol), v.c.ID, vol)); b.Minutes != 20 {
		t.Fatalf("balance = %+v, want 20 minutes", b)
	}
	if sum, _ := must2(v.svc.LedgerSum(as(v.committee), v.c.ID)); sum != 0 {
		t.Fatalf("the ledger sums to %d", sum)
	}
}

func TestCertificate(t *testing.T) {
	v := newVillage(t)
	vol := v.volunteer(t, "志愿者", "elderly_care")
	for i := range 2 {
		in := v.needInput(1)
		in.Start, in.End = v.clock.Now().Add(time.Hour), v.clock.Now().Add(3*time.Hour)
		n := must(v.svc.PostNeed(as(v.committee), in))
		c := must(v.svc.Claim(as(vol), v.firstOccurrence(t, n).ID)).Claim
		v.clock.Add(4 * time.Hour)
		must(v.svc.ConfirmHours(as(v.leader), c.ID, 60+30*i))
		if i == 1 {
			must(v.svc.CorrectHours(as(v.leader), c.ID, -15, "提前离开"))
		}
	}
	day := v.clock.Now().In(v.c.Location()).Format(time.DateOnly)
	_, err := v.svc.IssueCertificate(as(v.residents[0]), v.c.ID, vol, "2026-01-01", day)
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.IssueCertificate(as(vol), v.c.ID, vol, day, "2026-01-01")
	wantField(t, err, "to")
	cert := must(v.svc.IssueCertificate(as(vol), v.c.ID, vol, "2026-01-01", day))
	if cert.Minutes != 60+90-15 || cert.Tasks != 2 || cert.RecordSeq < 0 {
		t.Fatalf("certificate = %+v", cert)
	}
	// Anyone with the code reads it; the record holds its totals, not the name.
	got := must(v.svc.CertificateByCode(t.Context(), cert.Code))
	if got.ID != cert.ID || got.Volunteer != vol {
		t.Fatalf("by code = %+v", got)
	}
	_, err = v.svc.CertificateByCode(t.Context(), "AAAAAAAAAAAAAAAA")
	wantCode(t, err, domain.NotFound)
	e, found, err := v.record.EntryAbout(t.Context(), v.c.ID, ledger.Certificate, domain.GlobalID("VolunteerCertificate", cert.ID))
	if err != nil || !found || e.Seq != cert.RecordSeq {
		t.Fatalf("record entry = %+v, %v, %v", e, found, err)
	}
	want := fmt.Sprintf(`{"certificate":%q,"from":"2026-01-01","minutes":135,"tasks":2,"to":%q}`, cert.Code, day)
	if string(e.Payload) != want {
		t.Fatalf("payload = %s, want %s", e.Payload, want)
	}
}

// TestExchangeForFamily: a volunteer pays from their credit for help to a
// family member; the need waits for the grid worker, and the payer's
// balance, not the family member's, pays the pool.
func TestExchangeForFamily(t *testing.T) {
	v := newVillage(t)
	payer, helper := v.volunteer(t, "付款人", "elderly_care"), v.volunteer(t, "帮手", "elderly_care")
	mother := v.residents[0]
	// The payer earns 3 hours first.
	in := v.needInput(1)
	in.Start, in.End = v.clock.Now().Add(time.Hour), v.clock.Now().Add(4*time.Hour)
	n := must(v.svc.PostNeed(as(v.committee), in))
	c := must(v.svc.Claim(as(payer), v.firstOccurrence(t, n).ID)).Claim
	v.clock.Add(5 * time.Hour)
	must(v.svc.ConfirmHours(as(v.leader), c.ID, 180))
	in = v.needInput(1)
	in.Start, in.End = v.clock.Now().Add(2*time.Hour), v.clock.Now().Add(4*time.Hour)
	in.For = mother
	_, err := v.svc.PostNeed(as(payer), in)
	wantCode(t, err, domain.Forbidden) // a resident posts for no one else without paying
	in.PayWithCredit = true
	_, err = v.svc.PostNeed(as(payer), in)
	wantField(t, err, "payWithCredit") // the exchange is off
	must(v.svc.SetSettings(as(v.committee), v.c.ID, volunteer.Settings{Exchange: true}))
	n = must(v.svc.PostNeed(as(payer), in))
	if n.State != volunteer.NeedPending || n.For != mother || n.PostedBy != payer {
		t.Fatalf("posted = %+v", n)
	}
	must(v.svc.DecideNeed(as(v.worker), n.ID, true, ""))
	c = must(v.svc.Claim(as(helper), v.firstOccurrence(t, n).ID)).Claim
	v.clock.Add(5 * time.Hour)
	must(v.svc.ConfirmHours(as(v.leader), c.ID, 120))
	if b := must(v.svc.Balance(as(payer), v.c.ID, payer)); b.Minutes != 60 || b.Spent != 120 {
		t.Fatalf("payer = %+v", b)
	}
	if b := must(v.svc.Balance(as(v.committee), v.c.ID, mother)); b.Minutes != 0 {
		t.Fatalf("the mother paid: %+v", b)
	}
	if sum, _ := must2(v.svc.LedgerSum(as(v.committee), v.c.ID)); sum != 0 {
		t.Fatalf("sum = %d", sum)
	}

	// A resident who cannot name the member says who it is; the grid worker
	// names them on approval.
	in = v.needInput(1)
	in.Start, in.End = v.clock.Now().Add(2*time.Hour), v.clock.Now().Add(3*time.Hour)
	in.Family = "母亲 村民1"
	_, err = v.svc.PostNeed(as(payer), in)
	wantField(t, err, "family") // not paid from credit
	in.PayWithCredit, in.For = true, v.residents[1]
	_, err = v.svc.PostNeed(as(v.worker), in)
	wantField(t, err, "payWithCredit") // staff posting for a resident pay from no one's credit
	_, err = v.svc.PostNeed(as(payer), in)
	wantField(t, err, "family") // a member named and described
	in.For, in.Family = "", "母"
	_, err = v.svc.PostNeed(as(payer), in)
	wantField(t, err, "family")
	in.Family = "母亲 村民1"
	n = must(v.svc.PostNeed(as(payer), in))
	if n.State != volunteer.NeedPending || n.For != payer || n.Family != "母亲 村民1" {
		t.Fatalf("posted for family = %+v", n)
	}
	_, err = v.svc.DecideNeed(as(v.worker), n.ID, true, "")
	wantField(t, err, "forMemberId") // the member first
	_, err = v.svc.ApproveForFamily(as(payer), n.ID, mother)
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.ApproveForFamily(as(v.worker), n.ID, v.otherMember)
	wantField(t, err, "forMemberId")
	approved := must(v.svc.ApproveForFamily(as(v.worker), n.ID, mother))
	if approved.State != volunteer.NeedOpen || approved.For != mother || approved.PostedBy != payer {
		t.Fatalf("approved for family = %+v", approved)
	}
	if got := must(v.svc.Need(as(mother), n.ID)); got.AddressHidden {
		t.Fatalf("the mother cannot read the address: %+v", got)
	}
	if got := must(v.svc.Need(as(helper), n.ID)); got.Family != "" || !got.AddressHidden {
		t.Fatalf("a volunteer reads the family or the address: %+v", got)
	}
	_, err = v.svc.ApproveForFamily(as(v.worker), n.ID, mother)
	wantCode(t, err, domain.Conflict)
	c = must(v.svc.Claim(as(helper), v.firstOccurrence(t, n).ID)).Claim
	v.clock.Add(4 * time.Hour)
	must(v.svc.ConfirmHours(as(v.leader), c.ID, 60))
	if b := must(v.svc.Balance(as(payer), v.c.ID, payer)); b.Minutes != 0 || b.Spent != 180 {
		t.Fatalf("payer after the second = %+v", b)
	}
	if sum, _ := must2(v.svc.LedgerSum(as(v.committee), v.c.ID)); sum != 0 {
		t.Fatalf("sum = %d", sum)
	}
}

// TestCreditPatrol: a patrol walked by a volunteer is paid once from the
// pool; a member who is no volunteer is not credited.
func TestCreditPatrol(t *testing.T) {
	v := newVillage(t)
	vol := v.volunteer(t, "巡防队员", "traffic")
	patrolID := domain.NewID()
	for range 2 {
		must(v.svc.CreditPatrol(t.Context(), v.c.ID, vol, patrolID, 120, v.clock.Now()))
	}
	if b := must(v.svc.Balance(as(vol), v.c.ID, vol)); b.Minutes != 120 || b.Earned != 120 {
		t.Fatalf("balance = %+v", b)
	}
	if ok := must(v.svc.CreditPatrol(t.Context(), v.c.ID, v.residents[0], domain.NewID(), 120, v.clock.Now())); ok {
		t.Fatal("a member who is no volunteer was credited")
	}
	if sum, _ := must2(v.svc.LedgerSum(as(v.committee), v.c.ID)); sum != 0 {
		t.Fatalf("sum = %d", sum)
	}
}
