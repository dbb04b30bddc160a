package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// publishHeads signs today's tree head of each community's public record
// (公信链), as part of the daily clean-up; a record unchanged since its
// last head keeps that head. It returns how many communities it went
// through.
func (s *Scheduler) publishHeads(ctx context.Context, now time.Time) (int, error) {
	if s.cfg.Record == nil {
		return 0, nil
	}
	n := 0
	page := domain.Page{First: domain.MaxPageSize}
	for {
		l, err := s.cfg.Communities.Communities(ctx, community.CommunityFilter{}, page)
		if err != nil {
			return n, err
		}
		for _, c := range l.Items {
			if _, err := s.cfg.Record.PublishHead(ctx, c.ID, now); err != nil {
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
