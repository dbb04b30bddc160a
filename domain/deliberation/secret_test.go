package deliberation_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// TestSecretBallotNeedsThree: a secret ballot whose count would give away
// how someone voted is refused, with the rule: fewer than 3 voters, or a
// three-party vote with fewer than 3 delegates of a party (the demo has one
// or two). With enough voters it opens.
func TestSecretBallotNeedsThree(t *testing.T) {
	secret := func(v *village, topic deliberation.Topic, method deliberation.Method) error {
		_, err := v.svc.OpenMotion(as(v.committee), deliberation.MotionInput{TopicID: topic.ID, Text: "设临时停车场", Method: method, Secret: true, Deadline: v.clock.Now().Add(48 * time.Hour)})
		return err
	}
	wantSecretRefused := func(t *testing.T, err error) {
		t.Helper()
		if e, ok := domain.AsError(err); !ok || e.Code != domain.Invalid || e.Field != "secret" {
			t.Errorf("err = %v, want Invalid on secret", err)
		}
	}
	t.Run("ErrTwoPanelists", func(t *testing.T) {
		v := newVillage(t, 10)
		topic := v.acceptedTopic(t)
		must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 2, Max: 2}}))
		for _, r := range v.residents[:2] {
			must(v.svc.Nominate(as(v.committee), topic.ID, r, deliberation.Representatives, ""))
			must(v.svc.RespondToSeat(as(r), topic.ID, true))
		}
		wantSecretRefused(t, secret(v, topic, deliberation.MajorityCast))
	})
	t.Run("ErrThreePartyOneDelegateEach", func(t *testing.T) {
		v := newVillage(t, 10)
		v.staff(t, domain.RoleOwnersCommittee, "")
		v.staff(t, domain.RolePropertyFirm, "")
		wantSecretRefused(t, secret(v, v.acceptedTopic(t), deliberation.ThreeParty))
	})
	t.Run("OKThreePartyThreeDelegatesEach", func(t *testing.T) {
		v := newVillage(t, 10)
		for range 2 {
			v.staff(t, domain.RoleCommittee, "")
		}
		for range 3 {
			v.staff(t, domain.RoleOwnersCommittee, "")
			v.staff(t, domain.RolePropertyFirm, "")
		}
		if err := secret(v, v.acceptedTopic(t), deliberation.ThreeParty); err != nil {
			t.Errorf("3 delegates a party: %v", err)
		}
	})
}

// TestSecretResultShowsOnlyTheDecision: for each method, a closed secret
// ballot shows whether it passed, its quorum and (three parties) which
// parties agreed, but no count at all, from the close, the published result
// or a recount; before the close, not even that.
func TestSecretResultShowsOnlyTheDecision(t *testing.T) {
	for _, method := range []deliberation.Method{deliberation.MajorityCast, deliberation.MajorityPanel, deliberation.TwoThirds, deliberation.Consensus, deliberation.ThreeParty} {
		t.Run(string(method), func(t *testing.T) {
			v := newVillage(t, 12)
			var voters []domain.ID
			topic := v.acceptedTopic(t)
			if method == deliberation.ThreeParty {
				voters = append(voters, v.committee)
				for range 2 {
					voters = append(voters, v.staff(t, domain.RoleCommittee, ""))
				}
				for range 3 {
					voters = append(voters, v.staff(t, domain.RoleOwnersCommittee, ""), v.staff(t, domain.RolePropertyFirm, ""))
				}
			} else {
				voters = seatPanel(t, v, topic)
			}
			m := openMotion(t, v, topic, method, true)
			for i, u := range voters {
				choice := deliberation.Yes
				if i%3 == 2 {
					choice = deliberation.No
				}
				must(0, v.svc.Vote(as(u), m.ID, choice))
			}
			if r := must(v.svc.Recompute(as(v.residents[11]), m.ID)); !r.Open || r.Yes+r.No+r.Abstain != 0 || r.Cast != len(voters) {
				t.Errorf("before the close: %+v, want the turnout alone", r) // nothing but the turnout before the close
			}
			closed := must(v.svc.CloseMotion(as(v.committee), m.ID))
			published := must(v.svc.Result(as(v.residents[11]), m.ID))
			recount := must(v.svc.Recompute(as(v.residents[11]), m.ID))
			for name, r := range map[string]deliberation.Result{"close": closed, "published": published, "recount": recount} {
				if !r.Hidden || r.Yes != 0 || r.No != 0 || r.Abstain != 0 || r.Parties != nil || !r.Quorum {
					t.Errorf("%s: %+v, want only the decision", name, r)
				}
				if method == deliberation.ThreeParty && len(r.Agreed) != 3 {
					t.Errorf("%s: agreed %v, want each party's agreement", name, r.Agreed)
				}
			}
			if !reflect.DeepEqual(published, recount) {
				t.Errorf("published %+v, recount %+v", published, recount)
			}
		})
	}
}
