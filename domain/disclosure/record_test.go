package disclosure_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/ledger"
)

func TestRecordVersions(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	entries := must(v.record.Entries(context.Background(), v.c.ID, 0, 10))
	if len(entries) != 1 || entries[0].Type != ledger.DisclosureVersion || entries[0].Subject != domain.GlobalID("DisclosureVersion", oct.ID) || entries[0].Role != "committee" {
		t.Fatalf("record = %+v", entries)
	}
	var p map[string]any
	must(0, json.Unmarshal(entries[0].Payload, &p))
	if p["contentHash"] != oct.ContentHash || p["closing"] != float64(1379950) || p["period"] != "2026-10" {
		t.Errorf("payload = %s", entries[0].Payload)
	}
	if strings.Contains(string(entries[0].Payload), string(v.committee)) {
		t.Errorf("the record names the publisher: %s", entries[0].Payload)
	}
	// Anyone holding the version recomputes its hash; any change shows.
	got := must(v.svc.Version(anonymous, oct.ID))
	if disclosure.ContentHash(got) != oct.ContentHash {
		t.Error("the stored version does not hash to its recorded hash")
	}
	got.Content.Finance.Items[0].Amount++
	if disclosure.ContentHash(got) == oct.ContentHash {
		t.Error("a changed amount hashes the same")
	}
	// A party disclosure published by the party organisation says so.
	d := must(v.svc.CreateDraft(as(v.party), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-11-01",
		Content: disclosure.DraftContent{Title: "党员大会", Body: "选举"}}))
	must(v.svc.Publish(as(v.party), d.ID))
	entries = must(v.record.Entries(context.Background(), v.c.ID, 0, 10))
	if len(entries) != 2 || entries[1].Role != "party" {
		t.Errorf("party entry = %+v", entries[1])
	}
}

func TestRepair(t *testing.T) {
	v := newVillage(t)
	// Published while the record was away.
	away := disclosure.NewService(v.db.Database, v.comms, disclosure.Config{Now: v.clock.Now})
	draft := v.financeDraft(t, "2026-10", 0)
	pub := must(away.Publish(as(v.committee), draft.ID))
	q := must(away.Ask(as(v.residents[0]), pub.ID, "问"))
	must(away.Answer(as(v.committee), q.ID, "答"))
	// A stop between a version's publication and its summary, and one
	// between a disclosure and its first version.
	ctx := context.Background()
	must(dbtest.Collection(v.db, "disclosures").UpdateOne(ctx, bson.M{"_id": string(pub.DisclosureID)}, bson.M{"$set": bson.M{"published": 0}}))
	must(dbtest.Collection(v.db, "disclosures").InsertOne(ctx, bson.M{"_id": string(domain.NewID()), "community_id": string(v.c.ID), "kind": "village",
		"period": "2026-Q3", "slot": string(v.c.ID) + "/village/2026-Q3", "published": 0, "created_at": v.clock.Now().Add(-2 * time.Hour)}))
	if got, _ := v.svc.Disclosure(anonymous, pub.DisclosureID); got.Published != 0 {
		t.Fatalf("the summary was not set back: %+v", got)
	}
	fixed := must(v.svc.Repair(ctx, v.clock.Now()))
	if fixed != 4 {
		t.Errorf("Repair fixed %d things, want the orphan, the summary, the version's and the answer's entries", fixed)
	}
	d := must(v.svc.Disclosure(anonymous, pub.DisclosureID))
	if d.Published != 1 || d.Current.ID != pub.ID || !d.FirstPublishedAt.Equal(pub.PublishedAt) {
		t.Errorf("repaired = %+v", d)
	}
	v.villageDraft(t, "2026-Q3", "村务") // the orphan's period is free again
	entries := must(v.record.Entries(ctx, v.c.ID, 0, 10))
	if len(entries) != 2 || entries[0].Type != ledger.DisclosureVersion || entries[1].Type != ledger.QuestionAnswer {
		t.Errorf("record = %+v", entries)
	}
	if again := must(v.svc.Repair(ctx, v.clock.Now())); again != 0 {
		t.Errorf("a second repair fixed %d", again)
	}
}
