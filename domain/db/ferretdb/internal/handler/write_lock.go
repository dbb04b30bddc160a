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

import "sync"

// writeLocks serialise the read-change-write of update, findAndModify and
// delete per collection (Yishi patch, PATCHES.md "Atomic single-document
// writes"). Upstream read the matching documents, changed them in Go and
// wrote them back by _id with nothing in between, so two concurrent writes to
// one document could lose one of them, and a conditional update could match a
// document that another write had just changed. The lock lives in this
// process: one process owns a data folder.
type writeLocks struct {
	m sync.Map // "db.collection" -> *sync.Mutex
}

// lock locks the collection's writes and returns the function that unlocks them.
func (w *writeLocks) lock(db, collection string) (unlock func()) {
	v, _ := w.m.LoadOrStore(db+"."+collection, new(sync.Mutex))
	mu := v.(*sync.Mutex)
	mu.Lock()

	var once sync.Once

	return func() { once.Do(mu.Unlock) }
}
