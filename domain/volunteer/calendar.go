package volunteer

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
)

var _ notify.CalendarSource = (*Service)(nil)

// UpcomingEvents lists a volunteer's claimed tasks that have not ended,
// in every community, for their calendar feed, with the exact place (they
// claimed it); it makes Service a notify.CalendarSource.
func (s *Service) UpcomingEvents(ctx context.Context, userID domain.ID, from time.Time) ([]notify.Event, error) {
	claims, err := s.findClaimsOfVolunteer(ctx, userID, from.Add(-MaxNeedLength))
	if err != nil {
		return nil, err
	}
	needs, err := needsOf(ctx, s, claims)
	if err != nil {
		return nil, err
	}
	var out []notify.Event
	for _, c := range claims {
		n, ok := needs[c.NeedID]
		if !ok || !c.End.After(from) || (c.State != string(Claimed) && c.State != string(CheckedIn)) {
			continue
		}
		out = append(out, notify.Event{UID: "volunteer-" + string(c.ID), Title: "志愿服务：" + n.Title, Description: n.Description,
			Location: n.Address, Start: c.Start, End: c.End, URL: s.needLink(n.CommunityID, n.ID)})
	}
	return out, nil
}
