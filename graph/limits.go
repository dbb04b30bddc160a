package graph

import (
	"github.com/graphql-go/graphql/language/ast"

	"github.com/yishi-app/yishi/domain"
)

// Limits on a GraphQL document. The raw nesting limit is checked on the text
// before graphql-go parses it: its validation is super-linear in nesting
// depth, so a small deeply nested document could tie up a core.
const (
	MaxBodyBytes  = 64 << 10
	maxRawNesting = 48
	maxDepth      = 16
	maxFields     = 1000
	maxAliases    = 50
	maxCost       = 50000
	// Directives and variables are few in any real document, and some of
	// graphql-go's rules are super-linear in them: 2,000 @include in 60 KiB
	// took 6 s of a core before this limit (BenchmarkHostileDocuments).
	maxDirectives  = 50
	maxVariables   = 100
	defaultListLen = domain.DefaultPageSize
)

var errTooComplex = domain.Text{ZH: "查询过于复杂，请简化后再试", EN: "the query is too complex"}

// rawNesting returns the deepest nesting of {, ( and [ in a GraphQL
// document's text, ignoring strings and comments. It stops counting past
// limit.
func rawNesting(doc string, limit int) int {
	depth, deepest := 0, 0
	for i := 0; i < len(doc); i++ {
		switch c := doc[i]; c {
		case '#':
			for i < len(doc) && doc[i] != '\n' && doc[i] != '\r' {
				i++
			}
		case '"':
			if i+2 < len(doc) && doc[i+1] == '"' && doc[i+2] == '"' {
				i += 3
				for i < len(doc) && !(doc[i] == '"' && i+2 < len(doc) && doc[i+1] == '"' && doc[i+2] == '"') {
					if doc[i] == '\\' {
						i++
					}
					i++
				}
				i += 2
				continue
			}
			for i++; i < len(doc) && doc[i] != '"' && doc[i] != '\n'; i++ {
				if doc[i] == '\\' {
					i++
				}
			}
		case '{', '(', '[':
			depth++
			if depth > deepest {
				deepest = depth
				if deepest > limit {
					return deepest
				}
			}
		case '}', ')', ']':
			depth--
		}
	}
	return deepest
}

// docStats measures a parsed document: its deepest field nesting with
// fragments expanded, its fields and aliases as written, and its cost, where
// a field costs 1 times the page sizes of the lists above it.
type docStats struct {
	depth, fields, aliases, cost int
	directives, variables        int
}

func measure(doc *ast.Document, vars map[string]any) docStats {
	var st docStats
	frags := map[string]*ast.FragmentDefinition{}
	for _, d := range doc.Definitions {
		if f, ok := d.(*ast.FragmentDefinition); ok && f.Name != nil {
			frags[f.Name.Value] = f
		}
	}
	// Fields and aliases as written, once each.
	var count func(ss *ast.SelectionSet)
	count = func(ss *ast.SelectionSet) {
		if ss == nil {
			return
		}
		for _, s := range ss.Selections {
			switch s := s.(type) {
			case *ast.Field:
				st.fields++
				st.directives += len(s.Directives)
				if s.Alias != nil {
					st.aliases++
				}
				count(s.SelectionSet)
			case *ast.InlineFragment:
				st.directives += len(s.Directives)
				count(s.SelectionSet)
			case *ast.FragmentSpread:
				st.directives += len(s.Directives)
			}
		}
	}
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.OperationDefinition:
			st.directives += len(d.Directives)
			st.variables += len(d.VariableDefinitions)
			count(d.SelectionSet)
		case *ast.FragmentDefinition:
			st.directives += len(d.Directives)
			count(d.SelectionSet)
		}
	}
	// Depth and cost with fragments expanded; checkFragments has refused
	// cycles, and a fragment already on the path is not followed anyway.
	var walk func(ss *ast.SelectionSet, depth, mult int, path map[string]bool)
	walk = func(ss *ast.SelectionSet, depth, mult int, path map[string]bool) {
		if ss == nil || st.cost > maxCost || depth > maxDepth {
			return
		}

		for _, s := range ss.Selections {
			if st.cost > maxCost {
				return
			}
			switch s := s.(type) {
			case *ast.Field:
				d := depth + 1
				if d > st.depth {
					st.depth = d
				}
				st.cost += mult
				walk(s.SelectionSet, d, mult*listSize(s, vars), path)
			case *ast.InlineFragment:
				st.cost += mult
				walk(s.SelectionSet, depth, mult, path)
			case *ast.FragmentSpread:
				// Every visit of a spread costs, so spreads that expand to
				// nothing (undefined, cyclic, nested) cannot make the walk
				// exponential.
				st.cost += mult
				name := s.Name.Value
				f, ok := frags[name]
				if !ok || path[name] {
					continue
				}
				path[name] = true
				walk(f.SelectionSet, depth, mult, path)
				delete(path, name)
			}
		}
	}
	for _, d := range doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok {
			walk(op.SelectionSet, 0, 1, map[string]bool{})
		}
	}
	return st
}

// listSize is the multiplier a field applies to its children: its "first"
// argument when it has one, the default page size for a connection without
// it, else 1.
func listSize(f *ast.Field, vars map[string]any) int {
	for _, a := range f.Arguments {
		if a.Name == nil || a.Name.Value != "first" {
			continue
		}
		switch v := a.Value.(type) {
		case *ast.IntValue:
			n := 0
			for _, c := range v.Value {
				if c < '0' || c > '9' || n > 1000 {
					return defaultListLen
				}
				n = n*10 + int(c-'0')
			}
			return max(n, 1)
		case *ast.Variable:
			if n, ok := vars[v.Name.Value].(float64); ok && n >= 1 && n <= 1000 {
				return int(n)
			}
		}
		return defaultListLen
	}
	// A connection asked for without "first" gets the default page size.
	if f.SelectionSet != nil {
		for _, s := range f.SelectionSet.Selections {
			if c, ok := s.(*ast.Field); ok && c.Name != nil && (c.Name.Value == "edges" || c.Name.Value == "nodes") {
				return defaultListLen
			}
		}
	}
	return 1
}

// authMutations are the mutations that hash a password or send mail to an
// address someone typed: each costs the server (an argon2 hash) or a
// stranger (a mail), so a document may hold one at most.
var authMutations = map[string]bool{"register": true, "completeSignUp": true, "login": true, "requestPasswordReset": true, "resetPassword": true, "changePassword": true}

// authFields counts the auth mutations among an operation's root fields,
// aliases included, through fragments (checkFragments has refused cycles).
func authFields(doc *ast.Document, op *ast.OperationDefinition) int {
	if op.Operation != ast.OperationTypeMutation {
		return 0
	}
	frags := map[string]*ast.FragmentDefinition{}
	for _, d := range doc.Definitions {
		if f, ok := d.(*ast.FragmentDefinition); ok {
			frags[fragmentName(f.Name)] = f
		}
	}
	n := 0
	stack := []*ast.SelectionSet{op.SelectionSet}
	for len(stack) > 0 {
		ss := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ss == nil {
			continue
		}
		for _, s := range ss.Selections {
			switch s := s.(type) {
			case *ast.Field:
				if authMutations[fragmentName(s.Name)] {
					n++
				}
			case *ast.InlineFragment:
				stack = append(stack, s.SelectionSet)
			case *ast.FragmentSpread:
				if f := frags[fragmentName(s.Name)]; f != nil {
					stack = append(stack, f.SelectionSet)
				}
			}
		}
	}
	return n
}
