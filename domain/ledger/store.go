package ledger

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Collections owned by this area.
const (
	entriesColl = "record_entries" // _id is community/seq: one entry per number
	headsColl   = "record_heads"   // _id is community/size: one head per size
)

// Both collections' _id is the community's ID, a slash and the number in 19
// decimal digits, so that _id order is number order and a community's
// documents are one _id range. Queries select and sort by that range: the
// embedded store answers a range and a sort on a string field from its
// index, with SQL's LIMIT, where a sort on the number would decode every
// document of the community (seq and size stay in the documents for
// MongoDB's unique indexes and for reading).

// Indexes returns the indexes this area needs. The unique (community, seq)
// index is the append's invariant: of concurrent inserts at one number,
// exactly one wins (the _id, community/seq, says the same, so the
// invariant holds even before the index exists).
func Indexes() []db.Index {
	return []db.Index{
		{Collection: entriesColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "seq", Value: 1}}, Unique: true},
		{Collection: headsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "size", Value: 1}}, Unique: true},
		// what is recorded of a kind, for AppendOnce and Recorded
		{Collection: entriesColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "type", Value: 1}, {Key: "subject", Value: 1}}},
	}
}

type entryDoc struct {
	ID        string    `bson:"_id"`
	Community string    `bson:"community_id"`
	Seq       int64     `bson:"seq"`
	Type      string    `bson:"type"`
	Subject   string    `bson:"subject"`
	Payload   string    `bson:"payload"` // the canonical JSON text, kept byte for byte
	At        time.Time `bson:"at"`
	Role      string    `bson:"role"`
	LeafHash  []byte    `bson:"leaf_hash"`
}

// docID returns the _id of a community's document number n.
func docID(community domain.ID, n int64) string {
	return fmt.Sprintf("%s/%019d", community, n)
}

// idRange selects the _ids of community's documents numbered from from,
// below end (any number, when end < 0).
func idRange(community domain.ID, from, end int64) bson.M {
	upper := string(community) + "0" // '0' follows '/'
	if end >= 0 {
		upper = docID(community, end)
	}
	return bson.M{"_id": bson.M{"$gte": docID(community, from), "$lt": upper}}
}

var (
	byIDAsc  = bson.D{{Key: "_id", Value: 1}}
	byIDDesc = bson.D{{Key: "_id", Value: -1}}
)

func fromEntry(e Entry) entryDoc {
	return entryDoc{
		ID: docID(e.Community, e.Seq), Community: string(e.Community), Seq: e.Seq,
		Type: string(e.Type), Subject: e.Subject, Payload: string(e.Payload), At: e.At,
		Role: e.Role, LeafHash: e.LeafHash,
	}
}

func toEntry(d entryDoc) Entry {
	return Entry{
		Community: domain.ID(d.Community), Seq: d.Seq, Type: Type(d.Type), Subject: d.Subject,
		Payload: []byte(d.Payload), At: d.At.UTC(), Role: d.Role, LeafHash: d.LeafHash,
	}
}

type headDoc struct {
	ID        string    `bson:"_id"`
	Community string    `bson:"community_id"`
	Size      int64     `bson:"size"`
	Root      []byte    `bson:"root"`
	At        time.Time `bson:"at"`
	Signature []byte    `bson:"signature"`
}

func fromHead(h Head) headDoc {
	return headDoc{
		ID: docID(h.Community, h.Size), Community: string(h.Community), Size: h.Size,
		Root: h.Root, At: h.At, Signature: h.Signature,
	}
}

func toHead(d headDoc) Head {
	return Head{Community: domain.ID(d.Community), Size: d.Size, Root: d.Root, At: d.At.UTC(), Signature: d.Signature}
}

// insertEntry stores e at its seq and reports whether this insert won the
// number.
func (s *Service) insertEntry(ctx context.Context, e Entry) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(entriesColl), fromEntry(e))
}

// findLastSeq reads the highest seq of community's record; found is false
// for an empty record.
func (s *Service) findLastSeq(ctx context.Context, community domain.ID) (seq int64, found bool, err error) {
	d, err := db.FindOne[struct {
		Seq int64 `bson:"seq"`
	}](ctx, s.db.Collection(entriesColl), idRange(community, 0, -1),
		options.FindOne().SetSort(byIDDesc).SetProjection(bson.M{"_id": 0, "seq": 1}))
	if db.IsNotFound(err) {
		return 0, false, nil
	}
	return d.Seq, err == nil, err
}

