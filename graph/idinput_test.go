package graph_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"

	"github.com/yishi-app/yishi/domain"
)

// idInputTypes names the Node type each ID input field takes, where the
// field's name alone does not say it (topicId takes a Topic ID).
var idInputTypes = map[string]string{
	"into": "Topic", "onBehalfOf": "Member", "parentId": "Comment", "requestId": "CommunityRequest",
	"ownerMemberId": "Member", "speakerMemberId": "Member", "gridIds": "Grid", "topicIds": "Topic",
	"versionId": "DisclosureVersion", "questionId": "DisclosureQuestion", "link": "Topic",
	"occurrenceId": "NeedOccurrence", "claimId": "VolunteerClaim", "teamId": "VolunteerTeam", "leaderIds": "User",
	"volunteerIds": "User", "forMemberId": "Member",
	"captainId": "User", "routeId": "PatrolRoute", "positionId": "PatrolPosition", "reportId": "PatrolReport", "caseId": "MediationCase",
}

// idTypeOf is the Node type an ID input field takes.
func idTypeOf(field string) string {
	if t, ok := idInputTypes[field]; ok {
		return t
	}
	base := strings.TrimSuffix(field, "Id")
	return strings.ToUpper(base[:1]) + base[1:]
}

// inputSchema is what TestIDInputsReportTheirField reads of schema.graphql.
type inputSchema struct {
	inputs map[string]*ast.InputObjectDefinition
	enums  map[string]*ast.EnumDefinition
}

func readInputSchema(t *testing.T) (inputSchema, *ast.ObjectDefinition) {
	raw, err := os.ReadFile("schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parser.Parse(parser.ParseParams{Source: string(raw)})
	if err != nil {
		t.Fatal(err)
	}
	s := inputSchema{inputs: map[string]*ast.InputObjectDefinition{}, enums: map[string]*ast.EnumDefinition{}}
	var mutation *ast.ObjectDefinition
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.InputObjectDefinition:
			s.inputs[d.Name.Value] = d
		case *ast.EnumDefinition:
			s.enums[d.Name.Value] = d
		case *ast.ObjectDefinition:
			if d.Name.Value == "Mutation" {
				mutation = d
			}
		}
	}
	return s, mutation
}

// value is a valid value of a type, for the fields not under test: a
// well-formed global ID of the right type for IDs, so that only the field
// under test is bad.
func (s inputSchema) value(ty ast.Type, field string) any {
	switch x := ty.(type) {
	case *ast.NonNull:
		return s.value(x.Type, field)
	case *ast.List:
		return []any{s.value(x.Type, field)}
	case *ast.Named:
		switch n := x.Name.Value; {
		case n == "ID" && idTypeOf(field) == "Member":
			return gid("Member", domain.NewID()+"/"+domain.NewID())
		case n == "ID":
			return gid(idTypeOf(field), domain.NewID())
		case n == "String":
			return "测试"
		case n == "Int":
			return 1
		case n == "Float":
			return 1.0
		case n == "Boolean":
			return false
		case n == "DateTime":
			return time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
		case s.enums[n] != nil:
			return s.enums[n].Values[0].Name.Value
		case s.inputs[n] != nil:
			return s.object(s.inputs[n], "", nil)
		}
	}
	panic(fmt.Sprintf("no value for %T", ty))
}

// object is a valid input object, with bad in field under (if any).
func (s inputSchema) object(d *ast.InputObjectDefinition, under string, bad any) map[string]any {
	out := map[string]any{}
	for _, f := range d.Fields {
		name := f.Name.Value
		switch {
		case name == under:
			out[name] = bad
		case isNonNull(f.Type):
			out[name] = s.value(f.Type, name)
		}
	}
	return out
}

func isNonNull(ty ast.Type) bool { _, ok := ty.(*ast.NonNull); return ok }

func namedOf(ty ast.Type) (name string, list bool) {
	for {
		switch x := ty.(type) {
		case *ast.NonNull:
			ty = x.Type
		case *ast.List:
			ty, list = x.Type, true
		case *ast.Named:
			return x.Name.Value, list
		}
	}
}

