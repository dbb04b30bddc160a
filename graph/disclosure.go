package graph

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// disclosurePart is public disclosure (公开): disclosures by kind and
// period, their versions with diffs and finance figures, residents'
// questions, postings on the notice boards, the schedule and its record.
// What is published is public, read by anyone logged out too, as a
// community is; drafts only by their editors, and to others they do not
// exist (NOT_FOUND). Money is int64 fen in the domain and yuan strings
// with two decimals here: GraphQL's Int has 32 bits.
var disclosurePart = part{
	records: map[string]string{"Disclosure": "公开事项", "DisclosureVersion": "公开版本", "DisclosureQuestion": "质询"},
	types: func(b *builder) {
		b.buildDisclosureEnums()
		b.buildDisclosures()
		b.buildDisclosureVersions()
		b.buildDisclosureQuestions()
		t := typesOf[disclosureTypes](b)
		d := b.svc.Disclosure
		b.addNodes(publicNode(t.disclosure, d.Disclosure), publicNode(t.version, d.Version), publicNode(t.question, d.Question))
		b.addTodos(disclosureTodos{b})
		b.extendCommunityWithDisclosures()
	},
	mutations: (*builder).disclosureMutations,
}

// disclosureTypes are the disclosure part's types.
type disclosureTypes struct {
	disclosure, disclosureConn, period, version, question, questionConn *graphql.Object
	posting, schedule, category, item, attachment, diff                 *graphql.Object
	kind, state, versionType, versionState, status, direction           *graphql.Enum
	questionState, method, financeCadence, cadence, unit, lineOp        *graphql.Enum
}

