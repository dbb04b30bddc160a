package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// joinPart is requests to join a community.
var joinPart = part{
	records: map[string]string{"JoinRequest": "入驻申请"},
	types: func(b *builder) {
		b.buildJoinRequest()
		b.joinRequestConn = b.connection("JoinRequest", b.joinRequest)
		b.addNodes(nodeOf(b.joinRequest, b.svc.Communities.JoinRequest))
	},
	mutations: (*builder).joinMutations,
}

func (b *builder) buildJoinRequest() {
	b.joinRequest = graphql.NewObject(graphql.ObjectConfig{
		Name:        "JoinRequest",
		Description: "A request to join a community as a resident.",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":        idField("JoinRequest", func(r community.JoinRequest) domain.ID { return r.ID }),
				"user":      {Type: nonNull(b.user), Resolve: loadField(usersOf, func(r community.JoinRequest) domain.ID { return r.UserID })},
				"community": {Type: nonNull(b.community), Resolve: loadField(communitiesOf, func(r community.JoinRequest) domain.ID { return r.CommunityID })},
				"grid":      {Type: nonNull(b.grid), Resolve: loadField(gridsOf, func(r community.JoinRequest) domain.ID { return r.GridID })},
				"microGrid": {Type: b.microGrid, Resolve: loadField(microGridsOf, func(r community.JoinRequest) domain.ID { return r.MicroGridID })},
				"message":   {Type: nonNull(graphql.String), Resolve: field(func(r community.JoinRequest) any { return r.Message })},
				"state":     {Type: nonNull(b.joinStateEnum), Resolve: field(func(r community.JoinRequest) any { return r.State })},
				"createdAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(r community.JoinRequest) any { return r.CreatedAt })},
				"decidedBy": {Type: b.user, Resolve: loadField(usersOf, func(r community.JoinRequest) domain.ID { return r.DecidedBy })},
				"decidedAt": {Type: graphql.DateTime, Resolve: field(func(r community.JoinRequest) any {
					if r.DecidedAt.IsZero() {
						return nil
					}
					return r.DecidedAt
				})},
				"reason": {Type: graphql.String, Description: "Why a request was rejected.", Resolve: field(func(r community.JoinRequest) any { return r.Reason })},
			}
		}),
	})
}

func (b *builder) resolveJoinRequests(p graphql.ResolveParams) (any, error) {
	c, err := source[community.Community](p)
	if err != nil {
		return nil, err
	}
	page, err := pageFrom(p)
	if err != nil {
		return nil, err
	}
	var f community.JoinFilter
	if s, ok := p.Args["state"].(community.JoinState); ok {
		f.State = &s
	}
	l, err := b.svc.Communities.JoinRequests(p.Context, c.ID, f, page)
	return toConnection(l, func(r community.JoinRequest) domain.ID { return r.ID }), err
}

type requestToJoinInput struct {
	CommunityID domain.ID `json:"communityId" id:"Community"`
	GridID      domain.ID `json:"gridId" id:"Grid"`
	MicroGridID domain.ID `json:"microGridId" id:"MicroGrid"`
	Message     string    `json:"message"`
}

func (in requestToJoinInput) toDomain() community.JoinInput {
	return community.JoinInput{CommunityID: in.CommunityID, GridID: in.GridID, MicroGridID: in.MicroGridID, Message: in.Message}
}

type approveJoinRequestInput struct {
	JoinRequestID domain.ID `json:"joinRequestId" id:"JoinRequest"`
}

type rejectJoinRequestInput struct {
	JoinRequestID domain.ID `json:"joinRequestId" id:"JoinRequest"`
	Reason        string    `json:"reason"`
}

func (b *builder) joinMutations(f graphql.Fields) {
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	f["requestToJoin"] = &graphql.Field{
		Type: nonNull(payload("RequestToJoinPayload", graphql.Fields{"joinRequest": {Type: nonNull(b.joinRequest)}})),
		Args: inputArg("RequestToJoinInput", graphql.InputObjectConfigFieldMap{
			"communityId": id, "gridId": id, "microGridId": {Type: graphql.ID}, "message": {Type: graphql.String},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[requestToJoinInput](p)
			if err != nil {
				return nil, err
			}
			r, err := b.svc.Communities.RequestToJoin(p.Context, in.toDomain())
			return map[string]any{"joinRequest": r}, err
		}),
	}
	decided := payload("DecideJoinRequestPayload", graphql.Fields{"joinRequest": {Type: nonNull(b.joinRequest)}})
	f["approveJoinRequest"] = &graphql.Field{
		Type:        nonNull(decided),
		Description: "The committee, admins or the grid worker of the chosen grid approve a request.",
		Args:        inputArg("ApproveJoinRequestInput", graphql.InputObjectConfigFieldMap{"joinRequestId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[approveJoinRequestInput](p)
			if err != nil {
				return nil, err
			}
			r, err := b.svc.Communities.ApproveJoinRequest(p.Context, in.JoinRequestID)
			return map[string]any{"joinRequest": r}, err
		}),
	}
	f["rejectJoinRequest"] = &graphql.Field{
		Type: nonNull(decided),
		Args: inputArg("RejectJoinRequestInput", graphql.InputObjectConfigFieldMap{"joinRequestId": id, "reason": {Type: nonNull(graphql.String)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[rejectJoinRequestInput](p)
			if err != nil {
				return nil, err
			}
			r, err := b.svc.Communities.RejectJoinRequest(p.Context, in.JoinRequestID, in.Reason)
			return map[string]any{"joinRequest": r}, err
		}),
	}
}
