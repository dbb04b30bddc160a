package graph

import (
	"context"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// operatorPart is the operators' desk: community requests and role changes.
var operatorPart = part{
	records: map[string]string{"CommunityRequest": "开通申请"},
	types: func(b *builder) {
		b.buildCommunityRequests()
		b.addNodes(nodeOf(b.communityRequest, b.svc.Communities.CommunityRequest))
	},
	queries:   (*builder).operatorQueries,
	mutations: (*builder).operatorMutations,
}

// The platform's side of communities (requests to open one, which an
// operator decides) and a community's role history.

func (b *builder) buildCommunityRequests() {
	b.requestStateEnum = graphql.NewEnum(graphql.EnumConfig{Name: "CommunityRequestState", Values: graphql.EnumValueConfigMap{
		"PENDING":  {Value: community.RequestPending},
		"APPROVED": {Value: community.RequestApproved},
		"REJECTED": {Value: community.RequestRejected},
	}})
	b.communityRequest = graphql.NewObject(graphql.ObjectConfig{
		Name:        "CommunityRequest",
		Description: "A request to open a community, with the requester as its first admin; an operator decides it.",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":          idField("CommunityRequest", func(r community.CommunityRequest) domain.ID { return r.ID }),
				"street":      {Type: nonNull(b.street), Resolve: loadField(streetsOf, func(r community.CommunityRequest) domain.ID { return r.StreetID })},
				"name":        {Type: nonNull(graphql.String), Resolve: field(func(r community.CommunityRequest) any { return r.Name })},
				"kind":        {Type: nonNull(b.kindEnum), Resolve: field(func(r community.CommunityRequest) any { return r.Kind })},
				"code":        {Type: nonNull(graphql.String), Resolve: field(func(r community.CommunityRequest) any { return r.Code })},
				"note":        {Type: nonNull(graphql.String), Description: "Who the requester is, for the operator to check.", Resolve: field(func(r community.CommunityRequest) any { return r.Note })},
				"requestedBy": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(r community.CommunityRequest) domain.ID { return r.RequestedBy })},
				"state":       {Type: nonNull(b.requestStateEnum), Resolve: field(func(r community.CommunityRequest) any { return r.State })},
				"community":   {Type: b.community, Description: "The community opened, once approved.", Resolve: loadField(communitiesOf, func(r community.CommunityRequest) domain.ID { return r.CommunityID })},
				"reason":      {Type: graphql.String, Description: "Why it was rejected.", Resolve: field(func(r community.CommunityRequest) any { return r.Reason })},
				"createdAt":   {Type: nonNull(graphql.DateTime), Resolve: field(func(r community.CommunityRequest) any { return r.CreatedAt })},
				"decidedAt": {Type: graphql.DateTime, Resolve: field(func(r community.CommunityRequest) any {
					if r.DecidedAt.IsZero() {
						return nil
					}
					return r.DecidedAt
				})},
			}
		}),
	})
	b.communityRequestConn = b.connection("CommunityRequest", b.communityRequest)
	b.roleChange = graphql.NewObject(graphql.ObjectConfig{
		Name:        "RoleChange",
		Description: "A role granted to a member or revoked, and by whom: the community's role history.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"revoked": {Type: nonNull(graphql.Boolean), Description: "True for a revocation, false for a grant.", Resolve: field(func(c community.RoleChange) any { return c.Revoked })},
				"role":    {Type: nonNull(b.roleEnum), Resolve: field(func(c community.RoleChange) any { return c.Role })},
				"user":    {Type: nonNull(b.user), Resolve: loadField(usersOf, func(c community.RoleChange) domain.ID { return c.UserID })},
				"grid":    {Type: b.grid, Description: "A grid worker's grid.", Resolve: loadField(gridsOf, func(c community.RoleChange) domain.ID { return c.GridID })},
				"by":      {Type: b.user, Description: "Who granted or revoked it; null for the platform.", Resolve: loadField(usersOf, func(c community.RoleChange) domain.ID { return c.By })},
				"at":      {Type: nonNull(graphql.DateTime), Resolve: field(func(c community.RoleChange) any { return c.At })},
			}
		}),
	})
}

