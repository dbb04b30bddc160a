package seed

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// 小古城村's disclosures (公开): a year of finance, four quarters of
// village affairs, two party-affairs notices, two power items, one
// finance correction, residents' questions and the notices posted in
// 古城一组, each made on its day. The seed walks the past year on a clock
// of its own (the disclosure service's WithClock), so everything is on the
// record when it happened, by the village's zone, and nothing after the
// real now. With T today and M its month:
//
//   - finance: the twelve months M-13 to M-2 (on 2026-11-27: 2025-10 to
//     2026-09), each drafted and published on the 5th to the 8th of the
//     month after it, before the 10th it is due on. M-1 is left for the
//     end-to-end story, whose committee publishes it (with StoryGarbageFen
//     for 垃圾清运); until then the schedule shows it due, then overdue.
//   - village affairs: the four quarters before the one holding M-1, each
//     on the 6th to the 8th of the month after it.
//   - August's slip: a resident asks about it 4 days after it is
//     published; on day answerDay the correction is published and the
//     committee answers.
//   - party affairs: the dues notice, dated two days after the last
//     finance month is published, and the candidates for membership, dated
//     T-9, each published the day after; power items a day or two after
//     the representatives decided them (T-13, T-6).
//   - questions: answered on time (day answerDay), answered late (escalated
//     on day 8, answered on day lateAnswerDay), escalated and followed up
//     by the supervision committee (day followUpDay), escalated and still
//     open, and open (asked T-3, not yet due). Escalation is the service's
//     Escalate, run as the job would in the first minute of day 8; it acts
//     on every community's questions, which in demo data are only these.
//   - postings: the grid worker of 古城一组 posts the last finance month,
//     the correction and the last quarter a day or two after each is
//     published.
//
// Every date counts from T, so two runs on the same day seed the same year.

const (
	committeeMember = "zhang.meifang@xiaogucheng.example" // 村委委员
	supervisor      = "chu.weimin@xiaogucheng.example"    // 村务监督委员会主任
)

// Days after the day a question was asked on which the seed answers or
// follows it up. Day 8 (disclosure.AnswerDays+1) is when it is escalated.
const (
	answerDay     = 3
	followUpDay   = 9
	lateAnswerDay = 10
)

// clock is the seed's clock, which the disclosure service reads while the
// seed walks the past year. It moves only forward and never past limit,
// the real now when the walk began.
type clock struct {
	t, limit time.Time
}

// now is the time the walk has reached.
func (c *clock) now() time.Time { return c.t }

// set moves the clock to t, or to the limit when t is later; never back.
func (c *clock) set(t time.Time) {
	if t.After(c.limit) {
		t = c.limit
	}
	if t.After(c.t) {
		c.t = t
	}
}

// step is something the seed does at a moment of the past year.
type step struct {
	at time.Time
	do func(context.Context) error
}

// discSeed seeds one community's disclosures.
type discSeed struct {
	s     Services
	ds    *disclosure.Service // on clock
	clock *clock
	c     community.Community
	loc   *time.Location
	users map[string]domain.ID
	today disclosure.Date // T: the day of the walk's limit
	steps []step
	// subs are the codes of the committee's sub-categories by parent and
	// name; versions the published versions questions and postings refer
	// to, by key.
	subs     map[string]string
	versions map[string]disclosure.Version
	slip     disclosure.Version // August's first version, the one corrected
}

// seedDisclosures gives the village its disclosures, unless it has some.
func seedDisclosures(ctx context.Context, s Services, users map[string]domain.ID) error {
	return seedDisclosuresAt(ctx, s, users, time.Now())
}

