package notify

import (
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Collections owned by this area.
const (
	outboxColl   = "outbox"             // the queue: pending items only; _id is the dedupe key
	logColl      = "notification_log"   // finished items (sent, failed, cancelled, skipped), same _id
	keysColl     = "outbox_keys"        // _id is the dedupe key of every item ever queued
	claimsColl   = "delivery_claims"    // _id is outbox id + "#" + attempt: whoever inserts it sends
	prefsColl    = "notification_prefs" // _id is the user id
	badAddrColl  = "undeliverable"      // _id is the email address
	eventsColl   = "provider_events"    // _id is the provider's event id: each processed once
	secretsColl  = "secrets"            // _id is the secret's name: created once, never changed
	calendarColl = "calendar_feeds"     // _id is the user id: the feed token's version
)

// Indexes returns the indexes this area needs.
func Indexes() []db.Index {
	return []db.Index{
		{Collection: outboxColl, Keys: bson.D{{Key: "due_at", Value: 1}}},
		{Collection: outboxColl, Keys: bson.D{{Key: "subject", Value: 1}}},
		{Collection: logColl, Keys: bson.D{{Key: "recipient_id", Value: 1}}},
		{Collection: logColl, Keys: bson.D{{Key: "key", Value: 1}}},
		{Collection: keysColl, Keys: bson.D{{Key: "at", Value: 1}}},
		{Collection: logColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}}},
	}
}

// The outbox holds only pending items, and finished ones move to the log
// (an insert and a batched delete), because on the embedded FerretDB every
// update of a document reads its whole collection: a queue that kept its
// history and updated each item as it went would make dispatching
// quadratic in the history's size.

// keyDoc records that an item was queued. It holds a copy of the item
// (but never of a secret kind's, whose data is a one-time link), so that
// RepairQueue can queue an item that a stop kept from the queue after its
// key was taken.
type keyDoc struct {
	ID   string     `bson:"_id"`
	At   time.Time  `bson:"at,omitempty"`
	Item *outboxDoc `bson:"item,omitempty"`
}

// State is where an outbox item stands.
type State string

// Outbox item states.
const (
	Pending   State = "pending"
	Sent      State = "sent"
	Failed    State = "failed"    // gave up: a permanent error or too many attempts
	Cancelled State = "cancelled" // its subject went away, or the recipient turned the kind off
	Skipped   State = "skipped"   // the recipient has no email
)

type outboxDoc struct {
	ID          string            `bson:"_id"`
	Key         string            `bson:"key,omitempty"` // in the log: the item's dedupe key (its queue _id)
	Kind        string            `bson:"kind"`
	CommunityID domain.ID         `bson:"community_id"`
	RecipientID domain.ID         `bson:"recipient_id"`
	Subject     string            `bson:"subject"`
	Occurrence  string            `bson:"occurrence"`
	Zone        string            `bson:"zone"`
	Data        map[string]string `bson:"data"`
	SendAt      time.Time         `bson:"send_at"`
	DueAt       time.Time         `bson:"due_at"` // send_at, moved by retries
	State       string            `bson:"state"`
	Attempts    int               `bson:"attempts"`
	RetryBase   int               `bson:"retry_base"` // attempts already made when an admin retried
	MessageID   string            `bson:"message_id,omitempty"`
	LastError   string            `bson:"last_error,omitempty"`
	CreatedAt   time.Time         `bson:"created_at"`
	SentAt      time.Time         `bson:"sent_at,omitempty"`
}

func toItem(d outboxDoc) Item {
	return Item{
		ID: domain.ID(d.ID), Kind: Kind(d.Kind), CommunityID: d.CommunityID, RecipientID: d.RecipientID,
		Subject: d.Subject, Occurrence: d.Occurrence, Zone: d.Zone, SendAt: d.SendAt, DueAt: d.DueAt,
		State: State(d.State), Attempts: d.Attempts, MessageID: d.MessageID, LastError: d.LastError,
		CreatedAt: d.CreatedAt, SentAt: d.SentAt,
	}
}

type claimDoc struct {
	ID        string    `bson:"_id"`
	OutboxID  string    `bson:"outbox_id"`
	Attempt   int       `bson:"attempt"`
	ClaimedAt time.Time `bson:"claimed_at"`
	ExpiresAt time.Time `bson:"expires_at"`
}

type prefsDoc struct {
	UserID       domain.ID `bson:"_id"`
	Off          []string  `bson:"off"`
	Digest       bool      `bson:"digest"`
	QuietStart   int       `bson:"quiet_start"` // minutes after local midnight
	QuietEnd     int       `bson:"quiet_end"`
	QuietEnabled bool      `bson:"quiet_enabled"`
}

func toPrefs(d prefsDoc) Preferences {
	p := Preferences{Digest: d.Digest, QuietEnabled: d.QuietEnabled, QuietStart: d.QuietStart, QuietEnd: d.QuietEnd}
	for _, k := range d.Off {
		p.Off = append(p.Off, Kind(k))
	}
	return p
}

type badAddrDoc struct {
	Email  string    `bson:"_id"`
	Event  string    `bson:"event"`
	Reason string    `bson:"reason"`
	At     time.Time `bson:"at"`
}

type eventDoc struct {
	ID    string    `bson:"_id"`
	Event string    `bson:"event"`
	At    time.Time `bson:"at"`
}

type secretDoc struct {
	Name  string `bson:"_id"`
	Value []byte `bson:"value"`
}

type calendarDoc struct {
	UserID  domain.ID `bson:"_id"`
	Version int       `bson:"version"`
}