// findLeafHashes reads the leaf hashes of community's record in seq order
// from number from, below end (to the last, when end < 0), in one query of
// two fields. It stops at the first missing number: an append still in
// flight when the query passed its place is left to a later read.
func (s *Service) findLeafHashes(ctx context.Context, community domain.ID, from, end int64) ([][]byte, error) {
	docs, err := db.FindAll[struct {
		Seq      int64  `bson:"seq"`
		LeafHash []byte `bson:"leaf_hash"`
	}](ctx, s.db.Collection(entriesColl), idRange(community, from, end),
		options.Find().SetSort(byIDAsc).SetProjection(bson.M{"_id": 0, "seq": 1, "leaf_hash": 1}))
	if err != nil {
		return nil, fmt.Errorf("leaf hashes: %w", err)
	}
	leaves := make([][]byte, 0, len(docs))
	for i, d := range docs {
		if d.Seq != from+int64(i) {
			break
		}
		leaves = append(leaves, d.LeafHash)
	}
	return leaves, nil
}

// eachEntry calls fn with community's entries in seq order, reading them
// through one cursor, until fn returns errStop (which eachEntry does not
// return) or another error.
func (s *Service) eachEntry(ctx context.Context, community domain.ID, fn func(Entry) error) error {
	c := s.db.Collection(entriesColl)
	cur, err := c.Find(ctx, idRange(community, 0, -1), options.Find().SetSort(byIDAsc))
	if err != nil {
		return db.Err("find "+entriesColl, err)
	}
	defer cur.Close(ctx)
	for cur.Next(ctx) {
		var d entryDoc
		if err := cur.Decode(&d); err != nil {
			return db.Err("read "+entriesColl, err)
		}
		if err := fn(toEntry(d)); errors.Is(err, errStop) {
			return nil
		} else if err != nil {
			return err
		}
	}
	return db.Err("read "+entriesColl, cur.Err())
}

// findBySubject reads the first entry of a type about subject in
// community's record. Errors: NotFound.
func (s *Service) findBySubject(ctx context.Context, community domain.ID, t Type, subject string) (Entry, error) {
	d, err := db.FindOne[entryDoc](ctx, s.db.Collection(entriesColl),
		bson.M{"community_id": string(community), "type": string(t), "subject": subject}, options.FindOne().SetSort(byIDAsc))
	return toEntry(d), err
}

// findSubjects reads the subjects of community's entries of a type, in one
// query of one field.
func (s *Service) findSubjects(ctx context.Context, community domain.ID, t Type) ([]string, error) {
	docs, err := db.FindAll[struct {
		Subject string `bson:"subject"`
	}](ctx, s.db.Collection(entriesColl), bson.M{"community_id": string(community), "type": string(t)},
		options.Find().SetProjection(bson.M{"_id": 0, "subject": 1}))
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.Subject
	}
	return out, err
}

// errStop ends a walk over documents early, without an error.
var errStop = errors.New("stop")

// insertHead stores h and reports whether this insert won its size.
func (s *Service) insertHead(ctx context.Context, h Head) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(headsColl), fromHead(h))
}

// findHead reads the head of community's record at size. Errors: NotFound.
func (s *Service) findHead(ctx context.Context, community domain.ID, size int64) (Head, error) {
	d, err := db.FindByID[headDoc](ctx, s.db.Collection(headsColl), docID(community, size))
	return toHead(d), err
}

// findLastHead reads the largest head of community's record; found is false
// when there is none.
func (s *Service) findLastHead(ctx context.Context, community domain.ID) (h Head, found bool, err error) {
	d, err := db.FindOne[headDoc](ctx, s.db.Collection(headsColl), idRange(community, 0, -1),
		options.FindOne().SetSort(byIDDesc))
	if db.IsNotFound(err) {
		return Head{}, false, nil
	}
	return toHead(d), err == nil, err
}

// findHeads reads every head of community's record, smallest first.
func (s *Service) findHeads(ctx context.Context, community domain.ID) ([]Head, error) {
	docs, err := db.FindAll[headDoc](ctx, s.db.Collection(headsColl), idRange(community, 0, -1),
		options.Find().SetSort(byIDAsc))
	if err != nil {
		return nil, err
	}
	heads := make([]Head, len(docs))
	for i, d := range docs {
		heads[i] = toHead(d)
	}
	return heads, nil
}

// findEntries reads community's entries numbered from from, below end, in
// seq order, in one query over the _id range.
func (s *Service) findEntries(ctx context.Context, community domain.ID, from, end int64) ([]Entry, error) {
	docs, err := db.FindAll[entryDoc](ctx, s.db.Collection(entriesColl), idRange(community, from, end),
		options.Find().SetSort(byIDAsc).SetLimit(end-from))
	if err != nil {
		return nil, fmt.Errorf("entries: %w", err)
	}
	out := make([]Entry, len(docs))
	for i, d := range docs {
		out[i] = toEntry(d)
	}
	return out, nil
}
