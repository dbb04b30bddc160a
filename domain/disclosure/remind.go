package disclosure

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
)

// Reminders are queued by the jobs through the Notifier: Remind, once a
// day per community, and Escalate. Each item has a stable key (kind,
// subject, recipient, occurrence), so running a job again queues nothing
// new.

// Kinds of notification this area queues. notify accepts a kind only once
// it has its template pair in notify/kinds.go.
const (
	KindDisclosureDue      = notify.KindDisclosureDue      // due within 3 days, to the committee
	KindDisclosureOverdue  = notify.KindDisclosureOverdue  // past due, to the committee
	KindQuestionUnanswered = notify.KindQuestionUnanswered // open for 5 days, to the committee
	KindQuestionEscalated  = notify.KindQuestionEscalated  // escalated, to the supervision committee
)

// Remind queues a community's reminders due at now: a disclosure due
// within 3 days or overdue (to the committee, and the party organisation
// for party affairs), a question unanswered for 5 days (to the
// committee). It returns how many items it queued (again or not); with no
// Notifier it queues none. Errors: NotFound (community).
func (s *Service) Remind(ctx context.Context, communityID domain.ID, now time.Time) (int, error) {
	if s.notifier == nil {
		return 0, nil
	}
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		return 0, err
	}
	due, err := s.dueNow(ctx, c, now)
	if err != nil {
		return 0, err
	}
	open, err := s.findUnanswered(ctx, c.ID)
	if err != nil {
		return 0, err
	}
	loc, n := c.Location(), 0
	var stale []questionDoc
	for _, q := range open {
		if q.State == string(QuestionOpen) && !now.Before(DateOf(q.AskedAt, loc).AddDays(RemindDays).Start(loc)) {
			stale = append(stale, q)
		}
	}
	if len(due) == 0 && len(stale) == 0 {
		return 0, nil
	}
	committee, err := s.comms.MemberIDs(ctx, c.ID, domain.RoleCommittee)
	if err != nil {
		return 0, err
	}
	party, err := s.comms.MemberIDs(ctx, c.ID, domain.RoleParty)
	if err != nil {
		return 0, err
	}
	for _, st := range due {
		kind, occurrence := KindDisclosureDue, "3d"
		if st.Status == Overdue {
			kind, occurrence = KindDisclosureOverdue, "overdue"
		}
		to := committee
		if st.Kind == KindParty {
			to = append(append([]domain.ID{}, committee...), party...)
		}
		data := map[string]string{
			"kind": st.Kind.Label().ZH, "period": st.Period.Label().ZH, "due": st.Due.String(), "link": s.dueLink(c.ID, st),
		}
		for _, id := range unique(to) {
			s.enqueue(ctx, notify.Item{Kind: kind, CommunityID: c.ID, RecipientID: id, Subject: dueSubject(c.ID, st), Occurrence: occurrence, Zone: c.Settings.TimeZone, Data: data})
			n++
		}
	}
	for _, q := range stale {
		data := map[string]string{"question": q.Text, "asked": DateOf(q.AskedAt, loc).String(), "link": s.questionLink(toQuestion(q))}
		for _, id := range committee {
			s.enqueue(ctx, notify.Item{Kind: KindQuestionUnanswered, CommunityID: c.ID, RecipientID: id, Subject: questionSubject(q.ID), Occurrence: "5d", Zone: c.Settings.TimeZone, Data: data})
			n++
		}
	}
	return n, nil
}

// enqueue queues it, logging a failure: a reminder is never worth failing
// the job for the others.
func (s *Service) enqueue(ctx context.Context, it notify.Item) {
	if err := s.notifier.Enqueue(ctx, it); err != nil {
		s.log.ErrorContext(ctx, "queue disclosure reminder", "kind", it.Kind, "subject", it.Subject, "err", err)
	}
}

// dueSubject names what a due reminder is about: a period of a kind, or an
// event's disclosure.
func dueSubject(communityID domain.ID, st PeriodStatus) string {
	if st.Kind.periodic() {
		return "disclosure-due:" + string(communityID) + "/" + string(st.Kind) + "/" + string(st.Period)
	}
	return "disclosure-due:" + string(st.DisclosureID)
}

func questionSubject(id domain.ID) string { return "question:" + string(id) }

// dueLink opens the disclosure, or the community's disclosures when the
// period has none yet.
func (s *Service) dueLink(communityID domain.ID, st PeriodStatus) string {
	if st.DisclosureID != "" {
		return s.baseURL + "/disclosures/" + domain.GlobalID(disclosureType, st.DisclosureID)
	}
	return s.baseURL + "/c/" + string(communityID) + "/disclosures"
}

// questionLink opens the disclosure a question is on.
func (s *Service) questionLink(q Question) string {
	return s.baseURL + "/disclosures/" + domain.GlobalID(disclosureType, q.DisclosureID)
}

func unique(ids []domain.ID) []domain.ID {
	seen := map[domain.ID]bool{}
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
