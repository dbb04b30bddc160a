package ledger

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db/dbtest"
)

func TestExportVerify(t *testing.T) {
	s, _, _ := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	entries := appendN(t, s, community, 10)
	if _, err := s.PublishHead(ctx, community, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	entries = append(entries, appendN(t, s, community, 5)...)
	if _, err := s.PublishHead(ctx, community, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	entries = append(entries, appendN(t, s, community, 3)...) // not yet signed

	var buf bytes.Buffer
	if err := s.Export(ctx, &buf, community); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 1+18+2 {
		t.Fatalf("%d lines, want 21:\n%s", len(lines), buf.String())
	}
	wantKey := `{"kind":"key","format":"yishi-record/v1","community":"` + string(community) + `","publicKey":"` + base64.StdEncoding.EncodeToString(s.PublicKey()) + `"}`
	if lines[0] != wantKey {
		t.Errorf("key line\n got %s\nwant %s", lines[0], wantKey)
	}
	e := entries[1]
	wantEntry := `{"kind":"entry","seq":1,"type":"draw","subject":"` + e.Subject + `","payload":` + string(e.Payload) +
		`,"at":"2024-05-01T08:30:00.000Z","role":"committee","community":"` + string(community) + `","leafHash":"` + hex.EncodeToString(e.LeafHash) + `"}`
	if lines[2] != wantEntry {
		t.Errorf("entry line\n got %s\nwant %s", lines[2], wantEntry)
	}
	if !strings.HasPrefix(lines[19], `{"kind":"head","community":"`+string(community)+`","size":10,`) || !strings.HasSuffix(lines[19], `"consistency":[]}`) {
		t.Errorf("first head line %s", lines[19])
	}

	report, err := Verify(strings.NewReader(buf.String()), s.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	leaves := make([][]byte, len(entries))
	for i, e := range entries {
		leaves[i] = e.LeafHash
	}
	want := Report{Community: community, PublicKey: s.PublicKey(), Entries: 18, Heads: 2, SignedSize: 15, Root: RootOf(leaves)}
	if !equalReports(report, want) {
		t.Errorf("report %+v, want %+v", report, want)
	}
	report, err = Verify(strings.NewReader(buf.String()), nil)
	if err != nil || !report.KeyFromFile {
		t.Errorf("without a trusted key: %+v, %v; want it verified with the file's key, and said so", report, err)
	}
}

// TestVerifyStoreTampering changes a stored entry behind the service's back:
// the export shows it, and Verify names the entry.
func TestVerifyStoreTampering(t *testing.T) {
	tests := []struct {
		name     string
		set      func(Entry) bson.M // the change to entry 7; nil deletes it
		wantSeq  int64
		wantHead int
	}{
		{"Payload", func(Entry) bson.M { return bson.M{"payload": `{"n":999}`} }, 7, -1},
		{"PayloadNotJSON", func(Entry) bson.M { return bson.M{"payload": `{"n":`} }, 7, -1},
		{"Subject", func(Entry) bson.M { return bson.M{"subject": "VG9waWM6OTk5"} }, 7, -1},
		{"Role", func(Entry) bson.M { return bson.M{"role": "admin"} }, 7, -1},
		{"At", func(Entry) bson.M { return bson.M{"at": t0.Add(time.Millisecond)} }, 7, -1},
		{"Type", func(Entry) bson.M { return bson.M{"type": string(Resolution)} }, 7, -1},
		// With its leaf hash made to match, the entry agrees with itself,
		// but no longer with the signed root over it.
		{"PayloadAndLeafHash", func(e Entry) bson.M {
			e.Payload = []byte(`{"n":999}`)
			return bson.M{"payload": string(e.Payload), "leaf_hash": e.HashLeaf()}
		}, -1, 0},
		{"Deleted", nil, 8, -1}, // the next entry shows the gap
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, d := newService(t)
			ctx := context.Background()
			community := domain.NewID()
			entries := appendN(t, s, community, 12)
			if _, err := s.PublishHead(ctx, community, t0); err != nil {
				t.Fatal(err)
			}
			c, id := dbtest.Collection(d, entriesColl), docID(community, 7)
			if tt.set == nil {
				if res, err := c.DeleteOne(ctx, bson.M{"_id": id}); err != nil || res.DeletedCount != 1 {
					t.Fatalf("tamper: %v, %+v", err, res)
				}
			} else if res, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": tt.set(entries[7])}); err != nil || res.ModifiedCount != 1 {
				t.Fatalf("tamper: %v, %+v", err, res)
			}
			var buf bytes.Buffer
			if err := s.Export(ctx, &buf, community); err != nil {
				t.Fatal(err)
			}
			_, err := Verify(&buf, s.PublicKey())
			var ve *VerifyError
			if !errors.As(err, &ve) || ve.Seq != tt.wantSeq || ve.Head != tt.wantHead {
				t.Fatalf("got %v, want an error naming seq %d / head %d", err, tt.wantSeq, tt.wantHead)
			}
			t.Log(err)
		})
	}
}

