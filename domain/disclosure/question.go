package disclosure

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/text"
)

// Questions (质询): any member asks about a published version; the
// committee answers publicly within 7 days in the community's zone; on
// day 8 an unanswered question is escalated to the supervision committee
// (村务监督委员会), which may answer it or mark that it follows it up.

// QuestionState is where a question stands.
type QuestionState string

// Question states.
const (
	QuestionOpen      QuestionState = "open"      // waits for the committee
	QuestionEscalated QuestionState = "escalated" // unanswered past its due time: the supervision committee has it
	QuestionAnswered  QuestionState = "answered"
)

// Question is a member's question on a published version, with its answer.
type Question struct {
	ID           domain.ID
	CommunityID  domain.ID
	DisclosureID domain.ID
	VersionID    domain.ID
	Kind         Kind
	// AskerID, AnsweredBy and FollowUpBy are shown to the community's
	// members only; others see them empty.
	AskerID domain.ID
	Text    string
	AskedAt time.Time
	// DueAt is the end of the 7th day after the question was asked, in the
	// community's zone: answered before it is on time.
	DueAt        time.Time
	State        QuestionState
	Escalated    bool // ever escalated, answered since or not
	EscalatedAt  time.Time
	Answer       string
	AnsweredBy   domain.ID
	AnsweredRole domain.Role // committee or supervisor
	AnsweredAt   time.Time
	OnTime       bool
	FollowUp     string // the supervision committee's note that it follows the question up
	FollowUpBy   domain.ID
	FollowUpAt   time.Time
}

// Deadlines of questions, in days in the community's zone.
const (
	AnswerDays = 7 // answered within it is on time; escalated the day after
	RemindDays = 5 // the committee is reminded of a question unanswered this long
)

// Errors about questions.
var (
	ErrAnswered = domain.Errorf(domain.Conflict, "该质询已答复", "this question has been answered")
	// ErrNotEscalated is Forbidden: the supervision committee acts on a
	// question only once it is escalated to it.
	ErrNotEscalated = domain.Errorf(domain.Forbidden, "该质询尚未提交监督委员会", "this question has not been escalated to the supervision committee")
	ErrFollowedUp   = domain.Errorf(domain.Conflict, "监督委员会已标记跟进", "the supervision committee already follows this question up")
)

// Ask puts a member's question on a published version. Errors:
// Unauthenticated, NotFound (version), Forbidden (not a member), Invalid
// (text 1–1,000 runes), Conflict (ErrNotPublished).
func (s *Service) Ask(ctx context.Context, versionID domain.ID, question string) (Question, error) {
	v, err := s.publishedVersion(ctx, versionID)
	if err != nil {
		return Question{}, err
	}
	a, err := s.access(ctx, v.CommunityID, isMember)
	if err != nil {
		return Question{}, err
	}
	if question, err = text.Body("text", question, 1, 1000); err != nil {
		return Question{}, err
	}
	c, err := s.comms.Community(ctx, v.CommunityID)
	if err != nil {
		return Question{}, err
	}
	now := s.stamp()
	d := questionDoc{
		ID: domain.NewID(), CommunityID: v.CommunityID, DisclosureID: v.DisclosureID, VersionID: v.ID, Kind: string(v.Kind),
		AskerID: a.UserID, Text: question, AskedAt: now, DueAt: answerDue(now, c.Location()), State: string(QuestionOpen),
	}
	if err := s.insertQuestion(ctx, d); err != nil {
		return Question{}, err
	}
	return toQuestion(d), nil
}

// answerDue is when a question asked at t is late: the start of the 8th
// day after it, in loc.
func answerDue(t time.Time, loc *time.Location) time.Time {
	return DateOf(t, loc).AddDays(AnswerDays + 1).Start(loc).UTC()
}

