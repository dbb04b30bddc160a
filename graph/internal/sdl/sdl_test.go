package sdl

import (
	"fmt"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
)

// sdlTestSchema builds a small schema exercising every kind of type; the root
// types are named queryName and mutationName.
func sdlTestSchema(t *testing.T, queryName, mutationName string) graphql.Schema {
	t.Helper()

	resolveNil := func(graphql.ResolveParams) (interface{}, error) { return nil, nil }

	date := graphql.NewScalar(graphql.ScalarConfig{
		Name:         "Date",
		Description:  "A calendar date, YYYY-MM-DD.",
		Serialize:    func(v interface{}) interface{} { return v },
		ParseValue:   func(v interface{}) interface{} { return v },
		ParseLiteral: func(ast.Value) interface{} { return nil },
	})

	status := graphql.NewEnum(graphql.EnumConfig{
		Name:        "Status",
		Description: "Where a post is in its life.",
		Values: graphql.EnumValueConfigMap{
			"DRAFT":    {Value: 0, Description: "Not yet visible."},
			"ACTIVE":   {Value: 1},
			"ARCHIVED": {Value: 2, DeprecationReason: "Use HIDDEN."},
			"HIDDEN":   {Value: 3},
			"OLD":      {Value: 4, DeprecationReason: graphql.DefaultDeprecationReason},
		},
	})

	node := graphql.NewInterface(graphql.InterfaceConfig{
		Name:        "Node",
		Description: "An object with a global ID.\n\nIDs are opaque.",
		Fields: graphql.Fields{
			"id": {Type: graphql.NewNonNull(graphql.ID)},
		},
		ResolveType: func(graphql.ResolveTypeParams) *graphql.Object { return nil },
	})

	post := graphql.NewObject(graphql.ObjectConfig{
		Name:       "Post",
		Interfaces: []*graphql.Interface{node},
		Fields: graphql.Fields{
			"id": {Type: graphql.NewNonNull(graphql.ID), Resolve: resolveNil},
			"title": {
				Type: graphql.NewNonNull(graphql.String),
				Args: graphql.FieldConfigArgument{
					"upper":    {Type: graphql.Boolean, DefaultValue: false},
					"maxChars": {Type: graphql.Int},
				},
				Resolve: resolveNil,
			},
			"headline": {
				Type:              graphql.String,
				DeprecationReason: `Use "title".`,
				Resolve:           resolveNil,
			},
			"status":    {Type: graphql.NewNonNull(status), Resolve: resolveNil},
			"tags":      {Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(graphql.String))), Resolve: resolveNil},
			"published": {Type: date, Description: "When it went live.", Resolve: resolveNil},
			"score":     {Type: graphql.Float, Description: "Ranking score.", Resolve: resolveNil},
		},
	})

	user := graphql.NewObject(graphql.ObjectConfig{
		Name:        "User",
		Description: "Somebody with an account.",
		Interfaces:  []*graphql.Interface{node},
		Fields: graphql.Fields{
			"id":   {Type: graphql.NewNonNull(graphql.ID), Resolve: resolveNil},
			"name": {Type: graphql.String, DeprecationReason: graphql.DefaultDeprecationReason, Resolve: resolveNil},
			"posts": {
				Type:        graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(post))),
				Description: "Posts written by the user, newest first.",
				Args: graphql.FieldConfigArgument{
					"first":  {Type: graphql.Int, DefaultValue: 10, Description: "Page size."},
					"status": {Type: status, DefaultValue: 1},
					"after":  {Type: graphql.String},
				},
				Resolve: resolveNil,
			},
		},
	})

	searchResult := graphql.NewUnion(graphql.UnionConfig{
		Name:        "SearchResult",
		Types:       []*graphql.Object{post, user},
		ResolveType: func(graphql.ResolveTypeParams) *graphql.Object { return nil },
	})

	filter := graphql.NewInputObject(graphql.InputObjectConfig{
		Name:        "PostFilter",
		Description: "Narrows a search.",
		Fields: graphql.InputObjectConfigFieldMap{
			"tags":     {Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(graphql.String))), Description: "All of these tags."},
			"status":   {Type: status, DefaultValue: 0},
			"minScore": {Type: graphql.Float, DefaultValue: 1.5},
			"text":     {Type: graphql.String, DefaultValue: "say \"hi\"\n"},
			"since":    {Type: date, DefaultValue: "2024-01-31"},
		},
	})

	query := graphql.NewObject(graphql.ObjectConfig{
		Name: queryName,
		Fields: graphql.Fields{
			"node": {
				Type:    node,
				Args:    graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(graphql.ID)}},
				Resolve: resolveNil,
			},
			"search": {
				Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(searchResult))),
				Args: graphql.FieldConfigArgument{
					"filter": {Type: graphql.NewNonNull(filter)},
					"limit":  {Type: graphql.Int, DefaultValue: 20},
				},
				Resolve: resolveNil,
			},
			"posts": {
				Type: graphql.NewList(post),
				Args: graphql.FieldConfigArgument{
					"statuses": {Type: graphql.NewList(graphql.NewNonNull(status)), DefaultValue: []interface{}{1, 0}},
					"filter": {Type: filter, DefaultValue: map[string]interface{}{
						"tags":     []string{"go", "graphql"},
						"status":   3,
						"minScore": 2.0,
					}},
				},
				Resolve: resolveNil,
			},
		},
	})

	mutation := graphql.NewObject(graphql.ObjectConfig{
		Name: mutationName,
		Fields: graphql.Fields{
			"archivePost": {
				Type:    post,
				Args:    graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(graphql.ID)}},
				Resolve: resolveNil,
			},
		},
	})

	s, err := graphql.NewSchema(graphql.SchemaConfig{
		Query:    query,
		Mutation: mutation,
		Types:    []graphql.Type{user, post},
	})
	if err != nil {
		t.Fatalf("NewSchema: %v", err)
	}
	return s
}

