package disclosure

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// Attachment is a file a version links to, with the SHA-256 and size it
// had when it was attached, so that anyone can check that the file behind
// the link is still the one published.
type Attachment struct {
	URL        string
	Name       string
	SHA256     string // 64 lowercase hex digits
	Size       int64  // bytes
	AttachedAt time.Time
}

// Bounds of attachments.
const (
	MaxAttachments    = 20
	MaxAttachmentSize = 1 << 30 // 1 GiB
)

var sha256RE = regexp.MustCompile(`^[0-9a-f]{64}$`)

// checkAttachments checks a version's attachments and stamps new ones with
// now; one kept from the version being edited keeps its time. Errors:
// Invalid (attachments[i].field).
func checkAttachments(in []Attachment, before []Attachment, now time.Time) ([]Attachment, error) {
	if len(in) > MaxAttachments {
		return nil, domain.InvalidField("attachments", "附件最多 %d 个", "at most %d attachments", MaxAttachments)
	}
	kept := map[string]time.Time{}
	for _, a := range before {
		kept[a.URL+"\x00"+a.SHA256] = a.AttachedAt
	}
	out := make([]Attachment, len(in))
	for i, a := range in {
		field := func(name string) string { return fmt.Sprintf("attachments[%d].%s", i, name) }
		var err error
		if a.URL, err = checkURL(field("url"), a.URL); err != nil {
			return nil, err
		}
		if a.Name, err = text.Line(field("name"), domain.Text{ZH: "附件名称", EN: "attachment name"}, a.Name, 1, 100); err != nil {
			return nil, err
		}
		if !sha256RE.MatchString(a.SHA256) {
			return nil, domain.InvalidField(field("sha256"), "SHA-256 须为 64 位小写十六进制数", "the SHA-256 must be 64 lowercase hex digits")
		}
		if a.Size < 1 || a.Size > MaxAttachmentSize {
			return nil, domain.InvalidField(field("size"), "文件大小须在 1 字节到 1 GB 之间", "the size must be between 1 byte and 1 GiB")
		}
		a.AttachedAt = now
		if t, ok := kept[a.URL+"\x00"+a.SHA256]; ok {
			a.AttachedAt = t
		}
		out[i] = a
	}
	return out, nil
}

// AttachmentCheck is what checking a fetched file against its attachment
// found.
type AttachmentCheck struct {
	Matches bool   // same size and SHA-256 as recorded
	SHA256  string // of the bytes read: a prefix when the file is longer
	Size    int64  // bytes read, at most one more than recorded
}

// CheckAttachment reads the file the caller fetched from a's link and
// reports whether it is still the file attached: the same size and
// SHA-256. It reads at most one byte more than a.Size. Errors: those of r.
func CheckAttachment(a Attachment, r io.Reader) (AttachmentCheck, error) {
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(r, a.Size+1))
	if err != nil {
		return AttachmentCheck{}, fmt.Errorf("check attachment: %w", err)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	return AttachmentCheck{Matches: n == a.Size && sum == a.SHA256, SHA256: sum, Size: n}, nil
}
