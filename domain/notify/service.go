package notify

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Service keeps the outbox and sends it.
type Service struct {
	db        *mongo.Database
	mailer    Mailer
	directory Directory
	admin     func(ctx context.Context, communityID domain.ID) error
	now       func() time.Time
	baseURL   string
	log       *slog.Logger
	wake      chan struct{}

	dispatching sync.Mutex // one round at a time in this instance
	secretOnce  sync.Mutex
	secret      []byte
}

// Config holds the Service's collaborators.
type Config struct {
	Mailer    Mailer
	Directory Directory // may be set later with SetDirectory
	// RequireAdmin returns nil when the actor administers the community,
	// else a coded error; it guards the failed-delivery list and retries.
	RequireAdmin func(ctx context.Context, communityID domain.ID) error
	Now          func() time.Time // default time.Now
	BaseURL      string           // links in mail start with it
	Log          *slog.Logger
}

// NewService returns a notify Service over d.
func NewService(d *mongo.Database, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &Service{
		db: d, mailer: cfg.Mailer, directory: cfg.Directory, admin: cfg.RequireAdmin, now: cfg.Now,
		baseURL: strings.TrimRight(cfg.BaseURL, "/"), log: cfg.Log, wake: make(chan struct{}, 1),
	}
}

// SetDirectory sets where recipients are looked up; the account area, which
// itself enqueues through this Service, is built after it.
func (s *Service) SetDirectory(d Directory) { s.directory = d }

// SetRequireAdmin sets the admin check, which the community area provides.
func (s *Service) SetRequireAdmin(f func(ctx context.Context, communityID domain.ID) error) {
	s.admin = f
}

// Wake is signalled when an urgent item is enqueued, so the dispatcher can
// send it now rather than at its next tick.
func (s *Service) Wake() <-chan struct{} { return s.wake }

// Item is one notification to one person.
type Item struct {
	ID          domain.ID
	Kind        Kind
	CommunityID domain.ID
	RecipientID domain.ID
	// Subject is what the item is about, such as "meeting:<id>"; Cancel and
	// Reschedule find items by it.
	Subject string
	// Occurrence tells apart repeated items of one subject, such as "24h"
	// and "1h" before a meeting.
	Occurrence string
	// Zone is the IANA zone of quiet hours (default Asia/Shanghai).
	Zone      string
	Data      map[string]string
	SendAt    time.Time
	DueAt     time.Time
	State     State
	Attempts  int
	MessageID string
	LastError string
	CreatedAt time.Time
	SentAt    time.Time
}

// dedupeKey is the outbox _id: one item per kind, subject, recipient and
// occurrence, however often it is enqueued.
func dedupeKey(it Item) string {
	raw := strings.Join([]string{string(it.Kind), it.Subject, string(it.RecipientID), it.Occurrence}, "\x00")
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:16])
}

