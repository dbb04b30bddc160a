// Package graph is Yishi's GraphQL API: the schema (code first, with
// graphql-go), thin resolvers that call the domain services, per-request
// dataloaders, and the HTTP handler with its limits.
package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/notify"
)

// Services are the domain services the resolvers call.
type Services struct {
	Accounts    *account.Service
	Communities *community.Service
	Notify      *notify.Service
	Topics      *deliberation.Service
}

// builder holds the services and every built type, so each type is built
// exactly once.
type builder struct {
	svc Services
	log *slog.Logger

	node                                                           *graphql.Interface
	viewer, user, session, street, community, settings             *graphql.Object
	grid, microGrid, member, joinRequest                           *graphql.Object
	roleEnum, kindEnum, joinStateEnum                              *graphql.Enum
	streetConn, communityConn, gridConn, microGridConn, memberConn *graphql.Object
	joinRequestConn, pageInfo                                      *graphql.Object
	prefs, notification, notificationConn                          *graphql.Object
	notifyKindEnum                                                 *graphql.Enum
	topic, topicConn, comment, commentConn                         *graphql.Object
	categoryEnum, topicStateEnum, bodyEnum                         *graphql.Enum
	panel, motion                                                  *graphql.Object
	seatKindEnum, methodEnum, choiceEnum                           *graphql.Enum
	resolution, actionItem, meeting                                *graphql.Object
	meetingKindEnum, stanceEnum                                    *graphql.Enum
	communityRequest, communityRequestConn, roleChange             *graphql.Object
	requestStateEnum                                               *graphql.Enum
	partyEnum, panelStateEnum, seatStateEnum                       *graphql.Enum
	resolutionStageEnum, eventKindEnum, motionStateEnum            *graphql.Enum
	voteResult, objection, seat                                    *graphql.Object
}

// NewSchema builds the GraphQL schema over the services.
func NewSchema(svc Services, log *slog.Logger) (graphql.Schema, error) {
	b := &builder{svc: svc, log: log}
	b.buildTypes()
	query := graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: graphql.FieldsThunk(b.queryFields)})
	mutation := graphql.NewObject(graphql.ObjectConfig{Name: "Mutation", Fields: graphql.FieldsThunk(b.mutationFields)})
	s, err := graphql.NewSchema(graphql.SchemaConfig{
		Query:    query,
		Mutation: mutation,
		Types:    []graphql.Type{b.user, b.session, b.street, b.community, b.grid, b.microGrid, b.member, b.joinRequest, b.notification, b.topic, b.comment, b.motion, b.resolution, b.actionItem, b.meeting, b.communityRequest, b.panel, b.objection},
	})
	if err != nil {
		return s, fmt.Errorf("build schema: %w", err)
	}
	dropValuesOnError(s)
	return s, nil
}

// dropValuesOnError wraps every field resolver so that a value returned
// with an error is dropped: graphql-go would otherwise serve it beside the
// error (node(id:) showed a struct's fields beside NOT_FOUND). Thunks, the
// dataloader-backed values, are wrapped alike.
func dropValuesOnError(s graphql.Schema) {
	for _, t := range s.TypeMap() {
		obj, ok := t.(*graphql.Object)
		if !ok {
			continue
		}
		for _, f := range obj.Fields() {
			if f.Resolve != nil {
				f.Resolve = noValueOnError(f.Resolve)
			}
		}
	}
}

func noValueOnError(resolve graphql.FieldResolveFn) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		v, err := resolve(p)
		if err != nil {
			return nil, err
		}
		if thunk, ok := v.(func() (any, error)); ok {
			return func() (any, error) {
				v, err := thunk()
				if err != nil {
					return nil, err
				}
				return v, nil
			}, nil
		}
		return v, nil
	}
}

func (b *builder) buildTypes() {
	b.pageInfo = graphql.NewObject(graphql.ObjectConfig{Name: "PageInfo", Fields: graphql.Fields{
		"hasNextPage": {Type: graphql.NewNonNull(graphql.Boolean)},
		"endCursor":   {Type: graphql.String},
	}})
	b.buildNode()
	b.buildEnums()
	b.buildDeliberationEnums()
	b.buildViewer()
	b.buildStreet()
	b.buildCommunityRequests()
	b.buildCommunity()
	b.buildGrids()
	b.buildMember()
	b.buildJoinRequest()
	b.buildNotifications()
	b.buildResolutions()
	b.buildPanels()
	b.buildTopics()
	b.buildMeetings()
	b.streetConn = b.connection("Street", b.street)
	b.communityConn = b.connection("Community", b.community)
	b.gridConn = b.connection("Grid", b.grid)
	b.microGridConn = b.connection("MicroGrid", b.microGrid)
	b.memberConn = b.connection("Member", b.member)
	b.joinRequestConn = b.connection("JoinRequest", b.joinRequest)
	b.notificationConnections()
}

