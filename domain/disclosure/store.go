package disclosure

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Collections owned by this area.
const (
	disclosuresColl = "disclosures"           // slot is unique: one disclosure per community, kind and period
	versionsColl    = "disclosure_versions"   // (disclosure_id, number) is unique: the first insert of a number wins
	itemsColl       = "disclosure_items"      // _id is the hash of its items: written once, never changed
	questionsColl   = "disclosure_questions"  // state changes are conditional updates
	postingsColl    = "disclosure_postings"   // _id is version/micro-grid/date/way: one each
	readsColl       = "disclosure_reads"      // _id is the version: a counter
	schedulesColl   = "disclosure_schedules"  // _id is the community
	categoriesColl  = "disclosure_categories" // _id is community/parent/name: one name per account
)

// Indexes returns the indexes this area needs. The unique ones carry the
// invariants; their fields are always present.
func Indexes() []db.Index {
	return []db.Index{
		{Collection: disclosuresColl, Keys: bson.D{{Key: "slot", Value: 1}}, Unique: true},
		{Collection: disclosuresColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "order", Value: 1}}}, // the list's pages
		{Collection: disclosuresColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "kind", Value: 1}, {Key: "starts", Value: 1}}},
		{Collection: disclosuresColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "published", Value: 1}}},
		{Collection: versionsColl, Keys: bson.D{{Key: "disclosure_id", Value: 1}, {Key: "number", Value: 1}}, Unique: true},
		{Collection: versionsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}}},
		{Collection: questionsColl, Keys: bson.D{{Key: "disclosure_id", Value: 1}}},
		{Collection: questionsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}}},
		{Collection: questionsColl, Keys: bson.D{{Key: "state", Value: 1}, {Key: "due_at", Value: 1}}}, // escalation
		{Collection: postingsColl, Keys: bson.D{{Key: "disclosure_id", Value: 1}}},
		{Collection: categoriesColl, Keys: bson.D{{Key: "community_id", Value: 1}}},
	}
}

