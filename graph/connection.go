package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
)

// connectionValue is a page of a list as the Relay connection types see it.
type connectionValue struct {
	Edges      []edgeValue
	HasNext    bool
	TotalCount int
}

type edgeValue struct {
	Cursor string
	Node   any
}

// toConnection turns a domain list into a connection; key gives each item's
// paging key.
func toConnection[T any](l domain.List[T], key func(T) domain.ID) connectionValue {
	c := connectionValue{HasNext: l.HasNextPage, TotalCount: l.TotalCount, Edges: make([]edgeValue, len(l.Items))}
	for i, it := range l.Items {
		c.Edges[i] = edgeValue{Cursor: cursor(key(it)), Node: it}
	}
	return c
}

// connection builds the NameConnection and NameEdge types for node.
func (b *builder) connection(name string, node *graphql.Object) *graphql.Object {
	edge := graphql.NewObject(graphql.ObjectConfig{Name: name + "Edge", Fields: graphql.Fields{
		"cursor": {Type: nonNull(graphql.String), Resolve: field(func(e edgeValue) any { return e.Cursor })},
		"node":   {Type: nonNull(node), Resolve: field(func(e edgeValue) any { return e.Node })},
	}})
	return graphql.NewObject(graphql.ObjectConfig{Name: name + "Connection", Fields: graphql.Fields{
		"edges": {Type: listOf(edge), Resolve: field(func(c connectionValue) any { return c.Edges })},
		"nodes": {Type: listOf(node), Resolve: field(func(c connectionValue) any {
			nodes := make([]any, len(c.Edges))
			for i, e := range c.Edges {
				nodes[i] = e.Node
			}
			return nodes
		})},
		"pageInfo": {Type: nonNull(b.pageInfo), Resolve: field(func(c connectionValue) any {
			info := map[string]any{"hasNextPage": c.HasNext}
			if n := len(c.Edges); n > 0 {
				info["endCursor"] = c.Edges[n-1].Cursor
			}
			return info
		})},
		"totalCount": {Type: nonNull(graphql.Int), Resolve: field(func(c connectionValue) any { return c.TotalCount })},
	}})
}

// pageArgs are the arguments of every connection field.
func pageArgs(extra graphql.FieldConfigArgument) graphql.FieldConfigArgument {
	args := graphql.FieldConfigArgument{
		"first": {Type: graphql.Int, DefaultValue: domain.DefaultPageSize, Description: "How many items, 1 to 100."},
		"after": {Type: graphql.String, Description: "The endCursor of the previous page."},
	}
	for k, v := range extra {
		args[k] = v
	}
	return args
}

// pageFrom reads first and after.
func pageFrom(p graphql.ResolveParams) (domain.Page, error) {
	page := domain.Page{First: domain.DefaultPageSize}
	if v, ok := p.Args["first"].(int); ok {
		page.First = v
	}
	after, _ := p.Args["after"].(string)
	id, err := fromCursor(after)
	if err != nil {
		return page, err
	}
	page.After = id
	return page, page.Validate()
}
