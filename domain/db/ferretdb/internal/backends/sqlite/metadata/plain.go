// Copyright 2021 FerretDB Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package metadata

// Yishi patch (PATCHES.md, "Index use"): which indexed fields hold only plain
// strings. For such a field the SQL expression of its index, the field's JSON
// text, compares and sorts exactly as MongoDB compares the strings, so a
// filter or sort on it can be answered by SQLite alone.

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/fsql"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// FieldExpr is the SQL expression for a top-level field's JSON text, the same
// text as the field's index, so that SQLite uses it. Only for SafeField names.
func FieldExpr(field string) string {
	return fmt.Sprintf("%s->%q", DefaultColumn, field)
}

// SafeField reports whether a top-level field name can be used in SQL as it
// is: a plain identifier (Go's quoting and SQLite's JSON labels agree on it,
// and no character such as "[" reads as a path), not one of ours.
func SafeField(field string) bool {
	if field == "" || strings.HasPrefix(field, "_ferretdb_") {
		return false
	}
	for i, r := range field {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// PlainString reports whether s is a plain string: valid UTF-8 that JSON
// encodes without escapes and without a byte at or below '"'. The JSON text
// of plain strings sorts as the strings do (byte order, like MongoDB's).
func PlainString(s string) bool {
	if !utf8.ValidString(s) || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029") {
		return false
	}

	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b <= '"', b == '\\', b == '<', b == '>', b == '&':
			return false
		}
	}

	return true
}

// IsPlain reports whether field holds only plain strings or nothing in every
// document of the collection.
func (s Settings) IsPlain(field string) bool {
	return slices.Contains(s.PlainFields, field)
}

// NewlyMixed returns the plain fields to which one of docs gives a value that
// is not a plain string.
func (s Settings) NewlyMixed(docs []*types.Document) []string {
	var res []string

	for _, f := range s.PlainFields {
		for _, doc := range docs {
			v, err := doc.Get(f)
			if err != nil {
				continue // missing
			}

			if str, ok := v.(string); !ok || !PlainString(str) {
				res = append(res, f)
				break
			}
		}
	}

	return res
}

// classifyFields finds, for every top-level key of c's indexes that is neither
// plain nor mixed yet, which it is in the stored documents.
func classifyFields(ctx context.Context, db *fsql.DB, c *Collection) error {
	for _, index := range c.Settings.Indexes {
		for _, key := range index.Key {
			f := key.Field
			if !SafeField(f) || slices.Contains(c.Settings.PlainFields, f) || slices.Contains(c.Settings.MixedFields, f) {
				continue
			}

			// A plain string: its schema type is string (an ObjectID's JSON
			// text looks the same), and its JSON text is quoted, without
			// escapes, without a space or '!' inside.
			e := FieldExpr(f)
			q := fmt.Sprintf(
				`SELECT EXISTS (SELECT 1 FROM %q WHERE %s IS NOT NULL AND NOT (`+
					`%[3]s->'$."$s".p.%[4]s.t' = '"string"' AND `+
					`substr(%[2]s, 1, 1) = '"' AND instr(%[2]s, '\') = 0 AND `+
					`instr(substr(%[2]s, 2, length(%[2]s) - 2), ' ') = 0 AND `+
					`instr(substr(%[2]s, 2, length(%[2]s) - 2), '!') = 0))`,
				c.TableName, e, DefaultColumn, f,
			)

			var mixed bool
			if err := db.QueryRowContext(ctx, q).Scan(&mixed); err != nil {
				return lazyerrors.Error(err)
			}

			if mixed {
				c.Settings.MixedFields = append(c.Settings.MixedFields, f)
			} else {
				c.Settings.PlainFields = append(c.Settings.PlainFields, f)
			}
		}
	}

	return nil
}

// MarkMixed records that fields of the collection are no longer plain.
func (r *Registry) MarkMixed(ctx context.Context, dbName, collectionName string, fields []string) error {
	r.rw.Lock()
	defer r.rw.Unlock()

	db := r.DatabaseGetExisting(ctx, dbName)
	c := r.collectionGet(dbName, collectionName)

	if db == nil || c == nil {
		return nil
	}

	for _, f := range fields {
		if i := slices.Index(c.Settings.PlainFields, f); i >= 0 {
			c.Settings.PlainFields = slices.Delete(c.Settings.PlainFields, i, i+1)
			c.Settings.MixedFields = append(c.Settings.MixedFields, f)
		}
	}

	q := fmt.Sprintf("UPDATE %q SET settings = ? WHERE table_name = ?", metadataTableName)
	if _, err := db.ExecContext(ctx, q, c.Settings, c.TableName); err != nil {
		return lazyerrors.Error(err)
	}

	r.colls[dbName][collectionName] = c

	return nil
}
