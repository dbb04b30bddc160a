package graph

import (
	"context"
	"strings"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/volunteer"
	"github.com/yishi-app/yishi/domain/volunteer/match"
)

// volunteerPart is volunteer service (志愿服务): profiles, teams, needs
// with their occurrences and claims, explained matching, the week's
// proposal, the time bank and certificates. Everything is for the
// community's members, except a certificate, which anyone with its code
// reads (the QR code's link). A need's exact address reaches only those
// who run it and the volunteers who claimed it.
var volunteerPart = part{
	records: map[string]string{"Volunteer": "志愿者", "VolunteerTeam": "志愿队", "Need": "志愿需求", "NeedOccurrence": "服务时段", "VolunteerClaim": "认领"},
	types: func(b *builder) {
		b.buildVolunteerEnums()
		b.buildVolunteers()
		b.buildNeeds()
		t := typesOf[volunteerTypes](b)
		v := b.svc.Volunteer
		b.addNodes(nodeOf(t.profile, b.volunteerByID), nodeOf(t.team, v.Team), nodeOf(t.need, v.Need), nodeOf(t.occurrence, v.Occurrence),
			nodeOf(t.claim, v.ClaimByID))
		b.addTodos(v)
		b.extendCommunityWithVolunteers()
		b.actionItem.AddFieldConfig("volunteerNeeds", &graphql.Field{Type: listOf(t.need), Description: "The volunteer needs the item called for (callForHands), oldest first.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				it, err := source[deliberation.ActionItem](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Deliberation.NeedsOfItem(p.Context, it.ID)
			}})
	},
	queries:   (*builder).volunteerQueries,
	mutations: (*builder).volunteerMutations,
}

// volunteerTypes are the volunteer part's types.
type volunteerTypes struct {
	profile, profileConn, team, skill, skillLevel, slot, away, balance, reliability *graphql.Object
	need, needConn, occurrence, claim, waiter, candidate, exclusion, factor, reason *graphql.Object
	ranking, forMe, proposal, transfer, certificate, settings                       *graphql.Object
	state, needState, source, urgency, occurrenceState, claimState, transferKind    *graphql.Enum
	weekday, reasonCode                                                             *graphql.Enum
}

// volunteerByID reads a volunteer by their profile's ID, the membership's.
func (b *builder) volunteerByID(ctx context.Context, id domain.ID) (volunteer.Profile, error) {
	c, u, ok := strings.Cut(string(id), "/")
	if !ok {
		return volunteer.Profile{}, notFound("Volunteer")
	}
	return b.svc.Volunteer.Profile(ctx, domain.ID(c), domain.ID(u))
}

