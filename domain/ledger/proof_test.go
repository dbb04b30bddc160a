package ledger

import (
	"bytes"
	"context"
	"testing"

	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
	"github.com/transparency-dev/merkle/testonly"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/domaintest"
)

var proofSizes = []int64{1, 2, 3, 7, 8, 100}

// TestProofs checks the service's inclusion and consistency proofs with
// transparency-dev's verifier, against roots computed apart from them.
func TestProofs(t *testing.T) {
	s, _, _ := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	entries := appendN(t, s, community, 100)
	roots := map[int64][]byte{}
	for _, size := range append([]int64{0}, proofSizes...) {
		leaves := make([][]byte, size)
		for i := range leaves {
			leaves[i] = entries[i].LeafHash
		}
		roots[size] = RootOf(leaves)
	}

	for _, size := range proofSizes {
		for seq := range size {
			p, err := s.InclusionProof(ctx, community, seq, size)
			if err != nil {
				t.Fatalf("inclusion of %d in %d: %v", seq, size, err)
			}
			if err := proof.VerifyInclusion(rfc6962.DefaultHasher, uint64(seq), uint64(size), entries[seq].LeafHash, p, roots[size]); err != nil {
				t.Errorf("inclusion of %d in %d does not verify: %v", seq, size, err)
			}
		}
	}
	for _, size1 := range append([]int64{0}, proofSizes...) {
		for _, size2 := range proofSizes {
			if size1 > size2 {
				continue
			}
			p, err := s.ConsistencyProof(ctx, community, size1, size2)
			if err != nil {
				t.Fatalf("consistency %d to %d: %v", size1, size2, err)
			}
			if err := proof.VerifyConsistency(rfc6962.DefaultHasher, uint64(size1), uint64(size2), p, roots[size1], roots[size2]); err != nil {
				t.Errorf("consistency %d to %d does not verify: %v", size1, size2, err)
			}
		}
	}
}

func TestProofsInvalid(t *testing.T) {
	s, _, _ := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	appendN(t, s, community, 3)
	tests := []struct {
		name string
		call func() error
	}{
		{"ErrSeqAtSize", func() error { _, err := s.InclusionProof(ctx, community, 3, 3); return err }},
		{"ErrNegativeSeq", func() error { _, err := s.InclusionProof(ctx, community, -1, 3); return err }},
		{"ErrBeyondRecord", func() error { _, err := s.InclusionProof(ctx, community, 0, 4); return err }},
		{"ErrSizesReversed", func() error { _, err := s.ConsistencyProof(ctx, community, 3, 2); return err }},
		{"ErrSize2BeyondRecord", func() error { _, err := s.ConsistencyProof(ctx, community, 1, 4); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := domain.ErrorCode(tt.call()); got != domain.Invalid {
				t.Errorf("got code %q, want %q", got, domain.Invalid)
			}
		})
	}
}

// TestTreeRoots checks RootOf against RFC 6962's test vectors, and the
// in-memory tree's roots and proofs at every size up to 100 against
// transparency-dev's reference tree.
func TestTreeRoots(t *testing.T) {
	var leaves [][]byte
	for i, input := range testonly.LeafInputs() {
		if got, want := RootOf(leaves), testonly.RootHashes()[i]; !bytes.Equal(got, want) {
			t.Errorf("root of the first %d test vectors: got %x, want %x", i, got, want)
		}
		leaves = append(leaves, rfc6962.DefaultHasher.HashLeaf(input))
	}

	m := memoryRecord(t, 100)
	ref := testonly.New(rfc6962.DefaultHasher)
	leaves = nil
	for _, e := range m.Entries {
		leaves = append(leaves, e.LeafHash)
		ref.Append(e.LeafHash)
	}
	tr := newTree(leaves)
	for size := uint64(0); size <= ref.Size(); size++ {
		got, err := tr.root(size)
		if err != nil || !bytes.Equal(got, ref.HashAt(size)) || !bytes.Equal(got, RootOf(leaves[:size])) {
			t.Fatalf("root at %d: got %x (%v), want %x", size, got, err, ref.HashAt(size))
		}
		for index := range size {
			got, err := tr.inclusion(index, size)
			want, _ := ref.InclusionProof(index, size)
			if err != nil || !equalProofs(got, want) {
				t.Fatalf("inclusion of %d in %d: got %x (%v), want %x", index, size, got, err, want)
			}
		}
		for size1 := range size + 1 {
			got, err := tr.consistency(size1, size)
			want, _ := ref.ConsistencyProof(size1, size)
			if err != nil || !equalProofs(got, want) {
				t.Fatalf("consistency %d to %d: got %x (%v), want %x", size1, size, got, err, want)
			}
		}
	}
}

func equalProofs(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// TestProofsGrow proves in a record that grows between proofs, from the
// service that has cached its tree and from a fresh one, while appends run.
func TestProofsGrow(t *testing.T) {
	s, _, d := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	entries := appendN(t, s, community, 5)
	if _, err := s.InclusionProof(ctx, community, 4, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := s.InclusionProof(ctx, community, 0, 6); domain.ErrorCode(err) != domain.Invalid {
		t.Errorf("proof beyond the record: got %v, want Invalid", err)
	}

	calls := []func() error{}
	for i := 5; i < 25; i++ {
		calls = append(calls, func() error {
			_, err := s.Append(ctx, community, fact(i))
			return err
		})
	}
	for range 10 {
		calls = append(calls, func() error {
			_, err := s.PublishHead(ctx, community, t0)
			return err
		}, func() error {
			_, err := s.InclusionProof(ctx, community, 2, 5)
			return err
		})
	}
	for i, err := range domaintest.AtOnce(calls...) {
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}

	leaves, err := s.findLeafHashes(ctx, community, 0, -1)
	if err != nil || len(leaves) != 25 {
		t.Fatalf("%d leaves (%v), want 25", len(leaves), err)
	}
	fresh := NewService(d.Database, Config{Key: testKey})
	for _, svc := range []*Service{s, fresh} {
		p, err := svc.InclusionProof(ctx, community, 3, 25)
		if err != nil {
			t.Fatal(err)
		}
		if err := proof.VerifyInclusion(rfc6962.DefaultHasher, 3, 25, entries[3].LeafHash, p, RootOf(leaves)); err != nil {
			t.Errorf("inclusion of 3 in 25: %v", err)
		}
		p, err = svc.ConsistencyProof(ctx, community, 5, 25)
		if err != nil {
			t.Fatal(err)
		}
		if err := proof.VerifyConsistency(rfc6962.DefaultHasher, 5, 25, p, RootOf(leaves[:5]), RootOf(leaves)); err != nil {
			t.Errorf("consistency 5 to 25: %v", err)
		}
	}
	heads, err := s.Heads(ctx, community)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range heads {
		if !bytes.Equal(h.Root, RootOf(leaves[:h.Size])) || !h.SignedBy(s.PublicKey()) {
			t.Errorf("head at %d: root %x, want %x", h.Size, h.Root, RootOf(leaves[:h.Size]))
		}
	}
}