func (b *builder) queryFields() graphql.Fields {
	f := graphql.Fields{}
	for _, add := range []func(graphql.Fields){b.nodeQueries, b.viewerQueries, b.communityQueries, b.operatorQueries, b.panelQueries} {
		add(f)
	}
	return f
}

func (b *builder) mutationFields() graphql.Fields {
	f := graphql.Fields{}
	for _, add := range []func(graphql.Fields){b.accountMutations, b.communityMutations, b.operatorMutations, b.gridMutations, b.memberMutations, b.joinMutations, b.notificationMutations, b.topicMutations, b.panelMutations, b.resolutionMutations, b.meetingMutations} {
		add(f)
	}
	return f
}

// reqState is what the handler shares with resolvers for one request.
type reqState struct {
	loaders *loaders
	// setCookie, when set, is how login and logout change the session cookie.
	setCookie func(*http.Cookie)
	secure    bool
	// browser marks a request from a web browser (it sends Sec-Fetch-Mode):
	// the session token goes only into its cookie, never into the body.
	browser bool
}

type reqStateKey struct{}

func withReqState(ctx context.Context, s *reqState) context.Context {
	return context.WithValue(ctx, reqStateKey{}, s)
}

func stateFrom(ctx context.Context) *reqState {
	if s, ok := ctx.Value(reqStateKey{}).(*reqState); ok {
		return s
	}
	return &reqState{}
}

// decodeInput copies the "input" argument into a typed struct through its
// JSON form; graphql-go has already checked the types.
func decodeInput(p graphql.ResolveParams, dst any) error {
	raw, err := json.Marshal(p.Args["input"])
	if err != nil {
		return fmt.Errorf("encode input: %w", err)
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("decode input: %w", err)
	}
	return nil
}

// source returns the parent value of a field, checked.
func source[T any](p graphql.ResolveParams) (T, error) {
	v, ok := p.Source.(T)
	if !ok {
		var zero T
		return zero, fmt.Errorf("field %s: source is %T, want %T", p.Info.FieldName, p.Source, zero)
	}
	return v, nil
}

// field makes a resolver of a value computed from the parent.
func field[T any](get func(T) any) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		v, err := source[T](p)
		if err != nil {
			return nil, err
		}
		return get(v), nil
	}
}

// mutation wraps a mutation resolver: after it runs, the request's loader
// caches are cleared so the payload reads fresh data.
func mutation(resolve graphql.FieldResolveFn) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		v, err := resolve(p)
		stateFrom(p.Context).loaders.clear()
		return v, err
	}
}

// asInputField reports a domain error about the domain's field from under
// the name of the input field the client sent: the domain speaks of a
// speaker or an owner, the API takes a Member ID in speakerMemberId or
// ownerMemberId.
func asInputField(err error, domainField, inputField string) error {
	if e, ok := domain.AsError(err); ok && e.Field == domainField {
		c := *e
		c.Field = inputField
		return &c
	}
	return err
}

// nonNull and list are shorthands for type wrappers.
func nonNull(t graphql.Type) *graphql.NonNull { return graphql.NewNonNull(t) }

func listOf(t graphql.Type) *graphql.NonNull {
	return graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(t)))
}

// inputArg declares the single non-null "input" argument of a mutation.
func inputArg(name string, fields graphql.InputObjectConfigFieldMap) graphql.FieldConfigArgument {
	t := graphql.NewInputObject(graphql.InputObjectConfig{Name: name, Fields: fields})
	return graphql.FieldConfigArgument{"input": {Type: nonNull(t)}}
}

// payload declares a mutation's payload type.
func payload(name string, fields graphql.Fields) *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{Name: name, Fields: fields})
}

// idOr decodes an optional global ID argument.
func optionalID(typ string, gid *string) (*domain.ID, error) {
	if gid == nil {
		return nil, nil
	}
	id, err := localID(typ, *gid)
	if err != nil {
		return nil, err
	}
	return &id, nil
}

// nilTime turns the zero time into null.
func nilTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// parseTime reads an RFC 3339 time, as the DateTime scalar writes it.
func parseTime(s string) (time.Time, error) { return time.Parse(time.RFC3339Nano, s) }

// orNull turns NotFound into null, for a field that may have no value (a
// panel not yet formed, a motion not adopted).
func orNull[V any](v V, err error) (any, error) {
	if domain.ErrorCode(err) == domain.NotFound {
		return nil, nil
	}
	return v, err
}
