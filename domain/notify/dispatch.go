package notify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Delivery rules.
const (
	MaxAttempts  = 8               // then the item fails for good
	firstBackoff = time.Minute     // doubled after each failure ...
	maxBackoff   = time.Hour       // ... up to an hour
	claimTTL     = 5 * time.Minute // a claim older than this was abandoned by a crash
	batchLimit   = 1000            // SendGrid's limit of personalizations per request
	roundLimit   = 10000           // items read per round: a large round batches identical mail better
)

// backoff is the wait after the n-th failed attempt.
func backoff(n int) time.Duration {
	d := firstBackoff
	for i := 1; i < n && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}

// DispatchStats says what a dispatch did.
type DispatchStats struct {
	Sent, Retried, Failed, Deferred, Cancelled, Requests int
}

// Dispatch sends every item due at now. Each item is claimed, just before
// the request that sends it, by inserting a claim keyed by (item, attempt)
// and stamped with the time of its insert, so several dispatchers never
// send one attempt twice however long a round takes; a claim left by a
// crash expires after claimTTL (longer than any one request may take) and
// the item is sent again under the next attempt number. Items leave the
// queue after each request. Non-urgent items that fall in the recipient's
// quiet hours wait for the morning. Recipients of identical content share
// one request. In one instance, rounds run one at a time: the wake-up for
// urgent mail waits for the minute's round, and the other way round.
func (s *Service) Dispatch(ctx context.Context, now time.Time) (DispatchStats, error) {
	var st DispatchStats
	if s.mailer == nil || s.directory == nil {
		return st, fmt.Errorf("dispatch: no mailer or directory")
	}
	s.dispatching.Lock()
	defer s.dispatching.Unlock()
	now = now.UTC()
	// Rounds page through the due items by (due_at, _id), so items that
	// stay due (held by quiet hours or by another dispatcher) cannot hide
	// the ones behind them.
	var after *outboxDoc
	for {
		due, err := s.findDue(ctx, now, after)
		if err != nil {
			return st, err
		}
		if len(due) == 0 {
			return st, nil
		}
		last := due[len(due)-1]
		after = &last
		if err := s.dispatchRound(ctx, now, due, &st); err != nil {
			return st, err
		}
		if len(due) < roundLimit {
			return st, nil
		}
	}
}

// ready is an item to send, with its recipient and content, and once
// claimed the attempt it is sent under.
type ready struct {
	doc       outboxDoc
	attempt   int
	recipient Recipient
	content   content
}

type content struct{ subject, text, html string }

func (s *Service) dispatchRound(ctx context.Context, now time.Time, due []outboxDoc, st *DispatchStats) error {
	ids := make([]domain.ID, 0, len(due))
	for _, d := range due {
		ids = append(ids, d.RecipientID)
	}
	recipients, err := s.directory.Recipients(ctx, ids)
	if err != nil {
		return fmt.Errorf("find recipients: %w", err)
	}
	prefs, err := s.prefsFor(ctx, ids)
	if err != nil {
		return err
	}
	emails := []string{}
	for _, r := range recipients {
		if r.Email != "" {
			emails = append(emails, r.Email)
		}
	}
	bad, err := s.undeliverable(ctx, emails)
	if err != nil {
		return err
	}

	var toSend []ready
	var closed []outboxDoc
	closeAs := func(d outboxDoc, state State, reason string) {
		d.State, d.LastError = string(state), reason
		closed = append(closed, d)
	}
	for _, d := range due {
		spec := kinds[Kind(d.Kind)]
		r, ok := recipients[d.RecipientID]
		p := prefs[d.RecipientID]
		switch {
		case !ok || r.Email == "":
			st.Cancelled++
			closeAs(d, Skipped, "recipient has no email")
			continue
		case !spec.Urgent && !r.Verified:
			st.Cancelled++
			closeAs(d, Skipped, "email not verified")
			continue
		case !spec.Urgent && p.off(Kind(d.Kind)):
			st.Cancelled++
			closeAs(d, Cancelled, "turned off by the recipient")
			continue
		case bad[r.Email]:
			st.Failed++
			closeAs(d, Failed, "address undeliverable (bounced, dropped or reported as spam)")
			continue
		}
		if !spec.Urgent {
			if _, quiet := p.quietUntil(now, d.Zone); quiet {
				// It stays due and is looked at again each minute until
				// the quiet hours end; moving due_at would be an update.
				st.Deferred++
				continue
			}
		}
		c, err := render(Kind(d.Kind), r, d.Data)
		if err != nil {
			return err
		}
		toSend = append(toSend, ready{doc: d, recipient: r, content: c})
	}
	// Items not to be sent leave the queue together, before any request.
	if err := s.finishItems(ctx, closed); err != nil {
		return err
	}
	return s.send(ctx, now, toSend, st)
}

// claim inserts the claim for the item's next attempt, stamped with the
// time of the insert. A claim that exists and has not expired means another
// dispatcher is sending it (0, false); an expired one was abandoned and the
// attempt after it is tried. When every attempt's claim was abandoned, it
// reports the attempt and false.
func (s *Service) claim(ctx context.Context, d outboxDoc) (attempt int, ok bool, err error) {
	for attempt = d.Attempts + 1; attempt <= d.Attempts+MaxAttempts; attempt++ {
		at := s.now().UTC()
		c := claimDoc{ID: fmt.Sprintf("%s#%d", d.ID, attempt), OutboxID: d.ID, Attempt: attempt, ClaimedAt: at, ExpiresAt: at.Add(claimTTL)}
		won, err := s.insertClaim(ctx, c)
		if err != nil {
			return 0, false, err
		}
		if won {
			return attempt, true, nil
		}
		held, err := s.findClaim(ctx, c.ID)
		if err != nil {
			return 0, false, err
		}
		if at.Before(held.ExpiresAt) {
			return 0, false, nil
		}
	}
	return attempt, false, nil // claims used up
}

