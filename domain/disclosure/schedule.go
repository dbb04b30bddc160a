package disclosure

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// Cadence is how often a kind of disclosure is due.
type Cadence string

// Cadences.
const (
	Monthly   Cadence = "monthly"   // finance, per month
	Quarterly Cadence = "quarterly" // finance or village affairs, per quarter
	PerEvent  Cadence = "per_event" // party affairs per event, power items per decision
)

// Rule is when a kind of disclosure is due in a community: DueDays after
// its period ends (after the event or the decision, for per-event kinds).
type Rule struct {
	Kind    Kind
	Cadence Cadence
	DueDays int
}

// Unit returns the unit of the periods the rule asks for.
func (r Rule) Unit() Unit {
	switch r.Cadence {
	case Monthly:
		return Month
	case Quarterly:
		return Quarter
	}
	return Day
}

// DueDate returns the last day to publish the disclosure of period p.
func (r Rule) DueDate(p Period) Date { return p.Last().AddDays(r.DueDays) }

// Schedule is a community's disclosure schedule: a rule per kind.
type Schedule struct {
	CommunityID domain.ID
	// Since is when the community began disclosing here: periods that end
	// before it and have no disclosure are not counted as missing.
	Since     Date
	Rules     []Rule // one per kind, in Kinds order
	UpdatedBy domain.ID
	UpdatedAt time.Time
}

// Rule returns the schedule's rule for kind.
func (s Schedule) Rule(k Kind) Rule {
	for _, r := range s.Rules {
		if r.Kind == k {
			return r
		}
	}
	return Rule{Kind: k, Cadence: PerEvent, DueDays: DefaultDueDays}
}

// DefaultDueDays is how many days after a period (an event, a decision) its
// disclosure is due unless the community sets otherwise.
const DefaultDueDays = 10

// ScheduleUpdate changes some of a community's schedule; nil fields stay.
type ScheduleUpdate struct {
	FinanceCadence *Cadence // Monthly or Quarterly
	FinanceDueDays *int
	VillageDueDays *int
	PartyDueDays   *int
	PowerDueDays   *int
	Since          *Date
}

// Schedule returns a community's disclosure schedule, which is public.
// Errors: NotFound (community).
func (s *Service) Schedule(ctx context.Context, communityID domain.ID) (Schedule, error) {
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		return Schedule{}, err
	}
	return s.scheduleOf(ctx, c)
}

// scheduleOf reads a community's schedule, defaults filled in.
func (s *Service) scheduleOf(ctx context.Context, c community.Community) (Schedule, error) {
	d, err := s.findSchedule(ctx, c.ID)
	if err != nil {
		return Schedule{}, err
	}
	return toSchedule(c, d), nil
}

// SetSchedule changes a community's schedule, for its committee or admin.
// Each field given is set on its own, so concurrent changes of different
// fields both stay. Errors: Unauthenticated, Forbidden, NotFound,
// Invalid (financeCadence, *DueDays 1–60, since).
func (s *Service) SetSchedule(ctx context.Context, communityID domain.ID, up ScheduleUpdate) (Schedule, error) {
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		return Schedule{}, err
	}
	if _, err := s.access(ctx, c.ID, func(a community.Access) bool { return a.Manager() }); err != nil {
		return Schedule{}, err
	}
	set := map[string]any{}
	if up.FinanceCadence != nil {
		if *up.FinanceCadence != Monthly && *up.FinanceCadence != Quarterly {
			return Schedule{}, domain.InvalidField("financeCadence", "财务公开须按月或按季度", "finance is disclosed monthly or quarterly")
		}
		set["finance_cadence"] = string(*up.FinanceCadence)
	}
	for _, f := range []struct {
		field, key string
		days       *int
	}{
		{"financeDueDays", "finance_due_days", up.FinanceDueDays}, {"villageDueDays", "village_due_days", up.VillageDueDays},
		{"partyDueDays", "party_due_days", up.PartyDueDays}, {"powerDueDays", "power_due_days", up.PowerDueDays},
	} {
		if f.days == nil {
			continue
		}
		if *f.days < 1 || *f.days > 60 {
			return Schedule{}, domain.InvalidField(f.field, "公开期限须在 1 到 60 天之间", "the days to publish must be between 1 and 60")
		}
		set[f.key] = *f.days
	}
	if up.Since != nil {
		today := DateOf(s.now(), c.Location())
		if !up.Since.Valid() || up.Since.Year < 2000 || up.Since.Compare(today.AddDays(366)) > 0 {
			return Schedule{}, domain.InvalidField("since", "起始日期无效", "invalid start date")
		}
		set["since"] = up.Since.String()
	}
	if len(set) > 0 {
		set["updated_by"] = string(domain.ActorFromContext(ctx).UserID)
		set["updated_at"] = s.now().UTC()
		if err := s.setSchedule(ctx, c.ID, set); err != nil {
			return Schedule{}, err
		}
	}
	return s.scheduleOf(ctx, c)
}

// Status is how a disclosure stands against its due date.
type Status string

// Statuses of a period (or an event's disclosure) on the schedule record.
const (
	OnTime   Status = "on_time"  // published by the end of its due day
	Late     Status = "late"     // published after it
	Upcoming Status = "upcoming" // not published, due later than in 3 days
	DueSoon  Status = "due_soon" // not published, due within 3 days
	Overdue  Status = "overdue"  // not published, past due: the latest such period
	Missing  Status = "missing"  // not published, past due, and so is the period after it
)

// dueSoonWindow is how long before its due time a disclosure is due soon.
const dueSoonWindow = 3 * 24 * time.Hour

