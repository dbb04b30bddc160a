package disclosure_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// TestPermissionMatrix calls every mutation of the disclosure area as
// every role, an outsider, another community's committee and an anonymous
// client, and checks that exactly the designed callers pass the permission
// gate. A call passes when it fails with anything but Unauthenticated,
// Forbidden or NotFound (drafts are NotFound to those who may not see
// them): a Conflict or Invalid means the rules looked at the request.
// Each call acts on records of its own, made just before it.
func TestPermissionMatrix(t *testing.T) {
	v := newVillage(t)
	ctx := context.Background()
	outsider := must(v.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "outsider@example.com", Password: "password1", Name: "外人"})).User.ID
	otherAdmin := must(v.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "other@example.com", Password: "password1", Name: "他村"})).User.ID
	st := must(v.comms.Street(ctx, v.c.StreetID))
	other := must(v.comms.CreateCommunity(domain.NewSystemContext(as(otherAdmin)), community.CommunityInput{StreetID: st.ID, Name: "前溪村", Kind: community.Village, Code: "330110109203", AdminID: otherAdmin}))
	must(v.comms.AssignRole(as(otherAdmin), community.RoleInput{CommunityID: other.ID, UserID: otherAdmin, Role: domain.RoleCommittee}))

	callers := []struct {
		name string
		ctx  context.Context
	}{
		{"resident", as(v.residents[0])}, {"grid_worker", as(v.worker)}, {"committee", as(v.committee)}, {"party", as(v.party)},
		{"supervisor", as(v.supervisor)}, {"admin", as(v.admin)}, {"outsider", as(outsider)}, {"other_committee", as(otherAdmin)},
		{"anonymous", anonymous},
	}
	members := []string{"resident", "grid_worker", "committee", "party", "supervisor", "admin"}
	everyone := append(slices.Clone(members), "outsider", "other_committee", "anonymous")
	only := func(names ...string) []string { return names }

	// Fresh records, made by the committee for each call.
	power := disclosure.DraftContent{Title: "资产租赁", Power: &disclosure.Power{Decision: "厂房出租", DecidedBy: "村民代表会议", Basis: "村规民约"}}
	powerDraft := func() disclosure.Version {
		return must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindPower, Period: "2026-10-20", Content: power}))
	}
	partyDraft := func() disclosure.Version {
		return must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-10-01",
			Content: disclosure.DraftContent{Title: "主题党日", Body: "活动"}}))
	}
	publishedParty := func() disclosure.Version { return must(v.svc.Publish(as(v.committee), partyDraft().ID)) }
	question := func() disclosure.Question {
		return must(v.svc.Ask(as(v.residents[1]), publishedParty().ID, "活动经费多少？"))
	}
	escalated := func() disclosure.Question {
		q := question()
		must(v.svc.Escalate(ctx, q.DueAt))
		return q
	}
	partyContent := disclosure.DraftContent{Title: "主题党日", Body: "改"}
	days := 12

	ops := []struct {
		name    string
		allowed []string
		call    func(ctx context.Context) error
	}{
		{"setSchedule", only("committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.SetSchedule(ctx, v.c.ID, disclosure.ScheduleUpdate{PartyDueDays: &days})
			return err
		}},
		{"addCategory", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.AddCategory(ctx, v.c.ID, "other_expense", "杂项"+string(domain.NewID()[18:]))
			return err
		}},
		{"createDraftFinance", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.CreateDraft(ctx, disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindFinance, Period: "2026-13"})
			return err
		}},
		{"createDraftParty", only("committee", "party"), func(ctx context.Context) error {
			_, err := v.svc.CreateDraft(ctx, disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-10-02", Content: partyContent})
			return err
		}},
		{"createDraftPower", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.CreateDraft(ctx, disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindPower, Period: "2026-10-02"})
			return err
		}},
		{"updateDraftPower", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.UpdateDraft(ctx, disclosure.EditInput{VersionID: powerDraft().ID, Content: power})
			return err
		}},
		{"updateDraftParty", only("committee", "party"), func(ctx context.Context) error {
			_, err := v.svc.UpdateDraft(ctx, disclosure.EditInput{VersionID: partyDraft().ID, Content: partyContent})
			return err
		}},
		{"updatePublished", only("committee", "party"), func(ctx context.Context) error {
			_, err := v.svc.UpdateDraft(ctx, disclosure.EditInput{VersionID: publishedParty().ID, Content: partyContent})
			return err
		}},
		{"publishPower", only("committee"), func(ctx context.Context) error { _, err := v.svc.Publish(ctx, powerDraft().ID); return err }},
		{"publishParty", only("committee", "party"), func(ctx context.Context) error { _, err := v.svc.Publish(ctx, partyDraft().ID); return err }},
		{"discardDraft", only("committee"), func(ctx context.Context) error { return v.svc.DiscardDraft(ctx, powerDraft().ID) }},
		{"discardPublished", only("committee", "party"), func(ctx context.Context) error { return v.svc.DiscardDraft(ctx, publishedParty().ID) }},
		{"correct", only("committee", "party"), func(ctx context.Context) error {
			_, err := v.svc.Correct(ctx, disclosure.CorrectionInput{DisclosureID: publishedParty().DisclosureID, Reason: "更正", Content: partyContent})
			return err
		}},
		{"withdraw", only("committee", "party"), func(ctx context.Context) error {
			_, err := v.svc.Withdraw(ctx, publishedParty().DisclosureID, "撤回")
			return err
		}},
		{"recordPostingOwnGrid", only("committee", "grid_worker"), func(ctx context.Context) error {
			_, err := v.svc.RecordPosting(ctx, disclosure.PostingInput{VersionID: publishedParty().ID, MicroGridID: v.micro1.ID, Date: disclosure.DateOf(v.clock.Now(), v.c.Location()), Method: disclosure.OnBoard})
			return err
		}},
		{"recordPostingOtherGrid", only("committee"), func(ctx context.Context) error {
			_, err := v.svc.RecordPosting(ctx, disclosure.PostingInput{VersionID: publishedParty().ID, MicroGridID: v.micro2.ID, Date: disclosure.DateOf(v.clock.Now(), v.c.Location()), Method: disclosure.OnBoard})
			return err
		}},
		{"ask", members, func(ctx context.Context) error { _, err := v.svc.Ask(ctx, publishedParty().ID, "问"); return err }},
		{"answerOpen", only("committee"), func(ctx context.Context) error { _, err := v.svc.Answer(ctx, question().ID, "答"); return err }},
		{"answerEscalated", only("committee", "supervisor"), func(ctx context.Context) error { _, err := v.svc.Answer(ctx, escalated().ID, "答"); return err }},
		{"followUp", only("supervisor"), func(ctx context.Context) error { _, err := v.svc.FollowUp(ctx, escalated().ID, "督办"); return err }},
		{"countRead", everyone, func(ctx context.Context) error { _, err := v.svc.CountRead(ctx, publishedParty().ID); return err }},
		// Anyone may have the server check a published file; the version has
		// none, so the rules answer Invalid about the index.
		{"checkAttachmentOnServer", everyone, func(ctx context.Context) error {
			_, err := v.svc.CheckAttachmentOnServer(ctx, publishedParty().ID, 0)
			return err
		}},
		// A draft's editors hear it is not published; to others it does not exist.
		{"checkDraftAttachment", only("committee", "party"), func(ctx context.Context) error {
			_, err := v.svc.CheckAttachmentOnServer(ctx, partyDraft().ID, 0)
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
		v.clock.Add(time.Minute)
	}
	sort.Strings(wrong)
	if len(wrong) > 0 {
		t.Errorf("%d cells differ from the design:\n%s", len(wrong), strings.Join(wrong, "\n"))
	}
}