func (b *builder) buildVolunteerEnums() {
	t := typesOf[volunteerTypes](b)
	t.state = graphql.NewEnum(graphql.EnumConfig{Name: "VolunteerState", Description: "Where a volunteer stands.", Values: graphql.EnumValueConfigMap{
		"PENDING": {Value: volunteer.Pending, Description: "opted in, waiting for a team leader or the committee to confirm"},
		"ACTIVE":  {Value: volunteer.Active, Description: "confirmed: claims tasks and is ranked for needs"},
		"PAUSED":  {Value: volunteer.Paused, Description: "paused by themself; resumes at will"},
		"LEFT":    {Value: volunteer.Left, Description: "left; their history stays, and they may join again"},
	}})
	t.needState = graphql.NewEnum(graphql.EnumConfig{Name: "NeedState", Values: graphql.EnumValueConfigMap{
		"PENDING":   {Value: volunteer.NeedPending, Description: "a resident's own need, waiting for a grid worker's approval"},
		"OPEN":      {Value: volunteer.NeedOpen, Description: "its occurrences take claims"},
		"REJECTED":  {Value: volunteer.NeedRejected, Description: "declined by the grid worker, with a reason"},
		"CANCELLED": {Value: volunteer.NeedCancelled, Description: "cancelled with a reason"},
		"DONE":      {Value: volunteer.NeedDone, Description: "no occurrence left open or under way: each settled (hours confirmed, or a no-show) or cancelled"},
	}})
	t.source = graphql.NewEnum(graphql.EnumConfig{Name: "NeedSource", Description: "Who posted a need.", Values: graphql.EnumValueConfigMap{
		"SELF":        {Value: volunteer.SourceSelf, Description: "a resident for themself"},
		"GRID_WORKER": {Value: volunteer.SourceGridWorker, Description: "a grid worker for a resident of their grid"},
		"COMMITTEE":   {Value: volunteer.SourceCommittee, Description: "the committee"},
		"ACTION_ITEM": {Value: volunteer.SourceActionItem, Description: "a resolution's action item that calls for hands"},
	}})
	t.urgency = graphql.NewEnum(graphql.EnumConfig{Name: "NeedUrgency", Values: graphql.EnumValueConfigMap{
		"NORMAL": {Value: volunteer.Normal, Description: "普通"}, "URGENT": {Value: volunteer.Urgent, Description: "紧急"},
	}})
	t.occurrenceState = graphql.NewEnum(graphql.EnumConfig{Name: "OccurrenceState", Values: graphql.EnumValueConfigMap{
		"OPEN":        {Value: volunteer.OccurrenceOpen, Description: "takes claims (filled when openSlots is 0)"},
		"IN_PROGRESS": {Value: volunteer.OccurrenceInProgress, Description: "someone checked in"},
		"DONE":        {Value: volunteer.OccurrenceDone, Description: "every claim settled, hours confirmed"},
		"CANCELLED":   {Value: volunteer.OccurrenceCancelled, Description: "cancelled with its need"},
	}})
	t.claimState = graphql.NewEnum(graphql.EnumConfig{Name: "ClaimState", Values: graphql.EnumValueConfigMap{
		"CLAIMED":     {Value: volunteer.Claimed},
		"CHECKED_IN":  {Value: volunteer.CheckedIn},
		"CHECKED_OUT": {Value: volunteer.CheckedOut},
		"NO_SHOW":     {Value: volunteer.NoShow, Description: "marked by a coordinator; the volunteer may dispute it once"},
		"EXCUSED":     {Value: volunteer.Excused, Description: "a no-show withdrawn after a dispute"},
		"CONFIRMED":   {Value: volunteer.Confirmed, Description: "its hours are in the time bank"},
		"VOID":        {Value: volunteer.Void, Description: "its need was cancelled before it was served"},
	}})
	t.transferKind = graphql.NewEnum(graphql.EnumConfig{Name: "TimeTransferKind", Values: graphql.EnumValueConfigMap{
		"SERVICE":    {Value: volunteer.ServiceTransfer, Description: "the pool pays a volunteer for a confirmed task"},
		"CORRECTION": {Value: volunteer.CorrectionTransfer, Description: "compensates an earlier transfer, with a reason"},
		"EXCHANGE":   {Value: volunteer.ExchangeTransfer, Description: "a volunteer's credit pays the pool for help they had"},
		"PATROL":     {Value: volunteer.PatrolTransfer, Description: "the pool pays a volunteer for a patrol shift they walked"},
	}})
	days := graphql.EnumValueConfigMap{}
	for d := time.Sunday; d <= time.Saturday; d++ {
		days[strings.ToUpper(d.String())] = &graphql.EnumValueConfig{Value: d}
	}
	t.weekday = graphql.NewEnum(graphql.EnumConfig{Name: "Weekday", Values: days})
	codes := graphql.EnumValueConfigMap{}
	for _, c := range []match.Code{match.Paused, match.Claimed, match.MissingSkill, match.Unverified, match.UnverifiedCredential, match.Unavailable,
		match.Busy, match.WeeklyLimit, match.InvalidWindow, match.NoSlots, match.DuplicateNeed, match.NoCandidates, match.Taken} {
		codes[enumName(string(c))] = &graphql.EnumValueConfig{Value: c}
	}
	t.reasonCode = graphql.NewEnum(graphql.EnumConfig{Name: "MatchReasonCode", Description: "Why a volunteer is excluded from a need, or why a slot stays open.", Values: codes})
}