// seedDisclosuresAt gives the village its disclosures, unless it has some,
// walking the year before now.
func seedDisclosuresAt(ctx context.Context, s Services, users map[string]domain.ID, now time.Time) error {
	c, err := s.Communities.CommunityByCode(ctx, VillageCode)
	if err != nil {
		return err
	}
	have, err := s.Disclosures.Disclosures(as(ctx, users[director]), c.ID, disclosure.Filter{}, domain.Page{First: 1})
	if err != nil {
		return fmt.Errorf("list disclosures: %w", err)
	}
	if have.TotalCount > 0 {
		return nil
	}
	clk := &clock{limit: now}
	d := &discSeed{
		s: s, ds: s.Disclosures.WithClock(clk.now), clock: clk, c: c, loc: c.Location(), users: users,
		today: disclosure.DateOf(now, c.Location()), subs: map[string]string{}, versions: map[string]disclosure.Version{},
	}
	for _, plan := range []func(){d.setUp, d.finance, d.village, d.party, d.power, d.correction, d.questions, d.postings} {
		plan()
	}
	return d.walk(ctx)
}

// plan has do done at t.
func (d *discSeed) plan(t time.Time, do func(context.Context) error) {
	d.steps = append(d.steps, step{at: t, do: do})
}

// at is hour:minute of day in the village's zone.
func (d *discSeed) at(day disclosure.Date, hour, minute int) time.Time {
	return time.Date(day.Year, day.Month, day.Day, hour, minute, 0, 0, d.loc)
}

// walk does the steps planned in the order of their times, each with the
// clock at its time.
func (d *discSeed) walk(ctx context.Context) error {
	slices.SortStableFunc(d.steps, func(a, b step) int { return a.at.Compare(b.at) })
	for _, st := range d.steps {
		d.clock.set(st.at)
		if err := st.do(ctx); err != nil {
			return err
		}
	}
	return nil
}

// as returns ctx with the demo account email acting.
func (d *discSeed) as(ctx context.Context, email string) context.Context {
	return as(ctx, d.users[email])
}

// financeMonths returns the twelve months disclosed, oldest first: those
// before the month before today's, which the story publishes.
func financeMonths(today disclosure.Date) []disclosure.Period {
	return periodsBefore(disclosure.MonthPeriod(today).Prev(), 12)
}

// villageQuarters returns the four quarters disclosed, oldest first: those
// before the quarter holding the month before today's, so that each was
// published (in the month after it) before today.
func villageQuarters(today disclosure.Date) []disclosure.Period {
	return periodsBefore(disclosure.QuarterPeriod(disclosure.MonthPeriod(today).Prev().First()), 4)
}

// periodsBefore returns the n periods before p, oldest first.
func periodsBefore(p disclosure.Period, n int) []disclosure.Period {
	out := make([]disclosure.Period, n)
	for i := n - 1; i >= 0; i-- {
		p = p.Prev()
		out[i] = p
	}
	return out
}

// financeDay is the day the i-th finance month p is published: the 5th to
// the 8th of the month after it.
func financeDay(p disclosure.Period, i int) disclosure.Date { return p.Next().First().AddDays(4 + i%4) }

// villageDay is the day the i-th quarter p is published: the 6th to the
// 8th of the month after it.
func villageDay(p disclosure.Period, i int) disclosure.Date { return p.Next().First().AddDays(5 + i%3) }

// setUp plans, before the first finance month is drafted, the schedule
// (finance monthly, the default, from the first month disclosed) and the
// committee's sub-categories.
func (d *discSeed) setUp() {
	ms := financeMonths(d.today)
	first := financeDay(ms[0], 0)
	d.plan(d.at(first, 8, 30), func(ctx context.Context) error {
		monthly, since := disclosure.Monthly, ms[0].First()
		_, err := d.ds.SetSchedule(d.as(ctx, director), d.c.ID, disclosure.ScheduleUpdate{FinanceCadence: &monthly, Since: &since})
		if err != nil {
			return fmt.Errorf("disclosure schedule: %w", err)
		}
		return nil
	})
	d.plan(d.at(first, 8, 40), d.categories)
}