// statusOf returns the status of a disclosure due at dueAt that was first
// published at published (zero: not yet), at now.
func statusOf(dueAt, published, now time.Time) Status {
	switch {
	case !published.IsZero() && published.Before(dueAt):
		return OnTime
	case !published.IsZero():
		return Late
	case now.Before(dueAt.Add(-dueSoonWindow)):
		return Upcoming
	case now.Before(dueAt):
		return DueSoon
	}
	return Overdue
}

// dueAt returns the end of due day in loc: the first instant after it.
func dueAt(due Date, loc *time.Location) time.Time { return due.AddDays(1).Start(loc).UTC() }

// PeriodStatus is one line of a community's schedule record: a period (an
// event, a decision) of a kind, when it was due and how it stands.
type PeriodStatus struct {
	Kind         Kind
	Period       Period
	Due          Date
	DueAt        time.Time
	Status       Status
	DisclosureID domain.ID // empty when there is none
	PublishedAt  time.Time // its first publication
}

// DefaultRecordPeriods is how many periods the schedule record shows unless
// asked for another number.
const DefaultRecordPeriods = 12

// ScheduleRecord lists a community's record for one kind, newest first,
// which is public (but for which drafts there are): for finance and village affairs the last periods
// periods up to the current one (0: 12), those before the schedule's
// Since left out unless they have a disclosure; for party affairs and
// power items the disclosures of as many months back. Errors: NotFound
// (community), Invalid (kind, periods 0–60).
func (s *Service) ScheduleRecord(ctx context.Context, communityID domain.ID, kind Kind, periods int) ([]PeriodStatus, error) {
	if !kind.Valid() {
		return nil, domain.InvalidField("kind", "未知的公开类别", "unknown kind")
	}
	if periods == 0 {
		periods = DefaultRecordPeriods
	}
	if periods < 1 || periods > 60 {
		return nil, domain.InvalidField("periods", "期数须在 1 到 60 之间", "periods must be between 1 and 60")
	}
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		return nil, err
	}
	sched, err := s.scheduleOf(ctx, c)
	if err != nil {
		return nil, err
	}
	v, err := s.viewerOf(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	rec, err := s.periodRecord(ctx, c, sched, kind, periods, s.now())
	for i := range rec {
		if rec[i].PublishedAt.IsZero() && !v.sees(kind) {
			rec[i].DisclosureID = "" // a draft is its editors' alone
		}
	}
	return rec, err
}

// periodRecord computes the schedule record of kind at now: one query.
func (s *Service) periodRecord(ctx context.Context, c community.Community, sched Schedule, kind Kind, periods int, now time.Time) ([]PeriodStatus, error) {
	loc := c.Location()
	today := DateOf(now, loc)
	rule := sched.Rule(kind)
	if !kind.periodic() {
		from := dateOf(today.Start(time.UTC).AddDate(0, -periods, 0))
		docs, err := s.findDisclosureHeads(ctx, c.ID, kind, from)
		if err != nil {
			return nil, err
		}
		out := make([]PeriodStatus, len(docs))
		for i, d := range docs {
			out[i] = statusOfDisclosure(toDisclosure(d), now)
		}
		return out, nil
	}
	list := make([]Period, periods)
	list[0] = PeriodOf(rule.Unit(), today)
	for i := 1; i < periods; i++ {
		list[i] = list[i-1].Prev()
	}
	docs, err := s.findDisclosureHeads(ctx, c.ID, kind, list[periods-1].First())
	if err != nil {
		return nil, err
	}
	byPeriod := make(map[Period]Disclosure, len(docs))
	for _, d := range docs {
		byPeriod[Period(d.Period)] = toDisclosure(d)
	}
	out := make([]PeriodStatus, 0, periods)
	for _, p := range list {
		d, ok := byPeriod[p]
		if !ok && p.Last().Compare(sched.Since) < 0 {
			continue
		}
		st := PeriodStatus{Kind: kind, Period: p, Due: rule.DueDate(p)}
		st.DueAt = dueAt(st.Due, loc)
		if ok {
			st = statusOfDisclosure(d, now)
		} else {
			st.Status = statusOf(st.DueAt, time.Time{}, now)
		}
		if st.Status == Overdue && !now.Before(dueAt(rule.DueDate(p.Next()), loc)) {
			st.Status = Missing
		}
		out = append(out, st)
	}
	return out, nil
}

// statusOfDisclosure is a disclosure's line of the schedule record.
func statusOfDisclosure(d Disclosure, now time.Time) PeriodStatus {
	return PeriodStatus{
		Kind: d.Kind, Period: d.Period, Due: d.Due, DueAt: d.DueAt, Status: d.Status(now),
		DisclosureID: d.ID, PublishedAt: d.FirstPublishedAt,
	}
}

// dueNow lists what the committee must publish soon or is late with, at
// now: due-soon and overdue periods of finance and village affairs, and
// unpublished party and power disclosures due soon or overdue.
func (s *Service) dueNow(ctx context.Context, c community.Community, now time.Time) ([]PeriodStatus, error) {
	sched, err := s.scheduleOf(ctx, c)
	if err != nil {
		return nil, err
	}
	var out []PeriodStatus
	for _, k := range []Kind{KindFinance, KindVillage} {
		rec, err := s.periodRecord(ctx, c, sched, k, 3, now)
		if err != nil {
			return nil, err
		}
		for _, st := range rec {
			if st.Status == DueSoon || st.Status == Overdue {
				out = append(out, st)
			}
		}
	}
	drafts, err := s.findUnpublished(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, d := range drafts {
		if Kind(d.Kind).periodic() {
			continue
		}
		if st := statusOfDisclosure(toDisclosure(d), now); st.Status == DueSoon || st.Status == Overdue {
			out = append(out, st)
		}
	}
	return out, nil
}
