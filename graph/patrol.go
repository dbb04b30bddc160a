package graph

import (
	"context"

	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/patrol/roster"
)

// patrolPart is the "武林大妈" safety patrols (平安巡防): teams with their
// members, routes of checkpoints and shift templates; fair monthly
// rosters the captain generates and publishes; drops, takes, swaps and
// check-ins; the reports patrollers file, triaged by the grid's worker;
// and the mediation cases (和事佬) disputes become. Everything is for the
// community's members; a checkpoint's code only for the captain, a
// member's note only for the captain, a report for its reporter and the
// grid workers, a case for the mediators and the committee.
var patrolPart = part{
	records: map[string]string{"PatrolTeam": "巡防队", "PatrolRoute": "巡防路线", "PatrolPosition": "巡防班次", "PatrolReport": "巡查上报", "MediationCase": "调解案件"},
	types: func(b *builder) {
		b.buildPatrolEnums()
		b.buildPatrols()
		b.buildPatrolReports()
		t := typesOf[patrolTypes](b)
		p := b.svc.Patrol
		b.addNodes(nodeOf(t.team, p.Team), nodeOf(t.route, p.Route), nodeOf(t.position, p.Position), nodeOf(t.report, p.Report), nodeOf(t.mediationCase, p.Case))
		b.addTodos(p)
		b.extendCommunityWithPatrols()
		b.extend("Topic", graphql.Fields{"patrolReport": {Type: t.report, Description: "The patrol report it was escalated from (source PATROL): null otherwise, or to one who may not read the report.",
			Resolve: func(rp graphql.ResolveParams) (any, error) {
				x, err := source[deliberation.Topic](rp)
				if err != nil || x.ReportID == "" {
					return nil, err
				}
				r, err := p.Report(rp.Context, x.ReportID)
				if c := domain.ErrorCode(err); c == domain.NotFound || c == domain.Unauthenticated {
					return nil, nil
				}
				return r, err
			}}})
	},
	mutations: (*builder).patrolMutations,
}

// patrolTypes are the patrol part's types.
type patrolTypes struct {
	team, member, slot, route, checkpoint, template, roster, shift, load    *graphql.Object
	position, passage, event, report, suggestion, mediationCase, caseCounts *graphql.Object
	positionState, eventKind, shortCode, reportKind, severity, reportState  *graphql.Enum
	triageAction, caseState, caseOutcome                                    *graphql.Enum
}

// rosterView is a month's roster as PatrolRoster shows it: the draft, with
// who is on each shift and why a shift is short, by shift.
type rosterView struct {
	patrol.Draft
	on    map[domain.ID][]domain.ID
	short map[domain.ID]roster.Unfilled
}

// toRosterView indexes a draft's assignments and shortfalls by shift.
func toRosterView(d patrol.Draft) rosterView {
	v := rosterView{Draft: d, on: map[domain.ID][]domain.ID{}, short: map[domain.ID]roster.Unfilled{}}
	for _, a := range d.Roster.Assignments {
		v.on[domain.ID(a.ShiftID)] = append(v.on[domain.ID(a.ShiftID)], domain.ID(a.MemberID))
	}
	for _, u := range d.Roster.Unfilled {
		v.short[domain.ID(u.ShiftID)] = u
	}
	return v
}

// shiftView is a shift of a roster with the members on it, its shortfall
// and its route, read once for the whole roster.
type shiftView struct {
	patrol.Shift
	on    []domain.ID
	short *roster.Unfilled
	route *patrol.Route
}

// rosterShifts are the roster's shifts, in time order, with their routes
// read in one call and, once published, who holds their places now, read
// in another; only those short of their minimum when shortOnly.
func (b *builder) rosterShifts(ctx context.Context, v rosterView, shortOnly bool) ([]shiftView, error) {
	routes, err := b.svc.Patrol.Routes(ctx, v.TeamID)
	if err != nil {
		return nil, err
	}
	if v.Published {
		if v.on, err = b.svc.Patrol.Holders(ctx, v.TeamID, string(v.Month)); err != nil {
			return nil, err
		}
	}
	byID := map[domain.ID]*patrol.Route{}
	for i := range routes {
		byID[routes[i].ID] = &routes[i]
	}
	out := []shiftView{}
	for _, sh := range v.Shifts {
		sv := shiftView{Shift: sh, on: orEmpty(v.on[sh.ID]), route: byID[sh.RouteID]}
		if u, ok := v.short[sh.ID]; ok {
			sv.short = &u
		}
		if shortOnly && sv.short == nil {
			continue
		}
		out = append(out, sv)
	}
	return out, nil
}

// loadView is a member's load, of a roster as generated (counted says
// whether they could take any shift) or of a published month.
type loadView struct {
	user    domain.ID
	weight  float64
	shifts  int
	counted any
}

// patrolRoutesOf loads patrol routes by ID, those of a page's places in
// one batch.
var patrolRoutesOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, patrol.Route] {
	return byIDs("PatrolRoute", s.Patrol.RoutesByID)
})

// loadViews are a published month's loads, for PatrolLoad.
func loadViews(loads []patrol.Load) []loadView {
	out := make([]loadView, len(loads))
	for i, l := range loads {
		out[i] = loadView{user: l.UserID, weight: l.Weight, shifts: l.Shifts}
	}
	return out
}

