package graph_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// BenchmarkTopicList50k works in a community of 2,000 residents, 1,000
// topics and 50,000 supports on the embedded database. List measures the
// topic list (first: 50, with proposer, support count, whether the viewer
// supported, comment count and grid names) through the HTTP handler;
// Support, a resident supporting a topic (the service call); Query/*, the
// raw driver queries behind one list request. Each prints the p50 and p95 of
// its calls. Residents and topics go through the services; the supports are
// inserted in bulk in the documents' stored shape (faster than one by one),
// then counted by RepairTallies, and the benchmark checks that the API
// counts them.
func BenchmarkTopicList50k(b *testing.B) { benchTopicList(b, 0) }

// BenchmarkTopicList500k is the same with 450,000 more supports in another
// community: a page's cost must not grow with documents it does not read.
func BenchmarkTopicList500k(b *testing.B) { benchTopicList(b, 450_000) }

func benchTopicList(b *testing.B, otherSupports int) {
	const residents, topics, supportsPerTopic = 2000, 1000, 50
	e := newEnv(b)
	v := e.village(b, "小古城村", "A1")
	ctx := context.Background()
	threshold := 10000 // the benchmark's supports leave the topics collecting
	must(e.comms.UpdateSettings(v.admin, v.c.ID, community.SettingsUpdate{SupportThreshold: &threshold}))
	start := time.Now()
	users := make([]domain.ID, residents)
	inParallel(residents, func(i int) {
		m := must(e.comms.RegisterAssistedResident(v.workerCtx, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: fmt.Sprintf("居民%d", i)}))
		users[i] = m.UserID
	})
	b.Logf("%d residents in %v", residents, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	ids := make([]domain.ID, topics)
	inParallel(topics, func(i int) {
		t := must(e.topics.Propose(as(users[i%residents]), deliberation.ProposeInput{CommunityID: v.c.ID, Title: fmt.Sprintf("议题 %d", i), Category: deliberation.Environment, GridIDs: []domain.ID{v.grid.ID}}))
		ids[i] = t.ID
	})
	b.Logf("%d topics in %v", topics, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	supports := e.db.Database.Collection("supports")
	now := e.clock.Now().UTC()
	for i, id := range ids {
		docs := make([]any, supportsPerTopic)
		for j := range docs {
			u := users[(i*supportsPerTopic+j)%residents]
			if j == 0 && i%2 == 0 {
				u = v.adminID // the viewer supports every other topic
			}
			docs[j] = map[string]any{"_id": string(id) + "/" + string(u), "topic_id": string(id), "community_id": string(v.c.ID), "user_id": string(u), "created_at": now}
		}
		if _, err := supports.InsertMany(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d supports in %v", topics*supportsPerTopic, time.Since(start).Round(time.Millisecond))
	if otherSupports > 0 {
		start = time.Now()
		for i := 0; i < otherSupports; i += 5000 {
			docs := make([]any, 0, 5000)
			for j := i; j < min(i+5000, otherSupports); j++ {
				topic, user := fmt.Sprintf("other-topic-%d", j/100), fmt.Sprintf("other-user-%d", j)
				docs = append(docs, map[string]any{"_id": topic + "/" + user, "topic_id": topic, "community_id": "other-community", "user_id": user, "created_at": now})
			}
			if _, err := supports.InsertMany(ctx, docs); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("%d supports elsewhere in %v", otherSupports, time.Since(start).Round(time.Millisecond))
	}
	start = time.Now()
	if _, err := e.topics.RepairTallies(ctx); err != nil { // counts the bulk-inserted supports
		b.Fatal(err)
	}
	b.Logf("tallies repaired in %v", time.Since(start).Round(time.Millisecond))

	c := call{query: topicsQ, vars: map[string]any{"id": gid("Community", v.c.ID), "first": 50}, token: v.adminToken}
	r := e.do(b, c)
	wantOK(b, r)
	viewers := map[string]bool{}
	for i, id := range ids {
		viewers[gid("Topic", id)] = i%2 == 0
	}
	for _, edge := range path(r.Data, "community", "topics", "edges").([]any) {
		n := path(edge, "node")
		if path(n, "supportCount") != float64(supportsPerTopic) || path(n, "viewerSupported") != viewers[path(n, "id").(string)] {
			b.Fatalf("topic = %v, want %d supports and viewerSupported %v", n, supportsPerTopic, viewers[path(n, "id").(string)])
		}
	}
	b.Run("List", func(b *testing.B) {
		timed(b, func() {
			if r := e.do(b, c); len(r.Errors) > 0 {
				b.Fatal(r.Errors)
			}
		})
	})
	queries := rawListQueries(e, v.c.ID, v.adminID, users[:50], ids[:50])
	for _, name := range slices.Sorted(maps.Keys(queries)) {
		b.Run("Query/"+name, func(b *testing.B) {
			timed(b, func() {
				if err := queries[name](ctx); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	b.Run("Support", func(b *testing.B) {
		calls := 0
		timed(b, func() {
			// Topic i has the 50 residents from i*50 on; the next ones have not supported it.
			i := calls % topics
			user := users[(i*supportsPerTopic+supportsPerTopic+calls/topics)%residents]
			calls++
			if _, err := e.topics.Support(as(user), ids[i]); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// rawListQueries are the driver queries behind one topic-list request: the
// viewer's roles, the page and its total, its proposers and its tallies.
func rawListQueries(e *env, community, viewer domain.ID, users, topics []domain.ID) map[string]func(context.Context) error {
	coll := e.db.Database.Collection
	c, u := string(community), string(viewer)
	in := func(ids []domain.ID) bson.M {
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = string(id)
		}
		return bson.M{"_id": bson.M{"$in": s}}
	}
	find := func(ctx context.Context, name string, filter bson.M, opts ...options.Lister[options.FindOptions]) error {
		cur, err := coll(name).Find(ctx, filter, opts...)
		if err != nil {
			return err
		}
		var docs []bson.M
		return cur.All(ctx, &docs)
	}
	return map[string]func(context.Context) error{
		"member_roles": func(ctx context.Context) error {
			return find(ctx, "member_roles", bson.M{"community_id": c, "user_id": u})
		},
		"topics_count": func(ctx context.Context) error {
			_, err := coll("topics").CountDocuments(ctx, bson.M{"community_id": c})
			return err
		},
		"topics_page": func(ctx context.Context) error {
			return find(ctx, "topics", bson.M{"community_id": c}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}).SetLimit(51))
		},
		"users_in50":         func(ctx context.Context) error { return find(ctx, "users", in(users)) },
		"topic_tallies_in50": func(ctx context.Context) error { return find(ctx, "topic_tallies", in(topics)) },
		// What the tallies would cost without them: the page's supports
		// counted per topic, and the viewer's supports found by key.
		"supports_group_in50": func(ctx context.Context) error {
			cur, err := coll("supports").Aggregate(ctx, []bson.M{
				{"$match": bson.M{"topic_id": in(topics)["_id"]}},
				{"$group": bson.M{"_id": "$topic_id", "n": bson.M{"$sum": 1}}},
			})
			if err != nil {
				return err
			}
			var rows []bson.M
			return cur.All(ctx, &rows)
		},
		"supports_viewer_in50": func(ctx context.Context) error {
			keys := make([]domain.ID, len(topics))
			for i, t := range topics {
				keys[i] = t + "/" + viewer
			}
			return find(ctx, "supports", in(keys))
		},
	}
}

// timed runs f in b.Loop and reports the p50 and p95 of its calls.
func timed(b *testing.B, f func()) {
	var took []time.Duration
	for b.Loop() {
		t0 := time.Now()
		f()
		took = append(took, time.Since(t0))
	}
	slices.Sort(took)
	at := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
}

// inParallel calls f(0) … f(n-1) from four goroutines.
func inParallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range 4 {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