// categories adds the committee's sub-categories, or finds them.
func (d *discSeed) categories(ctx context.Context) error {
	actx := d.as(ctx, director)
	for _, cc := range customCategories {
		cat, err := d.ds.AddCategory(actx, d.c.ID, cc.Parent, cc.Name)
		if domain.ErrorCode(err) == domain.Conflict {
			cat, err = d.category(actx, cc.Parent, cc.Name)
		}
		if err != nil {
			return fmt.Errorf("category %s: %w", cc.Name, err)
		}
		d.subs[cc.Parent+"/"+cc.Name] = cat.Code
	}
	return nil
}

// category finds a sub-category of the village's chart by parent and name.
func (d *discSeed) category(ctx context.Context, parent, name string) (disclosure.Category, error) {
	all, err := d.ds.Categories(ctx, d.c.ID)
	if err != nil {
		return disclosure.Category{}, err
	}
	for _, c := range all {
		if c.Parent == parent && c.Label.ZH == name {
			return c, nil
		}
	}
	return disclosure.Category{}, fmt.Errorf("sub-category %s not found", name)
}

// publishOn plans who's draft of what in returns at drafted and its
// publication at published, then done with the published version.
func (d *discSeed) publishOn(drafted, published time.Time, who string, in func() disclosure.DraftInput, done func(disclosure.Version)) {
	var draft disclosure.Version
	d.plan(drafted, func(ctx context.Context) error {
		in := in()
		in.CommunityID = d.c.ID
		var err error
		if draft, err = d.ds.CreateDraft(d.as(ctx, who), in); err != nil {
			return fmt.Errorf("draft %s %s: %w", in.Kind, in.Period, err)
		}
		return nil
	})
	d.plan(published, func(ctx context.Context) error {
		v, err := d.ds.Publish(d.as(ctx, who), draft.ID)
		if err != nil {
			return fmt.Errorf("publish %s %s: %w", draft.Kind, draft.Period, err)
		}
		if done != nil {
			done(v)
		}
		return nil
	})
}

// finance plans the twelve months, each drafted at 09:00 and published at
// 15:00 on its day, opening with the closing balance of the month before;
// August's with financeSlip's error in it.
func (d *discSeed) finance() {
	opening := financeOpening
	ms := financeMonths(d.today)
	for i, p := range ms {
		day := financeDay(p, i)
		slip := p.First().Month == financeSlip.Month
		in := func() disclosure.DraftInput {
			items := d.financeItems(p)
			if slip {
				swapAmounts(items, financeSlip.A, financeSlip.B)
			}
			return disclosure.DraftInput{Kind: disclosure.KindFinance, Period: string(p), Content: disclosure.DraftContent{
				Body: financeBody, Finance: &disclosure.FinanceInput{Opening: opening, Items: items},
			}}
		}
		d.publishOn(d.at(day, 9, 0), d.at(day, 15, 0), director, in, func(v disclosure.Version) {
			opening = v.Content.Finance.Closing
			if slip {
				d.slip = v
			}
			if i == len(ms)-1 {
				d.versions["finance-last"] = v
			}
		})
	}
}

// financeItems are the items of month p, in date order, with their
// vouchers numbered through the month: 记-2026-09-003.
func (d *discSeed) financeItems(p disclosure.Period) []disclosure.Item {
	first, last := p.First(), p.Last()
	var items []disclosure.Item
	for _, l := range financeLines {
		fen := l.Fen[first.Month-1]
		if fen == 0 {
			continue
		}
		cat := l.Category
		if l.Sub != "" {
			cat = d.subs[l.Category+"/"+l.Sub]
		}
		items = append(items, disclosure.Item{
			Date:      disclosure.Date{Year: first.Year, Month: first.Month, Day: min(l.Day, last.Day)},
			Direction: l.Direction, Category: cat, Amount: fen, Counterparty: l.Counterparty, Note: l.Note,
		})
	}
	slices.SortStableFunc(items, func(a, b disclosure.Item) int { return a.Date.Compare(b.Date) })
	for i := range items {
		items[i].Voucher = fmt.Sprintf("记-%04d-%02d-%03d", first.Year, first.Month, i+1)
	}
	return items
}

