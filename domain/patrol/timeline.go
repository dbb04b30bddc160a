package patrol

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// EventKind is what happened on a team's timeline.
type EventKind string

// Kinds of timeline event.
const (
	EventPublish EventKind = "publish" // a month's roster published
	EventDrop    EventKind = "drop"    // a place dropped to the open list
	EventTake    EventKind = "take"    // an open place taken
	EventOffer   EventKind = "offer"   // a place offered for a swap
	EventSwap    EventKind = "swap"    // a swap took effect
	EventRefuse  EventKind = "refuse"  // the captain refused a swap, with a reason
	EventMissed  EventKind = "missed"  // the captain marked a missed shift
)

// Event is a line of a team's timeline: every change after publication.
type Event struct {
	At      time.Time
	Actor   domain.ID
	Kind    EventKind
	ShiftID domain.ID
	Note    string
}

// logEvent adds a line to a team's timeline. The change it tells of is
// stored already, so a failure is logged, not returned.
func (s *Service) logEvent(ctx context.Context, teamID, actor domain.ID, kind EventKind, shiftID domain.ID, note string) {
	if err := s.insertEvent(ctx, eventDoc{ID: domain.NewID(), TeamID: teamID, At: s.now(), Actor: actor, Kind: string(kind), ShiftID: shiftID, Note: note}); err != nil {
		s.log.ErrorContext(ctx, "patrol timeline: an event was not kept", "kind", kind, "err", err)
	}
}

// Timeline lists a team's latest 200 events, newest first, for the
// community's members. Errors: Unauthenticated, Forbidden, NotFound.
func (s *Service) Timeline(ctx context.Context, teamID domain.ID) ([]Event, error) {
	t, err := s.findTeam(ctx, teamID)
	if err != nil {
		return nil, err
	}
	if _, err := s.requireMember(ctx, t.CommunityID); err != nil {
		return nil, err
	}
	docs, err := s.findEvents(ctx, teamID, 200)
	out := make([]Event, len(docs))
	for i, d := range docs {
		out[i] = Event{At: d.At, Actor: d.Actor, Kind: EventKind(d.Kind), ShiftID: d.ShiftID, Note: d.Note}
	}
	return out, err
}