func (b *builder) buildDisclosureEnums() {
	t := typesOf[disclosureTypes](b)
	t.kind = graphql.NewEnum(graphql.EnumConfig{Name: "DisclosureKind", Description: "What a disclosure makes public.", Values: graphql.EnumValueConfigMap{
		"PARTY":   {Value: disclosure.KindParty, Description: "党务公开 (party affairs), per event"},
		"VILLAGE": {Value: disclosure.KindVillage, Description: "村(居)务公开 (village or community affairs), per quarter"},
		"FINANCE": {Value: disclosure.KindFinance, Description: "财务公开 (finance), per month or quarter"},
		"POWER":   {Value: disclosure.KindPower, Description: "权力事项 (the exercise of a small power: a tender, a lease, a subsidy), per decision"},
	}})
	t.state = graphql.NewEnum(graphql.EnumConfig{Name: "DisclosureState", Description: "Where a disclosure stands as a whole.", Values: graphql.EnumValueConfigMap{
		"DRAFT":     {Value: disclosure.Draft, Description: "no version published yet (its editors alone see it)"},
		"PUBLISHED": {Value: disclosure.Published, Description: "its latest published version is in force"},
		"WITHDRAWN": {Value: disclosure.Withdrawn, Description: "its latest published version withdraws it; the earlier ones stay public"},
	}})
	t.versionType = graphql.NewEnum(graphql.EnumConfig{Name: "DisclosureVersionType", Values: graphql.EnumValueConfigMap{
		"ORIGINAL":   {Value: disclosure.Original, Description: "the first version"},
		"CORRECTION": {Value: disclosure.Correction, Description: "a correction, with its reason"},
		"WITHDRAWAL": {Value: disclosure.Withdrawal, Description: "a withdrawal, with its reason"},
	}})
	t.versionState = graphql.NewEnum(graphql.EnumConfig{Name: "DisclosureVersionState", Values: graphql.EnumValueConfigMap{
		"DRAFT":     {Value: disclosure.VersionDraft, Description: "editable, its editors' alone"},
		"PUBLISHED": {Value: disclosure.VersionPublished, Description: "public, and never changed again"},
	}})
	t.status = graphql.NewEnum(graphql.EnumConfig{Name: "PeriodStatus", Description: "How a disclosure (or a period that should have one) stands against its due date.", Values: graphql.EnumValueConfigMap{
		"ON_TIME":  {Value: disclosure.OnTime, Description: "published by the end of its due day"},
		"LATE":     {Value: disclosure.Late, Description: "published after its due day"},
		"UPCOMING": {Value: disclosure.Upcoming, Description: "not published, due in more than 3 days"},
		"DUE_SOON": {Value: disclosure.DueSoon, Description: "not published, due within 3 days"},
		"OVERDUE":  {Value: disclosure.Overdue, Description: "not published, past due: the latest such period"},
		"MISSING":  {Value: disclosure.Missing, Description: "not published, past due, and so is the period after it"},
	}})
	t.direction = graphql.NewEnum(graphql.EnumConfig{Name: "FinanceDirection", Values: graphql.EnumValueConfigMap{
		"INCOME": {Value: disclosure.Income, Description: "收入"}, "EXPENSE": {Value: disclosure.Expense, Description: "支出"},
	}})
	t.questionState = graphql.NewEnum(graphql.EnumConfig{Name: "QuestionState", Description: "Where a question (质询) on a disclosure stands.", Values: graphql.EnumValueConfigMap{
		"OPEN":      {Value: disclosure.QuestionOpen, Description: "waits for the committee's answer, due within 7 days"},
		"ESCALATED": {Value: disclosure.QuestionEscalated, Description: "unanswered past its due time: the supervision committee (村务监督委员会) has it"},
		"ANSWERED":  {Value: disclosure.QuestionAnswered, Description: "answered publicly"},
	}})
	t.method = graphql.NewEnum(graphql.EnumConfig{Name: "PostingMethod", Description: "How a notice reached a micro-grid.", Values: graphql.EnumValueConfigMap{
		"BOARD": {Value: disclosure.OnBoard, Description: "posted on the notice board (公示栏)"}, "DOOR_TO_DOOR": {Value: disclosure.DoorToDoor, Description: "delivered door to door (入户送达)"},
	}})
	t.financeCadence = graphql.NewEnum(graphql.EnumConfig{Name: "FinanceCadence", Description: "How often finance is disclosed.", Values: graphql.EnumValueConfigMap{
		"MONTHLY": {Value: disclosure.Monthly, Description: "按月"}, "QUARTERLY": {Value: disclosure.Quarterly, Description: "按季度"},
	}})
	t.cadence = graphql.NewEnum(graphql.EnumConfig{Name: "DisclosureCadence", Description: "How often a kind of disclosure is due.", Values: graphql.EnumValueConfigMap{
		"MONTHLY": {Value: disclosure.Monthly, Description: "按月"}, "QUARTERLY": {Value: disclosure.Quarterly, Description: "按季度"},
		"PER_EVENT": {Value: disclosure.PerEvent, Description: "per event or decision (按事项)"},
	}})
	t.unit = graphql.NewEnum(graphql.EnumConfig{Name: "PeriodUnit", Values: graphql.EnumValueConfigMap{
		"MONTH": {Value: disclosure.Month, Description: "2026-10"}, "QUARTER": {Value: disclosure.Quarter, Description: "2026-Q4"},
		"DAY": {Value: disclosure.Day, Description: "2026-10-15: the day of an event or a decision"},
	}})
	t.lineOp = graphql.NewEnum(graphql.EnumConfig{Name: "DiffLineOp", Values: graphql.EnumValueConfigMap{
		"KEPT": {Value: disclosure.LineKept}, "ADDED": {Value: disclosure.LineAdded}, "REMOVED": {Value: disclosure.LineRemoved},
	}})
}

// yuanField is a money field: fen shown as yuan with two decimals.
func yuanField[T any](desc string, fen func(T) int64) *graphql.Field {
	return &graphql.Field{Type: nonNull(graphql.String), Description: desc + " In yuan with two decimals, such as \"1234.50\" (exact: the server keeps whole fen).",
		Resolve: field(func(v T) any { return disclosure.FormatYuan(fen(v)) })}
}

// textIn resolves a domain text in the request's language.
func textIn[T any](get func(T) domain.Text) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		v, err := source[T](p)
		return get(v).In(domain.LangFromContext(p.Context)), err
	}
}

