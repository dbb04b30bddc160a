package graph

import (
	"fmt"

	"github.com/graphql-go/graphql/language/ast"

	"github.com/yishi-app/yishi/domain"
)

// checkFragments refuses, before graphql-go validates a document, the
// fragment shapes that make its validation recurse without end: a fragment
// that spreads itself through any chain of spreads (graphql-go's
// overlapping-fields rule follows spreads without a visited set and
// overflows the stack, which kills the process), and, with them, spreads of
// undefined fragments, fragments defined twice and fragments never used, so
// that every later pass sees a finite, acyclic set of fragments. It walks
// selection sets iteratively, so it cannot overflow the stack itself.
//
// The graphql-go v0.8.1 rules that follow spreads, audited: NoFragmentCycles
// and everything built on RecursivelyReferencedFragments (NoUnusedFragments,
// NoUndefinedVariables, NoUnusedVariables) keep a visited set and end;
// OverlappingFieldsCanBeMerged follows spreads into spreads with no visited
// set and so recursed forever on a cycle. Acyclic, its work grows with the
// expanded document, which measure bounds by cost before validation (the
// doubling "fragment bomb" is refused there); the fuzz target watches the
// rest.
func checkFragments(doc *ast.Document) *domain.Text {
	defs := map[string]*ast.FragmentDefinition{}
	var ops []*ast.SelectionSet
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.OperationDefinition:
			ops = append(ops, d.SelectionSet)
		case *ast.FragmentDefinition:
			name := fragmentName(d.Name)
			if _, dup := defs[name]; dup {
				return &domain.Text{ZH: fmt.Sprintf("片段 %s 重复定义", name), EN: fmt.Sprintf("fragment %s is defined more than once", name)}
			}
			defs[name] = d
		}
	}
	spreads := map[string][]string{} // fragment → the fragments it spreads
	for name, d := range defs {
		spreads[name] = spreadsIn(d.SelectionSet)
	}
	used := map[string]bool{}
	var roots []string
	for _, ss := range ops {
		roots = append(roots, spreadsIn(ss)...)
	}
	for len(roots) > 0 {
		name := roots[len(roots)-1]
		roots = roots[:len(roots)-1]
		if _, ok := defs[name]; !ok {
			return &domain.Text{ZH: fmt.Sprintf("未定义的片段 %s", name), EN: fmt.Sprintf("unknown fragment %s", name)}
		}
		if !used[name] {
			used[name] = true
			roots = append(roots, spreads[name]...)
		}
	}
	for name := range defs {
		if !used[name] {
			return &domain.Text{ZH: fmt.Sprintf("片段 %s 未被使用", name), EN: fmt.Sprintf("fragment %s is never used", name)}
		}
		for _, s := range spreads[name] {
			if _, ok := defs[s]; !ok {
				return &domain.Text{ZH: fmt.Sprintf("未定义的片段 %s", s), EN: fmt.Sprintf("unknown fragment %s", s)}
			}
		}
	}
	if name, ok := fragmentCycle(spreads); ok {
		return &domain.Text{ZH: fmt.Sprintf("片段 %s 循环引用了自身", name), EN: fmt.Sprintf("fragment %s spreads itself", name)}
	}
	return nil
}

// spreadsIn lists the fragment spreads in a selection set, through fields
// and inline fragments at any depth.
func spreadsIn(root *ast.SelectionSet) []string {
	var out []string
	stack := []*ast.SelectionSet{root}
	for len(stack) > 0 {
		ss := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ss == nil {
			continue
		}
		for _, s := range ss.Selections {
			switch s := s.(type) {
			case *ast.Field:
				stack = append(stack, s.SelectionSet)
			case *ast.InlineFragment:
				stack = append(stack, s.SelectionSet)
			case *ast.FragmentSpread:
				out = append(out, fragmentName(s.Name))
			}
		}
	}
	return out
}

// fragmentCycle finds a fragment that reaches itself through spreads, by an
// iterative depth-first search (white, grey, black).
func fragmentCycle(spreads map[string][]string) (string, bool) {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[string]int{}
	type frame struct {
		name string
		next int
	}
	for start := range spreads {
		if state[start] != unseen {
			continue
		}
		state[start] = onPath
		stack := []frame{{name: start}}
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(spreads[top.name]) {
				state[top.name] = done
				stack = stack[:len(stack)-1]
				continue
			}
			child := spreads[top.name][top.next]
			top.next++
			switch state[child] {
			case onPath:
				return child, true
			case unseen:
				state[child] = onPath
				stack = append(stack, frame{name: child})
			}
		}
	}
	return "", false
}

func fragmentName(n *ast.Name) string {
	if n == nil {
		return ""
	}
	return n.Value
}
