// Package disclosure is public disclosure (公开): party affairs, village
// (community) affairs, finance and the exercise of small powers, published
// on a schedule, in versions that never change once published, with
// residents' questions (质询), postings on the notice boards and read
// counts.
//
// A disclosure belongs to a community, a kind and a period. Its versions
// are numbered 1, 2, 3...: the first is drafted and published by the
// committee, each later one is a correction or a withdrawal with a reason.
// Published versions, their questions and answers are public: anyone may
// read them without logging in; drafts only their editors.
//
// Invariants across documents rest on unique keys, the first insert wins:
// one disclosure per community, kind and period (finance and village
// affairs), one version per disclosure and number, one posting per
// version, micro-grid, day and way. Changes of one document are
// conditional updates: a version leaves draft once, a question is
// escalated once and answered once.
package disclosure

import (
	"context"
	"log/slog"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
)

// Service runs the disclosure rules over the area's collections.
type Service struct {
	db       *mongo.Database
	comms    *community.Service
	notifier Notifier
	record   *ledger.Service
	fetcher  Fetcher
	now      func() time.Time
	baseURL  string
	log      *slog.Logger

	serverChecks *serverChecks // shared by copies from WithClock
}

// Notifier queues reminders; notify.Service is one. Items with the same
// kind, subject, recipient and occurrence are queued once.
type Notifier interface {
	Enqueue(ctx context.Context, it notify.Item) error
}

// Config holds the Service's collaborators.
type Config struct {
	Notifier Notifier        // nil sends no reminders
	Record   *ledger.Service // the public record (公信链); nil records nothing
	Fetcher  Fetcher         // downloads attachments for the server to check; nil checks none
	Now      func() time.Time
	BaseURL  string // links in reminders start with it
	Log      *slog.Logger
}

// NewService returns a disclosure Service over d.
func NewService(d *mongo.Database, comms *community.Service, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &Service{db: d, comms: comms, notifier: cfg.Notifier, record: cfg.Record, fetcher: cfg.Fetcher, now: cfg.Now, baseURL: cfg.BaseURL, log: cfg.Log,
		serverChecks: newServerChecks()}
}

// WithClock returns a copy of the service that reads the time from now:
// the demo data walks a past year with it, publishing each month when it
// was due. The copy shares everything else.
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}

// Kind is what a disclosure makes public.
type Kind string

// Kinds of disclosure.
const (
	KindParty   Kind = "party"   // 党务
	KindVillage Kind = "village" // 村(居)务
	KindFinance Kind = "finance" // 财务
	KindPower   Kind = "power"   // 权力事项: a tender, a lease, a subsidy decision...
)

// Kinds lists the kinds in display order.
var Kinds = []Kind{KindParty, KindVillage, KindFinance, KindPower}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	return k == KindParty || k == KindVillage || k == KindFinance || k == KindPower
}

// Label returns the kind's name for people.
func (k Kind) Label() domain.Text {
	switch k {
	case KindParty:
		return domain.Text{ZH: "党务公开", EN: "Party affairs"}
	case KindVillage:
		return domain.Text{ZH: "村(居)务公开", EN: "Village affairs"}
	case KindFinance:
		return domain.Text{ZH: "财务公开", EN: "Finance"}
	case KindPower:
		return domain.Text{ZH: "权力事项", EN: "Exercise of power"}
	}
	return domain.Text{ZH: string(k), EN: string(k)}
}

// periodic reports whether the kind is disclosed per month or quarter
// (rather than per event), so that a period holds one disclosure.
func (k Kind) periodic() bool { return k == KindFinance || k == KindVillage }

// State is where a disclosure stands as a whole.
type State string

// Disclosure states.
const (
	Draft     State = "draft"     // no version published yet
	Published State = "published" // its latest published version is in force
	Withdrawn State = "withdrawn" // its latest published version withdraws it
)

// Disclosure is one matter made public: a kind and a period of a
// community, with its versions.
type Disclosure struct {
	ID          domain.ID
	CommunityID domain.ID
	Kind        Kind
	// Period is a month or quarter (finance, village affairs) or a day
	// (the event of party affairs, the decision of a power item).
	Period Period
	// Due is the last day to publish it, in the community's zone; DueAt
	// is the end of that day.
	Due   Date
	DueAt time.Time
	State State
	// Published is the number of the latest published version (0: none);
	// Current is that version (before publication, the draft for its
	// editors), without its finance items.
	Published        int
	Current          Version
	FirstPublishedAt time.Time
	PublishedAt      time.Time // of the latest published version
	// HasDraft is set for editors when a version waits to be published.
	HasDraft  bool
	CreatedBy domain.ID
	CreatedAt time.Time
}

