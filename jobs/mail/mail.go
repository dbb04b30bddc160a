// Package mail delivers Yishi's email. For now it has the development
// sender, which keeps each message as a file instead of sending it; the
// SendGrid sender comes with scheduled reminders.
package mail

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
)

// FileMailer writes each message to a file in Dir, where a developer can
// open the links it holds. Only the recipient's domain and the subject are
// logged: the body may hold a secret link.
type FileMailer struct {
	Dir string
	Log *slog.Logger
}

var _ notify.Mailer = (*FileMailer)(nil)

// Send writes m to Dir/<time>-<kind>-<id>.eml.
func (f *FileMailer) Send(ctx context.Context, m notify.Message) error {
	if err := os.MkdirAll(f.Dir, 0o700); err != nil {
		return fmt.Errorf("mail dir: %w", err)
	}
	name := fmt.Sprintf("%s-%s-%s.eml", time.Now().UTC().Format("20060102T150405"), m.Kind, domain.NewID())
	body := fmt.Sprintf("To: %s\r\nSubject: %s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s", m.To, m.Subject, m.Text)
	path := filepath.Join(f.Dir, name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		return fmt.Errorf("write mail: %w", err)
	}
	_, host, _ := strings.Cut(m.To, "@")
	f.Log.DebugContext(ctx, "mail kept as file", "kind", m.Kind, "to_domain", host, "file", path)
	return nil
}
