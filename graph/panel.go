package graph

import (
	"context"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// panelPart is panels, draws and motions.
var panelPart = part{
	records: map[string]string{"Panel": "议事小组", "Motion": "动议", "Draw": "抽签记录"},
	types: func(b *builder) {
		b.buildPanels()
		b.addNodes(nodeOf(b.panel, b.svc.Deliberation.Panel), nodeOf(b.motion, b.svc.Deliberation.Motion),
			nodeOf(b.draw, b.svc.Deliberation.DrawRecord))
		b.addTodos(b.svc.Deliberation)
	},
	queries:   (*builder).panelQueries,
	mutations: (*builder).panelMutations,
}

func (b *builder) buildPanels() {
	memberIDs := func(get func(deliberation.DrawRecord) []domain.ID) graphql.FieldResolveFn {
		return field(func(d deliberation.DrawRecord) any {
			out := make([]string, 0, len(get(d)))
			for _, id := range get(d) {
				out = append(out, memberGlobalID(d.CommunityID, id))
			}
			return out
		})
	}
	b.draw = graphql.NewObject(graphql.ObjectConfig{Name: "Draw", Interfaces: []*graphql.Interface{b.node},
		Description: "A recorded sortition draw, with all it takes to recompute it: sort eligibleKeys by " +
			"hex(SHA-256(seed + \"|\" + salt + \"|\" + key)) and take the first count (yishi verify-draw does it).", Fields: graphql.Fields{
			"id":    idField("Draw", func(d deliberation.DrawRecord) domain.ID { return d.ID }),
			"seed":  {Type: nonNull(graphql.String), Resolve: field(func(d deliberation.DrawRecord) any { return d.Seed })},
			"salt":  {Type: nonNull(graphql.String), Resolve: field(func(d deliberation.DrawRecord) any { return d.Salt })},
			"count": {Type: nonNull(graphql.Int), Resolve: field(func(d deliberation.DrawRecord) any { return d.Count })},
			"eligible": {Type: listOf(graphql.ID), Description: "The members who could be drawn (Member IDs), in the order of eligibleKeys.",
				Resolve: memberIDs(func(d deliberation.DrawRecord) []domain.ID { return d.Eligible })},
			"eligibleKeys": {Type: listOf(graphql.String), Description: "What the algorithm hashes for each eligible member: the member's key in the draw.",
				Resolve: field(func(d deliberation.DrawRecord) any { return d.Eligible })},
			"drawn":   {Type: listOf(graphql.ID), Description: "Member IDs.", Resolve: memberIDs(func(d deliberation.DrawRecord) []domain.ID { return d.Drawn })},
			"reserve": {Type: listOf(graphql.ID), Description: "Member IDs, in the order they would be called.", Resolve: memberIDs(func(d deliberation.DrawRecord) []domain.ID { return d.Reserve })},
			"at":      {Type: nonNull(graphql.DateTime), Resolve: field(func(d deliberation.DrawRecord) any { return d.At })},
		}})
	kinds := graphql.EnumValueConfigMap{}
	for _, k := range []deliberation.SeatKind{deliberation.AffectedResidents, deliberation.Representatives, deliberation.PartyMembers,
		deliberation.OwnersCommittee, deliberation.PropertyFirm, deliberation.Experts, deliberation.Deputies} {
		kinds[enumName(string(k))] = &graphql.EnumValueConfig{Value: k}
	}
	b.seatKindEnum = graphql.NewEnum(graphql.EnumConfig{Name: "SeatKind", Values: kinds})
	rule := graphql.NewObject(graphql.ObjectConfig{Name: "SeatRule", Fields: graphql.Fields{
		"kind": {Type: nonNull(b.seatKindEnum), Resolve: field(func(r deliberation.SeatRule) any { return r.Kind })},
		"grid": {Type: b.grid, Resolve: loadField(gridsOf, func(r deliberation.SeatRule) domain.ID { return r.GridID })},
		"min":  {Type: nonNull(graphql.Int), Resolve: field(func(r deliberation.SeatRule) any { return r.Min })},
		"max":  {Type: nonNull(graphql.Int), Resolve: field(func(r deliberation.SeatRule) any { return r.Max })},
	}})
	b.seat = graphql.NewObject(graphql.ObjectConfig{Name: "Seat", Fields: graphql.Fields{
		"user": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(s deliberation.Seat) domain.ID { return s.UserID })},
		"memberId": {Type: nonNull(graphql.ID), Description: "The seat holder's Member ID, as mutations about them take it.",
			Resolve: field(func(s deliberation.Seat) any { return memberGlobalID(s.CommunityID, s.UserID) })},
		"kind":   {Type: nonNull(b.seatKindEnum), Resolve: field(func(s deliberation.Seat) any { return s.Kind })},
		"grid":   {Type: b.grid, Resolve: loadField(gridsOf, func(s deliberation.Seat) domain.ID { return s.GridID })},
		"drawn":  {Type: nonNull(graphql.Boolean), Description: "By lot; else nominated.", Resolve: field(func(s deliberation.Seat) any { return s.Drawn })},
		"drawId": {Type: graphql.ID, Resolve: field(func(s deliberation.Seat) any { return optionalGlobalID("Draw", s.DrawID) })},
		"state":  {Type: nonNull(b.seatStateEnum), Resolve: field(func(s deliberation.Seat) any { return string(s.State) })},
		"answeredBy": {Type: b.user, Description: "The grid worker who recorded an assisted resident's answer; null when they answered themselves.",
			Resolve: loadField(usersOf, func(s deliberation.Seat) domain.ID { return s.AnsweredBy })},
		"witness": {Type: graphql.String, Resolve: field(func(s deliberation.Seat) any { return nilString(s.Witness) })},
	}})
	coverage := graphql.NewObject(graphql.ObjectConfig{Name: "RuleCoverage", Fields: graphql.Fields{
		"rule":   {Type: nonNull(rule), Resolve: field(func(c deliberation.RuleCoverage) any { return c.Rule })},
		"filled": {Type: nonNull(graphql.Int), Resolve: field(func(c deliberation.RuleCoverage) any { return c.Filled })},
		"gap":    {Type: nonNull(graphql.Int), Description: "Seats missing to reach the minimum.", Resolve: field(func(c deliberation.RuleCoverage) any { return c.Gap })},
		"accepted": {Type: nonNull(graphql.Int), Description: "Seats whose holder accepted; confirming the panel needs the minimum of these.",
			Resolve: field(func(c deliberation.RuleCoverage) any { return c.Accepted })},
	}})
	report := graphql.NewObject(graphql.ObjectConfig{Name: "Representativeness", Fields: graphql.Fields{
		"rules": {Type: listOf(coverage), Resolve: field(func(c deliberation.Coverage) any { return c.Rules })},
		"uncoveredGrids": {Type: listOf(b.grid), Description: "Affected grids with no seat.", Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := source[deliberation.Coverage](p)
			if err != nil {
				return nil, err
			}
			return thunkMany(p.Context, gridsOf.in(p.Context), c.UncoveredGrid), nil
		}},
	}})
	b.panel = graphql.NewObject(graphql.ObjectConfig{Name: "Panel", Description: "Who deliberates a topic (谁来议).", Interfaces: []*graphql.Interface{b.node}, Fields: graphql.Fields{
		"id": idField("Panel", func(p deliberation.Panel) domain.ID { return p.TopicID }),
		"seed": {Type: graphql.String, Description: "The published seed of the draws; anyone can recompute a draw from it (verifyDraw).",
			Resolve: field(func(p deliberation.Panel) any { return nilString(p.Seed) })},
		"seedPublishedAt": {Type: graphql.DateTime, Resolve: field(func(p deliberation.Panel) any { return nilTime(p.SeedPublishedAt) })},
		"state":           {Type: nonNull(b.panelStateEnum), Resolve: field(func(p deliberation.Panel) any { return string(p.State) })},
		"confirmedAt":     {Type: graphql.DateTime, Resolve: field(func(p deliberation.Panel) any { return nilTime(p.ConfirmedAt) })},
		"confirmedBy": {Type: b.user, Description: "Who of the committee confirmed the panel.",
			Resolve: loadField(usersOf, func(p deliberation.Panel) domain.ID { return p.ConfirmedBy })},
		"rules": {Type: listOf(rule), Resolve: field(func(p deliberation.Panel) any { return p.Rules })},
		"seats": {Type: listOf(b.seat), Resolve: func(p graphql.ResolveParams) (any, error) {
			pn, err := source[deliberation.Panel](p)
			if err != nil {
				return nil, err
			}
			return b.svc.Deliberation.Seats(p.Context, pn.TopicID)
		}},
		"representativeness": {Type: nonNull(report), Resolve: func(p graphql.ResolveParams) (any, error) {
			pn, err := source[deliberation.Panel](p)
			if err != nil {
				return nil, err
			}
			return b.svc.Deliberation.Representativeness(p.Context, pn.TopicID)
		}},
	}})
	methods := graphql.EnumValueConfigMap{}
	for _, m := range []deliberation.Method{deliberation.MajorityCast, deliberation.MajorityPanel, deliberation.TwoThirds, deliberation.Consensus, deliberation.ThreeParty} {
		methods[enumName(string(m))] = &graphql.EnumValueConfig{Value: m}
	}
	b.methodEnum = graphql.NewEnum(graphql.EnumConfig{Name: "VotingMethod", Values: methods})
	b.choiceEnum = graphql.NewEnum(graphql.EnumConfig{Name: "VoteChoice", Values: graphql.EnumValueConfigMap{
		"YES": {Value: deliberation.Yes}, "NO": {Value: deliberation.No}, "ABSTAIN": {Value: deliberation.Abstain},
	}})
	// A secret ballot's counts are null: it shows only what decides it.
	count := func(hidden bool, n int) any {
		if hidden {
			return nil
		}
		return n
	}
	partyCount := graphql.NewObject(graphql.ObjectConfig{Name: "PartyCount", Fields: graphql.Fields{
		"party":   {Type: nonNull(b.partyEnum), Resolve: field(func(p partyCountValue) any { return string(p.party) })},
		"agreed":  {Type: nonNull(graphql.Boolean), Description: "More of the party's votes said yes than no.", Resolve: field(func(p partyCountValue) any { return p.agreed })},
		"yes":     {Type: graphql.Int, Description: "Null on a secret ballot.", Resolve: field(func(p partyCountValue) any { return count(p.hidden, p.c[0]) })},
		"no":      {Type: graphql.Int, Description: "Null on a secret ballot.", Resolve: field(func(p partyCountValue) any { return count(p.hidden, p.c[1]) })},
		"abstain": {Type: graphql.Int, Description: "Null on a secret ballot.", Resolve: field(func(p partyCountValue) any { return count(p.hidden, p.c[2]) })},
	}})
	b.voteResult = graphql.NewObject(graphql.ObjectConfig{Name: "VoteResult", Fields: graphql.Fields{
		"countsHidden": {Type: nonNull(graphql.Boolean), Description: "No counts are shown: while the motion is open (to anyone: only the turnout), and on a secret ballot once closed (only quorum, passed and the parties' agreement).", Resolve: field(func(r deliberation.Result) any { return r.Hidden })},
		"open":         {Type: nonNull(graphql.Boolean), Description: "The motion is still open: this is the turnout so far, and nothing is decided.", Resolve: field(func(r deliberation.Result) any { return r.Open })},
		"yes":          {Type: graphql.Int, Description: "Null while open and on a secret ballot.", Resolve: field(func(r deliberation.Result) any { return count(r.Hidden, r.Yes) })},
		"no":           {Type: graphql.Int, Description: "Null while open and on a secret ballot.", Resolve: field(func(r deliberation.Result) any { return count(r.Hidden, r.No) })},
		"abstain":      {Type: graphql.Int, Description: "Null while open and on a secret ballot.", Resolve: field(func(r deliberation.Result) any { return count(r.Hidden, r.Abstain) })},
		"voters":       {Type: nonNull(graphql.Int), DeprecationReason: "use entitled", Resolve: field(func(r deliberation.Result) any { return r.Voters })},
		"entitled":     {Type: nonNull(graphql.Int), Description: "Who may vote: the motion's voter list, fixed when it opened.", Resolve: field(func(r deliberation.Result) any { return r.Voters })},
		"cast":         {Type: nonNull(graphql.Int), Description: "Ballots cast (shown on a secret ballot too: turnout tells no one's choice).", Resolve: field(func(r deliberation.Result) any { return r.Cast })},
		"quorum":       {Type: nonNull(graphql.Boolean), Description: "Enough voters took part (so far, while open).", Resolve: field(func(r deliberation.Result) any { return r.Quorum })},
		"passed": {Type: graphql.Boolean, Description: "Null while the motion is open.", Resolve: field(func(r deliberation.Result) any {
			if r.Open {
				return nil
			}
			return r.Passed
		})},
		"reason": {Type: graphql.String, Description: "Why a closed motion failed, in plain words; null when it passed or is open.", Resolve: func(p graphql.ResolveParams) (any, error) {
			r, err := source[deliberation.Result](p)
			if why := r.Reason(); why.ZH != "" {
				return why.In(domain.LangFromContext(p.Context)), err
			}
			return nil, err
		}},
		"parties": {Type: listOf(partyCount), Resolve: field(func(r deliberation.Result) any {
			out := []partyCountValue{}
			for _, p := range []deliberation.Party{deliberation.ResidentsCommittee, deliberation.OwnersParty, deliberation.PropertyParty} {
				if agreed, ok := r.Agreed[p]; ok {
					out = append(out, partyCountValue{party: p, c: r.Parties[p], agreed: agreed, hidden: r.Hidden})
				}
			}
			return out
		})},
	}})
	motionVoter := graphql.NewObject(graphql.ObjectConfig{Name: "MotionVoter", Description: "One who may vote on a motion: fixed when the motion opens.", Fields: graphql.FieldsThunk(func() graphql.Fields {
		return graphql.Fields{
			"user": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(v deliberation.Voter) domain.ID { return v.UserID })},
			"party": {Type: b.partyEnum, Description: "A three-party vote's side.", Resolve: field(func(v deliberation.Voter) any {
				if v.Party == "" {
					return nil
				}
				return string(v.Party)
			})},
		}
	})})
	b.motion = graphql.NewObject(graphql.ObjectConfig{Name: "Motion", Interfaces: []*graphql.Interface{b.node}, Fields: graphql.FieldsThunk(func() graphql.Fields {
		return graphql.Fields{
			"id":       idField("Motion", func(m deliberation.Motion) domain.ID { return m.ID }),
			"text":     {Type: nonNull(graphql.String), Resolve: field(func(m deliberation.Motion) any { return m.Text })},
			"method":   {Type: nonNull(b.methodEnum), Resolve: field(func(m deliberation.Motion) any { return m.Method })},
			"secret":   {Type: nonNull(graphql.Boolean), Resolve: field(func(m deliberation.Motion) any { return m.Secret })},
			"deadline": {Type: nonNull(graphql.DateTime), Resolve: field(func(m deliberation.Motion) any { return m.Deadline })},
			"closed":   {Type: nonNull(graphql.Boolean), DeprecationReason: "use state: a motion past its deadline is not closed until the committee closes it", Resolve: field(func(m deliberation.Motion) any { return m.Closed })},
			"state": {Type: nonNull(b.motionStateEnum), Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				return m.State(b.svc.Now()), err
			}},
			"rule": {Type: nonNull(graphql.String), Description: "How the motion passes, in one line: its method and quorum.", Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				return m.Rule().In(domain.LangFromContext(p.Context)), err
			}},
			"notVoted": {Type: graphql.NewList(nonNull(motionVoter)), Description: "Who may vote and has not yet, while the motion is open; for the committee (the chair calls on them), else null.",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					m, err := source[deliberation.Motion](p)
					if err != nil {
						return nil, err
					}
					v, err := b.svc.Deliberation.NotVoted(p.Context, m.ID)
					if domain.ErrorCode(err) == domain.Forbidden {
						return nil, nil
					}
					if v == nil {
						v = []deliberation.Voter{}
					}
					return v, err
				}},
			"voterCount": {Type: nonNull(graphql.Int), Resolve: field(func(m deliberation.Motion) any { return len(m.Voters) })},
			"voters":     {Type: listOf(motionVoter), Description: "Who may vote, fixed when the motion opened: the panel's accepted members, or each party's delegates.", Resolve: field(func(m deliberation.Motion) any { return m.Voters })},
			"topic": {Type: nonNull(b.topic), Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Deliberation.Topic(p.Context, m.TopicID)
			}},
			"result": {Type: b.voteResult, Description: "The result: while open, the turnout alone (no counts, to anyone); once closed, the count, or for a secret ballot what decides it.", Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				if err != nil {
					return nil, err
				}
				return orNull(b.svc.Deliberation.Result(p.Context, m.ID))
			}},
			"resolution": {Type: b.resolution, Description: "The resolution adopted from it, if any.", Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				if err != nil {
					return nil, err
				}
				return orNull(b.svc.Deliberation.Resolution(p.Context, m.ID))
			}},
			"myVote": {Type: b.choiceEnum, Description: "The viewer's own vote, if any.", Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				if err != nil {
					return nil, err
				}
				c, err := b.svc.Deliberation.MyVote(p.Context, m.ID)
				if c == "" {
					return nil, err
				}
				return c, err // the enum needs the typed value
			}},
		}
	})})
}