// TestOtherCommunityScope: another community's committee sees this
// community's published disclosures as anyone does, never its drafts, and
// a list is always of one community.
func TestOtherCommunityScope(t *testing.T) {
	v := newVillage(t)
	ctx := context.Background()
	otherAdmin := must(v.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "other@example.com", Password: "password1", Name: "他村"})).User.ID
	other := must(v.comms.CreateCommunity(domain.NewSystemContext(as(otherAdmin)), community.CommunityInput{StreetID: v.c.StreetID, Name: "前溪村", Kind: community.Village, Code: "330110109203", AdminID: otherAdmin}))
	must(v.comms.AssignRole(as(otherAdmin), community.RoleInput{CommunityID: other.ID, UserID: otherAdmin, Role: domain.RoleCommittee}))
	since := disclosure.Date{Year: 2026, Month: 1, Day: 1}
	must(v.svc.SetSchedule(as(otherAdmin), other.ID, disclosure.ScheduleUpdate{Since: &since}))
	ours := v.october(t)
	draft := v.financeDraft(t, "2026-11", 1379950)
	theirs := must(v.svc.CreateDraft(as(otherAdmin), disclosure.DraftInput{CommunityID: other.ID, Kind: disclosure.KindFinance, Period: "2026-10",
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{}}}))
	l := must(v.svc.Disclosures(as(otherAdmin), v.c.ID, disclosure.Filter{}, domain.Page{First: 10}))
	if l.TotalCount != 1 || l.Items[0].ID != ours.DisclosureID || l.Items[0].HasDraft {
		t.Errorf("our list as their committee = %+v", l.Items)
	}
	l = must(v.svc.Disclosures(as(v.committee), other.ID, disclosure.Filter{}, domain.Page{First: 10}))
	if l.TotalCount != 0 {
		t.Errorf("their list as our committee = %+v", l.Items)
	}
	l = must(v.svc.Disclosures(as(otherAdmin), other.ID, disclosure.Filter{}, domain.Page{First: 10}))
	if l.TotalCount != 1 || l.Items[0].ID != theirs.DisclosureID {
		t.Errorf("their list = %+v", l.Items)
	}
	_, err := v.svc.Publish(as(otherAdmin), draft.ID)
	wantCode(t, err, domain.NotFound)
	_, err = v.svc.Correct(as(otherAdmin), disclosure.CorrectionInput{DisclosureID: ours.DisclosureID, Reason: "r"})
	wantCode(t, err, domain.Forbidden)
	for _, todo := range must(v.svc.Todos(as(otherAdmin), other.ID)) {
		if x, ok := todo.Subject.(disclosure.Version); ok && x.CommunityID != other.ID {
			t.Errorf("their to-do of another community: %+v", todo)
		}
		if x, ok := todo.Subject.(disclosure.PeriodStatus); ok && x.DisclosureID == ours.DisclosureID {
			t.Errorf("their to-do of our disclosure: %+v", todo)
		}
	}
	_, err = v.svc.Todos(as(otherAdmin), v.c.ID)
	wantCode(t, err, domain.Forbidden)
}
