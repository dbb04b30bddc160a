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

package handler

import (
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// countSpec is a pipeline that only counts the documents its $match selects:
// [{$match: filter}, {$group: {_id: id, field: {$sum: 1}}}], as drivers send
// for countDocuments. The backend may answer it with SQL's COUNT(*) (Yishi
// patch, PATCHES.md "Index use").
type countSpec struct {
	id    any
	field string
	sum   any // the $sum argument, 1 of some type: the count has its type
}

// countPipeline returns the countSpec of stages, if they are one.
func countPipeline(stages []any) (*countSpec, bool) {
	if len(stages) != 2 {
		return nil, false
	}

	match, ok1 := stages[0].(*types.Document)
	group, ok2 := stages[1].(*types.Document)

	if !ok1 || !ok2 || match.Len() != 1 || !match.Has("$match") || group.Len() != 1 || !group.Has("$group") {
		return nil, false
	}

	if _, ok := must.NotFail(match.Get("$match")).(*types.Document); !ok {
		return nil, false
	}

	spec, ok := must.NotFail(group.Get("$group")).(*types.Document)
	if !ok || spec.Len() != 2 || spec.Keys()[0] != "_id" {
		return nil, false
	}

	id := must.NotFail(spec.Get("_id"))
	switch id.(type) {
	case int32, int64, float64, types.NullType:
	default:
		return nil, false // a string could be a field path
	}

	field := spec.Keys()[1]

	sum, ok := must.NotFail(spec.Get(field)).(*types.Document)
	if !ok || sum.Len() != 1 || !sum.Has("$sum") {
		return nil, false
	}

	one := must.NotFail(sum.Get("$sum"))
	switch v := one.(type) {
	case int32:
		ok = v == 1
	case int64:
		ok = v == 1
	case float64:
		ok = v == 1
	default:
		ok = false
	}

	if !ok {
		return nil, false
	}

	return &countSpec{id: id, field: field, sum: one}, true
}

// result returns the pipeline's output for n matching documents: none for
// zero, as $group gives.
func (s *countSpec) result(n int64) types.DocumentsIterator {
	var docs []*types.Document

	if n > 0 {
		var v any

		switch s.sum.(type) {
		case float64:
			v = float64(n)
		case int64:
			v = n
		default: // int32, as $sum gives while it fits
			v = n
			if n <= 1<<31-1 {
				v = int32(n)
			}
		}

		docs = append(docs, must.NotFail(types.NewDocument("_id", s.id, s.field, v)))
	}

	return iterator.Values(iterator.ForSlice(docs))
}
