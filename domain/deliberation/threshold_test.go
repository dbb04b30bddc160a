package deliberation_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// TestThresholdAfterCrash: the support that reaches a topic's threshold is
// stored, then the server stops before its tally. The topic still goes to
// screening: by the repair at the next start, or, if the window ends first,
// by the close that counts the supports instead of trusting the tally.
func TestThresholdAfterCrash(t *testing.T) {
	v := newVillage(t, 12) // threshold 10
	crashed := func(topic deliberation.Topic) {
		t.Helper()
		for _, r := range v.residents[1:10] {
			must(v.svc.Support(as(r), topic.ID))
		}
		u := v.residents[10]
		d := bson.M{"_id": string(topic.ID) + "/" + string(u), "topic_id": string(topic.ID), "community_id": string(v.c.ID), "user_id": string(u), "created_at": v.clock.Now()}
		if _, err := v.db.Database.Collection("supports").InsertOne(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()

	repaired := v.propose(t, v.residents[0], "修缮祠堂")
	crashed(repaired)
	must(v.svc.RepairTallies(ctx))
	if got := must(v.svc.Topic(as(v.residents[0]), repaired.ID)); got.State != deliberation.Screening {
		t.Errorf("after the repair: %s, want screening", got.State)
	}

	expired := v.propose(t, v.residents[0], "开办老年食堂")
	crashed(expired)
	short := v.propose(t, v.residents[0], "村口停车难")
	must(v.svc.Support(as(v.residents[1]), short.ID))
	v.clock.Add(31 * 24 * time.Hour)
	if n := must(v.svc.CloseExpired(ctx, v.clock.Now())); n != 1 {
		t.Errorf("closed %d, want 1 (the one short of its threshold)", n)
	}
	for id, want := range map[domain.ID]deliberation.State{expired.ID: deliberation.Screening, short.ID: deliberation.Closed} {
		if got := must(v.svc.Topic(as(v.residents[0]), id)); got.State != want {
			t.Errorf("topic %s: %s, want %s", id, got.State, want)
		}
	}
}

// TestThresholdTwoServices: 40 residents support a topic with threshold 40
// at once, through two services sharing one database (as two instances on
// one MongoDB would): every support counts, nobody is told their stored
// support failed, and the topic reaches screening.
func TestThresholdTwoServices(t *testing.T) {
	v := newVillage(t, 41)
	th := 40
	must(v.comms.UpdateSettings(as(v.admin), v.c.ID, community.SettingsUpdate{SupportThreshold: &th}))
	other := deliberation.NewService(v.db.Database, v.comms, v.accounts, deliberation.Config{Notifier: noMail{}, Now: v.clock.Now})
	topic := v.propose(t, v.residents[0], "村口停车难")
	var wg sync.WaitGroup
	for i, r := range v.residents[1:41] {
		svc := v.svc
		if i%2 == 1 {
			svc = other
		}
		wg.Go(func() {
			if _, err := svc.Support(as(r), topic.ID); err != nil {
				t.Errorf("support: %v", err)
			}
		})
	}
	wg.Wait()
	got := must(v.svc.Topic(as(v.residents[0]), topic.ID))
	counts := must(v.svc.SupportCounts(context.Background(), []domain.ID{topic.ID}))
	if got.State != deliberation.Screening || counts[topic.ID] != 40 {
		t.Errorf("state %s, tally %d; want screening and 40", got.State, counts[topic.ID])
	}
}
