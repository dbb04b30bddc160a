package db_test

// The conformance suite: what Yishi relies on from its store, written from
// MongoDB's documented behaviour. It runs on the embedded FerretDB fork in
// `make test`; with MONGODB_URI set it runs against that MongoDB instead
// (`MONGODB_URI=mongodb://... go test -run Conformance ./domain/db`), so
// anyone can check that the two stores agree. The fork's patches
// (domain/db/ferretdb/PATCHES.md) each have a test here that fails without
// them.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
)

// storeDB returns a fresh database on MONGODB_URI when it is set, else on
// the embedded store.
func storeDB(t *testing.T) *db.DB {
	t.Helper()
	uri := os.Getenv("MONGODB_URI")
	if uri == "" {
		return dbtest.New(t)
	}
	ctx := context.Background()
	d, err := db.Open(ctx, db.Config{URI: uri, Name: "conformance_" + string(domain.NewID())})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = d.Drop(ctx)
		_ = d.Close(ctx)
	})
	return d
}

func embedded() bool { return os.Getenv("MONGODB_URI") == "" }

func ensure(t *testing.T, d *db.DB, coll string, unique bool, keys ...string) {
	t.Helper()
	var k bson.D
	for _, f := range keys {
		k = append(k, bson.E{Key: f, Value: 1})
	}
	if err := db.EnsureIndexes(context.Background(), d.Database, []db.Index{{Collection: coll, Keys: k, Unique: unique}}); err != nil {
		t.Fatal(err)
	}
}

