package graph

import (
	"context"
	"reflect"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
)

// A nodeKind is one Node type: its object, the Go type of its values, and
// how node(id:) fetches one by local ID (the fetch checks the viewer).
// Public kinds (streets, communities, grids, published disclosures with
// their versions and questions) may be read logged out; of the others, a
// logged-out client is told UNAUTHENTICATED whether or not the record
// exists, and a viewer who may not see one NOT_FOUND.
type nodeKind struct {
	object *graphql.Object
	value  reflect.Type
	fetch  func(context.Context, domain.ID) (any, error)
	public bool
}

// nodeOf makes the Node kind of object, whose values are T.
func nodeOf[T any](object *graphql.Object, fetch func(context.Context, domain.ID) (T, error)) nodeKind {
	return nodeKind{object: object, value: reflect.TypeFor[T](), fetch: func(ctx context.Context, id domain.ID) (any, error) {
		v, err := fetch(ctx, id)
		if err != nil {
			return nil, err
		}
		return v, nil
	}}
}

// publicNode makes the Node kind of a public object, which anyone may read.
func publicNode[T any](object *graphql.Object, fetch func(context.Context, domain.ID) (T, error)) nodeKind {
	k := nodeOf(object, fetch)
	k.public = true
	return k
}

// addNodes registers a part's Node kinds.
func (b *builder) addNodes(kinds ...nodeKind) {
	for _, k := range kinds {
		b.nodes[k.object.Name()] = k
	}
}

func (b *builder) buildNode() {
	b.node = graphql.NewInterface(graphql.InterfaceConfig{
		Name:        "Node",
		Description: "An object with an opaque global ID.",
		Fields:      graphql.Fields{"id": {Type: nonNull(graphql.ID)}},
		ResolveType: func(p graphql.ResolveTypeParams) *graphql.Object {
			t := reflect.TypeOf(p.Value)
			for _, k := range b.nodes {
				if k.value == t {
					return k.object
				}
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
		Description: "Fetches any object by its global ID. Streets, communities, grids and published disclosures (with their versions and questions) are public; other records are UNAUTHENTICATED when logged out (whether or not they exist) and NOT_FOUND to a viewer who may not see them.",
		Args:        graphql.FieldConfigArgument{"id": {Type: nonNull(graphql.ID)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			gid, _ := p.Args["id"].(string)
			typ, id, ok := decodeGlobalID(gid)
			if !ok {
				return nil, notFound("")
			}
			k, ok := b.nodes[typ]
			if !ok {
				return nil, notFound("")
			}
			if !k.public {
				if _, err := domain.RequireUser(p.Context); err != nil {
					return nil, err
				}
			}
			return k.fetch(p.Context, id)
		},
	}
}
