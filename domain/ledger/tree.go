package ledger

import (
	"fmt"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
)

// The tree is RFC 6962's, built with transparency-dev/merkle: its hasher,
// its compact ranges for roots and subtree hashes, and its proof package
// for the nodes a proof needs. Proofs are computed in memory from the leaf
// hashes.

var (
	hasher = rfc6962.DefaultHasher
	ranges = &compact.RangeFactory{Hash: hasher.HashChildren}
)

// RootOf returns the RFC 6962 root of the tree whose leaf hashes are
// leaves, in order; the empty tree's root is SHA-256 of nothing.
func RootOf(leaves [][]byte) []byte {
	r := ranges.NewEmptyRange(0)
	for _, h := range leaves {
		_ = r.Append(h, nil) // appending to a range from 0 cannot fail
	}
	return rootOfRange(r)
}

// rootOfRange returns the root of the tree r covers from leaf 0.
func rootOfRange(r *compact.Range) []byte {
	root, _ := r.GetRootHash(nil) // r begins at 0
	if root == nil {
		return hasher.EmptyRoot()
	}
	return root
}

// tree holds the hash of every perfect subtree over a list of leaves, as
// its compact range reports them while the leaves are appended: any proof
// then costs a lookup per node. It grows by append.
type tree struct {
	r      *compact.Range
	leaves [][]byte // the leaf hashes as given
	levels [][]byte // levels[l] holds the nodes (l, 0), (l, 1), … back to back, for l >= 1
}

func newTree(leaves [][]byte) *tree {
	t := &tree{r: ranges.NewEmptyRange(0)}
	t.append(leaves...)
	return t
}

// append adds leaf hashes at the end.
func (t *tree) append(leaves ...[]byte) {
	for _, h := range leaves {
		_ = t.r.Append(h, t.visit) // appending to a range from 0 cannot fail
	}
}

func (t *tree) visit(id compact.NodeID, hash []byte) {
	// The range reports each level's nodes in index order, once each.
	if id.Level == 0 {
		t.leaves = append(t.leaves, hash)
		return
	}
	for uint(len(t.levels)) <= id.Level {
		t.levels = append(t.levels, nil)
	}
	t.levels[id.Level] = append(t.levels[id.Level], hash...) // SHA-256: hashSize bytes
}

// hashSize is the size of a SHA-256 hash.
const hashSize = 32

// size returns the number of leaves.
func (t *tree) size() uint64 { return t.r.End() }

// hashes returns the hashes of the nodes ids.
func (t *tree) hashes(ids []compact.NodeID) [][]byte {
	out := make([][]byte, len(ids))
	for i, id := range ids {
		if id.Level == 0 {
			out[i] = t.leaves[id.Index]
			continue
		}
		at := id.Index * hashSize
		out[i] = t.levels[id.Level][at : at+hashSize : at+hashSize]
	}
	return out
}

// root returns the root of the tree of the first size leaves.
func (t *tree) root(size uint64) ([]byte, error) {
	if size > t.size() {
		return nil, fmt.Errorf("root: tree size %d beyond %d leaves", size, t.size())
	}
	r, err := ranges.NewRange(0, size, t.hashes(compact.RangeNodes(0, size, nil)))
	if err != nil {
		return nil, fmt.Errorf("root: %w", err)
	}
	return rootOfRange(r), nil
}

// inclusion proves that leaf index is in the tree of the first size leaves.
func (t *tree) inclusion(index, size uint64) ([][]byte, error) {
	if size > t.size() {
		return nil, fmt.Errorf("inclusion proof: tree size %d beyond %d leaves", size, t.size())
	}
	nodes, err := proof.Inclusion(index, size)
	if err != nil {
		return nil, fmt.Errorf("inclusion proof: %w", err)
	}
	return t.rehash(nodes)
}

// consistency proves that the tree of the first size2 leaves extends the
// tree of the first size1.
func (t *tree) consistency(size1, size2 uint64) ([][]byte, error) {
	if size2 > t.size() {
		return nil, fmt.Errorf("consistency proof: tree size %d beyond %d leaves", size2, t.size())
	}
	nodes, err := proof.Consistency(size1, size2)
	if err != nil {
		return nil, fmt.Errorf("consistency proof: %w", err)
	}
	return t.rehash(nodes)
}

// rehash looks up the proof's nodes and folds its ephemeral node.
func (t *tree) rehash(nodes proof.Nodes) ([][]byte, error) {
	p, err := nodes.Rehash(t.hashes(nodes.IDs), hasher.HashChildren)
	if err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	return p, nil
}
