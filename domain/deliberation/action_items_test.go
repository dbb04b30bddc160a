package deliberation_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

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

// TestRepairTimes: an action item stored before the bounds with a due date
// past year 9999 (which RFC 3339 cannot write, so every read of the board
// failed) is clamped by the repair, once, and then reads and serialises.
func TestRepairTimes(t *testing.T) {
	v := newVillage(t, 12)
	res := adoptedResolution(t, v, v.acceptedTopic(t))
	far, _ := time.Parse(time.RFC3339, "9999-12-31T23:59:59-23:59")
	bad := bson.M{"_id": string(domain.NewID()), "resolution_id": string(res.ID), "community_id": string(v.c.ID), "title": "坏数据",
		"owner_party": string(deliberation.ResidentsCommittee), "due": far, "weight": 1, "progress": 0, "updates": bson.A{}}
	if _, err := v.db.Database.Collection("action_items").InsertOne(context.Background(), bad); err != nil {
		t.Fatal(err)
	}
	if n := must(v.svc.RepairTimes(context.Background())); n != 1 {
		t.Errorf("repaired %d times, want 1", n)
	}
	if n := must(v.svc.RepairTimes(context.Background())); n != 0 {
		t.Errorf("a second repair changed %d, want none", n)
	}
	items := must(v.svc.ActionItems(as(v.committee), res.ID))
	if len(items) != 1 {
		t.Fatalf("%d items", len(items))
	}
	if _, err := items[0].Due.MarshalText(); err != nil || items[0].Due.Year() != 9999 {
		t.Errorf("due after the repair = %v (%v), want a writable date in 9999", items[0].Due, err)
	}
}

// TestCorrectAndRemoveActionItem: the committee corrects a wrong due date
// and removes an item set up by mistake, each with a reason on the record;
// the removed item leaves the items and the progress; nobody else may.
func TestCorrectAndRemoveActionItem(t *testing.T) {
	v := newVillage(t, 12)
	res := adoptedResolution(t, v, v.acceptedTopic(t))
	keep := must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "划线", OwnerID: v.residents[0], Due: v.clock.Now().AddDate(0, 0, 9)}))
	wrong := must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "重复的事项", OwnerID: v.residents[0], Due: v.clock.Now().AddDate(0, 0, 9)}))
	must(v.svc.UpdateActionItem(as(v.residents[0]), keep.ID, 100, "", ""))

	due := v.clock.Now().AddDate(0, 1, 0)
	_, err := v.svc.CorrectActionItem(as(v.residents[0]), deliberation.ItemCorrection{ItemID: keep.ID, Due: &due, Reason: "写错了"})
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.CorrectActionItem(as(v.committee), deliberation.ItemCorrection{ItemID: keep.ID, Due: &due})
	if e, ok := domain.AsError(err); !ok || e.Field != "reason" {
		t.Errorf("no reason: %v, want Invalid on reason", err)
	}
	fixed := must(v.svc.CorrectActionItem(as(v.committee), deliberation.ItemCorrection{ItemID: keep.ID, Due: &due, Reason: "期限写错了"}))
	last := fixed.Updates[len(fixed.Updates)-1]
	if !fixed.Due.Equal(due) || last.ByID != v.committee || !strings.Contains(last.Text, "期限写错了") || fixed.Progress != 100 {
		t.Errorf("corrected item = %+v, want the new due date and the reason on the record", fixed)
	}

	_, err = v.svc.RemoveActionItem(as(v.residents[0]), wrong.ID, "重复")
	wantCode(t, err, domain.Forbidden)
	removed := must(v.svc.RemoveActionItem(as(v.committee), wrong.ID, "与第一项重复"))
	if !removed.Removed || !strings.Contains(removed.Updates[len(removed.Updates)-1].Text, "与第一项重复") {
		t.Errorf("removed item = %+v", removed)
	}
	items := must(v.svc.ActionItems(as(v.residents[1]), res.ID))
	if len(items) != 1 || items[0].ID != keep.ID || deliberation.Progress(items) != 100 {
		t.Errorf("items after the removal = %+v, want the kept one at 100 %%", items)
	}
	_, err = v.svc.UpdateActionItem(as(v.residents[0]), wrong.ID, 50, "", "")
	wantCode(t, err, domain.NotFound)
	// It stays on the record, with the reason, for every member to read.
	gone := must(v.svc.RemovedActionItems(as(v.residents[1]), res.ID))
	if len(gone) != 1 || gone[0].ID != wrong.ID || !strings.Contains(gone[0].Updates[len(gone[0].Updates)-1].Text, "与第一项重复") {
		t.Errorf("removed items = %+v", gone)
	}
}

// TestConcurrentProgressReports: 20 progress reports on one item at once
// are all kept (the store's single-document writes are atomic).
func TestConcurrentProgressReports(t *testing.T) {
	v := newVillage(t, 12)
	res := adoptedResolution(t, v, v.acceptedTopic(t))
	it := must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "划线", OwnerID: v.residents[0], Due: v.clock.Now().AddDate(0, 0, 9)}))
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			if _, err := v.svc.UpdateActionItem(as(v.residents[0]), it.ID, i*5, fmt.Sprintf("第 %d 次", i), ""); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	items := must(v.svc.ActionItems(as(v.committee), res.ID))
	if n := len(items[0].Updates); n != 20 {
		t.Errorf("%d of 20 progress reports kept", n)
	}
}
