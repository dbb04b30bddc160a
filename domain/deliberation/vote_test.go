package deliberation_test

import (
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// acceptedTopic proposes a topic affecting both grids, gets it 10 supports
// and accepts it for the villagers' council.
func (v *village) acceptedTopic(tb testing.TB) deliberation.Topic {
	tb.Helper()
	topic := must(v.svc.Propose(as(v.residents[0]), deliberation.ProposeInput{CommunityID: v.c.ID, Title: "村口停车难", Body: "车辆乱停",
		Category: deliberation.PublicAffairs, GridIDs: []domain.ID{v.grid1.ID, v.grid2.ID}}))
	for _, r := range v.residents[:10] {
		must(v.svc.Support(as(r), topic.ID))
	}
	return must(v.svc.Screen(as(v.party), deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
}

func TestPanelAndDraw(t *testing.T) {
	v := newVillage(t, 20)
	topic := v.acceptedTopic(t)
	rules := []deliberation.SeatRule{
		{Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Min: 3, Max: 5},
		{Kind: deliberation.AffectedResidents, GridID: v.grid2.ID, Min: 3, Max: 5},
		{Kind: deliberation.PartyMembers, Min: 1, Max: 2},
		{Kind: deliberation.Experts, Min: 1, Max: 1},
	}
	_, err := v.svc.SetSeatRules(as(v.residents[0]), topic.ID, rules)
	wantCode(t, err, domain.Forbidden)
	must(v.svc.SetSeatRules(as(v.committee), topic.ID, rules))
	draw := deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Count: 3}
	_, err = v.svc.DrawSeats(as(v.committee), draw)
	wantCode(t, err, domain.Conflict)                                                              // the seed comes first
	must(v.svc.Nominate(as(v.committee), topic.ID, v.residents[1], deliberation.PartyMembers, "")) // before the seed
	p := must(v.svc.PublishSeed(as(v.committee), topic.ID))
	if len(p.Seed) != 32 || p.SeedPublishedAt.IsZero() {
		t.Fatalf("panel = %+v", p)
	}
	if again := must(v.svc.PublishSeed(as(v.committee), topic.ID)); again.Seed != p.Seed {
		t.Errorf("the seed changed after it was published")
	}
	seats := must(v.svc.DrawSeats(as(v.committee), draw))
	if len(seats) != 3 {
		t.Fatalf("drew %d", len(seats))
	}
	// Recomputed from the seed and the eligible list: the same panel.
	if !must(v.svc.VerifyDraw(as(v.residents[5]), seats[0].DrawID)) {
		t.Error("the recorded draw does not recompute")
	}
	_, err = v.svc.Nominate(as(v.committee), topic.ID, seats[0].UserID, deliberation.Experts, "")
	wantCode(t, err, domain.Conflict)
	cov := must(v.svc.Representativeness(as(v.committee), topic.ID))
	if len(cov.UncoveredGrid) != 1 || cov.UncoveredGrid[0] != v.grid2.ID || cov.Rules[0].Gap != 0 || cov.Rules[1].Gap != 3 || cov.Rules[3].Gap != 1 {
		t.Errorf("coverage = %+v", cov)
	}
	// After the seed, no one the lot could draw is nominated: that would steer it.
	_, err = v.svc.Nominate(as(v.committee), topic.ID, v.residents[3], deliberation.Experts, "")
	wantCode(t, err, domain.Conflict)
	for _, st := range seats[:2] {
		must(v.svc.RespondToSeat(as(st.UserID), topic.ID, true))
	}
	must(v.svc.RespondToSeat(as(seats[2].UserID), topic.ID, false))
	cov = must(v.svc.Representativeness(as(v.committee), topic.ID))
	if cov.Rules[0].Filled != 2 || cov.Rules[0].Gap != 1 {
		t.Errorf("a decline leaves a gap: %+v", cov.Rules[0])
	}
	// A replacement draw skips those already seated, declined included.
	draw.Count = 1
	repl := must(v.svc.DrawSeats(as(v.committee), draw))
	for _, st := range seats {
		if repl[0].UserID == st.UserID {
			t.Errorf("the replacement %s was drawn before", st.UserID)
		}
	}
	_, err = v.svc.DrawSeats(as(v.committee), deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.Experts, Count: 1})
	wantCode(t, err, domain.Invalid)
	// No drawing past a rule's maximum (grid 1 allows 5; 3 seats stand).
	_, err = v.svc.DrawSeats(as(v.committee), deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Count: 3})
	wantCode(t, err, domain.Invalid)
	// Rules are fixed once the seed is out.
	_, err = v.svc.SetSeatRules(as(v.committee), topic.ID, rules)
	wantCode(t, err, domain.Conflict)
}

