package ledger

import (
	"context"
	"fmt"
	"sync"

	"github.com/yishi-app/yishi/domain"
)

// treeCache keeps each community's tree over the leaf hashes the service
// has read. Entries never change once appended, so a later read only needs
// the entries after the cached ones: a proof or a head then costs one small
// query instead of reading the whole record (the embedded store decodes
// each document it returns, some 80 µs apiece). A tree takes about 90 bytes
// per entry. Proofs and heads so stay true to what was read first, even if
// a stored entry is later changed behind the service's back; Export reads
// the entries themselves, where Verify sees such a change.
type treeCache struct {
	mu    sync.Mutex
	trees map[domain.ID]*lockedTree
}

// lockedTree is a community's tree and the lock under which it is read and
// extended.
type lockedTree struct {
	mu   sync.Mutex
	tree *tree
}

func (c *treeCache) get(community domain.ID) *lockedTree {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.trees == nil {
		c.trees = map[domain.ID]*lockedTree{}
	}
	lt := c.trees[community]
	if lt == nil {
		lt = &lockedTree{tree: newTree(nil)}
		c.trees[community] = lt
	}
	return lt
}

// withTree calls fn with community's tree, holding its lock, once the tree
// covers at least the first size entries (every stored entry, when size <
// 0), reading in one query only the leaf hashes it lacks. Errors: Invalid
// (the record has fewer than size entries).
func (s *Service) withTree(ctx context.Context, community domain.ID, size int64, fn func(*tree) error) error {
	lt := s.trees.get(community)
	lt.mu.Lock()
	defer lt.mu.Unlock()
	have := int64(lt.tree.size())
	if size < 0 || have < size {
		leaves, err := s.findLeafHashes(ctx, community, have, size)
		if err != nil {
			return fmt.Errorf("tree: %w", err)
		}
		lt.tree.append(leaves...)
	}
	if n := int64(lt.tree.size()); n < size {
		return domain.InvalidField("treeSize", "记录只有 %d 条", "the record has only %d entries", n)
	}
	return fn(lt.tree)
}
