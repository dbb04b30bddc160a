package deliberation_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// TestTimeInputBounds: an action item due past year 9999 (which could not
// even be written back as RFC 3339) or a motion deadline eleven years on is
// refused with a field error, and nothing is stored.
func TestTimeInputBounds(t *testing.T) {
	v := newVillage(t, 12)
	accepted := v.acceptedTopic(t)
	res := adoptedResolution(t, v, accepted)
	far, _ := time.Parse(time.RFC3339, "9999-12-31T23:59:59-23:59")
	_, err := v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "划线", OwnerID: v.residents[0], Due: far})
	if e, ok := domain.AsError(err); !ok || e.Code != domain.Invalid || e.Field != "due" {
		t.Errorf("due in year 10000: %v, want Invalid on due", err)
	}
	if items := must(v.svc.ActionItems(as(v.committee), res.ID)); len(items) != 0 {
		t.Errorf("%d items stored after the refusal", len(items))
	}
	_, err = v.svc.OpenMotion(as(v.committee), deliberation.MotionInput{TopicID: accepted.ID, Text: "再议", Method: deliberation.MajorityCast, Deadline: v.clock.Now().AddDate(11, 0, 0)})
	if e, ok := domain.AsError(err); !ok || e.Code != domain.Invalid || e.Field != "deadline" {
		t.Errorf("deadline 11 years on: %v, want Invalid on deadline", err)
	}
}