// TestConfirmPanel: the committee confirms a panel once every rule's
// minimum is met by accepted seats; then only declines are refilled, up to
// the minimum; the meeting's start locks it.
func TestConfirmPanel(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.acceptedTopic(t)
	_, err := v.svc.ConfirmPanel(as(v.committee), topic.ID)
	wantCode(t, err, domain.Conflict) // no rules yet
	must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 3, Max: 4}}))
	for _, r := range v.residents[:3] {
		must(v.svc.Nominate(as(v.committee), topic.ID, r, deliberation.Representatives, ""))
	}
	must(v.svc.RespondToSeat(as(v.residents[0]), topic.ID, true))
	must(v.svc.RespondToSeat(as(v.residents[1]), topic.ID, true))
	_, err = v.svc.ConfirmPanel(as(v.committee), topic.ID)
	wantCode(t, err, domain.Conflict) // one seat not accepted yet
	_, err = v.svc.ConfirmPanel(as(v.residents[0]), topic.ID)
	wantCode(t, err, domain.Forbidden)
	must(v.svc.RespondToSeat(as(v.residents[2]), topic.ID, true))
	p := must(v.svc.ConfirmPanel(as(v.committee), topic.ID))
	if p.State != deliberation.PanelConfirmed || p.ConfirmedBy != v.committee || p.ConfirmedAt.IsZero() {
		t.Fatalf("panel = %+v, want confirmed by the committee", p)
	}
	if again := must(v.svc.ConfirmPanel(as(v.committee), topic.ID)); !again.ConfirmedAt.Equal(p.ConfirmedAt) {
		t.Errorf("confirming again moved the confirmation")
	}
	_, err = v.svc.Nominate(as(v.committee), topic.ID, v.residents[3], deliberation.Representatives, "")
	wantCode(t, err, domain.Conflict) // the minimum is met: no fourth seat after confirmation
	must(v.svc.RespondToSeat(as(v.residents[2]), topic.ID, false))
	must(v.svc.Nominate(as(v.committee), topic.ID, v.residents[3], deliberation.Representatives, "")) // replaces the decline
	_, err = v.svc.Nominate(as(v.committee), topic.ID, v.residents[4], deliberation.Experts, "")
	wantCode(t, err, domain.Invalid) // no such rule
	n := 0
	for _, e := range must(v.svc.Timeline(as(v.residents[5]), topic.ID)) {
		if e.Kind == "panel_confirmed" && e.ActorID == v.committee {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d confirmations on the timeline, want 1", n)
	}
}

func openMotion(tb testing.TB, v *village, topic deliberation.Topic, method deliberation.Method, secret bool) deliberation.Motion {
	tb.Helper()
	return must(v.svc.OpenMotion(as(v.committee), deliberation.MotionInput{TopicID: topic.ID, Text: "在村委会后空地设临时停车场", Method: method, Secret: secret, Deadline: v.clock.Now().Add(48 * time.Hour)}))
}

// adoptedResolution seats a panel on the topic, passes a motion by majority
// and adopts it.
func adoptedResolution(tb testing.TB, v *village, topic deliberation.Topic) deliberation.Resolution {
	tb.Helper()
	panelists := seatPanel(tb, v, topic)
	motion := openMotion(tb, v, topic, deliberation.MajorityCast, false)
	for _, r := range panelists[:4] {
		must(0, v.svc.Vote(as(r), motion.ID, deliberation.Yes))
	}
	must(v.svc.CloseMotion(as(v.committee), motion.ID))
	return must(v.svc.Adopt(as(v.committee), motion.ID))
}

// seatPanel seats residents 0–5 (accepted) on the topic's panel.
func seatPanel(tb testing.TB, v *village, topic deliberation.Topic) []domain.ID {
	tb.Helper()
	must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 6, Max: 6}}))
	members := v.residents[:6]
	for _, r := range members {
		must(v.svc.Nominate(as(v.committee), topic.ID, r, deliberation.Representatives, ""))
		must(v.svc.RespondToSeat(as(r), topic.ID, true))
	}
	return members
}

