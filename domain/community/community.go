// Package community is how Yishi is organised: streets (街道), communities
// and villages (社区/村), grids (网格) and micro-grids (微网格); who belongs
// to a community and with which roles; join requests and their decisions;
// and residents registered by grid workers on their behalf.
//
// Every community-owned record carries its community's ID and every query
// is scoped by it. Names and grids of communities are public, so people can
// find one to join; members, roles and join requests are not.
package community

import (
	"log/slog"
	"strings"
	"time"
	_ "time/tzdata" // time zones must resolve on machines without tzdata

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
)

// Service runs the community rules over the area's collections.
type Service struct {
	db        *mongo.Database
	accounts  *account.Service
	notifier  account.Notifier
	now       func() time.Time
	baseURL   string
	log       *slog.Logger
	operators map[string]bool // lower-case emails
}

// Config holds the Service's collaborators.
type Config struct {
	// Notifier queues the mail this area sends; nil sends none.
	Notifier account.Notifier
	Now      func() time.Time // default time.Now
	BaseURL  string           // links in mail start with it
	Log      *slog.Logger
	// Operators are the emails of the platform's operators, who alone
	// create streets and communities and decide community requests; an
	// account is an operator once its email is verified.
	Operators []string
}

// NewService returns a community Service over d that asks accounts about
// users.
func NewService(d *mongo.Database, accounts *account.Service, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	ops := map[string]bool{}
	for _, e := range cfg.Operators {
		if e = strings.ToLower(strings.TrimSpace(e)); e != "" {
			ops[e] = true
		}
	}
	return &Service{db: d, accounts: accounts, notifier: cfg.Notifier, now: cfg.Now, baseURL: cfg.BaseURL, log: cfg.Log, operators: ops}
}

// Kind tells a village from an urban community.
type Kind string

// Kinds of community.
const (
	Village Kind = "village"   // 村
	Urban   Kind = "community" // 社区
)

// Street is a street or township (街道/镇), the level above communities.
type Street struct {
	ID        domain.ID
	Name      string
	Code      string // 统一地址库 code
	CreatedAt time.Time
}

// Community is a village or an urban community.
type Community struct {
	ID        domain.ID
	StreetID  domain.ID
	Name      string
	Kind      Kind
	Code      string
	Settings  Settings
	CreatedAt time.Time
}

// Settings are a community's own rules.
type Settings struct {
	// TimeZone is an IANA zone name; times are shown in it.
	TimeZone string
	// SupportThreshold is how many supports (附议) move a topic to screening.
	SupportThreshold int
	// SupportWindowDays is how long a topic may collect supports.
	SupportWindowDays int
}

// DefaultSettings are the settings of a new community.
func DefaultSettings() Settings {
	return Settings{TimeZone: "Asia/Shanghai", SupportThreshold: 10, SupportWindowDays: 30}
}

// Location returns the community's time zone.
func (c Community) Location() *time.Location {
	if loc, err := time.LoadLocation(c.Settings.TimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// Grid is a grid (网格) of a community.
type Grid struct {
	ID          domain.ID
	CommunityID domain.ID
	Name        string
	Code        string
}

// MicroGrid is a micro-grid (微网格) of a grid: a building or stairwell.
type MicroGrid struct {
	ID          domain.ID
	CommunityID domain.ID
	GridID      domain.ID
	Name        string
	Code        string
}

// Member is a user's membership of a community.
type Member struct {
	CommunityID domain.ID
	UserID      domain.ID
	GridID      domain.ID
	MicroGridID domain.ID
	Roles       []domain.Role
	// WorkerGrids are the grids the member works for as a grid worker.
	WorkerGrids []domain.ID
	// Assisted marks a resident registered by a grid worker.
	Assisted bool
	JoinedAt time.Time
}

// ID identifies the membership: the community and user IDs joined by "/".
func (m Member) ID() domain.ID { return MemberID(m.CommunityID, m.UserID) }

// MemberID returns the ID of a user's membership of a community.
func MemberID(communityID, userID domain.ID) domain.ID {
	return communityID + "/" + userID
}

// HasRole reports whether the member holds role.
func (m Member) HasRole(r domain.Role) bool {
	for _, x := range m.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// JoinState is where a join request stands.
type JoinState string

// Join request states.
const (
	JoinPending  JoinState = "pending"
	JoinApproved JoinState = "approved"
	JoinRejected JoinState = "rejected"
)

// JoinRequest is a user's request to become a resident member.
type JoinRequest struct {
	ID          domain.ID
	CommunityID domain.ID
	UserID      domain.ID
	GridID      domain.ID
	MicroGridID domain.ID
	Message     string
	State       JoinState
	CreatedAt   time.Time
	DecidedBy   domain.ID
	DecidedAt   time.Time
	Reason      string
}

// Errors returned by this area.
var (
	errCommunityNotFound = domain.ErrNotFound("社区", "community")
	errStreetNotFound    = domain.ErrNotFound("街道", "street")
	errGridNotFound      = domain.ErrNotFound("网格", "grid")
	errMicroGridNotFound = domain.ErrNotFound("微网格", "micro-grid")
	errMemberNotFound    = domain.ErrNotFound("成员", "member")
	errRequestNotFound   = domain.ErrNotFound("入驻申请", "join request")
	ErrAlreadyMember     = domain.Errorf(domain.Conflict, "您已是该社区成员", "you are already a member of this community")
	ErrRequestOpen       = domain.Errorf(domain.Conflict, "您已提交过申请，请等待审核", "you already have a pending request")
	ErrAlreadyDecided    = domain.Errorf(domain.Conflict, "该申请已处理", "this request has already been decided")
	ErrCodeTaken         = &domain.Error{Code: domain.Conflict, Field: "code", Message: domain.Text{ZH: "该地址编码已被使用", EN: "this address code is already in use"}}
	ErrLastAdmin         = domain.Errorf(domain.Conflict, "不能移除最后一位管理员", "cannot remove the last admin")
)
