package deliberation

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// Decision is a screening decision on a topic.
type Decision string

// Screening decisions.
const (
	Accept Decision = "accept"
	Merge  Decision = "merge"
	Refer  Decision = "refer"
	Reject Decision = "reject"
)

// ScreenInput is a screening decision. Accept needs Body; Merge needs Into;
// Refer needs a Note saying where; Reject needs a Note with the reason.
type ScreenInput struct {
	TopicID  domain.ID
	Decision Decision
	Body     Body
	Into     domain.ID
	Note     string
}

// Screen decides a topic in screening, for the party organisation and the
// committee. The decision is public on the topic's timeline with who and
// when. Merging carries the supporters over to the other topic; a person
// who supported both counts once. Errors: Unauthenticated, NotFound,
// Forbidden, Conflict (not in screening; the first decision wins), Invalid.
func (s *Service) Screen(ctx context.Context, in ScreenInput) (Topic, error) {
	t, err := s.Topic(ctx, in.TopicID)
	if err != nil {
		return t, err
	}
	a, err := s.access(ctx, t.CommunityID, screens)
	if err != nil {
		return t, err
	}
	if t.State != Screening {
		return t, ErrNotInScreening
	}
	actor := domain.ActorFromContext(ctx).UserID
	note := text.Clean(in.Note)
	if note != "" {
		if note, err = text.Body("note", note, 1, 500); err != nil {
			return t, err
		}
	}
	// The decision itself is claimed first, so of two racing screeners
	// exactly one decides. The claim holds the decision: RepairTopics
	// finishes it should the server stop half-way.
	claim := eventDoc{ID: string(t.ID) + "/decision", TopicID: t.ID, CommunityID: t.CommunityID, Kind: "decision", ActorID: actor, At: s.now().UTC(),
		Decision: string(in.Decision), Body: string(in.Body), Into: in.Into, Note: note}
	check := func() error {
		switch in.Decision {
		case Accept:
			if !in.Body.valid() {
				return domain.InvalidField("body", "请选择议事机构", "choose the deliberating body")
			}
		case Refer:
			if note == "" {
				return domain.InvalidField("note", "请说明转交何处", "say where the topic is referred")
			}
		case Reject:
			if note == "" {
				return domain.InvalidField("note", "请填写不予受理的理由", "give the reason for rejecting")
			}
		case Merge:
			into, err := s.findTopic(ctx, in.Into)
			if err != nil || into.CommunityID != t.CommunityID || into.ID == t.ID {
				return domain.InvalidField("into", "请选择本社区的另一个议题", "choose another topic of this community")
			}
			if into.State == Merged || into.State == Rejected || into.State == Closed || into.State == Referred {
				return domain.InvalidField("into", "不能并入已结束的议题", "cannot merge into a topic that has ended")
			}
		default:
			return domain.InvalidField("decision", "未知的审核决定", "unknown decision")
		}
		return nil
	}
	if err := check(); err != nil {
		return t, err
	}
	if won, err := s.insertClaim(ctx, claim); err != nil {
		return t, err
	} else if !won {
		return t, ErrNotInScreening
	}
	decided, err := s.decide(ctx, t, claim)
	if err == nil {
		role := domain.RoleParty
		if a.Has(domain.RoleCommittee) {
			role = domain.RoleCommittee
		}
		s.recordScreening(ctx, t, claim, string(role))
	}
	return decided, err
}

