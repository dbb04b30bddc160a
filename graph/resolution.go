package graph

import (
	"time"

	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// resolutionPart is resolutions, their action items and objections.
var resolutionPart = part{
	records: map[string]string{"Resolution": "决议", "ActionItem": "事项", "Objection": "异议"},
	types: func(b *builder) {
		b.buildDeliberationEnums()
		b.buildResolutions()
		b.addNodes(nodeOf(b.resolution, b.svc.Deliberation.Resolution), nodeOf(b.actionItem, b.svc.Deliberation.ActionItem),
			nodeOf(b.objection, b.svc.Deliberation.Objection))
	},
	mutations: (*builder).resolutionMutations,
}

func (b *builder) buildResolutions() {
	update := graphql.NewObject(graphql.ObjectConfig{Name: "ActionItemUpdate", Fields: graphql.Fields{
		"at":       {Type: nonNull(graphql.DateTime), Resolve: field(func(u deliberation.ItemUpdate) any { return u.At })},
		"by":       {Type: b.user, Resolve: loadField(usersOf, func(u deliberation.ItemUpdate) domain.ID { return u.ByID })},
		"progress": {Type: nonNull(graphql.Int), Resolve: field(func(u deliberation.ItemUpdate) any { return u.Progress })},
		"text":     {Type: nonNull(graphql.String), Resolve: field(func(u deliberation.ItemUpdate) any { return u.Text })},
		"link":     {Type: graphql.String, Resolve: field(func(u deliberation.ItemUpdate) any { return nilString(u.Link) })},
	}})
	itemStatus := graphql.NewEnum(graphql.EnumConfig{Name: "ActionItemStatus", Values: graphql.EnumValueConfigMap{
		"NOT_STARTED": {Value: deliberation.ItemNotStarted},
		"IN_PROGRESS": {Value: deliberation.ItemInProgress},
		"DONE":        {Value: deliberation.ItemDone},
		"OVERDUE":     {Value: deliberation.ItemOverdue, Description: "Past its due date and not done."},
	}})
	b.actionItem = graphql.NewObject(graphql.ObjectConfig{Name: "ActionItem", Interfaces: []*graphql.Interface{b.node}, Fields: graphql.Fields{
		"id":    idField("ActionItem", func(it deliberation.ActionItem) domain.ID { return it.ID }),
		"title": {Type: nonNull(graphql.String), Resolve: field(func(it deliberation.ActionItem) any { return it.Title })},
		"resolutionId": {Type: nonNull(graphql.ID), Description: "The resolution it carries out.",
			Resolve: field(func(it deliberation.ActionItem) any { return globalID("Resolution", it.ResolutionID) })},
		"owner":      {Type: b.user, Resolve: loadField(usersOf, func(it deliberation.ActionItem) domain.ID { return it.OwnerID })},
		"ownerParty": {Type: b.partyEnum, Description: "The owning party, when no one member owns it.", Resolve: field(func(it deliberation.ActionItem) any { return nilString(string(it.OwnerParty)) })},
		"due":        {Type: nonNull(graphql.DateTime), Resolve: field(func(it deliberation.ActionItem) any { return it.Due })},
		"weight":     {Type: nonNull(graphql.Int), Resolve: field(func(it deliberation.ActionItem) any { return it.Weight })},
		"progress":   {Type: nonNull(graphql.Int), Resolve: field(func(it deliberation.ActionItem) any { return it.Progress })},
		"status": {Type: nonNull(itemStatus), Description: "Derived from progress and the due date.", Resolve: func(p graphql.ResolveParams) (any, error) {
			it, err := source[deliberation.ActionItem](p)
			return it.Status(b.svc.Now()), err
		}},
		"updates": {Type: listOf(update), Resolve: field(func(it deliberation.ActionItem) any { return it.Updates })},
		"removed": {Type: nonNull(graphql.Boolean), Description: "Withdrawn by the committee: kept on the record, out of the resolution's items and progress.", Resolve: field(func(it deliberation.ActionItem) any { return it.Removed })},
	}})
	b.objection = graphql.NewObject(graphql.ObjectConfig{Name: "Objection", Interfaces: []*graphql.Interface{b.node}, Fields: graphql.Fields{
		"id":         {Type: nonNull(graphql.ID), Resolve: field(func(o deliberation.Objection) any { return globalID("Objection", o.ID) })},
		"by":         {Type: nonNull(b.user), Resolve: loadField(usersOf, func(o deliberation.Objection) domain.ID { return o.ByID })},
		"text":       {Type: nonNull(graphql.String), Resolve: field(func(o deliberation.Objection) any { return o.Text })},
		"at":         {Type: nonNull(graphql.DateTime), Resolve: field(func(o deliberation.Objection) any { return o.At })},
		"answer":     {Type: graphql.String, Resolve: field(func(o deliberation.Objection) any { return nilString(o.Answer) })},
		"answeredAt": {Type: graphql.DateTime, Resolve: field(func(o deliberation.Objection) any { return nilTime(o.AnsweredAt) })},
	}})
	satisfaction := graphql.NewObject(graphql.ObjectConfig{Name: "Satisfaction", Fields: graphql.Fields{
		"count":   {Type: nonNull(graphql.Int), Resolve: field(func(s deliberation.Satisfaction) any { return s.Count })},
		"average": {Type: nonNull(graphql.Float), Resolve: field(func(s deliberation.Satisfaction) any { return s.Average })},
		"byStars": {Type: listOf(graphql.Int), Description: "How many gave 1, 2, 3, 4 and 5 stars.", Resolve: field(func(s deliberation.Satisfaction) any { return s.ByStars[:] })},
	}})
	b.resolution = graphql.NewObject(graphql.ObjectConfig{Name: "Resolution", Description: "An adopted motion and what it brings about (议的效力).", Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":   idField("Resolution", func(r deliberation.Resolution) domain.ID { return r.ID }),
				"text": {Type: nonNull(graphql.String), Resolve: field(func(r deliberation.Resolution) any { return r.Text })},
				"topic": {Type: nonNull(b.topic), Resolve: func(p graphql.ResolveParams) (any, error) {
					r, err := source[deliberation.Resolution](p)
					if err != nil {
						return nil, err
					}
					return b.svc.Deliberation.Topic(p.Context, r.TopicID)
				}},
				"adoptedAt":   {Type: nonNull(graphql.DateTime), Resolve: field(func(r deliberation.Resolution) any { return r.AdoptedAt })},
				"effectiveAt": {Type: nonNull(graphql.DateTime), Description: "The end of the notice period (公示期).", Resolve: field(func(r deliberation.Resolution) any { return r.EffectiveAt })},
				"stage": {Type: nonNull(b.resolutionStageEnum), Resolve: func(p graphql.ResolveParams) (any, error) {
					r, err := source[deliberation.Resolution](p)
					return r.Stage(b.svc.Now()), err
				}},
				"summary":              {Type: graphql.String, Resolve: field(func(r deliberation.Resolution) any { return nilString(r.Summary) })},
				"unfinishedReason":     {Type: graphql.String, Description: "Why it was closed with action items not done.", Resolve: field(func(r deliberation.Resolution) any { return nilString(r.UnfinishedReason) })},
				"unansweredObjections": {Type: nonNull(graphql.Int), Resolve: field(func(r deliberation.Resolution) any { return r.Unanswered })},
				"objections": {Type: listOf(b.objection), Resolve: func(p graphql.ResolveParams) (any, error) {
					r, err := source[deliberation.Resolution](p)
					if err != nil {
						return nil, err
					}
					return b.svc.Deliberation.Objections(p.Context, r.ID)
				}},
				"actionItems": {Type: listOf(b.actionItem), Resolve: loadField(itemsOf, func(r deliberation.Resolution) domain.ID { return r.ID })},
				"removedActionItems": {Type: listOf(b.actionItem), Description: "Items the committee removed, kept on the record with the reason among their updates.", Resolve: func(p graphql.ResolveParams) (any, error) {
					r, err := source[deliberation.Resolution](p)
					if err != nil {
						return nil, err
					}
					return b.svc.Deliberation.RemovedActionItems(p.Context, r.ID)
				}},
				"progress": {Type: nonNull(graphql.Int), Description: "The action items' progress, weighted, 0–100.", Resolve: func(p graphql.ResolveParams) (any, error) {
					r, err := source[deliberation.Resolution](p)
					if err != nil {
						return nil, err
					}
					items := itemsOf.in(p.Context).later(p.Context, r.ID)
					return func() (any, error) {
						its, err := items()
						return deliberation.Progress(its), err
					}, nil
				}},
				"myRating": {Type: graphql.Int, Description: "The viewer's own stars, 1–5; null until they rate it.", Resolve: func(p graphql.ResolveParams) (any, error) {
					r, err := source[deliberation.Resolution](p)
					if err != nil {
						return nil, err
					}
					stars, err := b.svc.Deliberation.MyRating(p.Context, r.ID)
					if stars == 0 {
						return nil, err
					}
					return stars, err
				}},
				"satisfaction": {Type: nonNull(satisfaction), Resolve: loadField(satisfactionOf, func(r deliberation.Resolution) domain.ID { return r.ID })},
			}
		})})
}