func findIDs(t *testing.T, c *mongo.Collection, filter any, opts ...options.Lister[options.FindOptions]) []string {
	t.Helper()
	cur, err := c.Find(context.Background(), filter, opts...)
	if err != nil {
		t.Fatal(err)
	}
	var docs []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(context.Background(), &docs); err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

// conformanceDocs are stored with indexes on c, tags, s and flag; c is
// sometimes missing or null, tags an array, s holds strings that JSON
// escapes, spaces and CJK.
var conformanceDocs = []any{
	bson.M{"_id": "a", "c": "x", "n": 1, "tags": bson.A{"p", "q"}, "s": "北京", "flag": true, "at": time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
	bson.M{"_id": "b", "c": "x", "n": 2, "tags": bson.A{"q"}, "s": "a b!", "flag": false, "emb": bson.M{"k": "v"}},
	bson.M{"_id": "c", "c": "y", "n": int64(3), "tags": "q", "s": `<&>"\`, "at": time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)},
	bson.M{"_id": "d", "c": nil, "n": 4.0, "s": "ab"},
	bson.M{"_id": "e", "n": 5, "s": "😀", "c": bson.M{"k": "x"}},
}

func TestConformanceFilters(t *testing.T) {
	d := storeDB(t)
	ctx := context.Background()
	for _, f := range []string{"c", "tags", "s", "flag"} {
		ensure(t, d, "docs", false, f)
	}
	c := d.Collection("docs")
	if _, err := c.InsertMany(ctx, conformanceDocs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		filter bson.M
		want   []string
	}{
		{"Eq", bson.M{"c": "x"}, []string{"a", "b"}},
		{"EqExplicit", bson.M{"c": bson.M{"$eq": "y"}}, []string{"c"}},
		{"EqNullMatchesMissing", bson.M{"c": nil}, []string{"d"}},
		{"In", bson.M{"c": bson.M{"$in": bson.A{"x", "y"}}}, []string{"a", "b", "c"}},
		{"InEmpty", bson.M{"c": bson.M{"$in": bson.A{}}}, []string{}},
		{"InWithNull", bson.M{"c": bson.M{"$in": bson.A{"y", nil}}}, []string{"c", "d"}},
		{"Nin", bson.M{"c": bson.M{"$nin": bson.A{"x", "y"}}}, []string{"d", "e"}},
		{"Ne", bson.M{"c": bson.M{"$ne": "x"}}, []string{"c", "d", "e"}},
		{"ArrayElement", bson.M{"tags": "q"}, []string{"a", "b", "c"}},
		{"ArrayIn", bson.M{"tags": bson.M{"$in": bson.A{"p"}}}, []string{"a"}},
		{"CJK", bson.M{"s": "北京"}, []string{"a"}},
		{"SpaceAndBang", bson.M{"s": "a b!"}, []string{"b"}},
		{"Escaped", bson.M{"s": `<&>"\`}, []string{"c"}},
		{"Emoji", bson.M{"s": "😀"}, []string{"e"}},
		{"Bool", bson.M{"flag": true}, []string{"a"}},
		{"IDIn", bson.M{"_id": bson.M{"$in": bson.A{"a", "c", "zz"}}}, []string{"a", "c"}},
		{"IDGt", bson.M{"_id": bson.M{"$gt": "c"}}, []string{"d", "e"}},
		{"IDRange", bson.M{"_id": bson.M{"$gte": "b", "$lt": "d"}}, []string{"b", "c"}},
		{"EqAndIDGt", bson.M{"c": "x", "_id": bson.M{"$gt": "a"}}, []string{"b"}},
		{"NumbersAcrossTypes", bson.M{"n": bson.M{"$gte": 3}}, []string{"c", "d", "e"}},
		{"NumberEq", bson.M{"n": 4}, []string{"d"}},
		{"Or", bson.M{"$or": bson.A{bson.M{"c": "y"}, bson.M{"n": 1}}}, []string{"a", "c"}},
		{"Dotted", bson.M{"emb.k": "v"}, []string{"b"}},
		{"EmbeddedDocEq", bson.M{"c": bson.M{"k": "x"}}, []string{"e"}},
		{"Regex", bson.M{"s": bson.M{"$regex": "^a"}}, []string{"b", "d"}},
		{"DateRange", bson.M{"at": bson.M{"$lte": time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}}, []string{"a"}},
		{"Exists", bson.M{"flag": bson.M{"$exists": false}}, []string{"c", "d", "e"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findIDs(t, c, tt.filter, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
			if !slices.Equal(got, tt.want) {
				t.Errorf("find %v = %v, want %v", tt.filter, got, tt.want)
			}
			n, err := c.CountDocuments(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if int(n) != len(tt.want) {
				t.Errorf("count %v = %d, want %d", tt.filter, n, len(tt.want))
			}
		})
	}
}

// TestConformanceSort checks sorts with and without limits, on fields that
// hold plain strings and on fields whose values JSON would order otherwise
// (spaces, '!', escapes, mixed types, arrays).
func TestConformanceSort(t *testing.T) {
	d := storeDB(t)
	ctx := context.Background()
	ensure(t, d, "sorted", false, "k")
	ensure(t, d, "sorted", false, "plain")
	c := d.Collection("sorted")
	values := []string{"ab", "ab!", "a b", "a", "b", "ab\"", "ab<", "北", "Ab", ""}
	var docs []any
	for i, v := range values {
		docs = append(docs, bson.M{"_id": fmt.Sprintf("id%02d", i), "k": v, "plain": fmt.Sprintf("p%02d", (i*7)%10)})
	}
	if _, err := c.InsertMany(ctx, docs); err != nil {
		t.Fatal(err)
	}
	byK := slices.Clone(values)
	sort.Strings(byK)
	for _, dir := range []int{1, -1} {
		for _, limit := range []int64{0, 3} {
			t.Run(fmt.Sprintf("Mixed/%d/%d", dir, limit), func(t *testing.T) {
				var got []string
				cur, err := c.Find(ctx, bson.M{}, options.Find().SetSort(bson.D{{Key: "k", Value: dir}}).SetLimit(limit))
				if err != nil {
					t.Fatal(err)
				}
				var rows []struct{ K string }
				if err := cur.All(ctx, &rows); err != nil {
					t.Fatal(err)
				}
				for _, r := range rows {
					got = append(got, r.K)
				}
				want := slices.Clone(byK)
				if dir == -1 {
					slices.Reverse(want)
				}
				if limit > 0 {
					want = want[:limit]
				}
				if !slices.Equal(got, want) {
					t.Errorf("sort k %d limit %d = %q, want %q", dir, limit, got, want)
				}
			})
			t.Run(fmt.Sprintf("Plain/%d/%d", dir, limit), func(t *testing.T) {
				cur, err := c.Find(ctx, bson.M{"_id": bson.M{"$gt": "id01"}}, options.Find().SetSort(bson.D{{Key: "plain", Value: dir}}).SetLimit(limit))
				if err != nil {
					t.Fatal(err)
				}
				var rows []struct{ Plain string }
				if err := cur.All(ctx, &rows); err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range rows {
					got = append(got, r.Plain)
				}
				var want []string
				for i := 2; i < len(values); i++ {
					want = append(want, fmt.Sprintf("p%02d", (i*7)%10))
				}
				sort.Strings(want)
				if dir == -1 {
					slices.Reverse(want)
				}
				if limit > 0 {
					want = want[:limit]
				}
				if !slices.Equal(got, want) {
					t.Errorf("sort plain %d limit %d = %q, want %q", dir, limit, got, want)
				}
			})
		}
	}

	// A plain field that later gets an array, a number and a missing value:
	// MongoDB orders by type (missing/null, numbers, strings, arrays by
	// their least element).
	if _, err := c.InsertMany(ctx, []any{
		bson.M{"_id": "x1", "plain": bson.A{"p00x", "zz"}},
		bson.M{"_id": "x2", "plain": 7},
		bson.M{"_id": "x3"},
	}); err != nil {
		t.Fatal(err)
	}
	got := findIDs(t, c, bson.M{"_id": bson.M{"$in": bson.A{"x1", "x2", "x3", "id00", "id01"}}}, options.Find().SetSort(bson.D{{Key: "plain", Value: 1}}).SetLimit(5))
	// id00: p00, id01: p07; the array sorts by its least element "p00x".
	if want := []string{"x3", "x2", "id00", "x1", "id01"}; !slices.Equal(got, want) {
		t.Errorf("after mixing, sort = %v, want %v", got, want)
	}
	if got := findIDs(t, c, bson.M{"plain": "zz"}); !slices.Equal(got, []string{"x1"}) {
		t.Errorf("element match after mixing = %v, want [x1]", got)
	}
}

// TestConformanceUpdates covers the update operators and options Yishi uses.
func TestConformanceUpdates(t *testing.T) {
	d := storeDB(t)
	ctx := context.Background()
	c := d.Collection("updates")
	if _, err := c.InsertOne(ctx, bson.M{"_id": "u", "n": 1, "list": bson.A{"a"}, "set": bson.A{"a"}, "max": 5, "state": "open"}); err != nil {
		t.Fatal(err)
	}
	upd := func(filter, update bson.M) *mongo.UpdateResult {
		t.Helper()
		r, err := c.UpdateOne(ctx, filter, update)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	upd(bson.M{"_id": "u"}, bson.M{"$inc": bson.M{"n": 2}, "$set": bson.M{"x": "y"}})
	upd(bson.M{"_id": "u"}, bson.M{"$push": bson.M{"list": "b"}})
	upd(bson.M{"_id": "u"}, bson.M{"$addToSet": bson.M{"set": bson.M{"$each": bson.A{"a", "b", "c"}}}})
	upd(bson.M{"_id": "u"}, bson.M{"$pull": bson.M{"set": "c"}})
	upd(bson.M{"_id": "u"}, bson.M{"$max": bson.M{"max": 3}})
	upd(bson.M{"_id": "u"}, bson.M{"$unset": bson.M{"x": ""}})
	if r := upd(bson.M{"_id": "u", "state": "closed"}, bson.M{"$set": bson.M{"state": "open2"}}); r.MatchedCount != 0 {
		t.Errorf("conditional update on a non-matching state matched %d", r.MatchedCount)
	}
	var got struct {
		N     int
		List  []string
		Set   []string
		Max   int
		X     *string
		State string
	}
	if err := c.FindOne(ctx, bson.M{"_id": "u"}).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.N != 3 || !slices.Equal(got.List, []string{"a", "b"}) || !slices.Equal(got.Set, []string{"a", "b"}) || got.Max != 5 || got.X != nil || got.State != "open" {
		t.Errorf("after updates: %+v", got)
	}

	t.Run("UpsertSetOnInsert", func(t *testing.T) {
		for i := range 2 {
			_, err := c.UpdateOne(ctx, bson.M{"_id": "up"}, bson.M{"$setOnInsert": bson.M{"first": i}, "$inc": bson.M{"n": 1}}, options.UpdateOne().SetUpsert(true))
			if err != nil {
				t.Fatal(err)
			}
		}
		var doc struct{ First, N int }
		if err := c.FindOne(ctx, bson.M{"_id": "up"}).Decode(&doc); err != nil {
			t.Fatal(err)
		}
		if doc.First != 0 || doc.N != 2 {
			t.Errorf("upserted twice: %+v, want first 0, n 2", doc)
		}
	})
	t.Run("FindOneAndUpdateAfter", func(t *testing.T) {
		var doc struct{ N int }
		err := c.FindOneAndUpdate(ctx, bson.M{"_id": "u"}, bson.M{"$inc": bson.M{"n": 1}}, options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&doc)
		if err != nil || doc.N != 4 {
			t.Errorf("returned n = %d, %v; want 4", doc.N, err)
		}
		err = c.FindOneAndUpdate(ctx, bson.M{"_id": "none"}, bson.M{"$inc": bson.M{"n": 1}}).Err()
		if !errors.Is(err, mongo.ErrNoDocuments) {
			t.Errorf("no match: %v, want ErrNoDocuments", err)
		}
	})
	t.Run("Projection", func(t *testing.T) {
		raw, err := c.FindOne(ctx, bson.M{"_id": "u"}, options.FindOne().SetProjection(bson.M{"n": 1})).Raw()
		if err != nil {
			t.Fatal(err)
		}
		keys := []string{}
		elems, _ := raw.Elements()
		for _, e := range elems {
			keys = append(keys, e.Key())
		}
		if !slices.Equal(keys, []string{"_id", "n"}) {
			t.Errorf("projected keys = %v, want [_id n]", keys)
		}
	})
	t.Run("DeleteMany", func(t *testing.T) {
		r, err := c.DeleteMany(ctx, bson.M{"_id": bson.M{"$in": bson.A{"u", "up"}}})
		if err != nil || r.DeletedCount != 2 {
			t.Errorf("deleted %v, %v; want 2", r, err)
		}
	})
}

// TestConformanceGroupCount covers the one aggregation Yishi runs: counts per
// key after a $match.
func TestConformanceGroupCount(t *testing.T) {
	d := storeDB(t)
	ctx := context.Background()
	ensure(t, d, "supports", false, "topic_id")
	c := d.Collection("supports")
	var docs []any
	for i := range 7 {
		docs = append(docs, bson.M{"_id": fmt.Sprint(i), "topic_id": []string{"t1", "t2"}[i%2]})
	}
	if _, err := c.InsertMany(ctx, docs); err != nil {
		t.Fatal(err)
	}
	cur, err := c.Aggregate(ctx, []bson.M{
		{"$match": bson.M{"topic_id": bson.M{"$in": bson.A{"t1", "t2", "t3"}}}},
		{"$group": bson.M{"_id": "$topic_id", "n": bson.M{"$sum": 1}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		ID string `bson:"_id"`
		N  int
	}
	if err := cur.All(ctx, &rows); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range rows {
		got[r.ID] = r.N
	}
	if len(got) != 2 || got["t1"] != 4 || got["t2"] != 3 {
		t.Errorf("group counts = %v, want t1:4 t2:3", got)
	}
	for filter, want := range map[string]int64{"t1": 4, "t3": 0} {
		n, err := c.CountDocuments(ctx, bson.M{"topic_id": filter})
		if err != nil || n != want {
			t.Errorf("count %s = %d, %v; want %d", filter, n, err, want)
		}
	}
}

// TestConformanceUniqueUpdate: an update that would break a unique index is
// a duplicate key error (E11000), as MongoDB returns, for updateOne and
// findOneAndUpdate alike, and nothing changes.
func TestConformanceUniqueUpdate(t *testing.T) {
	d := storeDB(t)
	ctx := context.Background()
	ensure(t, d, "users", true, "email")
	c := d.Collection("users")
	if _, err := c.InsertMany(ctx, []any{bson.M{"_id": "1", "email": "a@x"}, bson.M{"_id": "2", "email": "b@x"}}); err != nil {
		t.Fatal(err)
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": "2"}, bson.M{"$set": bson.M{"email": "a@x"}})
	if !mongo.IsDuplicateKeyError(err) {
		t.Errorf("updateOne: %v, want a duplicate key error", err)
	}
	if got := domain.ErrorCode(db.Err("update", err)); got != domain.Conflict {
		t.Errorf("updateOne translated to %q, want Conflict", got)
	}
	err = c.FindOneAndUpdate(ctx, bson.M{"_id": "2"}, bson.M{"$set": bson.M{"email": "a@x"}}).Err()
	if !mongo.IsDuplicateKeyError(err) {
		t.Errorf("findOneAndUpdate: %v, want a duplicate key error", err)
	}
	var u struct{ Email string }
	if err := c.FindOne(ctx, bson.M{"_id": "2"}).Decode(&u); err != nil || u.Email != "b@x" {
		t.Errorf("after refused updates, email = %q, %v; want b@x", u.Email, err)
	}
}

// TestConformanceConcurrentSets: two concurrent $sets of different fields of
// one document both stay, 200 times out of 200.
func TestConformanceConcurrentSets(t *testing.T) {
	d := storeDB(t)
	ctx := context.Background()
	c := d.Collection("pairs")
	const pairs = 200
	var docs []any
	for i := range pairs {
		docs = append(docs, bson.M{"_id": fmt.Sprint(i)})
	}
	if _, err := c.InsertMany(ctx, docs); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i := range pairs {
		for _, field := range []string{"edit", "hidden"} {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				if _, err := c.UpdateOne(ctx, bson.M{"_id": fmt.Sprint(i)}, bson.M{"$set": bson.M{field: true}}); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	lost, err := c.CountDocuments(ctx, bson.M{"$or": bson.A{bson.M{"edit": bson.M{"$ne": true}}, bson.M{"hidden": bson.M{"$ne": true}}}})
	if err != nil {
		t.Fatal(err)
	}
	if lost != 0 {
		t.Errorf("%d of %d documents lost a field", lost, pairs)
	}
}

// TestConformanceCounterUpserts: 40 concurrent findOneAndUpdate upserts of
// one counter with $inc return each value from 1 to 40 exactly once, which
// is what the account area's use limits count on.
func TestConformanceCounterUpserts(t *testing.T) {
	d := storeDB(t)
	ctx := context.Background()
	c := d.Collection("counters")
	const n = 40
	got := make(chan int, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var doc struct {
				N int `bson:"n"`
			}
			err := c.FindOneAndUpdate(ctx, bson.M{"_id": "k"}, bson.M{"$inc": bson.M{"n": 1}, "$setOnInsert": bson.M{"at": "now"}},
				options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After)).Decode(&doc)
			if err != nil {
				t.Error(err)
			}
			got <- doc.N
		}()
	}
	wg.Wait()
	close(got)
	seen := map[int]bool{}
	for v := range got {
		if v < 1 || v > n || seen[v] {
			t.Errorf("value %d returned twice or out of range", v)
		}
		seen[v] = true
	}
	if len(seen) != n {
		t.Errorf("%d distinct values, want %d", len(seen), n)
	}
}

// TestConformanceConditionalClaims: 50 racers claim 3 slots with a
// conditional findOneAndUpdate; exactly 3 win and 3 are stored. Then 1,000
// concurrent $incs add up to 1,000.
func TestConformanceConditionalClaims(t *testing.T) {
	d := storeDB(t)
	ctx := context.Background()
	c := d.Collection("tasks")
	if _, err := c.InsertOne(ctx, bson.M{"_id": "task", "taken": 0, "claimers": bson.A{}, "hits": 0}); err != nil {
		t.Fatal(err)
	}
	var wins atomic.Int32
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := c.FindOneAndUpdate(ctx,
				bson.M{"_id": "task", "taken": bson.M{"$lt": 3}},
				bson.M{"$inc": bson.M{"taken": 1}, "$push": bson.M{"claimers": fmt.Sprint(i)}}).Err()
			switch {
			case err == nil:
				wins.Add(1)
			case !errors.Is(err, mongo.ErrNoDocuments):
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	sem := make(chan struct{}, 32)
	for range 1000 {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if _, err := c.UpdateOne(ctx, bson.M{"_id": "task"}, bson.M{"$inc": bson.M{"hits": 1}}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	var task struct {
		Taken    int
		Claimers []string
		Hits     int
	}
	if err := c.FindOne(ctx, bson.M{"_id": "task"}).Decode(&task); err != nil {
		t.Fatal(err)
	}
	if wins.Load() != 3 || task.Taken != 3 || len(task.Claimers) != 3 {
		t.Errorf("wins %d, taken %d, claimers %v; want 3 each", wins.Load(), task.Taken, task.Claimers)
	}
	if task.Hits != 1000 {
		t.Errorf("hits = %d after 1000 concurrent $inc, want 1000", task.Hits)
	}
}

// TestConformanceIndexPlans: SQLite answers filters on indexed fields, _id
// $in, and sorts by _id with a limit from its indexes, as EXPLAIN QUERY PLAN
// shows (embedded store only; MongoDB plans differ in form).
func TestConformanceIndexPlans(t *testing.T) {
	if !embedded() {
		t.Skip("EXPLAIN QUERY PLAN is the embedded store's")
	}
	d := storeDB(t)
	ctx := context.Background()
	ensure(t, d, "topics", false, "community_id")
	c := d.Collection("topics")
	var docs []any
	for i := range 50 {
		docs = append(docs, bson.M{"_id": fmt.Sprintf("t%03d", i), "community_id": fmt.Sprint("c", i%5)})
	}
	if _, err := c.InsertMany(ctx, docs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		find bson.D
	}{
		{"Eq", bson.D{{Key: "filter", Value: bson.M{"community_id": "c1"}}}},
		{"IDIn", bson.D{{Key: "filter", Value: bson.M{"_id": bson.M{"$in": bson.A{"t001", "t002"}}}}}},
		{"EqSortIDLimit", bson.D{{Key: "filter", Value: bson.M{"community_id": "c1"}}, {Key: "sort", Value: bson.M{"_id": 1}}, {Key: "limit", Value: 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := bson.D{{Key: "explain", Value: append(bson.D{{Key: "find", Value: "topics"}}, tt.find...)}}
			var res struct {
				QueryPlanner struct {
					Plan []string `bson:"Plan"`
				} `bson:"queryPlanner"`
				FilterPushdown bool `bson:"filterPushdown"`
			}
			if err := d.RunCommand(ctx, cmd).Decode(&res); err != nil {
				t.Fatal(err)
			}
			plan := strings.Join(res.QueryPlanner.Plan, "\n")
			t.Logf("plan:\n%s", plan)
			if !strings.Contains(plan, "USING INDEX") {
				t.Errorf("plan does not use an index:\n%s", plan)
			}
			for _, line := range res.QueryPlanner.Plan {
				if (strings.Contains(line, "SCAN") || strings.Contains(line, "SEARCH")) && !strings.Contains(line, "INDEX") {
					t.Errorf("plan reads the table without an index: %s", line)
				}
			}
			if !res.FilterPushdown {
				t.Errorf("filterPushdown = false; the whole filter should run in SQLite")
			}
		})
	}
}

// TestConformanceEdgeCases: the cases a pushed-down WHERE, LIMIT or COUNT
// could get wrong: a sort on two keys with a limit, ObjectIDs whose JSON text
// looks like a string (already stored when the index is made), field names
// that read as JSON paths, repeated filter keys.
func TestConformanceEdgeCases(t *testing.T) {
	d := storeDB(t)
	ctx := context.Background()
	c := d.Collection("edges")
	oid := bson.NewObjectID()
	if _, err := c.InsertMany(ctx, []any{
		bson.M{"_id": "1", "b": "3", "o": oid, "a[0]": "x"},
		bson.M{"_id": "2", "b": "1", "o": "zzz", "a": bson.A{"x"}},
		bson.M{"_id": "3", "b": "2", "o": oid.Hex()},
	}); err != nil {
		t.Fatal(err)
	}
	ensure(t, d, "edges", false, "b")
	ensure(t, d, "edges", false, "o")

	if got := findIDs(t, c, bson.M{}, options.Find().SetSort(bson.D{{Key: "b", Value: 1}, {Key: "_id", Value: 1}}).SetLimit(1)); !slices.Equal(got, []string{"2"}) {
		t.Errorf("sort on two keys, limit 1 = %v, want [2]", got)
	}
	if n, err := c.CountDocuments(ctx, bson.M{"o": oid.Hex()}); err != nil || n != 1 {
		t.Errorf("count of the string %s = %d, %v; want 1 (the ObjectID is another type)", oid.Hex(), n, err)
	}
	// MongoDB orders strings before ObjectIDs.
	if got := findIDs(t, c, bson.M{}, options.Find().SetSort(bson.D{{Key: "o", Value: -1}}).SetLimit(1)); !slices.Equal(got, []string{"1"}) {
		t.Errorf("sort o descending, limit 1 = %v, want the ObjectID's [1]", got)
	}
	if got := findIDs(t, c, bson.M{"a[0]": "x"}); !slices.Equal(got, []string{"1"}) {
		t.Errorf(`find {"a[0]": "x"} = %v, want [1]`, got)
	}
	if got := findIDs(t, c, bson.D{{Key: "b", Value: "3"}, {Key: "b", Value: "1"}}); len(got) > 1 {
		t.Errorf("a repeated key matched %v", got)
	}
	// The server still answers writes on the collection afterwards.
	if _, err := c.DeleteMany(ctx, bson.D{{Key: "b", Value: "9"}, {Key: "b", Value: "8"}}); err != nil {
		t.Logf("delete with a repeated key: %v", err)
	}
	if _, err := c.UpdateOne(ctx, bson.M{"_id": "3"}, bson.M{"$set": bson.M{"b": "4"}}); err != nil {
		t.Errorf("update after a repeated-key delete: %v", err)
	}
}

// TestEmbeddedStoreNotDebugBuild: the embedded store runs without
// FerretDB's own debug checks (a stack trace kept per resource, each
// BSON value checked twice), under the race detector too: `make test`
// runs with -race, and those checks cost a tenth of its time while
// testing FerretDB, not Yishi. buildInfo reports them (embedded store
// only).
func TestEmbeddedStoreNotDebugBuild(t *testing.T) {
	if !embedded() {
		t.Skip("buildInfo's debug flag is the embedded store's")
	}
	d := storeDB(t)
	var info struct {
		Debug bool `bson:"debug"`
	}
	if err := d.RunCommand(context.Background(), bson.D{{Key: "buildInfo", Value: 1}}).Decode(&info); err != nil {
		t.Fatal(err)
	}
	if info.Debug {
		t.Error("the embedded FerretDB is a debug build")
	}
}
