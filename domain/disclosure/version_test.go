package disclosure_test

import (
	"context"
	"slices"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db/dbtest"
	"github.com/yishi-app/yishi/domain/disclosure"
)

func TestLifecycle(t *testing.T) {
	v := newVillage(t)
	draft := v.villageDraft(t, "2026-Q3", "一、修缮村道\n二、垃圾分类")
	if draft.Number != 1 || draft.State != disclosure.VersionDraft || draft.Type != disclosure.Original {
		t.Fatalf("draft = %+v", draft)
	}
	// A draft is its editors' alone.
	for name, ctx := range map[string]context.Context{"resident": as(v.residents[0]), "anonymous": anonymous, "supervisor": as(v.supervisor)} {
		if _, err := v.svc.Disclosure(ctx, draft.DisclosureID); domain.ErrorCode(err) != domain.NotFound {
			t.Errorf("%s reads a draft disclosure: %v", name, err)
		}
		if _, err := v.svc.Version(ctx, draft.ID); domain.ErrorCode(err) != domain.NotFound {
			t.Errorf("%s reads a draft: %v", name, err)
		}
		l := must(v.svc.Disclosures(ctx, v.c.ID, disclosure.Filter{}, domain.Page{First: 10}))
		if l.TotalCount != 0 {
			t.Errorf("%s lists %d disclosures, want none published", name, l.TotalCount)
		}
	}
	edited := must(v.svc.UpdateDraft(as(v.committee), disclosure.EditInput{VersionID: draft.ID, Content: disclosure.DraftContent{Title: "2026年第三季度村务公开", Body: "一、修缮村道\n二、垃圾分类\n三、老年食堂"}}))
	if edited.Content.Title != "2026年第三季度村务公开" || edited.State != disclosure.VersionDraft {
		t.Fatalf("edited = %+v", edited)
	}
	pub := must(v.svc.Publish(as(v.committee), draft.ID))
	if pub.State != disclosure.VersionPublished || pub.ContentHash != disclosure.ContentHash(pub) || len(pub.ContentHash) != 64 {
		t.Fatalf("published = %+v", pub)
	}
	d := must(v.svc.Disclosure(anonymous, draft.DisclosureID))
	if d.State != disclosure.Published || d.Published != 1 || d.Current.ID != pub.ID || d.FirstPublishedAt.IsZero() {
		t.Errorf("disclosure read by anyone = %+v", d)
	}
	// A correction: a new version with a reason.
	_, err := v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: d.ID, Content: disclosure.DraftContent{Title: "x", Body: "y"}})
	wantField(t, err, "reason")
	corr := must(v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: d.ID, Reason: "老年食堂开办时间有误",
		Content: disclosure.DraftContent{Title: "2026年第三季度村务公开", Body: "一、修缮村道\n二、垃圾分类\n三、老年食堂（10月起）"}}))
	if corr.Number != 2 || corr.Type != disclosure.Correction || corr.State != disclosure.VersionDraft {
		t.Fatalf("correction = %+v", corr)
	}
	_, err = v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: d.ID, Reason: "再改", Content: disclosure.DraftContent{Title: "t", Body: "b"}})
	wantCode(t, err, domain.Conflict) // ErrDraftPending
	if vs := must(v.svc.Versions(as(v.residents[0]), d.ID)); len(vs) != 1 {
		t.Errorf("a resident sees %d versions, want the published one only", len(vs))
	}
	must(v.svc.Publish(as(v.committee), corr.ID))
	d = must(v.svc.Disclosure(anonymous, d.ID))
	if d.Published != 2 || d.Current.ID != corr.ID || d.Current.Reason != "老年食堂开办时间有误" {
		t.Errorf("after the correction: %+v", d)
	}
	// A withdrawal is a version too, and the end.
	w := must(v.svc.Withdraw(as(v.committee), d.ID, "内容与党务公开重复"))
	if w.Number != 3 || w.Type != disclosure.Withdrawal || w.State != disclosure.VersionPublished {
		t.Fatalf("withdrawal = %+v", w)
	}
	d = must(v.svc.Disclosure(anonymous, d.ID))
	if d.State != disclosure.Withdrawn || d.Published != 3 {
		t.Errorf("after the withdrawal: %+v", d)
	}
	vs := must(v.svc.Versions(anonymous, d.ID))
	if len(vs) != 3 || vs[0].Number != 1 || vs[2].Number != 3 {
		t.Errorf("versions = %+v, want all three, in order", vs)
	}
	_, err = v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: d.ID, Reason: "r", Content: disclosure.DraftContent{Title: "t", Body: "b"}})
	wantCode(t, err, domain.Conflict) // ErrWithdrawn
}

