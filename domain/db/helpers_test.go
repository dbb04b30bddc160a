package db_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
)

type thing struct {
	ID    string `bson:"_id"`
	State string `bson:"state"`
	N     int    `bson:"n"`
}

// TestHelpers pins what the store functions built on the helpers rely on:
// of 30 concurrent InsertOnce calls of one _id exactly one wins, and of 30
// concurrent conditional updates from one state exactly one matches.
func TestHelpers(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	c := d.Collection("things")

	const n = 30
	var won, moved atomic.Int32
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := db.InsertOnce(ctx, c, thing{ID: "a", State: "open"})
			if err != nil {
				t.Error(err)
			}
			if ok {
				won.Add(1)
			}
		}()
	}
	wg.Wait()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := db.Update(ctx, c, bson.M{"_id": "a", "state": "open"}, bson.M{"$set": bson.M{"state": "closed", "n": i}})
			if err != nil {
				t.Error(err)
			}
			if ok {
				moved.Add(1)
			}
		}()
	}
	wg.Wait()
	if won.Load() != 1 || moved.Load() != 1 {
		t.Errorf("inserts won %d, updates matched %d; want 1 and 1", won.Load(), moved.Load())
	}

	got, err := db.FindByID[thing](ctx, c, "a")
	if err != nil || got.State != "closed" {
		t.Errorf("FindByID = %+v, %v; want state closed", got, err)
	}
	if _, err := db.FindByID[thing](ctx, c, "b"); domain.ErrorCode(err) != domain.NotFound {
		t.Errorf("FindByID(missing): code %q, want NotFound", domain.ErrorCode(err))
	}
	if _, err := db.FindByIDOr[thing](ctx, c, "b", domain.ErrForbidden); err != domain.ErrForbidden {
		t.Errorf("FindByIDOr(missing) = %v, want the given error", err)
	}
	if err := db.UpdateByID(ctx, c, "b", bson.M{"$set": bson.M{"n": 1}}); domain.ErrorCode(err) != domain.NotFound {
		t.Errorf("UpdateByID(missing): code %q, want NotFound", domain.ErrorCode(err))
	}
	if err := db.Insert(ctx, c, thing{ID: "a"}); domain.ErrorCode(err) != domain.Conflict {
		t.Errorf("Insert(taken): code %q, want Conflict", domain.ErrorCode(err))
	}
	if err := db.InsertMany(ctx, c, []thing{{ID: "b"}, {ID: "c"}}); err != nil {
		t.Fatal(err)
	}
	if err := db.Upsert(ctx, c, "d", thing{ID: "d", N: 4}); err != nil {
		t.Fatal(err)
	}
	if k, err := db.Count(ctx, c, bson.M{}); err != nil || k != 4 {
		t.Errorf("Count = %d, %v; want 4", k, err)
	}
	if k, err := db.Delete(ctx, c, bson.M{"_id": bson.M{"$in": []string{"b", "c", "x"}}}); err != nil || k != 2 {
		t.Errorf("Delete = %d, %v; want 2", k, err)
	}
}