// Expected SDL of each type of sdlTestSchema, without trailing newline.
const (
	sdlWantDate = `"""A calendar date, YYYY-MM-DD."""
scalar Date`

	sdlWantNode = `"""
An object with a global ID.

IDs are opaque.
"""
interface Node {
  id: ID!
}`

	sdlWantPost = `type Post implements Node {
  headline: String @deprecated(reason: "Use \"title\".")
  id: ID!

  """When it went live."""
  published: Date

  """Ranking score."""
  score: Float
  status: Status!
  tags: [String!]!
  title(maxChars: Int, upper: Boolean = false): String!
}`

	sdlWantPostFilter = `"""Narrows a search."""
input PostFilter {
  minScore: Float = 1.5
  since: Date = "2024-01-31"
  status: Status = DRAFT

  """All of these tags."""
  tags: [String!]!
  text: String = "say \"hi\"\n"
}`

	sdlWantSearchResult = `union SearchResult = Post | User`

	sdlWantStatus = `"""Where a post is in its life."""
enum Status {
  ACTIVE
  ARCHIVED @deprecated(reason: "Use HIDDEN.")

  """Not yet visible."""
  DRAFT
  HIDDEN
  OLD @deprecated
}`

	sdlWantUser = `"""Somebody with an account."""
type User implements Node {
  id: ID!
  name: String @deprecated

  """Posts written by the user, newest first."""
  posts(
    after: String

    """Page size."""
    first: Int = 10
    status: Status = ACTIVE
  ): [Post!]!
}`
)

// sdlWantMutation is the expected SDL of the mutation root named name.
func sdlWantMutation(name string) string {
	return `type ` + name + ` {
  archivePost(id: ID!): Post
}`
}

// sdlWantQuery is the expected SDL of the query root named name.
func sdlWantQuery(name string) string {
	return `type ` + name + ` {
  node(id: ID!): Node
  posts(filter: PostFilter = {minScore: 2, status: HIDDEN, tags: ["go", "graphql"]}, statuses: [Status!] = [ACTIVE, DRAFT]): [Post]
  search(filter: PostFilter!, limit: Int = 20): [SearchResult!]!
}`
}

func TestPrint(t *testing.T) {
	tests := []struct {
		name            string
		query, mutation string
		want            []string // blocks, separated by one blank line
	}{
		{
			name:  "conventional root names, no schema block",
			query: "Query", mutation: "Mutation",
			want: []string{
				sdlWantDate,
				sdlWantMutation("Mutation"),
				sdlWantNode,
				sdlWantPost,
				sdlWantPostFilter,
				sdlWantQuery("Query"),
				sdlWantSearchResult,
				sdlWantStatus,
				sdlWantUser,
			},
		},
		{
			name:  "custom root names, schema block",
			query: "RootQuery", mutation: "RootMutation",
			want: []string{
				"schema {\n  query: RootQuery\n  mutation: RootMutation\n}",
				sdlWantDate,
				sdlWantNode,
				sdlWantPost,
				sdlWantPostFilter,
				sdlWantMutation("RootMutation"),
				sdlWantQuery("RootQuery"),
				sdlWantSearchResult,
				sdlWantStatus,
				sdlWantUser,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.Join(tt.want, "\n\n") + "\n"
			got := Print(sdlTestSchema(t, tt.query, tt.mutation))
			if got != want {
				t.Errorf("PrintSchema mismatch\n--- got ---\n%s--- want ---\n%s", got, want)
			}
		})
	}
}

