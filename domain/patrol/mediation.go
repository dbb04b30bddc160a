package patrol

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// CaseState is where a mediation case (和事佬) stands.
type CaseState string

// States of a case.
const (
	CaseOpen     CaseState = "open"   // in the queue
	CaseTaken    CaseState = "taken"  // a mediator has it
	CaseAgreed   CaseState = "agreed" // agreement reached, with its terms
	CaseNoAgree  CaseState = "no_agreement"
	CaseReferred CaseState = "referred" // no agreement, sent on (to the court's mediation, say)
)

// Case is a dispute in mediation. Its details are for the mediators and
// the committee only; the public sees counts (CaseCounts).
type Case struct {
	ID          domain.ID
	CommunityID domain.ID
	ReportID    domain.ID
	Parties     string
	State       CaseState
	MediatorID  domain.ID
	Sessions    []Session
	Terms       string // the agreement's terms, or why there was none
	ReferredTo  string
	Confirmed   []Confirmation // the parties' confirmations of the outcome
	OpenedAt    time.Time
	ClosedAt    time.Time
}

// Session is one mediation meeting.
type Session struct {
	At   time.Time
	Note string
}

// Confirmation is a party confirming the outcome, as the mediator records
// it (the parties often have no account).
type Confirmation struct {
	Party string
	At    time.Time
}

// mediates reports whether the actor sees and works cases: a mediator or
// the committee.
func (s *Service) mediates(ctx context.Context, communityID domain.ID) (domain.ID, bool, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return "", false, err
	}
	return a.UserID, a.Has(domain.RoleMediator) || a.Manager(), nil
}

// caseFor reads a case for a mediator or the committee. Errors:
// Unauthenticated, NotFound (also to anyone else).
func (s *Service) caseFor(ctx context.Context, id domain.ID) (caseDoc, domain.ID, error) {
	c, err := s.findCase(ctx, id)
	if err != nil {
		return caseDoc{}, "", err
	}
	actor, ok, err := s.mediates(ctx, c.CommunityID)
	switch {
	case domain.ErrorCode(err) == domain.Forbidden || err == nil && !ok:
		return caseDoc{}, "", errCaseNotFound
	case err != nil:
		return caseDoc{}, "", err
	}
	return c, actor, nil
}

// Case returns a case to the mediators and the committee. Errors:
// Unauthenticated, NotFound (also to anyone else).
func (s *Service) Case(ctx context.Context, id domain.ID) (Case, error) {
	c, _, err := s.caseFor(ctx, id)
	return toCase(c), err
}

// Cases lists a community's cases, newest first, to the mediators and the
// committee. Errors: Unauthenticated, Forbidden.
func (s *Service) Cases(ctx context.Context, communityID domain.ID) ([]Case, error) {
	_, ok, err := s.mediates(ctx, communityID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, domain.Errorf(domain.Forbidden, "调解案件只对调解员和村（居）委会公开", "cases are for the mediators and the committee")
	}
	docs, err := s.findCases(ctx, communityID)
	out := make([]Case, len(docs))
	for i, d := range docs {
		out[i] = toCase(d)
	}
	return out, err
}

// CaseCounts is what the public sees of mediation: how many cases stand
// how.
type CaseCounts map[CaseState]int

// CountCases counts a community's cases by state, for its members.
// Errors: Unauthenticated, Forbidden.
func (s *Service) CountCases(ctx context.Context, communityID domain.ID) (CaseCounts, error) {
	if _, err := s.requireMember(ctx, communityID); err != nil {
		return nil, err
	}
	docs, err := s.findCases(ctx, communityID)
	out := CaseCounts{}
	for _, d := range docs {
		out[CaseState(d.State)]++
	}
	return out, err
}

// TakeCase gives an open case to the acting mediator, once. Errors:
// Unauthenticated, NotFound, Conflict (taken).
func (s *Service) TakeCase(ctx context.Context, id domain.ID) (Case, error) {
	c, actor, err := s.caseFor(ctx, id)
	if err != nil {
		return Case{}, err
	}
	ok, err := s.updateCase(ctx, c.ID, []CaseState{CaseOpen}, caseSet{State: CaseTaken, Mediator: actor})
	if err != nil || !ok {
		return Case{}, orConflict(err, domain.Errorf(domain.Conflict, "这个案件已有调解员接手", "a mediator has the case"))
	}
	return s.Case(ctx, id)
}

