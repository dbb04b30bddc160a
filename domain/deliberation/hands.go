package deliberation

import (
	"context"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// CallForHands posts a volunteer need for a resolution's action item
// ("需要 6 名志愿者 清理河道"): the committee, while the resolution is not
// closed. The need names the item as its source, and the item lists it
// (NeedsOfItem). Errors: Unauthenticated, Forbidden, NotFound, Conflict
// (the resolution is closed), Invalid (the need's fields); those of
// volunteer.PostNeed.
func (s *Service) CallForHands(ctx context.Context, itemID domain.ID, in volunteer.NeedInput) (volunteer.Need, error) {
	if s.hands == nil {
		return volunteer.Need{}, domain.Errorf(domain.Forbidden, "本服务没有开通志愿服务", "volunteer service is not available here")
	}
	d, err := s.findLiveItem(ctx, itemID)
	if err != nil {
		return volunteer.Need{}, err
	}
	if _, err := s.access(ctx, d.CommunityID, manages); err != nil {
		return volunteer.Need{}, err
	}
	if r, err := s.findResolution(ctx, d.ResolutionID); err != nil {
		return volunteer.Need{}, err
	} else if !r.ClosedAt.IsZero() {
		return volunteer.Need{}, errResolutionClosed
	}
	in.CommunityID, in.Source, in.SourceRef, in.For = d.CommunityID, volunteer.SourceActionItem, domain.GlobalID("ActionItem", d.ID), ""
	return s.hands.PostNeed(ctx, in)
}

// NeedsOfItem lists the volunteer needs an action item called for, oldest
// first, to the community's members. Errors: Unauthenticated, Forbidden
// (not a member), NotFound (the item).
func (s *Service) NeedsOfItem(ctx context.Context, itemID domain.ID) ([]volunteer.Need, error) {
	if s.hands == nil {
		return []volunteer.Need{}, nil
	}
	d, err := s.findLiveItem(ctx, itemID)
	if err != nil {
		return nil, err
	}
	return s.hands.NeedsFromSource(ctx, d.CommunityID, domain.GlobalID("ActionItem", d.ID))
}
