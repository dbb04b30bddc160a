package graph

import (
	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
)

// communityPart is streets and communities.
var communityPart = part{
	records: map[string]string{"Street": "街道", "Community": "社区"},
	types: func(b *builder) {
		b.buildEnums()
		b.buildStreet()
		b.buildCommunity()
		b.streetConn = b.connection("Street", b.street)
		b.communityConn = b.connection("Community", b.community)
		b.addNodes(publicNode(b.street, b.svc.Communities.Street), publicNode(b.community, b.svc.Communities.Community))
	},
	queries:   (*builder).communityQueries,
	mutations: (*builder).communityMutations,
}

func (b *builder) buildEnums() {
	roles := graphql.EnumValueConfigMap{}
	names := map[domain.Role]string{
		domain.RoleResident: "RESIDENT", domain.RoleGridWorker: "GRID_WORKER", domain.RoleCommittee: "COMMITTEE",
		domain.RoleParty: "PARTY", domain.RolePartyMember: "PARTY_MEMBER", domain.RoleSupervisor: "SUPERVISOR", domain.RoleMediator: "MEDIATOR",
		domain.RoleOwnersCommittee: "OWNERS_COMMITTEE", domain.RoleOwnersLead: "OWNERS_LEAD",
		domain.RolePropertyFirm: "PROPERTY_FIRM", domain.RolePropertyLead: "PROPERTY_LEAD",
		domain.RoleAdmin: "ADMIN",
	}
	for _, r := range domain.Roles {
		roles[names[r]] = &graphql.EnumValueConfig{Value: r, Description: r.Label().ZH + " (" + r.Label().EN + ")"}
	}
	b.roleEnum = graphql.NewEnum(graphql.EnumConfig{Name: "Role", Values: roles})
	b.kindEnum = graphql.NewEnum(graphql.EnumConfig{Name: "CommunityKind", Values: graphql.EnumValueConfigMap{
		"VILLAGE":   {Value: community.Village, Description: "村"},
		"COMMUNITY": {Value: community.Urban, Description: "社区"},
	}})
	b.joinStateEnum = graphql.NewEnum(graphql.EnumConfig{Name: "JoinRequestState", Values: graphql.EnumValueConfigMap{
		"PENDING":  {Value: community.JoinPending},
		"APPROVED": {Value: community.JoinApproved},
		"REJECTED": {Value: community.JoinRejected},
	}})
}

func (b *builder) buildStreet() {
	b.street = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Street",
		Description: "A street or township (街道/镇).",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":   idField("Street", func(s community.Street) domain.ID { return s.ID }),
				"name": {Type: nonNull(graphql.String), Resolve: field(func(s community.Street) any { return s.Name })},
				"code": {Type: nonNull(graphql.String), Description: "Address code (统一地址库).", Resolve: field(func(s community.Street) any { return s.Code })},
				"communities": {Type: nonNull(b.communityConn), Args: pageArgs(nil), Resolve: func(p graphql.ResolveParams) (any, error) {
					s, err := source[community.Street](p)
					if err != nil {
						return nil, err
					}
					return b.communities(p, community.CommunityFilter{StreetID: &s.ID})
				}},
			}
		}),
	})
}

func (b *builder) communities(p graphql.ResolveParams, f community.CommunityFilter) (any, error) {
	page, err := pageFrom(p)
	if err != nil {
		return nil, err
	}
	l, err := b.svc.Communities.Communities(p.Context, f, page)
	return toConnection(l, func(c community.Community) domain.ID { return c.ID }), err
}

