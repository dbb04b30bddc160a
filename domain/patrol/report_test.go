package patrol_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/patrol"
)

// TestReportsAndTriage: a patroller reports a blocked fire exit; bad input
// is refused by field; the grid worker refers it to the property firm
// with a due date, once; others see only their own reports.
func TestReportsAndTriage(t *testing.T) {
	v := newVillage(t)
	worker := v.staff(t, "网格员", domain.RoleGridWorker, v.grid.ID)
	other := v.staff(t, "溪口网格员", domain.RoleGridWorker, v.grid2.ID)
	in := patrol.ReportInput{CommunityID: v.c.ID, Kind: patrol.Hazard, MicroGridID: v.micro.ID, Place: "文化礼堂东侧消防通道", Severity: patrol.High,
		Text: "消防通道被三轮车堵住", Photos: []string{"https://files.example/exit.jpg"}}
	for _, tt := range []struct {
		field string
		edit  func(*patrol.ReportInput)
	}{
		{"kind", func(in *patrol.ReportInput) { in.Kind = "fire" }},
		{"severity", func(in *patrol.ReportInput) { in.Severity = "" }},
		{"microGridId", func(in *patrol.ReportInput) { in.MicroGridID = domain.NewID() }},
		{"photos[0]", func(in *patrol.ReportInput) { in.Photos = []string{"javascript:alert(1)"} }},
		{"text", func(in *patrol.ReportInput) { in.Text = "" }},
	} {
		bad := in
		tt.edit(&bad)
		_, err := v.svc.FileReport(as(v.residents[0]), bad)
		wantField(t, err, tt.field)
	}
	r := must(v.svc.FileReport(as(v.residents[0]), in))
	if r.Triage != patrol.Untriaged || r.GridID != v.grid.ID {
		t.Fatalf("report = %+v", r)
	}
	_, err := v.svc.Report(as(v.residents[1]), r.ID)
	wantCode(t, err, domain.NotFound)
	_, err = v.svc.TriageReport(as(other), patrol.TriageInput{ReportID: r.ID, Action: patrol.Resolved})
	wantCode(t, err, domain.Forbidden)
	_, err = v.svc.TriageReport(as(worker), patrol.TriageInput{ReportID: r.ID, Action: patrol.Referred, ReferredTo: "物业公司"})
	wantField(t, err, "due")
	got := must(v.svc.TriageReport(as(worker), patrol.TriageInput{ReportID: r.ID, Action: patrol.Referred, ReferredTo: "杭州青禾物业",
		Due: v.clock.Now().AddDate(0, 0, 3), Note: "请物业三天内清理"}))
	if got.Triage != patrol.Referred || got.ReferredTo != "杭州青禾物业" || got.TriagedBy != worker {
		t.Fatalf("triaged = %+v", got)
	}
	_, err = v.svc.TriageReport(as(worker), patrol.TriageInput{ReportID: r.ID, Action: patrol.Resolved})
	wantCode(t, err, domain.Conflict)
	if mine := must(v.svc.Reports(as(v.residents[1]), v.c.ID, nil)); len(mine) != 0 {
		t.Fatalf("another resident lists %+v", mine)
	}
	if theirs := must(v.svc.Reports(as(other), v.c.ID, nil)); len(theirs) != 0 {
		t.Fatalf("another grid's worker lists %+v", theirs)
	}
	if all := must(v.svc.Reports(as(v.committee), v.c.ID, nil)); len(all) != 1 {
		t.Fatalf("the committee lists %d", len(all))
	}
}

