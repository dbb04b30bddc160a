package graph

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/ledger"
)

// recordPart is the public record (公信链): Community.record, its signed
// heads and its entries with their inclusion proofs, and consistency
// proofs between heads. All of it is public: anyone may read it logged
// out, as anyone may download the record's export.
var recordPart = part{
	types: func(b *builder) {
		b.buildRecord()
		t := typesOf[recordTypes](b)
		b.extend("DisclosureVersion", graphql.Fields{"recordEntry": {Type: t.entry,
			Description: "The version's entry in the community's public record, with its inclusion proof: null for a draft, or before it is recorded.",
			Resolve:     b.resolveVersionEntry}})
		b.extend("Community", graphql.Fields{"record": {
			Type:        nonNull(t.record),
			Description: "The community's public record (公信链): its signed heads and its entries with their proofs, for anyone, logged out too.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				c, err := source[community.Community](p)
				if err != nil {
					return nil, err
				}
				if b.svc.Record == nil {
					return nil, errNoRecord
				}
				return publicRecord{community: c}, nil
			},
		}})
	},
	queries: (*builder).recordQueries,
}

// errNoRecord is the server's fault: it was started without the record.
var errNoRecord = errors.New("public record: the server keeps no record service")

// recordTypes are the record part's types.
type recordTypes struct {
	record, head, entry, entryConn *graphql.Object
	entryType                      *graphql.Enum
}

// publicRecord is a community's record as PublicRecord sees it.
type publicRecord struct {
	community community.Community
}

// recordEntry is an entry as RecordEntry sees it, with the latest signed
// head when its page was read (nil before the first head).
type recordEntry struct {
	ledger.Entry
	head *ledger.Head
}

// signed reports whether the latest head covers the entry.
func (e recordEntry) signed() bool { return e.head != nil && e.Seq < e.head.Size }

// entryTypeNames describe the entry types; an enum value is the type in
// upper case.
var entryTypeNames = map[ledger.Type]string{
	ledger.Screening:         "议题审核决定 (a topic's screening decision)",
	ledger.Draw:              "抽签：种子与结果 (a sortition draw, its seed and result)",
	ledger.VoteResult:        "表决结果 (a motion's published result)",
	ledger.Resolution:        "决议 (a resolution adopted)",
	ledger.ResolutionClosed:  "决议办结 (a resolution closed, with its summary)",
	ledger.DisclosureVersion: "公开事项的版本 (a published disclosure version)",
	ledger.QuestionAnswer:    "质询答复 (an answer to a question on a disclosure)",
	ledger.Certificate:       "志愿服务证明 (a volunteer service certificate's totals)",
}

