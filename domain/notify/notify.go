// Package notify is how Yishi reaches people outside the app: the messages
// it sends and the Mailer that delivers them.
package notify

import "context"

// Message is one email to one recipient, with a plain-text and an HTML part.
type Message struct {
	To      string
	Subject string
	Text    string
	HTML    string
	// Kind names what the message is about, for example "email_verification".
	Kind string
}

// Mailer delivers email. Implementations live in jobs/mail.
type Mailer interface {
	Send(ctx context.Context, m Message) error
}
