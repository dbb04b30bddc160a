package graph

import (
	"context"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

func (b *builder) buildPanels() {
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
		"user":   {Type: nonNull(b.user), Resolve: loadField(usersOf, func(s deliberation.Seat) domain.ID { return s.UserID })},
		"kind":   {Type: nonNull(b.seatKindEnum), Resolve: field(func(s deliberation.Seat) any { return s.Kind })},
		"grid":   {Type: b.grid, Resolve: loadField(gridsOf, func(s deliberation.Seat) domain.ID { return s.GridID })},
		"drawn":  {Type: nonNull(graphql.Boolean), Description: "By lot; else nominated.", Resolve: field(func(s deliberation.Seat) any { return s.Drawn })},
		"drawId": {Type: graphql.String, Resolve: field(func(s deliberation.Seat) any { return nilString(s.DrawID) })},
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
			return thunkMany(p.Context, stateFrom(p.Context).loaders.grids, c.UncoveredGrid), nil
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
			return b.svc.Topics.Seats(p.Context, pn.TopicID)
		}},
		"representativeness": {Type: nonNull(report), Resolve: func(p graphql.ResolveParams) (any, error) {
			pn, err := source[deliberation.Panel](p)
			if err != nil {
				return nil, err
			}
			return b.svc.Topics.Representativeness(p.Context, pn.TopicID)
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
		"countsHidden": {Type: nonNull(graphql.Boolean), Description: "A secret ballot: only quorum, passed and the parties' agreement are shown.", Resolve: field(func(r deliberation.Result) any { return r.Hidden })},
		"yes":          {Type: graphql.Int, Description: "Null on a secret ballot.", Resolve: field(func(r deliberation.Result) any { return count(r.Hidden, r.Yes) })},
		"no":           {Type: graphql.Int, Description: "Null on a secret ballot.", Resolve: field(func(r deliberation.Result) any { return count(r.Hidden, r.No) })},
		"abstain":      {Type: graphql.Int, Description: "Null on a secret ballot.", Resolve: field(func(r deliberation.Result) any { return count(r.Hidden, r.Abstain) })},
		"voters":       {Type: nonNull(graphql.Int), DeprecationReason: "use entitled", Resolve: field(func(r deliberation.Result) any { return r.Voters })},
		"entitled":     {Type: nonNull(graphql.Int), Description: "Who may vote: the motion's voter list, fixed when it opened.", Resolve: field(func(r deliberation.Result) any { return r.Voters })},
		"cast":         {Type: nonNull(graphql.Int), Description: "Ballots cast (shown on a secret ballot too: turnout tells no one's choice).", Resolve: field(func(r deliberation.Result) any { return r.Cast })},
		"quorum":       {Type: nonNull(graphql.Boolean), Resolve: field(func(r deliberation.Result) any { return r.Quorum })},
		"passed":       {Type: nonNull(graphql.Boolean), Resolve: field(func(r deliberation.Result) any { return r.Passed })},
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
				return m.State(time.Now()), err
			}},
			"voterCount": {Type: nonNull(graphql.Int), Resolve: field(func(m deliberation.Motion) any { return len(m.Voters) })},
			"voters":     {Type: listOf(motionVoter), Description: "Who may vote, fixed when the motion opened: the panel's accepted members, or each party's delegates.", Resolve: field(func(m deliberation.Motion) any { return m.Voters })},
			"topic": {Type: nonNull(b.topic), Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Topics.Topic(p.Context, m.TopicID)
			}},
			"result": {Type: b.voteResult, Description: "The count; for a secret ballot, null until it closes.", Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				if err != nil {
					return nil, err
				}
				return orNull(b.svc.Topics.Result(p.Context, m.ID))
			}},
			"resolution": {Type: b.resolution, Description: "The resolution adopted from it, if any.", Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				if err != nil {
					return nil, err
				}
				return orNull(b.svc.Topics.Resolution(p.Context, m.ID))
			}},
			"myVote": {Type: b.choiceEnum, Description: "The viewer's own vote, if any.", Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Motion](p)
				if err != nil {
					return nil, err
				}
				c, err := b.svc.Topics.MyVote(p.Context, m.ID)
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
	idList := func(get func(deliberation.DrawRecord) []domain.ID) graphql.FieldResolveFn {
		return field(func(d deliberation.DrawRecord) any {
			out := make([]string, 0, len(get(d)))
			for _, id := range get(d) {
				out = append(out, string(id))
			}
			return out
		})
	}
	draw := graphql.NewObject(graphql.ObjectConfig{Name: "Draw", Description: "A recorded sortition draw, with all it takes to recompute it: " +
		"sort the eligible user IDs by hex(SHA-256(seed + \"|\" + salt + \"|\" + id)) and take the first count (yishi verify-draw does it).", Fields: graphql.Fields{
		"id":       {Type: nonNull(graphql.String), Resolve: field(func(d deliberation.DrawRecord) any { return d.ID })},
		"seed":     {Type: nonNull(graphql.String), Resolve: field(func(d deliberation.DrawRecord) any { return d.Seed })},
		"salt":     {Type: nonNull(graphql.String), Resolve: field(func(d deliberation.DrawRecord) any { return d.Salt })},
		"count":    {Type: nonNull(graphql.Int), Resolve: field(func(d deliberation.DrawRecord) any { return d.Count })},
		"eligible": {Type: listOf(graphql.String), Description: "User IDs as the algorithm uses them.", Resolve: idList(func(d deliberation.DrawRecord) []domain.ID { return d.Eligible })},
		"drawn":    {Type: listOf(graphql.String), Resolve: idList(func(d deliberation.DrawRecord) []domain.ID { return d.Drawn })},
		"reserve":  {Type: listOf(graphql.String), Resolve: idList(func(d deliberation.DrawRecord) []domain.ID { return d.Reserve })},
		"at":       {Type: nonNull(graphql.DateTime), Resolve: field(func(d deliberation.DrawRecord) any { return d.At })},
	}})
	f["draw"] = &graphql.Field{
		Type: draw, Args: graphql.FieldConfigArgument{"id": {Type: nonNull(graphql.String)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, _ := p.Args["id"].(string)
			return b.svc.Topics.DrawRecord(p.Context, id)
		},
	}
	f["recomputeResult"] = &graphql.Field{
		Type:        b.voteResult,
		Description: "Counts a motion's votes again from the vote documents (each voter's latest before the close) and applies its quorum and method: after the close it equals the published result. A secret ballot is recounted only once closed, and shows only what decides it.",
		Args:        graphql.FieldConfigArgument{"motionId": {Type: nonNull(graphql.ID)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := localID("Motion", p.Args["motionId"].(string))
			if err != nil {
				return nil, err
			}
			return b.svc.Topics.Recompute(p.Context, id)
		},
	}
	f["verifyDraw"] = &graphql.Field{
		Type:        nonNull(graphql.Boolean),
		Description: "Recomputes a recorded draw from its published seed and eligible list: true when it gives the recorded panel.",
		Args:        graphql.FieldConfigArgument{"drawId": {Type: nonNull(graphql.String)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, _ := p.Args["drawId"].(string)
			return b.svc.Topics.VerifyDraw(p.Context, id)
		},
	}
}

func (b *builder) panelMutations(f graphql.Fields) {
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	panelPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"panel": {Type: nonNull(b.panel)}})
	}
	ruleInput := graphql.NewInputObject(graphql.InputObjectConfig{Name: "SeatRuleInput", Fields: graphql.InputObjectConfigFieldMap{
		"kind": {Type: nonNull(b.seatKindEnum)}, "gridId": {Type: graphql.ID}, "min": {Type: nonNull(graphql.Int)}, "max": {Type: nonNull(graphql.Int)},
	}})
	f["setSeatRules"] = &graphql.Field{
		Type: nonNull(panelPayload("SetSeatRulesPayload")),
		Args: inputArg("SetSeatRulesInput", graphql.InputObjectConfigFieldMap{"topicId": id, "rules": {Type: listOf(ruleInput)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct {
				TopicID string
				Rules   []struct {
					Kind     deliberation.SeatKind
					GridID   *string
					Min, Max int
				}
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			tid, err := localID("Topic", in.TopicID)
			if err != nil {
				return nil, err
			}
			var rules []deliberation.SeatRule
			for _, r := range in.Rules {
				sr := deliberation.SeatRule{Kind: r.Kind, Min: r.Min, Max: r.Max}
				if r.GridID != nil {
					if sr.GridID, err = localID("Grid", *r.GridID); err != nil {
						return nil, domain.InvalidField("rules", "请选择议题涉及的网格", "choose one of the topic's grids")
					}
				}
				rules = append(rules, sr)
			}
			pn, err := b.svc.Topics.SetSeatRules(p.Context, tid, rules)
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
				tid, err := inputID(p, "topicId", "Topic")
				if err != nil {
					return nil, err
				}
				pn, err := act(p.Context, tid)
				return map[string]any{"panel": pn}, err
			}),
		}
	}
	f["publishSeed"] = onTopicPanel("PublishSeed", "Publishes the panel's random seed, before any draw.", b.svc.Topics.PublishSeed)
	f["confirmPanel"] = onTopicPanel("ConfirmPanel",
		"Confirms the panel once every seat rule's minimum is met by accepted seats; afterwards only declined seats are refilled.", b.svc.Topics.ConfirmPanel)
	f["drawSeats"] = &graphql.Field{
		Type:        nonNull(panelPayload("DrawSeatsPayload")),
		Description: "Fills seats by lot with the published seed, among the eligible members without a seat.",
		Args: inputArg("DrawSeatsInput", graphql.InputObjectConfigFieldMap{
			"topicId": id, "kind": {Type: nonNull(b.seatKindEnum)}, "gridId": {Type: graphql.ID}, "count": {Type: nonNull(graphql.Int)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct {
				TopicID string
				Kind    deliberation.SeatKind
				GridID  *string
				Count   int
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			tid, err := localID("Topic", in.TopicID)
			if err != nil {
				return nil, err
			}
			di := deliberation.DrawInput{TopicID: tid, Kind: in.Kind, Count: in.Count}
			if in.GridID != nil {
				if di.GridID, err = localID("Grid", *in.GridID); err != nil {
					return nil, domain.InvalidField("gridId", "请选择议题涉及的网格", "choose one of the topic's grids")
				}
			}
			if _, err := b.svc.Topics.DrawSeats(p.Context, di); err != nil {
				return nil, err
			}
			pn, err := b.svc.Topics.Panel(p.Context, tid)
			return map[string]any{"panel": pn}, err
		}),
	}
	f["nominateSeat"] = &graphql.Field{
		Type: nonNull(panelPayload("NominateSeatPayload")),
		Args: inputArg("NominateSeatInput", graphql.InputObjectConfigFieldMap{"topicId": id, "memberId": id, "kind": {Type: nonNull(b.seatKindEnum)},
			"gridId": {Type: graphql.ID, Description: "For an affected-resident seat: its grid."}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct {
				TopicID, MemberID string
				Kind              deliberation.SeatKind
				GridID            *string
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			tid, err := localID("Topic", in.TopicID)
			if err != nil {
				return nil, err
			}
			mid, err := localID("Member", in.MemberID)
			_, uid, ok := splitMemberID(mid)
			if err != nil || !ok {
				return nil, domain.InvalidField("memberId", "请选择本社区的成员", "choose a member of this community")
			}
			var grid domain.ID
			if in.GridID != nil {
				if grid, err = localID("Grid", *in.GridID); err != nil {
					return nil, domain.InvalidField("gridId", "请选择议题涉及的网格", "choose one of the topic's grids")
				}
			}
			if _, err := b.svc.Topics.Nominate(p.Context, tid, uid, in.Kind, grid); err != nil {
				return nil, err
			}
			pn, err := b.svc.Topics.Panel(p.Context, tid)
			return map[string]any{"panel": pn}, err
		}),
	}
	f["respondToSeat"] = &graphql.Field{
		Type: nonNull(payload("RespondToSeatPayload", graphql.Fields{"ok": {Type: nonNull(graphql.Boolean), DeprecationReason: "use seat"}, "seat": {Type: nonNull(b.seat)}})),
		Description: "Accepts or declines the viewer's invitation to a panel; with userId, a grid worker records the answer of an assisted resident " +
			"of their grid, before a named witness.",
		Args: inputArg("RespondToSeatInput", graphql.InputObjectConfigFieldMap{"topicId": id, "accept": {Type: nonNull(graphql.Boolean)},
			"userId": {Type: graphql.ID}, "witness": {Type: graphql.String}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct {
				TopicID string
				Accept  bool
				UserID  *string
				Witness string
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			tid, err := localID("Topic", in.TopicID)
			if err != nil {
				return nil, err
			}
			if in.UserID == nil {
				s, err := b.svc.Topics.RespondToSeat(p.Context, tid, in.Accept)
				return map[string]any{"ok": err == nil, "seat": s}, err
			}
			uid, err := localID("User", *in.UserID)
			if err != nil {
				return nil, err
			}
			s, err := b.svc.Topics.RespondToSeatFor(p.Context, tid, uid, in.Accept, in.Witness)
			return map[string]any{"ok": err == nil, "seat": s}, err
		}),
	}
	motionPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"motion": {Type: nonNull(b.motion)}})
	}
	f["openMotion"] = &graphql.Field{
		Type:        nonNull(motionPayload("OpenMotionPayload")),
		Description: "Puts a motion to the panel (or, with THREE_PARTY, to the three parties' delegates) until the deadline; the panel locks.",
		Args: inputArg("OpenMotionInput", graphql.InputObjectConfigFieldMap{
			"topicId": id, "text": {Type: nonNull(graphql.String)}, "method": {Type: nonNull(b.methodEnum)},
			"secret": {Type: graphql.Boolean}, "deadline": {Type: nonNull(graphql.DateTime)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct {
				TopicID, Text string
				Method        deliberation.Method
				Secret        bool
				Deadline      string
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			tid, err := localID("Topic", in.TopicID)
			if err != nil {
				return nil, err
			}
			mi := deliberation.MotionInput{TopicID: tid, Text: in.Text, Method: in.Method, Secret: in.Secret}
			if mi.Deadline, err = parseTime(in.Deadline); err != nil {
				return nil, domain.InvalidField("deadline", "时间格式无效", "invalid time")
			}
			m, err := b.svc.Topics.OpenMotion(p.Context, mi)
			return map[string]any{"motion": m}, err
		}),
	}
	f["castVote"] = &graphql.Field{
		Type:        nonNull(motionPayload("CastVotePayload")),
		Description: "Casts or changes the viewer's vote until the motion closes.",
		Args:        inputArg("CastVoteInput", graphql.InputObjectConfigFieldMap{"motionId": id, "choice": {Type: nonNull(b.choiceEnum)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct {
				MotionID string
				Choice   deliberation.Choice
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			mid, err := localID("Motion", in.MotionID)
			if err != nil {
				return nil, err
			}
			if err := b.svc.Topics.Vote(p.Context, mid, in.Choice); err != nil {
				return nil, err
			}
			m, err := b.svc.Topics.Motion(p.Context, mid)
			return map[string]any{"motion": m}, err
		}),
	}
	f["recordAssistedVote"] = &graphql.Field{
		Type:        nonNull(motionPayload("RecordAssistedVotePayload")),
		Description: "A grid worker records a panel member's vote on their behalf, with a named witness.",
		Args: inputArg("RecordAssistedVoteInput", graphql.InputObjectConfigFieldMap{
			"motionId": id, "memberId": id, "choice": {Type: nonNull(b.choiceEnum)}, "witness": {Type: nonNull(graphql.String)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct {
				MotionID, MemberID, Witness string
				Choice                      deliberation.Choice
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			mid, err := localID("Motion", in.MotionID)
			if err != nil {
				return nil, err
			}
			member, err := localID("Member", in.MemberID)
			_, uid, ok := splitMemberID(member)
			if err != nil || !ok {
				return nil, domain.InvalidField("memberId", "请选择议事小组成员", "choose a panel member")
			}
			if err := b.svc.Topics.RecordAssistedVote(p.Context, mid, uid, in.Choice, in.Witness); err != nil {
				return nil, err
			}
			m, err := b.svc.Topics.Motion(p.Context, mid)
			return map[string]any{"motion": m}, err
		}),
	}
	f["closeMotion"] = &graphql.Field{
		Type:        nonNull(motionPayload("CloseMotionPayload")),
		Description: "Closes voting and publishes the result counted from the votes.",
		Args:        inputArg("CloseMotionInput", graphql.InputObjectConfigFieldMap{"motionId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			mid, err := inputID(p, "motionId", "Motion")
			if err != nil {
				return nil, err
			}
			if _, err := b.svc.Topics.CloseMotion(p.Context, mid); err != nil {
				return nil, err
			}
			m, err := b.svc.Topics.Motion(p.Context, mid)
			return map[string]any{"motion": m}, err
		}),
	}
}

// inputID reads one global ID field of the input.
func inputID(p graphql.ResolveParams, key, typ string) (domain.ID, error) {
	var in map[string]any
	if err := decodeInput(p, &in); err != nil {
		return "", err
	}
	s, _ := in[key].(string)
	return localID(typ, s)
}