func (b *builder) buildRecord() {
	t := typesOf[recordTypes](b)
	values := graphql.EnumValueConfigMap{}
	for _, k := range ledger.Types {
		values[strings.ToUpper(string(k))] = &graphql.EnumValueConfig{Value: k, Description: entryTypeNames[k]}
	}
	t.entryType = graphql.NewEnum(graphql.EnumConfig{Name: "RecordEntryType", Description: "The kind of public fact a record entry holds.", Values: values})
	t.head = graphql.NewObject(graphql.ObjectConfig{
		Name:        "RecordHead",
		Description: "A signed tree head: the service's Ed25519 signature over the size and RFC 6962 root of the record's first entries.",
		Fields: graphql.Fields{
			"size": {Type: nonNull(graphql.Int), Description: "How many entries, from the first, the head covers.", Resolve: field(func(h ledger.Head) any { return h.Size })},
			"root": {Type: nonNull(graphql.String), Description: "The RFC 6962 Merkle root of those entries, in hex.", Resolve: field(func(h ledger.Head) any { return hex.EncodeToString(h.Root) })},
			"at":   {Type: nonNull(graphql.DateTime), Resolve: field(func(h ledger.Head) any { return h.At })},
			"signature": {Type: nonNull(graphql.String), Description: "The Ed25519 signature over message, in base64.",
				Resolve: field(func(h ledger.Head) any { return base64.StdEncoding.EncodeToString(h.Signature) })},
			"message": {Type: nonNull(graphql.String), Description: "The exact text the signature covers (UTF-8): yishi-record-head/v1, the community, the size, the root and the time, one a line.",
				Resolve: field(func(h ledger.Head) any { return string(h.Message()) })},
		},
	})
	t.entry = graphql.NewObject(graphql.ObjectConfig{
		Name:        "RecordEntry",
		Description: "One public fact of the record. Its leaf hash is SHA-256 of a 0x00 byte and the UTF-8 bytes of leaf.",
		Fields: graphql.Fields{
			"seq":  {Type: nonNull(graphql.Int), Description: "Its number, from 0, without gaps.", Resolve: field(func(e recordEntry) any { return e.Seq })},
			"type": {Type: nonNull(t.entryType), Resolve: field(func(e recordEntry) any { return e.Type })},
			"subject": {Type: nonNull(graphql.String), Description: "The global ID of what the fact is about.",
				Resolve: field(func(e recordEntry) any { return e.Subject })},
			"subjectType": {Type: graphql.String, Description: "The type the subject's global ID names (Topic, Draw, Motion, Resolution, …); null when it names none.",
				Resolve: field(func(e recordEntry) any {
					if typ, _, ok := decodeGlobalID(e.Subject); ok {
						return typ
					}
					return nil
				})},
			"payload": {Type: nonNull(graphql.String), Description: "The fact itself, as canonical JSON text.", Resolve: field(func(e recordEntry) any { return string(e.Payload) })},
			"at":      {Type: nonNull(graphql.DateTime), Resolve: field(func(e recordEntry) any { return e.At })},
			"role": {Type: nonNull(graphql.String), Description: "The role of whoever recorded it, such as committee; never a name.",
				Resolve: field(func(e recordEntry) any { return e.Role })},
			"leaf": {Type: nonNull(graphql.String), Description: "The exact canonical JSON text the leaf hash covers.",
				Resolve: field(func(e recordEntry) any { return string(e.Leaf()) })},
			"leafHash": {Type: nonNull(graphql.String), Description: "The stored RFC 6962 leaf hash, in hex.",
				Resolve: field(func(e recordEntry) any { return hex.EncodeToString(e.LeafHash) })},
			"signed": {Type: nonNull(graphql.Boolean), Description: "Whether the latest signed head covers the entry; a newer entry waits for the next day's head.",
				Resolve: field(func(e recordEntry) any { return e.signed() })},
			"inclusion": {
				Type:        listOf(graphql.String),
				Description: "The RFC 6962 audit path (hex) that folds the leaf hash up to the root of the tree of the first treeSize entries; by default the latest head's, and then empty for an entry it does not cover.",
				Args:        graphql.FieldConfigArgument{"treeSize": {Type: graphql.Int}},
				Resolve:     b.resolveInclusion,
			},
		},
	})
	t.entryConn = b.connection("RecordEntry", t.entry)
	t.record = graphql.NewObject(graphql.ObjectConfig{
		Name:        "PublicRecord",
		Description: "A community's public record (公信链): an append-only log of its public decisions, hashed into an RFC 6962 Merkle tree whose heads the service signs. Anyone may check it, offline too, with yishi record verify and the export.",
		Fields: graphql.Fields{
			"publicKey": {Type: graphql.String, Description: "The Ed25519 key that verifies the heads, in base64; null when the server signs none.",
				Resolve: func(graphql.ResolveParams) (any, error) {
					if k := b.svc.Record.PublicKey(); k != nil {
						return base64.StdEncoding.EncodeToString(k), nil
					}
					return nil, nil
				}},
			"exportUrl": {Type: nonNull(graphql.String), Description: "Where the whole record downloads as JSON lines, for yishi record verify (a path on this server).",
				Resolve: field(func(r publicRecord) any { return "/record/" + r.community.Code + ".jsonl" })},
			"size": {Type: nonNull(graphql.Int), Description: "How many entries the record holds.", Resolve: func(p graphql.ResolveParams) (any, error) {
				r, err := source[publicRecord](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Record.Size(p.Context, r.community.ID)
			}},
			"heads": {Type: listOf(t.head), Description: "The signed heads, smallest first.", Resolve: func(p graphql.ResolveParams) (any, error) {
				r, err := source[publicRecord](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Record.Heads(p.Context, r.community.ID)
			}},
			"latestHead": {Type: t.head, Description: "The largest signed head; null before the first.", Resolve: func(p graphql.ResolveParams) (any, error) {
				r, err := source[publicRecord](p)
				if err != nil {
					return nil, err
				}
				return orNull(b.svc.Record.LatestHead(p.Context, r.community.ID))
			}},
			"entries": {
				Type:        nonNull(t.entryConn),
				Description: "The entries in number order, or the newest first with newestFirst: true; a page costs three queries however many entries it holds.",
				Args:        pageArgs(graphql.FieldConfigArgument{"newestFirst": {Type: graphql.Boolean, DefaultValue: false}}),
				Resolve:     b.resolveRecordEntries,
			},
		},
	})
}

// resolveRecordEntries reads one page of a record's entries by their
// numbers: the size, the latest head and the page, a query each.
func (b *builder) resolveRecordEntries(p graphql.ResolveParams) (any, error) {
	r, err := source[publicRecord](p)
	if err != nil {
		return nil, err
	}
	page, err := pageFrom(p)
	if err != nil {
		return nil, err
	}
	after := int64(-1)
	if page.After != "" {
		if after, err = strconv.ParseInt(string(page.After), 10, 64); err != nil || after < 0 {
			return nil, domain.InvalidField("after", "分页游标无效", "invalid cursor")
		}
	}
	newest, _ := p.Args["newestFirst"].(bool)
	ctx, id := p.Context, r.community.ID
	size, err := b.svc.Record.Size(ctx, id)
	if err != nil {
		return nil, err
	}
	var head *ledger.Head
	switch h, err := b.svc.Record.LatestHead(ctx, id); {
	case err == nil:
		head = &h
	case domain.ErrorCode(err) != domain.NotFound:
		return nil, err
	}
	// The page is the numbers [from, end).
	from, end := after+1, min(after+1+int64(page.First), size)
	if newest {
		end = size
		if after >= 0 {
			end = min(after, size)
		}
		from = max(0, end-int64(page.First))
	}
	conn := connectionValue{TotalCount: int(size), Edges: []edgeValue{}}
	if from >= end {
		return conn, nil
	}
	entries, err := b.svc.Record.Entries(ctx, id, from, int(end-from))
	if err != nil {
		return nil, err
	}
	if newest {
		slices.Reverse(entries)
		conn.HasNext = from > 0
	} else {
		conn.HasNext = end < size
	}
	for _, e := range entries {
		conn.Edges = append(conn.Edges, edgeValue{Cursor: cursor(domain.ID(strconv.FormatInt(e.Seq, 10))), Node: recordEntry{Entry: e, head: head}})
	}
	return conn, nil
}

// resolveInclusion proves an entry's inclusion in the tree of treeSize
// entries, by default the latest head's.
func (b *builder) resolveInclusion(p graphql.ResolveParams) (any, error) {
	e, err := source[recordEntry](p)
	if err != nil {
		return nil, err
	}
	size, given := p.Args["treeSize"].(int)
	if !given {
		if !e.signed() {
			return []string{}, nil
		}
		size = int(e.head.Size)
	}
	path, err := b.svc.Record.InclusionProof(p.Context, e.Community, e.Seq, int64(size))
	if err != nil {
		return nil, asInputField(err, "seq", "treeSize")
	}
	return hexAll(path), nil
}

// hexAll returns hashes in hex.
func hexAll(hashes [][]byte) []string {
	out := make([]string, len(hashes))
	for i, h := range hashes {
		out[i] = hex.EncodeToString(h)
	}
	return out
}

func (b *builder) recordQueries(f graphql.Fields) {
	f["recordConsistency"] = &graphql.Field{
		Type:        listOf(graphql.String),
		Description: "The RFC 6962 consistency proof (hex) that the tree of a community's first `to` record entries extends the tree of its first `from`: that nothing earlier was changed or removed. Public.",
		Args: graphql.FieldConfigArgument{
			"communityId": {Type: nonNull(graphql.ID)},
			"from":        {Type: nonNull(graphql.Int)},
			"to":          {Type: nonNull(graphql.Int)},
		},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			id, err := argID(p, "communityId", "Community")
			if err != nil {
				return nil, err
			}
			c, err := b.svc.Communities.Community(p.Context, id)
			if err != nil {
				return nil, err
			}
			if b.svc.Record == nil {
				return nil, errNoRecord
			}
			from, _ := p.Args["from"].(int)
			to, _ := p.Args["to"].(int)
			path, err := b.svc.Record.ConsistencyProof(p.Context, c.ID, int64(from), int64(to))
			if err != nil {
				return nil, asInputField(asInputField(err, "size1", "from"), "treeSize", "to")
			}
			return hexAll(path), nil
		},
	}
}

// resolveVersionEntry finds a published disclosure version's entry in the
// record, with the latest signed head for its proof: two queries.
func (b *builder) resolveVersionEntry(p graphql.ResolveParams) (any, error) {
	v, err := source[disclosure.Version](p)
	if err != nil || v.State != disclosure.VersionPublished || b.svc.Record == nil {
		return nil, err
	}
	e, found, err := b.svc.Record.EntryAbout(p.Context, v.CommunityID, ledger.DisclosureVersion, domain.GlobalID("DisclosureVersion", v.ID))
	if err != nil || !found {
		return nil, err
	}
	out := recordEntry{Entry: e}
	if h, err := b.svc.Record.LatestHead(p.Context, v.CommunityID); err == nil {
		out.head = &h
	} else if domain.ErrorCode(err) != domain.NotFound {
		return nil, err
	}
	return out, nil
}