func (b *builder) buildVolunteers() {
	t := typesOf[volunteerTypes](b)
	t.skill = graphql.NewObject(graphql.ObjectConfig{Name: "VolunteerSkill", Description: "A kind of help in a community's taxonomy: the base set, then local ones.",
		Fields: graphql.Fields{
			"code":         {Type: nonNull(graphql.String), Resolve: field(func(k volunteer.Skill) any { return k.Code })},
			"name":         {Type: nonNull(graphql.String), Description: "In the request's language.", Resolve: textIn(func(k volunteer.Skill) domain.Text { return k.Name })},
			"credentialed": {Type: nonNull(graphql.Boolean), Description: "Needs a verified credential for a sensitive need (医疗护理, 法律咨询).", Resolve: field(func(k volunteer.Skill) any { return k.Credentialed })},
		}})
	t.skillLevel = graphql.NewObject(graphql.ObjectConfig{Name: "VolunteerSkillLevel", Fields: graphql.Fields{
		"code":       {Type: nonNull(graphql.String), Resolve: field(func(k volunteer.SkillLevel) any { return k.Code })},
		"level":      {Type: nonNull(graphql.Int), Description: "1 (can help) to 3 (professional).", Resolve: field(func(k volunteer.SkillLevel) any { return k.Level })},
		"credential": {Type: graphql.String, Description: "The credential's description: seen by the volunteer and coordinators only.", Resolve: field(func(k volunteer.SkillLevel) any { return nilString(k.Credential) })},
		"verified":   {Type: nonNull(graphql.Boolean), Resolve: field(func(k volunteer.SkillLevel) any { return k.Verified() })},
		"verifiedAt": {Type: graphql.DateTime, Resolve: field(func(k volunteer.SkillLevel) any { return nilTime(k.VerifiedAt) })},
	}})
	t.slot = graphql.NewObject(graphql.ObjectConfig{Name: "AvailabilitySlot", Description: "A weekly stretch of time, in the community's zone.", Fields: graphql.Fields{
		"weekday": {Type: nonNull(t.weekday), Resolve: field(func(s volunteer.Slot) any { return s.Weekday })},
		"start":   {Type: nonNull(graphql.Int), Description: "Minutes after midnight, 0–1439.", Resolve: field(func(s volunteer.Slot) any { return s.Start })},
		"end":     {Type: nonNull(graphql.Int), Description: "Minutes after midnight, after start, at most 1440.", Resolve: field(func(s volunteer.Slot) any { return s.End })},
	}})
	t.away = graphql.NewObject(graphql.ObjectConfig{Name: "AwayPeriod", Description: "Days a volunteer is away, both included (2006-01-02).", Fields: graphql.Fields{
		"from": {Type: nonNull(graphql.String), Resolve: field(func(a volunteer.Away) any { return a.From })},
		"to":   {Type: nonNull(graphql.String), Resolve: field(func(a volunteer.Away) any { return a.To })},
	}})
	t.balance = graphql.NewObject(graphql.ObjectConfig{Name: "TimeBalance", Description: "A volunteer's standing in the time bank (时间银行), in minutes.", Fields: graphql.Fields{
		"minutes": {Type: nonNull(graphql.Int), Resolve: field(func(v volunteer.Balance) any { return v.Minutes })},
		"earned":  {Type: nonNull(graphql.Int), Description: "Served, corrections included.", Resolve: field(func(v volunteer.Balance) any { return v.Earned })},
		"spent":   {Type: nonNull(graphql.Int), Description: "Paid for help received.", Resolve: field(func(v volunteer.Balance) any { return v.Spent })},
	}})
	t.reliability = graphql.NewObject(graphql.ObjectConfig{Name: "VolunteerReliability", Description: "A volunteer's record over the last 180 days.", Fields: graphql.Fields{
		"done":        {Type: nonNull(graphql.Int), Resolve: field(func(r volunteer.Reliability) any { return r.Done })},
		"noShows":     {Type: nonNull(graphql.Int), Resolve: field(func(r volunteer.Reliability) any { return r.NoShows })},
		"lateCancels": {Type: nonNull(graphql.Int), Description: "Cancelled within 12 h of the start.", Resolve: field(func(r volunteer.Reliability) any { return r.LateCancels })},
	}})
	t.team = graphql.NewObject(graphql.ObjectConfig{Name: "VolunteerTeam", Description: "A volunteer team (志愿队) with its leaders.", Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":        idField("VolunteerTeam", func(x volunteer.Team) domain.ID { return x.ID }),
				"name":      {Type: nonNull(graphql.String), Resolve: field(func(x volunteer.Team) any { return x.Name })},
				"leaders":   {Type: listOf(b.user), Resolve: loadListField(usersOf, func(x volunteer.Team) []domain.ID { return x.Leaders })},
				"createdAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(x volunteer.Team) any { return x.CreatedAt })},
			}
		})})
	self := func(p graphql.ResolveParams, v volunteer.Profile) bool {
		return domain.ActorFromContext(p.Context).UserID == v.UserID
	}
	t.profile = graphql.NewObject(graphql.ObjectConfig{Name: "Volunteer", Description: "A member's volunteer profile: for themself, coordinators and grid workers.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":     idField("Volunteer", func(v volunteer.Profile) domain.ID { return v.ID() }),
				"user":   {Type: nonNull(b.user), Resolve: loadField(usersOf, func(v volunteer.Profile) domain.ID { return v.UserID })},
				"team":   {Type: t.team, Resolve: optional(func(v volunteer.Profile) domain.ID { return v.TeamID }, b.svc.Volunteer.Team)},
				"state":  {Type: nonNull(t.state), Resolve: field(func(v volunteer.Profile) any { return v.State })},
				"skills": {Type: listOf(t.skillLevel), Resolve: field(func(v volunteer.Profile) any { return orEmpty(v.Skills) })},
				"weekly": {Type: listOf(t.slot), Resolve: field(func(v volunteer.Profile) any { return orEmpty(v.Weekly) })},
				"away":   {Type: listOf(t.away), Resolve: field(func(v volunteer.Profile) any { return orEmpty(v.Away) })},
				"grids": {Type: listOf(b.grid), Description: "The grids they will serve; empty for the whole community.",
					Resolve: loadListField(gridsOf, func(v volunteer.Profile) []domain.ID { return v.Grids })},
				"maxMinutesPerWeek": {Type: nonNull(graphql.Int), Resolve: field(func(v volunteer.Profile) any { return v.MaxMinutesPerWeek })},
				"dialects":          {Type: listOf(graphql.String), Resolve: field(func(v volunteer.Profile) any { return orEmpty(v.Dialects) })},
				"joinedAt":          {Type: nonNull(graphql.DateTime), Resolve: field(func(v volunteer.Profile) any { return v.JoinedAt })},
				"confirmedAt":       {Type: graphql.DateTime, Resolve: field(func(v volunteer.Profile) any { return nilTime(v.ConfirmedAt) })},
				"balance":           {Type: nonNull(t.balance), Description: "For themself and coordinators.", Resolve: ofVolunteer(b.svc.Volunteer.Balance)},
				"reliability":       {Type: nonNull(t.reliability), Description: "For themself and coordinators.", Resolve: ofVolunteer(b.svc.Volunteer.Reliability)},
				"transfers":         {Type: listOf(t.transfer), Description: "Their time-bank transfers, newest first: for themself and coordinators.", Resolve: ofVolunteer(b.svc.Volunteer.Transfers)},
				"certificates":      {Type: listOf(t.certificate), Description: "For themself and coordinators.", Resolve: ofVolunteer(b.svc.Volunteer.Certificates)},
				"isMe": {Type: nonNull(graphql.Boolean), Resolve: func(p graphql.ResolveParams) (any, error) {
					v, err := source[volunteer.Profile](p)
					return err == nil && self(p, v), err
				}},
			}
		})})
	t.profileConn = b.connection("Volunteer", t.profile)
	t.transfer = graphql.NewObject(graphql.ObjectConfig{Name: "TimeTransfer", Description: "Hours moved at once in the time bank; its movements sum to zero.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"kind": {Type: nonNull(t.transferKind), Resolve: field(func(x volunteer.Transfer) any { return x.Kind })},
				"poolMinutes": {Type: nonNull(graphql.Int), Description: "The service pool's side: negative when it paid.", Resolve: field(func(x volunteer.Transfer) any {
					return minutesOf(x, volunteer.Pool)
				})},
				"volunteerMinutes": {Type: nonNull(graphql.Int), Description: "The volunteer's side: positive when credited.", Resolve: field(func(x volunteer.Transfer) any {
					return -minutesOf(x, volunteer.Pool)
				})},
				"claim":  {Type: t.claim, Resolve: optional(func(x volunteer.Transfer) domain.ID { return x.ClaimID }, b.svc.Volunteer.ClaimByID)},
				"reason": {Type: graphql.String, Resolve: field(func(x volunteer.Transfer) any { return nilString(x.Reason) })},
				"at":     {Type: nonNull(graphql.DateTime), Resolve: field(func(x volunteer.Transfer) any { return x.At })},
			}
		})})
	t.certificate = graphql.NewObject(graphql.ObjectConfig{Name: "VolunteerCertificate",
		Description: "A volunteer service certificate (志愿服务证明): confirmed hours and tasks over a period. Anyone with its code reads it; its totals are in the public record.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"code":      {Type: nonNull(graphql.String), Description: "The verification link's key.", Resolve: field(func(c volunteer.Certificate) any { return c.Code })},
				"volunteer": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(c volunteer.Certificate) domain.ID { return c.Volunteer })},
				"community": {Type: nonNull(b.community), Resolve: loadField(communitiesOf, func(c volunteer.Certificate) domain.ID { return c.CommunityID })},
				"from":      {Type: nonNull(graphql.String), Resolve: field(func(c volunteer.Certificate) any { return c.From })},
				"to":        {Type: nonNull(graphql.String), Resolve: field(func(c volunteer.Certificate) any { return c.To })},
				"minutes":   {Type: nonNull(graphql.Int), Resolve: field(func(c volunteer.Certificate) any { return c.Minutes })},
				"tasks":     {Type: nonNull(graphql.Int), Resolve: field(func(c volunteer.Certificate) any { return c.Tasks })},
				"issuedAt":  {Type: nonNull(graphql.DateTime), Resolve: field(func(c volunteer.Certificate) any { return c.IssuedAt })},
				"recordSeq": {Type: graphql.Int, Description: "Its entry in the community's public record; null when not recorded.", Resolve: field(func(c volunteer.Certificate) any {
					if c.RecordSeq < 0 {
						return nil
					}
					return int(c.RecordSeq)
				})},
			}
		})})
	t.settings = graphql.NewObject(graphql.ObjectConfig{Name: "VolunteerSettings", Fields: graphql.Fields{
		"exchange": {Type: nonNull(graphql.Boolean), Description: "Volunteers may pay for help to them from their time-bank credit.", Resolve: field(func(s volunteer.Settings) any { return s.Exchange })},
	}})
}

