// Package deliberation is the heart of Yishi, 众人的事情由众人商量: topics that
// residents propose and support (附议), comments on them, and their screening
// by the party organisation and the committee. (Panels, meetings, votes and
// resolutions build on it.)
//
// Invariants rest on unique keys: one support per resident and topic (the
// support's _id), one timeline event per state a topic reaches.
package deliberation

import (
	"context"
	"log/slog"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/ledger"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// Service runs the deliberation rules over the area's collections.
type Service struct {
	db       *mongo.Database
	comms    *community.Service
	accounts *account.Service
	notifier Notifier
	record   *ledger.Service
	hands    *volunteer.Service
	patrols  *patrol.Service
	now      func() time.Time
	baseURL  string
	log      *slog.Logger
}

// Notifier queues, moves and cancels reminders; notify.Service is one.
type Notifier interface {
	Enqueue(ctx context.Context, it notify.Item) error
	Reschedule(ctx context.Context, subject string, delta time.Duration) error
	Cancel(ctx context.Context, subject string) error
}

// Config holds the Service's collaborators.
type Config struct {
	Notifier Notifier        // nil sends no reminders
	Record   *ledger.Service // the public record (公信链); nil records nothing
	// Volunteers posts the needs an action item calls for (CallForHands);
	// nil refuses them.
	Volunteers *volunteer.Service
	// Patrols gives the reports a grid worker escalates to topics
	// (EscalateReport); nil refuses them.
	Patrols *patrol.Service
	Now     func() time.Time
	BaseURL string
	Log     *slog.Logger
}

// NewService returns a deliberation Service over d.
func NewService(d *mongo.Database, comms *community.Service, accounts *account.Service, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &Service{db: d, comms: comms, accounts: accounts, notifier: cfg.Notifier, record: cfg.Record, hands: cfg.Volunteers, patrols: cfg.Patrols, now: cfg.Now, baseURL: cfg.BaseURL, log: cfg.Log}
}

// Category is what a topic is about.
type Category string

// Categories of topics.
const (
	PublicAffairs Category = "public_affairs" // 公共事务
	PublicWelfare Category = "public_welfare" // 公益事业
	Environment   Category = "environment"    // 环境卫生
	PropertyMgmt  Category = "property"       // 物业管理
	Disputes      Category = "disputes"       // 矛盾纠纷
	OtherCategory Category = "other"          // 其他
)

// Categories lists the categories in display order.
var Categories = []Category{PublicAffairs, PublicWelfare, Environment, PropertyMgmt, Disputes, OtherCategory}

// Label returns the category's name for people.
func (c Category) Label() domain.Text {
	return map[Category]domain.Text{
		PublicAffairs: {ZH: "公共事务", EN: "Public affairs"}, PublicWelfare: {ZH: "公益事业", EN: "Public welfare"},
		Environment: {ZH: "环境卫生", EN: "Environment and sanitation"}, PropertyMgmt: {ZH: "物业管理", EN: "Property management"},
		Disputes: {ZH: "矛盾纠纷", EN: "Disputes"}, OtherCategory: {ZH: "其他", EN: "Other"},
	}[c]
}

func (c Category) valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// State is where a topic stands.
type State string

// Topic states.
const (
	Collecting State = "collecting" // gathering supports within its window
	Screening  State = "screening"  // reached its threshold: party and committee decide
	Accepted   State = "accepted"   // to be deliberated by Body
	Merged     State = "merged"     // merged into another topic
	Referred   State = "referred"   // referred elsewhere
	Rejected   State = "rejected"   // rejected with a published reason
	Closed     State = "closed"     // its window ended short of the threshold; kept
)

// Source says who brought a topic.
type Source string

// Topic sources.
const (
	FromResident   Source = "resident"
	FromGridWorker Source = "grid_worker" // on behalf of an assisted resident
	FromCommittee  Source = "committee"
	FromPatrol     Source = "patrol" // a grid worker escalated a patrol report (ReportID)
)

// Body is who deliberates an accepted topic.
type Body string

// Deliberating bodies.
const (
	VillagersCouncil       Body = "villagers_council"       // 村民议事会
	RepresentativesMeeting Body = "representatives_meeting" // 村民代表会议
	ThreePartyMeeting      Body = "three_party_meeting"     // 三方联动会议
)

func (b Body) valid() bool {
	return b == VillagersCouncil || b == RepresentativesMeeting || b == ThreePartyMeeting
}

// Topic is a matter proposed for deliberation.
type Topic struct {
	ID          domain.ID
	CommunityID domain.ID
	Title       string
	Body        string
	Category    Category
	GridIDs     []domain.ID
	ProposerID  domain.ID
	// RecordedBy is the grid worker who proposed for an assisted resident.
	RecordedBy domain.ID
	Witness    string // before whom RecordedBy proposed
	Source     Source
	State      State
	// Threshold and Deadline are the support rule the topic was proposed
	// under.
	Threshold   int
	Deadline    time.Time
	DecidedBody Body
	MergedInto  domain.ID
	CreatedAt   time.Time
	ReportID    domain.ID // the patrol report it came from (FromPatrol)
}

// Errors returned by this area.
var (
	errTopicNotFound   = domain.ErrNotFound("议题", "topic")
	errCommentNotFound = domain.ErrNotFound("评论", "comment")
	ErrNotCollecting   = domain.Errorf(domain.Conflict, "该议题已不在附议阶段", "this topic no longer takes supports")
	ErrNotInScreening  = domain.Errorf(domain.Conflict, "该议题不在审核阶段", "this topic is not in screening")
)

// access returns the actor's access to a community, refusing outsiders.
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

// communityAccess is the actor's access to a community.
type communityAccess = community.Access

func isMember(a community.Access) bool { return a.Member() }

func isResident(a community.Access) bool { return a.Has(domain.RoleResident) }

func screens(a community.Access) bool {
	return a.Has(domain.RoleCommittee) || a.Has(domain.RoleParty)
}
