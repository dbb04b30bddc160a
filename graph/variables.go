package graph

import (
	"math"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"

	"github.com/yishi-app/yishi/domain"
)

// checkVariables checks that each variable's JSON value has the shape of
// its declared type. graphql-go coerces any value to String with %v, so
// {"$gt": ""} would arrive as the text "map[$gt:]"; here an object where a
// string belongs is refused before anything runs.
func checkVariables(schema *graphql.Schema, op *ast.OperationDefinition, vars map[string]any) error {
	for _, def := range op.VariableDefinitions {
		if def.Variable == nil || def.Variable.Name == nil {
			continue
		}
		name := def.Variable.Name.Value
		v, given := vars[name]
		if !given || v == nil {
			continue // graphql-go reports missing non-null variables itself
		}
		t := typeFromAST(schema, def.Type)
		if t == nil {
			continue // unknown type: validation reports it
		}
		if !valueFits(t, v, 0) {
			return domain.InvalidText(name, domain.Text{
				ZH: "变量 $" + name + " 的值类型不正确",
				EN: "variable $" + name + " has a value of the wrong type",
			})
		}
	}
	return nil
}

func typeFromAST(schema *graphql.Schema, t ast.Type) graphql.Type {
	switch t := t.(type) {
	case *ast.NonNull:
		inner := typeFromAST(schema, t.Type)
		if inner == nil {
			return nil
		}
		return graphql.NewNonNull(inner)
	case *ast.List:
		inner := typeFromAST(schema, t.Type)
		if inner == nil {
			return nil
		}
		return graphql.NewList(inner)
	case *ast.Named:
		if t.Name == nil {
			return nil
		}
		return schema.Type(t.Name.Value)
	}
	return nil
}

// valueFits reports whether a decoded JSON value suits a GraphQL input type.
func valueFits(t graphql.Type, v any, depth int) bool {
	if depth > 20 {
		return false
	}
	switch t := t.(type) {
	case *graphql.NonNull:
		return v != nil && valueFits(t.OfType, v, depth+1)
	case *graphql.List:
		if v == nil {
			return true
		}
		l, ok := v.([]any)
		if !ok {
			return valueFits(t.OfType, v, depth+1) // a single value stands for a list of one
		}
		for _, x := range l {
			if !valueFits(t.OfType, x, depth+1) {
				return false
			}
		}
		return true
	case *graphql.InputObject:
		if v == nil {
			return true
		}
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		fields := t.Fields()
		for k, x := range m {
			f, known := fields[k]
			if !known || !valueFits(f.Type, x, depth+1) {
				return false
			}
		}
		return true
	case *graphql.Enum:
		_, ok := v.(string)
		return v == nil || ok
	case *graphql.Scalar:
		if v == nil {
			return true
		}
		switch t.Name() {
		case "Int":
			f, ok := v.(float64)
			return ok && f == math.Trunc(f) && f >= math.MinInt32 && f <= math.MaxInt32
		case "Float":
			_, ok := v.(float64)
			return ok
		case "Boolean":
			_, ok := v.(bool)
			return ok
		case "ID":
			switch v.(type) {
			case string, float64:
				return true
			}
			return false
		default: // String, DateTime and other text scalars
			_, ok := v.(string)
			return ok
		}
	}
	return true
}
