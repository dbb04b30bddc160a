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

package sqlite

// Yishi patch (PATCHES.md, "Index use"; upstream FerretDB#3235): filters on
// top-level fields become SQL conditions on the same JSON expressions as the
// indexes, so SQLite reads through an index instead of the handler decoding
// the whole collection. The handler still filters every document it gets, so
// a condition only has to be a superset; where it is exact for the whole
// filter, sorts, limits and counts can be answered by SQLite too.

import (
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// whereClause is the SQL form of a filter.
type whereClause struct {
	sql   string // empty or " WHERE ..."
	args  []any
	exact bool // it matches exactly the documents the filter does
}

// prepareWhereClause translates what it can of filter into SQL.
func prepareWhereClause(settings metadata.Settings, filter *types.Document) whereClause {
	w := whereClause{exact: true}

	if filter == nil {
		return w
	}

	// A repeated key: leave it all to the handler.
	if _, dup := filter.FindDuplicateKey(); dup {
		return whereClause{}
	}

	var conds []string

	for _, key := range filter.Keys() {
		v := must.NotFail(filter.Get(key))

		if !metadata.SafeField(key) {
			w.exact = false // operators ($and, $or, ...), dotted paths, odd names
			continue
		}

		f := fieldFilter{
			expr:  metadata.FieldExpr(key),
			plain: settings.IsPlain(key),
			array: key != "_id", // _id is never an array
		}

		ops, isOps := v.(*types.Document)
		if !isOps {
			conds = f.eq(conds, &w, v)
			continue
		}

		if ops.Len() == 0 || !strings.HasPrefix(ops.Keys()[0], "$") {
			w.exact = false // equality with an embedded document
			continue
		}

		if _, dup := ops.FindDuplicateKey(); dup {
			w.exact = false
			continue
		}

		for _, op := range ops.Keys() {
			arg := must.NotFail(ops.Get(op))

			switch op {
			case "$eq":
				conds = f.eq(conds, &w, arg)
			case "$in":
				conds = f.in(conds, &w, arg)
			case "$gt", "$gte", "$lt", "$lte":
				conds = f.compare(conds, &w, op, arg)
			default:
				w.exact = false
			}
		}
	}

	if len(conds) > 0 {
		w.sql = " WHERE " + strings.Join(conds, " AND ")
	}

	return w
}

// fieldFilter turns one field's conditions into SQL.
type fieldFilter struct {
	expr  string // the field's JSON text, as in its index
	plain bool   // the field holds only plain strings or nothing
	array bool   // the field may hold an array
}

// jsonValue returns v's JSON text as stored, for values whose text SQLite
// returns unchanged: strings without escapes, ObjectIDs and booleans; and
// whether v is a plain string.
func jsonValue(v any) (text string, plainString, ok bool) {
	switch v.(type) {
	case string, types.ObjectID, bool:
	default:
		return "", false, false
	}

	b, err := sjson.MarshalSingleValue(v)
	if err != nil || strings.Contains(string(b), `\`) {
		return "", false, false
	}

	s, isString := v.(string)

	return string(b), isString && metadata.PlainString(s), true
}

// orArray widens cond to the documents where the field is an array, which
// MongoDB matches by their elements.
func (f fieldFilter) orArray(cond string) string {
	if !f.array || f.plain {
		return cond
	}

	return fmt.Sprintf(`(%s OR (%s >= '[' AND %[2]s < '\'))`, cond, f.expr)
}

func (f fieldFilter) eq(conds []string, w *whereClause, v any) []string {
	text, plain, ok := jsonValue(v)
	if !ok {
		w.exact = false
		return conds
	}

	w.exact = w.exact && f.plain && plain
	w.args = append(w.args, text)

	return append(conds, f.orArray(f.expr+" = ?"))
}

func (f fieldFilter) in(conds []string, w *whereClause, v any) []string {
	arr, ok := v.(*types.Array)
	if !ok {
		w.exact = false
		return conds
	}

	if arr.Len() == 0 {
		return append(conds, "0") // matches nothing, as on MongoDB
	}

	texts := make([]any, 0, arr.Len())
	allPlain := true

	for i := 0; i < arr.Len(); i++ {
		text, plain, ok := jsonValue(must.NotFail(arr.Get(i)))
		if !ok {
			w.exact = false
			return conds
		}

		allPlain = allPlain && plain
		texts = append(texts, text)
	}

	w.exact = w.exact && f.plain && allPlain
	w.args = append(w.args, texts...)
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(texts)), ", ")

	return append(conds, f.orArray(fmt.Sprintf("%s IN (%s)", f.expr, marks)))
}

// compare pushes a range on a plain field with a plain string bound: there,
// JSON text order is string order.
func (f fieldFilter) compare(conds []string, w *whereClause, op string, v any) []string {
	text, plain, ok := jsonValue(v)
	if !ok || !plain || !f.plain {
		w.exact = false
		return conds
	}

	sqlOp := map[string]string{"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}[op]
	w.args = append(w.args, text)

	return append(conds, fmt.Sprintf("%s %s ?", f.expr, sqlOp))
}
