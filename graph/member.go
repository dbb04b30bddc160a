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
	if gid, ok := p.Args["gridId"].(string); ok {
		if f.GridID, err = optionalID("Grid", &gid); err != nil {
			return nil, err
		}
	}
	l, err := b.svc.Communities.Members(p.Context, c.ID, f, page)
	return toConnection(l, community.Member.ID), err
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
			var in struct {
				MemberID string
				Role     domain.Role
				GridID   *string
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			mid, err := localID("Member", in.MemberID)
			if err != nil {
				return nil, err
			}
			cid, uid, ok := splitMemberID(mid)
			if !ok {
				return nil, notFound("Member")
			}
			ri := community.RoleInput{CommunityID: cid, UserID: uid, Role: in.Role}
			if in.GridID != nil {
				if ri.GridID, err = localID("Grid", *in.GridID); err != nil {
					return nil, domain.InvalidField("gridId", "请选择本社区的网格", "choose a grid of this community")
				}
			}
			m, err := change(b.svc.Communities)(p.Context, ri)
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
			var in struct {
				CommunityID, MicroGridID, Name string
				Phone                          string
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			cid, err := localID("Community", in.CommunityID)
			if err != nil {
				return nil, err
			}
			mid, err := localID("MicroGrid", in.MicroGridID)
			if err != nil {
				return nil, domain.InvalidField("microGridId", "请选择本社区的微网格", "choose a micro-grid of this community")
			}
			m, err := b.svc.Communities.RegisterAssistedResident(p.Context, community.AssistedResidentInput{
				CommunityID: cid, MicroGridID: mid, Name: in.Name, Phone: in.Phone,
			})
			return map[string]any{"member": m}, err
		}),
	}
}

// memberGlobalID is the Member ID of a user in a community.
func memberGlobalID(communityID, userID domain.ID) string {
	return globalID("Member", community.MemberID(communityID, userID))
}
