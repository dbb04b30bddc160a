package ledger

import (
	"bytes"
	"context"
	"testing"

	"github.com/yishi-app/yishi/domain"
)

// TestEntries reads a record by pages of numbers: each page is the entries
// as appended, a page past the end is empty, and Size and LatestHead say
// how far the record and its signature reach.
func TestEntries(t *testing.T) {
	s, clock, _ := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	if n, err := s.Size(ctx, community); err != nil || n != 0 {
		t.Fatalf("empty record: size %d, %v", n, err)
	}
	if _, err := s.LatestHead(ctx, community); domain.ErrorCode(err) != domain.NotFound {
		t.Fatalf("latest head of an empty record: %v, want NotFound", err)
	}
	appended := appendN(t, s, community, 5)
	appendN(t, s, domain.NewID(), 3) // another community's record stays apart
	tests := []struct {
		name        string
		from        int64
		limit       int
		first, want int
	}{
		{"OK", 1, 3, 1, 3},
		{"Tail", 3, 10, 3, 2},
		{"All", 0, MaxEntriesRead, 0, 5},
		{"PastEnd", 5, 10, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Entries(ctx, community, tt.from, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Fatalf("%d entries, want %d", len(got), tt.want)
			}
			for i, e := range got {
				w := appended[tt.first+i]
				if e.Seq != w.Seq || e.Subject != w.Subject || !bytes.Equal(e.Payload, w.Payload) || !e.At.Equal(w.At) ||
					!bytes.Equal(e.LeafHash, w.LeafHash) || !bytes.Equal(e.HashLeaf(), e.LeafHash) {
					t.Errorf("entry %d = %+v, want %+v", i, e, w)
				}
			}
		})
	}
	for _, tt := range []struct {
		name, field string
		community   domain.ID
		from        int64
		limit       int
	}{
		{"ErrCommunity", "community", "", 0, 1},
		{"ErrFrom", "from", community, -1, 1},
		{"ErrLimitZero", "limit", community, 0, 0},
		{"ErrLimitLarge", "limit", community, 0, MaxEntriesRead + 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Entries(ctx, tt.community, tt.from, tt.limit)
			if e, ok := domain.AsError(err); !ok || e.Code != domain.Invalid || e.Field != tt.field {
				t.Errorf("err = %v, want Invalid %s", err, tt.field)
			}
		})
	}
	if n, err := s.Size(ctx, community); err != nil || n != 5 {
		t.Errorf("size %d, %v, want 5", n, err)
	}
	h, err := s.PublishHead(ctx, community, clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, s, community, 1)
	got, err := s.LatestHead(ctx, community)
	if err != nil || got.Size != h.Size || !bytes.Equal(got.Root, h.Root) || !got.SignedBy(s.PublicKey()) {
		t.Errorf("latest head = %+v, %v, want %+v", got, err, h)
	}
}