type partyCountValue struct {
	party  deliberation.Party
	c      [3]int
	agreed bool
	hidden bool
}

func (b *builder) panelQueries(f graphql.Fields) {
	f["draw"] = &graphql.Field{
		Type: b.draw, Args: graphql.FieldConfigArgument{"id": {Type: nonNull(graphql.ID)}},
		Resolve: byPrivateID("id", "Draw", b.svc.Deliberation.DrawRecord),
	}
	f["recomputeResult"] = &graphql.Field{
		Type:        b.voteResult,
		Description: "Counts a motion's votes again from the vote documents (each voter's latest before the close) and applies its quorum and method: after the close it equals the published result. A secret ballot is recounted only once closed, and shows only what decides it.",
		Args:        graphql.FieldConfigArgument{"motionId": {Type: nonNull(graphql.ID)}},
		Resolve:     byPrivateID("motionId", "Motion", b.svc.Deliberation.Recompute),
	}
	f["verifyDraw"] = &graphql.Field{
		Type:        nonNull(graphql.Boolean),
		Description: "Recomputes a recorded draw from its published seed and eligible list: true when it gives the recorded panel.",
		Args:        graphql.FieldConfigArgument{"drawId": {Type: nonNull(graphql.ID)}},
		Resolve:     byPrivateID("drawId", "Draw", b.svc.Deliberation.VerifyDraw),
	}
}

