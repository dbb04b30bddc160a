package graph

import (
	"sort"
	"strings"

	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// topicPart is topics and their comments.
var topicPart = part{
	records: map[string]string{"Topic": "议题", "Comment": "评论"},
	types: func(b *builder) {
		b.buildTopics()
		b.addNodes(nodeOf(b.topic, b.svc.Deliberation.Topic), nodeOf(b.comment, b.svc.Deliberation.Comment))
	},
	mutations: (*builder).topicMutations,
}

func (b *builder) buildTopics() {
	cats := graphql.EnumValueConfigMap{}
	for _, c := range deliberation.Categories {
		cats[enumName(string(c))] = &graphql.EnumValueConfig{Value: c, Description: c.Label().ZH + " (" + c.Label().EN + ")"}
	}
	b.categoryEnum = graphql.NewEnum(graphql.EnumConfig{Name: "TopicCategory", Values: cats})
	states := graphql.EnumValueConfigMap{}
	for _, s := range []deliberation.State{deliberation.Collecting, deliberation.Screening, deliberation.Accepted, deliberation.Merged, deliberation.Referred, deliberation.Rejected, deliberation.Closed} {
		states[enumName(string(s))] = &graphql.EnumValueConfig{Value: s}
	}
	b.topicStateEnum = graphql.NewEnum(graphql.EnumConfig{Name: "TopicState", Values: states})
	sourceEnum := graphql.NewEnum(graphql.EnumConfig{Name: "TopicSource", Values: graphql.EnumValueConfigMap{
		"RESIDENT": {Value: deliberation.FromResident}, "GRID_WORKER": {Value: deliberation.FromGridWorker, Description: "for an assisted resident"},
		"COMMITTEE": {Value: deliberation.FromCommittee},
		"PATROL":    {Value: deliberation.FromPatrol, Description: "a grid worker escalated a patrol report"},
	}})
	b.bodyEnum = graphql.NewEnum(graphql.EnumConfig{Name: "DeliberatingBody", Values: graphql.EnumValueConfigMap{
		"VILLAGERS_COUNCIL":       {Value: deliberation.VillagersCouncil, Description: "村民议事会"},
		"REPRESENTATIVES_MEETING": {Value: deliberation.RepresentativesMeeting, Description: "村民代表会议"},
		"THREE_PARTY_MEETING":     {Value: deliberation.ThreePartyMeeting, Description: "三方联动会议"},
	}})
	poolRule := graphql.NewObject(graphql.ObjectConfig{Name: "PoolRule", Description: "The seat rule a pool of the lot serves.", Fields: graphql.Fields{
		"kind": {Type: nonNull(b.seatKindEnum), Resolve: field(func(r deliberation.SeatRule) any { return r.Kind })},
		"grid": {Type: b.grid, Resolve: loadField(gridsOf, func(r deliberation.SeatRule) domain.ID { return r.GridID })},
	}})
	event := graphql.NewObject(graphql.ObjectConfig{Name: "TopicEvent", Description: "An entry of a topic's public timeline.", Fields: graphql.FieldsThunk(func() graphql.Fields {
		return graphql.Fields{
			"kind":  {Type: nonNull(b.eventKindEnum), Resolve: field(func(e deliberation.Event) any { return e.Kind })},
			"actor": {Type: b.user, Resolve: loadField(usersOf, func(e deliberation.Event) domain.ID { return e.ActorID })},
			"note":  {Type: graphql.String, Resolve: field(func(e deliberation.Event) any { return e.Note })},
			"body": {Type: b.bodyEnum, Description: "The deliberating body of an acceptance.", Resolve: field(func(e deliberation.Event) any {
				if e.Kind != string(deliberation.Accepted) || e.Other == "" {
					return nil
				}
				return deliberation.Body(e.Other)
			})},
			"otherTopic": {Type: b.topic, Description: "The other topic of a merge (MERGED, MERGED_IN).", Resolve: func(p graphql.ResolveParams) (any, error) {
				e, err := source[deliberation.Event](p)
				if err != nil || (e.Kind != string(deliberation.Merged) && e.Kind != "merged_in") || e.Other == "" {
					return nil, err
				}
				return orNull(b.svc.Deliberation.Topic(p.Context, domain.ID(e.Other)))
			}},
			"draw": {Type: b.draw, Description: "The draw of a DRAWN event.", Resolve: func(p graphql.ResolveParams) (any, error) {
				e, err := source[deliberation.Event](p)
				if err != nil || e.Kind != "drawn" || e.Other == "" {
					return nil, err
				}
				return orNull(b.svc.Deliberation.DrawRecord(p.Context, domain.ID(e.Other)))
			}},
			"rule": {Type: poolRule, Description: "The seat rule of a POOL event: the lot's pool for it was fixed.", Resolve: field(func(e deliberation.Event) any {
				kind, grid, ok := strings.Cut(e.Other, "/")
				if e.Kind != "pool" || !ok {
					return nil
				}
				return deliberation.SeatRule{Kind: deliberation.SeatKind(kind), GridID: domain.ID(grid)}
			})},
			"at": {Type: nonNull(graphql.DateTime), Resolve: field(func(e deliberation.Event) any { return e.At })},
		}
	})})
	b.comment = graphql.NewObject(graphql.ObjectConfig{Name: "Comment", Interfaces: []*graphql.Interface{b.node}, Fields: graphql.Fields{
		"id":           idField("Comment", func(c deliberation.Comment) domain.ID { return c.ID }),
		"author":       {Type: nonNull(b.user), Resolve: loadField(usersOf, func(c deliberation.Comment) domain.ID { return c.AuthorID })},
		"parentId":     {Type: graphql.ID, Resolve: field(func(c deliberation.Comment) any { return optionalGlobalID("Comment", c.ParentID) })},
		"body":         {Type: graphql.String, Description: "Null when hidden.", Resolve: field(func(c deliberation.Comment) any { return nilString(c.Body) })},
		"hidden":       {Type: nonNull(graphql.Boolean), Resolve: field(func(c deliberation.Comment) any { return c.Hidden })},
		"hiddenReason": {Type: graphql.String, Resolve: field(func(c deliberation.Comment) any { return nilString(c.HiddenReason) })},
		"createdAt":    {Type: nonNull(graphql.DateTime), Resolve: field(func(c deliberation.Comment) any { return c.CreatedAt })},
		"editedAt":     {Type: graphql.DateTime, Resolve: field(func(c deliberation.Comment) any { return nilTime(c.EditedAt) })},
	}})
	b.commentConn = b.connection("Comment", b.comment)
	reported := graphql.NewObject(graphql.ObjectConfig{Name: "ReportedComment", Fields: graphql.Fields{
		"commentId": {Type: nonNull(graphql.ID), Resolve: field(func(r reportedValue) any { return globalID("Comment", r.id) })},
		"reports":   {Type: nonNull(graphql.Int), Resolve: field(func(r reportedValue) any { return r.n })},
	}})
	b.topic = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Topic",
		Description: "A matter proposed for deliberation (议题).",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: b.fieldsOf("Topic", func() graphql.Fields {
			return graphql.Fields{
				"id":        idField("Topic", func(t deliberation.Topic) domain.ID { return t.ID }),
				"title":     {Type: nonNull(graphql.String), Resolve: field(func(t deliberation.Topic) any { return t.Title })},
				"body":      {Type: nonNull(graphql.String), Resolve: field(func(t deliberation.Topic) any { return t.Body })},
				"category":  {Type: nonNull(b.categoryEnum), Resolve: field(func(t deliberation.Topic) any { return t.Category })},
				"state":     {Type: nonNull(b.topicStateEnum), Resolve: field(func(t deliberation.Topic) any { return t.State })},
				"source":    {Type: nonNull(sourceEnum), Resolve: field(func(t deliberation.Topic) any { return t.Source })},
				"community": {Type: nonNull(b.community), Resolve: loadField(communitiesOf, func(t deliberation.Topic) domain.ID { return t.CommunityID })},
				"proposer":  {Type: nonNull(b.user), Resolve: loadField(usersOf, func(t deliberation.Topic) domain.ID { return t.ProposerID })},
				"recordedBy": {Type: b.user, Description: "The grid worker who proposed for an assisted resident.",
					Resolve: loadField(usersOf, func(t deliberation.Topic) domain.ID { return t.RecordedBy })},
				"witness": {Type: graphql.String, Description: "Before whom the grid worker proposed it; null when the resident proposed it themselves.",
					Resolve: field(func(t deliberation.Topic) any { return nilString(t.Witness) })},
				"grids": {Type: listOf(b.grid), Description: "The affected grids.", Resolve: func(p graphql.ResolveParams) (any, error) {
					t, err := source[deliberation.Topic](p)
					if err != nil {
						return nil, err
					}
					return thunkMany(p.Context, gridsOf.in(p.Context), t.GridIDs), nil
				}},
				"threshold":       {Type: nonNull(graphql.Int), Resolve: field(func(t deliberation.Topic) any { return t.Threshold })},
				"deadline":        {Type: nonNull(graphql.DateTime), Description: "When the support window ends.", Resolve: field(func(t deliberation.Topic) any { return t.Deadline })},
				"supportCount":    {Type: nonNull(graphql.Int), Resolve: loadField(supportCountsOf, func(t deliberation.Topic) domain.ID { return t.ID })},
				"commentCount":    {Type: nonNull(graphql.Int), Resolve: loadField(commentCountsOf, func(t deliberation.Topic) domain.ID { return t.ID })},
				"viewerSupported": {Type: nonNull(graphql.Boolean), Resolve: loadField(supportedOf, func(t deliberation.Topic) domain.ID { return t.ID })},
				"decidedBody":     {Type: b.bodyEnum, Resolve: field(func(t deliberation.Topic) any { return nilBody(t.DecidedBody) })},
				"mergedInto": {Type: b.topic, Resolve: func(p graphql.ResolveParams) (any, error) {
					t, err := source[deliberation.Topic](p)
					if err != nil || t.MergedInto == "" {
						return nil, err
					}
					return b.svc.Deliberation.Topic(p.Context, t.MergedInto)
				}},
				"createdAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(t deliberation.Topic) any { return t.CreatedAt })},
				"timeline": {Type: listOf(event), Resolve: func(p graphql.ResolveParams) (any, error) {
					t, err := source[deliberation.Topic](p)
					if err != nil {
						return nil, err
					}
					return b.svc.Deliberation.Timeline(p.Context, t.ID)
				}},
				"panel": {Type: b.panel, Description: "Who deliberates it (谁来议); null until the committee sets seat rules.", Resolve: func(p graphql.ResolveParams) (any, error) {
					t, err := source[deliberation.Topic](p)
					if err != nil {
						return nil, err
					}
					return orNull(b.svc.Deliberation.Panel(p.Context, t.ID))
				}},
				"motions": {Type: listOf(b.motion), Resolve: func(p graphql.ResolveParams) (any, error) {
					t, err := source[deliberation.Topic](p)
					if err != nil {
						return nil, err
					}
					return b.svc.Deliberation.Motions(p.Context, t.ID)
				}},
				"reportedComments": {Type: graphql.NewList(nonNull(reported)), Description: "Comments residents reported, with how many reported each; for the committee, else null.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						t, err := source[deliberation.Topic](p)
						if err != nil {
							return nil, err
						}
						counts, err := b.svc.Deliberation.ReportCounts(p.Context, t.ID)
						if domain.ErrorCode(err) == domain.Forbidden {
							return nil, nil
						}
						out := []reportedValue{}
						for id, n := range counts {
							out = append(out, reportedValue{id, n})
						}
						sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
						return out, err
					}},
				"comments": {Type: nonNull(b.commentConn), Args: pageArgs(nil), Resolve: func(p graphql.ResolveParams) (any, error) {
					t, err := source[deliberation.Topic](p)
					if err != nil {
						return nil, err
					}
					page, err := pageFrom(p)
					if err != nil {
						return nil, err
					}
					l, err := b.svc.Deliberation.Comments(p.Context, t.ID, page)
					return toConnection(l, func(c deliberation.Comment) domain.ID { return c.ID }), err
				}},
			}
		}),
	})
	b.topicConn = b.connection("Topic", b.topic)
}

