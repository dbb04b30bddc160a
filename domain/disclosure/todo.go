package disclosure

import (
	"context"
	"sort"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// The kinds of to-do disclosure lists (domain.TodoSource).
const (
	TodoAnswerQuestion  = "answer_question"  // an unanswered question (Subject: Question), for the committee
	TodoAnswerEscalated = "answer_escalated" // an escalated question (Subject: Question), for the supervision committee
	TodoPublishDue      = "publish_due"      // a disclosure due soon or overdue (Subject: PeriodStatus), for its editors
	TodoPublishDraft    = "publish_draft"    // a version drafted, not published (Subject: Version without items), for its editors
)

var _ domain.TodoSource = (*Service)(nil)

// TodoKinds names disclosure's kinds of to-do.
func (s *Service) TodoKinds() map[string]domain.Text {
	return map[string]domain.Text{
		TodoAnswerQuestion:  {ZH: "答复质询", EN: "Answer a question on a disclosure"},
		TodoAnswerEscalated: {ZH: "督办逾期质询", EN: "Follow up an overdue question"},
		TodoPublishDue:      {ZH: "按时公开", EN: "Publish a disclosure that is due"},
		TodoPublishDraft:    {ZH: "公布草稿", EN: "Publish a drafted disclosure"},
	}
}

// Todos lists what waits for the actor in a community's disclosures, the
// soonest due first (those without a due time last): questions to answer
// for the committee, escalated ones for the supervision committee,
// disclosures due and drafts to publish for their editors. It costs a
// fixed number of queries. Errors: Unauthenticated, Forbidden (not a
// member), NotFound (community).
func (s *Service) Todos(ctx context.Context, communityID domain.ID) ([]domain.Todo, error) {
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		return nil, err
	}
	a, err := s.access(ctx, c.ID, isMember)
	if err != nil {
		return nil, err
	}
	edits := func(k Kind) bool { return editor(k)(a) }
	var out []domain.Todo
	if a.Has(domain.RoleCommittee) || a.Has(domain.RoleSupervisor) {
		qs, err := s.findUnanswered(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, questionTodos(a, qs)...)
	}
	if a.Has(domain.RoleCommittee) || a.Has(domain.RoleParty) {
		drafts, err := s.draftTodos(ctx, c.ID, edits)
		if err != nil {
			return nil, err
		}
		drafted := map[domain.ID]bool{}
		for _, t := range drafts {
			drafted[t.Subject.(Version).DisclosureID] = true
		}
		due, err := s.dueNow(ctx, c, s.now())
		if err != nil {
			return nil, err
		}
		for _, st := range due {
			if edits(st.Kind) && !drafted[st.DisclosureID] { // a draft's to-do says it is due
				out = append(out, domain.Todo{Kind: TodoPublishDue, Subject: st, Due: st.DueAt})
			}
		}
		out = append(out, drafts...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := out[i].Due, out[j].Due
		if di.IsZero() != dj.IsZero() {
			return !di.IsZero()
		}
		return di.Before(dj)
	})
	return out, nil
}

// questionTodos: the committee answers every unanswered question; the
// supervision committee (when not on the committee too) the escalated.
func questionTodos(a community.Access, qs []questionDoc) []domain.Todo {
	var out []domain.Todo
	for _, q := range qs {
		switch {
		case a.Has(domain.RoleCommittee):
			out = append(out, domain.Todo{Kind: TodoAnswerQuestion, Subject: toQuestion(q), Due: q.DueAt})
		case q.State == string(QuestionEscalated):
			out = append(out, domain.Todo{Kind: TodoAnswerEscalated, Subject: toQuestion(q), Due: q.EscalatedAt})
		}
	}
	return out
}

// draftTodos: the drafts the actor may publish, due when their disclosure
// was never published and has a due time.
func (s *Service) draftTodos(ctx context.Context, communityID domain.ID, edits func(Kind) bool) ([]domain.Todo, error) {
	heads, err := s.findDraftHeads(ctx, communityID)
	if err != nil || len(heads) == 0 {
		return nil, err
	}
	var ids []domain.ID
	for _, h := range heads {
		ids = append(ids, h.DisclosureID)
	}
	docs, err := s.findDisclosuresByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	unpublishedDue := map[domain.ID]Disclosure{}
	for _, d := range docs {
		if d.Published == 0 {
			unpublishedDue[d.ID] = toDisclosure(d)
		}
	}
	var out []domain.Todo
	for _, h := range heads {
		if !edits(Kind(h.Kind)) {
			continue
		}
		t := domain.Todo{Kind: TodoPublishDraft, Subject: toVersion(h)}
		if d, ok := unpublishedDue[h.DisclosureID]; ok {
			t.Due = d.DueAt
		}
		out = append(out, t)
	}
	return out, nil
}
