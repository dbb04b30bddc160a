package deliberation_test

import (
	"context"
	"crypto/ed25519"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

type noMail struct{}

func (noMail) Enqueue(context.Context, notify.Item) error { return nil }
func (noMail) Cancel(context.Context, string) error       { return nil }

func (noMail) Reschedule(context.Context, string, time.Duration) error { return nil }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func as(id domain.ID) context.Context {
	return domain.NewContextWithActor(context.Background(), domain.Actor{UserID: id})
}

func wantCode(tb testing.TB, err error, want domain.Code) {
	tb.Helper()
	if got := domain.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

// village is a community with two grids, its admin, a committee member, a
// party member, a grid worker of grid 1 and residents (assisted ones act
// through their IDs here, as the domain sees them).
type village struct {
	svc                             *deliberation.Service
	record                          *ledger.Service
	comms                           *community.Service
	accounts                        *account.Service
	clock                           *domaintest.Clock
	db                              *db.DB
	c                               community.Community
	grid1, grid2                    community.Grid
	micro1, micro2                  community.MicroGrid
	admin, committee, party, worker domain.ID
	residents                       []domain.ID
}

func newVillage(tb testing.TB, residents int) *village {
	tb.Helper()
	return newVillageWith(tb, residents, noMail{})
}

// newVillageWith builds the village with the deliberation service queueing
// its reminders through n.
func newVillageWith(tb testing.TB, residents int, n deliberation.Notifier) *village {
	tb.Helper()
	d := dbtest.New(tb)
	ctx := context.Background()
	if err := db.EnsureIndexes(ctx, d.Database, account.Indexes(), community.Indexes(), deliberation.Indexes(), ledger.Indexes()); err != nil {
		tb.Fatal(err)
	}
	v := &village{db: d, clock: domaintest.NewClock(time.Date(2026, 3, 2, 4, 0, 0, 0, time.UTC))}
	v.accounts = account.NewService(d.Database, account.Config{Notifier: noMail{}, Now: v.clock.Now})
	v.comms = community.NewService(d.Database, v.accounts, community.Config{Now: v.clock.Now})
	v.record = ledger.NewService(d.Database, ledger.Config{Key: ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize)), Now: v.clock.Now})
	v.svc = deliberation.NewService(d.Database, v.comms, v.accounts, deliberation.Config{Notifier: n, Record: v.record, Now: v.clock.Now})
	v.admin = must(v.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: string(domain.NewID()) + "@example.com", Password: "password1", Name: "管理员"})).User.ID
	st := must(v.comms.CreateStreet(domain.NewSystemContext(as(v.admin)), community.StreetInput{Name: "径山镇", Code: "330110109"}))
	v.c = must(v.comms.CreateCommunity(domain.NewSystemContext(as(v.admin)), community.CommunityInput{StreetID: st.ID, Name: "小古城村", Kind: community.Village, Code: "330110109202", AdminID: v.admin}))
	v.grid1 = must(v.comms.CreateGrid(as(v.admin), v.c.ID, community.GridInput{Name: "第一网格", Code: "G1"}))
	v.grid2 = must(v.comms.CreateGrid(as(v.admin), v.c.ID, community.GridInput{Name: "第二网格", Code: "G2"}))
	v.micro1 = must(v.comms.CreateMicroGrid(as(v.admin), v.grid1.ID, community.GridInput{Name: "一组", Code: "G1-1"}))
	v.micro2 = must(v.comms.CreateMicroGrid(as(v.admin), v.grid2.ID, community.GridInput{Name: "二组", Code: "G2-1"}))
	th, win := 10, 30
	must(v.comms.UpdateSettings(as(v.admin), v.c.ID, community.SettingsUpdate{SupportThreshold: &th, SupportWindowDays: &win}))
	v.committee = v.staff(tb, domain.RoleCommittee, "")
	v.party = v.staff(tb, domain.RoleParty, "")
	// The party secretary is a party member too: drawable for party seats.
	must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: v.c.ID, UserID: v.party, Role: domain.RolePartyMember}))
	v.worker = v.staff(tb, domain.RoleGridWorker, v.grid1.ID)
	for i := range residents {
		micro := v.micro1.ID
		if i%2 == 1 {
			micro = v.micro2.ID
		}
		m := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: micro, Name: "居民"}))
		v.residents = append(v.residents, m.UserID)
	}
	return v
}

