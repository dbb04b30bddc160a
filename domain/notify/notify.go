// Package notify is how Yishi reaches people outside the app: an outbox of
// reminders and notices, each sent once by the dispatcher through a Mailer;
// per-user preferences with quiet hours and one-click unsubscribe; bounce
// handling from the provider's event webhook; and calendar feeds.
//
// Other areas add a kind of notification with a template pair (kinds.go)
// and an Enqueue call. Invariants rest on unique keys, as everywhere in
// Yishi: one outbox document per (kind, subject, recipient, occurrence), one
// delivery claim per (outbox item, attempt), one record per provider event.
package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Mailer delivers one message to one or more recipients of identical
// content. Implementations live in jobs/mail.
type Mailer interface {
	// Send delivers m and returns the provider's message id. A failure the
	// provider may get over is a *SendError with Temporary set.
	Send(ctx context.Context, m Message) (messageID string, err error)
}

// Message is one email's content with its recipients.
type Message struct {
	Kind    string
	Subject string
	Text    string
	HTML    string
	To      []Envelope
}

// Envelope is one recipient of a message. Text and HTML may hold
// UnsubscribePlaceholder, which the mailer replaces with the recipient's
// UnsubscribeURL.
type Envelope struct {
	Email          string
	Name           string
	OutboxID       string
	UnsubscribeURL string
}

// UnsubscribePlaceholder stands in the shared content for each recipient's
// own unsubscribe link.
const UnsubscribePlaceholder = "-unsubscribe_url-"

// SendError is a failed delivery: Temporary ones are retried (after
// RetryAfter when the provider says so), others fail the items for good.
type SendError struct {
	Temporary  bool
	RetryAfter time.Duration
	Reason     string
}

func (e *SendError) Error() string {
	if e.Temporary {
		return fmt.Sprintf("temporary send failure: %s", e.Reason)
	}
	return fmt.Sprintf("permanent send failure: %s", e.Reason)
}

// Recipient is who a notification goes to, as the account area knows them.
type Recipient struct {
	UserID domain.ID
	Email  string // empty for assisted residents, who get no mail
	Name   string
	Lang   domain.Lang
	// Verified tells whether the person proved the address is theirs; only
	// urgent mail (such as the link that verifies it) goes to one that is not.
	Verified bool
}

// Directory finds recipients; the account area implements it.
type Directory interface {
	Recipients(ctx context.Context, ids []domain.ID) (map[domain.ID]Recipient, error)
}