// eventMember is the member a timeline event names besides its actor: who
// gave up a place a swap took, who missed a shift, whose place a drop
// opened when the captain removed them from the team. The domain keeps
// their ID in the event's note; a captain's approval of a swap has text
// there.
func eventMember(e patrol.Event) domain.ID {
	if (e.Kind == patrol.EventSwap || e.Kind == patrol.EventMissed || e.Kind == patrol.EventDrop) && domain.ID(e.Note).Valid() {
		return domain.ID(e.Note)
	}
	return ""
}

// buildPatrolEnums builds the patrol area's states and kinds as enums,
// whose values are the domain's constants.
func (b *builder) buildPatrolEnums() {
	t := typesOf[patrolTypes](b)
	t.positionState = graphql.NewEnum(graphql.EnumConfig{Name: "PatrolPositionState", Description: "Where one patroller's place on a published shift stands.",
		Values: graphql.EnumValueConfigMap{
			"ASSIGNED":   {Value: patrol.Assigned},
			"OFFERED":    {Value: patrol.Offered, Description: "its holder offers it for a swap"},
			"OPEN":       {Value: patrol.Open, Description: "dropped or never filled: a member of the team may take it"},
			"CHECKED_IN": {Value: patrol.CheckedIn, Description: "the patroller passed a checkpoint"},
			"MISSED":     {Value: patrol.Missed, Description: "marked by the captain: counts as zero load"},
		}})
	t.eventKind = graphql.NewEnum(graphql.EnumConfig{Name: "PatrolEventKind", Values: graphql.EnumValueConfigMap{
		"PUBLISH": {Value: patrol.EventPublish, Description: "a month's roster published"},
		"DROP":    {Value: patrol.EventDrop, Description: "a place dropped to the open list, by its holder or as they left the team"},
		"TAKE":    {Value: patrol.EventTake, Description: "an open place taken"},
		"OFFER":   {Value: patrol.EventOffer, Description: "a place offered for a swap"},
		"SWAP":    {Value: patrol.EventSwap, Description: "a swap took effect"},
		"REFUSE":  {Value: patrol.EventRefuse, Description: "the captain refused a swap, with a reason"},
		"MISSED":  {Value: patrol.EventMissed, Description: "the captain marked a missed shift"},
	}})
	t.shortCode = graphql.NewEnum(graphql.EnumConfig{Name: "PatrolShortageCode", Description: "Why a generated shift is below its minimum.", Values: graphql.EnumValueConfigMap{
		"NONE_AVAILABLE": {Value: roster.NoneAvailable, Description: "no member can take the shift at all"},
		"FEW_AVAILABLE":  {Value: roster.FewAvailable, Description: "fewer members can take it than its minimum, all of them on it"},
		"AT_LIMIT":       {Value: roster.AtLimit, Description: "the others who could are at their weekly limit, on an overlapping shift or resting after a night"},
	}})
	t.reportKind = graphql.NewEnum(graphql.EnumConfig{Name: "PatrolReportKind", Values: graphql.EnumValueConfigMap{
		"HAZARD":   {Value: patrol.Hazard, Description: "隐患: a fire exit blocked, a loose manhole"},
		"DISPUTE":  {Value: patrol.Dispute, Description: "纠纷: between neighbours"},
		"CIVILITY": {Value: patrol.Civility, Description: "文明劝导"},
		"OTHER":    {Value: patrol.Other, Description: "其他"},
	}})
	t.severity = graphql.NewEnum(graphql.EnumConfig{Name: "PatrolSeverity", Values: graphql.EnumValueConfigMap{
		"LOW": {Value: patrol.Low}, "MEDIUM": {Value: patrol.Medium}, "HIGH": {Value: patrol.High},
	}})
	t.reportState = graphql.NewEnum(graphql.EnumConfig{Name: "PatrolReportState", Description: "What the grid worker did with a report, on the record.", Values: graphql.EnumValueConfigMap{
		"NEW":       {Value: patrol.Untriaged, Description: "waiting for a grid worker of its grid or the committee"},
		"RESOLVED":  {Value: patrol.Resolved, Description: "resolved on the spot"},
		"REFERRED":  {Value: patrol.Referred, Description: "referred to the property firm or a department, with a due date"},
		"MEDIATION": {Value: patrol.Mediation, Description: "a dispute sent to the 和事佬 queue"},
		"ESCALATED": {Value: patrol.Escalated, Description: "made a topic of the community's deliberation"},
	}})
	t.triageAction = graphql.NewEnum(graphql.EnumConfig{Name: "PatrolTriageAction", Description: "What a grid worker does with a report (escalatePatrolReport makes it a topic).",
		Values: graphql.EnumValueConfigMap{
			"RESOLVED":  {Value: patrol.Resolved, Description: "resolved on the spot"},
			"REFERRED":  {Value: patrol.Referred, Description: "to the property firm or a department (referredTo), due by a date (due)"},
			"MEDIATION": {Value: patrol.Mediation, Description: "a dispute to the 和事佬 queue, between the parties named"},
		}})
	t.caseState = graphql.NewEnum(graphql.EnumConfig{Name: "MediationCaseState", Values: graphql.EnumValueConfigMap{
		"OPEN":         {Value: patrol.CaseOpen, Description: "in the queue"},
		"TAKEN":        {Value: patrol.CaseTaken, Description: "a mediator has it"},
		"AGREED":       {Value: patrol.CaseAgreed, Description: "agreement reached, with its terms"},
		"NO_AGREEMENT": {Value: patrol.CaseNoAgree},
		"REFERRED":     {Value: patrol.CaseReferred, Description: "no agreement, sent on (to the court's mediation, say)"},
	}})
	t.caseOutcome = graphql.NewEnum(graphql.EnumConfig{Name: "MediationOutcome", Values: graphql.EnumValueConfigMap{
		"AGREED":       {Value: patrol.CaseAgreed, Description: "agreement reached: terms are its terms"},
		"NO_AGREEMENT": {Value: patrol.CaseNoAgree, Description: "terms say why there was none"},
		"REFERRED":     {Value: patrol.CaseReferred, Description: "no agreement, sent on to referredTo"},
	}})
}