// resolveTopics lists a community's topics.
func (b *builder) resolveTopics(p graphql.ResolveParams) (any, error) {
	c, err := source[community.Community](p)
	if err != nil {
		return nil, err
	}
	page, err := pageFrom(p)
	if err != nil {
		return nil, err
	}
	var f deliberation.TopicFilter
	if s, ok := p.Args["state"].(deliberation.State); ok {
		f.State = &s
	}
	if c, ok := p.Args["category"].(deliberation.Category); ok {
		f.Category = &c
	}
	if _, ok := p.Args["gridId"].(string); ok {
		gid, err := argID(p, "gridId", "Grid")
		if err != nil {
			return nil, err
		}
		f.GridID = &gid
	}
	f.Search, _ = p.Args["search"].(string)
	l, err := b.svc.Deliberation.Topics(p.Context, c.ID, f, page)
	return toConnection(l, func(t deliberation.Topic) domain.ID { return t.ID }), err
}

// proposeTopicInput: onBehalfOf is the assisted resident's Member ID.
type proposeTopicInput struct {
	CommunityID domain.ID             `json:"communityId" id:"Community"`
	Title       string                `json:"title"`
	Body        string                `json:"body"`
	Category    deliberation.Category `json:"category"`
	GridIDs     []domain.ID           `json:"gridIds" id:"Grid"`
	OnBehalfOf  memberRef             `json:"onBehalfOf" id:"Member"`
	Witness     string                `json:"witness"`
	AsCommittee bool                  `json:"asCommittee"`
}