// communityRoleFields are the Community fields about roles.
func (b *builder) communityRoleFields(f graphql.Fields) {
	f["roleHistory"] = &graphql.Field{
		Type:        listOf(b.roleChange),
		Description: "Who was granted or lost which role, by whom, newest first (the latest 200), for the community's members.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := source[community.Community](p)
			if err != nil {
				return nil, err
			}
			return b.svc.Communities.RoleHistory(p.Context, c.ID)
		},
	}
	f["grantableRoles"] = &graphql.Field{
		Type:        listOf(b.roleEnum),
		Description: "The roles the viewer may grant and revoke here: all for admins; grid workers for the committee; party members for the party organisation; their side's delegates for the owners' committee's and the property firm's leads.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := source[community.Community](p)
			if err != nil {
				return nil, err
			}
			return b.svc.Communities.GrantableRoles(p.Context, c.ID)
		},
	}
}

// viewerOperatorFields are the Viewer fields about the platform.
func (b *builder) viewerOperatorFields(f graphql.Fields) {
	f["isOperator"] = &graphql.Field{Type: nonNull(graphql.Boolean), Description: "Whether the viewer is one of the platform's operators.", Resolve: viewerField(func(ctx context.Context) (any, error) {
		return b.svc.Communities.IsOperator(ctx)
	})}
	f["communityRequests"] = &graphql.Field{Type: listOf(b.communityRequest), Description: "The viewer's own requests to open a community, newest first.", Resolve: viewerField(func(ctx context.Context) (any, error) {
		return b.svc.Communities.MyCommunityRequests(ctx)
	})}
}

func (b *builder) operatorQueries(f graphql.Fields) {
	f["communityRequests"] = &graphql.Field{
		Type:        nonNull(b.communityRequestConn),
		Description: "Requests to open a community, oldest first, for the platform's operators.",
		Args:        pageArgs(graphql.FieldConfigArgument{"state": {Type: b.requestStateEnum}}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			page, err := pageFrom(p)
			if err != nil {
				return nil, err
			}
			var state *community.RequestState
			if s, ok := p.Args["state"].(community.RequestState); ok {
				state = &s
			}
			l, err := b.svc.Communities.CommunityRequests(p.Context, state, page)
			return toConnection(l, func(r community.CommunityRequest) domain.ID { return r.ID }), err
		},
	}
}

type requestCommunityInput struct {
	StreetID domain.ID      `json:"streetId" id:"Street"`
	Name     string         `json:"name"`
	Code     string         `json:"code"`
	Kind     community.Kind `json:"kind"`
	Note     string         `json:"note"`
}

func (in requestCommunityInput) toDomain() community.CommunityRequestInput {
	return community.CommunityRequestInput{StreetID: in.StreetID, Name: in.Name, Kind: in.Kind, Code: in.Code, Note: in.Note}
}

// decideCommunityRequestInput is the input of approveCommunityRequest and
// rejectCommunityRequest (which alone has a reason).
type decideCommunityRequestInput struct {
	RequestID domain.ID `json:"requestId" id:"CommunityRequest"`
	Reason    string    `json:"reason"`
}

func (b *builder) operatorMutations(f graphql.Fields) {
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	str := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String)}
	requestPayload := func(name string) graphql.Output {
		return nonNull(payload(name, graphql.Fields{"communityRequest": {Type: nonNull(b.communityRequest)}}))
	}
	f["requestCommunity"] = &graphql.Field{
		Type:        requestPayload("RequestCommunityPayload"),
		Description: "Asks the platform's operators to open a community, with the viewer as its first admin.",
		Args: inputArg("RequestCommunityInput", graphql.InputObjectConfigFieldMap{
			"streetId": id, "name": str, "code": str, "kind": {Type: nonNull(b.kindEnum)}, "note": str,
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[requestCommunityInput](p)
			if err != nil {
				return nil, err
			}
			r, err := b.svc.Communities.RequestCommunity(p.Context, in.toDomain())
			return map[string]any{"communityRequest": r}, err
		}),
	}
	decide := func(name string, withReason bool) *graphql.Field {
		fields := graphql.InputObjectConfigFieldMap{"requestId": id}
		if withReason {
			fields["reason"] = str
		}
		return &graphql.Field{
			Type: requestPayload(name + "Payload"),
			Args: inputArg(name+"Input", fields),
			Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
				in, err := readInput[decideCommunityRequestInput](p)
				if err != nil {
					return nil, err
				}
				var r community.CommunityRequest
				if withReason {
					r, err = b.svc.Communities.RejectCommunityRequest(p.Context, in.RequestID, in.Reason)
				} else {
					r, err = b.svc.Communities.ApproveCommunityRequest(p.Context, in.RequestID)
				}
				return map[string]any{"communityRequest": r}, err
			}),
		}
	}
	f["approveCommunityRequest"] = decide("ApproveCommunityRequest", false)
	f["rejectCommunityRequest"] = decide("RejectCommunityRequest", true)
}
