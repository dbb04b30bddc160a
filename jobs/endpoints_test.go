package jobs_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/jobs/mail"
)

func TestUnsubscribe(t *testing.T) {
	f := newFixture(t)
	u := f.user(t, "unsub@example.com")
	ctx := context.Background()
	if err := f.a.notify.Enqueue(ctx, f.reminder(u, "join:1", f.clock.Now())); err != nil {
		t.Fatal(err)
	}
	f.dispatch(t)
	var link string
	for _, r := range f.sg.Requests() {
		if r.CustomArgs["kind"] == string(notify.KindJoinDecided) {
			link = r.Personalizations[0].Substitutions[notify.UnsubscribePlaceholder]
			if h := r.Personalizations[0].Headers["List-Unsubscribe"]; h != "<"+link+">" {
				t.Errorf("List-Unsubscribe = %q, want <%s>", h, link)
			}
		}
	}
	if !strings.HasPrefix(link, "http://yishi.test/unsubscribe?t=") {
		t.Fatalf("unsubscribe link %q", link)
	}
	srv := httptest.NewServer(mail.UnsubscribeHandler(f.a.notify, f.log))
	defer srv.Close()
	target := srv.URL + strings.TrimPrefix(link, "http://yishi.test/unsubscribe")
	// A GET (a mail scanner following the link) changes nothing.
	res, err := http.Get(target)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if p, _ := f.prefsOf(t, u); len(p.Off) != 0 {
		t.Fatalf("GET unsubscribed: %+v", p)
	}
	// The one-click POST, without any login.
	res, err = http.Post(target, "application/x-www-form-urlencoded", strings.NewReader("List-Unsubscribe=One-Click"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "已退订") {
		t.Fatalf("POST = %d %s", res.StatusCode, body)
	}
	// That kind stops; the weekly digest and urgent mail do not.
	if err := f.a.notify.Enqueue(ctx, f.reminder(u, "join:2", f.clock.Now())); err != nil {
		t.Fatal(err)
	}
	if err := f.a.accounts.RequestPasswordReset(ctx, "unsub@example.com"); err != nil {
		t.Fatal(err)
	}
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "unsub@example.com"); n != 1 {
		t.Errorf("%d join mails, want only the one before unsubscribing", n)
	}
	if n := f.count(notify.KindPasswordReset, "unsub@example.com"); n != 1 {
		t.Errorf("urgent mail stopped by an unsubscribe")
	}
	p, _ := f.prefsOf(t, u)
	if !p.Digest || len(p.Off) != 1 || p.Off[0] != notify.KindJoinDecided {
		t.Errorf("preferences %+v, want only join_decided off", p)
	}
	t.Run("ErrTampered", func(t *testing.T) {
		res, err := http.PostForm(srv.URL, url.Values{"t": {strings.Replace(strings.TrimPrefix(link, "http://yishi.test/unsubscribe?t="), "A", "B", 1) + "x"}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("tampered token: %d", res.StatusCode)
		}
	})
}

func (f *fixture) prefsOf(tb testing.TB, u domain.ID) (notify.Preferences, error) {
	tb.Helper()
	return f.a.notify.MyPreferences(domain.NewContextWithActor(context.Background(), domain.Actor{UserID: u}))
}

func TestWebhook(t *testing.T) {
	f := newFixture(t)
	u := f.user(t, "bounce@example.com")
	f.dispatch(t)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
	pub, err := mail.ParseWebhookKey(base64.StdEncoding.EncodeToString(der))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mail.WebhookHandler(f.a.notify, pub, f.log, f.clock.Now))
	defer srv.Close()
	post := func(body string, ts time.Time, signWith *ecdsa.PrivateKey) int {
		tsText := strconv.FormatInt(ts.Unix(), 10)
		sum := sha256.Sum256([]byte(tsText + body))
		sig, err := ecdsa.SignASN1(rand.Reader, signWith, sum[:])
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
		req.Header.Set(mail.SignatureHeader, base64.StdEncoding.EncodeToString(sig))
		req.Header.Set(mail.TimestampHeader, tsText)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	events := `[{"email":"Bounce@example.com","event":"bounce","sg_event_id":"ev-1","reason":"550 no such user"},{"email":"x@example.com","event":"delivered","sg_event_id":"ev-2"}]`
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if got := post(events, f.clock.Now(), other); got != http.StatusUnauthorized {
		t.Errorf("bad signature: %d, want 401", got)
	}
	if got := post(events, f.clock.Now().Add(-6*time.Minute), key); got != http.StatusBadRequest {
		t.Errorf("old timestamp: %d, want 400", got)
	}
	if got := post(events, f.clock.Now(), key); got != http.StatusNoContent {
		t.Fatalf("valid: %d, want 204", got)
	}
	if got := post(events, f.clock.Now(), key); got != http.StatusNoContent {
		t.Fatalf("valid again: %d, want 204", got)
	}
	n, err := f.db.Collection("provider_events").CountDocuments(context.Background(), map[string]any{})
	if err != nil || n != 2 {
		t.Errorf("%d events recorded (%v), want 2: each processed once", n, err)
	}
	if err := f.a.notify.Enqueue(context.Background(), f.reminder(u, "join:after-bounce", f.clock.Now())); err != nil {
		t.Fatal(err)
	}
	f.dispatch(t)
	if n := f.count(notify.KindJoinDecided, "bounce@example.com"); n != 0 {
		t.Errorf("mailed a bounced address")
	}
	if it := f.state(t, "join:after-bounce")[0]; it.State != notify.Failed || !strings.Contains(it.LastError, "undeliverable") {
		t.Errorf("item %+v, want failed as undeliverable", it)
	}
	bad, err := f.a.notify.Undeliverable(context.Background(), []string{"bounce@example.com"})
	if err != nil || bad["bounce@example.com"] != "bounce" {
		t.Errorf("undeliverable = %v, %v", bad, err)
	}
}

func TestCalendarFeed(t *testing.T) {
	f := newFixture(t)
	u := f.user(t, "cal@example.com")
	ctx := domain.NewContextWithActor(context.Background(), domain.Actor{UserID: u})
	feedURL, err := f.a.notify.CalendarURL(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mail.CalendarHandler(f.a.notify, f.log, meetings{u}))
	defer srv.Close()
	get := func(feed string) (int, string) {
		res, err := http.Get(srv.URL + strings.TrimPrefix(feed, "http://yishi.test"))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	status, body := get(feedURL)
	if status != 200 {
		t.Fatalf("feed: %d %s", status, body)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(body))
	if err != nil {
		t.Fatalf("feed is not iCalendar: %v\n%s", err, body)
	}
	if evs := cal.Events(); len(evs) != 1 || evs[0].GetProperty(ics.ComponentPropertySummary).Value != "村口停车难 议事会" {
		t.Errorf("events = %d\n%s", len(evs), body)
	}
	if !strings.Contains(body, "BEGIN:VCALENDAR") || !strings.Contains(body, "VERSION:2.0") || !strings.Contains(body, "\r\n") {
		t.Errorf("not RFC 5545 framing:\n%s", body)
	}
	fresh, err := f.a.notify.RegenerateCalendarURL(ctx)
	if err != nil || fresh == feedURL {
		t.Fatalf("regenerate: %q, %v", fresh, err)
	}
	if status, _ := get(feedURL); status != http.StatusNotFound {
		t.Errorf("old feed URL: %d, want 404", status)
	}
	if status, _ := get(fresh); status != 200 {
		t.Errorf("new feed URL: %d", status)
	}
	if status, _ := get("http://yishi.test/calendar/garbage.ics"); status != http.StatusNotFound {
		t.Errorf("garbage token: %d", status)
	}
}

// meetings is a calendar source with one meeting for one user, standing in
// for the deliberation area that will provide meetings.
type meetings struct{ user domain.ID }

func (m meetings) UpcomingEvents(_ context.Context, user domain.ID, from time.Time) ([]notify.Event, error) {
	if user != m.user {
		return nil, nil
	}
	start := from.Add(48 * time.Hour)
	return []notify.Event{{UID: "meeting-1", Title: "村口停车难 议事会", Location: "村委会二楼", Start: start, End: start.Add(2 * time.Hour)}}, nil
}
