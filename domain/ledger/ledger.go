// Package ledger is a community's public record (公信链): an append-only log
// of public facts (screening decisions, sortition draws, vote results,
// resolutions, disclosure versions, answers) that anyone can verify.
//
// Each community has its own log. Entries are numbered from 0 without gaps
// and hashed into a Merkle tree as RFC 6962 (Certificate Transparency) does:
// an entry's leaf is its canonical JSON (see Entry.Leaf), its leaf hash is
// SHA-256(0x00 || leaf), and the tree is the RFC 6962 tree over the leaf
// hashes in seq order. Signed tree heads (Head) commit the service to the
// record's first Size entries; inclusion and consistency proofs show that an
// entry is in a head's tree and that a later head extends an earlier one.
// Export writes the whole record as JSON lines that Verify checks offline.
//
// The area is low in the dependency order: other areas append their public
// facts through Service.Append, after their own permission checks. Reading
// the record is public, so the service checks no actor.
package ledger

import (
	"crypto/ed25519"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain"
)

// Service keeps the communities' records in the area's collections and
// signs their heads.
type Service struct {
	db          *mongo.Database
	key         ed25519.PrivateKey
	now         func() time.Time
	trees       treeCache
	appendLocks keyedLocks
}

// Config holds the Service's collaborators.
type Config struct {
	// Key signs the tree heads (see LoadKey); PublishHead needs it. Every
	// instance sharing a database must use the same key.
	Key ed25519.PrivateKey
	Now func() time.Time // default time.Now
}

// NewService returns a ledger Service over d.
func NewService(d *mongo.Database, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{db: d, key: cfg.Key, now: cfg.Now}
}

// PublicKey returns the key that verifies the Service's heads (nil when it
// has none).
func (s *Service) PublicKey() ed25519.PublicKey {
	if len(s.key) != ed25519.PrivateKeySize {
		return nil
	}
	return s.key.Public().(ed25519.PublicKey)
}

// checkCommunity refuses what is not a community ID. Errors: Invalid.
func checkCommunity(community domain.ID) error {
	if !community.Valid() {
		return domain.InvalidField("community", "社区无效", "invalid community")
	}
	return nil
}
