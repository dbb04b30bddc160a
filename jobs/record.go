package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/ledger"
)

// publishHeads signs today's heads as part of the daily clean-up.
func (s *Scheduler) publishHeads(ctx context.Context, now time.Time) (int, error) {
	if s.cfg.Record == nil {
		return 0, nil
	}
	return PublishHeads(ctx, s.cfg.Communities, s.cfg.Record, now)
}

// PublishHeads signs the tree head of each community's public record
// (公信链); a record unchanged since its last head keeps that head. The
// daily clean-up runs it, and the server at start-up, so that what was
// recorded before a stop is signed at once. It returns how many
// communities it went through.
func PublishHeads(ctx context.Context, comms *community.Service, record *ledger.Service, now time.Time) (int, error) {
	n := 0
	page := domain.Page{First: domain.MaxPageSize}
	for {
		l, err := comms.Communities(ctx, community.CommunityFilter{}, page)
		if err != nil {
			return n, err
		}
		for _, c := range l.Items {
			if _, err := record.PublishHead(ctx, c.ID, now); err != nil {
				return n, fmt.Errorf("record head of %s: %w", c.ID, err)
			}
			n++
		}
		if !l.HasNextPage || len(l.Items) == 0 {
			return n, nil
		}
		page.After = l.Items[len(l.Items)-1].ID
	}
}
