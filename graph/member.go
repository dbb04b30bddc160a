package graph

import (
	"context"
	"strings"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// memberPart is a community's members and their roles.
var memberPart = part{
	records: map[string]string{"Member": "成员"},
	types: func(b *builder) {
		b.buildMember()
		b.memberConn = b.connection("Member", b.member)
		b.addNodes(nodeOf(b.member, func(ctx context.Context, id domain.ID) (community.Member, error) {
			cid, uid, ok := splitMemberID(id)
			if !ok {
				return community.Member{}, notFound("Member")
			}
			return b.svc.Communities.Member(ctx, cid, uid)
		}))
	},
	mutations: (*builder).memberMutations,
}

// splitMemberID splits a membership's local ID into community and user.
func splitMemberID(id domain.ID) (communityID, userID domain.ID, ok bool) {
	c, u, found := strings.Cut(string(id), "/")
	return domain.ID(c), domain.ID(u), found && c != "" && u != ""
}

func (b *builder) buildMember() {
	b.member = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Member",
		Description: "A user's membership of a community, with their roles.",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":        idField("Member", community.Member.ID),
				"user":      {Type: nonNull(b.user), Resolve: loadField(usersOf, func(m community.Member) domain.ID { return m.UserID })},
				"community": {Type: nonNull(b.community), Resolve: loadField(communitiesOf, func(m community.Member) domain.ID { return m.CommunityID })},
				"roles":     {Type: listOf(b.roleEnum), Resolve: field(func(m community.Member) any { return m.Roles })},
				"grid":      {Type: b.grid, Description: "The grid the member lives in.", Resolve: loadField(gridsOf, func(m community.Member) domain.ID { return m.GridID })},
				"microGrid": {Type: b.microGrid, Resolve: loadField(microGridsOf, func(m community.Member) domain.ID { return m.MicroGridID })},
				"workerGrids": {Type: listOf(b.grid), Description: "The grids a grid worker works for.", Resolve: func(p graphql.ResolveParams) (any, error) {
					m, err := source[community.Member](p)
					if err != nil {
						return nil, err
					}
					return thunkMany(p.Context, gridsOf.in(p.Context), m.WorkerGrids), nil
				}},
				"assisted": {Type: nonNull(graphql.Boolean), Resolve: field(func(m community.Member) any { return m.Assisted })},
				"joinedAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(m community.Member) any { return m.JoinedAt })},
			}
		}),
	})
}

func (b *builder) resolveMembers(p graphql.ResolveParams) (any, error) {
	c, err := source[community.Community](p)
	if err != nil {
		return nil, err
	}
	page, err := pageFrom(p)
	if err != nil {
		return nil, err
	}
	var f community.MemberFilter
	if r, ok := p.Args["role"].(domain.Role); ok {
		f.Role = &r
	}
	if _, ok := p.Args["gridId"].(string); ok {
		gid, err := argID(p, "gridId", "Grid")
		if err != nil {
			return nil, err
		}
		f.GridID = &gid
	}
	if _, ok := p.Args["microGridId"].(string); ok {
		mid, err := argID(p, "microGridId", "MicroGrid")
		if err != nil {
			return nil, err
		}
		f.MicroGridID = &mid
	}
	f.Search, _ = p.Args["search"].(string)
	l, err := b.svc.Communities.Members(p.Context, c.ID, f, page)
	return toConnection(l, community.Member.ID), err
}

// memberRoleInput is the input of assignRole and revokeRole.
type memberRoleInput struct {
	Member memberRef   `json:"memberId" id:"Member"`
	Role   domain.Role `json:"role"`
	GridID domain.ID   `json:"gridId" id:"Grid"`
}

func (in memberRoleInput) toDomain() community.RoleInput {
	return community.RoleInput{CommunityID: in.Member.Community, UserID: in.Member.User, Role: in.Role, GridID: in.GridID}
}

type registerAssistedResidentInput struct {
	CommunityID domain.ID `json:"communityId" id:"Community"`
	MicroGridID domain.ID `json:"microGridId" id:"MicroGrid"`
	Name        string    `json:"name"`
	Phone       string    `json:"phone"`
}

func (in registerAssistedResidentInput) toDomain() community.AssistedResidentInput {
	return community.AssistedResidentInput{CommunityID: in.CommunityID, MicroGridID: in.MicroGridID, Name: in.Name, Phone: in.Phone}
}

func (b *builder) memberMutations(f graphql.Fields) {
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	memberPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"member": {Type: nonNull(b.member)}})
	}
	roleInput := graphql.InputObjectConfigFieldMap{
		"memberId": id, "role": {Type: nonNull(b.roleEnum)},
		"gridId": {Type: graphql.ID, Description: "Required for GRID_WORKER, refused for other roles."},
	}
	roleResolver := func(change func(*community.Service) func(context.Context, community.RoleInput) (community.Member, error)) graphql.FieldResolveFn {
		return mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[memberRoleInput](p)
			if err != nil {
				return nil, err
			}
			m, err := change(b.svc.Communities)(p.Context, in.toDomain())
			return map[string]any{"member": m}, err
		})
	}
	f["assignRole"] = &graphql.Field{
		Type:        nonNull(memberPayload("AssignRolePayload")),
		Description: "Grants a member a role: the committee and admins may; only admins grant ADMIN.",
		Args:        inputArg("AssignRoleInput", roleInput),
		Resolve: roleResolver(func(s *community.Service) func(context.Context, community.RoleInput) (community.Member, error) {
			return s.AssignRole
		}),
	}
	f["revokeRole"] = &graphql.Field{
		Type: nonNull(memberPayload("RevokeRolePayload")),
		Args: inputArg("RevokeRoleInput", roleInput),
		Resolve: roleResolver(func(s *community.Service) func(context.Context, community.RoleInput) (community.Member, error) {
			return s.RevokeRole
		}),
	}
	f["registerAssistedResident"] = &graphql.Field{
		Type:        nonNull(memberPayload("RegisterAssistedResidentPayload")),
		Description: "A grid worker registers a resident who has no email or password.",
		Args: inputArg("RegisterAssistedResidentInput", graphql.InputObjectConfigFieldMap{
			"communityId": id, "microGridId": id, "name": {Type: nonNull(graphql.String)}, "phone": {Type: graphql.String},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[registerAssistedResidentInput](p)
			if err != nil {
				return nil, err
			}
			m, err := b.svc.Communities.RegisterAssistedResident(p.Context, in.toDomain())
			return map[string]any{"member": m}, err
		}),
	}
}

// memberGlobalID is the Member ID of a user in a community.
func memberGlobalID(communityID, userID domain.ID) string {
	return globalID("Member", community.MemberID(communityID, userID))
}
