package ledger

import (
	"context"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// DigestSection is the weekly digest's line about the community's public
// record (jobs.DigestSource): its latest signed head by until, with the
// start of its root, so a resident can compare it with the record page
// and the printed notices. None when no head was signed yet.
func (s *Service) DigestSection(ctx context.Context, communityID domain.ID, lang domain.Lang, _, until time.Time) (string, error) {
	heads, err := s.Heads(ctx, communityID)
	if err != nil {
		return "", err
	}
	var last *Head
	for i := range heads {
		if !heads[i].At.After(until) {
			last = &heads[i]
		}
	}
	if last == nil {
		return "", nil
	}
	root := hex.EncodeToString(last.Root)
	if len(root) > 16 {
		root = root[:16]
	}
	at := last.At.UTC().Format("2006-01-02 15:04 UTC")
	if lang == domain.English {
		return fmt.Sprintf("Public record: %d entries signed at %s, root %s… (check it on the record page).", last.Size, at, root), nil
	}
	return fmt.Sprintf("公信链：截至 %s 共 %d 条公开记录已签名，树根 %s…（可在“公信链”页面核验）。", at, last.Size, root), nil
}
