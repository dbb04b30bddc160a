package ledger

import (
	"encoding/json"
	"regexp"
	"strconv"
	"time"

	"github.com/transparency-dev/merkle/rfc6962"

	"github.com/yishi-app/yishi/domain"
)

// Type is the kind of fact an entry records.
type Type string

// Types of entry.
const (
	Screening         Type = "screening"             // a topic's screening decision
	Draw              Type = "draw"                  // a sortition draw with its seed
	VoteResult        Type = "vote_result"           // a motion's tally
	Resolution        Type = "resolution"            // a resolution adopted
	ResolutionClosed  Type = "resolution_closed"     // a resolution closed
	DisclosureVersion Type = "disclosure_version"    // a published disclosure version
	QuestionAnswer    Type = "question_answer"       // an answer to a question on a disclosure
	Certificate       Type = "volunteer_certificate" // a volunteer service certificate's totals
)

// Types lists every entry type.
var Types = []Type{Screening, Draw, VoteResult, Resolution, ResolutionClosed, DisclosureVersion, QuestionAnswer, Certificate}

// Valid reports whether t is a known type.
func (t Type) Valid() bool {
	for _, k := range Types {
		if t == k {
			return true
		}
	}
	return false
}

// Entry is one public fact in a community's record.
type Entry struct {
	Community domain.ID
	Seq       int64 // from 0, without gaps
	Type      Type
	Subject   string    // the global ID of what the fact is about
	Payload   []byte    // canonical JSON (see Canonical)
	At        time.Time // UTC, millisecond precision
	Role      string    // the actor's role, never a name
	LeafHash  []byte    // RFC 6962 leaf hash of Leaf(), as stored
}

// TimeLayout is how the record writes times: RFC 3339 in UTC with exactly
// three decimals, e.g. 2024-05-01T08:30:00.000Z.
const TimeLayout = "2006-01-02T15:04:05.000Z07:00"

// Leaf returns the bytes the entry's leaf hash covers: the canonical JSON
// object of its fields, keys sorted, no whitespace, strings as encoding/json
// writes them without HTML escaping, the payload embedded as a JSON value:
//
//	{"at":"2024-05-01T08:30:00.000Z","community":"…","payload":{…},"role":"committee","seq":0,"subject":"…","type":"screening"}
//
// With a canonical payload it equals Canonical of that object.
func (e Entry) Leaf() []byte {
	b := make([]byte, 0, 160+len(e.Subject)+len(e.Payload))
	b = append(b, `{"at":`...)
	b = appendString(b, e.At.UTC().Format(TimeLayout))
	b = append(b, `,"community":`...)
	b = appendString(b, string(e.Community))
	b = append(b, `,"payload":`...)
	b = append(b, e.Payload...)
	b = append(b, `,"role":`...)
	b = appendString(b, e.Role)
	b = append(b, `,"seq":`...)
	b = strconv.AppendInt(b, e.Seq, 10)
	b = append(b, `,"subject":`...)
	b = appendString(b, e.Subject)
	b = append(b, `,"type":`...)
	b = appendString(b, string(e.Type))
	return append(b, '}')
}

// HashLeaf returns the RFC 6962 leaf hash of the entry's Leaf.
func (e Entry) HashLeaf() []byte {
	return rfc6962.DefaultHasher.HashLeaf(e.Leaf())
}

// appendString appends s as a JSON string, as Canonical writes it.
func appendString(b []byte, s string) []byte {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	q, _ := marshal(s) // a string always encodes
	return append(b, q...)
}

// Bounds of an entry's fields.
const (
	maxSubject = 200
	maxPayload = 256 << 10
)

var roleRE = regexp.MustCompile(`^[a-z][a-z_]{0,63}$`)

// prepare checks e as the fact to append to community's record, fills in
// the community, the time (now when e has none) and the canonical payload
// (an empty payload is {}), and clears what the append decides (Seq,
// LeafHash). Errors: Invalid.
func prepare(community domain.ID, e Entry, now time.Time) (Entry, error) {
	if err := checkCommunity(community); err != nil {
		return Entry{}, err
	}
	switch {
	case e.Community != "" && e.Community != community:
		return Entry{}, domain.InvalidField("community", "记录不属于该社区", "the entry belongs to another community")
	case !e.Type.Valid():
		return Entry{}, domain.InvalidField("type", "未知的记录类型", "unknown entry type %q", e.Type)
	case e.Subject == "" || len(e.Subject) > maxSubject:
		return Entry{}, domain.InvalidField("subject", "记录须指明对象", "an entry needs a subject of at most %d bytes", maxSubject)
	case !roleRE.MatchString(e.Role):
		return Entry{}, domain.InvalidField("role", "记录须写明角色（不是姓名）", "an entry's role must be a role name such as committee, not a person's name")
	case len(e.Payload) > maxPayload:
		return Entry{}, domain.InvalidField("payload", "记录内容过长", "the payload is longer than %d bytes", maxPayload)
	}
	payload := []byte("{}")
	if len(e.Payload) > 0 {
		p, err := Canonical(json.RawMessage(e.Payload))
		if err != nil {
			return Entry{}, domain.InvalidField("payload", "记录内容不是有效的 JSON", "the payload is not valid JSON")
		}
		payload = p
	}
	at := e.At
	if at.IsZero() {
		at = now
	}
	if y := at.UTC().Year(); y < 1 || y > 9999 {
		return Entry{}, domain.InvalidField("at", "时间无效", "the time must be within the years 1 to 9999")
	}
	return Entry{
		Community: community, Type: e.Type, Subject: e.Subject, Payload: payload,
		At: at.UTC().Truncate(time.Millisecond), Role: e.Role,
	}, nil
}

// sealed returns e numbered seq, with its leaf hash.
func sealed(e Entry, seq int64) Entry {
	e.Seq = seq
	e.LeafHash = e.HashLeaf()
	return e
}
