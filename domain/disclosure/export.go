package disclosure

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/sheet"
)

// ExportScope is what an export covers: a community's disclosures whose
// period starts in Year, or the one Period when set; Kind narrows a
// question log (nil: every kind).
type ExportScope struct {
	CommunityID domain.ID
	Year        int
	Period      *Period
	Kind        *Kind
}

// FinanceSheets exports the published finance of a scope, as people keep
// it in Excel or WPS: a sheet of the periods' balances (opening, income,
// expense, closing) and a sheet of every line item, from each period's
// latest published version. Anyone may export what is published. Errors:
// NotFound (community), Invalid (scope).
func (s *Service) FinanceSheets(ctx context.Context, scope ExportScope, lang domain.Lang) ([]sheet.Sheet, error) {
	finance := KindFinance
	list, loc, err := s.exportedDisclosures(ctx, scope, &finance)
	if err != nil {
		return nil, err
	}
	ids := make([]domain.ID, 0, len(list))
	for _, d := range list {
		ids = append(ids, d.Current.ID)
	}
	versions, err := s.findVersionsWithItems(ctx, ids)
	if err != nil {
		return nil, err
	}
	chart, err := s.Categories(ctx, scope.CommunityID)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, c := range chart {
		names[c.Code] = c.Label.In(lang)
	}
	byID := map[domain.ID]Version{}
	for _, v := range versions {
		byID[v.ID] = v
	}
	t := exportTitles[lang]
	balances := sheet.Sheet{Name: t.balances, Zone: loc, Columns: []sheet.Column{
		{Title: t.period, Kind: sheet.Text, Width: 12}, {Title: t.version, Kind: sheet.Int}, {Title: t.opening, Kind: sheet.Yuan},
		{Title: t.income, Kind: sheet.Yuan}, {Title: t.expense, Kind: sheet.Yuan}, {Title: t.closing, Kind: sheet.Yuan}, {Title: t.published, Kind: sheet.Date},
	}}
	items := sheet.Sheet{Name: t.items, Zone: loc, Columns: []sheet.Column{
		{Title: t.period, Kind: sheet.Text, Width: 12}, {Title: t.date, Kind: sheet.Date}, {Title: t.direction, Kind: sheet.Text, Width: 6},
		{Title: t.category, Kind: sheet.Text}, {Title: t.amount, Kind: sheet.Yuan}, {Title: t.counterparty, Kind: sheet.Text},
		{Title: t.voucher, Kind: sheet.Text, Width: 16}, {Title: t.note, Kind: sheet.Text, Width: 30},
	}}
	// Oldest period first, as a ledger reads.
	for i := len(list) - 1; i >= 0; i-- {
		d := list[i]
		v, ok := byID[d.Current.ID]
		if !ok || v.Content.Finance == nil {
			continue
		}
		f := v.Content.Finance
		period := d.Period.Label().In(lang)
		balances.Rows = append(balances.Rows, []any{period, v.Number, f.Opening, f.Income, f.Expense, f.Closing, v.PublishedAt})
		for _, it := range f.Items {
			category := names[it.Category]
			if category == "" {
				category = it.Category
			}
			items.Rows = append(items.Rows, []any{period, time.Date(it.Date.Year, it.Date.Month, it.Date.Day, 12, 0, 0, 0, loc), it.Direction.Label().In(lang), category, it.Amount, it.Counterparty, it.Voucher, it.Note})
		}
	}
	return []sheet.Sheet{balances, items}, nil
}

