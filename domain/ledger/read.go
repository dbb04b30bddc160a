package ledger

import (
	"context"
	"fmt"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// MaxEntriesRead bounds the entries one Entries call reads.
const MaxEntriesRead = 1000

// Entries returns up to limit entries of community's record, as stored, in
// seq order from number from, in one query over the _id range. A number
// not stored (past the end, or an append still in flight) is left out.
// Errors: Invalid (community, from below 0, limit not 1 to MaxEntriesRead).
func (s *Service) Entries(ctx context.Context, community domain.ID, from int64, limit int) ([]Entry, error) {
	if err := checkCommunity(community); err != nil {
		return nil, err
	}
	if from < 0 {
		return nil, domain.InvalidField("from", "记录编号不能为负", "from must be at least 0")
	}
	if limit < 1 || limit > MaxEntriesRead {
		return nil, domain.InvalidField("limit", "每次最多读取 %d 条记录", "limit must be between 1 and %d", MaxEntriesRead)
	}
	entries, err := s.findEntries(ctx, community, from, from+int64(limit))
	if err != nil {
		return nil, fmt.Errorf("entries: %w", err)
	}
	return entries, nil
}

// Size returns how many entries community's record holds (its last number
// and one; 0 when empty), in one query. Errors: Invalid (community).
func (s *Service) Size(ctx context.Context, community domain.ID) (int64, error) {
	if err := checkCommunity(community); err != nil {
		return 0, err
	}
	last, found, err := s.findLastSeq(ctx, community)
	if err != nil {
		return 0, fmt.Errorf("size: %w", err)
	}
	if !found {
		return 0, nil
	}
	return last + 1, nil
}

// LatestHead returns the largest signed head of community's record, in one
// query. Errors: NotFound (no head yet), Invalid (community).
func (s *Service) LatestHead(ctx context.Context, community domain.ID) (Head, error) {
	if err := checkCommunity(community); err != nil {
		return Head{}, err
	}
	h, found, err := s.findLastHead(ctx, community)
	switch {
	case err != nil:
		return Head{}, fmt.Errorf("latest head: %w", err)
	case !found:
		return Head{}, domain.ErrNotFound("签名树头", "signed head")
	}
	return h, nil
}

// EntryAbout returns the entry of type t about subject in community's
// record (the first, if several), in one query; found is false when the
// record holds none.
func (s *Service) EntryAbout(ctx context.Context, community domain.ID, t Type, subject string) (e Entry, found bool, err error) {
	if err := checkCommunity(community); err != nil {
		return Entry{}, false, err
	}
	e, err = s.findBySubject(ctx, community, t, subject)
	if db.IsNotFound(err) {
		return Entry{}, false, nil
	}
	return e, err == nil, err
}
