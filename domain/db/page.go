package db

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
)

// FindPage reads one page of the documents matching filter in ascending _id
// order, after page.After, and counts all matches: two commands whatever the
// page size. Documents must have string _id values.
func FindPage[T any](ctx context.Context, c *mongo.Collection, filter bson.M, page domain.Page) (docs []T, hasNext bool, total int, err error) {
	if err := page.Validate(); err != nil {
		return nil, false, 0, err
	}
	n, err := c.CountDocuments(ctx, filter)
	if err != nil {
		return nil, false, 0, Err(fmt.Sprintf("count %s", c.Name()), err)
	}
	q := bson.M{}
	for k, v := range filter {
		q[k] = v
	}
	if page.After != "" {
		q["_id"] = bson.M{"$gt": string(page.After)}
	}
	opts := options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}).SetLimit(int64(page.First) + 1)
	cur, err := c.Find(ctx, q, opts)
	if err != nil {
		return nil, false, 0, Err(fmt.Sprintf("find %s", c.Name()), err)
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, false, 0, Err(fmt.Sprintf("read %s", c.Name()), err)
	}
	if len(docs) > page.First {
		docs, hasNext = docs[:page.First], true
	}
	return docs, hasNext, int(n), nil
}

// FindAll reads every document matching filter into a slice.
func FindAll[T any](ctx context.Context, c *mongo.Collection, filter any, opts ...options.Lister[options.FindOptions]) ([]T, error) {
	cur, err := c.Find(ctx, filter, opts...)
	if err != nil {
		return nil, Err(fmt.Sprintf("find %s", c.Name()), err)
	}
	var docs []T
	if err := cur.All(ctx, &docs); err != nil {
		return nil, Err(fmt.Sprintf("read %s", c.Name()), err)
	}
	return docs, nil
}