func (b *builder) buildDisclosures() {
	t := typesOf[disclosureTypes](b)
	t.period = graphql.NewObject(graphql.ObjectConfig{Name: "DisclosurePeriod", Description: "A disclosure's period: a month, a quarter, or the day of an event or decision.",
		Fields: graphql.Fields{
			"key":   {Type: nonNull(graphql.String), Description: "As written: 2026-10, 2026-Q4 or 2026-10-15.", Resolve: field(func(p disclosure.Period) any { return string(p) })},
			"label": {Type: nonNull(graphql.String), Description: "For people, in the request's language: 2026年10月.", Resolve: textIn(disclosure.Period.Label)},
			"unit":  {Type: nonNull(t.unit), Resolve: field(func(p disclosure.Period) any { return p.Unit() })},
			"first": {Type: nonNull(graphql.String), Description: "Its first day, 2006-01-02.", Resolve: field(func(p disclosure.Period) any { return p.First().String() })},
			"last":  {Type: nonNull(graphql.String), Description: "Its last day, 2006-01-02.", Resolve: field(func(p disclosure.Period) any { return p.Last().String() })},
		}})
	t.disclosure = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Disclosure",
		Description: "One matter made public (公开事项): a kind and a period of a community, with its versions. Public once published; before, its editors' alone.",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":        idField("Disclosure", func(d disclosure.Disclosure) domain.ID { return d.ID }),
				"community": {Type: nonNull(b.community), Resolve: loadField(communitiesOf, func(d disclosure.Disclosure) domain.ID { return d.CommunityID })},
				"kind":      {Type: nonNull(t.kind), Resolve: field(func(d disclosure.Disclosure) any { return d.Kind })},
				"period":    {Type: nonNull(t.period), Resolve: field(func(d disclosure.Disclosure) any { return d.Period })},
				"due": {Type: nonNull(graphql.String), Description: "The last day to publish it, 2006-01-02, in the community's zone.",
					Resolve: field(func(d disclosure.Disclosure) any { return d.Due.String() })},
				"dueAt":  {Type: nonNull(graphql.DateTime), Description: "The end of its due day.", Resolve: field(func(d disclosure.Disclosure) any { return d.DueAt })},
				"status": {Type: nonNull(t.status), Resolve: field(func(d disclosure.Disclosure) any { return d.Status(b.svc.Now()) })},
				"state":  {Type: nonNull(t.state), Resolve: field(func(d disclosure.Disclosure) any { return d.State })},
				"current": {Type: nonNull(t.version), Description: "The latest published version (before publication, the draft, for its editors).",
					Resolve: b.withFullDisclosure(func(_ graphql.ResolveParams, d disclosure.Disclosure) (any, error) { return d.Current, nil })},
				"hasDraft": {Type: nonNull(graphql.Boolean), Description: "Whether a version waits to be published; always false for those who may not edit it.",
					Resolve: b.withFullDisclosure(func(_ graphql.ResolveParams, d disclosure.Disclosure) (any, error) { return d.HasDraft, nil })},
				"firstPublishedAt": {Type: graphql.DateTime, Resolve: field(func(d disclosure.Disclosure) any { return nilTime(d.FirstPublishedAt) })},
				"publishedAt": {Type: graphql.DateTime, Description: "When its latest published version was published.",
					Resolve: field(func(d disclosure.Disclosure) any { return nilTime(d.PublishedAt) })},
				"createdAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(d disclosure.Disclosure) any { return d.CreatedAt })},
				"versions": {Type: listOf(t.version), Description: "Its versions in number order: the published ones for anyone, a draft for its editors too. Each version's finance items cost a query: ask for them on one version.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						d, err := source[disclosure.Disclosure](p)
						if err != nil {
							return nil, err
						}
						return b.svc.Disclosure.Versions(p.Context, d.ID)
					}},
				"postings": {Type: graphql.NewList(nonNull(t.posting)), Description: "Where its notices were posted or delivered, by date: for the community's members; null for others.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						d, err := source[disclosure.Disclosure](p)
						if err != nil {
							return nil, err
						}
						ps, err := b.svc.Disclosure.Postings(p.Context, d.ID)
						if c := domain.ErrorCode(err); c == domain.Unauthenticated || c == domain.Forbidden {
							return nil, nil
						}
						return ps, err
					}},
				"questions": {Type: nonNull(t.questionConn), Description: "The questions (质询) on its versions, in the order asked; public.", Args: pageArgs(nil),
					Resolve: func(p graphql.ResolveParams) (any, error) {
						d, err := source[disclosure.Disclosure](p)
						if err != nil {
							return nil, err
						}
						page, err := pageFrom(p)
						if err != nil {
							return nil, err
						}
						l, err := b.svc.Disclosure.Questions(p.Context, d.ID, page)
						return toConnection(l, func(q disclosure.Question) domain.ID { return q.ID }), err
					}},
				"readCount": {Type: nonNull(graphql.Int), Description: "Online reads of its current version (countDisclosureRead); each version has its own count.",
					Resolve: b.withFullDisclosure(func(p graphql.ResolveParams, d disclosure.Disclosure) (any, error) {
						return thunk(p.Context, readCountsOf.in(p.Context), d.Current.ID), nil
					})},
			}
		}),
	})
	t.disclosureConn = b.connection("Disclosure", t.disclosure)
}