// Enqueue adds an item to the outbox, to be sent at SendAt (now if zero).
// Enqueuing the same kind, subject, recipient and occurrence again changes
// nothing. Errors: Invalid (unknown kind, no recipient).
func (s *Service) Enqueue(ctx context.Context, it Item) error {
	if !it.Kind.Valid() {
		return domain.InvalidField("kind", "未知的通知类型", "unknown notification kind")
	}
	if it.RecipientID == "" {
		return domain.InvalidField("recipient", "缺少收件人", "no recipient")
	}
	now := s.now().UTC()
	if it.SendAt.IsZero() {
		it.SendAt = now
	}
	if it.Zone == "" {
		it.Zone = defaultZone
	}
	d := outboxDoc{
		ID: dedupeKey(it), Kind: string(it.Kind), CommunityID: it.CommunityID, RecipientID: it.RecipientID,
		Subject: it.Subject, Occurrence: it.Occurrence, Zone: it.Zone, Data: it.Data,
		SendAt: it.SendAt.UTC(), DueAt: it.SendAt.UTC(), State: string(Pending), CreatedAt: now,
	}
	if d.Data == nil {
		d.Data = map[string]string{}
	}
	// The key is kept after the item is sent, so enqueuing it again later
	// changes nothing either.
	won, err := s.claimKey(ctx, d)
	if err != nil {
		return err
	}
	if !won {
		return nil
	}
	if err := s.insertItem(ctx, d); err != nil {
		_ = s.releaseKey(ctx, d.ID) // so it can be queued again
		return err
	}
	if kinds[it.Kind].Urgent {
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
	return nil
}

const defaultZone = "Asia/Shanghai"

// Cancel cancels the pending items about a subject, for example when a
// meeting is called off.
func (s *Service) Cancel(ctx context.Context, subject string) error {
	docs, err := s.findItemsAbout(ctx, subject)
	if err != nil {
		return err
	}
	for i := range docs {
		docs[i].State, docs[i].LastError = string(Cancelled), "subject cancelled"
	}
	return s.finishItems(ctx, docs)
}

// finishItems moves items from the queue to the log, in their final state.
// Data of secret kinds (one-time links) is not kept.
func (s *Service) finishItems(ctx context.Context, docs []outboxDoc) error {
	for start := 0; start < len(docs); start += batchLimit {
		part := docs[start:min(start+batchLimit, len(docs))]
		logged := make([]outboxDoc, len(part))
		ids := make([]string, len(part))
		for i, d := range part {
			ids[i] = d.ID
			if kinds[Kind(d.Kind)].Secret {
				d.Data = map[string]string{}
			}
			// In the log, items get time-ordered IDs, so a history pages
			// in the order things happened.
			d.Key, d.ID = d.ID, string(domain.NewID())
			logged[i] = d
		}
		if err := s.logItems(ctx, logged); err != nil {
			return err
		}
		if err := s.dequeueItems(ctx, ids); err != nil {
			return err
		}
	}
	return nil
}

// Reschedule moves the pending items about a subject by delta, for example
// when a meeting moves.
func (s *Service) Reschedule(ctx context.Context, subject string, delta time.Duration) error {
	items, err := s.findItemsAbout(ctx, subject)
	if err != nil {
		return err
	}
	for _, d := range items {
		if err := s.moveItem(ctx, d.ID, d.SendAt.Add(delta)); err != nil {
			return err
		}
	}
	return nil
}

// History lists the actor's finished notifications (sent, failed,
// cancelled or skipped), in the order they finished. Errors:
// Unauthenticated, Invalid.
func (s *Service) History(ctx context.Context, page domain.Page) (domain.List[Item], error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return domain.List[Item]{}, err
	}
	docs, next, total, err := s.historyPage(ctx, actor.UserID, page)
	return toList(docs, next, total), err
}

// Failed lists a community's items that gave up, for its admins.
// Errors: Unauthenticated, Forbidden, Invalid (page).
func (s *Service) Failed(ctx context.Context, communityID domain.ID, page domain.Page) (domain.List[Item], error) {
	if err := s.requireAdmin(ctx, communityID); err != nil {
		return domain.List[Item]{}, err
	}
	docs, next, total, err := s.failedPage(ctx, communityID, page)
	return toList(docs, next, total), err
}

// Retry puts a failed item back in the queue with a fresh count of attempts.
// Errors: Unauthenticated, NotFound (also another community's), Forbidden,
// Conflict (not failed).
func (s *Service) Retry(ctx context.Context, id domain.ID) (Item, error) {
	d, err := s.findLogged(ctx, id)
	if db.IsNotFound(err) || (err == nil && d.CommunityID == "") {
		return Item{}, errItemNotFound
	}
	if err != nil {
		return Item{}, err
	}
	if err := s.requireAdmin(ctx, d.CommunityID); err != nil {
		if domain.ErrorCode(err) == domain.Forbidden {
			return Item{}, errItemNotFound
		}
		return Item{}, err
	}
	if State(d.State) != Failed {
		return toItem(d), domain.Errorf(domain.Conflict, "只能重试发送失败的通知", "only failed notifications can be retried")
	}
	// Attempts go on from the claims already used, so new claims are new.
	logID := d.ID
	if d.Key != "" {
		d.ID, d.Key = d.Key, ""
	}
	d.State, d.DueAt, d.LastError, d.RetryBase = string(Pending), s.now().UTC(), "", d.Attempts
	won, err := s.requeueItem(ctx, d)
	if err != nil {
		return Item{}, err
	}
	if !won {
		return toItem(d), domain.Errorf(domain.Conflict, "该通知已在重试", "this notification is already being retried")
	}
	if err := s.unlogItem(ctx, logID); err != nil {
		return Item{}, err
	}
	return toItem(d), nil
}