// buildPatrols builds PatrolTeam and its members, routes, templates,
// rosters, positions and timeline.
func (b *builder) buildPatrols() {
	t := typesOf[patrolTypes](b)
	svc := func() *patrol.Service { return b.svc.Patrol }
	weekday := typesOf[volunteerTypes](b).weekday
	t.slot = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolSlot", Description: "A weekly stretch of time a member can patrol, in the community's zone.", Fields: graphql.Fields{
		"weekday": {Type: nonNull(weekday), Resolve: field(func(s patrol.Slot) any { return s.Weekday })},
		"start":   {Type: nonNull(graphql.Int), Description: "Minutes after midnight, 0–1439.", Resolve: field(func(s patrol.Slot) any { return s.Start })},
		"end":     {Type: nonNull(graphql.Int), Description: "Minutes after midnight, after start, at most 1440.", Resolve: field(func(s patrol.Slot) any { return s.End })},
	}})
	t.team = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolTeam", Description: "A patrol team (巡防队), such as 古城武林大妈巡防队, with its captain: for the community's members.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			teamOf := func(p graphql.ResolveParams) (patrol.Team, string, error) {
				x, err := source[patrol.Team](p)
				month, _ := p.Args["month"].(string)
				return x, month, err
			}
			monthArg := graphql.FieldConfigArgument{"month": {Type: nonNull(graphql.String), Description: "Written 2026-12."}}
			return graphql.Fields{
				"id":        idField("PatrolTeam", func(x patrol.Team) domain.ID { return x.ID }),
				"name":      {Type: nonNull(graphql.String), Resolve: field(func(x patrol.Team) any { return x.Name })},
				"community": {Type: nonNull(b.community), Resolve: loadField(communitiesOf, func(x patrol.Team) domain.ID { return x.CommunityID })},
				"captain":   {Type: nonNull(b.user), Resolve: loadField(usersOf, func(x patrol.Team) domain.ID { return x.CaptainID })},
				"createdAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(x patrol.Team) any { return x.CreatedAt })},
				"members": {Type: listOf(t.member), Description: "Its active members in the order they joined.", Resolve: func(p graphql.ResolveParams) (any, error) {
					x, _, err := teamOf(p)
					if err != nil {
						return nil, err
					}
					return svc().Members(p.Context, x.ID)
				}},
				"routes": {Type: listOf(t.route), Description: "In the order added.", Resolve: func(p graphql.ResolveParams) (any, error) {
					x, _, err := teamOf(p)
					if err != nil {
						return nil, err
					}
					return svc().Routes(p.Context, x.ID)
				}},
				"templates": {Type: listOf(t.template), Description: "Its shift templates in the order added.", Resolve: func(p graphql.ResolveParams) (any, error) {
					x, _, err := teamOf(p)
					if err != nil {
						return nil, err
					}
					return svc().Templates(p.Context, x.ID)
				}},
				"roster": {Type: t.roster, Description: "A month's roster: the published one, else the draft to the captain and the committee; null when there is none the viewer may see.",
					Args: monthArg, Resolve: func(p graphql.ResolveParams) (any, error) {
						x, month, err := teamOf(p)
						if err != nil {
							return nil, err
						}
						d, err := svc().Roster(p.Context, x.ID, month)
						if domain.ErrorCode(err) == domain.NotFound {
							return nil, nil
						}
						return toRosterView(d), err
					}},
				"myShifts": {Type: listOf(t.position), Description: "The places the viewer holds in a published month, in time order.",
					Args: monthArg, Resolve: func(p graphql.ResolveParams) (any, error) {
						x, month, err := teamOf(p)
						if err != nil {
							return nil, err
						}
						return svc().MyShifts(p.Context, x.ID, month)
					}},
				"openPositions": {Type: listOf(t.position), Description: "The open places of a published month that have not started, soonest first: the team's members may take them (takeShift).",
					Args: monthArg, Resolve: func(p graphql.ResolveParams) (any, error) {
						x, month, err := teamOf(p)
						if err != nil {
							return nil, err
						}
						return svc().OpenPositions(p.Context, x.ID, month)
					}},
				"offeredPositions": {Type: listOf(t.position), Description: "The places of a published month that other members offer for a swap and that have not started, soonest first: the viewer may take them (takeOfferedShift).",
					Args: monthArg, Resolve: func(p graphql.ResolveParams) (any, error) {
						x, month, err := teamOf(p)
						if err != nil {
							return nil, err
						}
						return svc().OfferedPositions(p.Context, x.ID, month)
					}},
				"dayPositions": {Type: listOf(t.position), Description: "Every place of the shifts that start on a day, open ones too, in time order: for the captain and the committee (FORBIDDEN to others), who check in a member without a phone and mark a missed shift.",
					Args: graphql.FieldConfigArgument{"day": {Type: nonNull(graphql.String), Description: "Written 2026-12-01, in the community's zone."}},
					Resolve: func(p graphql.ResolveParams) (any, error) {
						x, err := source[patrol.Team](p)
						if err != nil {
							return nil, err
						}
						day, _ := p.Args["day"].(string)
						return svc().DayPositions(p.Context, x.ID, day)
					}},
				"loads": {Type: listOf(t.load), Description: "Each active member's load of a published month, lightest first: anyone in the community can check the fairness.",
					Args: monthArg, Resolve: func(p graphql.ResolveParams) (any, error) {
						x, month, err := teamOf(p)
						if err != nil {
							return nil, err
						}
						loads, err := svc().Loads(p.Context, x.ID, month)
						return loadViews(loads), err
					}},
				"timeline": {Type: listOf(t.event), Description: "Its latest 200 events since publication, newest first.", Resolve: func(p graphql.ResolveParams) (any, error) {
					x, _, err := teamOf(p)
					if err != nil {
						return nil, err
					}
					return svc().Timeline(p.Context, x.ID)
				}},
			}
		})})
	t.member = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolMember", Description: "A member of a patrol team with their availability and limits.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"user":       {Type: nonNull(b.user), Resolve: loadField(usersOf, func(m patrol.Member) domain.ID { return m.UserID })},
				"weekly":     {Type: listOf(t.slot), Description: "When they can patrol.", Resolve: field(func(m patrol.Member) any { return orEmpty(m.Weekly) })},
				"maxPerWeek": {Type: nonNull(graphql.Int), Description: "Shifts a week (Monday to Sunday) at most; 0 for no limit.", Resolve: field(func(m patrol.Member) any { return m.MaxPerWeek })},
				"noNight":    {Type: nonNull(graphql.Boolean), Description: "Takes no night shifts.", Resolve: field(func(m patrol.Member) any { return m.NoNight })},
				"daysOff":    {Type: listOf(typesOf[volunteerTypes](b).weekday), Description: "Never on these days.", Resolve: field(func(m patrol.Member) any { return orEmpty(m.DaysOff) })},
				"note": {Type: graphql.String, Description: "The captain's private note (health, mobility): null for all but the captain and the committee.",
					Resolve: field(func(m patrol.Member) any {
						if !m.NoteVisible {
							return nil
						}
						return m.Note
					})},
				"joinedAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(m patrol.Member) any { return m.JoinedAt })},
			}
		})})
	t.checkpoint = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolCheckpoint", Description: "A place on a route, with its printed QR code.", Fields: graphql.Fields{
		"name":      {Type: nonNull(graphql.String), Resolve: field(func(c patrol.Checkpoint) any { return c.Name })},
		"microGrid": {Type: nonNull(b.microGrid), Resolve: loadField(microGridsOf, func(c patrol.Checkpoint) domain.ID { return c.MicroGridID })},
		"lat":       {Type: graphql.Float, Resolve: field(func(c patrol.Checkpoint) any { return floatOrNull(c.Lat) })},
		"lng":       {Type: graphql.Float, Resolve: field(func(c patrol.Checkpoint) any { return floatOrNull(c.Lng) })},
		"code": {Type: graphql.String, Description: "The code of its QR code, to print: for the captain and the committee; others scan it on the spot.",
			Resolve: field(func(c patrol.Checkpoint) any { return nilString(c.Code) })},
	}})
	t.route = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolRoute", Description: "An ordered list of checkpoints in a grid, walked on a shift; the first is its start.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":          idField("PatrolRoute", func(r patrol.Route) domain.ID { return r.ID }),
				"name":        {Type: nonNull(graphql.String), Resolve: field(func(r patrol.Route) any { return r.Name })},
				"team":        {Type: nonNull(t.team), Resolve: fetched(func(r patrol.Route) domain.ID { return r.TeamID }, b.svc.Patrol.Team)},
				"grid":        {Type: nonNull(b.grid), Resolve: loadField(gridsOf, func(r patrol.Route) domain.ID { return r.GridID })},
				"checkpoints": {Type: listOf(t.checkpoint), Description: "In walking order; checkInPatrol names one by its index, from 0.", Resolve: field(func(r patrol.Route) any { return orEmpty(r.Checkpoints) })},
				"createdAt":   {Type: nonNull(graphql.DateTime), Resolve: field(func(r patrol.Route) any { return r.CreatedAt })},
			}
		})})
	t.template = graphql.NewObject(graphql.ObjectConfig{Name: "ShiftTemplate",
		Description: "A route walked on some weekdays from start to end by min to max patrollers, weighing weight shifts in the fairness of a roster.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"name":      {Type: nonNull(graphql.String), Resolve: field(func(x patrol.Template) any { return x.Name })},
				"route":     {Type: nonNull(t.route), Resolve: loadField(patrolRoutesOf, func(x patrol.Template) domain.ID { return x.RouteID })},
				"days":      {Type: listOf(weekday), Resolve: field(func(x patrol.Template) any { return orEmpty(x.Days) })},
				"start":     {Type: nonNull(graphql.Int), Description: "Minutes after midnight.", Resolve: field(func(x patrol.Template) any { return x.Start })},
				"end":       {Type: nonNull(graphql.Int), Description: "Minutes after midnight; of the next day when overnight.", Resolve: field(func(x patrol.Template) any { return x.End })},
				"overnight": {Type: nonNull(graphql.Boolean), Resolve: field(func(x patrol.Template) any { return x.Overnight })},
				"minutes":   {Type: nonNull(graphql.Int), Description: "The shift's length.", Resolve: field(func(x patrol.Template) any { return x.Minutes() })},
				"min":       {Type: nonNull(graphql.Int), Resolve: field(func(x patrol.Template) any { return x.Min })},
				"max":       {Type: nonNull(graphql.Int), Resolve: field(func(x patrol.Template) any { return x.Max })},
				"weight":    {Type: nonNull(graphql.Float), Description: "Night and weekend shifts weigh more.", Resolve: field(func(x patrol.Template) any { return x.Weight })},
				"night":     {Type: nonNull(graphql.Boolean), Description: "Counts as a night shift (rest and no-night limits).", Resolve: field(func(x patrol.Template) any { return x.Night })},
				"createdAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(x patrol.Template) any { return x.CreatedAt })},
			}
		})})
	t.load = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolLoad", Description: "A member's share of a month: the weights of their shifts.", Fields: graphql.Fields{
		"user":   {Type: nonNull(b.user), Resolve: loadField(usersOf, func(l loadView) domain.ID { return l.user })},
		"weight": {Type: nonNull(graphql.Float), Description: "A missed shift counts zero.", Resolve: field(func(l loadView) any { return l.weight })},
		"shifts": {Type: nonNull(graphql.Int), Resolve: field(func(l loadView) any { return l.shifts })},
		"counted": {Type: graphql.Boolean, Description: "Of a generated roster: whether they can take any of its shifts, and so count in its spread; null for a published month.",
			Resolve: field(func(l loadView) any { return l.counted })},
	}})
	shortage := graphql.NewObject(graphql.ObjectConfig{Name: "PatrolShortage", Description: "Why a shift is below its minimum.", Fields: graphql.Fields{
		"code": {Type: nonNull(t.shortCode), Resolve: field(func(r roster.Reason) any { return r.Code })},
		"text": {Type: nonNull(graphql.String), Description: "In the request's language, with how many members each cause keeps off.", Resolve: textIn(func(r roster.Reason) domain.Text { return r.Text })},
	}})
	t.shift = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolShift", Description: "One time a template's route is walked in a roster, with the members on it.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"start": {Type: nonNull(graphql.DateTime), Resolve: field(func(s shiftView) any { return s.Start })},
				"end":   {Type: nonNull(graphql.DateTime), Resolve: field(func(s shiftView) any { return s.End })},
				"route": {Type: nonNull(t.route), Resolve: func(p graphql.ResolveParams) (any, error) {
					s, err := source[shiftView](p)
					if err != nil {
						return nil, err
					}
					if s.route != nil {
						return *s.route, nil
					}
					return svc().Route(p.Context, s.RouteID)
				}},
				"min":    {Type: nonNull(graphql.Int), Resolve: field(func(s shiftView) any { return s.Min })},
				"max":    {Type: nonNull(graphql.Int), Resolve: field(func(s shiftView) any { return s.Max })},
				"weight": {Type: nonNull(graphql.Float), Resolve: field(func(s shiftView) any { return s.Weight })},
				"night":  {Type: nonNull(graphql.Boolean), Resolve: field(func(s shiftView) any { return s.Night })},
				"assigned": {Type: listOf(b.user), Description: "The members on it: as generated in a draft; once published, as its places stand now, after drops, takes, swaps and missed shifts.",
					Resolve: loadListField(usersOf, func(s shiftView) []domain.ID { return s.on })},
				"missing": {Type: nonNull(graphql.Int), Description: "Places below its minimum; 0 when it has its minimum.", Resolve: field(func(s shiftView) any {
					if s.short == nil {
						return 0
					}
					return s.short.Missing
				})},
				"shortage": {Type: shortage, Description: "Why it is below its minimum; null when it is not.", Resolve: field(func(s shiftView) any {
					if s.short == nil {
						return nil
					}
					return s.short.Reason
				})},
			}
		})})
	rosterOf := func(p graphql.ResolveParams) (rosterView, error) { return source[rosterView](p) }
	t.roster = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolRoster",
		Description: "A team's month as generated fairly: the least spread of load its constraints allow, beside the bound no roster can pass; the captain reviews it and publishes it once.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"month":       {Type: nonNull(graphql.String), Description: "Written 2026-12.", Resolve: field(func(v rosterView) any { return string(v.Month) })},
				"team":        {Type: nonNull(t.team), Resolve: fetched(func(v rosterView) domain.ID { return v.TeamID }, b.svc.Patrol.Team)},
				"published":   {Type: nonNull(graphql.Boolean), Resolve: field(func(v rosterView) any { return v.Published })},
				"publishedAt": {Type: graphql.DateTime, Resolve: field(func(v rosterView) any { return nilTime(v.PublishedAt) })},
				"generatedAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(v rosterView) any { return v.GeneratedAt })},
				"shifts": {Type: listOf(t.shift), Description: "In time order.", Resolve: func(p graphql.ResolveParams) (any, error) {
					v, err := rosterOf(p)
					if err != nil {
						return nil, err
					}
					return b.rosterShifts(p.Context, v, false)
				}},
				"unfilled": {Type: listOf(t.shift), Description: "The shifts below their minimum, with why, in time order.", Resolve: func(p graphql.ResolveParams) (any, error) {
					v, err := rosterOf(p)
					if err != nil {
						return nil, err
					}
					return b.rosterShifts(p.Context, v, true)
				}},
				"loads": {Type: listOf(t.load), Description: "Every member's load as generated.", Resolve: field(func(v rosterView) any {
					out := make([]loadView, len(v.Roster.Loads))
					for i, l := range v.Roster.Loads {
						out[i] = loadView{user: domain.ID(l.MemberID), weight: l.Weight, shifts: l.Shifts, counted: l.Counted}
					}
					return out
				})},
				"spread":     {Type: nonNull(graphql.Float), Description: "The largest load less the smallest, over the counted members.", Resolve: field(func(v rosterView) any { return v.Roster.Spread })},
				"lowerBound": {Type: nonNull(graphql.Float), Description: "No roster of these shifts has a smaller spread.", Resolve: field(func(v rosterView) any { return v.Roster.LowerBound })},
				"fairness":   {Type: nonNull(graphql.String), Description: "Its fairness in one line, in the request's language.", Resolve: textIn(func(v rosterView) domain.Text { return v.Roster.Fairness })},
				"preferred":  {Type: nonNull(graphql.Int), Description: "Assignments on a day or template their member prefers.", Resolve: field(func(v rosterView) any { return v.Roster.Preferred })},
				"continued":  {Type: nonNull(graphql.Int), Description: "Pairs who walk a route together again.", Resolve: field(func(v rosterView) any { return v.Roster.Continued })},
			}
		})})
	t.passage = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolPassage", Description: "A checkpoint passed on a shift.", Fields: graphql.FieldsThunk(func() graphql.Fields {
		return graphql.Fields{
			"checkpoint": {Type: nonNull(graphql.Int), Description: "Its index on the route, from 0.", Resolve: field(func(x patrol.Passage) any { return x.Checkpoint })},
			"at":         {Type: nonNull(graphql.DateTime), Resolve: field(func(x patrol.Passage) any { return x.At })},
			"by":         {Type: b.user, Description: "The captain, who checked in a member without a phone; null when the member scanned.", Resolve: loadField(usersOf, func(x patrol.Passage) domain.ID { return x.By })},
		}
	})})
	t.position = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolPosition", Description: "One patroller's place on a published shift.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":     idField("PatrolPosition", func(x patrol.Position) domain.ID { return x.ID }),
				"team":   {Type: nonNull(t.team), Resolve: fetched(func(x patrol.Position) domain.ID { return x.TeamID }, b.svc.Patrol.Team)},
				"number": {Type: nonNull(graphql.Int), Description: "Its place on the shift, from 1.", Resolve: field(func(x patrol.Position) any { return x.Number })},
				"start":  {Type: nonNull(graphql.DateTime), Description: "The shift's start.", Resolve: field(func(x patrol.Position) any { return x.Start })},
				"end":    {Type: nonNull(graphql.DateTime), Resolve: field(func(x patrol.Position) any { return x.End })},
				"route":  {Type: nonNull(t.route), Resolve: loadField(patrolRoutesOf, func(x patrol.Position) domain.ID { return x.RouteID })},
				"weight": {Type: nonNull(graphql.Float), Resolve: field(func(x patrol.Position) any { return x.Weight })},
				"night":  {Type: nonNull(graphql.Boolean), Resolve: field(func(x patrol.Position) any { return x.Night })},
				"user":   {Type: b.user, Description: "Who holds it; null while open.", Resolve: loadField(usersOf, func(x patrol.Position) domain.ID { return x.UserID })},
				"state":  {Type: nonNull(t.positionState), Resolve: field(func(x patrol.Position) any { return x.State })},
				"passed": {Type: listOf(t.passage), Description: "The checkpoints passed, in order.", Resolve: field(func(x patrol.Position) any { return orEmpty(x.Passed) })},
				"candidates": {Type: listOf(t.load), Description: "For an open place that has not started: the members who may take it, lightest load of its month first (a dropped place is mailed to the first five); empty otherwise.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						x, err := source[patrol.Position](p)
						if err != nil || x.State != patrol.Open {
							return []loadView{}, err
						}
						if x.Candidates != nil { // openPositions read them with the list
							return loadViews(x.Candidates), nil
						}
						loads, err := b.svc.Patrol.Candidates(p.Context, x.ID)
						return loadViews(loads), err
					}},
				"pendingTaker": {Type: b.user, Description: "Who would take the offered place once the captain approves (decideShiftSwap).",
					Resolve: loadField(usersOf, func(x patrol.Position) domain.ID { return x.PendingTaker })},
				"pendingReason": {Type: graphql.String, Description: "The constraint the waiting swap breaks, in the request's language.", Resolve: func(p graphql.ResolveParams) (any, error) {
					x, err := source[patrol.Position](p)
					if err != nil || x.PendingTaker == "" {
						return nil, err
					}
					return x.PendingReason.In(domain.LangFromContext(p.Context)), nil
				}},
			}
		})})
	t.event = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolEvent", Description: "A line of a team's timeline: every change after publication.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"at":    {Type: nonNull(graphql.DateTime), Resolve: field(func(e patrol.Event) any { return e.At })},
				"actor": {Type: b.user, Resolve: loadField(usersOf, func(e patrol.Event) domain.ID { return e.Actor })},
				"kind":  {Type: nonNull(t.eventKind), Resolve: field(func(e patrol.Event) any { return e.Kind })},
				"member": {Type: b.user, Description: "Who gave up the place a SWAP took, who MISSED a shift, whose place a DROP opened when the captain removed them; null otherwise.",
					Resolve: loadField(usersOf, func(e patrol.Event) domain.ID { return eventMember(e) })},
				"note": {Type: graphql.String, Description: "The month PUBLISHed, the reason a swap was REFUSEd, or that the captain approved a SWAP.",
					Resolve: field(func(e patrol.Event) any {
						if eventMember(e) != "" {
							return nil
						}
						return nilString(e.Note)
					})},
			}
		})})
}

