package graph_test

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
)

// schemaExceptions are the deliberate exceptions to the API's conventions
// (README, "API"), each with its reason. A new field that breaks a
// convention fails TestSchemaConventions until it is fixed or listed here.
var schemaExceptions = map[string]string{
	// Payloads with only ok: there is no object to return.
	"LogoutPayload":                   "a logout leaves nothing to return",
	"RequestEmailVerificationPayload": "a mail is queued; nothing changes that the client reads",
	"RequestPasswordResetPayload":     "answers the same whether the email has an account",
	"ResetPasswordPayload":            "the client logs in afresh",
	"VerifyEmailPayload":              "the token's user may not be the viewer",
	"RegisterPayload":                 "answers the same whether the email has an account",
	"Viewer":                          "the logged-in user's own view: its id is the User's, and User is the Node",
}

// TestSchemaConventions walks schema.graphql and fails on a field or an
// argument that names an ID but is a String; a state, stage, kind, party or
// method that is a String; a mutation payload with only ok; and an object
// with an id that is no Node.
func TestSchemaConventions(t *testing.T) {
	raw, err := os.ReadFile("schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parser.Parse(parser.ParseParams{Source: string(raw)})
	if err != nil {
		t.Fatal(err)
	}
	named := func(ty ast.Type) string {
		for {
			switch x := ty.(type) {
			case *ast.NonNull:
				ty = x.Type
			case *ast.List:
				ty = x.Type
			case *ast.Named:
				return x.Name.Value
			default:
				return ""
			}
		}
	}
	isIDName := func(n string) bool {
		return n != "clientMutationId" && (n == "id" || strings.HasSuffix(n, "Id") || strings.HasSuffix(n, "Ids"))
	}
	enumish := map[string]bool{"state": true, "stage": true, "kind": true, "party": true, "ownerParty": true, "method": true}
	var found []string
	used := map[string]bool{}
	flag := func(key, why string) {
		if _, ok := schemaExceptions[key]; ok {
			used[key] = true
			return
		}
		found = append(found, key+": "+why)
	}
	checkField := func(typ, name string, ty ast.Type) {
		n := named(ty)
		if isIDName(name) && n == "String" {
			flag(typ+"."+name, "names an ID but is a String")
		}
		if enumish[name] && n == "String" {
			flag(typ+"."+name, "is a String; make it an enum")
		}
	}
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.ObjectDefinition:
			typ := d.Name.Value
			nonOK, hasID := 0, false
			for _, f := range d.Fields {
				name := f.Name.Value
				checkField(typ, name, f.Type)
				for _, a := range f.Arguments {
					if n := named(a.Type); isIDName(a.Name.Value) && n == "String" {
						flag(typ+"."+name+"("+a.Name.Value+")", "argument names an ID but is a String")
					}
				}
				if name == "id" {
					hasID = true
				}
				if name != "ok" && name != "clientMutationId" {
					nonOK++
				}
			}
			if strings.HasSuffix(typ, "Payload") && nonOK == 0 {
				flag(typ, "a mutation payload with only ok: return the changed object")
			}
			node := false
			for _, i := range d.Interfaces {
				node = node || i.Name.Value == "Node"
			}
			if hasID && !node {
				flag(typ, "has an id but is no Node")
			}
		case *ast.InputObjectDefinition:
			for _, f := range d.Fields {
				checkField(d.Name.Value, f.Name.Value, f.Type)
			}
		}
	}
	for key := range schemaExceptions {
		if !used[key] {
			found = append(found, key+": listed as an exception but breaks no convention: take it off the list")
		}
	}
	sort.Strings(found)
	for _, f := range found {
		t.Error(f)
	}
}