type disclosureDoc struct {
	ID          domain.ID `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	Kind        string    `bson:"kind"`
	Period      string    `bson:"period"`
	Starts      string    `bson:"starts"` // the period's first day, 2006-01-02
	// Order is starts/_id: the list's order, newest period first, and its
	// cursor, one plain string that the embedded store sorts and pages
	// from its index.
	Order string `bson:"order"`
	// Slot is community/kind/period for finance and village affairs, whose
	// periods hold one disclosure each, and the _id for the others.
	Slot             string    `bson:"slot"`
	Due              string    `bson:"due"`
	DueAt            time.Time `bson:"due_at"`
	Published        int       `bson:"published"`
	CurrentVersionID domain.ID `bson:"current_version_id"`
	FirstPublishedAt time.Time `bson:"first_published_at,omitempty"`
	PublishedAt      time.Time `bson:"published_at,omitempty"`
	Withdrawn        bool      `bson:"withdrawn"`
	OnTime           bool      `bson:"on_time"` // first published by the end of its due day
	CreatedBy        domain.ID `bson:"created_by"`
	CreatedAt        time.Time `bson:"created_at"`
}

func toDisclosure(d disclosureDoc) Disclosure {
	out := Disclosure{
		ID: d.ID, CommunityID: d.CommunityID, Kind: Kind(d.Kind), Period: Period(d.Period), Due: mustDate(d.Due), DueAt: d.DueAt,
		State: Draft, Published: d.Published, FirstPublishedAt: d.FirstPublishedAt, PublishedAt: d.PublishedAt,
		CreatedBy: d.CreatedBy, CreatedAt: d.CreatedAt,
	}
	switch {
	case d.Withdrawn:
		out.State = Withdrawn
	case d.Published > 0:
		out.State = Published
	}
	return out
}

// mustDate parses a stored date; the zero Date for none.
func mustDate(s string) Date { d, _ := ParseDate(s); return d }

// slotOf is the unique slot of a new disclosure.
func slotOf(communityID domain.ID, kind Kind, p Period, id domain.ID) string {
	if kind.periodic() {
		return string(communityID) + "/" + string(kind) + "/" + string(p)
	}
	return string(id)
}

type versionDoc struct {
	ID           domain.ID       `bson:"_id"`
	DisclosureID domain.ID       `bson:"disclosure_id"`
	CommunityID  domain.ID       `bson:"community_id"`
	Kind         string          `bson:"kind"`
	Period       string          `bson:"period"`
	Number       int             `bson:"number"`
	Type         string          `bson:"type"`
	State        string          `bson:"state"`
	Rev          int             `bson:"rev"` // moves on with each edit of the draft
	Reason       string          `bson:"reason,omitempty"`
	Title        string          `bson:"title"`
	Body         string          `bson:"body"`
	Power        *powerDoc       `bson:"power,omitempty"`
	Finance      *financeDoc     `bson:"finance,omitempty"`
	Attachments  []attachmentDoc `bson:"attachments"`
	ContentHash  string          `bson:"content_hash,omitempty"`
	CreatedBy    domain.ID       `bson:"created_by"`
	CreatedAt    time.Time       `bson:"created_at"`
	UpdatedAt    time.Time       `bson:"updated_at"`
	PublishedBy  domain.ID       `bson:"published_by,omitempty"`
	PublishedAt  time.Time       `bson:"published_at,omitempty"`
	// PublishedRole is the role its publisher acted in, as the record says.
	PublishedRole string `bson:"published_role,omitempty"`
}

type powerDoc struct {
	Decision  string `bson:"decision"`
	DecidedBy string `bson:"decided_by"`
	Basis     string `bson:"basis"`
	Amount    int64  `bson:"amount"`
}

// financeDoc holds a version's totals; its items are in the itemsDoc
// ItemsID names, so that a version's document stays small however many
// items it has (the embedded store decodes a whole document to read any
// part of it).
type financeDoc struct {
	Opening   int64  `bson:"opening"`
	Income    int64  `bson:"income"`
	Expense   int64  `bson:"expense"`
	Closing   int64  `bson:"closing"`
	ItemCount int    `bson:"item_count"`
	ItemsID   string `bson:"items_id"`
}

// itemsDoc is a list of finance items. Its _id is the hex SHA-256 of its
// community and items, so a list is stored once and never changes: a
// draft's edit stores a new list and points the draft at it; a published
// version's pointer never moves.
type itemsDoc struct {
	ID          string    `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	Items       []itemDoc `bson:"items"`
}

type itemDoc struct {
	ID           string `bson:"id"`
	Date         string `bson:"date"`
	Direction    string `bson:"direction"`
	Category     string `bson:"category"`
	Amount       int64  `bson:"amount"`
	Counterparty string `bson:"counterparty,omitempty"`
	Voucher      string `bson:"voucher,omitempty"`
	Link         string `bson:"link,omitempty"`
	Note         string `bson:"note,omitempty"`
}

type attachmentDoc struct {
	URL        string    `bson:"url"`
	Name       string    `bson:"name"`
	SHA256     string    `bson:"sha256"`
	Size       int64     `bson:"size"`
	AttachedAt time.Time `bson:"attached_at"`
}

// toVersion is d without its finance items (Finance.Items nil).
func toVersion(d versionDoc) Version {
	v := Version{
		ID: d.ID, DisclosureID: d.DisclosureID, CommunityID: d.CommunityID, Kind: Kind(d.Kind), Period: Period(d.Period),
		Number: d.Number, Type: VersionType(d.Type), State: VersionState(d.State), Reason: d.Reason,
		Content:     Content{Title: d.Title, Body: d.Body},
		ContentHash: d.ContentHash, CreatedBy: d.CreatedBy, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt,
		PublishedBy: d.PublishedBy, PublishedAt: d.PublishedAt,
	}
	if p := d.Power; p != nil {
		v.Content.Power = &Power{Decision: p.Decision, DecidedBy: p.DecidedBy, Basis: p.Basis, Amount: p.Amount}
	}
	if f := d.Finance; f != nil {
		v.Content.Finance = &Finance{Opening: f.Opening, Income: f.Income, Expense: f.Expense, Closing: f.Closing, ItemCount: f.ItemCount}
	}
	for _, a := range d.Attachments {
		v.Content.Attachments = append(v.Content.Attachments, Attachment(a))
	}
	return v
}

