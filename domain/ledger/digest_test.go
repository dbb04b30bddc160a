package ledger

import (
	"context"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// TestDigestSection: the weekly digest names the latest head signed by its
// end, and says nothing while no head is signed.
func TestDigestSection(t *testing.T) {
	s, clock, _ := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	if got, err := s.DigestSection(ctx, community, domain.Chinese, time.Time{}, clock.Now()); err != nil || got != "" {
		t.Errorf("no head: %q, %v; want nothing", got, err)
	}
	appendN(t, s, community, 3)
	head, err := s.PublishHead(ctx, community, clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.DigestSection(ctx, community, domain.Chinese, time.Time{}, clock.Now().Add(-time.Second)); got != "" {
		t.Errorf("a head signed after the digest's end: %q", got)
	}
	zh, _ := s.DigestSection(ctx, community, domain.Chinese, time.Time{}, clock.Now())
	en, _ := s.DigestSection(ctx, community, domain.English, time.Time{}, clock.Now())
	root := hex.EncodeToString(head.Root)[:16]
	if !strings.Contains(zh, "共 3 条") || !strings.Contains(zh, root) || !strings.Contains(en, "3 entries") {
		t.Errorf("digest lines %q / %q, want 3 entries and root %s", zh, en, root)
	}
}
