package db

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The generic pieces an area's store*.go builds its named functions from.
// Each translates driver errors once (Err), naming the collection.

// FindByID reads the document whose _id is id. Errors: NotFound.
func FindByID[T any](ctx context.Context, c *mongo.Collection, id string) (T, error) {
	return FindOne[T](ctx, c, bson.M{"_id": id})
}

// FindOne reads the first document matching filter (in opts' sort order).
// Errors: NotFound.
func FindOne[T any](ctx context.Context, c *mongo.Collection, filter any, opts ...options.Lister[options.FindOneOptions]) (T, error) {
	var d T
	err := c.FindOne(ctx, filter, opts...).Decode(&d)
	return d, Err(fmt.Sprintf("find %s", c.Name()), err)
}

// Insert stores doc. Errors: Conflict (its _id or a unique key is taken).
func Insert(ctx context.Context, c *mongo.Collection, doc any) error {
	_, err := c.InsertOne(ctx, doc)
	return Err(fmt.Sprintf("insert %s", c.Name()), err)
}

// InsertOnce stores doc and reports whether this insert won: false, with no
// error, when its _id or a unique key is already taken. Invariants across
// documents rest on it: of concurrent inserts of one key, exactly one wins.
func InsertOnce(ctx context.Context, c *mongo.Collection, doc any) (won bool, err error) {
	_, err = c.InsertOne(ctx, doc)
	if IsDuplicate(err) {
		return false, nil
	}
	return err == nil, Err(fmt.Sprintf("insert %s", c.Name()), err)
}

// InsertMany stores docs in order; nothing to store is no call. Errors:
// Conflict (a key is taken; the documents before it are stored).
func InsertMany[T any](ctx context.Context, c *mongo.Collection, docs []T) error {
	if len(docs) == 0 {
		return nil
	}
	all := make([]any, len(docs))
	for i := range docs {
		all[i] = docs[i]
	}
	_, err := c.InsertMany(ctx, all)
	return Err(fmt.Sprintf("insert into %s", c.Name()), err)
}

// Update applies update to the first document matching filter and reports
// whether one matched. A filter that names the expected state makes a
// conditional update: on both stores the match and the change are one
// atomic step. Errors: Conflict (the change breaks a unique index).
func Update(ctx context.Context, c *mongo.Collection, filter, update any) (matched bool, err error) {
	res, err := c.UpdateOne(ctx, filter, update)
	if err != nil {
		return false, Err(fmt.Sprintf("update %s", c.Name()), err)
	}
	return res.MatchedCount > 0, nil
}

// UpdateByID applies update to the document whose _id is id. Errors:
// NotFound (no such document), Conflict (a unique index).
func UpdateByID(ctx context.Context, c *mongo.Collection, id string, update any) error {
	ok, err := Update(ctx, c, bson.M{"_id": id}, update)
	if err == nil && !ok {
		err = Err(fmt.Sprintf("update %s", c.Name()), mongo.ErrNoDocuments)
	}
	return err
}

// Upsert replaces the document whose _id is id with doc, or inserts it.
func Upsert(ctx context.Context, c *mongo.Collection, id string, doc any) error {
	_, err := c.ReplaceOne(ctx, bson.M{"_id": id}, doc, options.Replace().SetUpsert(true))
	return Err(fmt.Sprintf("upsert %s", c.Name()), err)
}

// Delete removes every document matching filter and reports how many went.
func Delete(ctx context.Context, c *mongo.Collection, filter any) (int, error) {
	res, err := c.DeleteMany(ctx, filter)
	if err != nil {
		return 0, Err(fmt.Sprintf("delete from %s", c.Name()), err)
	}
	return int(res.DeletedCount), nil
}

// DeleteOne removes the first document matching filter and reports whether
// one went.
func DeleteOne(ctx context.Context, c *mongo.Collection, filter any) (bool, error) {
	res, err := c.DeleteOne(ctx, filter)
	if err != nil {
		return false, Err(fmt.Sprintf("delete from %s", c.Name()), err)
	}
	return res.DeletedCount > 0, nil
}

// Count counts the documents matching filter.
func Count(ctx context.Context, c *mongo.Collection, filter any) (int, error) {
	n, err := c.CountDocuments(ctx, filter)
	return int(n), Err(fmt.Sprintf("count %s", c.Name()), err)
}

// Increment adds one to the counter n of the document whose _id is id,
// creating it (with the fields of onInsert) when missing, and returns the
// new count. Of concurrent increments, each gets a different count: the
// change and the read are one atomic step on both stores.
func Increment(ctx context.Context, c *mongo.Collection, id string, onInsert bson.M) (int, error) {
	var d struct {
		N int `bson:"n"`
	}
	update := bson.M{"$inc": bson.M{"n": 1}}
	if len(onInsert) > 0 {
		update["$setOnInsert"] = onInsert
	}
	err := c.FindOneAndUpdate(ctx, bson.M{"_id": id}, update,
		options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After)).Decode(&d)
	return d.N, Err(fmt.Sprintf("count in %s", c.Name()), err)
}

// FindByIDOr reads the document whose _id is id, answering notFound (an
// area's own NotFound, which names the thing) when there is none.
func FindByIDOr[T any](ctx context.Context, c *mongo.Collection, id string, notFound error) (T, error) {
	d, err := FindByID[T](ctx, c, id)
	if IsNotFound(err) {
		return d, notFound
	}
	return d, err
}