// decide carries out the screening decision claimed by claim. Each step
// can be repeated: states and their events are keyed, carried supports are
// one per person.
func (s *Service) decide(ctx context.Context, t Topic, claim eventDoc) (Topic, error) {
	actor, note := claim.ActorID, claim.Note
	switch Decision(claim.Decision) {
	case Accept:
		return s.moveTo(ctx, t, Accepted, topicChange{DecidedBody: Body(claim.Body)}, actor, note, claim.Body)
	case Refer:
		return s.moveTo(ctx, t, Referred, topicChange{}, actor, note, "")
	case Reject:
		return s.moveTo(ctx, t, Rejected, topicChange{}, actor, note, "")
	}
	into, err := s.findTopic(ctx, claim.Into)
	if err != nil {
		return t, err
	}
	// Two topics cannot be merged into each other: the unordered pair is
	// claimed once (by this topic, when a repair repeats the merge).
	a, b := string(t.ID), string(into.ID)
	if b < a {
		a, b = b, a
	}
	pair := eventDoc{ID: "merge/" + a + "/" + b, TopicID: t.ID, CommunityID: t.CommunityID, Kind: "merge_pair", At: s.now().UTC()}
	if won, err := s.insertClaim(ctx, pair); err != nil || (!won && !s.claimedBy(ctx, pair.ID, t.ID)) {
		_ = s.deleteClaim(ctx, claim.ID) // the decision did not happen
		if err == nil {
			return t, domain.InvalidField("into", "这两个议题正在互相合并", "these two topics are being merged into each other")
		}
		return t, err
	}
	n, err := s.carrySupports(ctx, t, into)
	if err != nil {
		return t, err
	}
	if err := s.event(ctx, into, "merged_in", actor, note, string(t.ID)); err != nil {
		return t, err
	}
	merged, err := s.moveTo(ctx, t, Merged, topicChange{MergedInto: into.ID}, actor, note, string(into.ID))
	if err != nil {
		return merged, err
	}
	if into.State == Collecting {
		if _, err := s.checkThreshold(ctx, into, n); err != nil {
			return merged, err
		}
	}
	return merged, nil
}

// claimedBy reports whether the claim id was made for topic.
func (s *Service) claimedBy(ctx context.Context, id string, topic domain.ID) bool {
	d, err := s.findClaim(ctx, id)
	return err == nil && d.TopicID == topic
}

// carrySupports copies the supports of from to into; a supporter of both
// keeps one support, since the support's _id is topic/user. It returns
// into's support count.
func (s *Service) carrySupports(ctx context.Context, from, into Topic) (int, error) {
	users, err := s.supporters(ctx, from.ID)
	if err != nil {
		return 0, err
	}
	for _, u := range users {
		if _, err := s.addSupport(ctx, into, supportDoc{UserID: u, CarriedFrom: from.ID}); err != nil {
			return 0, err
		}
	}
	return s.supportTally(ctx, into.ID)
}

// Event is one entry of a topic's public timeline.
type Event struct {
	Kind    string // proposed, screening, accepted, merged, merged_in, referred, rejected, closed, comment_hidden, seed, pool, drawn, panel_confirmed, resolution_adopted
	ActorID domain.ID
	Note    string
	// Other is the deciding body of an acceptance, the other topic of a
	// merge, the draw of a drawn event, or the rule (kind/grid) of a pool.
	Other string
	At    time.Time
}

// Timeline returns a topic's history, oldest first.
// Errors: NotFound (also for outsiders).
func (s *Service) Timeline(ctx context.Context, topicID domain.ID) ([]Event, error) {
	if _, err := s.Topic(ctx, topicID); err != nil {
		return nil, err
	}
	docs, err := s.findTimeline(ctx, topicID)
	if err != nil {
		return nil, err
	}
	out := make([]Event, len(docs))
	for i, d := range docs {
		out[i] = Event{Kind: d.Kind, ActorID: d.ActorID, Note: d.Note, Other: d.Other, At: d.At}
		if d.Kind == "drawn" && d.Other == "" { // recorded before the draw moved from the note to other
			out[i].Note, out[i].Other = "", d.Note
		}
	}
	sortEvents(out)
	return out, nil
}

func sortEvents(e []Event) {
	for i := 1; i < len(e); i++ {
		for j := i; j > 0 && e[j].At.Before(e[j-1].At); j-- {
			e[j], e[j-1] = e[j-1], e[j]
		}
	}
}