func (in proposeTopicInput) toDomain() deliberation.ProposeInput {
	return deliberation.ProposeInput{CommunityID: in.CommunityID, Title: in.Title, Body: in.Body, Category: in.Category,
		GridIDs: in.GridIDs, OnBehalfOf: in.OnBehalfOf.User, Witness: in.Witness, AsCommittee: in.AsCommittee}
}

type supportTopicInput struct {
	TopicID    domain.ID `json:"topicId" id:"Topic"`
	OnBehalfOf memberRef `json:"onBehalfOf" id:"Member"`
	Witness    string    `json:"witness"`
}

type screenTopicInput struct {
	TopicID  domain.ID             `json:"topicId" id:"Topic"`
	Decision deliberation.Decision `json:"decision"`
	Body     deliberation.Body     `json:"body"`
	Into     domain.ID             `json:"into" id:"Topic"`
	Note     string                `json:"note"`
}

func (in screenTopicInput) toDomain() deliberation.ScreenInput {
	return deliberation.ScreenInput{TopicID: in.TopicID, Decision: in.Decision, Body: in.Body, Into: in.Into, Note: in.Note}
}

type addCommentInput struct {
	TopicID  domain.ID `json:"topicId" id:"Topic"`
	ParentID domain.ID `json:"parentId" id:"Comment"`
	Body     string    `json:"body"`
}