// byPrivateID resolves a query of a record that is not public by the
// global ID in argument arg: UNAUTHENTICATED when logged out, whether or
// not the record exists, as node(id:) answers.
func byPrivateID[V any](arg, typ string, get func(context.Context, domain.ID) (V, error)) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		if _, err := domain.RequireUser(p.Context); err != nil {
			return nil, err
		}
		id, err := argID(p, arg, typ)
		if err != nil {
			return nil, err
		}
		return get(p.Context, id)
	}
}

// topicInput is the input of a mutation on a topic's panel.
type topicInput struct {
	TopicID domain.ID `json:"topicId" id:"Topic"`
}

type seatRulesInput struct {
	TopicID domain.ID `json:"topicId" id:"Topic"`
	Rules   []struct {
		Kind     deliberation.SeatKind `json:"kind"`
		GridID   domain.ID             `json:"gridId" id:"Grid"`
		Min, Max int
	} `json:"rules"`
}

func (in seatRulesInput) toDomain() []deliberation.SeatRule {
	rules := make([]deliberation.SeatRule, len(in.Rules))
	for i, r := range in.Rules {
		rules[i] = deliberation.SeatRule{Kind: r.Kind, GridID: r.GridID, Min: r.Min, Max: r.Max}
	}
	return rules
}

