package ledger

import (
	"crypto/ed25519"
	"io"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// MemoryRecord is one community's record held in memory, without a
// database, for offline tools, tests and benchmarks. It checks, numbers,
// hashes and signs as the Service does. It is not safe for concurrent use.
type MemoryRecord struct {
	Community domain.ID
	Key       ed25519.PrivateKey
	Entries   []Entry
	Heads     []Head
}

// Append adds e at the next number; a zero At is now. Errors: Invalid, as
// Service.Append.
func (m *MemoryRecord) Append(e Entry, now time.Time) (Entry, error) {
	e, err := prepare(m.Community, e, now)
	if err != nil {
		return Entry{}, err
	}
	e = sealed(e, int64(len(m.Entries)))
	m.Entries = append(m.Entries, e)
	return e, nil
}

// PublishHead signs the head over all entries, made at now, and keeps it,
// unless the record has not grown since the last head, which it returns.
func (m *MemoryRecord) PublishHead(now time.Time) Head {
	size := int64(len(m.Entries))
	if n := len(m.Heads); n > 0 && m.Heads[n-1].Size >= size {
		return m.Heads[n-1]
	}
	leaves := make([][]byte, len(m.Entries))
	for i, e := range m.Entries {
		leaves[i] = e.LeafHash
	}
	h := SignHead(m.Key, m.Community, size, RootOf(leaves), now)
	m.Heads = append(m.Heads, h)
	return h
}

// Export writes the record in the export format (see Format).
func (m *MemoryRecord) Export(w io.Writer) error {
	return WriteExport(w, m.Key.Public().(ed25519.PublicKey), m.Community, m.Entries, m.Heads)
}
