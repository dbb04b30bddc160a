package deliberation_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// TestPoolFixedAtSeed: once the seed is published, registering a resident
// or granting the party member role changes no draw: each rule draws from the pool
// fixed with the seed, whose size and hash are on the timeline, and
// VerifyDraw refuses a draw record that lists anyone outside it.
func TestPoolFixedAtSeed(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.acceptedTopic(t)
	must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{
		{Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Min: 1, Max: 20},
		{Kind: deliberation.PartyMembers, Min: 1, Max: 5},
	}))
	must(v.svc.PublishSeed(as(v.committee), topic.ID))

	var pools []deliberation.Event
	for _, e := range must(v.svc.Timeline(as(v.residents[1]), topic.ID)) {
		if e.Kind == "pool" {
			pools = append(pools, e)
		}
	}
	if len(pools) != 2 {
		t.Fatalf("%d pool events on the timeline, want 2", len(pools))
	}
	for _, e := range pools {
		var n int
		var hash string
		if _, err := fmt.Sscanf(e.Note, "%d %s", &n, &hash); err != nil || n < 1 || len(hash) != 64 {
			t.Errorf("pool event note %q, want its size and SHA-256", e.Note)
		}
	}

	// Steering attempts after the seed.
	newcomer := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro1.ID, Name: "新来的"})).UserID
	must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: v.c.ID, UserID: v.residents[2], Role: domain.RolePartyMember}))

	party := must(v.svc.DrawSeats(as(v.committee), deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.PartyMembers, Count: 5}))
	residents := must(v.svc.DrawSeats(as(v.committee), deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Count: 20}))
	if len(party) == 0 || len(residents) == 0 {
		t.Fatalf("drew %d party members and %d residents", len(party), len(residents))
	}
	for _, seats := range [][]deliberation.Seat{residents, party} {
		rec := must(v.svc.DrawRecord(as(v.residents[1]), seats[0].DrawID))
		if slices.Contains(rec.Eligible, newcomer) || (rec.Salt == "party/" && slices.Contains(rec.Eligible, v.residents[2])) {
			t.Errorf("draw %s drew from a pool changed after the seed: %v", rec.ID, rec.Eligible)
		}
		if !must(v.svc.VerifyDraw(as(v.residents[1]), rec.ID)) {
			t.Errorf("draw %s does not verify", rec.ID)
		}
	}
	for _, st := range append(residents, party...) {
		if st.UserID == newcomer {
			t.Errorf("the resident registered after the seed was drawn")
		}
	}

	// A forged record naming someone outside the pool does not verify.
	rec := must(v.svc.DrawRecord(as(v.residents[1]), party[0].DrawID))
	forged := bson.M{"_id": rec.ID + "-forged", "topic_id": string(topic.ID), "seed": rec.Seed, "salt": rec.Salt, "count": 1,
		"eligible": []string{string(newcomer)}, "drawn": []string{string(newcomer)}, "reserve": []string{}, "at": time.Now()}
	if _, err := v.db.Database.Collection("draws").InsertOne(context.Background(), forged); err != nil {
		t.Fatal(err)
	}
	if must(v.svc.VerifyDraw(as(v.residents[1]), rec.ID+"-forged")) {
		t.Error("a draw from outside the published pool verifies")
	}
}
