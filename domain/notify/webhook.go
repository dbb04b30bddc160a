package notify

import (
	"context"
	"strings"
)

// MailEvent is one event the mail provider reports about a message.
type MailEvent struct {
	ID     string // the provider's event ID: each is processed once
	Event  string // e.g. delivered, bounce, dropped, spamreport
	Email  string
	Reason string
}

// RecordMailEvents processes each of the provider's events once (jobs/mail
// checks that the provider sent them): bounce, dropped and spamreport mark
// the address undeliverable, which stops mail to it. It returns how many
// events were new.
func (s *Service) RecordMailEvents(ctx context.Context, events []MailEvent) (processed int, err error) {
	now := s.now().UTC()
	for _, e := range events {
		if e.ID == "" || len(e.ID) > 200 {
			continue
		}
		won, err := s.recordEvent(ctx, eventDoc{ID: e.ID, Event: e.Event, At: now})
		if err != nil {
			return processed, err
		}
		if !won {
			continue // seen before: the provider retries deliveries
		}
		processed++
		switch e.Event {
		case "bounce", "dropped", "spamreport":
			email := strings.ToLower(strings.TrimSpace(e.Email))
			if email == "" {
				continue
			}
			if err := s.markUndeliverable(ctx, badAddrDoc{Email: email, Event: e.Event, Reason: truncate(e.Reason, 300), At: now}); err != nil {
				return processed, err
			}
		}
	}
	return processed, nil
}

// undeliverable returns which of the emails are marked undeliverable.
func (s *Service) undeliverable(ctx context.Context, emails []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(emails) == 0 {
		return out, nil
	}
	docs, err := s.findUndeliverable(ctx, emails)
	for _, d := range docs {
		out[d.Email] = true
	}
	return out, err
}

// Undeliverable tells, for each email, why mail to it stopped; emails that
// still work are absent.
func (s *Service) Undeliverable(ctx context.Context, emails []string) (map[string]string, error) {
	docs, err := s.findUndeliverable(ctx, emails)
	out := map[string]string{}
	for _, d := range docs {
		out[d.Email] = d.Event
	}
	return out, err
}