func TestVoting(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.acceptedTopic(t)
	members := seatPanel(t, v, topic)
	m := openMotion(t, v, topic, deliberation.MajorityCast, false)
	t.Run("OneVoteFrom20Goroutines", func(t *testing.T) {
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				choice := deliberation.Yes
				if i%2 == 1 {
					choice = deliberation.No
				}
				if err := v.svc.Vote(as(members[0]), m.ID, choice); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		r := must(v.svc.CountNow(as(v.committee), m.ID))
		if r.Yes+r.No+r.Abstain != 1 {
			t.Errorf("%+v: want one vote", r)
		}
	})
	t.Run("ErrNotOnThePanel", func(t *testing.T) {
		wantCode(t, v.svc.Vote(as(v.residents[8]), m.ID, deliberation.Yes), domain.Forbidden)
	})
	t.Run("AssistedVoteWithWitness", func(t *testing.T) {
		// residents[2] lives in grid 1, the worker's.
		wantCode(t, v.svc.RecordAssistedVote(as(v.worker), m.ID, members[2], deliberation.Yes, ""), domain.Invalid)
		if err := v.svc.RecordAssistedVote(as(v.worker), m.ID, members[2], deliberation.Yes, "章美芳"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, v.svc.RecordAssistedVote(as(v.worker), m.ID, members[3], deliberation.Yes, "章美芳"), domain.Forbidden) // grid 2
		// A vote the member cast themself is never replaced by an assisted one.
		must(0, v.svc.Vote(as(members[4]), m.ID, deliberation.No))
		wantCode(t, v.svc.RecordAssistedVote(as(v.worker), m.ID, members[4], deliberation.Yes, "章美芳"), domain.Conflict)
		must(0, v.svc.Vote(as(members[4]), m.ID, deliberation.Yes)) // (and they change it back for the count below)
	})
	for _, r := range members[1:2] {
		must(0, v.svc.Vote(as(r), m.ID, deliberation.Yes))
	}
	must(0, v.svc.Vote(as(members[0]), m.ID, deliberation.Yes)) // changed until close
	must(0, v.svc.Vote(as(members[3]), m.ID, deliberation.No))
	_, err := v.svc.CloseMotion(as(v.residents[0]), m.ID)
	wantCode(t, err, domain.Forbidden)
	closed := must(v.svc.CloseMotion(as(v.committee), m.ID))
	if closed.Yes != 4 || closed.No != 1 || !closed.Quorum || !closed.Passed {
		t.Errorf("result %+v: want 4 yes, 1 no, quorum (5 of 6), passed", closed)
	}
	t.Run("ErrVoteAfterClose", func(t *testing.T) {
		wantCode(t, v.svc.Vote(as(members[4]), m.ID, deliberation.Yes), domain.Conflict)
	})
	t.Run("RecomputedSame", func(t *testing.T) {
		again := must(v.svc.Recompute(as(v.committee), m.ID))
		published := must(v.svc.Result(as(members[5]), m.ID))
		if again.Yes != published.Yes || again.No != published.No || again.Passed != published.Passed || again.Quorum != published.Quorum {
			t.Errorf("recomputed %+v, published %+v", again, published)
		}
	})
	t.Run("QuorumAndDeadline", func(t *testing.T) {
		m2 := openMotion(t, v, topic, deliberation.MajorityPanel, true)
		must(0, v.svc.Vote(as(members[0]), m2.ID, deliberation.Yes))
		if r := must(v.svc.Result(as(members[0]), m2.ID)); !r.Open || !r.Hidden || r.Yes != 0 || r.Cast != 1 || r.Passed {
			t.Errorf("open secret ballot's result %+v: want the turnout alone", r)
		}
		if c := must(v.svc.MyVote(as(members[0]), m2.ID)); c != deliberation.Yes {
			t.Errorf("my vote = %q", c)
		}
		v.clock.Add(49 * time.Hour)
		wantCode(t, v.svc.Vote(as(members[1]), m2.ID, deliberation.Yes), domain.Conflict)
		r := must(v.svc.CloseMotion(as(v.committee), m2.ID))
		if r.Quorum || r.Passed {
			t.Errorf("1 vote of 6: %+v, want no quorum and not passed", r)
		}
	})
}