type adoptResolutionInput struct {
	MotionID domain.ID `json:"motionId" id:"Motion"`
}

type objectToResolutionInput struct {
	ResolutionID domain.ID `json:"resolutionId" id:"Resolution"`
	Text         string    `json:"text"`
}

type answerObjectionInput struct {
	ObjectionID domain.ID `json:"objectionId" id:"Objection"`
	Answer      string    `json:"answer"`
}

// addActionItemInput names the owner by a Member ID or a party.
type addActionItemInput struct {
	ResolutionID domain.ID          `json:"resolutionId" id:"Resolution"`
	Title        string             `json:"title"`
	Owner        memberRef          `json:"ownerMemberId" id:"Member"`
	OwnerParty   deliberation.Party `json:"ownerParty"`
	Due          time.Time          `json:"due"`
	Weight       int                `json:"weight"`
}

func (in addActionItemInput) toDomain() deliberation.ItemInput {
	return deliberation.ItemInput{ResolutionID: in.ResolutionID, Title: in.Title, OwnerID: in.Owner.User, OwnerParty: in.OwnerParty,
		Due: in.Due, Weight: in.Weight}
}

type updateActionItemInput struct {
	ActionItemID domain.ID `json:"actionItemId" id:"ActionItem"`
	Progress     int       `json:"progress"`
	Text         string    `json:"text"`
	Link         string    `json:"link"`
}

