package deliberation_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// TestPermissionMatrix calls every mutation of the deliberation area as
// every role, an outsider and a member of another community, and checks
// that exactly the designed callers pass the permission gate. A call passes
// when it fails with anything but Unauthenticated, Forbidden or NotFound
// (records of other communities are NotFound, the same as missing ones): a
// Conflict or Invalid means the rules looked at the request, so the gate
// let it through.
func TestPermissionMatrix(t *testing.T) {
	v := newVillage(t, 12)
	owners := v.staff(t, domain.RoleOwnersCommittee, "")
	firm := v.staff(t, domain.RolePropertyFirm, "")
	ctx := context.Background()
	outsider := must(v.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "outsider@example.com", Password: "password1", Name: "外人"})).User.ID
	// A committee member of another village on the same street.
	otherAdmin := must(v.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "other@example.com", Password: "password1", Name: "他村"})).User.ID
	st := must(v.comms.StreetByCode(ctx, mustStreetCode(t, v)))
	other := must(v.comms.CreateCommunity(domain.NewSystemContext(as(otherAdmin)), community.CommunityInput{StreetID: st.ID, Name: "前溪村", Kind: community.Village, Code: "330110109203", AdminID: otherAdmin}))
	must(v.comms.AssignRole(as(otherAdmin), community.RoleInput{CommunityID: other.ID, UserID: otherAdmin, Role: domain.RoleCommittee}))

	callers := []struct {
		name string
		id   domain.ID
	}{
		{"resident", v.residents[11]}, {"grid_worker", v.worker}, {"committee", v.committee}, {"party", v.party},
		{"owners_committee", owners}, {"property_firm", firm}, {"admin", v.admin}, {"outsider", outsider}, {"other_community", otherAdmin},
	}
	members := []string{"resident", "grid_worker", "committee", "party", "owners_committee", "property_firm", "admin"}
	only := func(names ...string) []string { return names }

	// The records the calls act on.
	collecting := v.propose(t, v.residents[0], "收集中的议题")
	comment := must(v.svc.AddComment(as(v.residents[0]), deliberation.CommentInput{TopicID: collecting.ID, Body: "评论"}))
	accepted := v.acceptedTopic(t)
	panelists := seatPanel(t, v, accepted)
	motion := openMotion(t, v, accepted, deliberation.MajorityCast, false)
	for _, r := range panelists[:4] {
		must(0, v.svc.Vote(as(r), motion.ID, deliberation.Yes))
	}
	must(v.svc.CloseMotion(as(v.committee), motion.ID))
	res := must(v.svc.Adopt(as(v.committee), motion.ID))
	item := must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "划线", OwnerID: v.residents[0], Due: v.clock.Now().AddDate(0, 0, 9)}))
	obj := must(v.svc.Object(as(v.residents[1]), res.ID, "异议"))
	openM := openMotion(t, v, accepted, deliberation.MajorityCast, false)
	meeting := must(v.svc.ScheduleMeeting(as(v.committee), deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Council, Title: "议事会",
		StartsAt: v.clock.Now().Add(48 * time.Hour), TopicIDs: []domain.ID{accepted.ID}}))
	screeningTopic := func() domain.ID {
		return must(v.svc.Propose(as(v.committee), deliberation.ProposeInput{CommunityID: v.c.ID, Title: "审核中", Category: deliberation.OtherCategory, AsCommittee: true})).ID
	}

	ops := []struct {
		name    string
		allowed []string
		call    func(ctx context.Context) error
	}{
		{"propose", members, func(ctx context.Context) error {
			_, err := v.svc.Propose(ctx, deliberation.ProposeInput{CommunityID: v.c.ID, Title: "新议题", Category: deliberation.OtherCategory})
			return err
		}},
		{"support", members, func(ctx context.Context) error { _, err := v.svc.Support(ctx, collecting.ID); return err }},
		{"addComment", members, func(ctx context.Context) error {
			_, err := v.svc.AddComment(ctx, deliberation.CommentInput{TopicID: collecting.ID, Body: "看法"})
			return err
		}},
		{"reportComment", members, func(ctx context.Context) error { return v.svc.ReportComment(ctx, comment.ID, "") }},
		{"hideComment", only("committee"), func(ctx context.Context) error { _, err := v.svc.HideComment(ctx, comment.ID, "理由"); return err }},
		{"screen", only("committee", "party"), func(ctx context.Context) error {
			_, err := v.svc.Screen(ctx, deliberation.ScreenInput{TopicID: screeningTopic(), Decision: deliberation.Reject, Note: "理由"})
			return err
		}},
		{"setSeatRules", only("committee"), func(ctx context.Context) error { _, err := v.svc.SetSeatRules(ctx, accepted.ID, nil); return err }},
		{"publishSeed", only("committee"), func(ctx context.Context) error { _, err := v.svc.PublishSeed(ctx, accepted.ID); return err }},
		{"drawSeats", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.DrawSeats(ctx, deliberation.DrawInput{TopicID: accepted.ID, Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Count: 1})
			return err
		}},
		{"nominate", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.Nominate(ctx, accepted.ID, v.residents[10], deliberation.Experts, "")
			return err
		}},
		{"respondToSeatFor", only("grid_worker"), func(ctx context.Context) error {
			_, err := v.svc.RespondToSeatFor(ctx, accepted.ID, panelists[0], true, "见证人")
			return err
		}},
		{"confirmPanel", only("committee"), func(ctx context.Context) error { _, err := v.svc.ConfirmPanel(ctx, accepted.ID); return err }},
		{"openMotion", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.OpenMotion(ctx, deliberation.MotionInput{TopicID: accepted.ID, Text: "动议", Method: deliberation.MajorityCast, Deadline: v.clock.Now().Add(time.Hour)})
			return err
		}},
		{"vote", only(), func(ctx context.Context) error { return v.svc.Vote(ctx, openM.ID, deliberation.Yes) }},
		{"recordAssistedVote", only("grid_worker"), func(ctx context.Context) error {
			return v.svc.RecordAssistedVote(ctx, openM.ID, panelists[0], deliberation.Yes, "见证人")
		}},
		{"closeMotion", only("committee"), func(ctx context.Context) error { _, err := v.svc.CloseMotion(ctx, openM.ID); return err }},
		{"adopt", only("committee"), func(ctx context.Context) error { _, err := v.svc.Adopt(ctx, motion.ID); return err }},
		{"object", members, func(ctx context.Context) error { _, err := v.svc.Object(ctx, res.ID, "意见"); return err }},
		{"answerObjection", only("committee"), func(ctx context.Context) error { _, err := v.svc.AnswerObjection(ctx, obj.ID, "答复"); return err }},
		{"addActionItem", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.AddActionItem(ctx, deliberation.ItemInput{ResolutionID: res.ID, Title: "事项", OwnerParty: deliberation.OwnersParty, Due: v.clock.Now()})
			return err
		}},
		{"updateActionItem", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.UpdateActionItem(ctx, item.ID, 10, "", "")
			return err
		}},
		{"rate", only("resident", "grid_worker", "committee", "party", "owners_committee", "property_firm"), func(ctx context.Context) error {
			return v.svc.Rate(ctx, res.ID, 5)
		}},
		{"closeResolution", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.CloseResolution(ctx, res.ID, deliberation.ClosingInput{Summary: "总结"})
			return err
		}},
		{"scheduleMeeting", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.ScheduleMeeting(ctx, deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Online, Title: "线上", StartsAt: v.clock.Now().Add(time.Hour), TopicIDs: []domain.ID{accepted.ID}})
			return err
		}},
		{"checkIn", only(), func(ctx context.Context) error {
			_, err := v.svc.CheckIn(ctx, meeting.ID, meeting.CheckInCode)
			return err
		}},
		{"recordAttendance", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.RecordAttendance(ctx, meeting.ID, panelists[0])
			return err
		}},
		{"startMeeting", only("committee"), func(ctx context.Context) error { _, err := v.svc.StartMeeting(ctx, meeting.ID); return err }},
		{"recordStatement", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.RecordStatement(ctx, meeting.ID, accepted.ID, panelists[0], deliberation.For, "发言")
			return err
		}},
		{"setMinutes", only("committee"), func(ctx context.Context) error { _, err := v.svc.SetMinutes(ctx, meeting.ID, "纪要"); return err }},
	}
	var wrong []string
	for _, op := range ops {
		for _, c := range callers {
			err := op.call(as(c.id))
			code := domain.ErrorCode(err)
			if code == domain.Internal {
				t.Fatalf("%s as %s: %v", op.name, c.name, err)
			}
			passed := code != domain.Unauthenticated && code != domain.Forbidden && code != domain.NotFound
			want := contains(op.allowed, c.name)
			if passed != want {
				wrong = append(wrong, fmt.Sprintf("%s as %s: passed=%v (%v), want %v", op.name, c.name, passed, err, want))
			}
		}
	}
	sort.Strings(wrong)
	if len(wrong) > 0 {
		t.Errorf("%d cells differ from the design:\n%s", len(wrong), strings.Join(wrong, "\n"))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func mustStreetCode(tb testing.TB, v *village) string {
	tb.Helper()
	c := must(v.comms.Community(context.Background(), v.c.ID))
	st := must(v.comms.Street(context.Background(), c.StreetID))
	return st.Code
}
