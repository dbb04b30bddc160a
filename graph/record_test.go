package graph_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/graph"
)

// recordKey signs the test record's heads.
var recordKey = ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))

// newRecordEnv is newEnv with the public record wired in, as the server
// wires it: deliberation records its facts in it and the API reads it.
func newRecordEnv(tb testing.TB) (*env, *ledger.Service) {
	tb.Helper()
	d, counter := dbtest.NewCounted(tb)
	if err := db.EnsureIndexes(context.Background(), d.Database, account.Indexes(), community.Indexes(), notify.Indexes(), deliberation.Indexes(), ledger.Indexes(), disclosure.Indexes()); err != nil {
		tb.Fatal(err)
	}
	e := &env{db: d, commands: counter, clock: domaintest.NewClock(time.Now()), logs: &bytes.Buffer{}}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	rec := ledger.NewService(d.Database, ledger.Config{Key: recordKey, Now: e.clock.Now})
	e.notify = notify.NewService(d.Database, notify.Config{Mailer: discard{}, Now: e.clock.Now, BaseURL: "http://yishi.test"})
	e.accounts = account.NewService(d.Database, account.Config{Notifier: e.notify, Now: e.clock.Now})
	e.comms = community.NewService(d.Database, e.accounts, community.Config{Notifier: e.notify, Now: e.clock.Now, Operators: []string{testOperator}})
	e.topics = deliberation.NewService(d.Database, e.comms, e.accounts, deliberation.Config{Notifier: e.notify, Now: e.clock.Now, Record: rec})
	e.disclosures = disclosure.NewService(d.Database, e.comms, disclosure.Config{Notifier: e.notify, Now: e.clock.Now, Record: rec})
	e.notify.SetDirectory(e.accounts)
	e.notify.SetRequireAdmin(e.comms.RequireAdmin)
	svc := graph.Services{Accounts: e.accounts, Communities: e.comms, Notify: e.notify, Deliberation: e.topics, Record: rec, Disclosure: e.disclosures}
	schema, err := graph.NewSchema(svc, log)
	if err != nil {
		tb.Fatal(err)
	}
	e.handler = graph.NewHandler(schema, svc, log, false, http.NotFoundHandler())
	e.srv = httptest.NewServer(e.handler)
	tb.Cleanup(e.srv.Close)
	return e, rec
}

// recordedVillage tells the demo's story through the deliberation
// service, so that its record holds what the demo's does: a topic
// accepted (0), a draw (1), the vote's result (2) and the resolution (3),
// signed by a head of size 4; then a topic rejected (4), not yet signed.
func recordedVillage(t *testing.T) (*env, *ledger.Service, village) {
	t.Helper()
	e, rec := newRecordEnv(t)
	v := e.village(t, "小古城村", "A1")
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: v.adminID, Role: domain.RoleCommittee}))
	var residents []domain.ID
	for range 10 {
		m := must(e.comms.RegisterAssistedResident(v.workerCtx, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: "居民"}))
		residents = append(residents, m.UserID)
	}
	propose := func(title string) deliberation.Topic {
		topic := must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: title, Category: deliberation.PublicAffairs, GridIDs: []domain.ID{v.grid.ID}}))
		for _, r := range residents {
			must(e.topics.Support(as(r), topic.ID))
		}
		return topic
	}
	topic := propose("村口停车难")
	must(e.topics.Screen(v.admin, deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
	must(e.topics.SetSeatRules(v.admin, topic.ID, []deliberation.SeatRule{{Kind: deliberation.AffectedResidents, GridID: v.grid.ID, Min: 3, Max: 3}}))
	must(e.topics.PublishSeed(v.admin, topic.ID))
	seats := must(e.topics.DrawSeats(v.admin, deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.AffectedResidents, GridID: v.grid.ID, Count: 3}))
	for _, s := range seats {
		must(e.topics.RespondToSeat(as(s.UserID), topic.ID, true))
	}
	must(e.topics.ConfirmPanel(v.admin, topic.ID))
	m := must(e.topics.OpenMotion(v.admin, deliberation.MotionInput{TopicID: topic.ID, Text: "设临时停车场", Method: deliberation.MajorityCast, Deadline: e.clock.Now().Add(24 * time.Hour)}))
	for _, s := range seats {
		must(0, e.topics.Vote(as(s.UserID), m.ID, deliberation.Yes))
	}
	must(e.topics.CloseMotion(v.admin, m.ID))
	must(e.topics.Adopt(v.admin, m.ID))
	must(rec.PublishHead(context.Background(), v.c.ID, e.clock.Now()))
	rejected := propose("村里建高尔夫球场")
	must(e.topics.Screen(v.admin, deliberation.ScreenInput{TopicID: rejected.ID, Decision: deliberation.Reject, Note: "不属于村级议事范围"}))
	return e, rec, v
}