type drawSeatsInput struct {
	TopicID domain.ID             `json:"topicId" id:"Topic"`
	Kind    deliberation.SeatKind `json:"kind"`
	GridID  domain.ID             `json:"gridId" id:"Grid"`
	Count   int                   `json:"count"`
}

func (in drawSeatsInput) toDomain() deliberation.DrawInput {
	return deliberation.DrawInput{TopicID: in.TopicID, Kind: in.Kind, GridID: in.GridID, Count: in.Count}
}

type nominateSeatInput struct {
	TopicID domain.ID             `json:"topicId" id:"Topic"`
	Member  memberRef             `json:"memberId" id:"Member"`
	Kind    deliberation.SeatKind `json:"kind"`
	GridID  domain.ID             `json:"gridId" id:"Grid"`
}

type respondToSeatInput struct {
	TopicID domain.ID `json:"topicId" id:"Topic"`
	Accept  bool      `json:"accept"`
	Member  memberRef `json:"memberId" id:"Member"`
	Witness string    `json:"witness"`
}

type openMotionInput struct {
	TopicID  domain.ID           `json:"topicId" id:"Topic"`
	Text     string              `json:"text"`
	Method   deliberation.Method `json:"method"`
	Secret   bool                `json:"secret"`
	Deadline time.Time           `json:"deadline"`
}