// Answer answers a question publicly: the committee any that is not
// answered, the supervision committee one escalated to it. The answer
// goes into the public record. Errors: Unauthenticated, NotFound,
// Forbidden (also ErrNotEscalated), Invalid (answer 1–2,000 runes),
// Conflict (ErrAnswered).
func (s *Service) Answer(ctx context.Context, questionID domain.ID, answer string) (Question, error) {
	q, err := s.findQuestion(ctx, questionID)
	if err != nil {
		return Question{}, err
	}
	a, err := s.access(ctx, q.CommunityID, answers)
	if err != nil {
		return Question{}, err
	}
	role, states := domain.RoleCommittee, []QuestionState{QuestionOpen, QuestionEscalated}
	if !a.Has(domain.RoleCommittee) {
		role, states = domain.RoleSupervisor, []QuestionState{QuestionEscalated}
	}
	if err := answerable(q, states); err != nil {
		return Question{}, err
	}
	if answer, err = text.Body("answer", answer, 1, 2000); err != nil {
		return Question{}, err
	}
	now := s.stamp()
	q.Answer, q.AnsweredBy, q.AnsweredRole, q.AnsweredAt, q.OnTime = answer, a.UserID, string(role), now, now.Before(q.DueAt)
	ok, err := s.setAnswered(ctx, q, states)
	if err != nil {
		return Question{}, err
	}
	if !ok {
		if q, err = s.findQuestion(ctx, questionID); err != nil {
			return Question{}, err
		}
		if err := answerable(q, states); err != nil {
			return Question{}, err
		}
		return Question{}, ErrAnswered
	}
	q.State = string(QuestionAnswered)
	out := toQuestion(q)
	s.recordAnswer(ctx, out)
	return out, nil
}

func answers(a community.Access) bool {
	return a.Has(domain.RoleCommittee) || a.Has(domain.RoleSupervisor)
}

// answerable says why q cannot be answered by one who may answer in
// states, or nil.
func answerable(q questionDoc, states []QuestionState) error {
	switch {
	case q.State == string(QuestionAnswered):
		return ErrAnswered
	case len(states) == 1 && q.State != string(states[0]):
		return ErrNotEscalated
	}
	return nil
}

// FollowUp marks, for the supervision committee, that it follows up an
// escalated question it has not answered, with a note everyone sees; once
// per question. Errors: Unauthenticated, NotFound, Forbidden (also
// ErrNotEscalated), Invalid (note 1–1,000 runes), Conflict (ErrAnswered,
// ErrFollowedUp).
func (s *Service) FollowUp(ctx context.Context, questionID domain.ID, note string) (Question, error) {
	q, err := s.findQuestion(ctx, questionID)
	if err != nil {
		return Question{}, err
	}
	a, err := s.access(ctx, q.CommunityID, func(a community.Access) bool { return a.Has(domain.RoleSupervisor) })
	if err != nil {
		return Question{}, err
	}
	if note, err = text.Body("note", note, 1, 1000); err != nil {
		return Question{}, err
	}
	if err := followable(q); err != nil {
		return Question{}, err
	}
	q.FollowUp, q.FollowUpBy, q.FollowUpAt = note, a.UserID, s.stamp()
	ok, err := s.setFollowUp(ctx, q)
	if err != nil {
		return Question{}, err
	}
	if !ok {
		cur, err := s.findQuestion(ctx, questionID)
		if err != nil {
			return Question{}, err
		}
		return Question{}, followable(cur)
	}
	return toQuestion(q), nil
}

func followable(q questionDoc) error {
	switch {
	case q.State == string(QuestionAnswered):
		return ErrAnswered
	case q.State != string(QuestionEscalated):
		return ErrNotEscalated
	case !q.FollowUpAt.IsZero():
		return ErrFollowedUp
	}
	return nil
}

// Question returns a question, to anyone who may read its disclosure.
// Errors: NotFound.
func (s *Service) Question(ctx context.Context, id domain.ID) (Question, error) {
	q, err := s.findQuestion(ctx, id)
	if err != nil {
		return Question{}, err
	}
	if _, err := s.Disclosure(ctx, q.DisclosureID); err != nil {
		return Question{}, err
	}
	v, err := s.viewerOf(ctx, q.CommunityID)
	if err != nil {
		return Question{}, err
	}
	return v.show(toQuestion(q)), nil
}

// show blanks who asked, answered and followed up for viewers outside the
// community.
func (v viewer) show(q Question) Question {
	if !v.Member() {
		q.AskerID, q.AnsweredBy, q.FollowUpBy = "", "", ""
	}
	return q
}

