package db_test

import (
	"context"
	"sync"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// TestUniqueInsertRace pins the rule every invariant rests on: of 50
// concurrent inserts of one unique key, exactly one is stored and the other
// 49 come back as Conflict.
func TestUniqueInsertRace(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	err := db.EnsureIndexes(ctx, d.Database, []db.Index{{Collection: "claims", Keys: bson.D{{Key: "task", Value: 1}, {Key: "slot", Value: 1}}, Unique: true}})
	if err != nil {
		t.Fatal(err)
	}
	const n = 50
	codes := make(chan domain.Code, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := d.Collection("claims").InsertOne(ctx, bson.M{"_id": i, "task": "t1", "slot": 0})
			codes <- domain.ErrorCode(db.Err("insert claim", err))
		}()
	}
	wg.Wait()
	close(codes)
	got := map[domain.Code]int{}
	for c := range codes {
		got[c]++
	}
	if got[""] != 1 || got[domain.Conflict] != n-1 {
		t.Errorf("outcomes = %v, want 1 success and %d conflicts", got, n-1)
	}
	stored, err := d.Collection("claims").CountDocuments(ctx, bson.M{})
	if err != nil {
		t.Fatal(err)
	}
	if stored != 1 {
		t.Errorf("stored %d documents, want 1", stored)
	}
}

func TestErr(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	err := d.Collection("none").FindOne(ctx, bson.M{"_id": "x"}).Err()
	if got := domain.ErrorCode(db.Err("find", err)); got != domain.NotFound {
		t.Errorf("no documents: code = %q, want %q", got, domain.NotFound)
	}
	if got := db.Err("find", nil); got != nil {
		t.Errorf("nil: got %v", got)
	}
}

func TestMaskURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"mongodb://u:secret@h:27017/db", "mongodb://u:xxxxx@h:27017/db"},
		{"mongodb://h:27017/", "mongodb://h:27017/"},
		{"mongodb+srv://u:p%40ss@cluster.example/", "mongodb+srv://u:xxxxx@cluster.example/"},
	}
	for _, tt := range tests {
		if got := db.MaskURI(tt.in); got != tt.want {
			t.Errorf("MaskURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
