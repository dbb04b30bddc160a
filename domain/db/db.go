// Package db is Yishi's MongoDB plumbing: it opens the database (an embedded
// FerretDB on SQLite, or any MongoDB by URI), registers the areas' indexes and
// translates driver errors into domain errors, once, where they arise.
package db

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/v2/event"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"
)

// Config says which database to open.
type Config struct {
	// URI of a MongoDB deployment; empty starts the embedded server.
	URI string
	// Name of the database (default "yishi").
	Name string
	// DataDir holds the embedded server's SQLite files, in DataDir/db.
	DataDir string
	// EmbeddedAddr is the embedded server's listen address (default
	// 127.0.0.1:0, a free port).
	EmbeddedAddr string
	// PingTimeout bounds the start-up ping (default 5 s).
	PingTimeout time.Duration
	// Logger receives the embedded server's warnings and errors.
	Logger *slog.Logger
	// Monitor, when set, sees every command the client sends.
	Monitor *event.CommandMonitor
}

// DB is an open database: the client, the database handle and, when
// embedded, the server behind them.
type DB struct {
	*mongo.Database
	Client *mongo.Client
	// URI is the address the client connected to, with any password masked.
	URI string

	stopServer func()
	lock       *folderLock // held while the embedded server runs
}

// Open connects to cfg.URI, or starts the embedded server and connects to it
// over the wire, then pings it. An unreachable database is an error naming
// the masked URI.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if cfg.Name == "" {
		cfg.Name = "yishi"
	}
	if cfg.PingTimeout == 0 {
		cfg.PingTimeout = 5 * time.Second
	}
	d := &DB{stopServer: func() {}}
	uri := cfg.URI
	if uri == "" {
		dir := filepath.Join(cfg.DataDir, "db")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("embedded database dir: %w", err)
		}
		lock, err := lockFolder(dir)
		if err != nil {
			return nil, err
		}
		var stop func()
		if uri, stop, err = StartEmbedded(dir, cfg.EmbeddedAddr, cfg.Logger); err != nil {
			lock.release()
			return nil, err
		}
		d.lock = lock
		d.stopServer = func() { stop(); lock.release() }
	}
	d.URI = MaskURI(uri)
	if d.lock != nil {
		d.lock.note(fmt.Sprintf("pid %d, embedded database at %s", os.Getpid(), d.URI))
	}

	// The start-up ping has its own deadline (PingTimeout); operations wait
	// longer for a server or a pooled connection, as a busy embedded
	// server under many concurrent requests may need.
	opts := options.Client().ApplyURI(uri).
		SetConnectTimeout(cfg.PingTimeout).
		SetTimeout(30 * time.Second)
	if cfg.Monitor != nil {
		opts.SetMonitor(cfg.Monitor)
	}
	client, err := mongo.Connect(opts)
	if err != nil {
		d.stopServer()
		return nil, fmt.Errorf("connect to %s: %w", d.URI, err)
	}
	d.Client = client
	d.Database = client.Database(cfg.Name)

	pingCtx, cancel := context.WithTimeout(ctx, cfg.PingTimeout)
	defer cancel()
	if err := client.Ping(pingCtx, readpref.Primary()); err != nil {
		_ = d.Close(context.Background())
		return nil, fmt.Errorf("database %s unreachable: %w", d.URI, err)
	}
	return d, nil
}

// Ping checks that the database answers.
func (d *DB) Ping(ctx context.Context) error {
	return d.Client.Ping(ctx, readpref.Primary())
}

// Close disconnects the client and stops the embedded server, if any.
func (d *DB) Close(ctx context.Context) error {
	err := d.Client.Disconnect(ctx)
	d.stopServer()
	return err
}

// StartEmbedded starts FerretDB with the SQLite handler, storing its data in
// dir, listening on addr (default 127.0.0.1:0). It returns the server's
// mongodb:// URI and a function that stops it and waits until it has.
func StartEmbedded(dir, addr string, log *slog.Logger) (uri string, stop func(), err error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	if log == nil {
		log = slog.Default()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, fmt.Errorf("embedded database dir: %w", err)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return "", nil, fmt.Errorf("embedded database dir: %w", err)
	}
	// Fail early and clearly on a taken port: FerretDB would only log it.
	if l, err := net.Listen("tcp", addr); err != nil {
		return "", nil, fmt.Errorf("embedded database address %s: %w", addr, err)
	} else {
		l.Close()
	}
	quiet := slog.New(levelFilter{min: slog.LevelError, Handler: log.Handler()}).With("component", "ferretdb")
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Handler:   "sqlite",
		SQLiteURL: (&url.URL{Scheme: "file", Path: abs + "/", OmitHost: true}).String(),
		Logger:    quiet,
	})
	if err != nil {
		return "", nil, fmt.Errorf("start embedded database: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()
	stop = func() {
		cancel()
		<-done
	}
	return f.MongoDBURI(), stop, nil
}

// MaskURI returns uri with any password replaced by "xxxxx", for logs and
// error messages.
func MaskURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "(unparsable URI)"
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	return u.String()
}

// levelFilter drops records below min; FerretDB logs every connection at
// info level, which would drown our own logs.
type levelFilter struct {
	min slog.Level
	slog.Handler
}

func (h levelFilter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

func (h levelFilter) WithAttrs(attrs []slog.Attr) slog.Handler {
	return levelFilter{h.min, h.Handler.WithAttrs(attrs)}
}

func (h levelFilter) WithGroup(name string) slog.Handler {
	return levelFilter{h.min, h.Handler.WithGroup(name)}
}
