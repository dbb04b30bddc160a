package ledger

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"

	"github.com/yishi-app/yishi/domain"
)

// Report says what Verify found to hold.
type Report struct {
	Community domain.ID
	// PublicKey is the key the heads were checked with.
	PublicKey ed25519.PublicKey
	// KeyFromFile is true when no trusted key was given and the heads were
	// checked with the file's own key: that shows the file agrees with
	// itself, not that the community's service signed it.
	KeyFromFile bool
	Entries     int64  // entries in the file
	Heads       int    // signed heads in the file
	SignedSize  int64  // entries the last head covers; those after it are not yet signed
	Root        []byte // RFC 6962 root over all the entries
}

// VerifyError names the first line of an export that does not hold.
type VerifyError struct {
	Line   int   // from 1; 0 for an empty file
	Seq    int64 // the entry's seq, or -1 when the line is no entry
	Head   int   // the head's place among the heads from 0, or -1 when the line is no head
	Reason string
}

// Error names the line, the entry or head, and what is wrong.
func (e *VerifyError) Error() string {
	switch {
	case e.Line == 0:
		return e.Reason
	case e.Seq >= 0:
		return fmt.Sprintf("line %d: entry seq %d: %s", e.Line, e.Seq, e.Reason)
	case e.Head >= 0:
		return fmt.Sprintf("line %d: head %d: %s", e.Line, e.Head, e.Reason)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// maxLine bounds a line of an export (an entry's payload is at most 256
// KiB, which JSON escaping may make six times longer).
const maxLine = 2 << 20

// Verify checks an export (see Format) offline and reports what holds, or
// returns a *VerifyError naming the first entry or head that does not:
// every entry's leaf hash is recomputed from its fields, so an edited field
// names that entry's seq; seqs must run from 0 without gaps; at each head
// the root is recomputed from the entries, its signature checked with
// trusted, and its consistency proof from the previous head checked with
// proof.VerifyConsistency. With a nil trusted key, the file's own key is
// used, and the report says so.
func Verify(r io.Reader, trusted ed25519.PublicKey) (Report, error) {
	v := &verifier{trusted: trusted, tree: ranges.NewEmptyRange(0), prevRoot: hasher.EmptyRoot()}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	for sc.Scan() {
		v.line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		if err := v.check(sc.Bytes()); err != nil {
			return Report{}, err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return Report{}, v.fail(fmt.Sprintf("longer than %d bytes", maxLine))
		}
		return Report{}, fmt.Errorf("read record: %w", err)
	}
	if v.pub == nil {
		return Report{}, &VerifyError{Line: v.line, Seq: -1, Head: -1, Reason: "empty: not a yishi record export"}
	}
	v.extend(int64(len(v.leaves)))
	return Report{
		Community: v.community, PublicKey: v.pub, KeyFromFile: v.trusted == nil,
		Entries: int64(len(v.leaves)), Heads: v.heads, SignedSize: v.prevSize, Root: rootOfRange(v.tree),
	}, nil
}

// recordLine is any line of an export.
type recordLine struct {
	Kind        string          `json:"kind"`
	Format      string          `json:"format"`
	PublicKey   string          `json:"publicKey"`
	Community   domain.ID       `json:"community"`
	Seq         int64           `json:"seq"`
	Type        Type            `json:"type"`
	Subject     string          `json:"subject"`
	Payload     json.RawMessage `json:"payload"`
	At          string          `json:"at"`
	Role        string          `json:"role"`
	LeafHash    string          `json:"leafHash"`
	Size        int64           `json:"size"`
	Root        string          `json:"root"`
	Signature   string          `json:"signature"`
	Consistency []string        `json:"consistency"`
}

// verifier is Verify's state between lines.
type verifier struct {
	trusted   ed25519.PublicKey
	pub       ed25519.PublicKey
	community domain.ID
	line      int
	leaves    [][]byte
	tree      *compact.Range // over leaves[:tree.End()]
	heads     int
	prevSize  int64
	prevRoot  []byte
}

func (v *verifier) fail(reason string) error {
	return &VerifyError{Line: v.line, Seq: -1, Head: -1, Reason: reason}
}

func (v *verifier) check(b []byte) error {
	var l recordLine
	if err := json.Unmarshal(b, &l); err != nil {
		return v.fail(fmt.Sprintf("not a JSON object: %v", err))
	}
	if v.pub == nil && l.Kind != "key" {
		return v.fail("the first line must be the key line")
	}
	switch l.Kind {
	case "key":
		return v.key(l)
	case "entry":
		return v.entry(l)
	case "head":
		return v.head(l)
	}
	return v.fail(fmt.Sprintf("unknown kind %q", l.Kind))
}

func (v *verifier) key(l recordLine) error {
	if v.pub != nil {
		return v.fail("a second key line")
	}
	if l.Format != Format {
		return v.fail(fmt.Sprintf("format %q, want %q", l.Format, Format))
	}
	pub, err := base64.StdEncoding.DecodeString(l.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return v.fail("publicKey is not the base64 of an Ed25519 public key")
	}
	if !l.Community.Valid() {
		return v.fail("the key line names no valid community")
	}
	v.community, v.pub = l.Community, pub
	if v.trusted != nil {
		if !bytes.Equal(v.trusted, pub) {
			return v.fail("the file's key is not the trusted key")
		}
		v.pub = v.trusted
	}
	return nil
}

func (v *verifier) entry(l recordLine) error {
	seq := int64(len(v.leaves))
	fail := func(reason string) error { return &VerifyError{Line: v.line, Seq: l.Seq, Head: -1, Reason: reason} }
	switch {
	case v.heads > 0:
		return fail("an entry after a head")
	case l.Seq != seq:
		return fail(fmt.Sprintf("out of order or a gap: seq %d was due", seq))
	case l.Community != v.community:
		return fail(fmt.Sprintf("community %q, not the record's %q", l.Community, v.community))
	}
	at, err := parseTime(l.At)
	if err != nil {
		return fail(err.Error())
	}
	want, err := hex.DecodeString(l.LeafHash)
	if err != nil {
		return fail("leafHash is not hex")
	}
	e := Entry{Community: l.Community, Seq: l.Seq, Type: l.Type, Subject: l.Subject, Payload: l.Payload, At: at, Role: l.Role}
	got := e.HashLeaf()
	if !bytes.Equal(got, want) {
		return fail("its fields do not hash to its leaf hash: the entry was changed")
	}
	v.leaves = append(v.leaves, got)
	return nil
}

func (v *verifier) head(l recordLine) error {
	fail := func(reason string) error { return &VerifyError{Line: v.line, Seq: -1, Head: v.heads, Reason: reason} }
	switch {
	case l.Community != v.community:
		return fail(fmt.Sprintf("community %q, not the record's %q", l.Community, v.community))
	case l.Size < v.prevSize:
		return fail(fmt.Sprintf("size %d is smaller than the previous head's %d", l.Size, v.prevSize))
	case l.Size > int64(len(v.leaves)):
		return fail(fmt.Sprintf("size %d, but the file has %d entries", l.Size, len(v.leaves)))
	}
	at, err := parseTime(l.At)
	if err != nil {
		return fail(err.Error())
	}
	root, err := hex.DecodeString(l.Root)
	if err != nil {
		return fail("root is not hex")
	}
	sig, err := base64.StdEncoding.DecodeString(l.Signature)
	if err != nil {
		return fail("signature is not base64")
	}
	h := Head{Community: l.Community, Size: l.Size, Root: root, At: at, Signature: sig}
	if !h.SignedBy(v.pub) {
		return fail(fmt.Sprintf("size %d: the signature does not verify", l.Size))
	}
	if got := v.extend(l.Size); !bytes.Equal(got, root) {
		return fail(fmt.Sprintf("size %d: the root does not match the entries 0 to %d", l.Size, l.Size-1))
	}
	consistency := make([][]byte, len(l.Consistency))
	for i, node := range l.Consistency {
		if consistency[i], err = hex.DecodeString(node); err != nil {
			return fail("a consistency proof node is not hex")
		}
	}
	if err := proof.VerifyConsistency(hasher, uint64(v.prevSize), uint64(l.Size), consistency, v.prevRoot, root); err != nil {
		why := err.Error()
		if errors.As(err, new(proof.RootMismatchError)) {
			why = "it leads to another root"
		}
		return fail(fmt.Sprintf("size %d: the consistency proof from size %d does not hold: %s", l.Size, v.prevSize, why))
	}
	v.heads++
	v.prevSize, v.prevRoot = l.Size, root
	return nil
}

// extend grows the verifier's range to the first size leaves and returns
// the root of their tree.
func (v *verifier) extend(size int64) []byte {
	for end := v.tree.End(); end < uint64(size); end++ {
		_ = v.tree.Append(v.leaves[end], nil) // a range from 0 takes any leaf
	}
	return rootOfRange(v.tree)
}

// parseTime reads a time written in TimeLayout, in UTC, and only that.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(TimeLayout, s)
	if err != nil || t.UTC().Format(TimeLayout) != s {
		return time.Time{}, fmt.Errorf("time %q is not in the record's form, UTC with milliseconds (2024-05-01T08:30:00.000Z)", s)
	}
	return t.UTC(), nil
}