// rawVersion reads a version's stored document as bytes.
func rawVersion(tb testing.TB, v *village, id domain.ID) bson.Raw {
	tb.Helper()
	raw, err := dbtest.Collection(v.db, "disclosure_versions").FindOne(context.Background(), bson.M{"_id": string(id)}).Raw()
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

// rawItems reads every stored list of finance items as bytes, by _id.
func rawItems(tb testing.TB, v *village) map[string]bson.Raw {
	tb.Helper()
	cur, err := dbtest.Collection(v.db, "disclosure_items").Find(context.Background(), bson.M{})
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]bson.Raw{}
	for cur.Next(context.Background()) {
		out[cur.Current.Lookup("_id").StringValue()] = slices.Clone(cur.Current)
	}
	return out
}

// TestPublishedNeverChanges tries every mutation that would change or
// remove a published version, and checks each is refused and the stored
// document is byte for byte the same.
func TestPublishedNeverChanges(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	// A party disclosure published and withdrawn: both versions are
	// published.
	partyDraft := must(v.svc.CreateDraft(as(v.party), disclosure.DraftInput{
		CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-10-01", Content: disclosure.DraftContent{Title: "主题党日", Body: "活动"},
	}))
	must(v.svc.Publish(as(v.party), partyDraft.ID))
	w := must(v.svc.Withdraw(as(v.committee), partyDraft.DisclosureID, "误发"))
	party := must(v.svc.Versions(anonymous, w.DisclosureID))
	before := map[domain.ID]bson.Raw{oct.ID: rawVersion(t, v, oct.ID)}
	for _, p := range party {
		if p.State == disclosure.VersionPublished {
			before[p.ID] = rawVersion(t, v, p.ID)
		}
	}
	items := rawItems(t, v)
	if len(before) != 3 {
		t.Fatalf("published versions: %d, want 3", len(before))
	}
	for id := range before {
		tries := []struct {
			name string
			call func() error
		}{
			{"UpdateDraft", func() error {
				_, err := v.svc.UpdateDraft(as(v.committee), disclosure.EditInput{VersionID: id, Content: disclosure.DraftContent{Title: "改", Body: "改", Finance: &disclosure.FinanceInput{}}})
				return err
			}},
			{"UpdateDraftReason", func() error {
				_, err := v.svc.UpdateDraft(as(v.committee), disclosure.EditInput{VersionID: id, Reason: "改理由"})
				return err
			}},
			{"Publish", func() error { _, err := v.svc.Publish(as(v.committee), id); return err }},
			{"DiscardDraft", func() error { return v.svc.DiscardDraft(as(v.committee), id) }},
		}
		for _, try := range tries {
			t.Run(try.name, func(t *testing.T) {
				if err := try.call(); err != disclosure.ErrPublished {
					t.Errorf("%s of a published version: %v, want ErrPublished", try.name, err)
				}
			})
		}
	}
	// What goes beside a version never touches it either.
	q := must(v.svc.Ask(as(v.residents[0]), oct.ID, "垃圾清运费为何上涨？"))
	must(v.svc.Answer(as(v.committee), q.ID, "清运次数增加。"))
	must(v.svc.CountRead(anonymous, oct.ID))
	must(v.svc.RecordPosting(as(v.worker), disclosure.PostingInput{VersionID: oct.ID, MicroGridID: v.micro1.ID, Date: disclosure.DateOf(v.clock.Now(), v.c.Location()), Method: disclosure.OnBoard}))
	must(v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: oct.DisclosureID, Reason: "补录",
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: 1000000}}}))
	after := rawItems(t, v)
	for id, raw := range items {
		if string(after[id]) != string(raw) {
			t.Errorf("items %s changed", id)
		}
	}
	for id, raw := range before {
		if after := rawVersion(t, v, id); string(after) != string(raw) {
			t.Errorf("published version %s changed:\nbefore %s\nafter  %s", id, raw, after)
		}
		got := must(v.svc.Version(anonymous, id))
		if got.ContentHash != disclosure.ContentHash(got) {
			t.Errorf("version %s no longer matches its hash", id)
		}
	}
}

