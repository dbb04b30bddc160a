package deliberation

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Some rules count across documents, then write: seat maxima (count the
// seats, add one), and the close of a vote (count the votes, publish the
// result, while a vote may be cast). On every store and across instances,
// such a change first takes a turn on what it changes (one document, the
// first insert wins), counts and writes under it, and ends the turn. Who
// finds the turn taken waits up to turnWait; a turn left by a stop lapses
// after turnTTL.
const (
	turnWait = 3 * time.Second
	turnTTL  = time.Minute
)

var errBusy = domain.Errorf(domain.Conflict, "另一项变更正在进行，请稍后再试", "another change is under way; try again shortly")

// takeTurn takes the turn to change key and returns the function that ends
// it. Errors: Conflict (held by another past turnWait).
func (s *Service) takeTurn(ctx context.Context, key string) (end func(), err error) {
	deadline := time.Now().Add(turnWait)
	for {
		at := s.now().UTC()
		won, err := s.insertTurn(ctx, turnDoc{ID: key, At: at})
		if err != nil {
			return nil, err
		}
		if won {
			return func() { _ = s.deleteTurn(context.WithoutCancel(ctx), key, at) }, nil
		}
		if err := s.deleteLapsedTurn(ctx, key, at.Add(-turnTTL)); err != nil {
			return nil, err
		}
		if time.Now().After(deadline) {
			return nil, errBusy
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}
