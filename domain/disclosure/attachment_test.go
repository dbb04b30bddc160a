package disclosure_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/yishi-app/yishi/domain/disclosure"
)

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestCheckAttachment(t *testing.T) {
	file := "2026年10月财务收支明细（盖章扫描件）"
	a := disclosure.Attachment{URL: "https://files.example/oct.pdf", Name: "明细", SHA256: sha(file), Size: int64(len(file))}
	tests := []struct {
		name  string
		bytes string
		want  bool
	}{
		{"OKSame", file, true},
		{"ErrChangedByte", strings.Replace(file, "10", "11", 1), false},
		{"ErrLonger", file + "!", false},
		{"ErrShorter", file[:len(file)-1], false},
		{"ErrEmpty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := disclosure.CheckAttachment(a, strings.NewReader(tt.bytes))
			if err != nil || got.Matches != tt.want {
				t.Fatalf("CheckAttachment = %+v, %v; want matches=%v", got, err, tt.want)
			}
			if tt.want && (got.SHA256 != a.SHA256 || got.Size != a.Size) {
				t.Errorf("check = %+v", got)
			}
		})
	}
	// A huge file is read no further than one byte past the recorded size.
	got, err := disclosure.CheckAttachment(a, strings.NewReader(file+strings.Repeat("x", 1<<20)))
	if err != nil || got.Matches || got.Size != a.Size+1 {
		t.Errorf("longer file: %+v, %v", got, err)
	}
	boom := errors.New("connection reset")
	if _, err := disclosure.CheckAttachment(a, iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("read error: %v", err)
	}
}

func TestAttachmentsKeepTheirTime(t *testing.T) {
	v := newVillage(t)
	a := disclosure.Attachment{URL: "https://files.example/minutes.pdf", Name: "会议记录", SHA256: sha("minutes"), Size: 7}
	draft := must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindVillage, Period: "2026-Q3",
		Content: disclosure.DraftContent{Title: "村务", Body: "见附件", Attachments: []disclosure.Attachment{a}}}))
	first := draft.Content.Attachments[0].AttachedAt
	if !first.Equal(v.clock.Now()) {
		t.Errorf("attached at %v, want now", first)
	}
	v.clock.Add(3600e9)
	b := disclosure.Attachment{URL: "https://files.example/photo.jpg", Name: "现场照片", SHA256: sha("photo"), Size: 5}
	edited := must(v.svc.UpdateDraft(as(v.committee), disclosure.EditInput{VersionID: draft.ID,
		Content: disclosure.DraftContent{Title: "村务", Body: "见附件", Attachments: []disclosure.Attachment{a, b}}}))
	if got := edited.Content.Attachments; len(got) != 2 || !got[0].AttachedAt.Equal(first) || !got[1].AttachedAt.Equal(v.clock.Now()) {
		t.Errorf("attachments = %+v", got)
	}
}