func (v *village) staff(tb testing.TB, role domain.Role, grid domain.ID) domain.ID {
	tb.Helper()
	m := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro1.ID, Name: string(role)}))
	must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: v.c.ID, UserID: m.UserID, Role: role, GridID: grid}))
	return m.UserID
}

func (v *village) propose(tb testing.TB, by domain.ID, title string) deliberation.Topic {
	tb.Helper()
	return must(v.svc.Propose(as(by), deliberation.ProposeInput{CommunityID: v.c.ID, Title: title, Body: "村口车辆乱停，老人小孩出行不便。", Category: deliberation.PublicAffairs, GridIDs: []domain.ID{v.grid1.ID}}))
}

func TestPropose(t *testing.T) {
	v := newVillage(t, 3)
	ok := deliberation.ProposeInput{CommunityID: v.c.ID, Title: "村口停车难", Body: "车辆乱停。", Category: deliberation.PublicAffairs, GridIDs: []domain.ID{v.grid1.ID}}
	t.Run("OKResident", func(t *testing.T) {
		topic := must(v.svc.Propose(as(v.residents[0]), ok))
		if topic.State != deliberation.Collecting || topic.Source != deliberation.FromResident || topic.Threshold != 10 ||
			!topic.Deadline.Equal(v.clock.Now().AddDate(0, 0, 30)) {
			t.Errorf("topic = %+v", topic)
		}
	})
	t.Run("OKGridWorkerForAssisted", func(t *testing.T) {
		in := ok
		in.OnBehalfOf = v.residents[0] // in grid 1, the worker's
		_, err := v.svc.Propose(as(v.worker), in)
		if e, _ := domain.AsError(err); e.Code != domain.Invalid || e.Field != "witness" {
			t.Errorf("without a witness: %v, want Invalid witness", err)
		}
		in.Witness = "邻居沈月娥"
		topic := must(v.svc.Propose(as(v.worker), in))
		if topic.ProposerID != v.residents[0] || topic.RecordedBy != v.worker || topic.Source != deliberation.FromGridWorker {
			t.Errorf("topic = %+v", topic)
		}
		if read := must(v.svc.Topic(as(v.residents[2]), topic.ID)); read.Witness != "邻居沈月娥" || read.RecordedBy != v.worker {
			t.Errorf("read back: witness %q, recorded by %s", read.Witness, read.RecordedBy)
		}
		in.OnBehalfOf = v.residents[1] // grid 2
		_, err = v.svc.Propose(as(v.worker), in)
		wantCode(t, err, domain.Forbidden)
	})
	t.Run("OKCommitteeGoesToScreening", func(t *testing.T) {
		in := ok
		in.AsCommittee = true
		topic := must(v.svc.Propose(as(v.committee), in))
		if topic.State != deliberation.Screening || topic.Source != deliberation.FromCommittee {
			t.Errorf("topic = %+v", topic)
		}
		_, err := v.svc.Propose(as(v.residents[0]), in)
		wantCode(t, err, domain.Forbidden)
	})
	tests := []struct {
		name, field string
		edit        func(*deliberation.ProposeInput)
	}{
		{"ErrEmptyTitle", "title", func(in *deliberation.ProposeInput) { in.Title = "  " }},
		{"ErrTitle81Runes", "title", func(in *deliberation.ProposeInput) { in.Title = strings.Repeat("题", 81) }},
		{"ErrBody5001Runes", "body", func(in *deliberation.ProposeInput) { in.Body = strings.Repeat("字", 5001) }},
		{"ErrBodyControl", "body", func(in *deliberation.ProposeInput) { in.Body = "a\x00b" }},
		{"ErrCategory", "category", func(in *deliberation.ProposeInput) { in.Category = "weather" }},
		{"ErrForeignGrid", "gridIds", func(in *deliberation.ProposeInput) { in.GridIDs = []domain.ID{"nope"} }},
		{"Err51Grids", "gridIds", func(in *deliberation.ProposeInput) {
			for range 51 {
				in.GridIDs = append(in.GridIDs, domain.NewID())
			}
		}},
		{"ErrBidiTitle", "title", func(in *deliberation.ProposeInput) { in.Title = "修路\u202e款捐" }},
		{"ErrBodyC1", "body", func(in *deliberation.ProposeInput) { in.Body = "a\u009bb" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.edit(&in)
			_, err := v.svc.Propose(as(v.residents[0]), in)
			if e, isE := domain.AsError(err); !isE || e.Code != domain.Invalid || e.Field != tt.field {
				t.Fatalf("err = %v, want Invalid on %s", err, tt.field)
			}
		})
	}
	t.Run("OKRepeatedGridsStoredOnce", func(t *testing.T) {
		in := ok
		in.GridIDs = slices.Repeat([]domain.ID{v.grid1.ID}, 500)
		topic := must(v.svc.Propose(as(v.residents[0]), in))
		if !slices.Equal(topic.GridIDs, []domain.ID{v.grid1.ID}) {
			t.Errorf("grids = %d IDs, want the one grid once", len(topic.GridIDs))
		}
	})
	t.Run("OK5000Runes", func(t *testing.T) {
		in := ok
		in.Title, in.Body = strings.Repeat("题", 80), strings.Repeat("字", 5000)
		must(v.svc.Propose(as(v.residents[0]), in))
	})
}

