package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/notify"
)

func (b *builder) buildNode() {
	b.node = graphql.NewInterface(graphql.InterfaceConfig{
		Name:        "Node",
		Description: "An object with an opaque global ID.",
		Fields:      graphql.Fields{"id": {Type: nonNull(graphql.ID)}},
		ResolveType: func(p graphql.ResolveTypeParams) *graphql.Object {
			switch p.Value.(type) {
			case account.User:
				return b.user
			case account.Session:
				return b.session
			case community.Street:
				return b.street
			case community.Community:
				return b.community
			case community.Grid:
				return b.grid
			case community.MicroGrid:
				return b.microGrid
			case community.Member:
				return b.member
			case community.JoinRequest:
				return b.joinRequest
			case community.CommunityRequest:
				return b.communityRequest
			case notify.Item:
				return b.notification
			case deliberation.Topic:
				return b.topic
			case deliberation.Comment:
				return b.comment
			case deliberation.Motion:
				return b.motion
			case deliberation.Resolution:
				return b.resolution
			case deliberation.ActionItem:
				return b.actionItem
			case deliberation.Meeting:
				return b.meeting
			case deliberation.Panel:
				return b.panel
			case deliberation.Objection:
				return b.objection
			}
			return nil
		},
	})
}

// idField is the id field of a Node type.
func idField[T any](typ string, id func(T) domain.ID) *graphql.Field {
	return &graphql.Field{Type: nonNull(graphql.ID), Resolve: field(func(v T) any { return globalID(typ, id(v)) })}
}

func (b *builder) nodeQueries(f graphql.Fields) {
	f["node"] = &graphql.Field{
		Type:        b.node,
		Description: "Fetches any object by its global ID; records the viewer may not see are NOT_FOUND.",
		Args:        graphql.FieldConfigArgument{"id": {Type: nonNull(graphql.ID)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			gid, _ := p.Args["id"].(string)
			typ, id, ok := decodeGlobalID(gid)
			if !ok {
				return nil, notFound("")
			}
			ctx, s := p.Context, b.svc
			switch typ {
			case "User":
				// Only the viewer themself; others are reached through memberships.
				if domain.ActorFromContext(ctx).UserID != id {
					return nil, notFound(typ)
				}
				return s.Accounts.User(ctx, id)
			case "Street":
				return s.Communities.Street(ctx, id)
			case "Community":
				return s.Communities.Community(ctx, id)
			case "Grid":
				return s.Communities.Grid(ctx, id)
			case "MicroGrid":
				return s.Communities.MicroGrid(ctx, id)
			case "Member":
				cid, uid, ok := splitMemberID(id)
				if !ok {
					return nil, notFound(typ)
				}
				return s.Communities.Member(ctx, cid, uid)
			case "JoinRequest":
				return s.Communities.JoinRequest(ctx, id)
			case "CommunityRequest":
				return s.Communities.CommunityRequest(ctx, id)
			case "Topic":
				return s.Topics.Topic(ctx, id)
			case "Motion":
				return s.Topics.Motion(ctx, id)
			case "Comment":
				return s.Topics.Comment(ctx, id)
			case "Resolution":
				return s.Topics.Resolution(ctx, id)
			case "Meeting":
				return s.Topics.Meeting(ctx, id)
			case "Panel":
				return s.Topics.Panel(ctx, id)
			case "Objection":
				return s.Topics.Objection(ctx, id)
			}
			return nil, notFound(typ)
		},
	}
}
