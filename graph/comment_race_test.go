package graph_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/graph"
)

// TestEditWhileHidden: through the API, a resident edits 60 comments while
// the committee hides the same 60: every one ends hidden, and every edit
// the server accepted is kept (an edit that comes after the hide is refused
// as hidden). On the old store a hidden comment could come back, or an
// accepted edit vanish.
func TestEditWhileHidden(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	admin := domain.ActorFromContext(v.admin).UserID
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: admin, Role: domain.RoleCommittee}))
	topic := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: "村口停车难", Category: deliberation.PublicAffairs}))
	const n = 60
	ids := make([]string, n)
	for i := range n {
		r := e.do(t, call{query: `mutation($id: ID!, $b: String!) { addComment(input: {topicId: $id, body: $b}) { comment { id } } }`, token: v.workerToken,
			vars: map[string]any{"id": gid("Topic", topic.ID), "b": fmt.Sprintf("意见 %d", i)}})
		wantOK(t, r)
		ids[i] = path(r.Data, "addComment", "comment", "id").(string)
	}
	var wg sync.WaitGroup
	edited := make([]bool, n)
	// At most 4 pairs at once: each pair races; 120 requests at once would
	// only test the handler's execution cap, and on a busy machine some
	// would wait past it (RATE_LIMITED).
	pairs := make(chan struct{}, 4)
	for i, id := range ids {
		pairs <- struct{}{}
		var pair sync.WaitGroup
		pair.Add(2)
		go func() { pair.Wait(); <-pairs }()
		wg.Go(func() {
			defer pair.Done()
			r := e.do(t, call{query: `mutation($id: ID!) { editComment(input: {commentId: $id, body: "改过的意见"}) { comment { id } } }`, token: v.workerToken, vars: map[string]any{"id": id}})
			if edited[i] = len(r.Errors) == 0; !edited[i] && r.code() != "FORBIDDEN" {
				t.Errorf("edit: %+v, want success or FORBIDDEN (hidden)", r.Errors)
			}
		})
		wg.Go(func() {
			defer pair.Done()
			wantOK(t, e.do(t, call{query: `mutation($id: ID!) { hideComment(input: {commentId: $id, reason: "人身攻击"}) { comment { id } } }`, token: v.adminToken, vars: map[string]any{"id": id}}))
		})
	}
	wg.Wait()
	lost := 0
	for i, id := range ids {
		var c struct {
			Hidden bool
			Body   string
		}
		local := must(graph.LocalID("Comment", id))
		if err := e.db.Collection("comments").FindOne(context.Background(), bson.M{"_id": string(local)}).Decode(&c); err != nil {
			t.Fatal(err)
		}
		if !c.Hidden || (edited[i] && c.Body != "改过的意见") {
			lost++
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d comments lost the edit or the hide", lost, n)
	}
}
