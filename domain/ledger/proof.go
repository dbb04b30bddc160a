package ledger

import (
	"context"

	"github.com/yishi-app/yishi/domain"
)

// InclusionProof returns the RFC 6962 audit path that shows the entry seq
// is in the tree of the first treeSize entries of community's record; it
// checks with proof.VerifyInclusion against that tree's root. It reads at
// most the leaf hashes not read before, in one query. Errors: Invalid (seq
// not below treeSize, treeSize beyond the record, community).
func (s *Service) InclusionProof(ctx context.Context, community domain.ID, seq, treeSize int64) (p [][]byte, err error) {
	if err := checkCommunity(community); err != nil {
		return nil, err
	}
	if seq < 0 || seq >= treeSize {
		return nil, domain.InvalidField("seq", "记录编号须小于树的大小", "seq must be at least 0 and below the tree size")
	}
	err = s.withTree(ctx, community, treeSize, func(t *tree) error {
		p, err = t.inclusion(uint64(seq), uint64(treeSize))
		return err
	})
	return p, err
}

// ConsistencyProof returns the RFC 6962 proof that the tree of the first
// size2 entries of community's record extends the tree of the first size1;
// it checks with proof.VerifyConsistency against the two roots. It reads at
// most the leaf hashes not read before, in one query. Errors: Invalid
// (sizes not 0 <= size1 <= size2, size2 beyond the record, community).
func (s *Service) ConsistencyProof(ctx context.Context, community domain.ID, size1, size2 int64) (p [][]byte, err error) {
	if err := checkCommunity(community); err != nil {
		return nil, err
	}
	if size1 < 0 || size1 > size2 {
		return nil, domain.InvalidField("size1", "树的大小须满足 0 ≤ size1 ≤ size2", "the sizes must be 0 <= size1 <= size2")
	}
	err = s.withTree(ctx, community, size2, func(t *tree) error {
		p, err = t.consistency(uint64(size1), uint64(size2))
		return err
	})
	return p, err
}
