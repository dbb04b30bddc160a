package deliberation_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// TestResolution follows an adopted motion through its notice period,
// objections, action items to 100 % and residents' ratings.
func TestResolution(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.acceptedTopic(t)
	members := seatPanel(t, v, topic)
	m := openMotion(t, v, topic, deliberation.MajorityCast, false)
	_, err := v.svc.Adopt(as(v.committee), m.ID)
	wantCode(t, err, domain.Conflict) // not closed
	for _, r := range members[:4] {
		must(0, v.svc.Vote(as(r), m.ID, deliberation.Yes))
	}
	must(v.svc.CloseMotion(as(v.committee), m.ID))
	_, err = v.svc.Adopt(as(v.residents[0]), m.ID)
	wantCode(t, err, domain.Forbidden)
	res := must(v.svc.Adopt(as(v.committee), m.ID))
	if again := must(v.svc.Adopt(as(v.committee), m.ID)); again.ID != res.ID {
		t.Errorf("adopting twice made two resolutions")
	}
	if res.Stage(v.clock.Now()) != "notice" || !res.EffectiveAt.Equal(res.AdoptedAt.Add(deliberation.NoticePeriod)) {
		t.Errorf("resolution = %+v", res)
	}
	obj := must(v.svc.Object(as(v.residents[7]), res.ID, "临时停车场离我家太近"))
	_, err = v.svc.AnswerObjection(as(v.residents[1]), obj.ID, "好")
	wantCode(t, err, domain.Forbidden)
	must(v.svc.AnswerObjection(as(v.committee), obj.ID, "停车场入口将设在远离住户的一侧。"))
	if objs := must(v.svc.Objections(as(v.residents[7]), res.ID)); len(objs) != 1 || objs[0].Answer == "" {
		t.Errorf("objections = %+v", objs)
	}
	v.clock.Add(deliberation.NoticePeriod + time.Hour)
	_, err = v.svc.Object(as(v.residents[8]), res.ID, "晚了")
	wantCode(t, err, domain.Conflict)
	if st := res.Stage(v.clock.Now()); st != "in_effect" {
		t.Errorf("stage %s after the notice period", st)
	}
	a := must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "平整空地、划线", OwnerID: v.worker, Due: v.clock.Now().AddDate(0, 0, 14), Weight: 3}))
	b := must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "设置指示牌", OwnerParty: deliberation.ResidentsCommittee, Due: v.clock.Now().AddDate(0, 0, 21)}))
	_, err = v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "无人负责"})
	wantCode(t, err, domain.Invalid)
	wantCode(t, v.svc.Rate(as(v.residents[2]), res.ID, 5), domain.Conflict) // not done yet
	// The owners find their items in their calendar feeds (read without a login).
	feed := func(user domain.ID) []string {
		var titles []string
		for _, ev := range must(v.svc.UpcomingEvents(context.Background(), user, v.clock.Now())) {
			titles = append(titles, ev.Title)
		}
		return titles
	}
	if got := feed(v.worker); !slices.Contains(got, "平整空地、划线") || slices.Contains(got, "设置指示牌") {
		t.Errorf("the grid worker's feed = %v, want their own item only", got)
	}
	if got := feed(v.committee); !slices.Contains(got, "设置指示牌") {
		t.Errorf("the committee's feed = %v, want the residents' committee's item", got)
	}
	if got := feed(v.residents[3]); len(got) != 0 {
		t.Errorf("a resident's feed = %v, want nothing", got)
	}
	_, err = v.svc.UpdateActionItem(as(v.residents[2]), a.ID, 50, "", "")
	wantCode(t, err, domain.Forbidden)
	// The owner and the committee report at once: every update is kept.
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			by := v.worker
			if i%2 == 1 {
				by = v.committee
			}
			if _, err := v.svc.UpdateActionItem(as(by), a.ID, 10+i, fmt.Sprintf("进展 %d", i), ""); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := must(v.svc.ActionItems(as(v.residents[0]), res.ID)); len(got[0].Updates) != 10 {
		t.Fatalf("%d updates kept of 10 made at once", len(got[0].Updates))
	}
	must(v.svc.UpdateActionItem(as(v.worker), a.ID, 100, "已完成划线", "https://example.org/photo.jpg"))
	items := must(v.svc.ActionItems(as(v.residents[0]), res.ID))
	if p := deliberation.Progress(items); p != 75 {
		t.Errorf("progress %d, want 75 (weights 3 and 1)", p)
	}
	must(v.svc.UpdateActionItem(as(v.committee), b.ID, 100, "指示牌已安装", ""))
	for i, r := range v.residents[:4] {
		if err := v.svc.Rate(as(r), res.ID, 3+i%3); err != nil {
			t.Fatal(err)
		}
	}
	must(0, v.svc.Rate(as(v.residents[0]), res.ID, 5)) // changed, still one rating
	if mine := must(v.svc.MyRating(as(v.residents[0]), res.ID)); mine != 5 {
		t.Errorf("my rating = %d, want 5", mine)
	}
	if mine := must(v.svc.MyRating(as(v.residents[9]), res.ID)); mine != 0 {
		t.Errorf("a resident who did not rate has %d stars", mine)
	}
	if board := must(v.svc.Resolutions(as(v.residents[9]), v.c.ID)); len(board) != 1 || board[0].ID != res.ID {
		t.Errorf("board = %+v", board)
	}
	wantCode(t, v.svc.Rate(as(v.residents[5]), res.ID, 6), domain.Invalid)
	sat := must(v.svc.Satisfaction(as(v.residents[9]), res.ID))
	if sat.Count != 4 || sat.Average != 4.25 {
		t.Errorf("satisfaction = %+v, want 4 ratings averaging 4.25", sat)
	}
	closed := must(v.svc.CloseResolution(as(v.committee), res.ID, deliberation.ClosingInput{Summary: "临时停车场已启用，村口通行顺畅。"}))
	if closed.Stage(v.clock.Now()) != "closed" {
		t.Errorf("stage %s", closed.Stage(v.clock.Now()))
	}
}

