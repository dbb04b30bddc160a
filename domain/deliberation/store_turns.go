package deliberation

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain/db"
)

// turnsColl holds the turns taken to change something counted across
// documents: _id is what is changed (e.g. seats/topic/kind/grid,
// motion/id), and the first insert takes the turn.
const turnsColl = "change_turns"

// turnDoc is a turn; at dates it, so a turn left by a stop lapses.
type turnDoc struct {
	ID string    `bson:"_id"`
	At time.Time `bson:"at"`
}

// insertTurn takes the turn to change key; won is false when another holds
// it.
func (s *Service) insertTurn(ctx context.Context, d turnDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(turnsColl), d)
}

// deleteTurn ends the turn on key taken at at.
func (s *Service) deleteTurn(ctx context.Context, key string, at time.Time) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(turnsColl), bson.M{"_id": key, "at": at})
	return err
}

// deleteLapsedTurn removes the turn on key if it was taken before before.
func (s *Service) deleteLapsedTurn(ctx context.Context, key string, before time.Time) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(turnsColl), bson.M{"_id": key, "at": bson.M{"$lt": before}})
	return err
}
