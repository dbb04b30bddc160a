package deliberation

import (
	"context"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/ledger"
)

// backfilledScreener is the role of a screening decision recorded after
// the fact, when who decided is known but not in which capacity: the
// committee and the party organisation both screen.
const backfilledScreener = "committee_or_party"

// RecordMissing puts into the public record the facts it lacks: decisions
// made before the record existed, or whose recording failed (recordFact
// logs and goes on). It reads every screening decision, draw, published
// result and resolution in one query each, and the record's subjects once
// per community and kind, and appends only what is missing. It returns how
// many facts it found missing. Repair runs it.
func (s *Service) RecordMissing(ctx context.Context) (int, error) {
	if s.record == nil {
		return 0, nil
	}
	var missing []func()
	seen := map[domain.ID]map[ledger.Type]map[string]bool{}
	lacks := func(community domain.ID, t ledger.Type, subject string) (bool, error) {
		if seen[community] == nil {
			seen[community] = map[ledger.Type]map[string]bool{}
		}
		if seen[community][t] == nil {
			got, err := s.record.Recorded(ctx, community, t)
			if err != nil {
				return false, err
			}
			seen[community][t] = got
		}
		return !seen[community][t][subject], nil
	}

	claims, err := s.findDecisionClaims(ctx)
	if err != nil {
		return 0, err
	}
	draws, err := s.findAllDraws(ctx)
	if err != nil {
		return 0, err
	}
	var topicIDs []domain.ID
	for _, c := range claims {
		topicIDs = append(topicIDs, c.TopicID)
	}
	for _, d := range draws {
		topicIDs = append(topicIDs, d.TopicID)
	}
	topicList, err := s.findTopics(ctx, topicIDs)
	if err != nil {
		return 0, err
	}
	topics := map[domain.ID]Topic{}
	for _, t := range topicList {
		topics[t.ID] = t
	}
	for _, c := range claims {
		t, ok := topics[c.TopicID]
		if !ok || t.State == Screening { // a decision not carried out is not a fact yet
			continue
		}
		if lack, err := lacks(t.CommunityID, ledger.Screening, domain.GlobalID("Topic", t.ID)); err != nil {
			return 0, err
		} else if lack {
			missing = append(missing, func() { s.recordScreening(ctx, t, c, backfilledScreener) })
		}
	}
	for _, d := range draws {
		t, ok := topics[d.TopicID]
		if !ok {
			continue
		}
		if lack, err := lacks(t.CommunityID, ledger.Draw, domain.GlobalID("Draw", d.ID)); err != nil {
			return 0, err
		} else if lack {
			missing = append(missing, func() { s.recordDraw(ctx, t, d) })
		}
	}

	results, err := s.findAllResults(ctx)
	if err != nil {
		return 0, err
	}
	motionIDs := make([]domain.ID, len(results))
	for i, r := range results {
		motionIDs[i] = r.MotionID
	}
	motionDocs, err := s.findMotionsByID(ctx, motionIDs)
	if err != nil {
		return 0, err
	}
	motions := map[domain.ID]Motion{}
	for _, d := range motionDocs {
		motions[d.ID] = toMotion(d, true)
	}
	for _, r := range results {
		m, ok := motions[r.MotionID]
		if !ok {
			continue
		}
		if lack, err := lacks(m.CommunityID, ledger.VoteResult, domain.GlobalID("Motion", m.ID)); err != nil {
			return 0, err
		} else if lack {
			missing = append(missing, func() { s.recordResult(ctx, m, published(m, r), r.ClosedAt) })
		}
	}

	resolutions, err := s.findAllResolutions(ctx)
	if err != nil {
		return 0, err
	}
	for _, d := range resolutions {
		r := toResolution(d)
		subject := domain.GlobalID("Resolution", r.ID)
		if lack, err := lacks(r.CommunityID, ledger.Resolution, subject); err != nil {
			return 0, err
		} else if lack {
			missing = append(missing, func() { s.recordResolution(ctx, r) })
		}
		if r.ClosedAt.IsZero() {
			continue
		}
		if lack, err := lacks(r.CommunityID, ledger.ResolutionClosed, subject); err != nil {
			return 0, err
		} else if lack {
			missing = append(missing, func() { s.recordClosing(ctx, r) })
		}
	}
	for _, add := range missing {
		add()
	}
	return len(missing), nil
}
