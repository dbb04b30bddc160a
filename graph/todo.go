package graph

import (
	"maps"
	"slices"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// To-dos ("待我处理"): each part that has some adds its source (addTodos);
// Community.todos lists them all for the viewer, and the home page shows
// that list, so a new area's to-dos need no change here or there.

// todoItem is a to-do with the community it is in.
type todoItem struct {
	domain.Todo
	communityID domain.ID
	label       domain.Text
}

// addTodos registers an area's to-do source.
func (b *builder) addTodos(src domain.TodoSource) {
	b.todoSources = append(b.todoSources, src)
}

// buildTodos builds the Todo type over the registered sources and adds
// Community.todos; NewSchema calls it after every part's types.
func (b *builder) buildTodos() {
	labels := map[string]domain.Text{}
	for _, src := range b.todoSources {
		maps.Copy(labels, src.TodoKinds())
	}
	values := graphql.EnumValueConfigMap{}
	for _, k := range slices.Sorted(maps.Keys(labels)) {
		values[enumName(k)] = &graphql.EnumValueConfig{Value: k, Description: labels[k].ZH + " (" + labels[k].EN + ")"}
	}
	if len(values) == 0 {
		values["NONE"] = &graphql.EnumValueConfig{Value: "", Description: "No area lists to-dos."}
	}
	kind := graphql.NewEnum(graphql.EnumConfig{Name: "TodoKind", Values: values})
	todo := graphql.NewObject(graphql.ObjectConfig{Name: "Todo", Description: "Something waiting for the viewer: an invitation to answer, a vote, a topic to screen.",
		Fields: graphql.Fields{
			"kind": {Type: nonNull(kind), Resolve: field(func(t todoItem) any { return t.Kind })},
			"label": {Type: nonNull(graphql.String), Description: "What to do, for people.", Resolve: func(p graphql.ResolveParams) (any, error) {
				t, err := source[todoItem](p)
				return t.label.In(domain.LangFromContext(p.Context)), err
			}},
			"subject": {Type: nonNull(b.node), Description: "The record to open.", Resolve: field(func(t todoItem) any { return t.Subject })},
			"due":     {Type: graphql.DateTime, Resolve: field(func(t todoItem) any { return nilTime(t.Due) })},
			"forMember": {Type: b.member, Description: "The assisted resident a grid worker acts for on the record; null when it is the viewer's own.",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					t, err := source[todoItem](p)
					if err != nil || t.For == "" {
						return nil, err
					}
					return orNull(b.svc.Communities.Member(p.Context, t.communityID, t.For))
				}},
		}})
	b.extend("Community", graphql.Fields{"todos": {
		Type:        listOf(todo),
		Description: "What waits for the viewer in this community (待我处理), the soonest due first; for its members.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			c, err := source[community.Community](p)
			if err != nil {
				return nil, err
			}
			out := []todoItem{}
			for _, src := range b.todoSources {
				todos, err := src.Todos(p.Context, c.ID)
				if err != nil {
					return nil, err
				}
				for _, t := range todos {
					out = append(out, todoItem{Todo: t, communityID: c.ID, label: labels[t.Kind]})
				}
			}
			slices.SortStableFunc(out, func(a, b todoItem) int {
				switch {
				case a.Due.IsZero() != b.Due.IsZero():
					if a.Due.IsZero() {
						return 1
					}
					return -1
				}
				return a.Due.Compare(b.Due)
			})
			return out, nil
		},
	}})
}
