package disclosure_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// kinds lists the kinds of todos, in order.
func kinds(todos []domain.Todo) []string {
	out := make([]string, len(todos))
	for i, t := range todos {
		out[i] = t.Kind
	}
	return out
}

func TestTodos(t *testing.T) {
	v := newVillage(t)
	// On 3 November: September's finance and the third quarter's village
	// affairs are overdue (August and the second quarter are long missing:
	// no to-do any more).
	got := must(v.svc.Todos(as(v.committee), v.c.ID))
	if !slices.Equal(kinds(got), []string{disclosure.TodoPublishDue, disclosure.TodoPublishDue}) {
		t.Fatalf("committee's to-dos = %v", kinds(got))
	}
	periods := []disclosure.Period{got[0].Subject.(disclosure.PeriodStatus).Period, got[1].Subject.(disclosure.PeriodStatus).Period}
	if !slices.Contains(periods, "2026-09") || !slices.Contains(periods, "2026-Q3") {
		t.Errorf("due periods = %v", periods)
	}
	// A draft of September is its to-do instead.
	sep := v.financeDraft(t, "2026-09", 0)
	oct := v.october(t)
	q := must(v.svc.Ask(as(v.residents[0]), oct.ID, "问"))
	partyDraft := must(v.svc.CreateDraft(as(v.party), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-11-01",
		Content: disclosure.DraftContent{Title: "党员大会", Body: "选举"}}))
	got = must(v.svc.Todos(as(v.committee), v.c.ID))
	// Soonest due first: the third quarter and September (both due 10
	// October), the question (10 November), the party draft (11 November).
	want := []string{disclosure.TodoPublishDue, disclosure.TodoPublishDraft, disclosure.TodoAnswerQuestion, disclosure.TodoPublishDraft}
	if !slices.Equal(kinds(got), want) {
		t.Fatalf("committee's to-dos = %v, want %v", kinds(got), want)
	}
	if got[1].Subject.(disclosure.Version).ID != sep.ID || got[2].Subject.(disclosure.Question).ID != q.ID || got[3].Subject.(disclosure.Version).ID != partyDraft.ID {
		t.Errorf("subjects = %+v", got)
	}
	if p := must(v.svc.Todos(as(v.party), v.c.ID)); !slices.Equal(kinds(p), []string{disclosure.TodoPublishDraft}) {
		t.Errorf("party's to-dos = %v", kinds(p))
	}
	if r := must(v.svc.Todos(as(v.residents[0]), v.c.ID)); len(r) != 0 {
		t.Errorf("a resident's to-dos = %v", kinds(r))
	}
	if s := must(v.svc.Todos(as(v.supervisor), v.c.ID)); len(s) != 0 {
		t.Errorf("the supervisor's to-dos before escalation = %v", kinds(s))
	}
	must(v.svc.Escalate(context.Background(), q.DueAt))
	if s := must(v.svc.Todos(as(v.supervisor), v.c.ID)); !slices.Equal(kinds(s), []string{disclosure.TodoAnswerEscalated}) {
		t.Errorf("the supervisor's to-dos = %v", kinds(s))
	}
	_, err := v.svc.Todos(anonymous, v.c.ID)
	wantCode(t, err, domain.Unauthenticated)
	for _, k := range []string{disclosure.TodoAnswerQuestion, disclosure.TodoAnswerEscalated, disclosure.TodoPublishDue, disclosure.TodoPublishDraft} {
		if l := v.svc.TodoKinds()[k]; l.ZH == "" || l.EN == "" {
			t.Errorf("kind %s has no label", k)
		}
	}
}

func TestRemind(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	q := must(v.svc.Ask(as(v.residents[0]), oct.ID, "垃圾清运费为何翻倍？"))
	must(v.svc.Remind(context.Background(), v.c.ID, v.clock.Now()))
	overdue := v.notes.of(disclosure.KindDisclosureOverdue)
	if len(overdue) != 2 || overdue[0].RecipientID != v.committee || v.notes.of(disclosure.KindQuestionUnanswered) != nil {
		t.Fatalf("on 3 November: overdue %+v", overdue)
	}
	subjects := []string{overdue[0].Subject, overdue[1].Subject}
	if !slices.Contains(subjects, "disclosure-due:"+string(v.c.ID)+"/finance/2026-09") || overdue[0].Data["link"] == "" {
		t.Errorf("subjects = %v", subjects)
	}
	// Running again queues the same keys: nothing new.
	must(v.svc.Remind(context.Background(), v.c.ID, v.clock.Now()))
	if n := len(v.notes.of(disclosure.KindDisclosureOverdue)); n != 2 {
		t.Errorf("%d overdue reminders after a second run", n)
	}
	// Early on 9 November in Shanghai the question has waited 5 days, and
	// the party draft of 1 November is due within 3 days.
	must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-11-01",
		Content: disclosure.DraftContent{Title: "党员大会", Body: "选举"}}))
	v.clock.Set(time.Date(2026, 11, 8, 17, 0, 0, 0, time.UTC))
	must(v.svc.Remind(context.Background(), v.c.ID, v.clock.Now()))
	unanswered := v.notes.of(disclosure.KindQuestionUnanswered)
	if len(unanswered) != 1 || unanswered[0].Subject != "question:"+string(q.ID) || unanswered[0].Occurrence != "5d" {
		t.Errorf("unanswered reminders = %+v", unanswered)
	}
	due := v.notes.of(disclosure.KindDisclosureDue)
	var to []domain.ID
	for _, it := range due {
		to = append(to, it.RecipientID)
	}
	if len(due) != 2 || !slices.Contains(to, v.committee) || !slices.Contains(to, v.party) {
		t.Errorf("due reminders = %+v, want the party draft's to the committee and the party", due)
	}
	// Without a notifier, nothing is queued.
	quiet := disclosure.NewService(v.db.Database, v.comms, disclosure.Config{Now: v.clock.Now})
	if n := must(quiet.Remind(context.Background(), v.c.ID, v.clock.Now())); n != 0 {
		t.Errorf("queued %d without a notifier", n)
	}
}