// TestNoticePeriodHolds: a resolution takes effect only when its notice
// period has ended and every objection is answered, and closes only after
// that, with its items done or a public reason. Each forbidden transition
// is refused and changes nothing.
func TestNoticePeriodHolds(t *testing.T) {
	v := newVillage(t, 12)
	res := adoptedResolution(t, v, v.acceptedTopic(t))
	it := must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "划线", OwnerID: v.worker, Due: v.clock.Now().AddDate(0, 0, 14)}))
	must(v.svc.UpdateActionItem(as(v.worker), it.ID, 100, "已完成", ""))
	closing := deliberation.ClosingInput{Summary: "已办结"}
	stage := func() string { return must(v.svc.Resolution(as(v.residents[9]), res.ID)).Stage(v.clock.Now()) }

	_, err := v.svc.CloseResolution(as(v.committee), res.ID, closing)
	wantCode(t, err, domain.Conflict) // in the notice period, items done or not
	obj := must(v.svc.Object(as(v.residents[7]), res.ID, "停车场离住户太近"))
	v.clock.Add(deliberation.NoticePeriod + time.Minute)
	if got := stage(); got != deliberation.StageAwaitingAnswers {
		t.Errorf("stage with an unanswered objection after the period = %s", got)
	}
	_, err = v.svc.Object(as(v.residents[8]), res.ID, "晚了")
	wantCode(t, err, domain.Conflict) // the period is over
	_, err = v.svc.CloseResolution(as(v.committee), res.ID, closing)
	wantCode(t, err, domain.Conflict) // an objection is unanswered
	must(v.svc.AnswerObjection(as(v.committee), obj.ID, "入口改设在远离住户的一侧。"))
	if got := stage(); got != deliberation.StageInEffect {
		t.Errorf("stage once every objection is answered = %s", got)
	}
	// Reopened work (an item not done) needs a reason to close.
	must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "设置指示牌", OwnerID: v.worker, Due: v.clock.Now().AddDate(0, 0, 7)}))
	_, err = v.svc.CloseResolution(as(v.committee), res.ID, closing)
	if e, ok := domain.AsError(err); !ok || e.Field != "unfinishedReason" {
		t.Errorf("closing with an item not done and no reason: %v", err)
	}
	if got := stage(); got != deliberation.StageInEffect {
		t.Errorf("a refused close left stage %s", got)
	}
	closing.UnfinishedReason = "指示牌由镇里统一设置"
	closed := must(v.svc.CloseResolution(as(v.committee), res.ID, closing))
	if closed.Stage(v.clock.Now()) != deliberation.StageClosed || closed.UnfinishedReason != "指示牌由镇里统一设置" {
		t.Errorf("closed = %+v", closed)
	}
	_, err = v.svc.CloseResolution(as(v.committee), res.ID, closing)
	wantCode(t, err, domain.Conflict) // closed already
	if got := must(v.svc.Resolution(as(v.residents[9]), res.ID)); got.UnfinishedReason != "指示牌由镇里统一设置" || got.Summary != "已办结" {
		t.Errorf("the record = %+v", got)
	}
}

func TestItemStatus(t *testing.T) {
	now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		progress int
		due      time.Time
		want     deliberation.ItemStatus
	}{
		{0, now.Add(time.Hour), deliberation.ItemNotStarted},
		{40, now.Add(time.Hour), deliberation.ItemInProgress},
		{40, now.Add(-time.Hour), deliberation.ItemOverdue},
		{0, now.Add(-time.Hour), deliberation.ItemOverdue},
		{100, now.Add(-time.Hour), deliberation.ItemDone},
	} {
		if got := (deliberation.ActionItem{Progress: c.progress, Due: c.due}).Status(now); got != c.want {
			t.Errorf("progress %d, due %v: %s, want %s", c.progress, c.due, got, c.want)
		}
	}
}
