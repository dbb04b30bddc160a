package graph

import (
	"context"
	"sync"
	"time"

	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
)

// loaders batch the lookups of one request: each level of a query costs one
// query per kind of record, whatever the page size. The kinds are declared
// by the parts that use them (loaderOf); a request makes its loader of a
// kind on first use.
type loaders struct {
	svc  Services
	mu   sync.Mutex
	made map[any]interface{ clearAll() }
}

func newLoaders(s Services) *loaders {
	return &loaders{svc: s, made: map[any]interface{ clearAll() }{}}
}

// clear forgets every cached value and failure, after a mutation.
func (l *loaders) clear() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, b := range l.made {
		b.clearAll()
	}
}

// A loaderKind is one kind of batched lookup, over the services.
type loaderKind[V any] struct {
	fetch func(Services) dataloader.BatchFunc[domain.ID, V]
}

// loaderOf declares a kind of batched lookup.
func loaderOf[V any](fetch func(Services) dataloader.BatchFunc[domain.ID, V]) *loaderKind[V] {
	return &loaderKind[V]{fetch: fetch}
}

// in returns the request's loader of the kind.
func (k *loaderKind[V]) in(ctx context.Context) *batched[V] {
	l := stateFrom(ctx).loaders
	l.mu.Lock()
	defer l.mu.Unlock()
	if b, ok := l.made[k]; ok {
		return b.(*batched[V])
	}
	b := newBatched(k.fetch(l.svc))
	l.made[k] = b
	return b
}

// batchWait bounds how long the loader collects keys of a Load outside the
// level-driven path (a key not primed, as after an error).
const batchWait = 2 * time.Millisecond

// batched is a dataloader driven by the level: keys asked for are noted,
// and when graphql-go calls the first of a level's thunks (it calls a
// level's resolvers first and its thunks after), all noted keys are fetched
// in one batch and primed into the loader's cache. A level is thus one
// query however long its resolvers take, with no timer to wait out or to
// split a slow level.
type batched[V any] struct {
	*dataloader.Loader[domain.ID, V]
	fetch   dataloader.BatchFunc[domain.ID, V]
	mu      sync.Mutex
	pending []domain.ID
	failed  map[domain.ID]error
}

func newBatched[V any](fetch dataloader.BatchFunc[domain.ID, V]) *batched[V] {
	return &batched[V]{Loader: dataloader.NewBatchedLoader(fetch, dataloader.WithWait[domain.ID, V](batchWait)), fetch: fetch, failed: map[domain.ID]error{}}
}

// later notes the key and returns the thunk graphql-go resolves later.
func (b *batched[V]) later(ctx context.Context, id domain.ID) func() (V, error) {
	b.mu.Lock()
	b.pending = append(b.pending, id)
	b.mu.Unlock()
	return func() (V, error) {
		b.flush(ctx)
		b.mu.Lock()
		err := b.failed[id]
		b.mu.Unlock()
		if err != nil {
			var zero V
			return zero, err
		}
		return b.Load(ctx, id)()
	}
}

// flush fetches the noted keys in one batch and primes the cache.
func (b *batched[V]) flush(ctx context.Context) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.pending) == 0 {
		return
	}
	keys := b.pending
	b.pending = nil
	for i, r := range b.fetch(ctx, keys) {
		if r.Error != nil {
			b.failed[keys[i]] = r.Error
		} else {
			b.Prime(ctx, keys[i], r.Data)
		}
	}
}

// clearAll forgets cached values and failures, after a mutation.
func (b *batched[V]) clearAll() {
	b.mu.Lock()
	b.failed = map[domain.ID]error{}
	b.mu.Unlock()
	b.ClearAll()
}

// byIDs makes a batch function over a fetch-by-IDs function; a missing key
// is NotFound for typ.
func byIDs[V any](typ string, fetch func(context.Context, []domain.ID) (map[domain.ID]V, error)) dataloader.BatchFunc[domain.ID, V] {
	return func(ctx context.Context, keys []domain.ID) []*dataloader.Result[V] {
		out := make([]*dataloader.Result[V], len(keys))
		found, err := fetch(ctx, keys)
		for i, k := range keys {
			v, ok := found[k]
			switch {
			case err != nil:
				out[i] = &dataloader.Result[V]{Error: err}
			case !ok:
				out[i] = &dataloader.Result[V]{Error: notFound(typ)}
			default:
				out[i] = &dataloader.Result[V]{Data: v}
			}
		}
		return out
	}
}

// orZero makes a batch function over a fetch whose missing keys mean the
// zero value (no supports, not supported).
func orZero[V any](fetch func(context.Context, []domain.ID) (map[domain.ID]V, error)) dataloader.BatchFunc[domain.ID, V] {
	return func(ctx context.Context, keys []domain.ID) []*dataloader.Result[V] {
		out := make([]*dataloader.Result[V], len(keys))
		found, err := fetch(ctx, keys)
		for i, k := range keys {
			out[i] = &dataloader.Result[V]{Data: found[k], Error: err}
		}
		return out
	}
}

// thunk starts loading id and returns the func graphql-go resolves later,
// once the whole level has asked for its keys. An empty id resolves to null.
func thunk[V any](ctx context.Context, l *batched[V], id domain.ID) func() (any, error) {
	if id == "" {
		return func() (any, error) { return nil, nil }
	}
	t := l.later(ctx, id)
	return func() (any, error) { return t() }
}

// thunkMany loads several ids as a list.
func thunkMany[V any](ctx context.Context, l *batched[V], ids []domain.ID) func() (any, error) {
	ts := make([]func() (V, error), len(ids))
	for i, id := range ids {
		ts[i] = l.later(ctx, id)
	}
	return func() (any, error) {
		out := make([]V, len(ts))
		for i, t := range ts {
			v, err := t()
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
}

// loadField resolves a field of S to the record whose ID key gives,
// through the request's loader of the kind.
func loadField[S, V any](kind *loaderKind[V], key func(S) domain.ID) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		s, err := source[S](p)
		if err != nil {
			return nil, err
		}
		return thunk(p.Context, kind.in(p.Context), key(s)), nil
	}
}