const recordQ = `query($id: ID!, $first: Int, $after: String, $newest: Boolean) { community(id: $id) { record {
	publicKey exportUrl size
	heads { size root at signature message }
	latestHead { size root }
	entries(first: $first, after: $after, newestFirst: $newest) { totalCount pageInfo { hasNextPage endCursor }
		edges { cursor node { seq type subject subjectType payload at role leaf leafHash signed inclusion } } }
} } }`

// recordEntryJSON is a RecordEntry as the API returns it.
type recordEntryJSON struct {
	Seq         int64
	Type        string
	Subject     string
	SubjectType *string
	Payload     string
	Role        string
	Leaf        string
	LeafHash    string
	Signed      bool
	Inclusion   []string
}

// recordJSON is a PublicRecord as recordQ asks for it.
type recordJSON struct {
	PublicKey *string
	ExportURL string
	Size      int64
	Heads     []struct {
		Size                     int64
		Root, Signature, Message string
	}
	LatestHead *struct {
		Size int64
		Root string
	}
	Entries struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
		Edges []struct {
			Cursor string
			Node   recordEntryJSON
		}
	}
}

// readRecord asks recordQ logged out and decodes the record.
func (e *env) readRecord(tb testing.TB, vars map[string]any) recordJSON {
	tb.Helper()
	r := e.do(tb, call{query: recordQ, vars: vars})
	wantOK(tb, r)
	raw, _ := json.Marshal(path(r.Data, "community", "record"))
	var out recordJSON
	if err := json.Unmarshal(raw, &out); err != nil {
		tb.Fatal(err)
	}
	return out
}

func unhex(tb testing.TB, s string) []byte {
	tb.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		tb.Fatalf("%q is not hex: %v", s, err)
	}
	return b
}

func unhexAll(tb testing.TB, l []string) [][]byte {
	tb.Helper()
	out := make([][]byte, len(l))
	for i, s := range l {
		out[i] = unhex(tb, s)
	}
	return out
}

