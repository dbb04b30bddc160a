package patrol

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
)

var _ notify.CalendarSource = (*Service)(nil)

// UpcomingEvents lists a member's patrol shifts that have not ended, in
// every community, for their calendar feed, with the route's start; it
// makes Service a notify.CalendarSource.
func (s *Service) UpcomingEvents(ctx context.Context, userID domain.ID, from time.Time) ([]notify.Event, error) {
	docs, err := s.findPositionsOfUser(ctx, userID, from.Add(-24*time.Hour))
	if err != nil {
		return nil, err
	}
	var out []notify.Event
	routes := map[domain.ID]routeDoc{}
	for _, p := range docs {
		if !p.End.After(from) || (p.State != string(Assigned) && p.State != string(Offered) && p.State != string(CheckedIn)) {
			continue
		}
		r, ok := routes[p.RouteID]
		if !ok {
			if r, err = s.findRoute(ctx, p.RouteID); err != nil {
				return nil, err
			}
			routes[p.RouteID] = r
		}
		where := ""
		if len(r.Checkpoints) > 0 {
			where = r.Checkpoints[0].Name
		}
		out = append(out, notify.Event{UID: "patrol-" + string(p.ID), Title: "巡防：" + r.Name, Description: "平安巡防 · patrol", Location: where,
			Start: p.Start, End: p.End, URL: s.link(p.CommunityID, "patrol")})
	}
	return out, nil
}