// TestPrintSchemaDeterministicAndParses checks that printing is stable
// across runs (graphql-go keeps fields, arguments and enum values in Go maps)
// and that the output is valid SDL.
func TestPrintSchemaDeterministicAndParses(t *testing.T) {
	for _, roots := range [][2]string{{"Query", "Mutation"}, {"RootQuery", "RootMutation"}} {
		first := Print(sdlTestSchema(t, roots[0], roots[1]))
		for i := 0; i < 20; i++ {
			// A fresh schema each time, so map iteration order differs.
			if got := Print(sdlTestSchema(t, roots[0], roots[1])); got != first {
				t.Fatalf("print %d differs from the first:\n%s\n--- first ---\n%s", i, got, first)
			}
		}
		doc, err := parser.Parse(parser.ParseParams{Source: first})
		if err != nil {
			t.Fatalf("printed schema does not parse: %v\n%s", err, first)
		}
		if n := len(doc.Definitions); n < 9 {
			t.Errorf("parsed %d definitions, want at least 9", n)
		}
	}
}

// TestPrintSchemaDescriptionsRoundTrip checks that awkward descriptions, on
// types, fields and (more deeply indented) arguments, parse back unchanged:
// block strings strip common indentation and blank edge lines, so the
// printer must fall back to quoted strings where that would lose text.
func TestPrintSchemaDescriptionsRoundTrip(t *testing.T) {
	descriptions := []string{
		"plain",
		`ends with a quote "`,
		`ends with a backslash \`,
		"  leading spaces",
		`  leading spaces and a quote "`,
		"two\nlines",
		"  indented\n  both lines",
		"first\n  second indented",
		"\n\nleading blank lines",
		"trailing blank lines\n\n",
		"inner\n\nblank line",
		"whitespace-only\n \nline",
		`contains """ triple quotes`,
		`contains \""" escaped triple quotes`,
		"crlf\r\nline end",
		"tab\tand control \x01 char",
		"unicode: 社区 🎉",
		" ",
	}
	fields := graphql.Fields{}
	for i, d := range descriptions {
		fields[fmt.Sprintf("f%02d", i)] = &graphql.Field{
			Type:        graphql.String,
			Description: d,
			Args: graphql.FieldConfigArgument{
				"a": {Type: graphql.Int, Description: d},
				"b": {Type: graphql.Int},
			},
		}
	}
	query := graphql.NewObject(graphql.ObjectConfig{
		Name:        "Query",
		Description: descriptions[len(descriptions)-1],
		Fields:      fields,
	})
	s, err := graphql.NewSchema(graphql.SchemaConfig{Query: query})
	if err != nil {
		t.Fatalf("NewSchema: %v", err)
	}
	printed := Print(s)
	doc, err := parser.Parse(parser.ParseParams{Source: printed})
	if err != nil {
		t.Fatalf("printed schema does not parse: %v\n%s", err, printed)
	}
	var def *ast.ObjectDefinition
	for _, d := range doc.Definitions {
		if o, ok := d.(*ast.ObjectDefinition); ok && o.Name.Value == "Query" {
			def = o
		}
	}
	if def == nil {
		t.Fatalf("no type Query in\n%s", printed)
	}
	descOf := func(v *ast.StringValue) string {
		if v == nil {
			return ""
		}
		return v.Value
	}
	if got, want := descOf(def.Description), query.Description(); got != want {
		t.Errorf("type description = %q, want %q", got, want)
	}
	if len(def.Fields) != len(descriptions) {
		t.Fatalf("parsed %d fields, want %d\n%s", len(def.Fields), len(descriptions), printed)
	}
	for i, f := range def.Fields {
		want := descriptions[i]
		if got := descOf(f.Description); got != want {
			t.Errorf("field %s description = %q, want %q", f.Name.Value, got, want)
		}
		if got := descOf(f.Arguments[0].Description); got != want {
			t.Errorf("field %s argument a description = %q, want %q", f.Name.Value, got, want)
		}
	}
	if t.Failed() {
		t.Logf("printed:\n%s", printed)
	}
}
