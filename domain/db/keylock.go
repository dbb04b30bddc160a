package db

import (
	"hash/fnv"
	"sync"
)

// KeyLock serialises, within this process, the updates of one key. The
// embedded FerretDB applies an update by reading the document and writing
// it back whole, without a transaction, so two concurrent updates of one
// document can lose one of them. Derived data kept by $inc or $addToSet
// (counts, sets) takes the key's lock around its update. The embedded
// database belongs to one process, so that is enough; on MongoDB such
// updates are atomic anyway. Invariants still rest on unique indexes only.
type KeyLock struct {
	stripes [64]sync.Mutex
}

// Lock locks key and returns the function that unlocks it. Keys that share
// a stripe wait for each other, which is harmless.
func (l *KeyLock) Lock(key string) (unlock func()) {
	h := fnv.New32a()
	h.Write([]byte(key))
	m := &l.stripes[h.Sum32()%uint32(len(l.stripes))]
	m.Lock()
	return m.Unlock
}