// toFullVersion is d with its finance items.
func toFullVersion(d versionDoc, items []itemDoc) Version {
	v := toVersion(d)
	if v.Content.Finance != nil {
		v.Content.Finance.Items = make([]Item, len(items))
		for i, it := range items {
			v.Content.Finance.Items[i] = Item{
				ID: it.ID, Date: mustDate(it.Date), Direction: Direction(it.Direction), Category: it.Category, Amount: it.Amount,
				Counterparty: it.Counterparty, Voucher: it.Voucher, Link: it.Link, Note: it.Note,
			}
		}
	}
	return v
}

// contentDoc holds a version's content as stored: the fields a draft's
// edit sets.
type contentDoc struct {
	Title       string          `bson:"title"`
	Body        string          `bson:"body"`
	Power       *powerDoc       `bson:"power"`
	Finance     *financeDoc     `bson:"finance"`
	Attachments []attachmentDoc `bson:"attachments"`
}

// fromContent is c as stored: its document fields, and its finance items
// (nil for none).
func fromContent(communityID domain.ID, c Content) (contentDoc, *itemsDoc) {
	d := contentDoc{Title: c.Title, Body: c.Body, Attachments: []attachmentDoc{}}
	if p := c.Power; p != nil {
		d.Power = &powerDoc{Decision: p.Decision, DecidedBy: p.DecidedBy, Basis: p.Basis, Amount: p.Amount}
	}
	for _, a := range c.Attachments {
		d.Attachments = append(d.Attachments, attachmentDoc(a))
	}
	f := c.Finance
	if f == nil {
		return d, nil
	}
	items := &itemsDoc{CommunityID: communityID, Items: make([]itemDoc, len(f.Items))}
	for i, it := range f.Items {
		items.Items[i] = itemDoc{
			ID: it.ID, Date: it.Date.String(), Direction: string(it.Direction), Category: it.Category, Amount: it.Amount,
			Counterparty: it.Counterparty, Voucher: it.Voucher, Link: it.Link, Note: it.Note,
		}
	}
	items.ID = itemsHash(communityID, items.Items)
	d.Finance = &financeDoc{Opening: f.Opening, Income: f.Income, Expense: f.Expense, Closing: f.Closing, ItemCount: len(f.Items), ItemsID: items.ID}
	return d, items
}