func TestThreePartyMotion(t *testing.T) {
	v := newVillage(t, 12)
	owners := v.staff(t, domain.RoleOwnersCommittee, "")
	firm := v.staff(t, domain.RolePropertyFirm, "")
	topic := v.acceptedTopic(t)
	m := openMotion(t, v, topic, deliberation.ThreeParty, false)
	if len(m.Voters) != 3 {
		t.Fatalf("voters %+v: want the committee, owners' committee and property firm delegates", m.Voters)
	}
	wantCode(t, v.svc.Vote(as(v.residents[0]), m.ID, deliberation.Yes), domain.Forbidden)
	must(0, v.svc.Vote(as(v.committee), m.ID, deliberation.Yes))
	must(0, v.svc.Vote(as(owners), m.ID, deliberation.Yes))
	must(0, v.svc.Vote(as(firm), m.ID, deliberation.No))
	r := must(v.svc.CloseMotion(as(v.committee), m.ID))
	if r.Passed || r.Yes != 2 || r.Parties[deliberation.PropertyParty][1] != 1 {
		t.Errorf("result %+v: the property firm said no, so it fails", r)
	}
}

// TestSeatMaximaUnderRace: seats are counted, then added, so the count
// must not race. 12 nominations at once for a rule of at most 3 seat 3;
// two draws of 3 at once for a rule of at most 4 seat 3 (the second is
// refused); all through the services.
func TestSeatMaximaUnderRace(t *testing.T) {
	v := newVillage(t, 20)
	topic := v.acceptedTopic(t)
	must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{
		{Kind: deliberation.Representatives, Min: 1, Max: 3},
		{Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Min: 1, Max: 4},
	}))
	race := func(n int, call func(i int) error) (ok int) {
		var wg sync.WaitGroup
		var mu sync.Mutex
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				err := call(i)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					ok++
				case domain.ErrorCode(err) == domain.Internal || domain.ErrorCode(err) == "":
					t.Errorf("call %d: %v", i, err)
				}
			}()
		}
		close(start)
		wg.Wait()
		return ok
	}
	nominees := v.residents[10:]
	seated := race(len(nominees), func(i int) error {
		_, err := v.svc.Nominate(as(v.committee), topic.ID, nominees[i], deliberation.Representatives, "")
		return err
	})
	must(v.svc.PublishSeed(as(v.committee), topic.ID))
	draws := race(2, func(int) error {
		_, err := v.svc.DrawSeats(as(v.committee), deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Count: 3})
		return err
	})
	count := map[deliberation.SeatKind]int{}
	for _, s := range must(v.svc.Seats(as(v.committee), topic.ID)) {
		count[s.Kind]++
	}
	if seated != 3 || count[deliberation.Representatives] != 3 {
		t.Errorf("nominations: %d succeeded, %d seats; want 3 and 3", seated, count[deliberation.Representatives])
	}
	if draws != 1 || count[deliberation.AffectedResidents] != 3 {
		t.Errorf("draws: %d succeeded, %d seats; want 1 and 3", draws, count[deliberation.AffectedResidents])
	}
}

// TestVoteChangedDuringClose: voters change their votes while the
// committee closes the motion, as the clock runs. In every round the
// published result equals a recount from the vote documents, and a change
// the close refused leaves the counted vote as it was.
func TestVoteChangedDuringClose(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.acceptedTopic(t)
	panelists := seatPanel(t, v, topic)
	for round := range 8 {
		m := openMotion(t, v, topic, deliberation.MajorityCast, false)
		for _, r := range panelists {
			must(0, v.svc.Vote(as(r), m.ID, deliberation.Yes))
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		changed := make(chan domain.ID, len(panelists))
		for _, r := range panelists {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				v.clock.Add(time.Second)
				switch err := v.svc.Vote(as(r), m.ID, deliberation.No); domain.ErrorCode(err) {
				case "":
					changed <- r
				case domain.Conflict: // closed first
				default:
					t.Errorf("vote: %v", err)
				}
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if _, err := v.svc.CloseMotion(as(v.committee), m.ID); err != nil {
				t.Errorf("close: %v", err)
			}
		}()
		close(start)
		wg.Wait()
		close(changed)
		published := must(v.svc.Result(as(v.residents[7]), m.ID))
		recount := must(v.svc.Recompute(as(v.residents[7]), m.ID))
		if published.Yes != recount.Yes || published.No != recount.No || published.Passed != recount.Passed {
			t.Errorf("round %d: published %d/%d, recount %d/%d", round, published.Yes, published.No, recount.Yes, recount.No)
		}
		if n := len(changed); published.No != n || published.Yes != len(panelists)-n {
			t.Errorf("round %d: %d changes accepted, published %d yes and %d no", round, n, published.Yes, published.No)
		}
		for _, r := range panelists {
			if _, err := v.svc.MyVote(as(r), m.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
}
