// Package graph is Yishi's GraphQL API: the schema (code first, with
// graphql-go), thin resolvers that call the domain services, per-request
// dataloaders, and the HTTP handler with its limits.
package graph

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// Services are the domain services the resolvers call.
type Services struct {
	Accounts     *account.Service
	Communities  *community.Service
	Notify       *notify.Service
	Deliberation *deliberation.Service
	Record       *ledger.Service // the public record (公信链)
	Disclosure   *disclosure.Service
	Volunteer    *volunteer.Service
	Patrol       *patrol.Service
	// Now is the time that states computed on read (a motion's, a
	// resolution's stage, a disclosure's status) are computed at: the
	// services' clock. Nil reads the wall clock.
	Now func() time.Time
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
	resolution, actionItem                                         *graphql.Object
	communityRequest, communityRequestConn, roleChange             *graphql.Object
	requestStateEnum                                               *graphql.Enum
	partyEnum, panelStateEnum, seatStateEnum                       *graphql.Enum
	resolutionStageEnum, eventKindEnum, motionStateEnum            *graphql.Enum
	voteResult, objection, seat, draw                              *graphql.Object

	// nodes are the Node kinds by type name, which the parts add.
	nodes map[string]nodeKind
	// extensions are fields that parts add to other parts' types.
	extensions map[string]graphql.Fields
	// partTypes are the parts' own types (typesOf), by their struct type.
	partTypes map[reflect.Type]any
	// todoSources are the areas' to-do lists (addTodos).
	todoSources []domain.TodoSource
}

// A part is one area's share of the schema, declared in the area's file:
// the types it builds (and the Node kinds among them, through addNodes),
// the fields it adds to Query and Mutation, and the Chinese names of the
// records its global IDs name. A new area is one file and one line in parts.
type part struct {
	records   map[string]string
	types     func(*builder)
	queries   func(*builder, graphql.Fields)
	mutations func(*builder, graphql.Fields)
}

// parts are the schema's areas, in the order their types are built: a part
// may use the types of the parts before it directly, and of any part
// inside a fields thunk.
var parts = []part{
	communityPart, viewerPart, operatorPart, gridPart, memberPart, joinPart, notificationPart,
	resolutionPart, panelPart, topicPart, meetingPart,
	recordPart, disclosurePart, volunteerPart, patrolPart,
}

// NewSchema builds the GraphQL schema over the services.
func NewSchema(svc Services, log *slog.Logger) (graphql.Schema, error) {
	if svc.Now == nil {
		svc.Now = time.Now
	}
	b := &builder{svc: svc, log: log, nodes: map[string]nodeKind{}, extensions: map[string]graphql.Fields{}, partTypes: map[reflect.Type]any{}}
	b.pageInfo = graphql.NewObject(graphql.ObjectConfig{Name: "PageInfo", Fields: graphql.Fields{
		"hasNextPage": {Type: graphql.NewNonNull(graphql.Boolean)},
		"endCursor":   {Type: graphql.String},
	}})
	b.buildNode()
	for _, p := range parts {
		if p.types != nil {
			p.types(b)
		}
	}
	b.buildTodos()
	query := graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: graphql.FieldsThunk(func() graphql.Fields {
		f := graphql.Fields{}
		b.nodeQueries(f)
		for _, p := range parts {
			if p.queries != nil {
				p.queries(b, f)
			}
		}
		return f
	})})
	mutation := graphql.NewObject(graphql.ObjectConfig{Name: "Mutation", Fields: graphql.FieldsThunk(func() graphql.Fields {
		f := graphql.Fields{}
		for _, p := range parts {
			if p.mutations != nil {
				p.mutations(b, f)
			}
		}
		return f
	})})
	types := make([]graphql.Type, 0, len(b.nodes))
	for _, name := range slices.Sorted(maps.Keys(b.nodes)) {
		types = append(types, b.nodes[name].object)
	}
	s, err := graphql.NewSchema(graphql.SchemaConfig{Query: query, Mutation: mutation, Types: types})
	if err != nil {
		return s, fmt.Errorf("build schema: %w", err)
	}
	dropValuesOnError(s)
	return s, nil
}

// typesOf is a part's own types in this schema: a struct the part declares
// in its file and fills in its types func, so that a new area needs no
// field on the builder.
func typesOf[T any](b *builder) *T {
	key := reflect.TypeFor[T]()
	if t, ok := b.partTypes[key]; ok {
		return t.(*T)
	}
	t := new(T)
	b.partTypes[key] = t
	return t
}

// extend adds fields to another part's type (a new area's list on
// Community, say); the type's own fields thunk takes them in through
// fieldsOf. Call it from a part's types, before the schema is built.
func (b *builder) extend(typeName string, fields graphql.Fields) {
	if b.extensions[typeName] == nil {
		b.extensions[typeName] = graphql.Fields{}
	}
	maps.Copy(b.extensions[typeName], fields)
}

// fieldsOf is the fields thunk of a type that other parts may extend.
func (b *builder) fieldsOf(typeName string, own func() graphql.Fields) graphql.FieldsThunk {
	return func() graphql.Fields {
		f := own()
		maps.Copy(f, b.extensions[typeName])
		return f
	}
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

// mutation wraps a mutation resolver: a logged-out client is refused
// UNAUTHENTICATED before anything is read, so no answer tells a stranger
// whether a record exists; after it runs, the request's loader caches are
// cleared so the payload reads fresh data.
func mutation(resolve graphql.FieldResolveFn) graphql.FieldResolveFn {
	return publicMutation(func(p graphql.ResolveParams) (any, error) {
		if _, err := domain.RequireUser(p.Context); err != nil {
			return nil, err
		}
		return resolve(p)
	})
}

// publicMutation wraps a mutation that a logged-out client may call: those
// that sign up, log in, verify an email or reset a password.
func publicMutation(resolve graphql.FieldResolveFn) graphql.FieldResolveFn {
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

// nilTime turns the zero time into null.
func nilTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// orNull turns NotFound into null, for a field that may have no value (a
// panel not yet formed, a motion not adopted).
func orNull[V any](v V, err error) (any, error) {
	if domain.ErrorCode(err) == domain.NotFound {
		return nil, nil
	}
	return v, err
}