func TestPeriodRules(t *testing.T) {
	v := newVillage(t)
	v.financeDraft(t, "2026-10", 0)
	_, err := v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindFinance, Period: "2026-10",
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{}}})
	if err != disclosure.ErrPeriodTaken {
		t.Errorf("a second October: %v, want ErrPeriodTaken", err)
	}
	tests := []struct {
		name   string
		kind   disclosure.Kind
		period string
	}{
		{"ErrQuarterForMonthlyFinance", disclosure.KindFinance, "2026-Q3"},
		{"ErrMonthForVillage", disclosure.KindVillage, "2026-09"},
		{"ErrMonthForPower", disclosure.KindPower, "2026-09"},
		{"ErrFuture", disclosure.KindFinance, "2026-12"},
		{"ErrGarbage", disclosure.KindFinance, "2026-13"},
		{"ErrElevenYearsBack", disclosure.KindFinance, "2015-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := disclosure.DraftInput{CommunityID: v.c.ID, Kind: tt.kind, Period: tt.period, Content: disclosure.DraftContent{Title: "t", Body: "b"}}
			if tt.kind == disclosure.KindFinance {
				in.Content.Finance = &disclosure.FinanceInput{}
			}
			_, err := v.svc.CreateDraft(as(v.committee), in)
			wantField(t, err, "period")
		})
	}
	// Party events and power decisions may share a day.
	for range 2 {
		must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindPower, Period: "2026-10-15",
			Content: disclosure.DraftContent{Title: "村道修缮招标", Power: &disclosure.Power{Decision: "中标单位为某公司", DecidedBy: "村民代表会议", Basis: "村规民约第5条", Amount: 8800000}}}))
	}
	// A quarterly community discloses finance by quarter.
	q := disclosure.Quarterly
	must(v.svc.SetSchedule(as(v.committee), v.c.ID, disclosure.ScheduleUpdate{FinanceCadence: &q}))
	must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindFinance, Period: "2026-Q3",
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Items: []disclosure.Item{income("2026-08-01", "other_income", 100)}}}}))
}

func TestDiscardDraft(t *testing.T) {
	v := newVillage(t)
	first := v.financeDraft(t, "2026-10", 0)
	must(0, v.svc.DiscardDraft(as(v.committee), first.ID))
	if _, err := v.svc.Disclosure(as(v.committee), first.DisclosureID); domain.ErrorCode(err) != domain.NotFound {
		t.Errorf("the disclosure outlived its only draft: %v", err)
	}
	// The period is free again.
	oct := v.october(t)
	corr := must(v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: oct.DisclosureID, Reason: "改",
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: 1000000}}}))
	must(0, v.svc.DiscardDraft(as(v.committee), corr.ID))
	d := must(v.svc.Disclosure(as(v.committee), oct.DisclosureID))
	if d.Published != 1 || d.HasDraft {
		t.Errorf("after discarding the correction: %+v", d)
	}
	again := must(v.svc.Correct(as(v.committee), disclosure.CorrectionInput{DisclosureID: oct.DisclosureID, Reason: "再改",
		Content: disclosure.DraftContent{Finance: &disclosure.FinanceInput{Opening: 1000000}}}))
	if again.Number != 2 {
		t.Errorf("the next correction is number %d, want 2", again.Number)
	}
}

func TestDisclosureList(t *testing.T) {
	v := newVillage(t)
	v.published(t, "2026-08", 0, income("2026-08-03", "other_income", 100))
	v.published(t, "2026-09", 100, income("2026-09-03", "other_income", 100))
	v.financeDraft(t, "2026-10", 200)
	v.villageDraft(t, "2026-Q3", "村务")
	all := must(v.svc.Disclosures(as(v.committee), v.c.ID, disclosure.Filter{}, domain.Page{First: 2}))
	if all.TotalCount != 4 || len(all.Items) != 2 || !all.HasNextPage || all.Items[0].Period != "2026-10" || !all.Items[0].HasDraft {
		t.Fatalf("committee's first page = %+v", all)
	}
	rest := must(v.svc.Disclosures(as(v.committee), v.c.ID, disclosure.Filter{}, domain.Page{First: 5, After: all.Items[1].Cursor()}))
	if len(rest.Items) != 2 || rest.HasNextPage || rest.Items[0].Period != "2026-08" || rest.Items[1].Period != "2026-Q3" {
		t.Errorf("committee's second page = %+v", rest.Items)
	}
	pub := must(v.svc.Disclosures(anonymous, v.c.ID, disclosure.Filter{}, domain.Page{First: 10}))
	if pub.TotalCount != 2 || pub.Items[0].Period != "2026-09" || pub.Items[0].Current.Content.Finance.Closing != 200 || pub.Items[0].Current.Content.Finance.Items != nil {
		t.Errorf("anyone's list = %+v", pub.Items)
	}
	year, kind := 2026, disclosure.KindVillage
	if l := must(v.svc.Disclosures(as(v.committee), v.c.ID, disclosure.Filter{Kind: &kind, Year: &year}, domain.Page{First: 10})); l.TotalCount != 1 {
		t.Errorf("village affairs of 2026: %d", l.TotalCount)
	}
	late := true
	if l := must(v.svc.Disclosures(anonymous, v.c.ID, disclosure.Filter{Late: &late}, domain.Page{First: 10})); l.TotalCount != 2 {
		t.Errorf("published late: %d, want August and September (published in November)", l.TotalCount)
	}
	draft := disclosure.Draft
	if l := must(v.svc.Disclosures(as(v.residents[0]), v.c.ID, disclosure.Filter{State: &draft}, domain.Page{First: 10})); l.TotalCount != 0 {
		t.Errorf("a resident lists %d drafts", l.TotalCount)
	}
	_, err := v.svc.Disclosures(as(v.committee), v.c.ID, disclosure.Filter{State: &draft, Late: &late}, domain.Page{First: 10})
	wantField(t, err, "late")
	// For dataloaders: by ID, drafts left out for those who may not see them.
	var ids, vids []domain.ID
	for _, d := range all.Items {
		ids, vids = append(ids, d.ID), append(vids, d.Current.ID)
	}
	if got := must(v.svc.DisclosuresByID(anonymous, ids)); len(got) != 1 || got[all.Items[1].ID].Period != "2026-09" {
		t.Errorf("disclosures by ID for anyone = %+v", got)
	}
	if got := must(v.svc.VersionsByID(as(v.committee), vids)); len(got) != 2 {
		t.Errorf("versions by ID for the committee = %+v", got)
	}
	if got := must(v.svc.VersionsByID(anonymous, vids)); len(got) != 1 {
		t.Errorf("versions by ID for anyone = %+v", got)
	}
}

