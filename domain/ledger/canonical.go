package ledger

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Canonical returns v as canonical JSON: v is marshalled, decoded again
// with numbers kept as written (json.Number), and marshalled once more, so
// object keys come out sorted at every depth, there is no insignificant
// whitespace and HTML characters are not escaped. The same value always
// gives the same bytes. Numbers keep the text encoding/json first wrote
// for them (so 1 and 1.0 differ, as do the values they came from). It
// rejects what JSON cannot hold: non-finite numbers (NaN, ±Inf), channels,
// functions and cycles.
func Canonical(v any) ([]byte, error) {
	first, err := marshal(v)
	if err != nil {
		return nil, fmt.Errorf("canonical json: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(first))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, fmt.Errorf("canonical json: %w", err)
	}
	out, err := marshal(tree)
	if err != nil {
		return nil, fmt.Errorf("canonical json: %w", err)
	}
	return out, nil
}

// marshal is json.Marshal without HTML escaping.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