// withFullDisclosure resolves a field that needs a disclosure's current
// version: one loaded by ID (disclosuresOf) comes without it and is read
// again in full.
func (b *builder) withFullDisclosure(get func(graphql.ResolveParams, disclosure.Disclosure) (any, error)) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		d, err := source[disclosure.Disclosure](p)
		if err != nil {
			return nil, err
		}
		if d.Current.ID == "" {
			if d, err = b.svc.Disclosure.Disclosure(p.Context, d.ID); err != nil {
				return nil, err
			}
		}
		return get(p, d)
	}
}

// extendCommunityWithDisclosures adds a community's disclosures, schedule,
// record, question counts and chart of accounts, all public.
func (b *builder) extendCommunityWithDisclosures() {
	t := typesOf[disclosureTypes](b)
	rule := graphql.NewObject(graphql.ObjectConfig{Name: "DisclosureRule", Description: "When a kind of disclosure is due: dueDays after its period ends (after the event or decision, per event).",
		Fields: graphql.Fields{
			"kind":    {Type: nonNull(t.kind), Resolve: field(func(r disclosure.Rule) any { return r.Kind })},
			"cadence": {Type: nonNull(t.cadence), Resolve: field(func(r disclosure.Rule) any { return r.Cadence })},
			"dueDays": {Type: nonNull(graphql.Int), Resolve: field(func(r disclosure.Rule) any { return r.DueDays })},
		}})
	t.schedule = graphql.NewObject(graphql.ObjectConfig{Name: "DisclosureSchedule", Description: "A community's disclosure schedule: a rule per kind.",
		Fields: graphql.Fields{
			"since": {Type: nonNull(graphql.String), Description: "When the community began disclosing here, 2006-01-02: periods that end before it and have no disclosure are not counted missing.",
				Resolve: field(func(s disclosure.Schedule) any { return s.Since.String() })},
			"financeCadence": {Type: nonNull(t.financeCadence), Resolve: field(func(s disclosure.Schedule) any { return s.Rule(disclosure.KindFinance).Cadence })},
			"rules":          {Type: listOf(rule), Description: "One per kind, in the order PARTY, VILLAGE, FINANCE, POWER.", Resolve: field(func(s disclosure.Schedule) any { return s.Rules })},
			"updatedAt":      {Type: graphql.DateTime, Resolve: field(func(s disclosure.Schedule) any { return nilTime(s.UpdatedAt) })},
		}})
	line := graphql.NewObject(graphql.ObjectConfig{Name: "DisclosureRecordPeriod", Description: "One line of a community's schedule record: a period (an event, a decision) of a kind, when it was due and how it stands.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"kind":   {Type: nonNull(t.kind), Resolve: field(func(s disclosure.PeriodStatus) any { return s.Kind })},
				"period": {Type: nonNull(t.period), Resolve: field(func(s disclosure.PeriodStatus) any { return s.Period })},
				"due":    {Type: nonNull(graphql.String), Description: "The last day to publish, 2006-01-02.", Resolve: field(func(s disclosure.PeriodStatus) any { return s.Due.String() })},
				"dueAt":  {Type: nonNull(graphql.DateTime), Resolve: field(func(s disclosure.PeriodStatus) any { return s.DueAt })},
				"status": {Type: nonNull(t.status), Resolve: field(func(s disclosure.PeriodStatus) any { return s.Status })},
				"disclosure": {Type: t.disclosure, Description: "Its disclosure; null when there is none (or only a draft the viewer may not see).",
					Resolve: loadField(disclosuresOf, func(s disclosure.PeriodStatus) domain.ID { return s.DisclosureID })},
				"publishedAt": {Type: graphql.DateTime, Description: "When it was first published.", Resolve: field(func(s disclosure.PeriodStatus) any { return nilTime(s.PublishedAt) })},
			}
		})})
	count := graphql.NewObject(graphql.ObjectConfig{Name: "DisclosureQuestionCount", Description: "A community's questions on one kind of disclosure, counted.",
		Fields: graphql.Fields{
			"kind":           {Type: nonNull(t.kind), Resolve: field(func(c disclosure.QuestionCount) any { return c.Kind })},
			"asked":          {Type: nonNull(graphql.Int), Resolve: field(func(c disclosure.QuestionCount) any { return c.Asked })},
			"answeredOnTime": {Type: nonNull(graphql.Int), Description: "Answered within 7 days.", Resolve: field(func(c disclosure.QuestionCount) any { return c.AnsweredOnTime })},
			"answeredLate":   {Type: nonNull(graphql.Int), Resolve: field(func(c disclosure.QuestionCount) any { return c.AnsweredLate })},
			"escalated":      {Type: nonNull(graphql.Int), Description: "Ever escalated to the supervision committee, answered since or not.", Resolve: field(func(c disclosure.QuestionCount) any { return c.Escalated })},
			"open":           {Type: nonNull(graphql.Int), Description: "Not answered yet, escalated or not.", Resolve: field(func(c disclosure.QuestionCount) any { return c.Open })},
		}})
	t.category = graphql.NewObject(graphql.ObjectConfig{Name: "FinanceCategory", Description: "An account of the chart finance items are booked to: a top-level account of the fixed chart, or a sub-category of one.",
		Fields: graphql.Fields{
			"code":      {Type: nonNull(graphql.String), Description: "What items name it by, such as welfare_expense/garbage.", Resolve: field(func(c disclosure.Category) any { return c.Code })},
			"parent":    {Type: graphql.String, Description: "The top-level account's code; null for one.", Resolve: field(func(c disclosure.Category) any { return nilString(c.Parent) })},
			"direction": {Type: nonNull(t.direction), Resolve: field(func(c disclosure.Category) any { return c.Direction })},
			"label":     {Type: nonNull(graphql.String), Description: "Its name in the request's language.", Resolve: textIn(func(c disclosure.Category) domain.Text { return c.Label })},
			"custom":    {Type: nonNull(graphql.Boolean), Description: "Added by the community's committee.", Resolve: field(func(c disclosure.Category) any { return c.Custom })},
		}})
	communityOf := func(p graphql.ResolveParams) (community.Community, error) { return source[community.Community](p) }
	b.extend("Community", graphql.Fields{
		"disclosures": {
			Type:        nonNull(t.disclosureConn),
			Description: "The community's disclosures (公开), newest period first: the published ones for anyone, logged out too, drafts for their editors as well.",
			Args: pageArgs(graphql.FieldConfigArgument{
				"kind":   {Type: t.kind},
				"period": {Type: graphql.String, Description: "One period, written 2026-10, 2026-Q4 or 2026-10-15."},
				"year":   {Type: graphql.Int, Description: "Periods that start in the year."},
				"state":  {Type: t.state},
				"late":   {Type: graphql.Boolean, Description: "First published after (true) or by (false) its due day."},
			}),
			Resolve: b.resolveDisclosures,
		},
		"disclosureSchedule": {Type: nonNull(t.schedule), Description: "When each kind of disclosure is due here; public.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := communityOf(p)
				if err != nil {
					return nil, err
				}
				return b.svc.Disclosure.Schedule(p.Context, c.ID)
			}},
		"disclosureRecord": {
			Type:        listOf(line),
			Description: "The schedule record of one kind, newest first, for anyone: on time, late, due, overdue, missing. For finance and village affairs the last periods periods; for party affairs and power items the disclosures of as many months back.",
			Args: graphql.FieldConfigArgument{
				"kind":    {Type: nonNull(t.kind)},
				"periods": {Type: graphql.Int, DefaultValue: disclosure.DefaultRecordPeriods, Description: "1 to 60."},
			},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := communityOf(p)
				if err != nil {
					return nil, err
				}
				kind, _ := p.Args["kind"].(disclosure.Kind)
				periods, _ := p.Args["periods"].(int)
				return b.svc.Disclosure.ScheduleRecord(p.Context, c.ID, kind, periods)
			},
		},
		"questionCounts": {Type: listOf(count), Description: "The questions on the community's disclosures counted per kind, in the order PARTY, VILLAGE, FINANCE, POWER; public.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := communityOf(p)
				if err != nil {
					return nil, err
				}
				return b.svc.Disclosure.QuestionCounts(p.Context, c.ID)
			}},
		"financeCategories": {Type: listOf(t.category), Description: "The chart of accounts finance items are booked to, each account followed by its sub-categories; public.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := communityOf(p)
				if err != nil {
					return nil, err
				}
				return b.svc.Disclosure.Categories(p.Context, c.ID)
			}},
	})
}