// fetched resolves a field of S to the record get fetches by the ID key
// gives, for a field that always has one; its errors pass through.
func fetched[S, V any](key func(S) domain.ID, get func(context.Context, domain.ID) (V, error)) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		s, err := source[S](p)
		if err != nil {
			return nil, err
		}
		return get(p.Context, key(s))
	}
}

// floatOrNull turns a nil coordinate into null.
func floatOrNull(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// buildPatrolReports builds PatrolReport, PatrolSuggestion, MediationCase
// and CaseCounts.
func (b *builder) buildPatrolReports() {
	t := typesOf[patrolTypes](b)
	t.report = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolReport", Description: "A patrol report (巡查上报): for its reporter, the grid workers and the committee.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":         idField("PatrolReport", func(r patrol.Report) domain.ID { return r.ID }),
				"community":  {Type: nonNull(b.community), Resolve: loadField(communitiesOf, func(r patrol.Report) domain.ID { return r.CommunityID })},
				"kind":       {Type: nonNull(t.reportKind), Resolve: field(func(r patrol.Report) any { return r.Kind })},
				"grid":       {Type: nonNull(b.grid), Resolve: loadField(gridsOf, func(r patrol.Report) domain.ID { return r.GridID })},
				"microGrid":  {Type: nonNull(b.microGrid), Resolve: loadField(microGridsOf, func(r patrol.Report) domain.ID { return r.MicroGridID })},
				"place":      {Type: nonNull(graphql.String), Resolve: field(func(r patrol.Report) any { return r.Place })},
				"severity":   {Type: nonNull(t.severity), Resolve: field(func(r patrol.Report) any { return r.Severity })},
				"text":       {Type: nonNull(graphql.String), Resolve: field(func(r patrol.Report) any { return r.Text })},
				"photos":     {Type: listOf(graphql.String), Description: "https links.", Resolve: field(func(r patrol.Report) any { return orEmpty(r.Photos) })},
				"reportedBy": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(r patrol.Report) domain.ID { return r.ReportedBy })},
				"reportedAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(r patrol.Report) any { return r.ReportedAt })},
				"state":      {Type: nonNull(t.reportState), Resolve: field(func(r patrol.Report) any { return r.Triage })},
				"triagedBy":  {Type: b.user, Resolve: loadField(usersOf, func(r patrol.Report) domain.ID { return r.TriagedBy })},
				"triagedAt":  {Type: graphql.DateTime, Resolve: field(func(r patrol.Report) any { return nilTime(r.TriagedAt) })},
				"note":       {Type: graphql.String, Description: "What the grid worker did or said.", Resolve: field(func(r patrol.Report) any { return nilString(r.Note) })},
				"referredTo": {Type: graphql.String, Description: "The property firm or department it was referred to.", Resolve: field(func(r patrol.Report) any { return nilString(r.ReferredTo) })},
				"due":        {Type: graphql.DateTime, Description: "The referral's due date.", Resolve: field(func(r patrol.Report) any { return nilTime(r.Due) })},
				"mediationCase": {Type: t.mediationCase, Description: "The case it became: null to those who are neither mediators nor on the committee.",
					Resolve: optional(func(r patrol.Report) domain.ID { return r.CaseID }, b.svc.Patrol.Case)},
				"topic": {Type: b.topic, Description: "The topic it was escalated to.", Resolve: optional(func(r patrol.Report) domain.ID { return r.TopicID }, b.svc.Deliberation.Topic)},
			}
		})})
	t.suggestion = graphql.NewObject(graphql.ObjectConfig{Name: "PatrolSuggestion",
		Description: "Repeated reports that suggest a topic: three of one kind in one micro-grid within 30 days, none escalated yet.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"kind":      {Type: nonNull(t.reportKind), Resolve: field(func(s patrol.Suggestion) any { return s.Kind })},
				"grid":      {Type: nonNull(b.grid), Resolve: loadField(gridsOf, func(s patrol.Suggestion) domain.ID { return s.GridID })},
				"microGrid": {Type: nonNull(b.microGrid), Resolve: loadField(microGridsOf, func(s patrol.Suggestion) domain.ID { return s.MicroGridID })},
				"reports":   {Type: listOf(t.report), Description: "Newest first.", Resolve: field(func(s patrol.Suggestion) any { return orEmpty(s.Reports) })},
			}
		})})
	session := graphql.NewObject(graphql.ObjectConfig{Name: "MediationSession", Description: "One mediation meeting.", Fields: graphql.Fields{
		"at":   {Type: nonNull(graphql.DateTime), Resolve: field(func(s patrol.Session) any { return s.At })},
		"note": {Type: nonNull(graphql.String), Resolve: field(func(s patrol.Session) any { return s.Note })},
	}})
	confirmation := graphql.NewObject(graphql.ObjectConfig{Name: "MediationConfirmation", Description: "A party's confirmation of the outcome, as the mediator recorded it.",
		Fields: graphql.Fields{
			"partyName": {Type: nonNull(graphql.String), Description: "The party, as the mediator named them.", Resolve: field(func(c patrol.Confirmation) any { return c.Party })},
			"at":        {Type: nonNull(graphql.DateTime), Resolve: field(func(c patrol.Confirmation) any { return c.At })},
		}})
	t.mediationCase = graphql.NewObject(graphql.ObjectConfig{Name: "MediationCase", Description: "A dispute in mediation (和事佬): for the mediators and the committee; the public sees counts.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id": idField("MediationCase", func(c patrol.Case) domain.ID { return c.ID }),
				"report": {Type: t.report, Description: "The report it came from: null to a mediator who may not read it.",
					Resolve: optional(func(c patrol.Case) domain.ID { return c.ReportID }, b.svc.Patrol.Report)},
				"parties":       {Type: nonNull(graphql.String), Description: "Who is in the dispute, as the grid worker named them.", Resolve: field(func(c patrol.Case) any { return c.Parties })},
				"state":         {Type: nonNull(t.caseState), Resolve: field(func(c patrol.Case) any { return c.State })},
				"mediator":      {Type: b.user, Resolve: loadField(usersOf, func(c patrol.Case) domain.ID { return c.MediatorID })},
				"sessions":      {Type: listOf(session), Resolve: field(func(c patrol.Case) any { return orEmpty(c.Sessions) })},
				"terms":         {Type: graphql.String, Description: "The agreement's terms, or why there was none.", Resolve: field(func(c patrol.Case) any { return nilString(c.Terms) })},
				"referredTo":    {Type: graphql.String, Resolve: field(func(c patrol.Case) any { return nilString(c.ReferredTo) })},
				"confirmations": {Type: listOf(confirmation), Resolve: field(func(c patrol.Case) any { return orEmpty(c.Confirmed) })},
				"openedAt":      {Type: nonNull(graphql.DateTime), Resolve: field(func(c patrol.Case) any { return c.OpenedAt })},
				"closedAt":      {Type: graphql.DateTime, Resolve: field(func(c patrol.Case) any { return nilTime(c.ClosedAt) })},
			}
		})})
	count := func(s patrol.CaseState) *graphql.Field {
		return &graphql.Field{Type: nonNull(graphql.Int), Resolve: field(func(c patrol.CaseCounts) any { return c[s] })}
	}
	t.caseCounts = graphql.NewObject(graphql.ObjectConfig{Name: "CaseCounts", Description: "What everyone sees of mediation: how many cases stand how.", Fields: graphql.Fields{
		"open": count(patrol.CaseOpen), "taken": count(patrol.CaseTaken), "agreed": count(patrol.CaseAgreed),
		"noAgreement": count(patrol.CaseNoAgree), "referred": count(patrol.CaseReferred),
		"total": {Type: nonNull(graphql.Int), Resolve: field(func(c patrol.CaseCounts) any {
			n := 0
			for _, k := range c {
				n += k
			}
			return n
		})},
	}})
}

