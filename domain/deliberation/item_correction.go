package deliberation

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// ItemCorrection corrects what was set wrong on an action item. Nil fields
// stay as they are; Reason is required and goes on the record.
type ItemCorrection struct {
	ItemID domain.ID
	Title  *string
	Due    *time.Time
	Weight *int
	Reason string
}

// CorrectActionItem changes an action item's title, due date or weight, for
// the committee, and records the change and its reason among the item's
// updates, where everyone who reads the item sees it. Errors:
// Unauthenticated, NotFound, Forbidden, Invalid (title, due, weight, reason).
func (s *Service) CorrectActionItem(ctx context.Context, in ItemCorrection) (ActionItem, error) {
	d, err := s.managedItem(ctx, in.ItemID)
	if err != nil {
		return ActionItem{}, err
	}
	reason, err := text.Line("reason", domain.Text{ZH: "理由", EN: "reason"}, in.Reason, 1, 200)
	if err != nil {
		return ActionItem{}, err
	}
	var c itemChange
	var changes []string
	if in.Title != nil {
		title, err := text.Line("title", domain.Text{ZH: "事项", EN: "title"}, *in.Title, 1, 100)
		if err != nil {
			return ActionItem{}, err
		}
		c.Title = &title
		changes = append(changes, fmt.Sprintf("名称「%s」→「%s」", d.Title, title))
	}
	if in.Due != nil {
		if err := domain.TimeWithin("due", *in.Due, s.now(), domain.YearBack, domain.TenYearsOn); err != nil {
			return ActionItem{}, err
		}
		c.Due = in.Due
		changes = append(changes, fmt.Sprintf("期限 %s → %s", d.Due.Format("2006-01-02"), in.Due.UTC().Format("2006-01-02")))
	}
	if in.Weight != nil {
		if *in.Weight < 1 || *in.Weight > 100 {
			return ActionItem{}, domain.InvalidField("weight", "权重须在 1 到 100 之间", "weight must be between 1 and 100")
		}
		c.Weight = in.Weight
		changes = append(changes, fmt.Sprintf("权重 %d → %d", d.Weight, *in.Weight))
	}
	if len(changes) == 0 {
		return ActionItem{}, domain.InvalidField("title", "请填写要更正的内容", "say what to correct")
	}
	note := "更正：" + strings.Join(changes, "；") + "。理由：" + reason
	return s.recordItemChange(ctx, d, c, note)
}

// RemoveActionItem withdraws an action item set up by mistake, for the
// committee, with a reason. It stays on the record, marked removed with the
// reason among its updates, and leaves the resolution's items and progress.
// Errors: Unauthenticated, NotFound, Forbidden, Invalid (reason).
func (s *Service) RemoveActionItem(ctx context.Context, itemID domain.ID, reason string) (ActionItem, error) {
	d, err := s.managedItem(ctx, itemID)
	if err != nil {
		return ActionItem{}, err
	}
	if reason, err = text.Line("reason", domain.Text{ZH: "理由", EN: "reason"}, reason, 1, 200); err != nil {
		return ActionItem{}, err
	}
	it, err := s.recordItemChange(ctx, d, itemChange{Removed: true}, "撤销本事项。理由："+reason)
	if err != nil {
		return it, err
	}
	// Its reminders go; and if the others are all done, the ratings are asked.
	if s.notifier != nil {
		if err := s.notifier.Cancel(ctx, "item:"+string(d.ID)); err != nil {
			return it, err
		}
		if err := s.requestRatings(ctx, d.ResolutionID); err != nil {
			return it, err
		}
	}
	return it, nil
}

// managedItem finds an item that is not removed, for the committee of its
// community.
func (s *Service) managedItem(ctx context.Context, itemID domain.ID) (itemDoc, error) {
	d, err := s.findLiveItem(ctx, itemID)
	if err != nil {
		return d, err
	}
	if _, err := s.access(ctx, d.CommunityID, manages); err != nil {
		return d, err
	}
	return d, nil
}
