package disclosure_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/ledger"
)

func TestQuestions(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	q := must(v.svc.Ask(as(v.residents[0]), oct.ID, "垃圾清运费为什么比上月翻了一倍？"))
	// Asked at 10:00 on 3 November in Shanghai: on time until the end of 10 November.
	if q.State != disclosure.QuestionOpen || !q.DueAt.Equal(time.Date(2026, 11, 10, 16, 0, 0, 0, time.UTC)) || q.Kind != disclosure.KindFinance {
		t.Fatalf("question = %+v", q)
	}
	_, err := v.svc.Ask(as(v.residents[0]), oct.ID, "  ")
	wantField(t, err, "text")
	_, err = v.svc.Ask(as(v.residents[0]), oct.ID, strings.Repeat("问", 1001))
	wantField(t, err, "text")
	_, err = v.svc.Ask(anonymous, oct.ID, "?")
	wantCode(t, err, domain.Unauthenticated)
	draft := v.financeDraft(t, "2026-11", 1379950)
	_, err = v.svc.Ask(as(v.residents[0]), draft.ID, "?")
	wantCode(t, err, domain.NotFound)

	// The supervision committee answers only what is escalated to it.
	_, err = v.svc.Answer(as(v.supervisor), q.ID, "答复")
	if err != disclosure.ErrNotEscalated {
		t.Errorf("supervisor answers an open question: %v", err)
	}
	_, err = v.svc.Answer(as(v.residents[1]), q.ID, "答复")
	wantCode(t, err, domain.Forbidden)
	v.clock.Add(2 * 24 * time.Hour)
	a := must(v.svc.Answer(as(v.committee), q.ID, "十月起每周清运两次，合同见附件。"))
	if a.State != disclosure.QuestionAnswered || !a.OnTime || a.AnsweredRole != domain.RoleCommittee {
		t.Errorf("answer = %+v", a)
	}
	if _, err := v.svc.Answer(as(v.committee), q.ID, "再答"); err != disclosure.ErrAnswered {
		t.Errorf("answering twice: %v", err)
	}
	// Questions are public; who asked is for members only.
	l := must(v.svc.Questions(anonymous, oct.DisclosureID, domain.Page{First: 10}))
	if l.TotalCount != 1 || l.Items[0].Answer == "" || l.Items[0].AskerID != "" || l.Items[0].AnsweredBy != "" {
		t.Errorf("questions for anyone = %+v", l.Items)
	}
	if got := must(v.svc.Question(as(v.residents[2]), q.ID)); got.AskerID != v.residents[0] {
		t.Errorf("a member sees asker %q", got.AskerID)
	}
	// The answer is in the public record.
	entries := must(v.record.Entries(context.Background(), v.c.ID, 0, 10))
	var types []ledger.Type
	for _, e := range entries {
		types = append(types, e.Type)
		if e.Type == ledger.QuestionAnswer {
			var p map[string]any
			must(0, json.Unmarshal(e.Payload, &p))
			if p["answer"] != a.Answer || p["onTime"] != true || e.Role != "committee" || strings.Contains(string(e.Payload), string(v.residents[0])) {
				t.Errorf("answer entry = %s (role %s)", e.Payload, e.Role)
			}
		}
	}
	if len(types) != 2 || types[0] != ledger.DisclosureVersion || types[1] != ledger.QuestionAnswer {
		t.Errorf("record = %v", types)
	}
}

func TestEscalation(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	late := must(v.svc.Ask(as(v.residents[0]), oct.ID, "为什么垃圾清运费翻倍？"))
	v.clock.Add(24 * time.Hour)
	later := must(v.svc.Ask(as(v.residents[1]), oct.ID, "发包收入为何没有？"))
	// On 10 November, the last day, nothing is escalated.
	if got := must(v.svc.Escalate(context.Background(), time.Date(2026, 11, 10, 15, 59, 0, 0, time.UTC))); len(got) != 0 {
		t.Errorf("escalated before day 8: %+v", got)
	}
	// On day 8, the job escalates it exactly once, however often it runs.
	day8 := time.Date(2026, 11, 10, 16, 0, 0, 0, time.UTC)
	var (
		mu    sync.Mutex
		total []disclosure.Question
	)
	for _, err := range runJobs(4, func() error {
		got, err := v.svc.Escalate(context.Background(), day8)
		mu.Lock()
		total = append(total, got...)
		mu.Unlock()
		return err
	}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(total) != 1 || total[0].ID != late.ID || total[0].State != disclosure.QuestionEscalated {
		t.Fatalf("escalated = %+v, want the first question once", total)
	}
	notes := v.notes.of(disclosure.KindQuestionEscalated)
	if len(notes) != 1 || notes[0].RecipientID != v.supervisor || notes[0].Subject != "question:"+string(late.ID) || notes[0].Data["asked"] != "2026-11-03" {
		t.Errorf("escalation notices = %+v", notes)
	}
	// The supervision committee follows it up once, then answers it.
	_, err := v.svc.FollowUp(as(v.committee), late.ID, "督办")
	wantCode(t, err, domain.Forbidden)
	if _, err := v.svc.FollowUp(as(v.supervisor), later.ID, "督办"); err != disclosure.ErrNotEscalated {
		t.Errorf("follow-up of an open question: %v", err)
	}
	f := must(v.svc.FollowUp(as(v.supervisor), late.ID, "已要求村委会三日内答复"))
	if f.FollowUp == "" || f.FollowUpBy != v.supervisor {
		t.Errorf("follow-up = %+v", f)
	}
	if _, err := v.svc.FollowUp(as(v.supervisor), late.ID, "再次督办"); err != disclosure.ErrFollowedUp {
		t.Errorf("second follow-up: %v", err)
	}
	v.clock.Set(day8.Add(time.Hour))
	a := must(v.svc.Answer(as(v.supervisor), late.ID, "经核实，系清运频次增加所致。"))
	if a.OnTime || a.AnsweredRole != domain.RoleSupervisor || !a.Escalated {
		t.Errorf("late answer = %+v", a)
	}
	// Counts per kind.
	must(v.svc.Escalate(context.Background(), day8.Add(48*time.Hour)))
	ask := func(n int) {
		for range n {
			must(v.svc.Ask(as(v.residents[2]), oct.ID, "问"))
		}
	}
	ask(2)
	counts := must(v.svc.QuestionCounts(anonymous, v.c.ID))
	fin := counts[2]
	if fin.Kind != disclosure.KindFinance || fin.Asked != 4 || fin.AnsweredOnTime != 0 || fin.AnsweredLate != 1 || fin.Escalated != 2 || fin.Open != 3 {
		t.Errorf("finance counts = %+v", fin)
	}
	if counts[0].Asked != 0 {
		t.Errorf("party counts = %+v", counts[0])
	}
}
