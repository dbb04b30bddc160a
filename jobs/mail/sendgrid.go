package mail

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sendgrid/rest"
	"github.com/sendgrid/sendgrid-go"
	sgmail "github.com/sendgrid/sendgrid-go/helpers/mail"

	"github.com/yishi-app/yishi/domain/notify"
)

// SendGrid sends mail through SendGrid's v3 API with sendgrid-go. Each Send
// builds its own request and client (sendgrid-go's client is not safe to
// share), with a 10 s timeout; status codes are checked here, since
// sendgrid-go reports 4xx and 5xx answers as success.
type SendGrid struct {
	APIKey  string
	From    string // "Name <address>" or an address
	Host    string // default https://api.sendgrid.com
	Timeout time.Duration
}

var _ notify.Mailer = (*SendGrid)(nil)

// NewSendGrid returns a SendGrid mailer; host may be empty for the real API.
func NewSendGrid(apiKey, from, host string) *SendGrid {
	if host == "" {
		host = "https://api.sendgrid.com"
	}
	return &SendGrid{APIKey: apiKey, From: from, Host: strings.TrimRight(host, "/"), Timeout: 10 * time.Second}
}

// Send delivers m with one personalization per recipient, each carrying its
// outbox id in custom_args, its unsubscribe link as a substitution and in
// the List-Unsubscribe headers.
func (s *SendGrid) Send(ctx context.Context, m notify.Message) (string, error) {
	if len(m.To) == 0 || len(m.To) > 1000 {
		return "", &notify.SendError{Reason: fmt.Sprintf("%d recipients: want 1 to 1000", len(m.To))}
	}
	v3 := sgmail.NewV3Mail()
	from, err := parseFrom(s.From)
	if err != nil {
		return "", &notify.SendError{Reason: err.Error()}
	}
	v3.SetFrom(from)
	v3.Subject = m.Subject
	v3.AddContent(sgmail.NewContent("text/plain", m.Text), sgmail.NewContent("text/html", m.HTML))
	v3.SetCustomArg("kind", m.Kind)
	for _, to := range m.To {
		p := sgmail.NewPersonalization()
		p.AddTos(sgmail.NewEmail(to.Name, to.Email))
		p.SetCustomArg("outbox_id", to.OutboxID)
		p.SetSubstitution(notify.UnsubscribePlaceholder, to.UnsubscribeURL)
		if to.UnsubscribeURL != "" {
			p.SetHeader("List-Unsubscribe", "<"+to.UnsubscribeURL+">")
			p.SetHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
		}
		v3.AddPersonalizations(p)
	}
	req := sendgrid.GetRequest(s.APIKey, "/v3/mail/send", s.Host)
	req.Method = rest.Post
	req.Body = sgmail.GetRequestBody(v3)
	client := &rest.Client{HTTPClient: &http.Client{Timeout: s.Timeout}}
	res, err := client.SendWithContext(ctx, req)
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return "", &notify.SendError{Temporary: true, Reason: "timed out after " + s.Timeout.String()}
		}
		return "", &notify.SendError{Temporary: true, Reason: err.Error()}
	}
	switch code := res.StatusCode; {
	case code == http.StatusAccepted || code == http.StatusOK:
		return firstHeader(res.Headers, "X-Message-Id"), nil
	case code == http.StatusTooManyRequests:
		return "", &notify.SendError{Temporary: true, RetryAfter: s.retryAfter(res.Headers), Reason: "429 rate limited"}
	case code >= 500:
		return "", &notify.SendError{Temporary: true, Reason: fmt.Sprintf("%d %s", code, truncate(res.Body, 200))}
	default: // 400, 401, 403, 413 and the rest: the request itself is wrong
		return "", &notify.SendError{Reason: fmt.Sprintf("%d %s", code, truncate(res.Body, 300))}
	}
}

// retryAfter reads X-RateLimit-Reset, a Unix time in seconds.
func (s *SendGrid) retryAfter(h map[string][]string) time.Duration {
	reset, err := strconv.ParseInt(firstHeader(h, "X-RateLimit-Reset"), 10, 64)
	if err != nil {
		return time.Minute
	}
	return max(time.Until(time.Unix(reset, 0)), time.Second)
}

func firstHeader(h map[string][]string, name string) string {
	if v := http.Header(h).Get(name); v != "" {
		return v
	}
	for k, v := range h {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

func parseFrom(s string) (*sgmail.Email, error) {
	s = strings.TrimSpace(s)
	if name, addr, ok := strings.Cut(s, "<"); ok {
		return sgmail.NewEmail(strings.TrimSpace(name), strings.TrimSuffix(strings.TrimSpace(addr), ">")), nil
	}
	if !strings.Contains(s, "@") {
		return nil, fmt.Errorf("invalid from address %q", s)
	}
	return sgmail.NewEmail("议事 Yishi", s), nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
