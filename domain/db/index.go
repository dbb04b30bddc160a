package db

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Index is an index an area needs on one of its collections. Unique indexes
// carry the invariants that concurrency could break: their fields must always
// be present and non-null, since FerretDB does not unique-check missing ones.
type Index struct {
	Collection string
	Keys       bson.D
	Unique     bool
}

// EnsureIndexes creates the indexes that do not exist yet; it is safe to run
// on every start.
func EnsureIndexes(ctx context.Context, d *mongo.Database, indexes ...[]Index) error {
	for _, list := range indexes {
		for _, ix := range list {
			model := mongo.IndexModel{Keys: ix.Keys, Options: options.Index().SetName(indexName(ix))}
			if ix.Unique {
				model.Options.SetUnique(true)
			}
			if _, err := d.Collection(ix.Collection).Indexes().CreateOne(ctx, model); err != nil {
				return fmt.Errorf("create index %s on %s: %w", indexName(ix), ix.Collection, err)
			}
		}
	}
	return nil
}

func indexName(ix Index) string {
	name := ""
	for i, k := range ix.Keys {
		if i > 0 {
			name += "_"
		}
		name += fmt.Sprintf("%s_%v", k.Key, k.Value)
	}
	if ix.Unique {
		name += "_unique"
	}
	return name
}
