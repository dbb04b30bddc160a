package notify

import (
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/sendgrid/sendgrid-go/helpers/eventwebhook"

	"github.com/yishi-app/yishi/domain"
)

// Webhook signature headers of SendGrid's Event Webhook.
const (
	SignatureHeader = eventwebhook.VerificationHTTPHeader
	TimestampHeader = eventwebhook.TimestampHTTPHeader
	// maxEventAge refuses replays of old signed requests.
	maxEventAge = 5 * time.Minute
)

// ParseWebhookKey reads the webhook's public key, base64 DER as SendGrid
// shows it.
func ParseWebhookKey(b64 string) (*ecdsa.PublicKey, error) {
	der, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b64))
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return nil, err
	}
	pk, ok := k.(*ecdsa.PublicKey)
	if !ok {
		return nil, domain.Errorf(domain.Invalid, "不是 ECDSA 公钥", "not an ECDSA public key")
	}
	return pk, nil
}

var (
	// ErrBadSignature: the request was not signed by the provider (401).
	ErrBadSignature = domain.Errorf(domain.Unauthenticated, "签名无效", "invalid signature")
	// ErrStaleEvent: the signed timestamp is too old (400).
	ErrStaleEvent = domain.Errorf(domain.Invalid, "时间戳过旧", "timestamp too old")
)

// event is the part of a SendGrid event this area reads.
type event struct {
	ID     string `json:"sg_event_id"`
	Event  string `json:"event"`
	Email  string `json:"email"`
	Reason string `json:"reason"`
}

// ProcessWebhook verifies a signed batch of provider events and processes
// each event once: bounce, dropped and spamreport mark the address
// undeliverable, which stops mail to it. Errors: Unauthenticated (bad
// signature), Invalid (old timestamp, malformed body).
func (s *Service) ProcessWebhook(ctx context.Context, key *ecdsa.PublicKey, body []byte, signature, timestamp string) (processed int, err error) {
	if key == nil || signature == "" {
		return 0, ErrBadSignature
	}
	ok, verr := eventwebhook.VerifySignature(key, body, signature, timestamp)
	if verr != nil || !ok {
		return 0, ErrBadSignature
	}
	ts, err := strconv.ParseInt(timestamp, 10, 64)
	now := s.now()
	if err != nil || now.Sub(time.Unix(ts, 0)) > maxEventAge || time.Unix(ts, 0).Sub(now) > maxEventAge {
		return 0, ErrStaleEvent
	}
	var events []event
	if err := json.Unmarshal(body, &events); err != nil {
		return 0, domain.Errorf(domain.Invalid, "事件格式无效", "malformed events")
	}
	for _, e := range events {
		if e.ID == "" || len(e.ID) > 200 {
			continue
		}
		won, err := s.recordEvent(ctx, eventDoc{ID: e.ID, Event: e.Event, At: now.UTC()})
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
			if err := s.markUndeliverable(ctx, badAddrDoc{Email: email, Event: e.Event, Reason: truncate(e.Reason, 300), At: now.UTC()}); err != nil {
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
