package ledger

import (
	"bytes"
	"context"
	"encoding/hex"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/domaintest"
)

func TestHeadMessage(t *testing.T) {
	h := Head{Community: "6650a1b2c3d4e5f601020304", Size: 12, Root: []byte{0xab, 0x01}, At: time.Date(2024, 5, 1, 16, 30, 0, 5e6, time.FixedZone("CST", 8*3600))}
	want := "yishi-record-head/v1\n6650a1b2c3d4e5f601020304\n12\nab01\n2024-05-01T08:30:00.005Z"
	if got := string(h.Message()); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPublishHead(t *testing.T) {
	s, _, _ := newService(t)
	ctx := context.Background()
	community := domain.NewID()

	empty, err := s.PublishHead(ctx, community, t0)
	if err != nil {
		t.Fatal(err)
	}
	if empty.Size != 0 || !bytes.Equal(empty.Root, RootOf(nil)) || !empty.SignedBy(s.PublicKey()) {
		t.Errorf("head of the empty record: %+v", empty)
	}
	entries := appendN(t, s, community, 5)
	first, err := s.PublishHead(ctx, community, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	leaves := make([][]byte, len(entries))
	for i, e := range entries {
		leaves[i] = e.LeafHash
	}
	if first.Size != 5 || !bytes.Equal(first.Root, RootOf(leaves)) || !first.At.Equal(t0.Add(time.Hour)) {
		t.Errorf("head: size %d root %x at %v; want 5, %x, %v", first.Size, first.Root, first.At, RootOf(leaves), t0.Add(time.Hour))
	}
	if !first.SignedBy(s.PublicKey()) {
		t.Error("the head's signature does not verify")
	}
	other := SignHead(testKey, community, first.Size, first.Root, first.At)
	other.Size++
	if other.SignedBy(s.PublicKey()) {
		t.Error("a head with a changed size verifies")
	}

	again, err := s.PublishHead(ctx, community, t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !again.At.Equal(first.At) {
		t.Errorf("unchanged record: got a head at %v, want the last one at %v", again.At, first.At)
	}
	appendN(t, s, community, 2)
	second, err := s.PublishHead(ctx, community, t0.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	heads, err := s.Heads(ctx, community)
	if err != nil {
		t.Fatal(err)
	}
	if len(heads) != 3 || heads[0].Size != 0 || heads[1].Size != 5 || heads[2].Size != 7 || !bytes.Equal(heads[2].Signature, second.Signature) {
		t.Errorf("heads %+v, want sizes 0, 5, 7", heads)
	}
}

// TestPublishHeadConcurrent publishes at one size at once: one head is
// stored, and every call returns it.
func TestPublishHeadConcurrent(t *testing.T) {
	s, _, _ := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	appendN(t, s, community, 3)
	got := make([]Head, 10)
	calls := make([]func() error, len(got))
	for i := range calls {
		calls[i] = func() (err error) {
			got[i], err = s.PublishHead(ctx, community, t0.Add(time.Duration(i)*time.Second))
			return err
		}
	}
	for i, err := range domaintest.AtOnce(calls...) {
		if err != nil {
			t.Fatalf("publish %d: %v", i, err)
		}
	}
	heads, err := s.Heads(ctx, community)
	if err != nil || len(heads) != 1 {
		t.Fatalf("%d heads stored (%v), want 1", len(heads), err)
	}
	for i, h := range got {
		if !h.At.Equal(heads[0].At) || hex.EncodeToString(h.Signature) != hex.EncodeToString(heads[0].Signature) {
			t.Errorf("publish %d returned the head at %v, not the stored one at %v", i, h.At, heads[0].At)
		}
	}
}