// TestSupportRace: 100 residents each support twice, all at once: exactly
// 100 supports. With a threshold of 100 the topic then moves to screening,
// once.
func TestSupportRace(t *testing.T) {
	v := newVillage(t, 100)
	th := 100
	must(v.comms.UpdateSettings(as(v.admin), v.c.ID, community.SettingsUpdate{SupportThreshold: &th}))
	topic := v.propose(t, v.residents[0], "村口停车难")
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for _, r := range v.residents {
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := v.svc.Support(as(r), topic.ID)
				if err != nil && domain.ErrorCode(err) != domain.Conflict {
					errs <- err
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	counts := must(v.svc.SupportCounts(context.Background(), []domain.ID{topic.ID}))
	if counts[topic.ID] != 100 {
		t.Errorf("%d supports, want 100", counts[topic.ID])
	}
	for _, r := range v.residents {
		if !must(v.svc.Supported(as(r), []domain.ID{topic.ID}))[topic.ID] {
			t.Fatalf("resident %s supported, but Supported says no", r)
		}
	}
	if n := must(v.svc.RepairTallies(context.Background())); n != 0 {
		t.Errorf("the race left %d tallies to repair, want none", n)
	}
	got := must(v.svc.Topic(as(v.residents[0]), topic.ID))
	if got.State != deliberation.Screening {
		t.Errorf("state = %s, want screening", got.State)
	}
	n := 0
	for _, e := range must(v.svc.Timeline(as(v.residents[0]), topic.ID)) {
		if e.Kind == "screening" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d screening events, want 1", n)
	}
}

// TestRepairTallies: a support whose tally was never counted (a crash
// between the two) is counted by the repair, once; the viewer's own
// supports are told apart from others'.
func TestRepairTallies(t *testing.T) {
	v := newVillage(t, 3)
	ctx := context.Background()
	a, b := v.propose(t, v.residents[0], "村口停车难"), v.propose(t, v.residents[0], "开办老年食堂")
	must(v.svc.Support(as(v.residents[1]), a.ID))
	must(v.svc.Support(as(v.residents[1]), b.ID))
	must(v.svc.Support(as(v.residents[2]), b.ID))
	third := v.propose(t, v.residents[1], "修缮祠堂")
	crash := func(topic, user domain.ID) {
		d := bson.M{"_id": string(topic) + "/" + string(user), "topic_id": string(topic), "community_id": string(v.c.ID), "user_id": string(user), "created_at": v.clock.Now()}
		if _, err := v.db.Database.Collection("supports").InsertOne(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	crash(a.ID, v.residents[2])     // a tally that falls short
	crash(third.ID, v.residents[0]) // a topic with no tally at all
	ids := []domain.ID{a.ID, b.ID, third.ID}
	if c := must(v.svc.SupportCounts(ctx, ids)); len(c) != 2 || c[a.ID] != 1 || c[b.ID] != 2 {
		t.Fatalf("counts before the repair = %v, want 1, 2 and none", c)
	}
	if n := must(v.svc.RepairTallies(ctx)); n != 2 {
		t.Errorf("repaired %d tallies, want 2", n)
	}
	if got := must(v.svc.SupportCounts(ctx, ids)); got[a.ID] != 2 || got[b.ID] != 2 || got[third.ID] != 1 {
		t.Errorf("counts after the repair = %v, want 2, 2 and 1", got)
	}
	if got := must(v.svc.Supported(as(v.residents[2]), ids)); !got[a.ID] || !got[b.ID] || got[third.ID] {
		t.Errorf("resident 2 supports %v, want the first two", got)
	}
	if got := must(v.svc.Supported(as(v.residents[0]), ids)); len(got) != 1 || !got[third.ID] {
		t.Errorf("the proposer supports %v, want the third only", got)
	}
	if n := must(v.svc.RepairTallies(ctx)); n != 0 {
		t.Errorf("a second repair changed %d tallies, want none", n)
	}
	// Supporting again after the crash changes no count.
	must(v.svc.Support(as(v.residents[2]), a.ID))
	if c := must(v.svc.SupportCounts(ctx, ids)); c[a.ID] != 2 {
		t.Errorf("count after supporting again = %d, want 2", c[a.ID])
	}
}

// TestRepairTopics: claims whose state change a stop interrupted (an exit
// from collecting, an acceptance, a merge) are finished by the repair, once,
// and only when they are older than 5 minutes. A claim where older versions
// kept it, among the timeline's events, is moved out and finished too.
func TestRepairTopics(t *testing.T) {
	v := newVillage(t, 12)
	ctx := context.Background()
	coll := "topic_claims"
	claim := func(topic domain.ID, kind string, extra bson.M) {
		d := bson.M{"_id": string(topic) + "/" + kind, "topic_id": string(topic), "community_id": string(v.c.ID), "kind": kind, "at": v.clock.Now()}
		for k, x := range extra {
			d[k] = x
		}
		if _, err := v.db.Database.Collection(coll).InsertOne(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	toScreening := func(title string) deliberation.Topic {
		tp := v.propose(t, v.residents[0], title)
		for _, r := range v.residents[:10] {
			must(v.svc.Support(as(r), tp.ID))
		}
		return tp
	}
	closing := v.propose(t, v.residents[0], "修缮祠堂")
	coll = "topic_events" // as an older version stored it
	claim(closing.ID, "exit", bson.M{"note": "closed"})
	coll = "topic_claims"
	accepting := toScreening("村口停车难")
	claim(accepting.ID, "decision", bson.M{"actor_id": string(v.committee), "decision": "accept", "body": string(deliberation.VillagersCouncil)})
	into := v.propose(t, v.residents[1], "停车位不够")
	merging := toScreening("村口乱停车")
	claim(merging.ID, "decision", bson.M{"actor_id": string(v.committee), "decision": "merge", "into": string(into.ID), "note": "同一件事"})

	if n := must(v.svc.RepairTopics(ctx, v.clock.Now())); n != 0 {
		t.Fatalf("repaired %d claims made just now, want none (they may be in flight)", n)
	}
	v.clock.Add(6 * time.Minute)
	// Three changes finished, and the two screening decisions among them
	// put in the public record.
	if n := must(v.svc.Repair(ctx, v.clock.Now())); n != 5 {
		t.Fatalf("repaired %d, want 3 changes and 2 facts recorded", n)
	}
	reader := as(v.residents[5])
	if got := must(v.svc.Topic(reader, closing.ID)); got.State != deliberation.Closed {
		t.Errorf("the exit left the topic %s", got.State)
	}
	if got := must(v.svc.Topic(reader, accepting.ID)); got.State != deliberation.Accepted || got.DecidedBody != deliberation.VillagersCouncil {
		t.Errorf("the acceptance left %+v", got)
	}
	if got := must(v.svc.Topic(reader, merging.ID)); got.State != deliberation.Merged || got.MergedInto != into.ID {
		t.Errorf("the merge left %+v", got)
	}
	if c := must(v.svc.SupportCounts(ctx, []domain.ID{into.ID})); c[into.ID] != 10 {
		t.Errorf("the merged topic carried %d supports, want 10", c[into.ID])
	}
	accepted := 0
	for _, e := range must(v.svc.Timeline(reader, accepting.ID)) {
		if e.Kind == "accepted" && e.ActorID == v.committee {
			accepted++
		}
	}
	if accepted != 1 {
		t.Errorf("%d acceptances by the committee on the timeline, want 1", accepted)
	}
	for _, e := range must(v.svc.Timeline(reader, closing.ID)) {
		if e.Kind == "exit" {
			t.Errorf("the old claim is still on the timeline: %+v", e)
		}
	}
	if n := must(v.svc.RepairTopics(ctx, v.clock.Now())); n != 0 {
		t.Errorf("a second repair finished %d, want none", n)
	}
}

func TestSupportWindow(t *testing.T) {
	v := newVillage(t, 3)
	topic := v.propose(t, v.residents[0], "修路灯")
	must(v.svc.Support(as(v.residents[1]), topic.ID))
	_, err := v.svc.Support(as(v.worker), topic.ID) // residents only: the worker is one too
	if err != nil {
		t.Fatalf("worker (also a resident) support: %v", err)
	}
	v.clock.Add(31 * 24 * time.Hour)
	_, err = v.svc.Support(as(v.residents[2]), topic.ID)
	wantCode(t, err, domain.Conflict)
	if n := must(v.svc.CloseExpired(context.Background(), v.clock.Now())); n != 1 {
		t.Errorf("closed %d topics, want 1", n)
	}
	got := must(v.svc.Topic(as(v.residents[0]), topic.ID))
	if got.State != deliberation.Closed {
		t.Errorf("state = %s, want closed (kept)", got.State)
	}
}

func TestScreening(t *testing.T) {
	v := newVillage(t, 12)
	ready := func(title string) deliberation.Topic {
		topic := v.propose(t, v.residents[0], title)
		for _, r := range v.residents[:10] {
			must(v.svc.Support(as(r), topic.ID))
		}
		return must(v.svc.Topic(as(v.admin), topic.ID))
	}
	t.Run("Accept", func(t *testing.T) {
		topic := ready("村口停车难")
		_, err := v.svc.Screen(as(v.residents[0]), deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil})
		wantCode(t, err, domain.Forbidden)
		_, err = v.svc.Screen(as(v.party), deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept})
		wantCode(t, err, domain.Invalid)
		// The party and the committee decide at once: one decision stands.
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, who := range []domain.ID{v.party, v.committee} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = v.svc.Screen(as(who), deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil})
			}()
		}
		wg.Wait()
		if (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("decisions %v, %v: want exactly one", errs[0], errs[1])
		}
		got := must(v.svc.Topic(as(v.residents[5]), topic.ID))
		if got.State != deliberation.Accepted || got.DecidedBody != deliberation.VillagersCouncil {
			t.Errorf("topic = %+v", got)
		}
		var decided *deliberation.Event
		for _, e := range must(v.svc.Timeline(as(v.residents[5]), topic.ID)) {
			if e.Kind == "accepted" {
				decided = &e
			}
		}
		if decided == nil || (decided.ActorID != v.party && decided.ActorID != v.committee) || decided.At.IsZero() {
			t.Errorf("no public accepted event with who and when: %+v", decided)
		}
	})
	t.Run("RejectNeedsReason", func(t *testing.T) {
		topic := ready("养狗扰民")
		_, err := v.svc.Screen(as(v.committee), deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Reject})
		wantCode(t, err, domain.Invalid)
		got := must(v.svc.Screen(as(v.committee), deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Reject, Note: "属于个人纠纷，请找和事佬调解"}))
		if got.State != deliberation.Rejected {
			t.Errorf("state %s", got.State)
		}
	})
	t.Run("MergeCountsSupportersOnce", func(t *testing.T) {
		into := v.propose(t, v.residents[11], "停车位规划")
		must(v.svc.Support(as(v.residents[0]), into.ID)) // supports both
		from := ready("村口车多")
		must(v.svc.Screen(as(v.committee), deliberation.ScreenInput{TopicID: from.ID, Decision: deliberation.Merge, Into: into.ID, Note: "同一件事"}))
		counts := must(v.svc.SupportCounts(context.Background(), []domain.ID{into.ID}))
		// residents 0–9 carried over, resident 0 already there, plus the proposer's none: 10.
		if counts[into.ID] != 10 {
			t.Errorf("%d supports after the merge, want 10", counts[into.ID])
		}
		got := must(v.svc.Topic(as(v.admin), into.ID))
		if got.State != deliberation.Screening {
			t.Errorf("merged-into topic state %s, want screening (reached 10)", got.State)
		}
		_, err := v.svc.Screen(as(v.committee), deliberation.ScreenInput{TopicID: from.ID, Decision: deliberation.Reject, Note: "x"})
		wantCode(t, err, domain.Conflict)
	})
}