// Questions lists the questions on a disclosure's versions, in the order
// asked, to anyone who may read it. Errors: NotFound, Invalid (page).
func (s *Service) Questions(ctx context.Context, disclosureID domain.ID, page domain.Page) (domain.List[Question], error) {
	d, err := s.Disclosure(ctx, disclosureID)
	if err != nil {
		return domain.List[Question]{}, err
	}
	v, err := s.viewerOf(ctx, d.CommunityID)
	if err != nil {
		return domain.List[Question]{}, err
	}
	l, err := s.findQuestionPage(ctx, d.ID, page)
	for i := range l.Items {
		l.Items[i] = v.show(l.Items[i])
	}
	return l, err
}

// QuestionCount counts a community's questions on one kind of disclosure.
type QuestionCount struct {
	Kind           Kind
	Asked          int
	AnsweredOnTime int
	AnsweredLate   int
	Escalated      int // ever escalated
	Open           int // not answered (escalated or not)
}

// QuestionCounts counts a community's questions per kind, in Kinds order;
// the counts are public. Errors: NotFound (community).
func (s *Service) QuestionCounts(ctx context.Context, communityID domain.ID) ([]QuestionCount, error) {
	if _, err := s.comms.Community(ctx, communityID); err != nil {
		return nil, err
	}
	refs, err := s.findQuestionRefs(ctx, communityID)
	if err != nil {
		return nil, err
	}
	out := make([]QuestionCount, len(Kinds))
	at := map[Kind]*QuestionCount{}
	for i, k := range Kinds {
		out[i].Kind = k
		at[k] = &out[i]
	}
	for _, q := range refs {
		c := at[Kind(q.Kind)]
		if c == nil {
			continue
		}
		c.Asked++
		switch {
		case q.State == string(QuestionAnswered) && q.OnTime:
			c.AnsweredOnTime++
		case q.State == string(QuestionAnswered):
			c.AnsweredLate++
		default:
			c.Open++
		}
		if q.Escalated {
			c.Escalated++
		}
	}
	return out, nil
}

// Escalate is the daily job's: it escalates every open question past its
// due time at now to its community's supervision committee, each exactly
// once (a conditional update), queues a notice to the committee's
// members, and returns the questions it escalated.
func (s *Service) Escalate(ctx context.Context, now time.Time) ([]Question, error) {
	due, err := s.findDueQuestions(ctx, now)
	if err != nil {
		return nil, err
	}
	at := now.UTC().Truncate(time.Millisecond)
	var out []Question
	for _, d := range due {
		ok, err := s.setEscalated(ctx, d.ID, at)
		if err != nil {
			return out, err
		}
		if ok {
			d.State, d.Escalated, d.EscalatedAt = string(QuestionEscalated), true, at
			out = append(out, toQuestion(d))
		}
	}
	s.notifyEscalated(ctx, out)
	return out, nil
}

// notifyEscalated queues, for each escalated question, a notice to the
// members of its community's supervision committee.
func (s *Service) notifyEscalated(ctx context.Context, qs []Question) {
	if s.notifier == nil || len(qs) == 0 {
		return
	}
	var ids []domain.ID
	for _, q := range qs {
		ids = append(ids, q.CommunityID)
	}
	comms, err := s.comms.CommunitiesByID(ctx, unique(ids))
	if err != nil {
		s.log.ErrorContext(ctx, "find the communities of escalated questions", "err", err)
		return
	}
	supervisors := map[domain.ID][]domain.ID{}
	for _, q := range qs {
		to, ok := supervisors[q.CommunityID]
		if !ok {
			if to, err = s.comms.MemberIDs(ctx, q.CommunityID, domain.RoleSupervisor); err != nil {
				s.log.ErrorContext(ctx, "find the supervision committee", "community", q.CommunityID, "err", err)
			}
			supervisors[q.CommunityID] = to
		}
		c := comms[q.CommunityID]
		data := map[string]string{"question": q.Text, "asked": DateOf(q.AskedAt, c.Location()).String(), "link": s.questionLink(q)}
		for _, id := range to {
			s.enqueue(ctx, notify.Item{
				Kind: KindQuestionEscalated, CommunityID: q.CommunityID, RecipientID: id, Subject: questionSubject(q.ID),
				Occurrence: "escalated", Zone: c.Settings.TimeZone, Data: data,
			})
		}
	}
}
