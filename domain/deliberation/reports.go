package deliberation

import (
	"context"

	"github.com/yishi-app/yishi/domain"
)

// EscalateReport turns a patrol report into a topic (议题) that collects
// supports like any other, its source the patrol, linked both ways: the
// topic names the report (Topic.ReportID) and the report the topic. A grid
// worker of the report's grid or the committee escalates it, once. The
// title, body, category and grids are the escalator's. Errors:
// Unauthenticated, Forbidden, NotFound, Conflict (triaged already),
// Invalid (the topic's fields); those of Propose.
func (s *Service) EscalateReport(ctx context.Context, reportID domain.ID, in ProposeInput) (Topic, error) {
	if s.patrols == nil {
		return Topic{}, domain.Errorf(domain.Forbidden, "本服务没有开通巡防", "patrols are not available here")
	}
	r, err := s.patrols.EscalationFor(ctx, reportID)
	if err != nil {
		return Topic{}, err
	}
	in.CommunityID, in.OnBehalfOf, in.Witness, in.AsCommittee, in.fromReport = r.CommunityID, "", "", false, r.ID
	t, err := s.Propose(ctx, in)
	if err != nil {
		return Topic{}, err
	}
	if _, err := s.patrols.LinkTopic(ctx, r.ID, t.ID, "转为议题："+t.Title); err != nil {
		return t, err
	}
	return t, nil
}
