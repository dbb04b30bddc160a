package deliberation

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

const poolsColl = "draw_pools" // _id is topic/kind/grid: one pool per drawable rule

type poolDoc struct {
	ID      string      `bson:"_id"`
	TopicID domain.ID   `bson:"topic_id"`
	Kind    string      `bson:"kind"`
	GridID  domain.ID   `bson:"grid_id"`
	Members []domain.ID `bson:"members"` // sorted user IDs
	Hash    string      `bson:"hash"`    // PoolHash(Members)
	At      time.Time   `bson:"at"`
}

func poolID(t domain.ID, kind SeatKind, grid domain.ID) string {
	return string(t) + "/" + string(kind) + "/" + string(grid)
}

// findPool reads a fixed pool. Errors: NotFound.
func (s *Service) findPool(ctx context.Context, id string) (poolDoc, error) {
	return db.FindByIDOr[poolDoc](ctx, s.db.Collection(poolsColl), id, domain.ErrNotFound("抽签候选名单", "draw pool"))
}

// insertPool fixes a pool; won is false when one was fixed before (the
// first insert wins).
func (s *Service) insertPool(ctx context.Context, d poolDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(poolsColl), d)
}
