package deliberation

import (
	"context"

	"github.com/yishi-app/yishi/domain"
)

// Tallies (topic_tallies, _id the topic) count each topic's supports so
// that the topic list need not: a page's 50 tallies are one read by key
// (about 2 ms at 50,000 supports), where counting the page's 2,500 supports
// takes about 65 ms on the embedded store (make bench, Query/*). Whether the
// viewer supports a topic needs no tally: the supports are found by key.
//
// The supports stay the truth, one per resident by their _id. A tally is
// changed ($inc, atomic on both stores) right after its support is
// inserted; it can only fall short (a crash in between), never run over,
// since supports are never deleted. RepairTallies recounts from the
// supports and raises what fell short; it runs at start-up and daily.

// RepairTallies recounts the supports and raises every tally that fell
// short, moving a topic whose threshold was reached to screening; it returns
// how many tallies it changed. It serves start-up and the daily
// clean-up, and reads the supports once. Missing tallies are inserted in
// bulk, so the first start on existing data is quick.
func (s *Service) RepairTallies(ctx context.Context) (int, error) {
	counts, err := s.countSupportsByTopic(ctx) // topic → its supports
	if err != nil {
		return 0, err
	}
	stored, err := s.allSupportTallies(ctx)
	if err != nil {
		return 0, err
	}
	var missing []topicTallyDoc
	var missingIDs, short []domain.ID
	for topic, n := range counts {
		if have, ok := stored[topic]; !ok {
			missing, missingIDs = append(missing, topicTallyDoc{ID: topic, Supports: n}), append(missingIDs, topic)
		} else if have < n {
			short = append(short, topic)
		}
	}
	changed := len(missing) + len(short)
	made, err := s.insertTallies(ctx, missing) // a support may have made one meanwhile
	if err != nil {
		return 0, err
	}
	for _, topic := range append(short, made...) {
		if err := s.raiseSupportTally(ctx, topic, counts[topic]); err != nil {
			return 0, err
		}
	}
	// A raised tally may have reached its topic's threshold, which the
	// support that crashed never checked.
	raised := append(append(short, made...), missingIDs...)
	if len(raised) > 0 {
		topics, err := s.findCollectingTopics(ctx, raised)
		if err != nil {
			return 0, err
		}
		for _, t := range topics {
			if _, err := s.checkThreshold(ctx, t, counts[t.ID]); err != nil {
				return 0, err
			}
		}
	}
	return changed, nil
}