// send groups the items by identical content and sends each group in
// requests of at most batchLimit recipients. Each request's items are
// claimed just before it, and those it finishes (sent or failed for good)
// leave the queue just after it.
func (s *Service) send(ctx context.Context, now time.Time, items []ready, st *DispatchStats) error {
	groups := map[content][]ready{}
	var order []content
	for _, it := range items {
		key := it.content
		if kinds[Kind(it.doc.Kind)].Personal {
			key.subject += "\x00" + it.doc.ID // never shared
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], it)
	}
	for _, key := range order {
		group := groups[key]
		for start := 0; start < len(group); start += batchLimit {
			if err := s.sendRequest(ctx, now, group[start:min(start+batchLimit, len(group))], st); err != nil {
				return err
			}
		}
	}
	return nil
}

// sendRequest claims the items of one request, sends those it claimed in
// one request, and records the outcome.
func (s *Service) sendRequest(ctx context.Context, now time.Time, part []ready, st *DispatchStats) error {
	var claimed []ready
	var abandoned []outboxDoc
	for _, it := range part {
		attempt, ok, err := s.claim(ctx, it.doc)
		if err != nil {
			return err
		}
		if !ok {
			if attempt > 0 { // every claim it may take was abandoned by crashes
				d := it.doc
				d.State, d.LastError = string(Failed), "delivery abandoned too often"
				abandoned = append(abandoned, d)
				st.Failed++
			}
			continue // else another dispatcher holds it
		}
		it.attempt = attempt
		claimed = append(claimed, it)
	}
	if err := s.finishItems(ctx, abandoned); err != nil || len(claimed) == 0 {
		return err
	}
	msg := Message{Kind: claimed[0].doc.Kind, Subject: claimed[0].content.subject, Text: claimed[0].content.text, HTML: claimed[0].content.html}
	for _, it := range claimed {
		unsub, err := s.unsubscribeURL(ctx, it.recipient.UserID, Kind(it.doc.Kind))
		if err != nil {
			return err
		}
		msg.To = append(msg.To, Envelope{Email: it.recipient.Email, Name: it.recipient.Name, OutboxID: it.doc.ID, UnsubscribeURL: unsub})
	}
	st.Requests++
	id, sendErr := s.mailer.Send(ctx, msg)
	done, err := s.record(ctx, now, claimed, id, sendErr, st)
	if ferr := s.finishItems(ctx, done); err == nil {
		err = ferr
	}
	return err
}

// record notes the outcome of one request for its items: it returns those
// sent or failed for good, to move to the log, and gives items to retry
// their next due time.
func (s *Service) record(ctx context.Context, now time.Time, part []ready, messageID string, sendErr error, st *DispatchStats) ([]outboxDoc, error) {
	var done []outboxDoc
	if sendErr == nil {
		for _, it := range part {
			d := it.doc
			d.State, d.Attempts, d.MessageID, d.SentAt, d.LastError = string(Sent), it.attempt, messageID, now, ""
			done = append(done, d)
			st.Sent++
		}
		return done, nil
	}
	var se *SendError
	temporary, wait := true, time.Duration(0)
	if errors.As(sendErr, &se) {
		temporary, wait = se.Temporary, se.RetryAfter
	}
	s.log.WarnContext(ctx, "mail not sent", "kind", part[0].doc.Kind, "recipients", len(part), "temporary", temporary, "err", sendErr)
	reason := truncate(sendErr.Error(), 500)
	for _, it := range part {
		if !temporary || it.attempt-it.doc.RetryBase >= MaxAttempts {
			d := it.doc
			d.State, d.Attempts, d.LastError = string(Failed), it.attempt, reason
			done = append(done, d)
			st.Failed++
			continue
		}
		due := now.Add(max(wait, backoff(it.attempt-it.doc.RetryBase)))
		if err := s.scheduleRetry(ctx, it.doc.ID, it.attempt, reason, due); err != nil {
			return done, err
		}
		st.Retried++
	}
	return done, nil
}

// render fills the kind's templates in the recipient's language.
func render(k Kind, r Recipient, data map[string]string) (content, error) {
	lang := r.Lang
	if lang != domain.English {
		lang = domain.Chinese
	}
	t := compiledTemplates()[k][lang]
	in := map[string]any{"D": data, "R": r}
	var subject, text, html bytes.Buffer
	if err := t.subject.Execute(&subject, in); err != nil {
		return content{}, fmt.Errorf("render %s subject: %w", k, err)
	}
	if err := t.text.Execute(&text, in); err != nil {
		return content{}, fmt.Errorf("render %s text: %w", k, err)
	}
	if err := t.html.Execute(&html, in); err != nil {
		return content{}, fmt.Errorf("render %s html: %w", k, err)
	}
	return content{subject: strings.TrimSpace(subject.String()), text: text.String(), html: html.String()}, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