func (b *builder) buildCommunity() {
	b.settings = graphql.NewObject(graphql.ObjectConfig{Name: "CommunitySettings", Fields: graphql.Fields{
		"timeZone":          {Type: nonNull(graphql.String), Resolve: field(func(s community.Settings) any { return s.TimeZone })},
		"supportThreshold":  {Type: nonNull(graphql.Int), Description: "Supports (附议) that move a topic to screening.", Resolve: field(func(s community.Settings) any { return s.SupportThreshold })},
		"supportWindowDays": {Type: nonNull(graphql.Int), Description: "Days a topic may collect supports.", Resolve: field(func(s community.Settings) any { return s.SupportWindowDays })},
	}})
	b.community = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Community",
		Description: "A village (村) or urban community (社区).",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: b.fieldsOf("Community", func() graphql.Fields {
			f := graphql.Fields{
				"id":       idField("Community", func(c community.Community) domain.ID { return c.ID }),
				"name":     {Type: nonNull(graphql.String), Resolve: field(func(c community.Community) any { return c.Name })},
				"code":     {Type: nonNull(graphql.String), Resolve: field(func(c community.Community) any { return c.Code })},
				"kind":     {Type: nonNull(b.kindEnum), Resolve: field(func(c community.Community) any { return c.Kind })},
				"settings": {Type: nonNull(b.settings), Resolve: field(func(c community.Community) any { return c.Settings })},
				"street":   {Type: nonNull(b.street), Resolve: loadField(streetsOf, func(c community.Community) domain.ID { return c.StreetID })},
				"grids": {Type: nonNull(b.gridConn), Args: pageArgs(nil), Resolve: func(p graphql.ResolveParams) (any, error) {
					c, err := source[community.Community](p)
					if err != nil {
						return nil, err
					}
					page, err := pageFrom(p)
					if err != nil {
						return nil, err
					}
					l, err := b.svc.Communities.Grids(p.Context, c.ID, page)
					return toConnection(l, func(g community.Grid) domain.ID { return g.ID }), err
				}},
				"members": {
					Type:        nonNull(b.memberConn),
					Description: "The member directory, for the committee, party, admins and grid workers; search looks in names.",
					Args: pageArgs(graphql.FieldConfigArgument{
						"role":        {Type: b.roleEnum},
						"gridId":      {Type: graphql.ID},
						"microGridId": {Type: graphql.ID},
						"search":      {Type: graphql.String, Description: "Part of the member's name, at most 32 characters."},
					}),
					Resolve: b.resolveMembers,
				},
				"joinRequests": {
					Type:        nonNull(b.joinRequestConn),
					Description: "Join requests: all for the committee and admins, their grids' for grid workers.",
					Args:        pageArgs(graphql.FieldConfigArgument{"state": {Type: b.joinStateEnum}}),
					Resolve:     b.resolveJoinRequests,
				},
				"topics": {
					Type:        nonNull(b.topicConn),
					Description: "The community's topics (议题), for its members; search looks in titles.",
					Args: pageArgs(graphql.FieldConfigArgument{
						"state": {Type: b.topicStateEnum}, "category": {Type: b.categoryEnum},
						"gridId": {Type: graphql.ID}, "search": {Type: graphql.String},
					}),
					Resolve: b.resolveTopics,
				},
				"resolutions": {
					Type:        listOf(b.resolution),
					Description: "The community's resolutions, newest first: the public board of what was decided and how it is carried out.",
					Resolve: func(p graphql.ResolveParams) (any, error) {
						c, err := source[community.Community](p)
						if err != nil {
							return nil, err
						}
						return b.svc.Deliberation.Resolutions(p.Context, c.ID)
					},
				},
				"failedNotifications": {
					Type:        nonNull(b.notificationConn),
					Description: "Notifications that gave up, for admins, who can retry them.",
					Args:        pageArgs(nil),
					Resolve: func(p graphql.ResolveParams) (any, error) {
						c, err := source[community.Community](p)
						if err != nil {
							return nil, err
						}
						page, err := pageFrom(p)
						if err != nil {
							return nil, err
						}
						l, err := b.svc.Notify.Failed(p.Context, c.ID, page)
						return toConnection(l, func(it notify.Item) domain.ID { return it.ID }), err
					},
				},
				"viewerMembership": {Type: b.member, Description: "The viewer's membership; null if not a member.", Resolve: func(p graphql.ResolveParams) (any, error) {
					c, err := source[community.Community](p)
					if err != nil {
						return nil, err
					}
					actor := domain.ActorFromContext(p.Context)
					if !actor.LoggedIn() {
						return nil, nil
					}
					return orNull(b.svc.Communities.Member(p.Context, c.ID, actor.UserID))
				}},
			}
			b.communityRoleFields(f)
			return f
		}),
	})
}

