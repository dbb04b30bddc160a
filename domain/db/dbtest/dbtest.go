// Package dbtest gives tests a real database: one embedded FerretDB per test
// binary, a fresh database per test, dropped when the test ends.
//
// A package that uses it runs its tests through Main so the server stops and
// its files are removed at the end:
//
//	func TestMain(m *testing.M) { dbtest.Main(m) }
package dbtest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/event"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

var server struct {
	once sync.Once
	uri  string
	dir  string
	stop func()
	err  error
}

// Main runs the package's tests, then stops the embedded server.
func Main(m *testing.M) {
	code := m.Run()
	if server.stop != nil {
		server.stop()
	}
	if server.dir != "" {
		os.RemoveAll(server.dir)
	}
	os.Exit(code)
}

// URI starts the test binary's embedded server on first use and returns its
// mongodb:// URI.
func URI(tb testing.TB) string {
	tb.Helper()
	server.once.Do(func() {
		server.dir, server.err = os.MkdirTemp("", "yishi-dbtest-")
		if server.err != nil {
			return
		}
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		server.uri, server.stop, server.err = db.StartEmbedded(server.dir, "", quiet)
	})
	if server.err != nil {
		tb.Fatalf("start embedded database: %v", server.err)
	}
	return server.uri
}

// Counter counts the commands sent to one test database.
type Counter struct {
	db string
	n  atomic.Int64
}

// Count returns the number of commands seen so far.
func (c *Counter) Count() int64 { return c.n.Load() }

// Reset sets the count to zero.
func (c *Counter) Reset() { c.n.Store(0) }

// New returns a fresh, empty database on the embedded server.
func New(tb testing.TB) *db.DB {
	tb.Helper()
	d, _ := NewCounted(tb)
	return d
}

// NewCounted returns a fresh, empty database and a counter of the commands
// sent to it.
func NewCounted(tb testing.TB) (*db.DB, *Counter) {
	tb.Helper()
	uri := URI(tb)
	c := &Counter{db: "t_" + string(domain.NewID())}
	monitor := &event.CommandMonitor{Started: func(_ context.Context, e *event.CommandStartedEvent) {
		if e.DatabaseName == c.db {
			c.n.Add(1)
		}
	}}
	d, err := db.Open(context.Background(), db.Config{URI: uri, Name: c.db, Monitor: monitor})
	if err != nil {
		tb.Fatalf("open test database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := d.Drop(ctx); err != nil {
			tb.Errorf("drop test database: %v", err)
		}
		_ = d.Close(ctx)
	})
	return d, c
}

// Collection is a shortcut for tests that look at stored documents directly.
func Collection(d *db.DB, name string) *mongo.Collection {
	return d.Database.Collection(name)
}
