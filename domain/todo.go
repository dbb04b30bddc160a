package domain

import (
	"context"
	"time"
)

// A Todo is something waiting for the viewer in a community: an invitation
// to answer, a vote to cast, a topic to screen. Each area lists its own
// through a TodoSource; the home page shows them all, the soonest due
// first, and needs no change when an area adds kinds.
type Todo struct {
	Kind    string // the area's name for it, e.g. cast_vote
	Subject any    // the record to open, as the area returns it (a Topic, a Motion...)
	Due     time.Time
	// For is the resident a grid worker acts for on the record; empty when
	// the viewer acts for themself.
	For ID
}

// A TodoSource lists the actor's to-dos in a community, and names the kinds
// it lists.
type TodoSource interface {
	Todos(ctx context.Context, communityID ID) ([]Todo, error)
	TodoKinds() map[string]Text
}