func (b *builder) communityQueries(f graphql.Fields) {
	f["streets"] = &graphql.Field{Type: nonNull(b.streetConn), Args: pageArgs(nil), Resolve: func(p graphql.ResolveParams) (any, error) {
		page, err := pageFrom(p)
		if err != nil {
			return nil, err
		}
		l, err := b.svc.Communities.Streets(p.Context, page)
		return toConnection(l, func(s community.Street) domain.ID { return s.ID }), err
	}}
	f["communities"] = &graphql.Field{
		Type:        nonNull(b.communityConn),
		Description: "Communities and villages, public so that people can find one to join.",
		Args:        pageArgs(graphql.FieldConfigArgument{"streetId": {Type: graphql.ID}}),
		Resolve: func(p graphql.ResolveParams) (any, error) {
			var f community.CommunityFilter
			if _, ok := p.Args["streetId"].(string); ok {
				id, err := argID(p, "streetId", "Street")
				if err != nil {
					return nil, err
				}
				f.StreetID = &id
			}
			return b.communities(p, f)
		},
	}
	f["community"] = &graphql.Field{Type: b.community, Args: graphql.FieldConfigArgument{"id": {Type: nonNull(graphql.ID)}}, Resolve: func(p graphql.ResolveParams) (any, error) {
		id, err := argID(p, "id", "Community")
		if err != nil {
			return nil, err
		}
		return b.svc.Communities.Community(p.Context, id)
	}}
}

type createStreetInput struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

func (in createStreetInput) toDomain() community.StreetInput {
	return community.StreetInput{Name: in.Name, Code: in.Code}
}

type createCommunityInput struct {
	StreetID domain.ID      `json:"streetId" id:"Street"`
	Name     string         `json:"name"`
	Code     string         `json:"code"`
	Kind     community.Kind `json:"kind"`
}

func (in createCommunityInput) toDomain() community.CommunityInput {
	return community.CommunityInput{StreetID: in.StreetID, Name: in.Name, Kind: in.Kind, Code: in.Code}
}

// updateCommunitySettingsInput leaves a setting unchanged when null.
type updateCommunitySettingsInput struct {
	CommunityID       domain.ID `json:"communityId" id:"Community"`
	TimeZone          *string   `json:"timeZone"`
	SupportThreshold  *int      `json:"supportThreshold"`
	SupportWindowDays *int      `json:"supportWindowDays"`
}

func (in updateCommunitySettingsInput) toDomain() community.SettingsUpdate {
	return community.SettingsUpdate{TimeZone: in.TimeZone, SupportThreshold: in.SupportThreshold, SupportWindowDays: in.SupportWindowDays}
}

func (b *builder) communityMutations(f graphql.Fields) {
	str := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String)}
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}

	f["createStreet"] = &graphql.Field{
		Type: nonNull(payload("CreateStreetPayload", graphql.Fields{"street": {Type: nonNull(b.street)}})),
		Args: inputArg("CreateStreetInput", graphql.InputObjectConfigFieldMap{"name": str, "code": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[createStreetInput](p)
			if err != nil {
				return nil, err
			}
			s, err := b.svc.Communities.CreateStreet(p.Context, in.toDomain())
			return map[string]any{"street": s}, err
		}),
	}
	f["createCommunity"] = &graphql.Field{
		Type:        nonNull(payload("CreateCommunityPayload", graphql.Fields{"community": {Type: nonNull(b.community)}})),
		Description: "Creates a community, for the platform's operators; the operator becomes its first admin (and may grant the role on).",
		Args: inputArg("CreateCommunityInput", graphql.InputObjectConfigFieldMap{
			"streetId": id, "name": str, "code": str, "kind": {Type: nonNull(b.kindEnum)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[createCommunityInput](p)
			if err != nil {
				return nil, err
			}
			c, err := b.svc.Communities.CreateCommunity(p.Context, in.toDomain())
			return map[string]any{"community": c}, err
		}),
	}
	f["updateCommunitySettings"] = &graphql.Field{
		Type: nonNull(payload("UpdateCommunitySettingsPayload", graphql.Fields{"community": {Type: nonNull(b.community)}})),
		Args: inputArg("UpdateCommunitySettingsInput", graphql.InputObjectConfigFieldMap{
			"communityId": id, "timeZone": {Type: graphql.String},
			"supportThreshold": {Type: graphql.Int}, "supportWindowDays": {Type: graphql.Int},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[updateCommunitySettingsInput](p)
			if err != nil {
				return nil, err
			}
			c, err := b.svc.Communities.UpdateSettings(p.Context, in.CommunityID, in.toDomain())
			return map[string]any{"community": c}, err
		}),
	}
}

// streetsOf and communitiesOf load streets and communities by ID.
var (
	streetsOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, community.Street] {
		return byIDs("Street", s.Communities.StreetsByID)
	})
	communitiesOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, community.Community] {
		return byIDs("Community", s.Communities.CommunitiesByID)
	})
)
