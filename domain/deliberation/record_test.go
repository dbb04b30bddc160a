package deliberation_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/ledger"
)

// TestPublicRecord: the screening decision, the draw, a secret ballot's
// result, the resolution and its closing go into the community's record,
// once each, and the export verifies offline; the secret ballot's entry
// holds no counts, and no entry names anyone.
func TestPublicRecord(t *testing.T) {
	v := newVillage(t, 20)
	topic := v.acceptedTopic(t)
	must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{
		{Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Min: 3, Max: 5},
		{Kind: deliberation.Representatives, Min: 0, Max: 6},
	}))
	must(v.svc.PublishSeed(as(v.committee), topic.ID))
	drawn := must(v.svc.DrawSeats(as(v.committee), deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Count: 3}))
	var panel []domain.ID
	for _, s := range drawn {
		must(v.svc.RespondToSeat(as(s.UserID), topic.ID, true))
		panel = append(panel, s.UserID)
	}
	m := openMotion(t, v, topic, deliberation.MajorityCast, true)
	for _, r := range panel {
		must(0, v.svc.Vote(as(r), m.ID, deliberation.Yes))
	}
	must(v.svc.CloseMotion(as(v.committee), m.ID))
	_, err := v.svc.CloseMotion(as(v.committee), m.ID) // refused: recorded once
	wantCode(t, err, domain.Conflict)
	// An open vote's entry holds its counts, and still no one's choice.
	shown := openMotion(t, v, topic, deliberation.MajorityCast, false)
	for i, r := range panel {
		choice := deliberation.Yes
		if i == 0 {
			choice = deliberation.No
		}
		must(0, v.svc.Vote(as(r), shown.ID, choice))
	}
	must(v.svc.CloseMotion(as(v.committee), shown.ID))
	res := must(v.svc.Adopt(as(v.committee), m.ID))
	v.clock.Add(deliberation.NoticePeriod + time.Hour)
	must(v.svc.CloseResolution(as(v.committee), res.ID, deliberation.ClosingInput{Summary: "已在村委会后空地划出 20 个车位", UnfinishedReason: "事项另行跟进"}))

	var out bytes.Buffer
	if err := v.record.Export(context.Background(), &out, v.c.ID); err != nil {
		t.Fatal(err)
	}
	byType := map[ledger.Type][]map[string]any{}
	for line := range strings.Lines(out.String()) {
		var e struct {
			Kind    string         `json:"kind"`
			Type    ledger.Type    `json:"type"`
			Subject string         `json:"subject"`
			Role    string         `json:"role"`
			Payload map[string]any `json:"payload"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		if e.Kind == "entry" {
			byType[e.Type] = append(byType[e.Type], e.Payload)
		}
	}
	for typ, want := range map[ledger.Type]int{ledger.Screening: 1, ledger.Draw: 1, ledger.VoteResult: 2, ledger.Resolution: 1, ledger.ResolutionClosed: 1} {
		if len(byType[typ]) != want {
			t.Errorf("%d %s entries, want %d", len(byType[typ]), typ, want)
		}
	}
	if p := byType[ledger.Screening][0]; p["decision"] != string(deliberation.Accept) || p["title"] != topic.Title {
		t.Errorf("screening entry %v", p)
	}
	if p := byType[ledger.Draw][0]; p["count"] != float64(3) || len(p["eligibleHash"].(string)) != 64 || len(p["drawn"].([]any)) != 3 {
		t.Errorf("draw entry %v", p)
	}
	vote := byType[ledger.VoteResult][0]
	for _, count := range []string{"yes", "no", "abstain", "parties"} {
		if _, ok := vote[count]; ok {
			t.Errorf("the secret ballot's entry holds %q: %v", count, vote)
		}
	}
	if vote["passed"] != true || vote["cast"] != float64(3) || vote["secret"] != true {
		t.Errorf("vote entry %v", vote)
	}
	if open := byType[ledger.VoteResult][1]; open["secret"] != false || open["yes"] != float64(2) || open["no"] != float64(1) || open["abstain"] != float64(0) {
		t.Errorf("open vote entry %v", open)
	}
	votes, _ := json.Marshal(byType[ledger.VoteResult])
	for _, r := range panel {
		if strings.Contains(string(votes), string(r)) {
			t.Errorf("a vote entry names the voter %s", r)
		}
	}
	if byType[ledger.Resolution][0]["text"] != res.Text {
		t.Errorf("resolution entry %v", byType[ledger.Resolution][0])
	}
	for _, name := range []string{"居民", "管理员", "@example.com"} {
		if strings.Contains(out.String(), name) {
			t.Errorf("the record names someone: it holds %q", name)
		}
	}
	if _, err := v.record.PublishHead(context.Background(), v.c.ID, v.clock.Now()); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	must(0, v.record.Export(context.Background(), &out, v.c.ID))
	if rep, err := ledger.Verify(&out, v.record.PublicKey()); err != nil || rep.Entries != 6 || rep.Heads != 1 {
		t.Errorf("verify: %+v, %v; want 6 entries under 1 head", rep, err)
	}
}

// TestRecordMissing: decisions made by a service that kept no record (an
// older version, or a failed append) are recorded by the repair, once.
func TestRecordMissing(t *testing.T) {
	v := newVillage(t, 12)
	unrecorded := deliberation.NewService(v.db.Database, v.comms, v.accounts, deliberation.Config{Now: v.clock.Now})
	topic := must(unrecorded.Propose(as(v.residents[0]), deliberation.ProposeInput{CommunityID: v.c.ID, Title: "路灯不亮", Category: deliberation.PublicAffairs}))
	for _, r := range v.residents[:10] {
		must(unrecorded.Support(as(r), topic.ID))
	}
	must(unrecorded.Screen(as(v.committee), deliberation.ScreenInput{TopicID: topic.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
	must(unrecorded.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: 3, Max: 3}}))
	for _, r := range v.residents[:3] {
		must(unrecorded.Nominate(as(v.committee), topic.ID, r, deliberation.Representatives, ""))
		must(unrecorded.RespondToSeat(as(r), topic.ID, true))
	}
	m := must(unrecorded.OpenMotion(as(v.committee), deliberation.MotionInput{TopicID: topic.ID, Text: "修复路灯", Method: deliberation.MajorityCast, Deadline: v.clock.Now().Add(time.Hour)}))
	for _, r := range v.residents[:3] {
		must(0, unrecorded.Vote(as(r), m.ID, deliberation.Yes))
	}
	must(unrecorded.CloseMotion(as(v.committee), m.ID))
	must(unrecorded.Adopt(as(v.committee), m.ID))

	if n := must(v.svc.RecordMissing(context.Background())); n != 3 {
		t.Errorf("recorded %d missing facts, want 3 (screening, result, resolution)", n)
	}
	if n := must(v.svc.RecordMissing(context.Background())); n != 0 {
		t.Errorf("a second repair recorded %d more", n)
	}
	for _, typ := range []ledger.Type{ledger.Screening, ledger.VoteResult, ledger.Resolution} {
		if got := must(v.record.Recorded(context.Background(), v.c.ID, typ)); len(got) != 1 {
			t.Errorf("%s entries: %v", typ, got)
		}
	}
}
