package db

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// folderLock is the exclusive lock on <data-dir>/db/LOCK. One process at a
// time owns an embedded store: its write lock, which makes writes atomic,
// lives in that process (domain/db/ferretdb/PATCHES.md). The file says who
// holds it, for the error a second process gets.
type folderLock struct{ f *os.File }

// lockFolder takes dir's LOCK. A folder another process (or another Open in
// this one) holds is an error naming the holder.
func lockFolder(dir string) (*folderLock, error) {
	path := filepath.Join(dir, "LOCK")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := io.ReadAll(io.LimitReader(f, 512))
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("data folder %s is in use by another yishi (%s); stop it first, or give this one another --data-dir",
				filepath.Dir(dir), strings.TrimSpace(string(holder)))
		}
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	return &folderLock{f: f}, nil
}

// note records who holds the lock.
func (l *folderLock) note(holder string) {
	_ = l.f.Truncate(0)
	_, _ = l.f.WriteAt([]byte(holder+"\n"), 0)
}

func (l *folderLock) release() {
	_ = l.f.Truncate(0)
	_ = l.f.Close() // closing the file releases the flock
}

// NoteServing records in the data folder's LOCK file the address the
// process serves on, so that a second one started on the folder can say
// where the first is. It does nothing for a database opened by URI.
func (d *DB) NoteServing(addr string) {
	if d.lock != nil {
		d.lock.note(fmt.Sprintf("pid %d, serving at %s, embedded database at %s", os.Getpid(), addr, d.URI))
	}
}

// IsEmbeddedStore reports whether the server is an embedded Yishi store
// (FerretDB) rather than MongoDB, from its buildInfo. Several instances may
// share MongoDB only: the embedded store's write lock lives in the process
// that runs it.
func (d *DB) IsEmbeddedStore(ctx context.Context) (bool, error) {
	var info bson.M
	if err := d.Client.Database("admin").RunCommand(ctx, bson.D{{Key: "buildInfo", Value: 1}}).Decode(&info); err != nil {
		return false, fmt.Errorf("buildInfo: %w", err)
	}
	_, ferret := info["ferretdbVersion"]
	return ferret, nil
}