func (in addCommentInput) toDomain() deliberation.CommentInput {
	return deliberation.CommentInput{TopicID: in.TopicID, ParentID: in.ParentID, Body: in.Body}
}

// commentActionInput is the input of editComment (body) and hideComment
// (reason).
type commentActionInput struct {
	CommentID domain.ID `json:"commentId" id:"Comment"`
	Body      string    `json:"body"`
	Reason    string    `json:"reason"`
}

type reportCommentInput struct {
	CommentID domain.ID `json:"commentId" id:"Comment"`
	Reason    string    `json:"reason"`
}

func (b *builder) topicMutations(f graphql.Fields) {
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	str := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String)}
	topicPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"topic": {Type: nonNull(b.topic)}})
	}
	commentPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"comment": {Type: nonNull(b.comment)}})
	}
	f["proposeTopic"] = &graphql.Field{
		Type: nonNull(topicPayload("ProposeTopicPayload")),
		Description: "A resident proposes a topic; a grid worker may propose for an assisted resident of their grid (onBehalfOf, a Member ID) before a witness; " +
			"the committee may propose as the committee (asCommittee), which goes straight to screening.",
		Args: inputArg("ProposeTopicInput", graphql.InputObjectConfigFieldMap{
			"communityId": id, "title": str, "body": {Type: graphql.String}, "category": {Type: nonNull(b.categoryEnum)},
			"gridIds": {Type: graphql.NewList(graphql.NewNonNull(graphql.ID))}, "onBehalfOf": {Type: graphql.ID},
			"witness": {Type: graphql.String, Description: "With onBehalfOf: who saw the resident ask."}, "asCommittee": {Type: graphql.Boolean},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[proposeTopicInput](p)
			if err != nil {
				return nil, err
			}
			t, err := b.svc.Deliberation.Propose(p.Context, in.toDomain())
			return map[string]any{"topic": t}, err
		}),
	}
	f["supportTopic"] = &graphql.Field{
		Type: nonNull(topicPayload("SupportTopicPayload")),
		Description: "Supports (附议) a topic that is collecting supports; supporting twice changes nothing. With onBehalfOf (a Member ID), a grid " +
			"worker records the support of an assisted resident of their grid, before a named witness.",
		Args: inputArg("SupportTopicInput", graphql.InputObjectConfigFieldMap{"topicId": id,
			"onBehalfOf": {Type: graphql.ID, Description: "The assisted resident a grid worker supports for."}, "witness": {Type: graphql.String}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[supportTopicInput](p)
			if err != nil {
				return nil, err
			}
			var t deliberation.Topic
			if in.OnBehalfOf.User == "" {
				t, err = b.svc.Deliberation.Support(p.Context, in.TopicID)
			} else {
				t, err = b.svc.Deliberation.SupportFor(p.Context, in.TopicID, in.OnBehalfOf.User, in.Witness)
			}
			return map[string]any{"topic": t}, err
		}),
	}
	f["screenTopic"] = &graphql.Field{
		Type:        nonNull(topicPayload("ScreenTopicPayload")),
		Description: "The party organisation or the committee decide a topic in screening: ACCEPT (with body), MERGE (into), REFER (note: where), REJECT (note: why).",
		Args: inputArg("ScreenTopicInput", graphql.InputObjectConfigFieldMap{
			"topicId": id,
			"decision": {Type: nonNull(graphql.NewEnum(graphql.EnumConfig{Name: "ScreeningDecision", Values: graphql.EnumValueConfigMap{
				"ACCEPT": {Value: deliberation.Accept}, "MERGE": {Value: deliberation.Merge}, "REFER": {Value: deliberation.Refer}, "REJECT": {Value: deliberation.Reject},
			}}))},
			"body": {Type: b.bodyEnum}, "into": {Type: graphql.ID}, "note": {Type: graphql.String},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[screenTopicInput](p)
			if err != nil {
				return nil, err
			}
			t, err := b.svc.Deliberation.Screen(p.Context, in.toDomain())
			return map[string]any{"topic": t}, err
		}),
	}
	f["addComment"] = &graphql.Field{
		Type: nonNull(commentPayload("AddCommentPayload")),
		Args: inputArg("AddCommentInput", graphql.InputObjectConfigFieldMap{"topicId": id, "parentId": {Type: graphql.ID}, "body": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[addCommentInput](p)
			if err != nil {
				return nil, err
			}
			c, err := b.svc.Deliberation.AddComment(p.Context, in.toDomain())
			return map[string]any{"comment": c}, err
		}),
	}
	commentAction := func(name, desc string, fields graphql.InputObjectConfigFieldMap, run func(p graphql.ResolveParams, id domain.ID, text string) (any, error)) *graphql.Field {
		fields["commentId"] = id
		return &graphql.Field{
			Type: nonNull(commentPayload(name + "Payload")), Description: desc,
			Args: inputArg(name+"Input", fields),
			Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
				in, err := readInput[commentActionInput](p)
				if err != nil {
					return nil, err
				}
				text := in.Body
				if text == "" {
					text = in.Reason
				}
				c, err := run(p, in.CommentID, text)
				return map[string]any{"comment": c}, err
			}),
		}
	}
	f["editComment"] = commentAction("EditComment", "The author edits a comment within 10 minutes of writing it.",
		graphql.InputObjectConfigFieldMap{"body": str}, func(p graphql.ResolveParams, id domain.ID, body string) (any, error) {
			return b.svc.Deliberation.EditComment(p.Context, id, body)
		})
	f["hideComment"] = commentAction("HideComment", "The committee hides a comment; the reason is published in its place.",
		graphql.InputObjectConfigFieldMap{"reason": str}, func(p graphql.ResolveParams, id domain.ID, reason string) (any, error) {
			return b.svc.Deliberation.HideComment(p.Context, id, reason)
		})
	f["reportComment"] = &graphql.Field{
		Type: nonNull(payload("ReportCommentPayload", graphql.Fields{"ok": {Type: nonNull(graphql.Boolean), DeprecationReason: "use comment"}, "comment": {Type: nonNull(b.comment)}})),
		Args: inputArg("ReportCommentInput", graphql.InputObjectConfigFieldMap{"commentId": id, "reason": {Type: graphql.String}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[reportCommentInput](p)
			if err != nil {
				return nil, err
			}
			if err := b.svc.Deliberation.ReportComment(p.Context, in.CommentID, in.Reason); err != nil {
				return nil, err
			}
			c, err := b.svc.Deliberation.Comment(p.Context, in.CommentID)
			return map[string]any{"ok": true, "comment": c}, err
		}),
	}
}

type reportedValue struct {
	id domain.ID
	n  int
}

// nilString turns "" into null.
func nilString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func optionalGlobalID(typ string, id domain.ID) any {
	if id == "" {
		return nil
	}
	return globalID(typ, id)
}

// nilBody turns an undecided body into null; the enum needs the typed
// value, not its string.
func nilBody(b deliberation.Body) any {
	if b == "" {
		return nil
	}
	return b
}

// Per topic: its supports, its visible comments, and whether the viewer
// supports it.
var (
	supportCountsOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, int] {
		return orZero(s.Deliberation.SupportCounts)
	})
	commentCountsOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, int] {
		return orZero(s.Deliberation.CommentCounts)
	})
	supportedOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, bool] {
		return orZero(s.Deliberation.Supported)
	})
)
