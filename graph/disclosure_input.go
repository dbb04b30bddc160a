package graph

import (
	"context"
	"fmt"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// A version's content as the API takes it: money as yuan strings with at
// most two decimals (parsed into exact fen here, so a bad amount is
// BAD_USER_INPUT under the field it was sent in, such as items[3].amount,
// as the domain names fields), days as 2006-01-02.

type disclosureContentInput struct {
	Title          string                `json:"title"`
	Body           string                `json:"body"`
	Power          *disclosurePowerInput `json:"power"`
	OpeningBalance *string               `json:"openingBalance"`
	Items          []financeItemInput    `json:"items"`
	Attachments    []attachmentInput     `json:"attachments"`
}

type disclosurePowerInput struct {
	Decision  string `json:"decision"`
	DecidedBy string `json:"decidedBy"`
	Basis     string `json:"basis"`
	Amount    string `json:"amount"`
}

type financeItemInput struct {
	Key          string               `json:"key"`
	Date         string               `json:"date"`
	Direction    disclosure.Direction `json:"direction"`
	Category     string               `json:"category"`
	Amount       string               `json:"amount"`
	Counterparty string               `json:"counterparty"`
	Voucher      string               `json:"voucher"`
	Link         string               `json:"link"` // a Topic or Resolution ID, checked by checkLinks
	Note         string               `json:"note"`
}

type attachmentInput struct {
	URL    string `json:"url"`
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// toDomain reads the amounts and days. Errors: Invalid (openingBalance,
// items[i].date, items[i].amount, power.amount).
func (in disclosureContentInput) toDomain() (disclosure.DraftContent, error) {
	out := disclosure.DraftContent{Title: in.Title, Body: in.Body}
	if in.Power != nil {
		p := disclosure.Power{Decision: in.Power.Decision, DecidedBy: in.Power.DecidedBy, Basis: in.Power.Basis}
		if in.Power.Amount != "" {
			fen, err := disclosure.ParseYuan("power.amount", in.Power.Amount)
			if err != nil {
				return out, err
			}
			p.Amount = fen
		}
		out.Power = &p
	}
	if in.OpeningBalance != nil || in.Items != nil {
		f := &disclosure.FinanceInput{Items: make([]disclosure.Item, len(in.Items))}
		if in.OpeningBalance != nil {
			fen, err := disclosure.ParseBalance("openingBalance", *in.OpeningBalance)
			if err != nil {
				return out, err
			}
			f.Opening = fen
		}
		for i, it := range in.Items {
			date, ok := disclosure.ParseDate(it.Date)
			if !ok {
				return out, domain.InvalidField(fmt.Sprintf("items[%d].date", i), "日期应写成 2026-10-15", "write the date as 2026-10-15")
			}
			fen, err := disclosure.ParseYuan(fmt.Sprintf("items[%d].amount", i), it.Amount)
			if err != nil {
				return out, err
			}
			f.Items[i] = disclosure.Item{ID: it.Key, Date: date, Direction: it.Direction, Category: it.Category, Amount: fen,
				Counterparty: it.Counterparty, Voucher: it.Voucher, Link: it.Link, Note: it.Note}
		}
		out.Finance = f
	}
	for _, a := range in.Attachments {
		out.Attachments = append(out.Attachments, disclosure.Attachment{URL: a.URL, Name: a.Name, SHA256: a.SHA256, Size: a.Size})
	}
	return out, nil
}

// content checks the items' links, then reads the content. A link is an ID
// like any other: malformed, of a type other than Topic or Resolution, or
// naming no topic or resolution of the community (when known: community
// may be empty) the viewer can see, it is NOT_FOUND under items.
func (b *builder) content(ctx context.Context, communityID domain.ID, in disclosureContentInput) (disclosure.DraftContent, error) {
	for _, it := range in.Items {
		if it.Link == "" {
			continue
		}
		typ, id, ok := decodeGlobalID(it.Link)
		if !ok || (typ != "Topic" && typ != "Resolution") {
			return disclosure.DraftContent{}, inField(notFound(""), "items")
		}
		if b.svc.Deliberation == nil {
			continue
		}
		var owner domain.ID
		var err error
		if typ == "Topic" {
			t, e := b.svc.Deliberation.Topic(ctx, id)
			owner, err = t.CommunityID, e
		} else {
			r, e := b.svc.Deliberation.Resolution(ctx, id)
			owner, err = r.CommunityID, e
		}
		switch {
		case domain.ErrorCode(err) == domain.NotFound || (err == nil && communityID != "" && owner != communityID):
			return disclosure.DraftContent{}, inField(notFound(typ), "items")
		case err != nil:
			return disclosure.DraftContent{}, err
		}
	}
	return in.toDomain()
}

type createDisclosureDraftInput struct {
	CommunityID domain.ID       `json:"communityId" id:"Community"`
	Kind        disclosure.Kind `json:"kind"`
	Period      string          `json:"period"`
	disclosureContentInput
}

type updateDisclosureDraftInput struct {
	VersionID domain.ID `json:"versionId" id:"DisclosureVersion"`
	Reason    string    `json:"reason"`
	disclosureContentInput
}

type correctDisclosureInput struct {
	DisclosureID domain.ID `json:"disclosureId" id:"Disclosure"`
	Reason       string    `json:"reason"`
	disclosureContentInput
}

type withdrawDisclosureInput struct {
	DisclosureID domain.ID `json:"disclosureId" id:"Disclosure"`
	Reason       string    `json:"reason"`
}

// disclosureVersionInput is the input of the mutations that take a
// version alone: publish, discard, count a read.
type disclosureVersionInput struct {
	VersionID domain.ID `json:"versionId" id:"DisclosureVersion"`
}

type checkDisclosureAttachmentInput struct {
	VersionID domain.ID `json:"versionId" id:"DisclosureVersion"`
	Index     int       `json:"index"`
}

type askDisclosureQuestionInput struct {
	VersionID domain.ID `json:"versionId" id:"DisclosureVersion"`
	Text      string    `json:"text"`
}

type answerDisclosureQuestionInput struct {
	QuestionID domain.ID `json:"questionId" id:"DisclosureQuestion"`
	Answer     string    `json:"answer"`
}

type followUpDisclosureQuestionInput struct {
	QuestionID domain.ID `json:"questionId" id:"DisclosureQuestion"`
	Note       string    `json:"note"`
}

type recordDisclosurePostingInput struct {
	VersionID   domain.ID         `json:"versionId" id:"DisclosureVersion"`
	MicroGridID domain.ID         `json:"microGridId" id:"MicroGrid"`
	Date        string            `json:"date"`
	Method      disclosure.Method `json:"method"`
	PhotoURL    string            `json:"photoUrl"`
}

func (in recordDisclosurePostingInput) toDomain() (disclosure.PostingInput, error) {
	d, ok := disclosure.ParseDate(in.Date)
	if !ok {
		return disclosure.PostingInput{}, domain.InvalidField("date", "日期应写成 2026-10-15", "write the date as 2026-10-15")
	}
	return disclosure.PostingInput{VersionID: in.VersionID, MicroGridID: in.MicroGridID, Date: d, Method: in.Method, PhotoURL: in.PhotoURL}, nil
}

type setDisclosureScheduleInput struct {
	CommunityID    domain.ID           `json:"communityId" id:"Community"`
	FinanceCadence *disclosure.Cadence `json:"financeCadence"`
	FinanceDueDays *int                `json:"financeDueDays"`
	VillageDueDays *int                `json:"villageDueDays"`
	PartyDueDays   *int                `json:"partyDueDays"`
	PowerDueDays   *int                `json:"powerDueDays"`
	Since          *string             `json:"since"`
}

func (in setDisclosureScheduleInput) toDomain() (disclosure.ScheduleUpdate, error) {
	up := disclosure.ScheduleUpdate{FinanceCadence: in.FinanceCadence, FinanceDueDays: in.FinanceDueDays, VillageDueDays: in.VillageDueDays,
		PartyDueDays: in.PartyDueDays, PowerDueDays: in.PowerDueDays}
	if in.Since != nil {
		d, ok := disclosure.ParseDate(*in.Since)
		if !ok {
			return up, domain.InvalidField("since", "日期应写成 2026-01-01", "write the date as 2026-01-01")
		}
		up.Since = &d
	}
	return up, nil
}

type addFinanceCategoryInput struct {
	CommunityID domain.ID `json:"communityId" id:"Community"`
	Parent      string    `json:"parent"`
	Name        string    `json:"name"`
}
