package graph

import (
	"context"
	"time"

	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
)

// loaders batch the lookups of one request: each level of a query costs one
// query per kind of record, whatever the page size.
type loaders struct {
	users       *dataloader.Loader[domain.ID, account.User]
	streets     *dataloader.Loader[domain.ID, community.Street]
	communities *dataloader.Loader[domain.ID, community.Community]
	grids       *dataloader.Loader[domain.ID, community.Grid]
	microGrids  *dataloader.Loader[domain.ID, community.MicroGrid]
	// Per topic: supports, visible comments, and whether the viewer supports it.
	supportCounts, commentCounts *dataloader.Loader[domain.ID, int]
	supported                    *dataloader.Loader[domain.ID, bool]
}

// batchWait is how long a loader collects keys before it queries. The
// executor issues a level's loads back to back, well within it.
const batchWait = 5 * time.Millisecond

func newLoaders(s Services) *loaders {
	l := &loaders{
		users:       newLoader("User", s.Accounts.UsersByID),
		streets:     newLoader("Street", s.Communities.StreetsByID),
		communities: newLoader("Community", s.Communities.CommunitiesByID),
		grids:       newLoader("Grid", s.Communities.GridsByID),
		microGrids:  newLoader("MicroGrid", s.Communities.MicroGridsByID),
	}
	if s.Topics != nil {
		l.supportCounts = newZeroLoader(s.Topics.SupportCounts)
		l.commentCounts = newZeroLoader(s.Topics.CommentCounts)
		l.supported = newZeroLoader(s.Topics.Supported)
	}
	return l
}

func (l *loaders) clear() {
	if l == nil {
		return
	}
	l.users.ClearAll()
	l.streets.ClearAll()
	l.communities.ClearAll()
	l.grids.ClearAll()
	l.microGrids.ClearAll()
	if l.supportCounts != nil {
		l.supportCounts.ClearAll()
		l.commentCounts.ClearAll()
		l.supported.ClearAll()
	}
}

// newLoader makes a loader over a fetch-by-IDs function; a missing key is
// NotFound for typ.
func newLoader[V any](typ string, fetch func(context.Context, []domain.ID) (map[domain.ID]V, error)) *dataloader.Loader[domain.ID, V] {
	batch := func(ctx context.Context, keys []domain.ID) []*dataloader.Result[V] {
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
	return dataloader.NewBatchedLoader(batch, dataloader.WithWait[domain.ID, V](batchWait))
}

// newZeroLoader makes a loader over a fetch whose missing keys mean the zero
// value (no supports, not supported).
func newZeroLoader[V any](fetch func(context.Context, []domain.ID) (map[domain.ID]V, error)) *dataloader.Loader[domain.ID, V] {
	batch := func(ctx context.Context, keys []domain.ID) []*dataloader.Result[V] {
		out := make([]*dataloader.Result[V], len(keys))
		found, err := fetch(ctx, keys)
		for i, k := range keys {
			out[i] = &dataloader.Result[V]{Data: found[k], Error: err}
		}
		return out
	}
	return dataloader.NewBatchedLoader(batch, dataloader.WithWait[domain.ID, V](batchWait))
}

// thunk starts loading id and returns the func graphql-go resolves later,
// once the whole level has asked for its keys. An empty id resolves to null.
func thunk[V any](ctx context.Context, l *dataloader.Loader[domain.ID, V], id domain.ID) func() (any, error) {
	if id == "" {
		return func() (any, error) { return nil, nil }
	}
	t := l.Load(ctx, id)
	return func() (any, error) { return t() }
}

// thunkMany loads several ids as a list.
func thunkMany[V any](ctx context.Context, l *dataloader.Loader[domain.ID, V], ids []domain.ID) func() (any, error) {
	t := l.LoadMany(ctx, ids)
	return func() (any, error) {
		vs, errs := t()
		for _, err := range errs {
			if err != nil {
				return nil, err
			}
		}
		return vs, nil
	}
}

// loadField resolves a field of S to the record whose ID key gives, through
// the request's loader that pick chooses.
func loadField[S, V any](pick func(*loaders) *dataloader.Loader[domain.ID, V], key func(S) domain.ID) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		s, err := source[S](p)
		if err != nil {
			return nil, err
		}
		return thunk(p.Context, pick(stateFrom(p.Context).loaders), key(s)), nil
	}
}

func usersOf(l *loaders) *dataloader.Loader[domain.ID, account.User]       { return l.users }
func streetsOf(l *loaders) *dataloader.Loader[domain.ID, community.Street] { return l.streets }
func communitiesOf(l *loaders) *dataloader.Loader[domain.ID, community.Community] {
	return l.communities
}
func gridsOf(l *loaders) *dataloader.Loader[domain.ID, community.Grid]           { return l.grids }
func microGridsOf(l *loaders) *dataloader.Loader[domain.ID, community.MicroGrid] { return l.microGrids }

func supportCountsOf(l *loaders) *dataloader.Loader[domain.ID, int] { return l.supportCounts }
func commentCountsOf(l *loaders) *dataloader.Loader[domain.ID, int] { return l.commentCounts }
func supportedOf(l *loaders) *dataloader.Loader[domain.ID, bool]    { return l.supported }