func TestContentChecks(t *testing.T) {
	v := newVillage(t)
	power := func(p *disclosure.Power) disclosure.DraftInput {
		return disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindPower, Period: "2026-10-15", Content: disclosure.DraftContent{Title: "资产租赁", Power: p}}
	}
	ok := disclosure.Power{Decision: "村集体厂房出租给某公司，租期三年", DecidedBy: "村民代表会议", Basis: "2026年第5次村民代表会议决议", Amount: 36000000}
	tests := []struct {
		name  string
		in    disclosure.DraftInput
		field string
	}{
		{"ErrPowerMissing", power(nil), "power"},
		{"ErrNegativePowerAmount", power(&disclosure.Power{Decision: ok.Decision, DecidedBy: ok.DecidedBy, Basis: ok.Basis, Amount: -1}), "power.amount"},
		{"ErrNoDecidedBy", power(&disclosure.Power{Decision: ok.Decision, Basis: ok.Basis}), "power.decidedBy"},
		{"ErrPowerOnVillage", disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindVillage, Period: "2026-Q3", Content: disclosure.DraftContent{Title: "t", Body: "b", Power: &ok}}, "power"},
		{"ErrVillageWithoutBody", disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindVillage, Period: "2026-Q3", Content: disclosure.DraftContent{Title: "t"}}, "body"},
		{"ErrNoTitle", disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-10-01", Content: disclosure.DraftContent{Body: "b"}}, "title"},
		{"ErrFinanceWithoutItems", disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindFinance, Period: "2026-10"}, "items"},
		{"ErrBadAttachment", disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-10-01", Content: disclosure.DraftContent{Title: "t", Body: "b",
			Attachments: []disclosure.Attachment{{URL: "https://files.example/a.pdf", Name: "会议记录", SHA256: "ABC", Size: 10}}}}, "attachments[0].sha256"},
		{"ErrAttachmentLink", disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindParty, Period: "2026-10-01", Content: disclosure.DraftContent{Title: "t", Body: "b",
			Attachments: []disclosure.Attachment{{URL: "javascript:alert(1)", Name: "x", SHA256: sha(""), Size: 10}}}}, "attachments[0].url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := v.svc.CreateDraft(as(v.committee), tt.in)
			wantField(t, err, tt.field)
		})
	}
	if n := v.count(t, "disclosures") + v.count(t, "disclosure_versions"); n != 0 {
		t.Errorf("%d documents stored by refused drafts", n)
	}
	got := must(v.svc.CreateDraft(as(v.committee), power(&ok)))
	if *got.Content.Power != ok {
		t.Errorf("power = %+v", got.Content.Power)
	}
	due := must(v.svc.Disclosure(as(v.committee), got.DisclosureID)).Due
	if due != day("2026-10-25") {
		t.Errorf("a power item decided on 15 October is due %v, want 10 days later", due)
	}
}
