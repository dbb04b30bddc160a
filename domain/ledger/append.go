package ledger

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Append adds the fact e to community's record at the next number and
// returns it as stored, numbered and hashed. e's Seq and LeafHash are
// ignored; a zero At is the service's now.
//
// Numbers stay gap-free under concurrency, on the embedded store and on
// MongoDB alike: Append reads the last number and inserts at the one after;
// the unique (community, seq) key lets exactly one of concurrent inserts at
// a number win, and a loser waits a random while, reads the last number
// again and tries the next one. An insert at n happens only once n-1 is
// known to be stored, so no number is skipped. Within one process a
// community's appends take turns (a lock), so only other instances sharing
// a MongoDB race for a number: without the lock, n appenders in one
// process would spend some n²/2 inserts losing to each other.
// Errors: Invalid (community, type, subject, role, payload, at).
func (s *Service) Append(ctx context.Context, community domain.ID, e Entry) (Entry, error) {
	e, err := prepare(community, e, s.now())
	if err != nil {
		return Entry{}, err
	}
	defer s.appendLocks.lock(community)()
	return s.appendInTurn(ctx, community, e)
}

// appendInTurn appends the prepared e, within the community's turn.
func (s *Service) appendInTurn(ctx context.Context, community domain.ID, e Entry) (Entry, error) {
	last, found, err := s.findLastSeq(ctx, community)
	if err != nil {
		return Entry{}, fmt.Errorf("append: %w", err)
	}
	next := int64(0)
	if found {
		next = last + 1
	}
	for losses := 0; ; losses++ {
		entry := sealed(e, next)
		won, err := s.insertEntry(ctx, entry)
		if err != nil {
			return Entry{}, fmt.Errorf("append: %w", err)
		}
		if won {
			return entry, nil
		}
		if err := backOff(ctx, losses); err != nil {
			return Entry{}, fmt.Errorf("append: %w", err)
		}
		if last, _, err = s.findLastSeq(ctx, community); err != nil {
			return Entry{}, fmt.Errorf("append: %w", err)
		}
		next = max(next, last) + 1
	}
}

// AppendOnce appends e unless community's record already holds an entry
// of e's type about e's subject, which it returns instead (added false).
// Areas record each public fact through it, so that a fact recorded again
// (a repair that fills in what a failure left out) stays one entry.
// Within one process the check and the append take the community's turn;
// two instances sharing a MongoDB could each append one fact once.
// Errors: as Append.
func (s *Service) AppendOnce(ctx context.Context, community domain.ID, e Entry) (entry Entry, added bool, err error) {
	if e, err = prepare(community, e, s.now()); err != nil {
		return Entry{}, false, err
	}
	defer s.appendLocks.lock(community)()
	found, err := s.findBySubject(ctx, community, e.Type, e.Subject)
	switch {
	case err == nil:
		return found, false, nil
	case !db.IsNotFound(err):
		return Entry{}, false, fmt.Errorf("append once: %w", err)
	}
	entry, err = s.appendInTurn(ctx, community, e)
	return entry, err == nil, err
}

// Recorded reports which subjects community's record holds an entry of
// type t about, in one query.
func (s *Service) Recorded(ctx context.Context, community domain.ID, t Type) (map[string]bool, error) {
	subjects, err := s.findSubjects(ctx, community, t)
	out := make(map[string]bool, len(subjects))
	for _, sub := range subjects {
		out[sub] = true
	}
	return out, err
}

// backOff waits a random while, longer after more losses (up to about 25
// ms), so that appenders who lost a number do not all race for the next.
func backOff(ctx context.Context, losses int) error {
	limit := time.Duration(100<<min(losses, 8)) * time.Microsecond
	t := time.NewTimer(rand.N(limit))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// keyedLocks holds a lock per community, made on first use.
type keyedLocks struct {
	mu    sync.Mutex
	locks map[domain.ID]*sync.Mutex
}

// lock takes community's lock and returns its release.
func (k *keyedLocks) lock(community domain.ID) (unlock func()) {
	k.mu.Lock()
	if k.locks == nil {
		k.locks = map[domain.ID]*sync.Mutex{}
	}
	l := k.locks[community]
	if l == nil {
		l = &sync.Mutex{}
		k.locks[community] = l
	}
	k.mu.Unlock()
	l.Lock()
	return l.Unlock
}