// swapAmounts swaps the amounts of the items noted a and b.
func swapAmounts(items []disclosure.Item, a, b string) {
	i := slices.IndexFunc(items, func(it disclosure.Item) bool { return it.Note == a })
	j := slices.IndexFunc(items, func(it disclosure.Item) bool { return it.Note == b })
	if i >= 0 && j >= 0 {
		items[i].Amount, items[j].Amount = items[j].Amount, items[i].Amount
	}
}

// amountOf returns the amount of the item noted note.
func amountOf(items []disclosure.Item, note string) int64 {
	for _, it := range items {
		if it.Note == note {
			return it.Amount
		}
	}
	return 0
}

// village plans the four quarters of village affairs, each drafted at
// 10:00 and published at 16:30 on its day.
func (d *discSeed) village() {
	qs := villageQuarters(d.today)
	for i, p := range qs {
		day := villageDay(p, i)
		q := (int(p.First().Month)-1)/3 + 1
		in := func() disclosure.DraftInput {
			return disclosure.DraftInput{Kind: disclosure.KindVillage, Period: string(p), Content: disclosure.DraftContent{
				Title: p.Label().ZH + "村务公开", Body: villageAffairs[q],
			}}
		}
		d.publishOn(d.at(day, 10, 0), d.at(day, 16, 30), director, in, func(v disclosure.Version) {
			if i == len(qs)-1 {
				d.versions["village-last"] = v
			}
		})
	}
}

// party plans the party secretary's two notices, each drafted and
// published the day after its event: the dues collected this year up to
// the last finance month, two days after that month is published, and the
// candidates for membership.
func (d *discSeed) party() {
	ms := financeMonths(d.today)
	last := ms[len(ms)-1].First()
	span := fmt.Sprintf("%d年1—%d月", last.Year, last.Month)
	if last.Month == time.January {
		span = fmt.Sprintf("%d年1月", last.Year)
	}
	dues := partyDuesPerMonth * int64(last.Month)
	notices := []struct {
		event       disclosure.Date
		title, body string
	}{
		{financeDay(ms[len(ms)-1], len(ms)-1).AddDays(2), span + "党费收缴情况公示", fmt.Sprintf(
			"村党总支现有党员 %d 名。%s应缴党费 %s 元，实缴 %s 元，收缴率 100%%，已按规定全额上缴径山镇党委。党员可到村党群服务中心查询本人缴纳记录。",
			partyMembers, span, yuan(dues), yuan(dues))},
		{d.today.AddDays(-partyDevelopment.DaysAgo), partyDevelopment.Title, partyDevelopment.Body},
	}
	for _, n := range notices {
		in := func() disclosure.DraftInput {
			return disclosure.DraftInput{Kind: disclosure.KindParty, Period: string(disclosure.DayPeriod(n.event)), Content: disclosure.DraftContent{
				Title: n.title, Body: n.body,
			}}
		}
		day := n.event.AddDays(1)
		d.publishOn(d.at(day, 9, 30), d.at(day, 10, 0), secretary, in, nil)
	}
}

// power plans the tender and the lease, each dated the day the villagers'
// representatives decided it and published within its window.
func (d *discSeed) power() {
	for _, pi := range powerItems {
		decided := d.today.AddDays(-pi.DaysAgo)
		in := func() disclosure.DraftInput {
			dec := pi.Decision
			return disclosure.DraftInput{Kind: disclosure.KindPower, Period: string(disclosure.DayPeriod(decided)), Content: disclosure.DraftContent{
				Title: pi.Title, Body: pi.Body, Power: &dec,
			}}
		}
		day := decided.AddDays(pi.Lag)
		d.publishOn(d.at(day, 9, 30), d.at(day, 10, 0), director, in, func(v disclosure.Version) { d.versions[pi.Key] = v })
	}
}