// Status is how the disclosure stands against its due date at now.
func (d Disclosure) Status(now time.Time) Status {
	return statusOf(d.DueAt, d.FirstPublishedAt, now)
}

// VersionType tells an original version from a correction or withdrawal.
type VersionType string

// Version types.
const (
	Original   VersionType = "original"
	Correction VersionType = "correction"
	Withdrawal VersionType = "withdrawal"
)

// VersionState is whether a version is still a draft.
type VersionState string

// Version states.
const (
	VersionDraft     VersionState = "draft"
	VersionPublished VersionState = "published"
)

// Version is one version of a disclosure. A published version never
// changes.
type Version struct {
	ID           domain.ID
	DisclosureID domain.ID
	CommunityID  domain.ID
	Kind         Kind
	Period       Period
	Number       int // 1, 2, 3... per disclosure
	Type         VersionType
	State        VersionState
	Reason       string // why a correction or withdrawal was made
	Content      Content
	// ContentHash is the hex SHA-256 of CanonicalContent, set when the
	// version is published; the public record holds it.
	ContentHash string
	CreatedBy   domain.ID
	CreatedAt   time.Time
	UpdatedAt   time.Time
	PublishedBy domain.ID
	PublishedAt time.Time
}

// Content is what a version says.
type Content struct {
	Title       string
	Body        string
	Power       *Power   // power items only
	Finance     *Finance // finance only
	Attachments []Attachment
}

// Power is what a power item discloses about the decision.
type Power struct {
	Decision  string // what was decided
	DecidedBy string // who decided: a role or a body, such as 村民代表会议
	Basis     string // the rule or resolution it rests on
	Amount    int64  // fen involved, 0 when none
}

// Global ID types of the area's records, as the API and the record name
// them.
const (
	disclosureType = "Disclosure"
	versionType    = "DisclosureVersion"
	questionType   = "DisclosureQuestion"
)

// Errors returned by this area.
var (
	errDisclosureNotFound = domain.ErrNotFound("公开事项", "disclosure")
	errVersionNotFound    = domain.ErrNotFound("公开版本", "disclosure version")
	errQuestionNotFound   = domain.ErrNotFound("质询", "question")
	ErrPublished          = domain.Errorf(domain.Conflict, "该版本已公布，不能修改或删除；如需更改，请发布更正", "this version is published and can no longer be changed or removed; publish a correction instead")
	ErrNotPublished       = domain.Errorf(domain.Conflict, "该公开事项尚未公布", "this disclosure is not published yet")
	ErrDraftPending       = domain.Errorf(domain.Conflict, "已有一个未公布的版本，请先公布或删除它", "a version waits to be published; publish or discard it first")
	ErrVersionTaken       = domain.Errorf(domain.Conflict, "另一个版本刚刚提交，请刷新后再试", "another version was just made; reload and try again")
	ErrWithdrawn          = domain.Errorf(domain.Conflict, "该公开事项已撤回", "this disclosure has been withdrawn")
	ErrPeriodTaken        = &domain.Error{Code: domain.Conflict, Field: "period", Message: domain.Text{ZH: "该期的公开事项已存在", EN: "this period already has a disclosure"}}
)

// editor reports whether a may draft and publish disclosures of kind: the
// committee, and for party affairs the party organisation too.
func editor(kind Kind) func(community.Access) bool {
	return func(a community.Access) bool {
		return a.Has(domain.RoleCommittee) || (kind == KindParty && a.Has(domain.RoleParty))
	}
}

// editorRole is the role an editor acts in, as the record names it.
func editorRole(a community.Access, kind Kind) string {
	if kind == KindParty && !a.Has(domain.RoleCommittee) {
		return string(domain.RoleParty)
	}
	return string(domain.RoleCommittee)
}

func isMember(a community.Access) bool { return a.Member() }

// access returns the actor's access to a community when ok allows it:
// Unauthenticated for anonymous actors, Forbidden otherwise.
func (s *Service) access(ctx context.Context, communityID domain.ID, ok func(community.Access) bool) (community.Access, error) {
	if _, err := domain.RequireUser(ctx); err != nil {
		return community.Access{}, err
	}
	a, err := s.comms.AccessOf(ctx, communityID)
	if err != nil {
		return a, err
	}
	if !ok(a) {
		return a, domain.ErrForbidden
	}
	return a, nil
}