// TestExportUnsignedGap exports a record whose unsigned tail has a gap, as
// an append still in flight leaves one: the export ends before it and
// verifies.
func TestExportUnsignedGap(t *testing.T) {
	s, _, d := newService(t)
	ctx := context.Background()
	community := domain.NewID()
	appendN(t, s, community, 5)
	if _, err := s.PublishHead(ctx, community, t0); err != nil {
		t.Fatal(err)
	}
	appendN(t, s, community, 3)
	if _, err := dbtest.Collection(d, entriesColl).DeleteOne(ctx, bson.M{"_id": docID(community, 6)}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Export(ctx, &buf, community); err != nil {
		t.Fatal(err)
	}
	report, err := Verify(&buf, s.PublicKey())
	if err != nil || report.Entries != 6 || report.SignedSize != 5 {
		t.Errorf("got %+v, %v; want 6 entries, 5 of them signed", report, err)
	}
}

// TestVerifyFileTampering edits an export line by line.
func TestVerifyFileTampering(t *testing.T) {
	m := memoryRecord(t, 20, 5, 13, 20) // heads at lines 21, 22, 23
	var export bytes.Buffer
	if err := m.Export(&export); err != nil {
		t.Fatal(err)
	}
	edited := m.Entries[3]
	edited.Subject = "VG9waWM6OTk5"
	_, otherKey, _ := ed25519.GenerateKey(nil)
	other := &MemoryRecord{Community: m.Community, Key: otherKey, Entries: m.Entries}
	other.PublishHead(t0)
	var otherExport bytes.Buffer
	if err := other.Export(&otherExport); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name     string
		edit     func(lines [][]byte) [][]byte
		trusted  ed25519.PublicKey
		wantSeq  int64
		wantHead int
		wantLine int
	}{
		{"EntrySubject", setField(4, "subject", "VG9waWM6OTk5"), nil, 3, -1, 5},
		{"EntryPayload", setField(4, "payload", json.RawMessage(`{"n":3,"decision":"rejected"}`)), nil, 3, -1, 5},
		{"EntryPayloadWhitespace", setField(4, "payload", json.RawMessage(`{ "n":3}`)), nil, 3, -1, 5},
		{"EntryAt", setField(4, "at", "2024-05-01T08:30:04.001Z"), nil, 3, -1, 5},
		{"EntryAtOtherZone", setField(4, "at", "2024-05-01T16:30:03.000+08:00"), nil, 3, -1, 5},
		{"EntryRole", setField(4, "role", "admin"), nil, 3, -1, 5},
		{"EntryType", setField(4, "type", "draw"), nil, 3, -1, 5},
		{"EntryCommunity", setField(4, "community", string(domain.NewID())), nil, 3, -1, 5},
		{"EntryLeafHash", setField(4, "leafHash", hex.EncodeToString(make([]byte, 32))), nil, 3, -1, 5},
		{"EntryAndLeafHash", func(l [][]byte) [][]byte {
			l = setField(4, "subject", edited.Subject)(l)
			return setField(4, "leafHash", hex.EncodeToString(edited.HashLeaf()))(l)
		}, nil, -1, 0, 22},
		{"EntryDropped", func(l [][]byte) [][]byte { return append(l[:4:4], l[5:]...) }, nil, 4, -1, 5},
		{"EntriesSwapped", func(l [][]byte) [][]byte { l[4], l[5] = l[5], l[4]; return l }, nil, 4, -1, 5},
		{"EntryAfterHead", func(l [][]byte) [][]byte { return append(l[:22:22], l[20]) }, nil, 19, -1, 23},
		{"HeadRoot", setField(22, "root", hex.EncodeToString(make([]byte, 32))), nil, -1, 1, 23},
		{"HeadSize", setField(22, "size", 12), nil, -1, 1, 23},
		{"HeadAt", setField(22, "at", "2024-05-01T08:30:13.000Z"), nil, -1, 1, 23},
		{"HeadSignature", setField(22, "signature", base64.StdEncoding.EncodeToString(make([]byte, 64))), nil, -1, 1, 23},
		{"HeadConsistency", setField(22, "consistency", []string{hex.EncodeToString(make([]byte, 32))}), nil, -1, 1, 23},
		{"HeadDropped", func(l [][]byte) [][]byte { return append(l[:22:22], l[23]) }, nil, -1, 1, 23},
		{"NoKeyLine", func(l [][]byte) [][]byte { return l[1:] }, nil, -1, -1, 1},
		{"Empty", func([][]byte) [][]byte { return nil }, nil, -1, -1, 0},
		{"NotJSON", func(l [][]byte) [][]byte { l[7] = []byte("{"); return l }, nil, -1, -1, 8},
		{"UntrustedKey", func(l [][]byte) [][]byte { return l }, otherKey.Public().(ed25519.PublicKey), -1, -1, 1},
		{"ResignedWithOtherKey", func([][]byte) [][]byte { return splitLines(otherExport.Bytes()) }, testKey.Public().(ed25519.PublicKey), -1, -1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := tt.edit(splitLines(export.Bytes()))
			_, err := Verify(bytes.NewReader(bytes.Join(lines, []byte("\n"))), tt.trusted)
			var ve *VerifyError
			if !errors.As(err, &ve) || ve.Seq != tt.wantSeq || ve.Head != tt.wantHead || ve.Line != tt.wantLine {
				t.Fatalf("got %v (%+v), want an error on line %d naming seq %d / head %d", err, ve, tt.wantLine, tt.wantSeq, tt.wantHead)
			}
			t.Log(err)
		})
	}

	t.Run("OK", func(t *testing.T) {
		report, err := Verify(bytes.NewReader(export.Bytes()), testKey.Public().(ed25519.PublicKey))
		if err != nil || report.Entries != 20 || report.Heads != 3 || report.SignedSize != 20 || !bytes.Equal(report.Root, m.Heads[2].Root) {
			t.Errorf("got %+v, %v", report, err)
		}
	})
	t.Run("OtherKeyFromFile", func(t *testing.T) {
		report, err := Verify(bytes.NewReader(otherExport.Bytes()), nil)
		if err != nil || !report.KeyFromFile || !bytes.Equal(report.PublicKey, otherKey.Public().(ed25519.PublicKey)) {
			t.Errorf("got %+v, %v; want it verified with the file's own key, and said so", report, err)
		}
	})
}

func splitLines(b []byte) [][]byte {
	var lines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, maxLine)
	for sc.Scan() {
		lines = append(lines, bytes.Clone(sc.Bytes()))
	}
	return lines
}

// setField returns an edit that sets one field of line i (from 0).
func setField(i int, field string, value any) func([][]byte) [][]byte {
	return func(lines [][]byte) [][]byte {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(lines[i], &fields); err != nil {
			panic(err)
		}
		v, err := marshal(value)
		if err != nil {
			panic(err)
		}
		fields[field] = v
		if lines[i], err = marshal(fields); err != nil {
			panic(err)
		}
		return lines
	}
}

func equalReports(a, b Report) bool {
	return a.Community == b.Community && bytes.Equal(a.PublicKey, b.PublicKey) && a.KeyFromFile == b.KeyFromFile &&
		a.Entries == b.Entries && a.Heads == b.Heads && a.SignedSize == b.SignedSize && bytes.Equal(a.Root, b.Root)
}
