package deliberation

import (
	"context"

	"github.com/yishi-app/yishi/domain"
)

// CountNow counts an open motion's votes as they stand, counts and all,
// for tests of the vote itself: the service shows no one the counts before
// the close.
func (s *Service) CountNow(ctx context.Context, motionID domain.ID) (Result, error) {
	m, err := s.Motion(ctx, motionID)
	if err != nil {
		return Result{}, err
	}
	return s.count(ctx, m, m.Deadline)
}
