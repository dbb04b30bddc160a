package patrol_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/patrol"
)

// TestPermissionMatrix calls every method of the patrol area that changes
// state as a resident, a team member, the captain, the committee, a grid
// worker, a mediator, another community's committee and mediator, and an
// anonymous client, and checks that exactly the designed callers
// pass the permission gate (fail with anything but Unauthenticated,
// Forbidden or NotFound, or succeed). Then it checks that a mediation
// case's details reach only the mediators and the committee.
func TestPermissionMatrix(t *testing.T) {
	v := newVillage(t)
	team, ids := v.team(t, 6)
	must(v.svc.GenerateRoster(as(v.captain), team.ID, "2026-12"))
	must(v.svc.PublishRoster(as(v.captain), team.ID, "2026-12"))
	st := must(v.comms.Street(context.Background(), v.c.StreetID))
	other := must(v.comms.CreateCommunity(domain.NewSystemContext(as(v.admin)), community.CommunityInput{StreetID: st.ID, Name: "前溪村", Kind: community.Village, Code: "330110109203", AdminID: v.admin}))
	og := must(v.comms.CreateGrid(as(v.admin), other.ID, community.GridInput{Name: "一片", Code: "Q1"}))
	om := must(v.comms.CreateMicroGrid(as(v.admin), og.ID, community.GridInput{Name: "一组", Code: "Q1-1"}))
	outsider := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: other.ID, MicroGridID: om.ID, Name: "外村人"})).UserID
	must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: other.ID, UserID: outsider, Role: domain.RoleCommittee}))
	otherMediator := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: other.ID, MicroGridID: om.ID, Name: "外村和事佬"})).UserID
	must(v.comms.AssignRole(as(v.admin), community.RoleInput{CommunityID: other.ID, UserID: otherMediator, Role: domain.RoleMediator}))
	worker := v.staff(t, "网格员", domain.RoleGridWorker, v.grid.ID)
	mediator := v.staff(t, "和事佬", domain.RoleMediator, "")
	member := ids[1]
	callers := []struct {
		name string
		ctx  context.Context
	}{
		{"resident", as(v.residents[1])}, {"member", as(member)}, {"captain", as(v.captain)}, {"committee", as(v.committee)},
		{"grid_worker", as(worker)}, {"mediator", as(mediator)},
		{"other_committee", as(outsider)}, {"other_mediator", as(otherMediator)}, {"anonymous", context.Background()},
	}
	captains := []string{"captain", "committee"}
	members := []string{"resident", "member", "captain", "committee", "grid_worker", "mediator"}
	triagers := []string{"grid_worker", "committee"}
	mediators := []string{"mediator", "committee"}
	dispute := func() patrol.Report {
		return must(v.svc.FileReport(as(v.residents[0]), patrol.ReportInput{CommunityID: v.c.ID, Kind: patrol.Dispute, MicroGridID: v.micro.ID,
			Place: "古城一组 5 号、7 号之间", Severity: patrol.Medium, Text: "两户为屋檐滴水吵起来了"}))
	}
	openCase := func() domain.ID {
		return must(v.svc.TriageReport(as(worker), patrol.TriageInput{ReportID: dispute().ID, Action: patrol.Mediation, Parties: "王家、李家"})).CaseID
	}
	takenCase := func() domain.ID { id := openCase(); must(v.svc.TakeCase(as(mediator), id)); return id }
	closedCase := func() domain.ID {
		id := takenCase()
		must(v.svc.RecordSession(as(mediator), id, "分别听取两家意见。"))
		must(v.svc.CloseCase(as(mediator), id, patrol.CaseAgreed, "王家加装接水槽，费用两家各半。", ""))
		return id
	}
	free := []patrol.Slot{{Weekday: time.Saturday, Start: 7 * 60, End: 22 * 60}}
	routes := must(v.svc.Routes(as(v.captain), team.ID))
	n := 0
	fresh := func() string { n++; return fmt.Sprintf("%d", n) }
	ops := []struct {
		name    string
		allowed []string
		call    func(context.Context) error
	}{
		// Leaving comes before join, which makes more callers members. The
		// captain passes the gate, and the rule refuses (Conflict).
		{"leaveTeam", []string{"member", "captain"}, func(ctx context.Context) error {
			_, err := v.svc.LeaveTeam(ctx, team.ID, "")
			if err == nil {
				must(v.svc.Join(ctx, patrol.MemberInput{TeamID: team.ID, Weekly: free})) // back, for the next callers
			}
			return err
		}},
		{"removeMember", captains, func(ctx context.Context) error {
			_, _ = v.svc.Join(as(ids[4]), patrol.MemberInput{TeamID: team.ID, Weekly: free}) // in the team again, if removed before
			_, err := v.svc.LeaveTeam(ctx, team.ID, ids[4])
			return err
		}},
		{"createTeam", []string{"committee"}, func(ctx context.Context) error {
			_, err := v.svc.CreateTeam(ctx, v.c.ID, "第"+fresh()+"巡防队", v.captain)
			return err
		}},
		{"join", members, func(ctx context.Context) error {
			_, err := v.svc.Join(ctx, patrol.MemberInput{TeamID: team.ID})
			return err
		}},
		{"setOtherMember", captains, func(ctx context.Context) error {
			_, err := v.svc.SetMember(ctx, patrol.MemberInput{TeamID: team.ID, UserID: ids[2], MaxPerWeek: 5})
			return err
		}},
		{"addRoute", captains, func(ctx context.Context) error {
			_, err := v.svc.AddRoute(ctx, team.ID, v.grid.ID, "线"+fresh(), []patrol.CheckpointInput{{Name: "村口", MicroGridID: v.micro.ID}})
			return err
		}},
		{"addTemplate", captains, func(ctx context.Context) error {
			_, err := v.svc.AddTemplate(ctx, patrol.TemplateInput{TeamID: team.ID, RouteID: routes[0].ID, Name: "班" + fresh(), Days: []time.Weekday{time.Monday},
				Start: 600, End: 660, Min: 1, Max: 1, Weight: 1})
			return err
		}},
		{"generate", captains, func(ctx context.Context) error { _, err := v.svc.GenerateRoster(ctx, team.ID, "2027-01"); return err }},
		{"publish", captains, func(ctx context.Context) error { _, err := v.svc.PublishRoster(ctx, team.ID, "2026-12"); return err }},
		{"markMissed", captains, func(ctx context.Context) error {
			p := must(v.svc.MyShifts(as(ids[2]), team.ID, "2026-12"))[0]
			_, err := v.svc.MarkMissed(ctx, p.ID)
			return err
		}},
		{"dropOthers", nil, func(ctx context.Context) error {
			p := must(v.svc.MyShifts(as(ids[3]), team.ID, "2026-12"))[0]
			_, err := v.svc.Drop(ctx, p.ID)
			return err
		}},
		{"fileReport", members, func(ctx context.Context) error {
			_, err := v.svc.FileReport(ctx, patrol.ReportInput{CommunityID: v.c.ID, Kind: patrol.Hazard, MicroGridID: v.micro.ID,
				Place: "文化礼堂东侧", Severity: patrol.High, Text: "消防通道被三轮车堵住"})
			return err
		}},
		{"triageReport", triagers, func(ctx context.Context) error {
			_, err := v.svc.TriageReport(ctx, patrol.TriageInput{ReportID: dispute().ID, Action: patrol.Resolved})
			return err
		}},
		{"triageToMediation", triagers, func(ctx context.Context) error {
			_, err := v.svc.TriageReport(ctx, patrol.TriageInput{ReportID: dispute().ID, Action: patrol.Mediation, Parties: "王家、李家"})
			return err
		}},
		{"escalateReport", triagers, func(ctx context.Context) error {
			_, err := v.svc.EscalationFor(ctx, dispute().ID)
			return err
		}},
		{"takeMediationCase", mediators, func(ctx context.Context) error {
			_, err := v.svc.TakeCase(ctx, openCase())
			return err
		}},
		{"recordMediationSession", []string{"mediator"}, func(ctx context.Context) error {
			_, err := v.svc.RecordSession(ctx, takenCase(), "两家坐下来谈。")
			return err
		}},
		{"closeMediationCase", []string{"mediator"}, func(ctx context.Context) error {
			_, err := v.svc.CloseCase(ctx, takenCase(), patrol.CaseNoAgree, "两家各执一词。", "")
			return err
		}},
		{"confirmMediationOutcome", []string{"mediator"}, func(ctx context.Context) error {
			_, err := v.svc.ConfirmOutcome(ctx, closedCase(), "王家")
			return err
		}},
	}
	var wrong []string
	for _, op := range ops {
		for _, c := range callers {
			err := op.call(c.ctx)
			code := domain.ErrorCode(err)
			if code == domain.Internal {
				t.Fatalf("%s as %s: %v", op.name, c.name, err)
			}
			passed := code != domain.Unauthenticated && code != domain.Forbidden && code != domain.NotFound
			if want := slices.Contains(op.allowed, c.name); passed != want {
				wrong = append(wrong, fmt.Sprintf("%s as %s: passed=%v (%v), want %v", op.name, c.name, passed, err, want))
			}
		}
	}

	// A case's parties, sessions and terms reach the mediators and the
	// committee only, by every read that carries them.
	closed := closedCase()
	openCase() // for the mediators' to-dos
	reads := []struct {
		name    string
		allowed []string
		read    func(context.Context) ([]patrol.Case, error)
	}{
		{"case", mediators, func(ctx context.Context) ([]patrol.Case, error) {
			c, err := v.svc.Case(ctx, closed)
			return []patrol.Case{c}, err
		}},
		{"cases", mediators, func(ctx context.Context) ([]patrol.Case, error) { return v.svc.Cases(ctx, v.c.ID) }},
		{"todos", []string{"mediator"}, func(ctx context.Context) ([]patrol.Case, error) {
			todos, err := v.svc.Todos(ctx, v.c.ID)
			var out []patrol.Case
			for _, td := range todos {
				if c, ok := td.Subject.(patrol.Case); ok {
					out = append(out, c)
				}
			}
			return out, err
		}},
	}
	for _, r := range reads {
		for _, c := range callers {
			cases, err := r.read(c.ctx)
			if domain.ErrorCode(err) == domain.Internal {
				t.Fatalf("%s as %s: %v", r.name, c.name, err)
			}
			var seen []string
			for _, x := range cases {
				if x.Parties != "" || len(x.Sessions) > 0 || x.Terms != "" {
					seen = append(seen, string(x.ID))
				}
			}
			want := slices.Contains(r.allowed, c.name)
			if got := len(seen) > 0; got != want {
				wrong = append(wrong, fmt.Sprintf("read %s as %s: sees the details of %v (%v), want %v", r.name, c.name, seen, err, want))
			}
		}
	}
	sort.Strings(wrong)
	if len(wrong) > 0 {
		t.Errorf("%d cells differ from the design:\n%s", len(wrong), strings.Join(wrong, "\n"))
	}
}
