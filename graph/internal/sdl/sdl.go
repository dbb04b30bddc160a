// Package sdl prints a graphql-go schema as GraphQL SDL, so the schema can
// be checked in and diffed.
package sdl

import (
	"encoding/json"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/graphql-go/graphql"
)

// Print returns the schema in GraphQL SDL, types sorted by name, so the
// printed schema can be checked in and diffed.
//
// The output follows graphql-js printSchema: a schema block only when the root
// types are not named Query, Mutation and Subscription, then custom directives
// and every named type except the built-in scalars and the introspection
// types, separated by one blank line and ended by one newline. graphql-go
// keeps fields, arguments and enum values in Go maps, so they are sorted by
// name; interfaces and union members keep their declaration order.
//
// Default values are printed as GraphQL literals (enum defaults by the name of
// the enum value whose Value equals the Go default). A default that has no
// literal form, such as an enum default matching no value or a NaN Float, is
// left out rather than printed wrong.
func Print(s graphql.Schema) string {
	var blocks []string
	if def := sdlPrintSchemaDefinition(&s); def != "" {
		blocks = append(blocks, def)
	}

	var directives []*graphql.Directive
	for _, d := range s.Directives() {
		if d != nil && !sdlSpecifiedDirectives[d.Name] {
			directives = append(directives, d)
		}
	}
	sort.SliceStable(directives, func(i, j int) bool { return directives[i].Name < directives[j].Name })
	for _, d := range directives {
		blocks = append(blocks, sdlPrintDirective(d))
	}

	typeMap := s.TypeMap()
	names := make([]string, 0, len(typeMap))
	for name, t := range typeMap {
		if t == nil || strings.HasPrefix(name, "__") || sdlBuiltinScalars[name] {
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if block := sdlPrintNamedType(typeMap[name]); block != "" {
			blocks = append(blocks, block)
		}
	}

	if len(blocks) == 0 {
		return ""
	}
	return strings.Join(blocks, "\n\n") + "\n"
}

// sdlBuiltinScalars are the scalars every GraphQL implementation provides; they
// are not printed.
var sdlBuiltinScalars = map[string]bool{
	"String":  true,
	"Int":     true,
	"Float":   true,
	"Boolean": true,
	"ID":      true,
}

// sdlSpecifiedDirectives are the directives defined by the GraphQL spec; they are
// not printed.
var sdlSpecifiedDirectives = map[string]bool{
	"include":     true,
	"skip":        true,
	"deprecated":  true,
	"specifiedBy": true,
}

func sdlPrintSchemaDefinition(s *graphql.Schema) string {
	type root struct {
		op, common string
		t          *graphql.Object
	}
	roots := []root{
		{"query", "Query", s.QueryType()},
		{"mutation", "Mutation", s.MutationType()},
		{"subscription", "Subscription", s.SubscriptionType()},
	}
	common := true
	for _, r := range roots {
		if r.t != nil && r.t.Name() != r.common {
			common = false
		}
	}
	if common {
		return ""
	}
	var b strings.Builder
	b.WriteString("schema {\n")
	for _, r := range roots {
		if r.t != nil {
			b.WriteString("  " + r.op + ": " + r.t.Name() + "\n")
		}
	}
	b.WriteString("}")
	return b.String()
}

func sdlPrintDirective(d *graphql.Directive) string {
	var b strings.Builder
	sdlWriteDescription(&b, d.Description, "", true)
	b.WriteString("directive @" + d.Name)
	b.WriteString(sdlPrintArgs(sdlSortedArgs(d.Args), ""))
	if len(d.Locations) > 0 {
		b.WriteString(" on " + strings.Join(d.Locations, " | "))
	}
	return b.String()
}

func sdlPrintNamedType(t graphql.Type) string {
	var b strings.Builder
	sdlWriteDescription(&b, t.Description(), "", true)
	switch t := t.(type) {
	case *graphql.Scalar:
		b.WriteString("scalar " + t.Name())
	case *graphql.Object:
		b.WriteString("type " + t.Name())
		if ifaces := t.Interfaces(); len(ifaces) > 0 {
			names := make([]string, 0, len(ifaces))
			for _, i := range ifaces {
				names = append(names, i.Name())
			}
			b.WriteString(" implements " + strings.Join(names, " & "))
		}
		sdlWriteFields(&b, t.Fields())
	case *graphql.Interface:
		b.WriteString("interface " + t.Name())
		sdlWriteFields(&b, t.Fields())
	case *graphql.Union:
		b.WriteString("union " + t.Name())
		if members := t.Types(); len(members) > 0 {
			names := make([]string, 0, len(members))
			for _, m := range members {
				names = append(names, m.Name())
			}
			b.WriteString(" = " + strings.Join(names, " | "))
		}
	case *graphql.Enum:
		b.WriteString("enum " + t.Name())
		values := append([]*graphql.EnumValueDefinition(nil), t.Values()...)
		sort.SliceStable(values, func(i, j int) bool { return values[i].Name < values[j].Name })
		if len(values) > 0 {
			b.WriteString(" {\n")
			for i, v := range values {
				sdlWriteDescription(&b, v.Description, "  ", i == 0)
				b.WriteString("  " + v.Name + sdlPrintDeprecated(v.DeprecationReason) + "\n")
			}
			b.WriteString("}")
		}
	case *graphql.InputObject:
		b.WriteString("input " + t.Name())
		fields := t.Fields()
		names := sdlSortedKeys(fields)
		if len(names) > 0 {
			b.WriteString(" {\n")
			for i, name := range names {
				f := fields[name]
				sdlWriteDescription(&b, f.PrivateDescription, "  ", i == 0)
				b.WriteString("  " + sdlPrintInputValue(name, f.Type, f.DefaultValue) + "\n")
			}
			b.WriteString("}")
		}
	default:
		return ""
	}
	return b.String()
}

// sdlWriteFields writes the field block of an object or interface type.
func sdlWriteFields(b *strings.Builder, fields graphql.FieldDefinitionMap) {
	names := sdlSortedKeys(fields)
	if len(names) == 0 {
		return
	}
	b.WriteString(" {\n")
	for i, name := range names {
		f := fields[name]
		sdlWriteDescription(b, f.Description, "  ", i == 0)
		b.WriteString("  " + name + sdlPrintArgs(sdlSortedArgs(f.Args), "  ") + ": " +
			sdlPrintTypeRef(f.Type) + sdlPrintDeprecated(f.DeprecationReason) + "\n")
	}
	b.WriteString("}")
}

// sdlPrintArgs prints an argument list on one line, or one argument per line
// when any argument has a description (as graphql-js does).
func sdlPrintArgs(args []*graphql.Argument, indent string) string {
	if len(args) == 0 {
		return ""
	}
	described := false
	for _, a := range args {
		if a.PrivateDescription != "" {
			described = true
		}
	}
	if !described {
		parts := make([]string, 0, len(args))
		for _, a := range args {
			parts = append(parts, sdlPrintInputValue(a.PrivateName, a.Type, a.DefaultValue))
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	var b strings.Builder
	b.WriteString("(\n")
	for i, a := range args {
		sdlWriteDescription(&b, a.PrivateDescription, indent+"  ", i == 0)
		b.WriteString(indent + "  " + sdlPrintInputValue(a.PrivateName, a.Type, a.DefaultValue) + "\n")
	}
	b.WriteString(indent + ")")
	return b.String()
}

func sdlPrintInputValue(name string, t graphql.Input, def interface{}) string {
	s := name + ": " + sdlPrintTypeRef(t)
	// graphql-go cannot tell "no default" from a null default; a nil
	// DefaultValue (typed or not) means none.
	if !sdlIsNil(def) {
		if lit, ok := sdlValueLiteral(def, t); ok {
			s += " = " + lit
		}
	}
	return s
}

func sdlPrintDeprecated(reason string) string {
	switch reason {
	case "":
		return ""
	case graphql.DefaultDeprecationReason:
		return " @deprecated"
	default:
		return " @deprecated(reason: " + sdlQuoteString(reason) + ")"
	}
}

func sdlPrintTypeRef(t graphql.Type) string {
	switch t := t.(type) {
	case *graphql.NonNull:
		return sdlPrintTypeRef(t.OfType) + "!"
	case *graphql.List:
		return "[" + sdlPrintTypeRef(t.OfType) + "]"
	case nil:
		return ""
	default:
		return t.Name()
	}
}

func sdlSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sdlSortedArgs(args []*graphql.Argument) []*graphql.Argument {
	out := make([]*graphql.Argument, 0, len(args))
	for _, a := range args {
		if a != nil {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].PrivateName < out[j].PrivateName })
	return out
}

// Descriptions.

// sdlWriteDescription writes desc, if any, on its own line(s) at indent. Like
// graphql-js, a described entry that is not first in its block is preceded by
// a blank line.
func sdlWriteDescription(b *strings.Builder, desc, indent string, first bool) {
	if desc == "" {
		return
	}
	if indent != "" && !first {
		b.WriteString("\n")
	}
	b.WriteString(indent + sdlDescriptionLiteral(desc, indent) + "\n")
}

// sdlDescriptionLiteral returns desc as a block string, with continuation lines
// indented by indent, or as a quoted string when a block string would not
// read back as exactly desc (block strings strip common indentation and
// leading/trailing blank lines, and normalise line endings).
func sdlDescriptionLiteral(desc, indent string) string {
	for _, r := range desc {
		if r < 0x20 && r != '\t' && r != '\n' {
			return sdlQuoteString(desc)
		}
	}
	singleLine := !strings.Contains(desc, "\n")
	leadingSpace := desc[0] == ' ' || desc[0] == '\t'
	last := desc[len(desc)-1]
	multi := !singleLine || last == '"' || last == '\\'

	var raw strings.Builder
	if multi && !(singleLine && leadingSpace) {
		raw.WriteString("\n")
	}
	for i, line := range strings.Split(desc, "\n") {
		if i > 0 {
			raw.WriteString("\n")
		}
		if line != "" && (i > 0 || raw.Len() > 0) {
			raw.WriteString(indent)
		}
		raw.WriteString(line)
	}
	if multi {
		raw.WriteString("\n" + indent)
	}
	if sdlBlockStringValue(raw.String()) != desc {
		return sdlQuoteString(desc)
	}
	return `"""` + strings.ReplaceAll(raw.String(), `"""`, `\"""`) + `"""`
}

var sdlLineTerminators = regexp.MustCompile("\r\n|[\n\r]")

// sdlBlockStringValue is the GraphQL spec's BlockStringValue(), as the
// graphql-go lexer implements it; used to check that a printed block string
// reads back unchanged.
func sdlBlockStringValue(raw string) string {
	lines := sdlLineTerminators.Split(raw, -1)
	leading := func(s string) int {
		n := 0
		for n < len(s) && (s[n] == ' ' || s[n] == '\t') {
			n++
		}
		return n
	}
	common := -1
	for _, line := range lines[1:] {
		n := leading(line)
		if n < len(line) && (common == -1 || n < common) {
			common = n
			if common == 0 {
				break
			}
		}
	}
	if common > 0 {
		for i, line := range lines {
			if common <= len(line) {
				lines[i] = line[common:]
			}
		}
	}
	for len(lines) > 0 && leading(lines[0]) == len(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && leading(lines[len(lines)-1]) == len(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// Values.

// sdlQuoteString returns s as a GraphQL string literal, escaped as JSON escapes
// strings (without HTML escaping). Invalid UTF-8 becomes U+FFFD.
func sdlQuoteString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				b.WriteString(`\u00`)
				b.WriteByte("0123456789abcdef"[r>>4])
				b.WriteByte("0123456789abcdef"[r&0xf])
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

var (
	sdlIntegerString = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)$`)
	sdlGraphqlName   = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]*$`)
)

// sdlValueLiteral prints the Go value v, of GraphQL input type t, as a GraphQL
// literal, the way graphql-js astFromValue does. It reports false when v has
// no literal form for t.
func sdlValueLiteral(v interface{}, t graphql.Type) (string, bool) {
	if nn, ok := t.(*graphql.NonNull); ok {
		if sdlIsNil(v) {
			return "", false
		}
		return sdlValueLiteral(v, nn.OfType)
	}
	if sdlIsNil(v) {
		return "null", true
	}
	rv := sdlIndirect(reflect.ValueOf(v))
	switch t := t.(type) {
	case *graphql.List:
		if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
			// A single value is coerced to a list of one.
			return sdlValueLiteral(v, t.OfType)
		}
		items := make([]string, 0, rv.Len())
		for i := 0; i < rv.Len(); i++ {
			item, ok := sdlValueLiteral(rv.Index(i).Interface(), t.OfType)
			if !ok {
				return "", false
			}
			items = append(items, item)
		}
		return "[" + strings.Join(items, ", ") + "]", true
	case *graphql.InputObject:
		m, ok := sdlStringMap(rv)
		if !ok {
			return "", false
		}
		fields := t.Fields()
		parts := []string{}
		for _, name := range sdlSortedKeys(fields) {
			fv, present := m[name]
			if !present {
				continue
			}
			lit, ok := sdlValueLiteral(fv, fields[name].Type)
			if !ok {
				return "", false
			}
			parts = append(parts, name+": "+lit)
		}
		return "{" + strings.Join(parts, ", ") + "}", true
	case *graphql.Enum:
		want := rv.Interface()
		for _, ev := range t.Values() {
			if reflect.DeepEqual(ev.Value, want) || reflect.DeepEqual(ev.Value, v) {
				return ev.Name, true
			}
		}
		return "", false
	case *graphql.Scalar:
		serialized := t.Serialize(v)
		if serialized == nil {
			if sdlBuiltinScalars[t.Name()] {
				return "", false
			}
			serialized = v
		}
		if t.Name() == "ID" {
			if s, ok := sdlIndirectValue(serialized).(string); ok && sdlIntegerString.MatchString(s) {
				return s, true
			}
		}
		return sdlPlainLiteral(serialized)
	default:
		return "", false
	}
}

// sdlPlainLiteral prints a serialized scalar value: booleans, numbers, strings,
// lists and string-keyed maps; anything else through its JSON encoding.
func sdlPlainLiteral(v interface{}) (string, bool) {
	if sdlIsNil(v) {
		return "null", true
	}
	rv := sdlIndirect(reflect.ValueOf(v))
	switch rv.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(rv.Uint(), 10), true
	case reflect.Float32, reflect.Float64:
		return sdlFormatFloat(rv.Float())
	case reflect.String:
		return sdlQuoteString(rv.String()), true
	case reflect.Slice, reflect.Array:
		items := make([]string, 0, rv.Len())
		for i := 0; i < rv.Len(); i++ {
			item, ok := sdlPlainLiteral(rv.Index(i).Interface())
			if !ok {
				return "", false
			}
			items = append(items, item)
		}
		return "[" + strings.Join(items, ", ") + "]", true
	case reflect.Map:
		m, ok := sdlStringMap(rv)
		if !ok {
			return "", false
		}
		parts := make([]string, 0, len(m))
		for _, k := range sdlSortedKeys(m) {
			if !sdlGraphqlName.MatchString(k) {
				return "", false
			}
			lit, ok := sdlPlainLiteral(m[k])
			if !ok {
				return "", false
			}
			parts = append(parts, k+": "+lit)
		}
		return "{" + strings.Join(parts, ", ") + "}", true
	case reflect.Struct:
		g, ok := sdlViaJSON(rv.Interface())
		if !ok {
			return "", false
		}
		return sdlPlainLiteral(g)
	default:
		return "", false
	}
}

// sdlFormatFloat prints f the way JavaScript's String(number) does, which is
// what graphql-js prints: integral values without a fraction, exponent form
// outside [1e-7, 1e21).
func sdlFormatFloat(f float64) (string, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", false
	}
	if f == 0 {
		return "0", true
	}
	if abs := math.Abs(f); abs >= 1e-7 && abs < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64), true
	}
	return strconv.FormatFloat(f, 'e', -1, 64), true
}

