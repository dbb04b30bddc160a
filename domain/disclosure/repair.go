package disclosure

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Repair finishes what a stop can leave half done in this area: a
// disclosure whose first version was never stored (older than an hour),
// a summary behind its latest published version, and public facts missing
// from the record. It returns how many things it fixed. cmd runs it at
// start-up and jobs in the daily clean-up.
func (s *Service) Repair(ctx context.Context, now time.Time) (int, error) {
	orphans, err := s.removeOrphans(ctx, now.Add(-time.Hour))
	if err != nil {
		return orphans, err
	}
	summaries, err := s.repairSummaries(ctx)
	if err != nil {
		return orphans + summaries, err
	}
	recorded, err := s.RecordMissing(ctx)
	return orphans + summaries + recorded, err
}

// removeOrphans removes the unpublished disclosures made before t that
// have no version.
func (s *Service) removeOrphans(ctx context.Context, t time.Time) (int, error) {
	docs, err := s.findStaleUnpublished(ctx, t)
	if err != nil || len(docs) == 0 {
		return 0, err
	}
	ids := make([]domain.ID, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	refs, err := s.findVersionRefsOf(ctx, ids)
	if err != nil {
		return 0, err
	}
	has := map[domain.ID]bool{}
	for _, r := range refs {
		has[r.DisclosureID] = true
	}
	n := 0
	for _, id := range ids {
		if has[id] {
			continue
		}
		gone, err := s.deleteUnpublishedDisclosure(ctx, id)
		if err != nil {
			return n, err
		}
		if gone {
			n++
		}
	}
	return n, nil
}

// repairSummaries moves each disclosure's summary up to its latest
// published version.
func (s *Service) repairSummaries(ctx context.Context) (int, error) {
	refs, err := s.findPublishedRefs(ctx)
	if err != nil || len(refs) == 0 {
		return 0, err
	}
	latest := map[domain.ID]versionRef{}
	for _, r := range refs {
		if r.Number > latest[r.DisclosureID].Number {
			latest[r.DisclosureID] = r
		}
	}
	ids := make([]domain.ID, 0, len(latest))
	for id := range latest {
		ids = append(ids, id)
	}
	docs, err := s.findDisclosuresByID(ctx, ids)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, d := range docs {
		r := latest[d.ID]
		if d.Published >= r.Number {
			continue
		}
		c := publishedChange{Number: r.Number, VersionID: r.ID, At: r.PublishedAt, Withdrawn: r.Type == string(Withdrawal), OnTime: r.PublishedAt.Before(d.DueAt)}
		if err := s.setPublished(ctx, d.ID, c); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
