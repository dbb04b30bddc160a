package ledger

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
)

func TestCanonical(t *testing.T) {
	type pair struct {
		Z int    `json:"z"`
		A string `json:"a"`
	}
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"SortsKeys", map[string]any{"b": 1, "a": 2, "c": map[string]int{"y": 1, "x": 2}}, `{"a":2,"b":1,"c":{"x":2,"y":1}}`},
		{"SortsStructFields", pair{Z: 1, A: "x"}, `{"a":"x","z":1}`},
		{"RawJSON", json.RawMessage(" { \"b\" : [ 1 , 2.50 ], \"a\" : null } "), `{"a":null,"b":[1,2.50]}`},
		{"KeepsBigIntegers", json.RawMessage(`{"n":12345678901234567890}`), `{"n":12345678901234567890}`},
		{"NoHTMLEscaping", map[string]string{"t": "<a> & 议事"}, `{"t":"<a> & 议事"}`},
		{"Nested", []any{map[string]any{"b": []any{map[string]int{"d": 1, "c": 2}}, "a": true}}, `[{"a":true,"b":[{"c":2,"d":1}]}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Canonical(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			again, err := Canonical(json.RawMessage(got))
			if err != nil || string(again) != string(got) {
				t.Errorf("canonical of canonical: got %s, %v; want it unchanged", again, err)
			}
		})
	}
}

func TestCanonicalStable(t *testing.T) {
	v := map[string]any{}
	for _, k := range []string{"k", "a", "q", "b", "z", "m", "c"} {
		v[k] = map[string]any{"y": k, "x": []int{1, 2}}
	}
	first, err := Canonical(v)
	if err != nil {
		t.Fatal(err)
	}
	for range 50 { // map order varies from run to run; the bytes must not
		got, _ := Canonical(v)
		if string(got) != string(first) {
			t.Fatalf("got %s, then %s", first, got)
		}
	}
}

func TestCanonicalRejects(t *testing.T) {
	for name, v := range map[string]any{
		"NaN":     math.NaN(),
		"Inf":     map[string]float64{"x": math.Inf(1)},
		"Chan":    make(chan int),
		"BadJSON": json.RawMessage(`{"a":`),
	} {
		t.Run(name, func(t *testing.T) {
			if got, err := Canonical(v); err == nil {
				t.Errorf("got %s, want an error", got)
			}
		})
	}
}

// TestLeafIsCanonical checks that the leaf Entry.Leaf writes by hand is
// Canonical of the entry's object, for plain and escaped strings.
func TestLeafIsCanonical(t *testing.T) {
	for _, subject := range []string{"VG9waWM6MQ", "引号\"与\\反斜杠\n<&>\u2028\x01"} {
		e := Entry{
			Community: domain.NewID(), Seq: 42, Type: VoteResult, Subject: subject,
			Payload: []byte(`{"against":3,"for":12}`), At: time.Date(2024, 5, 1, 8, 30, 0, 120e6, time.UTC), Role: "committee",
		}
		want, err := Canonical(map[string]any{
			"seq": e.Seq, "type": e.Type, "subject": e.Subject, "payload": json.RawMessage(e.Payload),
			"at": "2024-05-01T08:30:00.120Z", "role": e.Role, "community": e.Community,
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Leaf(); string(got) != string(want) {
			t.Errorf("leaf\n got %s\nwant %s", got, want)
		}
	}
}
