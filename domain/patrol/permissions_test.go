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

// TestPermissionMatrix calls every mutation of the patrol area built so
// far as a resident, a team member, the captain, the committee, a member
// of another community and an anonymous client, and checks that exactly
// the designed callers pass the permission gate (fail with anything but
// Unauthenticated, Forbidden or NotFound, or succeed).
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
	member := ids[1]
	callers := []struct {
		name string
		ctx  context.Context
	}{
		{"resident", as(v.residents[1])}, {"member", as(member)}, {"captain", as(v.captain)}, {"committee", as(v.committee)},
		{"other_committee", as(outsider)}, {"anonymous", context.Background()},
	}
	captains := []string{"captain", "committee"}
	members := []string{"resident", "member", "captain", "committee"}
	routes := must(v.svc.Routes(as(v.captain), team.ID))
	n := 0
	fresh := func() string { n++; return fmt.Sprintf("%d", n) }
	ops := []struct {
		name    string
		allowed []string
		call    func(context.Context) error
	}{
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
	sort.Strings(wrong)
	if len(wrong) > 0 {
		t.Errorf("%d cells differ from the design:\n%s", len(wrong), strings.Join(wrong, "\n"))
	}
}
