package ledger

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Head is a signed tree head: the service's commitment that the first Size
// entries of Community's record have the RFC 6962 root Root.
type Head struct {
	Community domain.ID
	Size      int64
	Root      []byte
	At        time.Time // UTC, millisecond precision
	Signature []byte    // Ed25519 over Message()
}

// headMessagePrefix starts every signed head message; it names the format.
const headMessagePrefix = "yishi-record-head/v1"

// Message returns the bytes the head's signature covers, five lines joined
// by "\n" with no newline at the end:
//
//	yishi-record-head/v1
//	<community>
//	<size in decimal>
//	<root in lowercase hex>
//	<at in TimeLayout>
func (h Head) Message() []byte {
	return []byte(headMessagePrefix + "\n" + string(h.Community) + "\n" + strconv.FormatInt(h.Size, 10) +
		"\n" + hex.EncodeToString(h.Root) + "\n" + h.At.UTC().Format(TimeLayout))
}

// SignHead returns the head of community's record at size with root, made
// at at (kept to the millisecond, in UTC), signed with key.
func SignHead(key ed25519.PrivateKey, community domain.ID, size int64, root []byte, at time.Time) Head {
	h := Head{Community: community, Size: size, Root: root, At: at.UTC().Truncate(time.Millisecond)}
	h.Signature = ed25519.Sign(key, h.Message())
	return h
}

// SignedBy reports whether pub verifies the head's signature.
func (h Head) SignedBy(pub ed25519.PublicKey) bool {
	return len(pub) == ed25519.PublicKeySize && ed25519.Verify(pub, h.Message(), h.Signature)
}

// PublishHead signs and stores the head of community's record as it stands:
// its size and root over all entries, made at now. When the record has not
// grown since the last head, it stores nothing and returns that head; of
// concurrent publications at one size, one head is stored and all return
// it. Errors: Invalid (community); it fails when the service has no key.
func (s *Service) PublishHead(ctx context.Context, community domain.ID, now time.Time) (Head, error) {
	if err := checkCommunity(community); err != nil {
		return Head{}, err
	}
	if len(s.key) != ed25519.PrivateKeySize {
		return Head{}, errors.New("publish head: the service has no signing key")
	}
	last, found, err := s.findLastHead(ctx, community)
	if err != nil {
		return Head{}, fmt.Errorf("publish head: %w", err)
	}
	var size int64
	var root []byte
	err = s.withTree(ctx, community, -1, func(t *tree) (err error) {
		size = int64(t.size())
		root, err = t.root(t.size())
		return err
	})
	if err != nil {
		return Head{}, fmt.Errorf("publish head: %w", err)
	}
	if found && last.Size >= size {
		return last, nil
	}
	h := SignHead(s.key, community, size, root, now)
	won, err := s.insertHead(ctx, h)
	if err != nil {
		return Head{}, fmt.Errorf("publish head: %w", err)
	}
	if !won {
		if h, err = s.findHead(ctx, community, size); err != nil {
			return Head{}, fmt.Errorf("publish head: %w", err)
		}
	}
	return h, nil
}

// Heads lists the heads of community's record, oldest (smallest) first.
// Errors: Invalid (community).
func (s *Service) Heads(ctx context.Context, community domain.ID) ([]Head, error) {
	if err := checkCommunity(community); err != nil {
		return nil, err
	}
	heads, err := s.findHeads(ctx, community)
	if err != nil {
		return nil, fmt.Errorf("heads: %w", err)
	}
	return heads, nil
}