var errItemNotFound = domain.ErrNotFound("通知", "notification")

func (s *Service) requireAdmin(ctx context.Context, communityID domain.ID) error {
	if _, err := domain.RequireUser(ctx); err != nil {
		return err
	}
	if s.admin == nil {
		return domain.ErrForbidden
	}
	return s.admin(ctx, communityID)
}

func toList(docs []outboxDoc, next bool, total int) domain.List[Item] {
	l := domain.List[Item]{HasNextPage: next, TotalCount: total, Items: make([]Item, len(docs))}
	for i, d := range docs {
		l.Items[i] = toItem(d)
	}
	return l
}

// secretKey returns the key that signs unsubscribe links and calendar feed
// tokens, made once per database: the first instance to insert it wins.
func (s *Service) secretKey(ctx context.Context) ([]byte, error) {
	s.secretOnce.Lock()
	defer s.secretOnce.Unlock()
	if s.secret != nil {
		return s.secret, nil
	}
	fresh := make([]byte, 32)
	_, _ = rand.Read(fresh)
	if err := s.insertSecret(ctx, secretDoc{Name: "notify", Value: fresh}); err != nil {
		return nil, err
	}
	d, err := s.findSecret(ctx, "notify")
	if err != nil {
		return nil, err
	}
	if len(d.Value) < 32 {
		return nil, fmt.Errorf("notify secret is too short")
	}
	s.secret = d.Value
	return s.secret, nil
}

// RepairQueue queues the items whose key was taken between 2 days and a
// minute before now but that are neither in the queue nor in the log: a
// stop between taking an item's key and queueing it kept it out, and the
// key keeps any later Enqueue of it from queueing it. It returns how many
// it queued; it cannot bring back a secret kind's item, which the person
// asks for again.
func (s *Service) RepairQueue(ctx context.Context, now time.Time) (int, error) {
	keys, err := s.findKeysBetween(ctx, now.Add(-48*time.Hour), now.Add(-time.Minute))
	if err != nil || len(keys) == 0 {
		return 0, err
	}
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	found, err := s.queuedOrLogged(ctx, ids)
	if err != nil {
		return 0, err
	}
	queued := 0
	for _, k := range keys {
		if found[k.ID] || k.Item == nil {
			continue
		}
		if err := s.insertItem(ctx, *k.Item); err != nil && domain.ErrorCode(err) != domain.Conflict {
			return queued, err
		}
		queued++
	}
	return queued, nil
}

// Repair finishes what a stop can leave half done in this area: items kept
// out of the queue after their key was taken. cmd runs it at start-up and
// jobs in the daily clean-up.
func (s *Service) Repair(ctx context.Context, now time.Time) (int, error) {
	return s.RepairQueue(ctx, now)
}

// DeleteOld removes what can no longer matter at now: delivery claims and
// provider event ids after 30 days. Outbox keys and the log stay, so an
// item is never sent twice and people keep their history.
func (s *Service) DeleteOld(ctx context.Context, now time.Time) (int64, error) {
	var total int64
	for _, deleteBefore := range []func(context.Context, time.Time) (int, error){s.deleteClaimsBefore, s.deleteEventsBefore} {
		n, err := deleteBefore(ctx, now.AddDate(0, 0, -30))
		if err != nil {
			return total, err
		}
		total += int64(n)
	}
	return total, nil
}

// Notification reads a finished notification: its recipient's, or a
// community's for its admins. Errors: Unauthenticated, NotFound (also one
// the actor may not see).
func (s *Service) Notification(ctx context.Context, id domain.ID) (Item, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return Item{}, err
	}
	d, err := s.findLogged(ctx, id)
	if db.IsNotFound(err) {
		return Item{}, errItemNotFound
	}
	if err != nil {
		return Item{}, err
	}
	if d.RecipientID == actor.UserID {
		return toItem(d), nil
	}
	if d.CommunityID == "" || s.requireAdmin(ctx, d.CommunityID) != nil {
		return Item{}, errItemNotFound
	}
	return toItem(d), nil
}