// RecordSession adds a mediation meeting to a case: its mediator. Errors:
// Unauthenticated, NotFound, Forbidden (not theirs), Invalid (note),
// Conflict (not taken, or closed).
func (s *Service) RecordSession(ctx context.Context, id domain.ID, note string) (Case, error) {
	c, actor, err := s.caseFor(ctx, id)
	if err != nil {
		return Case{}, err
	}
	if c.MediatorID != actor {
		return Case{}, domain.Errorf(domain.Forbidden, "只有接手的调解员可以记录", "only the case's mediator records it")
	}
	if note, err = text.Body("note", note, 2, 2000); err != nil {
		return Case{}, err
	}
	ok, err := s.updateCase(ctx, c.ID, []CaseState{CaseTaken}, caseSet{Session: &sessionDoc{At: s.now(), Note: note}})
	if err != nil || !ok {
		return Case{}, orConflict(err, domain.Errorf(domain.Conflict, "案件还没接手或已经结束", "the case is not taken or is closed"))
	}
	return s.Case(ctx, id)
}

// CloseCase records the outcome: agreement reached with its terms, or no
// agreement (referred on, with to whom): its mediator. Errors:
// Unauthenticated, NotFound, Forbidden, Invalid (outcome, terms,
// referredTo), Conflict (not taken, or closed).
func (s *Service) CloseCase(ctx context.Context, id domain.ID, outcome CaseState, terms, referredTo string) (Case, error) {
	c, actor, err := s.caseFor(ctx, id)
	if err != nil {
		return Case{}, err
	}
	if c.MediatorID != actor {
		return Case{}, domain.Errorf(domain.Forbidden, "只有接手的调解员可以记录", "only the case's mediator records it")
	}
	set := caseSet{State: outcome, Closed: s.now()}
	switch outcome {
	case CaseAgreed, CaseNoAgree:
	case CaseReferred:
		if set.ReferredTo, err = text.Line("referredTo", domain.Text{ZH: "转交单位", EN: "referred to"}, referredTo, 2, 50); err != nil {
			return Case{}, err
		}
	default:
		return Case{}, domain.InvalidField("outcome", "结果只能是达成协议、未达成协议或转交", "the outcome is agreed, no agreement or referred")
	}
	if set.Terms, err = text.Body("terms", terms, 2, 2000); err != nil {
		return Case{}, err
	}
	ok, err := s.updateCase(ctx, c.ID, []CaseState{CaseTaken}, set)
	if err != nil || !ok {
		return Case{}, orConflict(err, domain.Errorf(domain.Conflict, "案件还没接手或已经结束", "the case is not taken or is closed"))
	}
	return s.Case(ctx, id)
}

// ConfirmOutcome records that a party confirmed the outcome, as its
// mediator heard it. Errors: Unauthenticated, NotFound, Forbidden, Invalid
// (party), Conflict (not closed yet).
func (s *Service) ConfirmOutcome(ctx context.Context, id domain.ID, party string) (Case, error) {
	c, actor, err := s.caseFor(ctx, id)
	if err != nil {
		return Case{}, err
	}
	if c.MediatorID != actor {
		return Case{}, domain.Errorf(domain.Forbidden, "只有接手的调解员可以记录", "only the case's mediator records it")
	}
	if party, err = text.Line("party", domain.Text{ZH: "当事人", EN: "party"}, party, 1, 30); err != nil {
		return Case{}, err
	}
	ok, err := s.updateCase(ctx, c.ID, []CaseState{CaseAgreed, CaseNoAgree, CaseReferred}, caseSet{Confirm: &confirmationDoc{Party: party, At: s.now()}})
	if err != nil || !ok {
		return Case{}, orConflict(err, domain.Errorf(domain.Conflict, "记录结果后才能确认", "confirm once the outcome is recorded"))
	}
	return s.Case(ctx, id)
}