// extendCommunityWithPatrols adds a community's patrols to Community: for
// its members.
func (b *builder) extendCommunityWithPatrols() {
	t := typesOf[patrolTypes](b)
	svc := func() *patrol.Service { return b.svc.Patrol }
	communityOf := func(p graphql.ResolveParams) (community.Community, error) { return source[community.Community](p) }
	b.extend("Community", graphql.Fields{
		"patrolTeams": {Type: listOf(t.team), Description: "Its patrol teams by name.", Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := communityOf(p)
			if err != nil {
				return nil, err
			}
			return svc().Teams(p.Context, c.ID)
		}},
		"patrolReports": {Type: listOf(t.report), Description: "Its latest 200 patrol reports, newest first: all of them to the committee, their grids' to grid workers, their own to others.",
			Args: graphql.FieldConfigArgument{"state": {Type: t.reportState}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := communityOf(p)
				if err != nil {
					return nil, err
				}
				var state *patrol.Triage
				if s, ok := p.Args["state"].(patrol.Triage); ok {
					state = &s
				}
				return svc().Reports(p.Context, c.ID, state)
			}},
		"patrolSuggestions": {Type: listOf(t.suggestion), Description: "Repeated reports that suggest a topic, for the grid workers of their grids and the committee; empty for others.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := communityOf(p)
				if err != nil {
					return nil, err
				}
				return svc().Suggestions(p.Context, c.ID)
			}},
		"mediationCases": {Type: listOf(t.mediationCase), Description: "Its mediation cases, newest first: for the mediators and the committee (FORBIDDEN to others).",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := communityOf(p)
				if err != nil {
					return nil, err
				}
				return svc().Cases(p.Context, c.ID)
			}},
		"mediationCounts": {Type: nonNull(t.caseCounts), Description: "How many of its cases stand how: for every member.", Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := communityOf(p)
			if err != nil {
				return nil, err
			}
			return svc().CountCases(p.Context, c.ID)
		}},
	})
}