// correctActionItemInput leaves a field unchanged when null.
type correctActionItemInput struct {
	ActionItemID domain.ID  `json:"actionItemId" id:"ActionItem"`
	Title        *string    `json:"title"`
	Due          *time.Time `json:"due"`
	Weight       *int       `json:"weight"`
	Reason       string     `json:"reason"`
}

func (in correctActionItemInput) toDomain() deliberation.ItemCorrection {
	return deliberation.ItemCorrection{ItemID: in.ActionItemID, Title: in.Title, Due: in.Due, Weight: in.Weight, Reason: in.Reason}
}

type removeActionItemInput struct {
	ActionItemID domain.ID `json:"actionItemId" id:"ActionItem"`
	Reason       string    `json:"reason"`
}

type rateResolutionInput struct {
	ResolutionID domain.ID `json:"resolutionId" id:"Resolution"`
	Stars        int       `json:"stars"`
}

type closeResolutionInput struct {
	ResolutionID     domain.ID `json:"resolutionId" id:"Resolution"`
	Summary          string    `json:"summary"`
	UnfinishedReason string    `json:"unfinishedReason"`
}

func (in closeResolutionInput) toDomain() deliberation.ClosingInput {
	return deliberation.ClosingInput{Summary: in.Summary, UnfinishedReason: in.UnfinishedReason}
}

