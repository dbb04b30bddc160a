package ledger

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/domaintest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

var t0 = time.Date(2024, 5, 1, 8, 30, 0, 0, time.UTC)

// testKey is a fixed signing key, so failures repeat.
var testKey = ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))

// newService returns a Service on a fresh database with the area's
// indexes, its clock and the database.
func newService(tb testing.TB) (*Service, *domaintest.Clock, *db.DB) {
	tb.Helper()
	d := dbtest.New(tb)
	if err := db.EnsureIndexes(context.Background(), d.Database, Indexes()); err != nil {
		tb.Fatal(err)
	}
	clock := domaintest.NewClock(t0)
	return NewService(d.Database, Config{Key: testKey, Now: clock.Now}), clock, d
}

// fact returns the i-th of a run of sample facts.
func fact(i int) Entry {
	return Entry{
		Type:    Types[i%len(Types)],
		Subject: domain.GlobalID("Topic", domain.ID(fmt.Sprintf("%024x", i))),
		Payload: []byte(fmt.Sprintf(`{"n":%d,"decision":"受理 <accepted> & listed","note":"第%d条"}`, i, i)),
		Role:    string(domain.RoleCommittee),
	}
}

// appendN appends n sample facts to community's record.
func appendN(tb testing.TB, s *Service, community domain.ID, n int) []Entry {
	tb.Helper()
	out := make([]Entry, n)
	for i := range n {
		e, err := s.Append(context.Background(), community, fact(i))
		if err != nil {
			tb.Fatalf("append %d: %v", i, err)
		}
		out[i] = e
	}
	return out
}

// memoryRecord returns a record in memory with n sample facts and a head
// after each of the sizes in heads.
func memoryRecord(tb testing.TB, n int, heads ...int) *MemoryRecord {
	tb.Helper()
	m := &MemoryRecord{Community: domain.NewID(), Key: testKey}
	at := t0
	for i := range n {
		if _, err := m.Append(fact(i), at); err != nil {
			tb.Fatal(err)
		}
		for _, h := range heads {
			if h == i+1 {
				m.PublishHead(at)
			}
		}
		at = at.Add(time.Second)
	}
	return m
}
