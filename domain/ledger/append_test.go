package ledger

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/domaintest"
)

func TestAppend(t *testing.T) {
	s, clock, _ := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	clock.Set(t0.Add(1234567 * time.Microsecond).In(time.FixedZone("CST", 8*3600)))

	first, err := s.Append(ctx, community, Entry{Type: Screening, Subject: "VG9waWM6MQ", Role: "committee",
		Payload: []byte(` {"reason":"符合范围", "decision":"accept"} `)})
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{Community: community, Seq: 0, Type: Screening, Subject: "VG9waWM6MQ", Role: "committee",
		Payload: []byte(`{"decision":"accept","reason":"符合范围"}`), At: t0.Add(1234 * time.Millisecond)}
	want.LeafHash = want.HashLeaf()
	if !equalEntries(first, want) {
		t.Errorf("got %+v\nwant %+v", first, want)
	}
	second, err := s.Append(ctx, community, Entry{Type: Draw, Subject: "UGFuZWw6MQ", Role: "committee", At: t0})
	if err != nil {
		t.Fatal(err)
	}
	if second.Seq != 1 || string(second.Payload) != "{}" || !second.At.Equal(t0) {
		t.Errorf("second entry: seq %d, payload %s, at %v; want 1, {}, %v", second.Seq, second.Payload, second.At, t0)
	}
	other, err := s.Append(ctx, domain.NewID(), fact(0))
	if err != nil || other.Seq != 0 {
		t.Errorf("another community's first entry: seq %d, %v; want 0", other.Seq, err)
	}
}

func TestAppendInvalid(t *testing.T) {
	s, _, _ := newService(t)
	community := domain.NewID()
	tests := []struct {
		name      string
		community domain.ID
		edit      func(*Entry)
		field     string
	}{
		{"ErrCommunity", "x", func(*Entry) {}, "community"},
		{"ErrOtherCommunity", community, func(e *Entry) { e.Community = domain.NewID() }, "community"},
		{"ErrType", community, func(e *Entry) { e.Type = "gossip" }, "type"},
		{"ErrNoSubject", community, func(e *Entry) { e.Subject = "" }, "subject"},
		{"ErrRoleIsName", community, func(e *Entry) { e.Role = "王大妈" }, "role"},
		{"ErrNoRole", community, func(e *Entry) { e.Role = "" }, "role"},
		{"ErrPayload", community, func(e *Entry) { e.Payload = []byte(`{"a":`) }, "payload"},
		{"ErrPayloadTooLong", community, func(e *Entry) { e.Payload = bytes.Repeat([]byte(" "), maxPayload+1) }, "payload"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := fact(0)
			tt.edit(&e)
			_, err := s.Append(context.Background(), tt.community, e)
			if de, ok := domain.AsError(err); !ok || de.Code != domain.Invalid || de.Field != tt.field {
				t.Errorf("got %v, want Invalid on %s", err, tt.field)
			}
		})
	}
}

// TestAppendConcurrent appends 200 facts at once through four services on
// one database, as four instances on one MongoDB would: within a service
// appends take turns, across them they race for numbers on the unique
// index. They get the numbers 0 to 199, once each, and the tree over them
// verifies.
func TestAppendConcurrent(t *testing.T) {
	d, commands := dbtest.NewCounted(t)
	ctx := context.Background()
	if err := db.EnsureIndexes(ctx, d.Database, Indexes()); err != nil {
		t.Fatal(err)
	}
	instances := make([]*Service, 4)
	for i := range instances {
		instances[i] = NewService(d.Database, Config{Key: testKey})
	}
	s := instances[0]
	community := domain.NewID()
	const n = 200
	got := make([]Entry, n)
	calls := make([]func() error, n)
	for i := range calls {
		calls[i] = func() (err error) {
			got[i], err = instances[i%len(instances)].Append(ctx, community, fact(i))
			return err
		}
	}
	commands.Reset()
	for i, err := range domaintest.AtOnce(calls...) {
		if err != nil {
			t.Fatalf("append %d: %v", i, err)
		}
	}
	// Two commands per append when no insert loses.
	t.Logf("%d appends took %d commands", n, commands.Count())
	seqs := make([]int64, n)
	for i, e := range got {
		seqs[i] = e.Seq
	}
	slices.Sort(seqs)
	for i, seq := range seqs {
		if seq != int64(i) {
			t.Fatalf("seqs %v, want 0 to %d once each", seqs, n-1)
		}
	}
	leaves, err := s.findLeafHashes(ctx, community, 0, -1)
	if err != nil || len(leaves) != n {
		t.Fatalf("stored %d leaves (%v), want %d", len(leaves), err, n)
	}
	head, err := s.PublishHead(ctx, community, t0)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Export(ctx, &buf, community); err != nil {
		t.Fatal(err)
	}
	report, err := Verify(&buf, s.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	if report.Entries != n || report.SignedSize != n || !bytes.Equal(report.Root, head.Root) {
		t.Errorf("report %+v, want %d entries signed with root %x", report, n, head.Root)
	}
}

func equalEntries(a, b Entry) bool {
	return a.Community == b.Community && a.Seq == b.Seq && a.Type == b.Type && a.Subject == b.Subject &&
		bytes.Equal(a.Payload, b.Payload) && a.At.Equal(b.At) && a.At.Location() == time.UTC &&
		a.Role == b.Role && bytes.Equal(a.LeafHash, b.LeafHash)
}

// TestAppendOnce: a fact recorded again, even by many at once, stays one
// entry; another subject or type is another entry.
func TestAppendOnce(t *testing.T) {
	s, _, _ := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	fact := Entry{Type: VoteResult, Subject: "TW90aW9uOjE", Role: "committee", Payload: []byte(`{"yes":3}`)}
	added := make(chan bool, 20)
	errs := make(chan error, 20)
	for range 20 {
		go func() {
			_, ok, err := s.AppendOnce(ctx, community, fact)
			added <- ok
			errs <- err
		}()
	}
	wins := 0
	for range 20 {
		if <-added {
			wins++
		}
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if wins != 1 {
		t.Errorf("%d appends added the fact, want 1", wins)
	}
	other := fact
	other.Type = Resolution
	if _, ok, err := s.AppendOnce(ctx, community, other); err != nil || !ok {
		t.Errorf("another type of fact about the subject: added %v, %v", ok, err)
	}
	recorded, err := s.Recorded(ctx, community, VoteResult)
	if err != nil || len(recorded) != 1 || !recorded[fact.Subject] {
		t.Errorf("recorded vote results = %v, %v", recorded, err)
	}
	if last, found, err := s.findLastSeq(ctx, community); err != nil || !found || last != 1 {
		t.Errorf("last seq %d, %v, %v; want 1: two entries", last, found, err)
	}
}