// minutesOf is an account's side of a transfer.
func minutesOf(t volunteer.Transfer, account domain.ID) int {
	n := 0
	for _, m := range t.Movements {
		if m.Account == account {
			n += m.Minutes
		}
	}
	return n
}

// ofVolunteer resolves a field of a Volunteer that the service reads by
// community and user (their balance, reliability, transfers,
// certificates), checking the viewer there.
func ofVolunteer[V any](read func(context.Context, domain.ID, domain.ID) (V, error)) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		v, err := source[volunteer.Profile](p)
		if err != nil {
			return nil, err
		}
		return read(p.Context, v.CommunityID, v.UserID)
	}
}

// loadListField resolves a field of S to the records whose IDs keys
// gives, through the request's loader of the kind.
func loadListField[S, V any](kind *loaderKind[V], keys func(S) []domain.ID) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		s, err := source[S](p)
		if err != nil {
			return nil, err
		}
		return thunkMany(p.Context, kind.in(p.Context), keys(s)), nil
	}
}

// optional resolves a field of S to the record get fetches by the ID key
// gives; null when the ID is empty.
func optional[S, V any](key func(S) domain.ID, get func(context.Context, domain.ID) (V, error)) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		s, err := source[S](p)
		if err != nil || key(s) == "" {
			return nil, err
		}
		return orNull(get(p.Context, key(s)))
	}
}