// slipAsked is the day a resident asks about August's slip: 4 days after
// it is published.
func slipAsked(today disclosure.Date) disclosure.Date {
	ms := financeMonths(today)
	i := slices.IndexFunc(ms, func(p disclosure.Period) bool { return p.First().Month == financeSlip.Month })
	return financeDay(ms[i], i).AddDays(4)
}

// correction plans the question on August's slip, 4 days after it is
// published, and on day answerDay its correction and the committee's
// answer.
func (d *discSeed) correction() {
	asked := slipAsked(d.today)
	var q disclosure.Question
	d.plan(d.at(asked, 20, 15), func(ctx context.Context) error {
		items := d.slip.Content.Finance.Items
		januaryLight := financeLines[slices.IndexFunc(financeLines, func(l financeLine) bool { return l.Note == financeSlip.A })].Fen[0]
		var err error
		q, err = d.ds.Ask(d.as(ctx, "wang.haijun@xiaogucheng.example"), d.slip.ID, fmt.Sprintf(
			"8月份路灯电费 %s 元，比冬天1月份的 %s 元还高。夏天天黑得晚，路灯电费为什么反而最多？", yuan(amountOf(items, financeSlip.A)), yuan(januaryLight)))
		if err != nil {
			return fmt.Errorf("ask: %w", err)
		}
		return nil
	})
	day := asked.AddDays(answerDay)
	var draft disclosure.Version
	d.plan(d.at(day, 9, 40), func(ctx context.Context) error {
		f := d.slip.Content.Finance
		items := slices.Clone(f.Items)
		swapAmounts(items, financeSlip.A, financeSlip.B)
		var err error
		draft, err = d.ds.Correct(d.as(ctx, director), disclosure.CorrectionInput{DisclosureID: d.slip.DisclosureID, Reason: financeSlip.Reason, Content: disclosure.DraftContent{
			Body: d.slip.Content.Body, Finance: &disclosure.FinanceInput{Opening: f.Opening, Items: items},
		}})
		if err != nil {
			return fmt.Errorf("correct %s: %w", d.slip.Period, err)
		}
		return nil
	})
	d.plan(d.at(day, 11, 30), func(ctx context.Context) error {
		v, err := d.ds.Publish(d.as(ctx, director), draft.ID)
		if err != nil {
			return fmt.Errorf("publish the correction of %s: %w", d.slip.Period, err)
		}
		d.versions["correction"] = v
		if d.versions["finance-last"].DisclosureID == v.DisclosureID {
			d.versions["finance-last"] = v // later questions ask about the current version
		}
		return nil
	})
	d.plan(d.at(day, 14, 0), func(ctx context.Context) error {
		items := d.slip.Content.Finance.Items
		a, b := amountOf(items, financeSlip.A), amountOf(items, financeSlip.B)
		answer := fmt.Sprintf("经核对凭证，8月路灯电费应为 %s 元，%s 元是党群服务中心电费（暑期空调用电多）。两项金额录入时互换，已发布更正版本，收支合计不变。感谢您的监督。", yuan(b), yuan(a))
		if _, err := d.ds.Answer(d.as(ctx, committeeMember), q.ID, answer); err != nil {
			return fmt.Errorf("answer: %w", err)
		}
		return nil
	})
}

