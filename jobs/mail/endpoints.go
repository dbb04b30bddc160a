package mail

import (
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sendgrid/sendgrid-go/helpers/eventwebhook"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
)

// The plain HTTP endpoints that mail links to or that the provider calls:
// the provider's event webhook, one-click unsubscribe, and calendar feeds.

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
		return nil, errors.New("not an ECDSA public key")
	}
	return pk, nil
}

// sendgridEvent is the part of a SendGrid event Yishi reads.
type sendgridEvent struct {
	ID     string `json:"sg_event_id"`
	Event  string `json:"event"`
	Email  string `json:"email"`
	Reason string `json:"reason"`
}

// verifyEvents checks a webhook request's signature and timestamp (at most
// 5 minutes from now) and decodes its events. The error is the answer's
// status: 401 for a bad signature, 400 for a stale timestamp or a
// malformed body.
func verifyEvents(key *ecdsa.PublicKey, body []byte, signature, timestamp string, now time.Time) ([]notify.MailEvent, int) {
	if ok, err := eventwebhook.VerifySignature(key, body, signature, timestamp); signature == "" || err != nil || !ok {
		return nil, http.StatusUnauthorized
	}
	ts, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil || now.Sub(time.Unix(ts, 0)).Abs() > maxEventAge {
		return nil, http.StatusBadRequest
	}
	var raw []sendgridEvent
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, http.StatusBadRequest
	}
	events := make([]notify.MailEvent, len(raw))
	for i, e := range raw {
		events[i] = notify.MailEvent{ID: e.ID, Event: e.Event, Email: e.Email, Reason: e.Reason}
	}
	return events, 0
}

// WebhookHandler receives SendGrid's signed Event Webhook: 401 for a bad
// signature, 400 for a stale timestamp or a malformed body, 503 when no
// public key is configured, 204 when processed. now is the clock the
// timestamp is checked against (nil: time.Now).
func WebhookHandler(svc *notify.Service, key *ecdsa.PublicKey, log *slog.Logger, now func() time.Time) http.Handler {
	if now == nil {
		now = time.Now
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if key == nil {
			http.Error(w, "webhook not configured", http.StatusServiceUnavailable)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 4<<20))
		if err != nil {
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		events, status := verifyEvents(key, body, r.Header.Get(SignatureHeader), r.Header.Get(TimestampHeader), now())
		switch status {
		case http.StatusUnauthorized:
			http.Error(w, "invalid signature", status)
			return
		case http.StatusBadRequest:
			http.Error(w, "bad request: stale timestamp or malformed events", status)
			return
		}
		n, err := svc.RecordMailEvents(r.Context(), events)
		if err != nil {
			log.ErrorContext(r.Context(), "webhook", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		log.InfoContext(r.Context(), "provider events processed", "events", n)
		w.WriteHeader(http.StatusNoContent)
	})
}

var unsubscribePage = template.Must(template.New("u").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:18px;line-height:1.6;max-width:32em;margin:2em auto;padding:0 1em;color:#1a1a1a">
<h1 style="font-size:1.4em">{{.Title}}</h1><p>{{.Body}}</p>
{{if .Form}}<form method="post"><input type="hidden" name="t" value="{{.Token}}">
<button type="submit" style="font-size:1em;min-height:44px;padding:0 1.5em;background:#9b1c1c;color:#fff;border:0;border-radius:6px">{{.Button}}</button></form>{{end}}
</body></html>`))

// UnsubscribeHandler serves the signed unsubscribe links: GET shows a page
// with one button (so mail scanners that follow links change nothing), and
// POST, from that button or from a mail client's List-Unsubscribe-Post
// one-click, turns the kind off. No login is needed.
func UnsubscribeHandler(svc *notify.Service, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := domain.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
		t := func(zh, en string) string { return domain.Text{ZH: zh, EN: en}.In(lang) }
		token := r.URL.Query().Get("t")
		page := map[string]any{"Lang": string(lang), "Token": token}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
		switch r.Method {
		case http.MethodGet:
			page["Title"], page["Body"], page["Button"], page["Form"] = t("退订邮件", "Unsubscribe"),
				t("点击下面的按钮，不再接收这一类邮件。其他通知不受影响。", "Press the button to stop this kind of mail. Other notifications stay as they are."),
				t("退订", "Unsubscribe"), true
		case http.MethodPost:
			if err := r.ParseForm(); err == nil && r.PostForm.Get("t") != "" {
				token = r.PostForm.Get("t")
			}
			k, err := svc.Unsubscribe(r.Context(), token)
			if err != nil {
				if domain.ErrorCode(err) != domain.Invalid {
					log.ErrorContext(r.Context(), "unsubscribe", "err", err)
					w.WriteHeader(http.StatusInternalServerError)
				} else {
					w.WriteHeader(http.StatusBadRequest)
				}
				page["Title"], page["Body"] = t("链接无效", "Invalid link"), t("这个退订链接无效。", "This unsubscribe link is not valid.")
				break
			}
			page["Title"], page["Body"] = t("已退订", "Unsubscribed"),
				t("您将不再收到“"+k.Label().ZH+"”邮件。可以随时在“通知设置”中重新打开。", "You will no longer get “"+k.Label().EN+"” mail. You can turn it back on in your notification settings.")
		default:
			w.Header().Set("Allow", "GET, POST")
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		_ = unsubscribePage.Execute(w, page)
	})
}

// CalendarHandler serves /calendar/<token>.ics, a person's iCalendar feed.
func CalendarHandler(svc *notify.Service, log *slog.Logger, sources ...notify.CalendarSource) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/calendar/"), ".ics")
		if !ok || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			http.NotFound(w, r)
			return
		}
		feed, err := svc.CalendarFeed(r.Context(), token, sources...)
		if err != nil {
			if domain.ErrorCode(err) == domain.NotFound {
				http.NotFound(w, r)
				return
			}
			log.ErrorContext(r.Context(), "calendar feed", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		w.Header().Set("Cache-Control", "private, max-age=300")
		_, _ = io.WriteString(w, feed)
	})
}