// QuestionSheet exports the question log of a scope: each question on a
// published disclosure with its answer, whether it was answered in time,
// and whether it went to the supervisory committee. It names no one.
// Errors: NotFound (community), Invalid (scope).
func (s *Service) QuestionSheet(ctx context.Context, scope ExportScope, lang domain.Lang) (sheet.Sheet, error) {
	list, loc, err := s.exportedDisclosures(ctx, scope, scope.Kind)
	if err != nil {
		return sheet.Sheet{}, err
	}
	ids := make([]domain.ID, 0, len(list))
	titles := map[domain.ID]string{}
	for _, d := range list {
		ids = append(ids, d.ID)
		titles[d.ID] = d.Kind.Label().In(lang) + " " + d.Period.Label().In(lang)
	}
	questions, err := s.findQuestionsOn(ctx, ids)
	if err != nil {
		return sheet.Sheet{}, err
	}
	t := exportTitles[lang]
	out := sheet.Sheet{Name: t.questions, Zone: loc, Columns: []sheet.Column{
		{Title: t.disclosure, Kind: sheet.Text, Width: 20}, {Title: t.asked, Kind: sheet.Date}, {Title: t.question, Kind: sheet.Text, Width: 40},
		{Title: t.state, Kind: sheet.Text, Width: 10}, {Title: t.answer, Kind: sheet.Text, Width: 40}, {Title: t.answered, Kind: sheet.Date},
		{Title: t.onTime, Kind: sheet.Text, Width: 8}, {Title: t.escalated, Kind: sheet.Text, Width: 8},
	}}
	yes, no := t.yes, t.no
	for _, q := range questions {
		var answered any
		if !q.AnsweredAt.IsZero() {
			answered = q.AnsweredAt
		}
		onTime, escalated := no, no
		if q.OnTime {
			onTime = yes
		}
		if q.AnsweredAt.IsZero() {
			onTime = ""
		}
		if q.Escalated {
			escalated = yes
		}
		out.Rows = append(out.Rows, []any{titles[q.DisclosureID], q.AskedAt, q.Text, questionStateLabels[q.State].In(lang), q.Answer, answered, onTime, escalated})
	}
	return out, nil
}

// questionStateLabels name a question's states in an export.
var questionStateLabels = map[QuestionState]domain.Text{
	QuestionOpen:      {ZH: "待答复", EN: "open"},
	QuestionEscalated: {ZH: "已转监委会", EN: "escalated"},
	QuestionAnswered:  {ZH: "已答复", EN: "answered"},
}

// maxExported is how many disclosures an export reads: ten years of
// months, more than a year or a period holds.
const maxExported = 120

// exportedDisclosures lists the published disclosures of a scope (of one
// kind, when kind is set), newest first, with the community's zone.
func (s *Service) exportedDisclosures(ctx context.Context, scope ExportScope, kind *Kind) ([]Disclosure, *time.Location, error) {
	c, err := s.comms.Community(ctx, scope.CommunityID)
	if err != nil {
		return nil, nil, err
	}
	state := Published
	f := Filter{Kind: kind, State: &state}
	switch {
	case scope.Period != nil:
		f.Period = scope.Period
	case scope.Year >= 2000 && scope.Year <= 9999:
		f.Year = &scope.Year
	default:
		return nil, nil, domain.InvalidField("year", "请选择年份或期间", "choose a year or a period")
	}
	var out []Disclosure
	page := domain.Page{First: domain.MaxPageSize}
	for len(out) < maxExported {
		l, err := s.Disclosures(ctx, c.ID, f, page)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, l.Items...)
		if !l.HasNextPage || len(l.Items) == 0 {
			break
		}
		page.After = l.Items[len(l.Items)-1].Cursor()
	}
	return out, c.Location(), nil
}

// exportTitle is an export's words in one language.
type exportTitle struct {
	balances, items, questions                                                       string
	period, version, opening, income, expense, closing, published                    string
	date, direction, category, amount, counterparty, voucher, note                   string
	disclosure, asked, question, state, answer, answered, onTime, escalated, yes, no string
}

var exportTitles = map[domain.Lang]exportTitle{
	domain.Chinese: {
		balances: "各期收支", items: "收支明细", questions: "质询记录",
		period: "期间", version: "版本", opening: "期初余额（元）", income: "本期收入（元）", expense: "本期支出（元）", closing: "期末余额（元）", published: "公布日期",
		date: "日期", direction: "收支", category: "科目", amount: "金额（元）", counterparty: "往来单位", voucher: "凭证号", note: "备注",
		disclosure: "公开事项", asked: "提出日期", question: "质询内容", state: "状态", answer: "答复", answered: "答复日期", onTime: "按时答复", escalated: "转监委会", yes: "是", no: "否",
	},
	domain.English: {
		balances: "Balances", items: "Line items", questions: "Questions",
		period: "Period", version: "Version", opening: "Opening (yuan)", income: "Income (yuan)", expense: "Expense (yuan)", closing: "Closing (yuan)", published: "Published",
		date: "Date", direction: "In/out", category: "Account", amount: "Amount (yuan)", counterparty: "Counterparty", voucher: "Voucher", note: "Note",
		disclosure: "Disclosure", asked: "Asked", question: "Question", state: "State", answer: "Answer", answered: "Answered", onTime: "On time", escalated: "Escalated", yes: "yes", no: "no",
	},
}