// resolveDisclosures lists a community's disclosures.
func (b *builder) resolveDisclosures(p graphql.ResolveParams) (any, error) {
	c, err := source[community.Community](p)
	if err != nil {
		return nil, err
	}
	page, err := pageFrom(p)
	if err != nil {
		return nil, err
	}
	var f disclosure.Filter
	if k, ok := p.Args["kind"].(disclosure.Kind); ok {
		f.Kind = &k
	}
	if s, ok := p.Args["period"].(string); ok {
		period := disclosure.Period(s)
		f.Period = &period
	}
	if y, ok := p.Args["year"].(int); ok {
		f.Year = &y
	}
	if s, ok := p.Args["state"].(disclosure.State); ok {
		f.State = &s
	}
	if l, ok := p.Args["late"].(bool); ok {
		f.Late = &l
	}
	l, err := b.svc.Disclosure.Disclosures(p.Context, c.ID, f, page)
	return toConnection(l, disclosure.Disclosure.Cursor), err
}

// disclosureTodos is the disclosure service's to-do list as Community.todos
// shows it: a period due with no disclosure yet is no record, so its to-do
// opens the community (or the period's disclosure, when there is one).
type disclosureTodos struct{ b *builder }

// TodoKinds names the disclosure service's kinds of to-do.
func (t disclosureTodos) TodoKinds() map[string]domain.Text { return t.b.svc.Disclosure.TodoKinds() }

