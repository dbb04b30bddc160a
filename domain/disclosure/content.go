package disclosure

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// DraftContent is a version's content as its editor enters it.
type DraftContent struct {
	Title       string        // 1–80 runes; a finance version without one is named after its period
	Body        string        // up to 20,000 runes; party and village affairs need one
	Power       *Power        // power items only, and required there
	Finance     *FinanceInput // finance only, and required there
	Attachments []Attachment  // URL, name, SHA-256 and size; the time is set when saved
}

// Bounds of a version's text.
const (
	maxTitle  = 80
	maxBody   = 20000
	maxReason = 500
)

// checkPeriod reads a new disclosure's period and checks it against the
// kind's rule: a month or a quarter as the community's cadence says for
// finance, a quarter for village affairs, a day for the others; not in the
// future, and not more than ten years back. Errors: Invalid (period).
func checkPeriod(rule Rule, raw string, today Date) (Period, error) {
	p, err := ParsePeriod(raw)
	if err != nil {
		return "", err
	}
	if p.Unit() != rule.Unit() {
		want := map[Unit]domain.Text{
			Month:   {ZH: "按月公开，期间应写成 2026-10", EN: "disclosed monthly: write the period as 2026-10"},
			Quarter: {ZH: "按季度公开，期间应写成 2026-Q4", EN: "disclosed quarterly: write the period as 2026-Q4"},
			Day:     {ZH: "按事项公开，期间应为事项或决定的日期，如 2026-10-15", EN: "disclosed per event: the period is the day of the event or decision, such as 2026-10-15"},
		}[rule.Unit()]
		return "", domain.InvalidText("period", domain.Text{ZH: rule.Kind.Label().ZH + want.ZH, EN: rule.Kind.Label().EN + " is " + want.EN})
	}
	if p.First().Compare(today) > 0 {
		return "", domain.InvalidField("period", "期间不能在将来", "the period must not be in the future")
	}
	if p.Last().Compare(dateOf(today.utc().AddDate(-10, 0, 0))) < 0 {
		return "", domain.InvalidField("period", "期间不能早于十年前", "the period must be within the last ten years")
	}
	return p, nil
}

// checkReason cleans the reason of a correction or withdrawal: 1–500
// runes. Errors: Invalid (reason).
func checkReason(reason string) (string, error) {
	return text.Body("reason", reason, 1, maxReason)
}

// checkContent checks a version's content for a disclosure of kind and
// period. Finance items may keep the IDs of the items of before (the
// version being edited and the one corrected); attachments kept from them
// keep their time. Errors: Invalid.
func (s *Service) checkContent(ctx context.Context, communityID domain.ID, kind Kind, p Period, in DraftContent, before []Content, now time.Time) (Content, error) {
	var out Content
	var err error
	if in.Title == "" && kind == KindFinance {
		in.Title = fmt.Sprintf("%s财务收支公开", p.Label().ZH)
	}
	if out.Title, err = text.Line("title", domain.Text{ZH: "标题", EN: "title"}, in.Title, 1, maxTitle); err != nil {
		return Content{}, err
	}
	minBody := 0
	if kind == KindParty || kind == KindVillage {
		minBody = 1
	}
	if out.Body, err = text.Body("body", in.Body, minBody, maxBody); err != nil {
		return Content{}, err
	}
	switch {
	case kind == KindPower && in.Power == nil:
		return Content{}, domain.InvalidField("power", "权力事项须写明决定、决定者、依据和金额", "a power item needs the decision, who decided, the basis and the amount")
	case kind != KindPower && in.Power != nil:
		return Content{}, domain.InvalidField("power", "只有权力事项才填写决定事项", "only power items have a decision")
	case kind == KindFinance && in.Finance == nil:
		return Content{}, domain.InvalidField("items", "财务公开须填写收支明细", "a finance disclosure needs its items")
	case kind != KindFinance && in.Finance != nil:
		return Content{}, domain.InvalidField("items", "只有财务公开才填写收支明细", "only finance disclosures have items")
	}
	if in.Power != nil {
		if out.Power, err = checkPower(*in.Power); err != nil {
			return Content{}, err
		}
	}
	var beforeAttachments []Attachment
	known := map[string]bool{}
	for _, c := range before {
		beforeAttachments = append(beforeAttachments, c.Attachments...)
		if c.Finance != nil {
			for _, it := range c.Finance.Items {
				known[it.ID] = true
			}
		}
	}
	if in.Finance != nil {
		chart, err := s.chart(ctx, communityID)
		if err != nil {
			return Content{}, err
		}
		f, err := checkFinance(*in.Finance, p, chart, known)
		if err != nil {
			return Content{}, err
		}
		out.Finance = &f
	}
	if out.Attachments, err = checkAttachments(in.Attachments, beforeAttachments, now); err != nil {
		return Content{}, err
	}
	return out, nil
}

// checkPower checks what a power item says of its decision. Errors:
// Invalid (power.field).
func checkPower(in Power) (*Power, error) {
	var err error
	if in.Decision, err = text.Body("power.decision", in.Decision, 1, 500); err != nil {
		return nil, err
	}
	if in.DecidedBy, err = text.Line("power.decidedBy", domain.Text{ZH: "决定者", EN: "who decided"}, in.DecidedBy, 1, 64); err != nil {
		return nil, err
	}
	if in.Basis, err = text.Body("power.basis", in.Basis, 1, 500); err != nil {
		return nil, err
	}
	if in.Amount < 0 || in.Amount > MaxFen {
		return nil, domain.InvalidField("power.amount", "金额须在 0 到 %s 元之间", "the amount must be between 0 and %s yuan", FormatYuan(MaxFen))
	}
	return &in, nil
}