func TestComments(t *testing.T) {
	v := newVillage(t, 2)
	topic := v.propose(t, v.residents[0], "垃圾分类")
	c := must(v.svc.AddComment(as(v.residents[1]), deliberation.CommentInput{TopicID: topic.ID, Body: "同意，每周二收厨余。"}))
	reply := must(v.svc.AddComment(as(v.residents[0]), deliberation.CommentInput{TopicID: topic.ID, ParentID: c.ID, Body: "好的"}))
	_, err := v.svc.AddComment(as(v.residents[1]), deliberation.CommentInput{TopicID: topic.ID, ParentID: reply.ID, Body: "再回复"})
	wantCode(t, err, domain.Invalid)
	_, err = v.svc.EditComment(as(v.residents[0]), c.ID, "改")
	wantCode(t, err, domain.Forbidden)
	must(v.svc.EditComment(as(v.residents[1]), c.ID, "同意，每周二、五收厨余。"))
	v.clock.Add(11 * time.Minute)
	_, err = v.svc.EditComment(as(v.residents[1]), c.ID, "再改")
	wantCode(t, err, domain.Forbidden)
	if err := v.svc.ReportComment(as(v.residents[0]), reply.ID, "无关"); err != nil {
		t.Fatal(err)
	}
	if err := v.svc.ReportComment(as(v.residents[0]), reply.ID, "无关"); err != nil {
		t.Fatal(err)
	}
	if n := must(v.svc.ReportCounts(as(v.committee), topic.ID))[reply.ID]; n != 1 {
		t.Errorf("%d reports, want 1 per member", n)
	}
	_, err = v.svc.HideComment(as(v.residents[1]), reply.ID, "无关")
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.HideComment(as(v.committee), reply.ID, "")
	wantCode(t, err, domain.Invalid)
	must(v.svc.HideComment(as(v.committee), reply.ID, "与议题无关"))
	l := must(v.svc.Comments(as(v.residents[1]), topic.ID, domain.Page{First: 10}))
	if l.TotalCount != 2 || l.Items[1].Body != "" || l.Items[1].HiddenReason != "与议题无关" || l.Items[0].Body != "同意，每周二、五收厨余。" {
		t.Errorf("comments = %+v", l.Items)
	}
	if n := must(v.svc.CommentCounts(context.Background(), []domain.ID{topic.ID}))[topic.ID]; n != 1 {
		t.Errorf("%d visible comments, want 1", n)
	}
}