// itemsHash is the hex SHA-256 of a community's list of items.
func itemsHash(communityID domain.ID, items []itemDoc) string {
	b, err := json.Marshal(struct {
		C domain.ID
		I []itemDoc
	}{communityID, items})
	if err != nil {
		panic("disclosure: items hash: " + err.Error()) // strings and integers always encode
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// newVersionDoc is a new version's document, and its finance items.
func newVersionDoc(v Version) (versionDoc, *itemsDoc) {
	c, items := fromContent(v.CommunityID, v.Content)
	return versionDoc{
		ID: v.ID, DisclosureID: v.DisclosureID, CommunityID: v.CommunityID, Kind: string(v.Kind), Period: string(v.Period),
		Number: v.Number, Type: string(v.Type), State: string(v.State), Reason: v.Reason,
		Title: c.Title, Body: c.Body, Power: c.Power, Finance: c.Finance, Attachments: c.Attachments,
		ContentHash: v.ContentHash, CreatedBy: v.CreatedBy, CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt,
		PublishedBy: v.PublishedBy, PublishedAt: v.PublishedAt,
	}, items
}

type questionDoc struct {
	ID           domain.ID `bson:"_id"`
	CommunityID  domain.ID `bson:"community_id"`
	DisclosureID domain.ID `bson:"disclosure_id"`
	VersionID    domain.ID `bson:"version_id"`
	Kind         string    `bson:"kind"`
	AskerID      domain.ID `bson:"asker_id"`
	Text         string    `bson:"text"`
	AskedAt      time.Time `bson:"asked_at"`
	DueAt        time.Time `bson:"due_at"`
	State        string    `bson:"state"`
	Escalated    bool      `bson:"escalated"`
	EscalatedAt  time.Time `bson:"escalated_at,omitempty"`
	Answer       string    `bson:"answer,omitempty"`
	AnsweredBy   domain.ID `bson:"answered_by,omitempty"`
	AnsweredRole string    `bson:"answered_role,omitempty"`
	AnsweredAt   time.Time `bson:"answered_at,omitempty"`
	OnTime       bool      `bson:"on_time"`
	FollowUp     string    `bson:"follow_up,omitempty"`
	FollowUpBy   domain.ID `bson:"follow_up_by,omitempty"`
	FollowUpAt   time.Time `bson:"follow_up_at,omitempty"`
}

func toQuestion(d questionDoc) Question {
	return Question{
		ID: d.ID, CommunityID: d.CommunityID, DisclosureID: d.DisclosureID, VersionID: d.VersionID, Kind: Kind(d.Kind),
		AskerID: d.AskerID, Text: d.Text, AskedAt: d.AskedAt, DueAt: d.DueAt, State: QuestionState(d.State),
		Escalated: d.Escalated, EscalatedAt: d.EscalatedAt, Answer: d.Answer, AnsweredBy: d.AnsweredBy,
		AnsweredRole: domain.Role(d.AnsweredRole), AnsweredAt: d.AnsweredAt, OnTime: d.OnTime,
		FollowUp: d.FollowUp, FollowUpBy: d.FollowUpBy, FollowUpAt: d.FollowUpAt,
	}
}

type postingDoc struct {
	ID           string    `bson:"_id"`
	CommunityID  domain.ID `bson:"community_id"`
	DisclosureID domain.ID `bson:"disclosure_id"`
	VersionID    domain.ID `bson:"version_id"`
	GridID       domain.ID `bson:"grid_id"`
	MicroGridID  domain.ID `bson:"micro_grid_id"`
	Date         string    `bson:"date"`
	Method       string    `bson:"method"`
	ActorID      domain.ID `bson:"actor_id"`
	PhotoURL     string    `bson:"photo_url,omitempty"`
	RecordedAt   time.Time `bson:"recorded_at"`
}

func postingID(version, microGrid domain.ID, date Date, m Method) string {
	return string(version) + "/" + string(microGrid) + "/" + date.String() + "/" + string(m)
}

func toPosting(d postingDoc) Posting {
	return Posting{
		ID: d.ID, CommunityID: d.CommunityID, DisclosureID: d.DisclosureID, VersionID: d.VersionID, GridID: d.GridID,
		MicroGridID: d.MicroGridID, Date: mustDate(d.Date), Method: Method(d.Method), ActorID: d.ActorID,
		PhotoURL: d.PhotoURL, RecordedAt: d.RecordedAt,
	}
}

type readDoc struct {
	ID string `bson:"_id"`
	N  int    `bson:"n"`
}

type scheduleDoc struct {
	ID             domain.ID `bson:"_id"`
	FinanceCadence string    `bson:"finance_cadence,omitempty"`
	FinanceDueDays int       `bson:"finance_due_days,omitempty"`
	VillageDueDays int       `bson:"village_due_days,omitempty"`
	PartyDueDays   int       `bson:"party_due_days,omitempty"`
	PowerDueDays   int       `bson:"power_due_days,omitempty"`
	Since          string    `bson:"since,omitempty"`
	UpdatedBy      domain.ID `bson:"updated_by,omitempty"`
	UpdatedAt      time.Time `bson:"updated_at,omitempty"`
}

type categoryDoc struct {
	ID          string    `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	Code        string    `bson:"code"`
	Parent      string    `bson:"parent"`
	Direction   string    `bson:"direction"`
	Name        string    `bson:"name"`
	CreatedBy   domain.ID `bson:"created_by"`
	CreatedAt   time.Time `bson:"created_at"`
}

func categoryID(communityID domain.ID, parent, name string) string {
	return string(communityID) + "/" + parent + "/" + name
}

func toCategory(d categoryDoc) Category {
	return Category{Code: d.Code, Parent: d.Parent, Direction: Direction(d.Direction), Label: domain.Text{ZH: d.Name, EN: d.Name}, Custom: true}
}