// sdlStringMap returns the entries of a map with string keys, or of a struct
// through its JSON encoding.
func sdlStringMap(rv reflect.Value) (map[string]interface{}, bool) {
	switch rv.Kind() {
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return nil, false
		}
		m := make(map[string]interface{}, rv.Len())
		iter := rv.MapRange()
		for iter.Next() {
			m[iter.Key().String()] = iter.Value().Interface()
		}
		return m, true
	case reflect.Struct:
		g, ok := sdlViaJSON(rv.Interface())
		if !ok {
			return nil, false
		}
		m, ok := g.(map[string]interface{})
		return m, ok
	default:
		return nil, false
	}
}

func sdlViaJSON(v interface{}) (interface{}, bool) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, false
	}
	var g interface{}
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, false
	}
	return g, true
}

func sdlIsNil(v interface{}) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Ptr, reflect.Interface, reflect.Map, reflect.Slice:
		return rv.IsNil()
	}
	return false
}

// sdlIndirect follows pointers and interfaces to the value they hold.
func sdlIndirect(rv reflect.Value) reflect.Value {
	for (rv.Kind() == reflect.Ptr || rv.Kind() == reflect.Interface) && !rv.IsNil() {
		rv = rv.Elem()
	}
	return rv
}

func sdlIndirectValue(v interface{}) interface{} {
	if v == nil {
		return nil
	}
	return sdlIndirect(reflect.ValueOf(v)).Interface()
}