func TestTopicsScoped(t *testing.T) {
	a := newVillage(t, 1)
	topic := a.propose(t, a.residents[0], "村口停车难")
	outsider := must(a.accounts.Register(domain.NewSystemContext(context.Background()), account.RegisterInput{Email: "out@example.com", Password: "password1", Name: "外人"})).User.ID
	_, err := a.svc.Topic(as(outsider), topic.ID)
	wantCode(t, err, domain.NotFound)
	_, err = a.svc.Support(as(outsider), topic.ID)
	wantCode(t, err, domain.NotFound)
	_, err = a.svc.Topics(as(outsider), a.c.ID, deliberation.TopicFilter{}, domain.Page{First: 10})
	wantCode(t, err, domain.Forbidden)
	st := deliberation.Collecting
	l := must(a.svc.Topics(as(a.residents[0]), a.c.ID, deliberation.TopicFilter{State: &st, Search: "停车"}, domain.Page{First: 10}))
	if l.TotalCount != 1 {
		t.Errorf("search found %d", l.TotalCount)
	}
	l = must(a.svc.Topics(as(a.residents[0]), a.c.ID, deliberation.TopicFilter{Search: "(.*"}, domain.Page{First: 10}))
	if l.TotalCount != 0 {
		t.Errorf("regex characters are searched literally: %d", l.TotalCount)
	}
}

func TestDigestSection(t *testing.T) {
	v := newVillage(t, 1)
	v.propose(t, v.residents[0], "村口停车难")
	now := v.clock.Now()
	got := must(v.svc.DigestSection(context.Background(), v.c.ID, domain.Chinese, now.Add(-time.Hour), now.Add(time.Hour)))
	if !strings.Contains(got, "村口停车难") || !strings.Contains(got, "公共事务") {
		t.Errorf("section = %q", got)
	}
	if got := must(v.svc.DigestSection(context.Background(), v.c.ID, domain.English, now.Add(time.Hour), now.Add(2*time.Hour))); got != "" {
		t.Errorf("a week without topics: %q, want nothing", got)
	}
}
