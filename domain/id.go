package domain

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"sync/atomic"
	"time"
)

// ID identifies a record. New IDs are 24 hex digits that sort by creation
// time, like MongoDB ObjectIDs.
type ID string

// idCounter orders IDs made in the same second by this process.
var idCounter atomic.Uint32

// NewID returns a fresh ID: 4 bytes of Unix seconds, a 3-byte counter (so
// IDs made by one process in one second keep their order) and 5 random
// bytes (so IDs of different processes do not collide).
func NewID() ID {
	var b [12]byte
	binary.BigEndian.PutUint32(b[0:4], uint32(time.Now().Unix()))
	c := idCounter.Add(1)
	b[4], b[5], b[6] = byte(c>>16), byte(c>>8), byte(c)
	_, _ = rand.Read(b[7:])
	return ID(hex.EncodeToString(b[:]))
}

// Valid reports whether id has the shape of an ID this package makes.
func (id ID) Valid() bool {
	if len(id) != 24 {
		return false
	}
	_, err := hex.DecodeString(string(id))
	return err == nil
}

// GlobalID is the opaque ID the API and links outside it (mails, calendar
// feeds) give a record of a type: base64url of "Type:id".
func GlobalID(typ string, id ID) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + string(id)))
}

// ParseGlobalID splits a global ID into its type and local ID.
func ParseGlobalID(gid string) (typ string, id ID, ok bool) {
	if len(gid) > 200 {
		return "", "", false
	}
	b, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil {
		return "", "", false
	}
	typ, local, found := strings.Cut(string(b), ":")
	if !found || typ == "" || local == "" {
		return "", "", false
	}
	return typ, ID(local), true
}