// TestIDInputsReportTheirField sends a bad value to every ID input field of
// every mutation (one at a time, all else valid): a malformed ID and a
// well-formed ID of another type are refused with NOT_FOUND, an empty one
// where the field is required with BAD_USER_INPUT ("请选择…"), each with
// extensions.field naming the input field the client sent; in a list of
// input objects, the list's field.
func TestIDInputsReportTheirField(t *testing.T) {
	e := newEnv(t)
	token, _ := e.register(t, "ids@example.com", "测试")
	s, mutation := readInputSchema(t)
	tried := 0
	for _, m := range mutation.Fields {
		if len(m.Arguments) != 1 || m.Arguments[0].Name.Value != "input" {
			t.Errorf("%s takes no single input argument", m.Name.Value)
			continue
		}
		inName, _ := namedOf(m.Arguments[0].Type)
		in := s.inputs[inName]
		type target struct {
			field, report  string
			list, required bool
			nested         *ast.InputObjectDefinition
			nestedField    string
		}
		var targets []target
		for _, f := range in.Fields {
			n, list := namedOf(f.Type)
			if n == "ID" {
				targets = append(targets, target{field: f.Name.Value, report: f.Name.Value, list: list, required: isNonNull(f.Type)})
			}
			if nested := s.inputs[n]; nested != nil {
				for _, nf := range nested.Fields {
					if nn, _ := namedOf(nf.Type); nn == "ID" {
						targets = append(targets, target{field: f.Name.Value, report: f.Name.Value, list: list, nested: nested, nestedField: nf.Name.Value})
					}
				}
			}
		}
		for _, tg := range targets {
			bads := []string{"bogus", gid("Nope", domain.NewID())}
			if tg.nested == nil && (tg.list || tg.required) {
				bads = append(bads, "") // an empty ID is absent only where the field is optional
			}
			for _, bad := range bads {
				var v any = bad
				if tg.nested != nil {
					v = s.object(tg.nested, tg.nestedField, bad)
				}
				if tg.list {
					v = []any{v}
				}
				input := s.object(in, tg.field, v)
				q := fmt.Sprintf("mutation($in: %s!) { %s(input: $in) { __typename } }", inName, m.Name.Value)
				r := e.do(t, call{query: q, vars: map[string]any{"in": input}, token: token})
				tried++
				field, _ := firstField(r)
				want := "NOT_FOUND"
				if bad == "" {
					want = "BAD_USER_INPUT" // nothing was chosen
				}
				if bad == "" && (len(r.Errors) == 0 || !strings.HasPrefix(r.Errors[0].Message, "请选择") || strings.Contains(r.Errors[0].Message, "%")) {
					t.Errorf("%s with an empty %s: %v, want 请选择…", m.Name.Value, tg.field, r.Errors)
				}
				if r.code() != want || field != tg.report {
					t.Errorf("%s with %s = %q: code %q, field %q; want %s under %q (errors %v)", m.Name.Value, tg.field+"/"+tg.nestedField, bad, r.code(), field, want, tg.report, r.Errors)
				}
			}
		}
	}
	if tried < 50 {
		t.Errorf("tried %d bad IDs; the schema walk found too few ID inputs", tried)
	}
	t.Logf("%d bad IDs refused under their fields", tried)
}

func firstField(r response) (string, bool) {
	if len(r.Errors) == 0 {
		return "", false
	}
	f, ok := r.Errors[0].Extensions["field"].(string)
	return f, ok
}

// publicMutations are the mutations a logged-out client may call.
var publicMutations = map[string]bool{
	"register": true, "completeSignUp": true, "login": true, "verifyEmail": true, "requestPasswordReset": true, "resetPassword": true,
	// Anyone's online read of a published disclosure counts, as the
	// disclosure area intends; a draft is NOT_FOUND, as to any outsider.
	"countDisclosureRead": true,
	// Anyone may have the server check a published attachment.
	"checkDisclosureAttachment": true,
}

// TestLoggedOutMutations: logged out, every mutation but the few that log
// in or sign up answers UNAUTHENTICATED, whatever its IDs name (real or
// not): no answer tells a stranger whether a record exists.
func TestLoggedOutMutations(t *testing.T) {
	e := newEnv(t)
	s, mutation := readInputSchema(t)
	var refused []string
	for _, m := range mutation.Fields {
		inName, _ := namedOf(m.Arguments[0].Type)
		q := fmt.Sprintf("mutation($in: %s!) { %s(input: $in) { __typename } }", inName, m.Name.Value)
		r := e.do(t, call{query: q, vars: map[string]any{"in": s.object(s.inputs[inName], "", nil)}})
		if r.code() == "UNAUTHENTICATED" {
			refused = append(refused, m.Name.Value)
		} else if !publicMutations[m.Name.Value] {
			t.Errorf("%s logged out: %q %v, want UNAUTHENTICATED", m.Name.Value, r.code(), r.Errors)
		}
	}
	t.Logf("%d of %d mutations refused logged out", len(refused), len(mutation.Fields))
}