// questions plans the residents' questions and what becomes of them.
func (d *discSeed) questions() {
	for _, spec := range questions {
		asked := d.today.AddDays(-spec.DaysAgo)
		var q disclosure.Question
		d.plan(d.at(asked, spec.At[0], spec.At[1]), func(ctx context.Context) error {
			var err error
			if q, err = d.ds.Ask(d.as(ctx, spec.By), d.versions[spec.On].ID, spec.Text); err != nil {
				return fmt.Errorf("ask on %s: %w", spec.On, err)
			}
			return nil
		})
		if spec.Fate == answeredLate || spec.Fate == followedUp || spec.Fate == leftEscalated {
			// The job's tick in the first minute of day 8.
			d.plan(d.at(asked.AddDays(disclosure.AnswerDays+1), 0, 0).Add(30*time.Second), func(ctx context.Context) error {
				return d.escalate(ctx, q.ID)
			})
		}
		reply := func(ctx context.Context) error {
			var err error
			if spec.Fate == followedUp {
				_, err = d.ds.FollowUp(d.as(ctx, spec.ReplyBy), q.ID, spec.Reply)
			} else {
				_, err = d.ds.Answer(d.as(ctx, spec.ReplyBy), q.ID, spec.Reply)
			}
			if err != nil {
				return fmt.Errorf("reply on %s: %w", spec.On, err)
			}
			return nil
		}
		switch spec.Fate {
		case answeredOnTime:
			d.plan(d.at(asked.AddDays(answerDay), 10, 0), reply)
		case answeredLate:
			d.plan(d.at(asked.AddDays(lateAnswerDay), 10, 0), reply)
		case followedUp:
			d.plan(d.at(asked.AddDays(followUpDay), 10, 0), reply)
		}
	}
}

// escalate runs the escalation as the job would at the clock's now, and
// checks that it escalated question id.
func (d *discSeed) escalate(ctx context.Context, id domain.ID) error {
	got, err := d.ds.Escalate(ctx, d.clock.now())
	if err != nil {
		return fmt.Errorf("escalate: %w", err)
	}
	if !slices.ContainsFunc(got, func(q disclosure.Question) bool { return q.ID == id }) {
		return fmt.Errorf("question %s was not escalated on day %d", id, disclosure.AnswerDays+1)
	}
	return nil
}

// postings plans the grid worker of 古城一组 recording the notices put up
// there: the last finance month and August's correction on the board the
// day after they are published, the last quarter's village affairs door
// to door two days after.
func (d *discSeed) postings() {
	ms, qs := financeMonths(d.today), villageQuarters(d.today)
	for _, p := range []struct {
		key    string
		day    disclosure.Date
		method disclosure.Method
	}{
		{"finance-last", financeDay(ms[len(ms)-1], len(ms)-1).AddDays(1), disclosure.OnBoard},
		{"correction", slipAsked(d.today).AddDays(answerDay + 1), disclosure.OnBoard},
		{"village-last", villageDay(qs[len(qs)-1], len(qs)-1).AddDays(2), disclosure.DoorToDoor},
	} {
		d.plan(d.at(p.day, 17, 30), func(ctx context.Context) error {
			mg, err := d.microGrid(ctx, village.Grids[0].Micro[0].Code)
			if err != nil {
				return err
			}
			in := disclosure.PostingInput{VersionID: d.versions[p.key].ID, MicroGridID: mg.ID, Date: p.day, Method: p.method}
			if _, err := d.ds.RecordPosting(d.as(ctx, gridWorker1), in); err != nil {
				return fmt.Errorf("posting of %s: %w", p.key, err)
			}
			return nil
		})
	}
}

// microGrid finds the village's micro-grid with code.
func (d *discSeed) microGrid(ctx context.Context, code string) (community.MicroGrid, error) {
	all := domain.Page{First: domain.MaxPageSize}
	grids, err := d.s.Communities.Grids(ctx, d.c.ID, all)
	if err != nil {
		return community.MicroGrid{}, err
	}
	for _, g := range grids.Items {
		ms, err := d.s.Communities.MicroGrids(ctx, g.ID, all)
		if err != nil {
			return community.MicroGrid{}, err
		}
		for _, m := range ms.Items {
			if m.Code == code {
				return m, nil
			}
		}
	}
	return community.MicroGrid{}, fmt.Errorf("micro-grid %s not found", code)
}

// yuan writes fen as notices do: 4,280.00.
func yuan(fen int64) string {
	s := disclosure.FormatYuan(fen)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 && whole[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + "." + frac
}
