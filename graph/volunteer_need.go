package graph

import (
	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// buildNeeds builds Need, NeedOccurrence, VolunteerClaim and the matching
// types.
func (b *builder) buildNeeds() {
	t := typesOf[volunteerTypes](b)
	svc := func() *volunteer.Service { return b.svc.Volunteer }
	skills := func(codes []string) []string { return orEmpty(codes) }
	t.need = graphql.NewObject(graphql.ObjectConfig{Name: "Need", Description: "A call for volunteers' help (志愿需求): the skills, when, where and how many hands.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":              idField("Need", func(n volunteer.Need) domain.ID { return n.ID }),
				"title":           {Type: nonNull(graphql.String), Resolve: field(func(n volunteer.Need) any { return n.Title })},
				"description":     {Type: nonNull(graphql.String), Resolve: field(func(n volunteer.Need) any { return n.Description })},
				"required":        {Type: listOf(graphql.String), Description: "Skill codes every volunteer must have.", Resolve: field(func(n volunteer.Need) any { return skills(n.Required) })},
				"preferred":       {Type: listOf(graphql.String), Description: "Skill codes that rank a volunteer higher.", Resolve: field(func(n volunteer.Need) any { return skills(n.Preferred) })},
				"start":           {Type: nonNull(graphql.DateTime), Description: "The first occurrence's start.", Resolve: field(func(n volunteer.Need) any { return n.Start })},
				"end":             {Type: nonNull(graphql.DateTime), Resolve: field(func(n volunteer.Need) any { return n.End })},
				"weekly":          {Type: nonNull(graphql.Boolean), Resolve: field(func(n volunteer.Need) any { return n.Weekly })},
				"occurrenceCount": {Type: nonNull(graphql.Int), Resolve: field(func(n volunteer.Need) any { return n.Occurrences })},
				"grid":            {Type: nonNull(b.grid), Resolve: loadField(gridsOf, func(n volunteer.Need) domain.ID { return n.GridID })},
				"microGrid":       {Type: nonNull(b.microGrid), Resolve: loadField(microGridsOf, func(n volunteer.Need) domain.ID { return n.MicroGridID })},
				"address": {Type: graphql.String, Description: "The exact place: null for those who neither run the need nor claimed it.",
					Resolve: field(func(n volunteer.Need) any { return nilString(n.Address) })},
				"addressHidden": {Type: nonNull(graphql.Boolean), Resolve: field(func(n volunteer.Need) any { return n.AddressHidden })},
				"slots":         {Type: nonNull(graphql.Int), Description: "Volunteers wanted per occurrence.", Resolve: field(func(n volunteer.Need) any { return n.Slots })},
				"urgency":       {Type: nonNull(t.urgency), Resolve: field(func(n volunteer.Need) any { return n.Urgency })},
				"sensitive":     {Type: nonNull(graphql.Boolean), Description: "Only volunteers with a verified credential.", Resolve: field(func(n volunteer.Need) any { return n.Sensitive })},
				"payWithCredit": {Type: nonNull(graphql.Boolean), Resolve: field(func(n volunteer.Need) any { return n.PayWithCredit })},
				"family": {Type: graphql.String, Description: "For a resident's need for a family member: who that is, in the poster's words; the grid worker names the member helped on approval. Only for those who run the need: its poster, the one helped and staff.",
					Resolve: field(func(n volunteer.Need) any { return nilString(n.Family) })},
				"helped":    {Type: b.user, Description: "The resident helped.", Resolve: loadField(usersOf, func(n volunteer.Need) domain.ID { return n.For })},
				"postedBy":  {Type: nonNull(b.user), Resolve: loadField(usersOf, func(n volunteer.Need) domain.ID { return n.PostedBy })},
				"source":    {Type: nonNull(t.source), Resolve: field(func(n volunteer.Need) any { return n.Source })},
				"sourceRef": {Type: graphql.ID, Description: "The action item that called for hands.", Resolve: field(func(n volunteer.Need) any { return nilString(n.SourceRef) })},
				"state":     {Type: nonNull(t.needState), Resolve: field(func(n volunteer.Need) any { return n.State })},
				"reason":    {Type: graphql.String, Description: "Why it was rejected or cancelled.", Resolve: field(func(n volunteer.Need) any { return nilString(n.Reason) })},
				"createdAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(n volunteer.Need) any { return n.CreatedAt })},
				"checkInCode": {Type: graphql.String, Description: "The code of the place's QR code: for those who run the need.",
					Resolve: field(func(n volunteer.Need) any { return nilString(n.CheckInCode) })},
				"occurrences": {Type: listOf(t.occurrence), Description: "In time order.",
					Resolve: loadField(occurrencesOf, func(n volunteer.Need) domain.ID { return n.ID })},
			}
		})})
	t.needConn = b.connection("Need", t.need)
	t.occurrence = graphql.NewObject(graphql.ObjectConfig{Name: "NeedOccurrence", Description: "One time a need is met: the need itself when one-off, one week of it when weekly.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id": idField("NeedOccurrence", func(o volunteer.Occurrence) domain.ID { return o.ID }),
				"need": {Type: nonNull(t.need), Resolve: func(p graphql.ResolveParams) (any, error) {
					o, err := source[volunteer.Occurrence](p)
					if err != nil {
						return nil, err
					}
					return svc().Need(p.Context, o.NeedID)
				}},
				"index":      {Type: nonNull(graphql.Int), Resolve: field(func(o volunteer.Occurrence) any { return o.Index })},
				"start":      {Type: nonNull(graphql.DateTime), Resolve: field(func(o volunteer.Occurrence) any { return o.Start })},
				"end":        {Type: nonNull(graphql.DateTime), Resolve: field(func(o volunteer.Occurrence) any { return o.End })},
				"slots":      {Type: nonNull(graphql.Int), Resolve: field(func(o volunteer.Occurrence) any { return o.Slots })},
				"openSlots":  {Type: nonNull(graphql.Int), Resolve: field(func(o volunteer.Occurrence) any { return max(o.OpenSlots, 0) })},
				"filled":     {Type: nonNull(graphql.Boolean), Resolve: field(func(o volunteer.Occurrence) any { return o.Filled() })},
				"state":      {Type: nonNull(t.occurrenceState), Resolve: field(func(o volunteer.Occurrence) any { return o.State })},
				"urgent":     {Type: nonNull(graphql.Boolean), Resolve: field(func(o volunteer.Occurrence) any { return o.Urgent })},
				"rating":     {Type: graphql.Int, Description: "1–5 from the resident helped; null until rated.", Resolve: field(func(o volunteer.Occurrence) any { return nilInt(o.Rating) })},
				"ratingNote": {Type: graphql.String, Resolve: field(func(o volunteer.Occurrence) any { return nilString(o.RatingNote) })},
				"claims": {Type: listOf(t.claim), Description: "By slot: all of them for those who run the need, the viewer's own for a volunteer.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						o, err := source[volunteer.Occurrence](p)
						if err != nil {
							return nil, err
						}
						return svc().Claims(p.Context, o.ID)
					}},
				"waitlist": {Type: listOf(t.waiter), Description: "In order: all of it for those who run the need, the viewer's own place for a volunteer.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						o, err := source[volunteer.Occurrence](p)
						if err != nil {
							return nil, err
						}
						return svc().Waitlist(p.Context, o.ID)
					}},
				"candidates": {Type: nonNull(t.ranking), Description: "The community's active volunteers ranked for it, with why, and those excluded with why: for those who run the need.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						o, err := source[volunteer.Occurrence](p)
						if err != nil {
							return nil, err
						}
						return svc().Candidates(p.Context, o.ID)
					}},
			}
		})})
	t.claim = graphql.NewObject(graphql.ObjectConfig{Name: "VolunteerClaim", Description: "A volunteer's hold on one slot of an occurrence.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id": idField("VolunteerClaim", func(c volunteer.Claim) domain.ID { return c.ID }),
				"occurrence": {Type: nonNull(t.occurrence), Resolve: func(p graphql.ResolveParams) (any, error) {
					c, err := source[volunteer.Claim](p)
					if err != nil {
						return nil, err
					}
					return svc().Occurrence(p.Context, c.OccurrenceID)
				}},
				"need": {Type: nonNull(t.need), Resolve: func(p graphql.ResolveParams) (any, error) {
					c, err := source[volunteer.Claim](p)
					if err != nil {
						return nil, err
					}
					return svc().Need(p.Context, c.NeedID)
				}},
				"volunteer":    {Type: nonNull(b.user), Resolve: loadField(usersOf, func(c volunteer.Claim) domain.ID { return c.Volunteer })},
				"slot":         {Type: nonNull(graphql.Int), Resolve: field(func(c volunteer.Claim) any { return c.Slot })},
				"start":        {Type: nonNull(graphql.DateTime), Resolve: field(func(c volunteer.Claim) any { return c.Start })},
				"end":          {Type: nonNull(graphql.DateTime), Resolve: field(func(c volunteer.Claim) any { return c.End })},
				"state":        {Type: nonNull(t.claimState), Resolve: field(func(c volunteer.Claim) any { return c.State })},
				"claimedAt":    {Type: nonNull(graphql.DateTime), Resolve: field(func(c volunteer.Claim) any { return c.ClaimedAt })},
				"promoted":     {Type: nonNull(graphql.Boolean), Description: "Came from the waitlist.", Resolve: field(func(c volunteer.Claim) any { return c.Promoted })},
				"checkedInAt":  {Type: graphql.DateTime, Resolve: field(func(c volunteer.Claim) any { return nilTime(c.CheckedInAt) })},
				"checkedOutAt": {Type: graphql.DateTime, Resolve: field(func(c volunteer.Claim) any { return nilTime(c.CheckedOutAt) })},
				"minutes":      {Type: nonNull(graphql.Int), Description: "Confirmed, corrections included; 0 before.", Resolve: field(func(c volunteer.Claim) any { return c.Minutes })},
				"dispute":      {Type: graphql.String, Description: "The volunteer's word against a no-show.", Resolve: field(func(c volunteer.Claim) any { return nilString(c.Dispute) })},
			}
		})})
	t.waiter = graphql.NewObject(graphql.ObjectConfig{Name: "WaitlistPlace", Fields: graphql.Fields{
		"volunteer": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(w volunteer.Waiter) domain.ID { return w.Volunteer })},
		"position":  {Type: nonNull(graphql.Int), Description: "From 1.", Resolve: field(func(w volunteer.Waiter) any { return w.Position })},
		"joinedAt":  {Type: nonNull(graphql.DateTime), Resolve: field(func(w volunteer.Waiter) any { return w.JoinedAt })},
	}})
	t.factor = graphql.NewObject(graphql.ObjectConfig{Name: "MatchFactor", Description: "One part of a candidate's score, with why (为什么推荐我).", Fields: graphql.Fields{
		"key":    {Type: nonNull(graphql.String), Description: "skills, availability, distance, fairness, reliability or weekly_limit.", Resolve: field(func(f volunteer.Factor) any { return f.Key })},
		"points": {Type: nonNull(graphql.Float), Resolve: field(func(f volunteer.Factor) any { return f.Points })},
		"max":    {Type: nonNull(graphql.Float), Resolve: field(func(f volunteer.Factor) any { return f.Max })},
		"detail": {Type: nonNull(graphql.String), Description: "In the request's language.", Resolve: textIn(func(f volunteer.Factor) domain.Text { return f.Detail })},
	}})
	t.reason = graphql.NewObject(graphql.ObjectConfig{Name: "MatchReason", Fields: graphql.Fields{
		"code": {Type: nonNull(t.reasonCode), Resolve: field(func(r volunteer.Reason) any { return r.Code })},
		"text": {Type: nonNull(graphql.String), Description: "In the request's language.", Resolve: textIn(func(r volunteer.Reason) domain.Text { return r.Text })},
	}})
	t.candidate = graphql.NewObject(graphql.ObjectConfig{Name: "MatchCandidate", Fields: graphql.Fields{
		"volunteer": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(c volunteer.Candidate) domain.ID { return c.Volunteer })},
		"score":     {Type: nonNull(graphql.Float), Description: "The sum of the factors, at most 100.", Resolve: field(func(c volunteer.Candidate) any { return c.Score })},
		"factors":   {Type: listOf(t.factor), Resolve: field(func(c volunteer.Candidate) any { return c.Factors })},
		"invitedAt": {Type: graphql.DateTime, Description: "When a coordinator invited them to this occurrence; null when not.",
			Resolve: field(func(c volunteer.Candidate) any { return nilTime(c.InvitedAt) })},
	}})
	t.exclusion = graphql.NewObject(graphql.ObjectConfig{Name: "MatchExclusion", Fields: graphql.Fields{
		"volunteer": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(e volunteer.Exclusion) domain.ID { return e.Volunteer })},
		"reasons":   {Type: listOf(t.reason), Resolve: field(func(e volunteer.Exclusion) any { return e.Reasons })},
	}})
	t.ranking = graphql.NewObject(graphql.ObjectConfig{Name: "MatchRanking", Fields: graphql.Fields{
		"candidates": {Type: listOf(t.candidate), Description: "Best first; equal scores by volunteer.", Resolve: field(func(r volunteer.Ranking) any { return orEmpty(r.Candidates) })},
		"excluded":   {Type: listOf(t.exclusion), Resolve: field(func(r volunteer.Ranking) any { return orEmpty(r.Excluded) })},
	}})
	t.forMe = graphql.NewObject(graphql.ObjectConfig{Name: "NeedMatch", Description: "An occurrence ranked for the viewer, with why.", Fields: graphql.Fields{
		"occurrence": {Type: nonNull(t.occurrence), Resolve: field(func(m volunteer.Match) any { return m.Occurrence })},
		"need":       {Type: nonNull(t.need), Resolve: field(func(m volunteer.Match) any { return m.Need })},
		"score":      {Type: nonNull(graphql.Float), Resolve: field(func(m volunteer.Match) any { return m.Score })},
		"factors":    {Type: listOf(t.factor), Resolve: field(func(m volunteer.Match) any { return m.Factors })},
	}})
	assignment := graphql.NewObject(graphql.ObjectConfig{Name: "ProposedAssignment", Fields: graphql.Fields{
		"occurrence": {Type: nonNull(t.occurrence), Resolve: func(p graphql.ResolveParams) (any, error) {
			a, err := source[volunteer.Assignment](p)
			if err != nil {
				return nil, err
			}
			return svc().Occurrence(p.Context, a.Occurrence)
		}},
		"volunteer": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(a volunteer.Assignment) domain.ID { return a.Volunteer })},
	}})
	unfilled := graphql.NewObject(graphql.ObjectConfig{Name: "ProposedUnfilled", Fields: graphql.Fields{
		"occurrence": {Type: nonNull(t.occurrence), Resolve: func(p graphql.ResolveParams) (any, error) {
			u, err := source[volunteer.Unfilled](p)
			if err != nil {
				return nil, err
			}
			return svc().Occurrence(p.Context, u.Occurrence)
		}},
		"slots":  {Type: nonNull(graphql.Int), Resolve: field(func(u volunteer.Unfilled) any { return u.Slots })},
		"reason": {Type: nonNull(t.reason), Resolve: field(func(u volunteer.Unfilled) any { return u.Reason })},
	}})
	t.proposal = graphql.NewObject(graphql.ObjectConfig{Name: "WeekProposal",
		Description: "Who could take the open slots of a week: most slots covered, then the fairest, every hard constraint kept; beside the bound no assignment can pass. It assigns no one.",
		Fields: graphql.Fields{
			"from":        {Type: nonNull(graphql.DateTime), Resolve: field(func(p volunteer.Proposal) any { return p.From() })},
			"to":          {Type: nonNull(graphql.DateTime), Resolve: field(func(p volunteer.Proposal) any { return p.To() })},
			"open":        {Type: nonNull(graphql.Int), Description: "Open slots of the week.", Resolve: field(func(p volunteer.Proposal) any { return p.Open })},
			"covered":     {Type: nonNull(graphql.Int), Resolve: field(func(p volunteer.Proposal) any { return p.Covered })},
			"bound":       {Type: nonNull(graphql.Int), Description: "No assignment covers more.", Resolve: field(func(p volunteer.Proposal) any { return p.Bound })},
			"exact":       {Type: nonNull(graphql.Boolean), Description: "The bound is the true optimum.", Resolve: field(func(p volunteer.Proposal) any { return p.Exact })},
			"assignments": {Type: listOf(assignment), Resolve: field(func(p volunteer.Proposal) any { return orEmpty(p.Assignments) })},
			"unfilled":    {Type: listOf(unfilled), Resolve: field(func(p volunteer.Proposal) any { return orEmpty(p.Unfilled) })},
		}})
}

// nilInt turns 0 into null.
func nilInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// occurrencesOf loads needs' occurrences by need ID.
var occurrencesOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, []volunteer.Occurrence] {
	return byIDs("Need", inChunks(s.Volunteer.OccurrencesByNeed))
})