// TestMediation: a dispute goes to the 和事佬 queue; a mediator takes it,
// records a session and an agreement, and the parties confirm; the
// details are for mediators and the committee, the public sees counts.
func TestMediation(t *testing.T) {
	v := newVillage(t)
	worker := v.staff(t, "网格员", domain.RoleGridWorker, v.grid.ID)
	mediator := v.staff(t, "和事佬", domain.RoleMediator, "")
	r := must(v.svc.FileReport(as(v.residents[0]), patrol.ReportInput{CommunityID: v.c.ID, Kind: patrol.Dispute, MicroGridID: v.micro.ID,
		Place: "古城一组 5 号、7 号之间", Severity: patrol.Medium, Text: "两户为屋檐滴水吵起来了"}))
	_, err := v.svc.TriageReport(as(worker), patrol.TriageInput{ReportID: r.ID, Action: patrol.Mediation})
	wantField(t, err, "parties")
	_, err = v.svc.Report(as(mediator), r.ID)
	wantCode(t, err, domain.NotFound) // not a case yet
	r = must(v.svc.TriageReport(as(worker), patrol.TriageInput{ReportID: r.ID, Action: patrol.Mediation, Parties: "王家、李家"}))
	if got := must(v.svc.Report(as(mediator), r.ID)); got.Text != r.Text {
		t.Fatalf("the mediator reads the case's report: %+v", got)
	}
	_, err = v.svc.Case(as(v.residents[0]), r.CaseID)
	wantCode(t, err, domain.NotFound)
	_, err = v.svc.Cases(as(worker), v.c.ID)
	wantCode(t, err, domain.Forbidden)
	must(v.svc.TakeCase(as(mediator), r.CaseID))
	_, err = v.svc.TakeCase(as(v.committee), r.CaseID)
	wantCode(t, err, domain.Conflict)
	_, err = v.svc.RecordSession(as(v.committee), r.CaseID, "我来记")
	wantCode(t, err, domain.Forbidden)
	must(v.svc.RecordSession(as(mediator), r.CaseID, "分别听取两家意见，现场查看屋檐。"))
	_, err = v.svc.CloseCase(as(mediator), r.CaseID, "done", "", "")
	wantField(t, err, "outcome")
	c := must(v.svc.CloseCase(as(mediator), r.CaseID, patrol.CaseAgreed, "王家加装接水槽，费用两家各半。", ""))
	c = must(v.svc.ConfirmOutcome(as(mediator), c.ID, "王家"))
	c = must(v.svc.ConfirmOutcome(as(mediator), c.ID, "李家"))
	if c.State != patrol.CaseAgreed || len(c.Sessions) != 1 || len(c.Confirmed) != 2 || c.MediatorID != mediator {
		t.Fatalf("case = %+v", c)
	}
	counts := must(v.svc.CountCases(as(v.residents[1]), v.c.ID))
	if counts[patrol.CaseAgreed] != 1 {
		t.Fatalf("counts = %v", counts)
	}
}

// TestRepeatedReportsSuggestTopic: three parking reports in one
// micro-grid within 30 days suggest a topic to its grid worker; reports
// older than that, or of another kind, do not count.
func TestRepeatedReportsSuggestTopic(t *testing.T) {
	v := newVillage(t)
	worker := v.staff(t, "网格员", domain.RoleGridWorker, v.grid.ID)
	file := func(kind patrol.ReportKind) {
		must(v.svc.FileReport(as(v.residents[0]), patrol.ReportInput{CommunityID: v.c.ID, Kind: kind, MicroGridID: v.micro.ID,
			Place: "村口", Severity: patrol.Low, Text: "车辆乱停挡住路口"}))
	}
	file(patrol.Civility)
	v.clock.Add(31 * 24 * time.Hour) // the first is too old now
	file(patrol.Civility)
	file(patrol.Civility)
	file(patrol.Hazard)
	if got := must(v.svc.Suggestions(as(worker), v.c.ID)); len(got) != 0 {
		t.Fatalf("two within 30 days suggest %+v", got)
	}
	file(patrol.Civility)
	got := must(v.svc.Suggestions(as(worker), v.c.ID))
	if len(got) != 1 || got[0].Kind != patrol.Civility || len(got[0].Reports) != 3 {
		t.Fatalf("suggestions = %+v", got)
	}
	if none := must(v.svc.Suggestions(as(v.residents[0]), v.c.ID)); len(none) != 0 {
		t.Fatalf("a resident is suggested %+v", none)
	}
}

// staff registers a member of the village with a role.
func (v *village) staff(t *testing.T, name string, role domain.Role, grid domain.ID) domain.ID {
	t.Helper()
	m := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: name}))
	must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: v.c.ID, UserID: m.UserID, Role: role, GridID: grid}))
	return m.UserID
}

// recorder keeps what the area queues, once per key, as notify's outbox
// does.
type recorder struct {
	keys  map[string]bool
	items []notify.Item
}

func (r *recorder) Enqueue(_ context.Context, it notify.Item) error {
	if r.keys == nil {
		r.keys = map[string]bool{}
	}
	k := string(it.Kind) + "|" + it.Subject + "|" + string(it.RecipientID) + "|" + it.Occurrence
	if !r.keys[k] {
		r.keys[k] = true
		r.items = append(r.items, it)
	}
	return nil
}

func (r *recorder) of(kind notify.Kind) []notify.Item {
	var out []notify.Item
	for _, it := range r.items {
		if it.Kind == kind {
			out = append(out, it)
		}
	}
	return out
}