func (in openMotionInput) toDomain() deliberation.MotionInput {
	return deliberation.MotionInput{TopicID: in.TopicID, Text: in.Text, Method: in.Method, Secret: in.Secret, Deadline: in.Deadline}
}

type castVoteInput struct {
	MotionID domain.ID           `json:"motionId" id:"Motion"`
	Choice   deliberation.Choice `json:"choice"`
}

type assistedVoteInput struct {
	MotionID domain.ID           `json:"motionId" id:"Motion"`
	Member   memberRef           `json:"memberId" id:"Member"`
	Choice   deliberation.Choice `json:"choice"`
	Witness  string              `json:"witness"`
}

type motionInput struct {
	MotionID domain.ID `json:"motionId" id:"Motion"`
}

func (b *builder) panelMutations(f graphql.Fields) {
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	panelPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"panel": {Type: nonNull(b.panel)}})
	}
	// thenPanel answers a topic's panel after a change.
	thenPanel := func(p graphql.ResolveParams, topicID domain.ID, err error) (any, error) {
		if err != nil {
			return nil, err
		}
		pn, err := b.svc.Deliberation.Panel(p.Context, topicID)
		return map[string]any{"panel": pn}, err
	}
	ruleInput := graphql.NewInputObject(graphql.InputObjectConfig{Name: "SeatRuleInput", Fields: graphql.InputObjectConfigFieldMap{
		"kind": {Type: nonNull(b.seatKindEnum)}, "gridId": {Type: graphql.ID}, "min": {Type: nonNull(graphql.Int)}, "max": {Type: nonNull(graphql.Int)},
	}})
	f["setSeatRules"] = &graphql.Field{
		Type: nonNull(panelPayload("SetSeatRulesPayload")),
		Args: inputArg("SetSeatRulesInput", graphql.InputObjectConfigFieldMap{"topicId": id, "rules": {Type: listOf(ruleInput)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[seatRulesInput](p)
			if err != nil {
				return nil, err
			}
			pn, err := b.svc.Deliberation.SetSeatRules(p.Context, in.TopicID, in.toDomain())
			return map[string]any{"panel": pn}, err
		}),
	}
	// onTopicPanel is a mutation that takes a topic and answers its panel.
	onTopicPanel := func(name, description string, act func(context.Context, domain.ID) (deliberation.Panel, error)) *graphql.Field {
		return &graphql.Field{
			Type:        nonNull(panelPayload(name + "Payload")),
			Description: description,
			Args:        inputArg(name+"Input", graphql.InputObjectConfigFieldMap{"topicId": id}),
			Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
				in, err := readInput[topicInput](p)
				if err != nil {
					return nil, err
				}
				pn, err := act(p.Context, in.TopicID)
				return map[string]any{"panel": pn}, err
			}),
		}
	}
	f["publishSeed"] = onTopicPanel("PublishSeed", "Publishes the panel's random seed, before any draw.", b.svc.Deliberation.PublishSeed)
	f["confirmPanel"] = onTopicPanel("ConfirmPanel",
		"Confirms the panel once every seat rule's minimum is met by accepted seats; afterwards only declined seats are refilled.", b.svc.Deliberation.ConfirmPanel)
	f["drawSeats"] = &graphql.Field{
		Type:        nonNull(panelPayload("DrawSeatsPayload")),
		Description: "Fills seats by lot with the published seed, among the eligible members without a seat.",
		Args: inputArg("DrawSeatsInput", graphql.InputObjectConfigFieldMap{
			"topicId": id, "kind": {Type: nonNull(b.seatKindEnum)}, "gridId": {Type: graphql.ID}, "count": {Type: nonNull(graphql.Int)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[drawSeatsInput](p)
			if err != nil {
				return nil, err
			}
			_, err = b.svc.Deliberation.DrawSeats(p.Context, in.toDomain())
			return thenPanel(p, in.TopicID, err)
		}),
	}
	f["nominateSeat"] = &graphql.Field{
		Type: nonNull(panelPayload("NominateSeatPayload")),
		Args: inputArg("NominateSeatInput", graphql.InputObjectConfigFieldMap{"topicId": id, "memberId": id, "kind": {Type: nonNull(b.seatKindEnum)},
			"gridId": {Type: graphql.ID, Description: "For an affected-resident seat: its grid."}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[nominateSeatInput](p)
			if err != nil {
				return nil, err
			}
			_, err = b.svc.Deliberation.Nominate(p.Context, in.TopicID, in.Member.User, in.Kind, in.GridID)
			return thenPanel(p, in.TopicID, err)
		}),
	}
	f["respondToSeat"] = &graphql.Field{
		Type: nonNull(payload("RespondToSeatPayload", graphql.Fields{"ok": {Type: nonNull(graphql.Boolean), DeprecationReason: "use seat"}, "seat": {Type: nonNull(b.seat)}})),
		Description: "Accepts or declines the viewer's invitation to a panel; with memberId, a grid worker records the answer of an assisted resident " +
			"of their grid, before a named witness.",
		Args: inputArg("RespondToSeatInput", graphql.InputObjectConfigFieldMap{"topicId": id, "accept": {Type: nonNull(graphql.Boolean)},
			"memberId": {Type: graphql.ID, Description: "The assisted resident whose answer a grid worker records."}, "witness": {Type: graphql.String}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[respondToSeatInput](p)
			if err != nil {
				return nil, err
			}
			var s deliberation.Seat
			if in.Member.User == "" {
				s, err = b.svc.Deliberation.RespondToSeat(p.Context, in.TopicID, in.Accept)
			} else {
				s, err = b.svc.Deliberation.RespondToSeatFor(p.Context, in.TopicID, in.Member.User, in.Accept, in.Witness)
			}
			return map[string]any{"ok": err == nil, "seat": s}, err
		}),
	}
	motionPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"motion": {Type: nonNull(b.motion)}})
	}
	// thenMotion answers a motion after a change.
	thenMotion := func(p graphql.ResolveParams, motionID domain.ID, err error) (any, error) {
		if err != nil {
			return nil, err
		}
		m, err := b.svc.Deliberation.Motion(p.Context, motionID)
		return map[string]any{"motion": m}, err
	}
	f["openMotion"] = &graphql.Field{
		Type:        nonNull(motionPayload("OpenMotionPayload")),
		Description: "Puts a motion to the panel (or, with THREE_PARTY, to the three parties' delegates) until the deadline; the panel locks.",
		Args: inputArg("OpenMotionInput", graphql.InputObjectConfigFieldMap{
			"topicId": id, "text": {Type: nonNull(graphql.String)}, "method": {Type: nonNull(b.methodEnum)},
			"secret": {Type: graphql.Boolean}, "deadline": {Type: nonNull(graphql.DateTime)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[openMotionInput](p)
			if err != nil {
				return nil, err
			}
			m, err := b.svc.Deliberation.OpenMotion(p.Context, in.toDomain())
			return map[string]any{"motion": m}, err
		}),
	}
	f["castVote"] = &graphql.Field{
		Type:        nonNull(motionPayload("CastVotePayload")),
		Description: "Casts or changes the viewer's vote until the motion closes.",
		Args:        inputArg("CastVoteInput", graphql.InputObjectConfigFieldMap{"motionId": id, "choice": {Type: nonNull(b.choiceEnum)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[castVoteInput](p)
			if err != nil {
				return nil, err
			}
			return thenMotion(p, in.MotionID, b.svc.Deliberation.Vote(p.Context, in.MotionID, in.Choice))
		}),
	}
	f["recordAssistedVote"] = &graphql.Field{
		Type:        nonNull(motionPayload("RecordAssistedVotePayload")),
		Description: "A grid worker records a panel member's vote on their behalf, with a named witness.",
		Args: inputArg("RecordAssistedVoteInput", graphql.InputObjectConfigFieldMap{
			"motionId": id, "memberId": id, "choice": {Type: nonNull(b.choiceEnum)}, "witness": {Type: nonNull(graphql.String)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[assistedVoteInput](p)
			if err != nil {
				return nil, err
			}
			return thenMotion(p, in.MotionID, b.svc.Deliberation.RecordAssistedVote(p.Context, in.MotionID, in.Member.User, in.Choice, in.Witness))
		}),
	}
	f["closeMotion"] = &graphql.Field{
		Type:        nonNull(motionPayload("CloseMotionPayload")),
		Description: "Closes voting and publishes the result counted from the votes.",
		Args:        inputArg("CloseMotionInput", graphql.InputObjectConfigFieldMap{"motionId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[motionInput](p)
			if err != nil {
				return nil, err
			}
			_, err = b.svc.Deliberation.CloseMotion(p.Context, in.MotionID)
			return thenMotion(p, in.MotionID, err)
		}),
	}
}
