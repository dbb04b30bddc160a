// Package mail delivers Yishi's email: through SendGrid when an API key is
// configured, else as files a developer can open. It also serves what mail
// links to or the provider calls: unsubscribe links, calendar feeds and
// SendGrid's signed Event Webhook.
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

// FileMailer writes each message, once per recipient, to a file in Dir,
// where a developer can open the links it holds. Only the recipient's domain
// and the subject's kind are logged: the body may hold a secret link.
type FileMailer struct {
	Dir string
	Log *slog.Logger
}

var _ notify.Mailer = (*FileMailer)(nil)

// Send writes one Dir/<time>-<kind>-<id>.eml file per recipient.
func (f *FileMailer) Send(ctx context.Context, m notify.Message) (string, error) {
	if err := os.MkdirAll(f.Dir, 0o700); err != nil {
		return "", &notify.SendError{Temporary: true, Reason: err.Error()}
	}
	id := "file-" + string(domain.NewID())
	for _, to := range m.To {
		text := strings.ReplaceAll(m.Text, notify.UnsubscribePlaceholder, to.UnsubscribeURL)
		body := fmt.Sprintf("To: %s\r\nSubject: %s\r\nX-Outbox-Id: %s\r\nList-Unsubscribe: <%s>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s",
			to.Email, m.Subject, to.OutboxID, to.UnsubscribeURL, text)
		name := fmt.Sprintf("%s-%s-%s.eml", time.Now().UTC().Format("20060102T150405.000"), m.Kind, domain.NewID())
		path := filepath.Join(f.Dir, name)
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			return "", &notify.SendError{Temporary: true, Reason: err.Error()}
		}
		_, host, _ := strings.Cut(to.Email, "@")
		f.Log.DebugContext(ctx, "mail kept as file", "kind", m.Kind, "to_domain", host, "file", path)
	}
	return id, nil
}