// extendCommunityWithVolunteers adds a community's volunteer service to
// Community: for its members.
func (b *builder) extendCommunityWithVolunteers() {
	t := typesOf[volunteerTypes](b)
	svc := func() *volunteer.Service { return b.svc.Volunteer }
	communityOf := func(p graphql.ResolveParams) (community.Community, error) { return source[community.Community](p) }
	communityPage := func(p graphql.ResolveParams) (community.Community, domain.Page, error) {
		c, err := communityOf(p)
		if err != nil {
			return c, domain.Page{}, err
		}
		page, err := pageFrom(p)
		return c, page, err
	}
	b.extend("Community", graphql.Fields{
		"volunteerSkills": {Type: listOf(t.skill), Description: "The taxonomy of skills: the base set, then the community's own.", Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := communityOf(p)
			if err != nil {
				return nil, err
			}
			return svc().Skills(p.Context, c.ID)
		}},
		"volunteerTeams": {Type: listOf(t.team), Description: "Its volunteer teams by name, for members.", Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := communityOf(p)
			if err != nil {
				return nil, err
			}
			return svc().Teams(p.Context, c.ID)
		}},
		"volunteerSettings": {Type: nonNull(t.settings), Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := communityOf(p)
			if err != nil {
				return nil, err
			}
			return svc().Settings(p.Context, c.ID)
		}},
		"myVolunteerProfile": {Type: t.profile, Description: "The viewer's volunteer profile; null when they have none.", Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := communityOf(p)
			if err != nil {
				return nil, err
			}
			prof, err := svc().MyProfile(p.Context, c.ID)
			if domain.ErrorCode(err) == domain.NotFound {
				return nil, nil
			}
			return prof, err
		}},
		"volunteers": {Type: nonNull(t.profileConn), Description: "Its volunteers: for coordinators and grid workers.",
			Args: pageArgs(graphql.FieldConfigArgument{"state": {Type: t.state}, "teamId": {Type: graphql.ID}}),
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, page, err := communityPage(p)
				if err != nil {
					return nil, err
				}
				var f volunteer.ProfileFilter
				if st, ok := p.Args["state"].(volunteer.State); ok {
					f.State = &st
				}
				if gid, ok := p.Args["teamId"].(string); ok {
					id, err := localID("VolunteerTeam", gid)
					if err != nil {
						return nil, err
					}
					f.TeamID = &id
				}
				l, err := svc().Volunteers(p.Context, c.ID, f, page)
				return toConnection(l, func(v volunteer.Profile) domain.ID { return v.ID() }), err
			}},
		"needs": {Type: nonNull(t.needConn), Description: "Its needs in the order posted: open and cancelled ones for members; pending and rejected ones also for those who run them.",
			Args: pageArgs(graphql.FieldConfigArgument{"state": {Type: t.needState}, "mine": {Type: graphql.Boolean, Description: "Only those the viewer posted or is helped by."}}),
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, page, err := communityPage(p)
				if err != nil {
					return nil, err
				}
				var f volunteer.NeedFilter
				if st, ok := p.Args["state"].(volunteer.NeedState); ok {
					f.State = &st
				}
				f.Mine, _ = p.Args["mine"].(bool)
				l, err := svc().Needs(p.Context, c.ID, f, page)
				return toConnection(l, func(n volunteer.Need) domain.ID { return n.ID }), err
			}},
		"needsForMe": {Type: listOf(t.forMe), Description: "Open occurrences of the next two weeks the viewer, an active volunteer, may take, best first, with why (为什么推荐我).",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := communityOf(p)
				if err != nil {
					return nil, err
				}
				out, err := svc().ForMe(p.Context, c.ID)
				if domain.ErrorCode(err) == domain.NotFound {
					return []volunteer.Match{}, nil
				}
				return out, err
			}},
		"myVolunteerTasks": {Type: listOf(t.claim), Description: "The viewer's claims that have not ended, soonest first (我的任务).", Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := communityOf(p)
			if err != nil {
				return nil, err
			}
			return svc().MyClaims(p.Context, c.ID, time.Time{})
		}},
		"weekProposal": {Type: nonNull(t.proposal), Description: "A proposal of who could take the open slots of the week (Monday to Sunday) holding day, beside the bound of what any could cover: for coordinators. It assigns no one.",
			Args: graphql.FieldConfigArgument{"day": {Type: graphql.String, Description: "2006-01-02; today when left out."}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := communityOf(p)
				if err != nil {
					return nil, err
				}
				var day time.Time // today, on the service's clock
				if s, ok := p.Args["day"].(string); ok && s != "" {
					if day, err = time.ParseInLocation(time.DateOnly, s, c.Location()); err != nil {
						return nil, domain.InvalidField("day", "日期须写作 2026-12-01", "write the day as 2026-12-01")
					}
				}
				return svc().WeekProposal(p.Context, c.ID, day)
			}},
	})
}
