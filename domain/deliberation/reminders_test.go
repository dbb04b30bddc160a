package deliberation_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/notify"
)

// recorder keeps what the deliberation area queues and cancels; it stands
// at the boundary to the notify area, whose own tests send the mail.
type recorder struct {
	mu        sync.Mutex
	queued    []notify.Item
	cancelled map[string]bool
}

func (r *recorder) Enqueue(_ context.Context, it notify.Item) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.queued = append(r.queued, it)
	return nil
}

// Reschedule moves the queued items of subject by delta.
func (r *recorder) Reschedule(_ context.Context, subject string, delta time.Duration) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := range r.queued {
		if r.queued[i].Subject == subject {
			r.queued[i].SendAt = r.queued[i].SendAt.Add(delta)
		}
	}
	return nil
}

func (r *recorder) Cancel(_ context.Context, subject string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancelled == nil {
		r.cancelled = map[string]bool{}
	}
	r.cancelled[subject] = true
	return nil
}

// live returns the queued items of kind whose subject was not cancelled.
func (r *recorder) live(kind notify.Kind) []notify.Item {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []notify.Item
	for _, it := range r.queued {
		if it.Kind == kind && !r.cancelled[it.Subject] {
			out = append(out, it)
		}
	}
	return out
}

func TestReminders(t *testing.T) {
	rec := &recorder{}
	v := newVillageWith(t, 12, rec)
	topic := v.acceptedTopic(t)
	if got := rec.live(notify.KindSupportWindowEnding); len(got) != 0 {
		t.Errorf("the support window reminder outlived the topic's screening: %+v", got)
	}
	members := seatPanel(t, v, topic)
	start := v.clock.Now().Add(72 * time.Hour)
	mt := must(v.svc.ScheduleMeeting(as(v.committee), deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Council, Title: "议事会",
		Place: "村委会", StartsAt: start, TopicIDs: []domain.ID{topic.ID}}))
	meeting := rec.live(notify.KindMeetingReminder)
	if len(meeting) != 2*len(members) || !strings.Contains(meeting[0].Data["agenda"], "村口停车难") {
		t.Errorf("%d meeting reminders, want 24 h and 1 h for each of %d members", len(meeting), len(members))
	}
	// Links carry the global IDs the app's pages take.
	if link := meeting[0].Data["link"]; !strings.HasSuffix(link, "/meetings/"+domain.GlobalID("Meeting", mt.ID)) {
		t.Errorf("meeting reminder links to %q", link)
	}
	// The meeting moves a day later: its reminders move with it.
	must(v.svc.RescheduleMeeting(as(v.committee), mt.ID, start.Add(24*time.Hour)))
	for _, it := range rec.live(notify.KindMeetingReminder) {
		if want := start.Add(24 * time.Hour).Add(-map[string]time.Duration{"24h": 24 * time.Hour, "1h": time.Hour}[it.Occurrence]); !it.SendAt.Equal(want) {
			t.Errorf("%s reminder at %v, want %v", it.Occurrence, it.SendAt, want)
		}
	}
	m := openMotion(t, v, topic, deliberation.MajorityCast, false)
	must(0, v.svc.Vote(as(members[0]), m.ID, deliberation.Yes))
	if got := rec.live(notify.KindVoteClosing); len(got) != len(members)-1 {
		t.Errorf("%d vote-closing reminders left, want %d: those who voted are spared", len(got), len(members)-1)
	}
	for _, r := range members[1:4] {
		must(0, v.svc.Vote(as(r), m.ID, deliberation.Yes))
	}
	must(v.svc.CloseMotion(as(v.committee), m.ID))
	res := must(v.svc.Adopt(as(v.committee), m.ID))
	item := must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "划线", OwnerID: v.worker, Due: v.clock.Now().AddDate(0, 0, 10)}))
	if got := rec.live(notify.KindActionItemDue); len(got) != 1 || got[0].RecipientID != v.worker || !got[0].SendAt.Equal(item.Due.Add(-72*time.Hour)) ||
		!strings.HasSuffix(got[0].Data["link"], "/resolutions/"+domain.GlobalID("Resolution", res.ID)) {
		t.Errorf("due reminders = %+v", got)
	}
	if got := rec.live(notify.KindActionItemOverdue); len(got) != 1 {
		t.Errorf("overdue reminders = %+v", got)
	}
	must(v.svc.UpdateActionItem(as(v.worker), item.ID, 100, "完成", ""))
	if got := rec.live(notify.KindActionItemOverdue); len(got) != 0 {
		t.Errorf("a done item still has its overdue reminder")
	}
	if got := rec.live(notify.KindSatisfaction); len(got) < 10 {
		t.Errorf("%d satisfaction requests, want one per resident of the affected grids", len(got))
	}
	obj := must(v.svc.Object(as(v.residents[9]), res.ID, "有意见"))
	if got := rec.live(notify.KindObjectionUnanswered); len(got) != 1 || got[0].RecipientID != v.committee {
		t.Errorf("objection reminders = %+v", got)
	}
	must(v.svc.AnswerObjection(as(v.committee), obj.ID, "已答复"))
	if got := rec.live(notify.KindObjectionUnanswered); len(got) != 0 {
		t.Errorf("an answered objection still reminds")
	}
}