// TestRecordLoggedOut reads the record logged out, as a stranger checking
// the village would: the head's signature holds over its message, each
// entry's leaf hashes to its leaf hash, and each signed entry's audit path
// folds up to the head's root (proof.VerifyInclusion); the entry after the
// head is unsigned, with an empty path until a tree size is given.
func TestRecordLoggedOut(t *testing.T) {
	e, _, v := recordedVillage(t)
	rec := e.readRecord(t, map[string]any{"id": gid("Community", v.c.ID), "first": 10})
	if rec.PublicKey == nil || *rec.PublicKey != base64.StdEncoding.EncodeToString(recordKey.Public().(ed25519.PublicKey)) {
		t.Errorf("publicKey = %v", rec.PublicKey)
	}
	if rec.ExportURL != "/record/"+v.c.Code+".jsonl" || rec.Size != 5 || rec.Entries.TotalCount != 5 || rec.Entries.PageInfo.HasNextPage {
		t.Errorf("exportUrl %q, size %d, totalCount %d, hasNextPage %v", rec.ExportURL, rec.Size, rec.Entries.TotalCount, rec.Entries.PageInfo.HasNextPage)
	}
	if len(rec.Heads) != 1 || rec.LatestHead == nil || rec.LatestHead.Size != 4 || rec.Heads[0].Root != rec.LatestHead.Root {
		t.Fatalf("heads %+v, latest %+v: want one of size 4", rec.Heads, rec.LatestHead)
	}
	head := rec.Heads[0]
	sig, _ := base64.StdEncoding.DecodeString(head.Signature)
	if !ed25519.Verify(recordKey.Public().(ed25519.PublicKey), []byte(head.Message), sig) {
		t.Errorf("the head's signature does not verify over its message %q", head.Message)
	}
	if prefix := "yishi-record-head/v1\n" + string(v.c.ID) + "\n4\n" + head.Root + "\n"; !strings.HasPrefix(head.Message, prefix) {
		t.Errorf("message %q, want it to start %q", head.Message, prefix)
	}
	types := []string{"SCREENING", "DRAW", "VOTE_RESULT", "RESOLUTION", "SCREENING"}
	subjects := []string{"Topic", "Draw", "Motion", "Resolution", "Topic"}
	if len(rec.Entries.Edges) != len(types) {
		t.Fatalf("%d entries, want %d", len(rec.Entries.Edges), len(types))
	}
	var leaves [][]byte
	for i, edge := range rec.Entries.Edges {
		n := edge.Node
		if n.Seq != int64(i) || n.Type != types[i] || n.SubjectType == nil || *n.SubjectType != subjects[i] || n.Role != "committee" {
			t.Errorf("entry %d = %+v, want %s about a %s by the committee", i, n, types[i], subjects[i])
		}
		sum := sha256.Sum256(append([]byte{0}, n.Leaf...))
		if hex.EncodeToString(sum[:]) != n.LeafHash {
			t.Errorf("entry %d: SHA-256(0x00 || leaf) = %x, leafHash %s", i, sum, n.LeafHash)
		}
		var payload map[string]any
		if err := json.Unmarshal([]byte(n.Payload), &payload); err != nil {
			t.Errorf("entry %d: payload %q: %v", i, n.Payload, err)
		}
		leaves = append(leaves, unhex(t, n.LeafHash))
		if i >= 4 {
			if n.Signed || len(n.Inclusion) != 0 {
				t.Errorf("entry %d past the head: signed %v, inclusion %v; want unsigned, no path", i, n.Signed, n.Inclusion)
			}
			continue
		}
		if !n.Signed {
			t.Errorf("entry %d is under the head but not signed", i)
		}
		if err := proof.VerifyInclusion(rfc6962.DefaultHasher, uint64(i), 4, unhex(t, n.LeafHash), unhexAll(t, n.Inclusion), unhex(t, head.Root)); err != nil {
			t.Errorf("entry %d: inclusion in the head: %v", i, err)
		}
	}
	if got := rec.Entries.Edges[4].Node.Payload; got != `{"decision":"reject","note":"不属于村级议事范围","title":"村里建高尔夫球场","topic":"`+rec.Entries.Edges[4].Node.Subject+`"}` {
		t.Errorf("payload = %s", got)
	}

	t.Run("InclusionAtTreeSize", func(t *testing.T) {
		q := `query($id: ID!, $n: Int) { community(id: $id) { record { entries(first: 1, newestFirst: true) { nodes { seq leafHash inclusion(treeSize: $n) } } } } }`
		r := e.do(t, call{query: q, vars: map[string]any{"id": gid("Community", v.c.ID), "n": 5}})
		wantOK(t, r)
		node := path(r.Data, "community", "record", "entries", "nodes", 0)
		var nodes []string
		for _, h := range path(node, "inclusion").([]any) {
			nodes = append(nodes, h.(string))
		}
		if err := proof.VerifyInclusion(rfc6962.DefaultHasher, 4, 5, unhex(t, path(node, "leafHash").(string)), unhexAll(t, nodes), ledger.RootOf(leaves)); err != nil {
			t.Errorf("inclusion of entry 4 in the tree of 5: %v", err)
		}
		for _, n := range []int{4, 6, 0} {
			r := e.do(t, call{query: q, vars: map[string]any{"id": gid("Community", v.c.ID), "n": n}})
			wantCode(t, r, "BAD_USER_INPUT")
			if r.Errors[0].Extensions["field"] != "treeSize" {
				t.Errorf("treeSize %d: field %v, want treeSize", n, r.Errors[0].Extensions["field"])
			}
		}
	})
	t.Run("Consistency", func(t *testing.T) {
		q := `query($id: ID!, $from: Int!, $to: Int!) { recordConsistency(communityId: $id, from: $from, to: $to) }`
		r := e.do(t, call{query: q, vars: map[string]any{"id": gid("Community", v.c.ID), "from": 2, "to": 4}})
		wantOK(t, r)
		var nodes []string
		for _, h := range r.Data["recordConsistency"].([]any) {
			nodes = append(nodes, h.(string))
		}
		if err := proof.VerifyConsistency(rfc6962.DefaultHasher, 2, 4, unhexAll(t, nodes), ledger.RootOf(leaves[:2]), unhex(t, head.Root)); err != nil {
			t.Errorf("consistency 2 → 4: %v", err)
		}
		for _, tt := range []struct {
			name, field string
			from, to    int
		}{{"ErrFromAfterTo", "from", 3, 2}, {"ErrBeyond", "to", 0, 6}} {
			t.Run(tt.name, func(t *testing.T) {
				r := e.do(t, call{query: q, vars: map[string]any{"id": gid("Community", v.c.ID), "from": tt.from, "to": tt.to}})
				wantCode(t, r, "BAD_USER_INPUT")
				if r.Errors[0].Extensions["field"] != tt.field {
					t.Errorf("field %v, want %s", r.Errors[0].Extensions["field"], tt.field)
				}
			})
		}
		r = e.do(t, call{query: q, vars: map[string]any{"id": gid("Community", domain.NewID()), "from": 0, "to": 0}})
		wantCode(t, r, "NOT_FOUND")
	})
}

