package graph

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
)

// Mutation inputs are named structs, one per input type, with a toDomain()
// where the domain takes a struct. Their ID fields are domain.ID (or a
// slice of them, or a memberRef) tagged with the type their global IDs
// name, id:"Topic", beside the json tag that names the input field:
//
//	type castVoteInput struct {
//		MotionID domain.ID           `json:"motionId" id:"Motion"`
//		Choice   deliberation.Choice `json:"choice"`
//	}
//
// readInput decodes them all, so a resolver never sees a global ID, and a
// bad one is reported under the input field the client sent.

// memberRef is a person in a community, as a Member ID names them.
type memberRef struct{ Community, User domain.ID }

var (
	idType        = reflect.TypeFor[domain.ID]()
	idSliceType   = reflect.TypeFor[[]domain.ID]()
	memberRefType = reflect.TypeFor[memberRef]()
)

// readInput decodes a mutation's "input" argument into T.
func readInput[T any](p graphql.ResolveParams) (T, error) {
	var in T
	err := decodeInput(p, &in)
	return in, err
}

// decodeInput copies the "input" argument into dst, a pointer to a struct,
// through its JSON form (graphql-go has already checked the types), then
// turns the global IDs of its id-tagged fields into local IDs. An ID that is
// malformed or names another type is NOT_FOUND under the input field's
// name; an empty optional ID stays empty.
func decodeInput(p graphql.ResolveParams, dst any) error {
	raw, err := json.Marshal(p.Args["input"])
	if err != nil {
		return fmt.Errorf("encode input: %w", err)
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("decode input: %w", err)
	}
	v := reflect.ValueOf(dst).Elem()
	if v.Kind() != reflect.Struct {
		return nil
	}
	return decodeIDs(v, "", requiredFields(p))
}

// requiredFields are the non-null fields of the mutation's input type: an
// empty ID there is as bad as a malformed one.
func requiredFields(p graphql.ResolveParams) map[string]bool {
	out := map[string]bool{}
	parent, ok := p.Info.ParentType.(*graphql.Object)
	if !ok || parent.Fields()[p.Info.FieldName] == nil {
		return out
	}
	for _, a := range parent.Fields()[p.Info.FieldName].Args {
		if a.Name() != "input" {
			continue
		}
		t := a.Type
		if nn, ok := t.(*graphql.NonNull); ok {
			t = nn.OfType
		}
		if in, ok := t.(*graphql.InputObject); ok {
			for name, f := range in.Fields() {
				_, out[name] = f.Type.(*graphql.NonNull)
			}
		}
	}
	return out
}

// decodeIDs decodes the id-tagged fields of struct v; inside a list of
// input objects, errors name the list's field (under).
func decodeIDs(v reflect.Value, under string, required map[string]bool) error {
	t := v.Type()
	for i := range t.NumField() {
		sf, fv := t.Field(i), v.Field(i)
		name := under
		if name == "" {
			name, _, _ = strings.Cut(sf.Tag.Get("json"), ",")
		}
		typ, tagged := sf.Tag.Lookup("id")
		switch {
		case tagged && sf.Type == idType:
			if fv.String() == "" && under == "" && required[name] {
				return choose(typ, name)
			}
			if err := decodeID(fv, typ, name); err != nil {
				return err
			}
		case tagged && sf.Type == idSliceType:
			for j := range fv.Len() {
				if fv.Index(j).String() == "" {
					return choose(typ, name)
				}
				if err := decodeID(fv.Index(j), typ, name); err != nil {
					return err
				}
			}
		case tagged && sf.Type == memberRefType:
			// json filled Community with the global ID (memberRef's
			// UnmarshalJSON); split it.
			if fv.FieldByName("Community").String() == "" && under == "" && required[name] {
				return choose("Member", name)
			}
			if err := decodeMember(fv, name); err != nil {
				return err
			}
		case sf.Anonymous && sf.Type.Kind() == reflect.Struct:
			// Fields shared by several inputs, embedded: JSON flattens them.
			if err := decodeIDs(fv, under, required); err != nil {
				return err
			}
		case tagged:
			panic(fmt.Sprintf("graph: field %s tagged id has type %s", sf.Name, sf.Type))
		case sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.Struct:
			for j := range fv.Len() {
				if err := decodeIDs(fv.Index(j), name, nil); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// choose is the error of a required ID left empty: nothing was chosen.
func choose(typ, field string) error {
	return domain.InvalidText(field, domain.Text{ZH: "请选择" + recordNames[typ], EN: "choose a " + strings.ToLower(typ)})
}

// decodeID replaces the global ID in v, of type typ, by its local ID.
func decodeID(v reflect.Value, typ, field string) error {
	gid := v.String()
	if gid == "" {
		return nil
	}
	id, err := localID(typ, gid)
	if err != nil {
		return inField(err, field)
	}
	v.SetString(string(id))
	return nil
}

func decodeMember(v reflect.Value, field string) error {
	gid := v.FieldByName("Community").String()
	if gid == "" {
		return nil
	}
	id, err := localID("Member", gid)
	if err != nil {
		return inField(err, field)
	}
	cid, uid, ok := splitMemberID(id)
	if !ok {
		return inField(notFound("Member"), field)
	}
	v.Set(reflect.ValueOf(memberRef{Community: cid, User: uid}))
	return nil
}

// UnmarshalJSON reads a Member ID as JSON has it; decodeInput splits it.
func (m *memberRef) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	m.Community = domain.ID(s)
	return nil
}

// inField reports a domain error under an input field.
func inField(err error, field string) error {
	if e, ok := domain.AsError(err); ok && field != "" {
		c := *e
		c.Field = field
		return &c
	}
	return err
}

// argID decodes a global ID argument of a query (not an input object).
func argID(p graphql.ResolveParams, name, typ string) (domain.ID, error) {
	gid, _ := p.Args[name].(string)
	id, err := localID(typ, gid)
	return id, inField(err, name)
}