// Todos lists the actor's disclosure to-dos in a community.
func (t disclosureTodos) Todos(ctx context.Context, communityID domain.ID) ([]domain.Todo, error) {
	svc := t.b.svc.Disclosure
	if svc == nil {
		return nil, nil
	}
	todos, err := svc.Todos(ctx, communityID)
	if err != nil {
		return nil, err
	}
	for i, td := range todos {
		st, ok := td.Subject.(disclosure.PeriodStatus)
		if !ok {
			continue
		}
		if st.DisclosureID != "" {
			todos[i].Subject, err = svc.Disclosure(ctx, st.DisclosureID)
		} else {
			todos[i].Subject, err = t.b.svc.Communities.Community(ctx, communityID)
		}
		if err != nil {
			return nil, err
		}
	}
	return todos, nil
}

// Loaders of the disclosure area. The services read at most a page of IDs
// at a time; a level of a query may ask for more.
var (
	disclosuresOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, disclosure.Disclosure] {
		return byIDs("Disclosure", inChunks(s.Disclosure.DisclosuresByID))
	})
	disclosureVersionsOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, disclosure.Version] {
		return byIDs("DisclosureVersion", inChunks(s.Disclosure.VersionsByID))
	})
	readCountsOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, int] {
		return orZero(inChunks(s.Disclosure.ReadCounts))
	})
)

// inChunks calls fetch on at most a page of distinct IDs at a time.
func inChunks[V any](fetch func(context.Context, []domain.ID) (map[domain.ID]V, error)) func(context.Context, []domain.ID) (map[domain.ID]V, error) {
	return func(ctx context.Context, ids []domain.ID) (map[domain.ID]V, error) {
		ids, _ = domain.UniqueIDs("ids", ids, len(ids))
		out := make(map[domain.ID]V, len(ids))
		for len(ids) > 0 {
			n := min(len(ids), domain.MaxPageSize)
			m, err := fetch(ctx, ids[:n])
			if err != nil {
				return nil, err
			}
			for k, v := range m {
				out[k] = v
			}
			ids = ids[n:]
		}
		return out, nil
	}
}