// TestRecordPaging pages through the record both ways by its cursors.
func TestRecordPaging(t *testing.T) {
	e, _, v := recordedVillage(t)
	id := gid("Community", v.c.ID)
	seqs := func(rec recordJSON) []int64 {
		var out []int64
		for _, edge := range rec.Entries.Edges {
			out = append(out, edge.Node.Seq)
		}
		return out
	}
	tests := []struct {
		name   string
		newest bool
		pages  [][]int64
	}{
		{"Oldest", false, [][]int64{{0, 1}, {2, 3}, {4}}},
		{"Newest", true, [][]int64{{4, 3}, {2, 1}, {0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]any{"id": id, "first": 2, "newest": tt.newest}
			for i, want := range tt.pages {
				rec := e.readRecord(t, vars)
				if got := seqs(rec); !equalSeqs(got, want) {
					t.Fatalf("page %d = %v, want %v", i, got, want)
				}
				if last := i == len(tt.pages)-1; rec.Entries.PageInfo.HasNextPage == last || rec.Entries.PageInfo.EndCursor == nil {
					t.Fatalf("page %d: hasNextPage %v, endCursor %v", i, rec.Entries.PageInfo.HasNextPage, rec.Entries.PageInfo.EndCursor)
				}
				vars["after"] = *rec.Entries.PageInfo.EndCursor
			}
			if rec := e.readRecord(t, vars); len(rec.Entries.Edges) != 0 || rec.Entries.PageInfo.HasNextPage {
				t.Errorf("after the last page: %v", seqs(rec))
			}
		})
	}
}

