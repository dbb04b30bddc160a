package ledger

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain/db"
)

// BenchmarkVerify100k verifies an export of 100,000 entries with a head
// after every 10,000, built in memory.
func BenchmarkVerify100k(b *testing.B) {
	const n = 100_000
	heads := make([]int, 0, 10)
	for h := 10_000; h <= n; h += 10_000 {
		heads = append(heads, h)
	}
	m := memoryRecord(b, n, heads...)
	var export bytes.Buffer
	if err := m.Export(&export); err != nil {
		b.Fatal(err)
	}
	pub := testKey.Public().(ed25519.PublicKey)
	b.SetBytes(int64(export.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		report, err := Verify(bytes.NewReader(export.Bytes()), pub)
		if err != nil || report.Entries != n || report.Heads != len(heads) {
			b.Fatalf("report %+v, %v", report, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n)*1000, "ns/entry")
}

// BenchmarkInclusionProof proves an entry in the tree of the whole record:
// in memory, building the tree from the leaf hashes each time; through the
// service on the embedded store, cold (a fresh service reads every leaf
// hash in its one query) and warm (the service's tree is cached, and it
// asks only for entries after it).
func BenchmarkInclusionProof(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		m := memoryRecord(b, n)
		leaves := make([][]byte, n)
		for i, e := range m.Entries {
			leaves[i] = e.LeafHash
		}
		b.Run(fmt.Sprintf("Memory%dk", n/1000), func(b *testing.B) {
			b.ReportAllocs()
			for i := range b.N {
				if _, err := newTree(leaves).inclusion(uint64(i%n), uint64(n)); err != nil {
					b.Fatal(err)
				}
			}
		})
		s, _, d := newService(b)
		ctx := context.Background()
		docs := make([]entryDoc, n)
		for i, e := range m.Entries {
			docs[i] = fromEntry(e)
		}
		start := time.Now()
		if err := db.InsertMany(ctx, d.Collection(entriesColl), docs); err != nil {
			b.Fatal(err)
		}
		b.Logf("stored %d entries in %v", n, time.Since(start).Round(time.Millisecond))
		// Cold: a fresh service reads every leaf hash first.
		b.Run(fmt.Sprintf("Store%dk/Cold", n/1000), func(b *testing.B) {
			for i := range b.N {
				fresh := NewService(d.Database, Config{Key: testKey})
				if _, err := fresh.InclusionProof(ctx, m.Community, int64(i%n), int64(n)); err != nil {
					b.Fatal(err)
				}
			}
		})
		// Warm: the service has the tree and asks only for newer entries.
		b.Run(fmt.Sprintf("Store%dk/Warm", n/1000), func(b *testing.B) {
			if _, err := s.InclusionProof(ctx, m.Community, 0, int64(n)); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := range b.N {
				if _, err := s.InclusionProof(ctx, m.Community, int64(i%n), int64(n)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