func (b *builder) resolutionMutations(f graphql.Fields) {
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	str := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String)}
	resPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"resolution": {Type: nonNull(b.resolution)}})
	}
	resolution := func(p graphql.ResolveParams, rid domain.ID) (any, error) {
		r, err := b.svc.Deliberation.Resolution(p.Context, rid)
		return map[string]any{"resolution": r}, err
	}
	f["adoptResolution"] = &graphql.Field{
		Type:        nonNull(resPayload("AdoptResolutionPayload")),
		Description: "Turns a motion that passed into a resolution, published for objections during its notice period (公示期).",
		Args:        inputArg("AdoptResolutionInput", graphql.InputObjectConfigFieldMap{"motionId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[adoptResolutionInput](p)
			if err != nil {
				return nil, err
			}
			r, err := b.svc.Deliberation.Adopt(p.Context, in.MotionID)
			return map[string]any{"resolution": r}, err
		}),
	}
	f["objectToResolution"] = &graphql.Field{
		Type: nonNull(resPayload("ObjectToResolutionPayload")),
		Args: inputArg("ObjectToResolutionInput", graphql.InputObjectConfigFieldMap{"resolutionId": id, "text": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[objectToResolutionInput](p)
			if err != nil {
				return nil, err
			}
			if _, err := b.svc.Deliberation.Object(p.Context, in.ResolutionID, in.Text); err != nil {
				return nil, err
			}
			return resolution(p, in.ResolutionID)
		}),
	}
	f["answerObjection"] = &graphql.Field{
		Type: nonNull(payload("AnswerObjectionPayload", graphql.Fields{"ok": {Type: nonNull(graphql.Boolean), DeprecationReason: "use objection"}, "objection": {Type: nonNull(b.objection)}})),
		Args: inputArg("AnswerObjectionInput", graphql.InputObjectConfigFieldMap{"objectionId": id, "answer": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[answerObjectionInput](p)
			if err != nil {
				return nil, err
			}
			o, err := b.svc.Deliberation.AnswerObjection(p.Context, in.ObjectionID, in.Answer)
			return map[string]any{"ok": err == nil, "objection": o}, err
		}),
	}
	f["addActionItem"] = &graphql.Field{
		Type: nonNull(payload("AddActionItemPayload", graphql.Fields{"actionItem": {Type: nonNull(b.actionItem)}})),
		Description: "Adds an action item with an owner: a member (ownerMemberId) or a party (ownerParty: residents_committee, " +
			"owners_committee, property_firm).",
		Args: inputArg("AddActionItemInput", graphql.InputObjectConfigFieldMap{
			"resolutionId": id, "title": str, "ownerMemberId": {Type: graphql.ID}, "ownerParty": {Type: b.partyEnum},
			"due": {Type: nonNull(graphql.DateTime)}, "weight": {Type: graphql.Int},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[addActionItemInput](p)
			if err != nil {
				return nil, err
			}
			it, err := b.svc.Deliberation.AddActionItem(p.Context, in.toDomain())
			return map[string]any{"actionItem": it}, asInputField(err, "ownerId", "ownerMemberId")
		}),
	}
	f["updateActionItem"] = &graphql.Field{
		Type: nonNull(payload("UpdateActionItemPayload", graphql.Fields{"actionItem": {Type: nonNull(b.actionItem)}})),
		Args: inputArg("UpdateActionItemInput", graphql.InputObjectConfigFieldMap{
			"actionItemId": id, "progress": {Type: nonNull(graphql.Int)}, "text": {Type: graphql.String}, "link": {Type: graphql.String},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[updateActionItemInput](p)
			if err != nil {
				return nil, err
			}
			it, err := b.svc.Deliberation.UpdateActionItem(p.Context, in.ActionItemID, in.Progress, in.Text, in.Link)
			return map[string]any{"actionItem": it}, err
		}),
	}
	f["correctActionItem"] = &graphql.Field{
		Type:        nonNull(payload("CorrectActionItemPayload", graphql.Fields{"actionItem": {Type: nonNull(b.actionItem)}})),
		Description: "The committee corrects an action item's title, due date or weight; the change and its reason go among its updates.",
		Args: inputArg("CorrectActionItemInput", graphql.InputObjectConfigFieldMap{
			"actionItemId": id, "title": {Type: graphql.String}, "due": {Type: graphql.DateTime}, "weight": {Type: graphql.Int}, "reason": {Type: nonNull(graphql.String)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[correctActionItemInput](p)
			if err != nil {
				return nil, err
			}
			it, err := b.svc.Deliberation.CorrectActionItem(p.Context, in.toDomain())
			return map[string]any{"actionItem": it}, err
		}),
	}
	f["removeActionItem"] = &graphql.Field{
		Type:        nonNull(payload("RemoveActionItemPayload", graphql.Fields{"actionItem": {Type: nonNull(b.actionItem)}})),
		Description: "The committee withdraws an action item set up by mistake, with a reason; it stays on the record.",
		Args:        inputArg("RemoveActionItemInput", graphql.InputObjectConfigFieldMap{"actionItemId": id, "reason": {Type: nonNull(graphql.String)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[removeActionItemInput](p)
			if err != nil {
				return nil, err
			}
			it, err := b.svc.Deliberation.RemoveActionItem(p.Context, in.ActionItemID, in.Reason)
			return map[string]any{"actionItem": it}, err
		}),
	}
	f["rateResolution"] = &graphql.Field{
		Type: nonNull(resPayload("RateResolutionPayload")),
		Args: inputArg("RateResolutionInput", graphql.InputObjectConfigFieldMap{"resolutionId": id, "stars": {Type: nonNull(graphql.Int)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[rateResolutionInput](p)
			if err != nil {
				return nil, err
			}
			if err := b.svc.Deliberation.Rate(p.Context, in.ResolutionID, in.Stars); err != nil {
				return nil, err
			}
			return resolution(p, in.ResolutionID)
		}),
	}
	f["closeResolution"] = &graphql.Field{
		Type:        nonNull(resPayload("CloseResolutionPayload")),
		Description: "Closes a resolution that took effect (its notice period over, every objection answered): with its action items done, or a public unfinishedReason.",
		Args:        inputArg("CloseResolutionInput", graphql.InputObjectConfigFieldMap{"resolutionId": id, "summary": str, "unfinishedReason": {Type: graphql.String}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[closeResolutionInput](p)
			if err != nil {
				return nil, err
			}
			r, err := b.svc.Deliberation.CloseResolution(p.Context, in.ResolutionID, in.toDomain())
			return map[string]any{"resolution": r}, err
		}),
	}
}

// Per resolution: its action items and its ratings.
var (
	itemsOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, []deliberation.ActionItem] {
		return orZero(s.Deliberation.ItemsOf)
	})
	satisfactionOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, deliberation.Satisfaction] {
		return orZero(s.Deliberation.SatisfactionOf)
	})
)