func equalSeqs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRecordBadInput: paging out of bounds and bad cursors are the
// client's error, an unknown community is NOT_FOUND.
func TestRecordBadInput(t *testing.T) {
	e, _, v := recordedVillage(t)
	id := gid("Community", v.c.ID)
	tests := []struct {
		name, code, field string
		vars              map[string]any
	}{
		{"ErrFirstOver100", "BAD_USER_INPUT", "first", map[string]any{"id": id, "first": 101}},
		{"ErrFirstZero", "BAD_USER_INPUT", "first", map[string]any{"id": id, "first": 0}},
		{"ErrAfterGarbage", "BAD_USER_INPUT", "after", map[string]any{"id": id, "after": "not a cursor!"}},
		{"ErrAfterNotASeq", "BAD_USER_INPUT", "after", map[string]any{"id": id, "after": base64.RawURLEncoding.EncodeToString([]byte("c:abc"))}},
		{"ErrAfterNegative", "BAD_USER_INPUT", "after", map[string]any{"id": id, "after": base64.RawURLEncoding.EncodeToString([]byte("c:-2"))}},
		{"ErrUnknownCommunity", "NOT_FOUND", "", map[string]any{"id": gid("Community", domain.NewID())}},
		{"ErrNotACommunity", "NOT_FOUND", "", map[string]any{"id": gid("Topic", domain.NewID())}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(t, call{query: recordQ, vars: tt.vars})
			wantCode(t, r, tt.code)
			if tt.field != "" && r.Errors[0].Extensions["field"] != tt.field {
				t.Errorf("field %v, want %s", r.Errors[0].Extensions["field"], tt.field)
			}
		})
	}
}

// TestRecordPageCommands pins the page's cost: a page of entries with
// their proofs costs as many database commands for 2 entries as for 5.
func TestRecordPageCommands(t *testing.T) {
	e, _, v := recordedVillage(t)
	count := func(first int) int64 {
		e.readRecord(t, map[string]any{"id": gid("Community", v.c.ID), "first": first}) // warms the tree
		e.commands.Reset()
		if rec := e.readRecord(t, map[string]any{"id": gid("Community", v.c.ID), "first": first}); len(rec.Entries.Edges) != first {
			t.Fatalf("%d entries, want %d", len(rec.Entries.Edges), first)
		}
		return e.commands.Count()
	}
	two, five := count(2), count(5)
	t.Logf("database commands: %d for 2 entries, %d for 5", two, five)
	if two != five {
		t.Errorf("2 entries cost %d commands, 5 cost %d: want the same", two, five)
	}
}

// TestDisclosureVersionEntry: a published disclosure version leads to its
// entry in the record, whose leaf hash covers the version's content hash
// and whose inclusion path reaches the signed root; a draft has none.
func TestDisclosureVersionEntry(t *testing.T) {
	e, rec := newRecordEnv(t)
	v := e.village(t, "小古城村", "A1")
	must(e.comms.AssignRole(v.admin, community.RoleInput{CommunityID: v.c.ID, UserID: v.adminID, Role: domain.RoleCommittee}))
	draft := must(e.disclosures.CreateDraft(v.admin, disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty,
		Period: disclosure.DateOf(e.clock.Now(), v.c.Location()).String(), Content: disclosure.DraftContent{Title: "党费收缴公示", Body: "1—10 月党费已足额收缴。"}}))
	const q = `query($id: ID!) { node(id: $id) { ... on DisclosureVersion { contentHash recordEntry { seq type leaf leafHash signed inclusion } } } }`
	r := e.do(t, call{query: q, vars: map[string]any{"id": gid("DisclosureVersion", draft.ID)}, token: v.adminToken})
	if path(r.Data, "node", "recordEntry") != nil {
		t.Errorf("a draft's entry = %v, want none", r.Data)
	}
	published := must(e.disclosures.Publish(v.admin, draft.ID))
	must(rec.PublishHead(context.Background(), v.c.ID, e.clock.Now()))
	r = e.do(t, call{query: q, vars: map[string]any{"id": gid("DisclosureVersion", published.ID)}}) // logged out
	wantOK(t, r)
	leaf, _ := path(r.Data, "node", "recordEntry", "leaf").(string)
	if path(r.Data, "node", "recordEntry", "type") != "DISCLOSURE_VERSION" || path(r.Data, "node", "recordEntry", "signed") != true ||
		!strings.Contains(leaf, published.ContentHash) {
		t.Errorf("entry = %v, want the signed disclosure_version entry holding content hash %s", r.Data, published.ContentHash)
	}
}
