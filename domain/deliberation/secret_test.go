package deliberation_test

import (
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
