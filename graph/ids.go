package graph

import (
	"encoding/base64"
	"maps"
	"strings"

	"github.com/yishi-app/yishi/domain"
)

// Global IDs are opaque to clients: base64url of "Type:localID". A malformed
// ID, or one of another type, is NotFound, the same as a missing record.

func globalID(typ string, id domain.ID) string { return domain.GlobalID(typ, id) }

// decodeGlobalID splits a global ID into its type and local ID.
func decodeGlobalID(gid string) (typ string, id domain.ID, ok bool) { return domain.ParseGlobalID(gid) }

// localID returns the local ID of a global ID of type typ, or a NotFound
// error naming what was looked for.
func localID(typ, gid string) (domain.ID, error) {
	t, id, ok := decodeGlobalID(gid)
	if !ok || t != typ {
		return "", notFound(typ)
	}
	return id, nil
}

// notFound returns the NotFound error for a type of record.
func notFound(typ string) error {
	zh, ok := recordNames[typ]
	if !ok {
		return domain.ErrNotFound("记录", "record") // an ID that names no type names none in the message
	}
	return domain.ErrNotFound(zh, strings.ToLower(typ))
}

// recordNames are the Chinese names of the records global IDs name, by
// type, from the parts' records.
var recordNames = map[string]string{}

func init() {
	for _, p := range parts {
		maps.Copy(recordNames, p.records)
	}
}

// cursor and fromCursor make opaque pagination cursors from record keys.
func cursor(id domain.ID) string {
	return base64.RawURLEncoding.EncodeToString([]byte("c:" + string(id)))
}

func fromCursor(c string) (domain.ID, error) {
	if c == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "c:") || len(b) > 130 {
		return "", domain.InvalidField("after", "分页游标无效", "invalid cursor")
	}
	return domain.ID(b[2:]), nil
}
