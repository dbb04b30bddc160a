package ledger

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/yishi-app/yishi/domain"
)

// Format names the export format, which the key line carries. An export
// is JSON lines (one JSON object per line, UTF-8), each with a "kind".
// First comes the key line, with the Ed25519 public key in base64:
//
//	{"kind":"key","format":"yishi-record/v1","community":"<id>","publicKey":"<base64>"}
//
// Then one line per entry, in seq order from 0 without gaps: the payload
// is embedded as JSON, at is in TimeLayout, leafHash is the stored RFC 6962
// leaf hash in hex (Entry.Leaf says what it covers):
//
//	{"kind":"entry","seq":0,"type":"screening","subject":"<global id>","payload":{…},"at":"2024-05-01T08:30:00.000Z","role":"committee","community":"<id>","leafHash":"<hex>"}
//
// Then one line per signed head, smallest first: root in hex, signature in
// base64 (Ed25519 over Head.Message), consistency the RFC 6962 proof (hex
// nodes) from the previous head's tree to this one, [] for the first head:
//
//	{"kind":"head","community":"<id>","size":3,"root":"<hex>","at":"…","signature":"<base64>","consistency":["<hex>",…]}
//
// Entries after the last head are not signed yet. Fields other than these
// are covered by no hash and ignored by Verify.
const Format = "yishi-record/v1"

type keyLine struct {
	Kind      string    `json:"kind"`
	Format    string    `json:"format"`
	Community domain.ID `json:"community"`
	PublicKey string    `json:"publicKey"`
}

type entryLine struct {
	Kind      string          `json:"kind"`
	Seq       int64           `json:"seq"`
	Type      Type            `json:"type"`
	Subject   string          `json:"subject"`
	Payload   json.RawMessage `json:"payload"`
	At        string          `json:"at"`
	Role      string          `json:"role"`
	Community domain.ID       `json:"community"`
	LeafHash  string          `json:"leafHash"`
}

type headLine struct {
	Kind        string    `json:"kind"`
	Community   domain.ID `json:"community"`
	Size        int64     `json:"size"`
	Root        string    `json:"root"`
	At          string    `json:"at"`
	Signature   string    `json:"signature"`
	Consistency []string  `json:"consistency"`
}

// Export writes community's record in the export format (see Format): the
// key, the entries as stored and every head. It reads the heads first, so
// that each head's entries are in the file, then the entries through one
// cursor, keeping only their leaf hashes. The entries the heads sign are
// written as they are, a missing one included, for Verify to judge; after
// them, the export ends at the first missing number (an append still in
// flight). Errors: Invalid (community).
func (s *Service) Export(ctx context.Context, w io.Writer, community domain.ID) error {
	heads, err := s.Heads(ctx, community)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	x := newExporter(w, community, heads)
	if err := x.key(s.PublicKey()); err != nil {
		return err
	}
	if err := s.eachEntry(ctx, community, x.entry); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return x.heads(heads)
}

// WriteExport writes a record held in memory in the export format, as
// Export does: pub verifies the heads, smallest first; entries, in seq
// order, carry their leaf hashes, written as they are, not recomputed.
func WriteExport(w io.Writer, pub ed25519.PublicKey, community domain.ID, entries []Entry, heads []Head) error {
	x := newExporter(w, community, heads)
	if err := x.key(pub); err != nil {
		return err
	}
	for _, e := range entries {
		if err := x.entry(e); errors.Is(err, errStop) {
			break
		} else if err != nil {
			return err
		}
	}
	return x.heads(heads)
}

// exporter writes the lines of one export, keeping the leaf hashes for the
// heads' consistency proofs.
type exporter struct {
	w         *bufio.Writer
	enc       *json.Encoder
	community domain.ID
	signed    int64 // entries the last head covers
	leaves    [][]byte
}

func newExporter(w io.Writer, community domain.ID, heads []Head) *exporter {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	x := &exporter{w: bw, enc: enc, community: community}
	if len(heads) > 0 {
		x.signed = heads[len(heads)-1].Size
	}
	return x
}

func (x *exporter) write(line any) error {
	if err := x.enc.Encode(line); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func (x *exporter) key(pub ed25519.PublicKey) error {
	return x.write(keyLine{Kind: "key", Format: Format, Community: x.community, PublicKey: base64.StdEncoding.EncodeToString(pub)})
}

// entry writes e, or returns errStop at a missing number after the signed
// entries.
func (x *exporter) entry(e Entry) error {
	if e.Seq >= x.signed && e.Seq != int64(len(x.leaves)) {
		return errStop
	}
	payload := json.RawMessage(e.Payload)
	if !json.Valid(payload) { // damaged in the store: kept as text, so Verify names it
		payload, _ = json.Marshal(string(e.Payload))
	}
	x.leaves = append(x.leaves, e.LeafHash)
	return x.write(entryLine{
		Kind: "entry", Seq: e.Seq, Type: e.Type, Subject: e.Subject, Payload: payload,
		At: e.At.UTC().Format(TimeLayout), Role: e.Role, Community: e.Community,
		LeafHash: hex.EncodeToString(e.LeafHash),
	})
}

// heads writes the heads, each with its consistency proof from the one
// before, then flushes the export. A head beyond the entries written (some
// are missing) gets no proof: Verify stops before it.
func (x *exporter) heads(heads []Head) error {
	t := newTree(x.leaves)
	prev := int64(0)
	for _, h := range heads {
		var p [][]byte
		if h.Size >= prev && h.Size <= int64(len(x.leaves)) {
			var err error
			if p, err = t.consistency(uint64(prev), uint64(h.Size)); err != nil {
				return fmt.Errorf("export: %w", err)
			}
		}
		proof := make([]string, len(p))
		for j, node := range p {
			proof[j] = hex.EncodeToString(node)
		}
		err := x.write(headLine{
			Kind: "head", Community: h.Community, Size: h.Size, Root: hex.EncodeToString(h.Root),
			At: h.At.UTC().Format(TimeLayout), Signature: base64.StdEncoding.EncodeToString(h.Signature),
			Consistency: proof,
		})
		if err != nil {
			return err
		}
		prev = h.Size
	}
	if err := x.w.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