// TestRemindTodosCalendar: the evening before a shift its patroller is
// reminded with the route's start and team-mates; a dropped shift within
// 48 h goes to the captain and the members who may take it, and to the
// captain's to-dos; a report untriaged for a day to its grid's worker;
// the shift is in the calendar feed.
func TestRemindTodosCalendar(t *testing.T) {
	v := newVillage(t)
	notes := &recorder{}
	svc := patrol.NewService(v.db.Database, v.comms, patrol.Config{Notifier: notes, Now: v.clock.Now})
	v.svc = svc
	worker := v.staff(t, "网格员", domain.RoleGridWorker, v.grid.ID)
	team, ids := v.team(t, 6)
	must(svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	// The first shift the captain is not on, and one of its two holders.
	onShift := map[domain.ID][]domain.ID{}
	held := map[domain.ID]patrol.Position{} // each holder's place on the shift
	for _, id := range ids {
		for _, p := range must(svc.MyShifts(as(id), team.ID, "2026-12")) {
			onShift[p.ShiftID] = append(onShift[p.ShiftID], id)
			held[p.ShiftID+"|"+id] = p
		}
	}
	var first patrol.Position
	var who, coHolder domain.ID
	for shift, on := range onShift {
		if p := held[shift+"|"+on[0]]; !slices.Contains(on, v.captain) && (first.ID == "" || p.Start.Before(first.Start)) {
			first, who, coHolder = p, on[0], on[1]
		}
	}
	loc := v.c.Location()
	eve := first.Start.In(loc).AddDate(0, 0, -1)
	v.clock.Set(time.Date(eve.Year(), eve.Month(), eve.Day(), 19, 0, 0, 0, loc))
	must(svc.Remind(t.Context(), v.c.ID, v.clock.Now()))
	shifts := notes.of(patrol.KindShift)
	var mine []notify.Item
	for _, it := range shifts {
		if it.RecipientID == who && strings.HasPrefix(it.Subject, "position:"+string(first.ID)) {
			mine = append(mine, it)
		}
	}
	if len(mine) != 1 || mine[0].Data["start"] != "村口" || mine[0].Data["when"] != "明天" {
		t.Fatalf("the evening before: %+v", mine)
	}
	if events := must(svc.UpcomingEvents(t.Context(), who, v.clock.Now())); len(events) == 0 || events[0].Location != "村口" {
		t.Fatalf("calendar = %+v", events)
	}
	// The open place is told to the captain and to those who may take it:
	// the one who dropped it and a newcomer free all week, not the member
	// already on that shift, nor a newcomer whose day off it falls on.
	var free []patrol.Slot
	for d := time.Sunday; d <= time.Saturday; d++ {
		free = append(free, patrol.Slot{Weekday: d, Start: 7 * 60, End: 22 * 60})
	}
	newcomer, dayOff := v.residents[1], v.residents[2]
	must(svc.Join(as(newcomer), patrol.MemberInput{TeamID: team.ID, Weekly: free}))
	must(svc.Join(as(dayOff), patrol.MemberInput{TeamID: team.ID, Weekly: free, DaysOff: []time.Weekday{first.Start.In(loc).Weekday()}}))
	must(svc.Drop(as(who), first.ID))
	must(svc.Remind(t.Context(), v.c.ID, v.clock.Now()))
	told := map[domain.ID]bool{}
	for _, it := range notes.of(patrol.KindShiftUnfilled) {
		if it.Subject == "position:"+string(first.ID) {
			told[it.RecipientID] = true
		}
	}
	for id, want := range map[domain.ID]bool{v.captain: true, who: true, newcomer: true, coHolder: false, dayOff: false} {
		if told[id] != want {
			t.Errorf("%s told of the open place: %v, want %v (told %v)", id, told[id], want, told)
		}
	}
	fill := 0
	for _, td := range must(svc.Todos(as(v.captain), v.c.ID)) {
		if p, ok := td.Subject.(patrol.Position); ok && td.Kind == patrol.TodoFillShift && p.ID == first.ID {
			fill++
		}
	}
	if fill != 1 {
		t.Fatalf("the captain's to-dos lack the open place %s", first.ID)
	}
	r := must(svc.FileReport(as(v.residents[0]), patrol.ReportInput{CommunityID: v.c.ID, Kind: patrol.Hazard, MicroGridID: v.micro.ID,
		Place: "古桥", Severity: patrol.High, Text: "桥栏杆松动"}))
	if todos := must(svc.Todos(as(worker), v.c.ID)); len(todos) != 1 || todos[0].Kind != patrol.TodoTriageReport {
		t.Fatalf("the grid worker's to-dos: %+v", todos)
	}
	v.clock.Add(25 * time.Hour)
	must(svc.Remind(t.Context(), v.c.ID, v.clock.Now()))
	if got := notes.of(patrol.KindReportUntriaged); len(got) != 1 || got[0].RecipientID != worker || got[0].Subject != "report:"+string(r.ID) {
		t.Fatalf("untriaged: %+v", got)
	}
}
