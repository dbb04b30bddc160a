package graph

import (
	"context"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// contentFields are the input fields of a version's content.
func (b *builder) contentFields(power, item, attachment *graphql.InputObject) graphql.InputObjectConfigFieldMap {
	return graphql.InputObjectConfigFieldMap{
		"title": {Type: graphql.String, Description: "1–80 characters; a finance version without one is named after its period."},
		"body":  {Type: graphql.String, Description: "Up to 20,000 characters; party and village affairs need one."},
		"power": {Type: power, Description: "Power items only, and required there."},
		"openingBalance": {Type: graphql.String, Description: "Finance only: the balance at the start of the period in yuan, such as \"1234.50\" or \"-20.00\"; " +
			"publication checks it against the previous period's published closing balance."},
		"items":       {Type: graphql.NewList(nonNull(item)), Description: "Finance only, and required there (empty for a period without any)."},
		"attachments": {Type: graphql.NewList(nonNull(attachment))},
	}
}

// disclosureMutations adds the disclosure area's mutations. Each takes a
// named input struct and returns what it changed; all but
// countDisclosureRead need a login (mutation), as the domain's rules say.
func (b *builder) disclosureMutations(f graphql.Fields) {
	t := typesOf[disclosureTypes](b)
	svc := func() *disclosure.Service { return b.svc.Disclosure }
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	str := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String)}
	yuan := func(desc string) *graphql.InputObjectFieldConfig {
		return &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String),
			Description: desc + " In yuan with at most two decimals, such as \"1234.50\" (commas between groups of three digits allowed), never negative."}
	}
	power := graphql.NewInputObject(graphql.InputObjectConfig{Name: "DisclosurePowerInput", Fields: graphql.InputObjectConfigFieldMap{
		"decision": str, "decidedBy": str, "basis": str,
		"amount": {Type: graphql.String, Description: "The money involved in yuan, such as \"1234.50\"; none when left out."},
	}})
	item := graphql.NewInputObject(graphql.InputObjectConfig{Name: "FinanceItemInput", Fields: graphql.InputObjectConfigFieldMap{
		"key":          {Type: graphql.String, Description: "The key of the item it replaces, in a correction or an edited draft; a new item gets one."},
		"date":         {Type: nonNull(graphql.String), Description: "2006-01-02, within the period."},
		"direction":    {Type: nonNull(t.direction)},
		"category":     {Type: nonNull(graphql.String), Description: "The code of an account of its direction (Community.financeCategories)."},
		"amount":       yuan("More than zero: direction says which way it went."),
		"counterparty": {Type: graphql.String},
		"voucher":      {Type: graphql.String, Description: "The voucher number (凭证号)."},
		"link":         {Type: graphql.ID, Description: "A topic or resolution of the community the money served."},
		"note":         {Type: graphql.String},
	}})
	attachment := graphql.NewInputObject(graphql.InputObjectConfig{Name: "DisclosureAttachmentInput", Fields: graphql.InputObjectConfigFieldMap{
		"url": str, "name": str,
		"sha256": {Type: nonNull(graphql.String), Description: "The file's SHA-256, 64 lowercase hex digits."},
		"size":   {Type: nonNull(graphql.Int), Description: "In bytes, 1 to 1 GiB."},
	}})
	content := func(extra graphql.InputObjectConfigFieldMap) graphql.InputObjectConfigFieldMap {
		fields := b.contentFields(power, item, attachment)
		for k, v := range extra {
			fields[k] = v
		}
		return fields
	}
	versionPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"version": {Type: nonNull(t.version)}, "disclosure": {Type: nonNull(t.disclosure)}})
	}
	withDisclosure := func(ctx context.Context, v disclosure.Version, err error) (any, error) {
		if err != nil {
			return nil, err
		}
		d, err := svc().Disclosure(ctx, v.DisclosureID)
		return map[string]any{"version": v, "disclosure": d}, err
	}
	questionPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"question": {Type: nonNull(t.question)}})
	}
	question := func(q disclosure.Question, err error) (any, error) { return map[string]any{"question": q}, err }

	f["createDisclosureDraft"] = &graphql.Field{
		Type:        nonNull(versionPayload("CreateDisclosureDraftPayload")),
		Description: "Starts a disclosure with its first version, a draft, for the committee (and the party organisation, for party affairs). Finance and village affairs have one disclosure per period.",
		Args: inputArg("CreateDisclosureDraftInput", content(graphql.InputObjectConfigFieldMap{
			"communityId": id, "kind": {Type: nonNull(t.kind)},
			"period": {Type: nonNull(graphql.String), Description: "2026-10 or 2026-Q4 for finance, as the community's cadence says; 2026-Q4 for village affairs; " +
				"the day of the event or decision, 2026-10-15, for party affairs and power items."},
		})),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[createDisclosureDraftInput](p)
			if err != nil {
				return nil, err
			}
			c, err := b.content(p.Context, in.CommunityID, in.disclosureContentInput)
			if err != nil {
				return nil, err
			}
			v, err := svc().CreateDraft(p.Context, disclosure.DraftInput{CommunityID: in.CommunityID, Kind: in.Kind, Period: in.Period, Content: c})
			return withDisclosure(p.Context, v, err)
		}),
	}
	f["updateDisclosureDraft"] = &graphql.Field{
		Type:        nonNull(versionPayload("UpdateDisclosureDraftPayload")),
		Description: "Replaces a draft's content in full, for its editors. A published version is never changed: that is CONFLICT.",
		Args: inputArg("UpdateDisclosureDraftInput", content(graphql.InputObjectConfigFieldMap{
			"versionId": id, "reason": {Type: graphql.String, Description: "A correction's or withdrawal's new reason; left out, it stays."},
		})),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[updateDisclosureDraftInput](p)
			if err != nil {
				return nil, err
			}
			c, err := b.content(p.Context, "", in.disclosureContentInput)
			if err != nil {
				return nil, err
			}
			v, err := svc().UpdateDraft(p.Context, disclosure.EditInput{VersionID: in.VersionID, Reason: in.Reason, Content: c})
			return withDisclosure(p.Context, v, err)
		}),
	}
	f["publishDisclosureVersion"] = &graphql.Field{
		Type: nonNull(versionPayload("PublishDisclosureVersionPayload")),
		Description: "Publishes a draft, for its editors: it becomes public and immutable, and its content hash goes into the public record. " +
			"A finance version whose opening balance differs from the previous period's published closing balance is refused (BAD_USER_INPUT on openingBalance, naming both figures).",
		Args: inputArg("PublishDisclosureVersionInput", graphql.InputObjectConfigFieldMap{"versionId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[disclosureVersionInput](p)
			if err != nil {
				return nil, err
			}
			v, err := svc().Publish(p.Context, in.VersionID)
			return withDisclosure(p.Context, v, err)
		}),
	}
	f["correctDisclosure"] = &graphql.Field{
		Type:        nonNull(versionPayload("CorrectDisclosurePayload")),
		Description: "Starts a correction of a published disclosure: a new version with its full content and the reason, as a draft to publish. Items that keep the key of the item they correct show as changed in the diff.",
		Args: inputArg("CorrectDisclosureInput", content(graphql.InputObjectConfigFieldMap{
			"disclosureId": id, "reason": {Type: nonNull(graphql.String), Description: "Why, 1–500 characters; public."},
		})),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[correctDisclosureInput](p)
			if err != nil {
				return nil, err
			}
			var community domain.ID
			if len(in.Items) > 0 {
				if d, err := svc().Disclosure(p.Context, in.DisclosureID); err == nil {
					community = d.CommunityID
				}
			}
			c, err := b.content(p.Context, community, in.disclosureContentInput)
			if err != nil {
				return nil, err
			}
			v, err := svc().Correct(p.Context, disclosure.CorrectionInput{DisclosureID: in.DisclosureID, Reason: in.Reason, Content: c})
			return withDisclosure(p.Context, v, err)
		}),
	}
	f["withdrawDisclosure"] = &graphql.Field{
		Type:        nonNull(versionPayload("WithdrawDisclosurePayload")),
		Description: "Withdraws a published disclosure: a version that says only why, published at once. The earlier versions stay public.",
		Args:        inputArg("WithdrawDisclosureInput", graphql.InputObjectConfigFieldMap{"disclosureId": id, "reason": {Type: nonNull(graphql.String), Description: "Why, 1–500 characters; public."}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[withdrawDisclosureInput](p)
			if err != nil {
				return nil, err
			}
			v, err := svc().Withdraw(p.Context, in.DisclosureID, in.Reason)
			return withDisclosure(p.Context, v, err)
		}),
	}
	f["discardDisclosureDraft"] = &graphql.Field{
		Type: nonNull(payload("DiscardDisclosureDraftPayload", graphql.Fields{
			"disclosureId": {Type: nonNull(graphql.ID)},
			"disclosure":   {Type: t.disclosure, Description: "Null when the draft was its first version: the disclosure went with it."},
		})),
		Description: "Removes a draft, for its editors; discarding the first version removes its disclosure too. A published version is never removed: that is CONFLICT.",
		Args:        inputArg("DiscardDisclosureDraftInput", graphql.InputObjectConfigFieldMap{"versionId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[disclosureVersionInput](p)
			if err != nil {
				return nil, err
			}
			v, err := svc().Version(p.Context, in.VersionID)
			if err != nil {
				return nil, err
			}
			if err := svc().DiscardDraft(p.Context, in.VersionID); err != nil {
				return nil, err
			}
			d, err := orNull(svc().Disclosure(p.Context, v.DisclosureID))
			return map[string]any{"disclosureId": globalID("Disclosure", v.DisclosureID), "disclosure": d}, err
		}),
	}
	f["askDisclosureQuestion"] = &graphql.Field{
		Type:        nonNull(questionPayload("AskDisclosureQuestionPayload")),
		Description: "Asks a question (质询) on a published version, for any member; the committee answers publicly within 7 days.",
		Args:        inputArg("AskDisclosureQuestionInput", graphql.InputObjectConfigFieldMap{"versionId": id, "text": {Type: nonNull(graphql.String), Description: "1–1,000 characters."}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[askDisclosureQuestionInput](p)
			if err != nil {
				return nil, err
			}
			return question(svc().Ask(p.Context, in.VersionID, in.Text))
		}),
	}
	f["answerDisclosureQuestion"] = &graphql.Field{
		Type:        nonNull(questionPayload("AnswerDisclosureQuestionPayload")),
		Description: "Answers a question publicly: the committee any that is unanswered, the supervision committee one escalated to it. The answer goes into the public record.",
		Args:        inputArg("AnswerDisclosureQuestionInput", graphql.InputObjectConfigFieldMap{"questionId": id, "answer": {Type: nonNull(graphql.String), Description: "1–2,000 characters."}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[answerDisclosureQuestionInput](p)
			if err != nil {
				return nil, err
			}
			return question(svc().Answer(p.Context, in.QuestionID, in.Answer))
		}),
	}
	f["followUpDisclosureQuestion"] = &graphql.Field{
		Type:        nonNull(questionPayload("FollowUpDisclosureQuestionPayload")),
		Description: "Marks, for the supervision committee, that it follows up an escalated question it has not answered, with a note everyone sees; once per question.",
		Args:        inputArg("FollowUpDisclosureQuestionInput", graphql.InputObjectConfigFieldMap{"questionId": id, "note": {Type: nonNull(graphql.String), Description: "1–1,000 characters."}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[followUpDisclosureQuestionInput](p)
			if err != nil {
				return nil, err
			}
			return question(svc().FollowUp(p.Context, in.QuestionID, in.Note))
		}),
	}
	f["recordDisclosurePosting"] = &graphql.Field{
		Type: nonNull(payload("RecordDisclosurePostingPayload", graphql.Fields{
			"posting": {Type: nonNull(t.posting)}, "disclosure": {Type: nonNull(t.disclosure)},
		})),
		Description: "Records that a published version's notice was posted or delivered in a micro-grid, for a grid worker of its grid or the committee. The same version, micro-grid, day and way is recorded once.",
		Args: inputArg("RecordDisclosurePostingInput", graphql.InputObjectConfigFieldMap{
			"versionId": id, "microGridId": id,
			"date":     {Type: nonNull(graphql.String), Description: "2006-01-02, from the day it was published to today."},
			"method":   {Type: nonNull(t.method)},
			"photoUrl": {Type: graphql.String, Description: "A photo of the board, http or https."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[recordDisclosurePostingInput](p)
			if err != nil {
				return nil, err
			}
			pin, err := in.toDomain()
			if err != nil {
				return nil, err
			}
			ps, err := svc().RecordPosting(p.Context, pin)
			if err != nil {
				return nil, err
			}
			d, err := svc().Disclosure(p.Context, ps.DisclosureID)
			return map[string]any{"posting": ps, "disclosure": d}, err
		}),
	}
	days := &graphql.InputObjectFieldConfig{Type: graphql.Int, Description: "Days after the period (event, decision) it is due, 1 to 60."}
	f["setDisclosureSchedule"] = &graphql.Field{
		Type:        nonNull(payload("SetDisclosureSchedulePayload", graphql.Fields{"schedule": {Type: nonNull(t.schedule)}})),
		Description: "Changes a community's disclosure schedule, for its committee or admin; fields left out stay.",
		Args: inputArg("SetDisclosureScheduleInput", graphql.InputObjectConfigFieldMap{
			"communityId": id, "financeCadence": {Type: t.financeCadence},
			"financeDueDays": days, "villageDueDays": days, "partyDueDays": days, "powerDueDays": days,
			"since": {Type: graphql.String, Description: "When the community began disclosing here, 2006-01-02."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[setDisclosureScheduleInput](p)
			if err != nil {
				return nil, err
			}
			up, err := in.toDomain()
			if err != nil {
				return nil, err
			}
			s, err := svc().SetSchedule(p.Context, in.CommunityID, up)
			return map[string]any{"schedule": s}, err
		}),
	}
	f["addFinanceCategory"] = &graphql.Field{
		Type:        nonNull(payload("AddFinanceCategoryPayload", graphql.Fields{"category": {Type: nonNull(t.category)}})),
		Description: "Adds a sub-category under a top-level account of the chart, for the committee; a name is taken once per account.",
		Args: inputArg("AddFinanceCategoryInput", graphql.InputObjectConfigFieldMap{
			"communityId": id,
			"parent":      {Type: nonNull(graphql.String), Description: "The code of a top-level account (a FinanceCategory without parent)."},
			"name":        {Type: nonNull(graphql.String), Description: "1–20 characters."},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[addFinanceCategoryInput](p)
			if err != nil {
				return nil, err
			}
			c, err := svc().AddCategory(p.Context, in.CommunityID, in.Parent, in.Name)
			return map[string]any{"category": c}, err
		}),
	}
	f["countDisclosureRead"] = &graphql.Field{
		Type: nonNull(payload("CountDisclosureReadPayload", graphql.Fields{
			"version":   {Type: nonNull(t.version)},
			"readCount": {Type: nonNull(graphql.Int), Description: "The version's reads, this one counted."},
		})),
		Description: "Counts one online read of a published version, for anyone, logged out too: the page calls it once when it shows a version. A draft is NOT_FOUND.",
		Args:        inputArg("CountDisclosureReadInput", graphql.InputObjectConfigFieldMap{"versionId": id}),
		Resolve: publicMutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[disclosureVersionInput](p)
			if err != nil {
				return nil, err
			}
			n, err := svc().CountRead(p.Context, in.VersionID)
			if err != nil {
				return nil, err
			}
			v, err := svc().Version(p.Context, in.VersionID)
			return map[string]any{"version": v, "readCount": n}, err
		}),
	}
	f["checkDisclosureAttachment"] = &graphql.Field{
		Type: nonNull(payload("CheckDisclosureAttachmentPayload", graphql.Fields{
			"reachable": {Type: nonNull(graphql.Boolean), Description: "The link gave a file."},
			"matches":   {Type: nonNull(graphql.Boolean), Description: "The file has the size and SHA-256 recorded when it was attached."},
			"sha256":    {Type: graphql.String, Description: "The SHA-256 of what the link gave (of its first size+1 bytes when longer); null when unreachable."},
			"size":      {Type: graphql.Int, Description: "The bytes the link gave, at most one more than recorded; null when unreachable."},
			"checkedAt": {Type: nonNull(graphql.DateTime)},
		})),
		Description: "Has the server download a published version's attachment (by its index in attachments) and compare it with the SHA-256 and size recorded: " +
			"for files on other sites, which the page may not read. For anyone, logged out too. Only public addresses are fetched, files up to 100 MiB (INVALID above), " +
			"four at a time (RATE_LIMITED); a result answers the same question for ten minutes.",
		Args: inputArg("CheckDisclosureAttachmentInput", graphql.InputObjectConfigFieldMap{"versionId": id, "index": {Type: nonNull(graphql.Int)}}),
		Resolve: publicMutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[checkDisclosureAttachmentInput](p)
			if err != nil {
				return nil, err
			}
			c, err := svc().CheckAttachmentOnServer(p.Context, in.VersionID, in.Index)
			if err != nil {
				return nil, err
			}
			out := map[string]any{"reachable": c.Reachable, "matches": c.Matches, "checkedAt": c.CheckedAt, "sha256": nil, "size": nil}
			if c.Reachable {
				out["sha256"], out["size"] = c.SHA256, c.Size
			}
			return out, nil
		}),
	}
}
