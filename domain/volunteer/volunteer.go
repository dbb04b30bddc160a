// Package volunteer is volunteer service (志愿服务): volunteers with their
// skills and weekly availability, teams (志愿队) with leaders, needs for
// help posted by residents, grid workers, the committee or a resolution's
// action item, explained matching of volunteers to needs, claims of a
// need's slots with a waitlist, check-in and check-out, and the time bank
// (时间银行): hours served as immutable movements that always sum to zero.
//
// Invariants across documents rest on unique keys, the first insert wins:
// one profile per member; one claim per occurrence and slot and one per
// occurrence and volunteer, so a need's slots never overflow however many
// claim at once; one waitlist place per occurrence and volunteer; one
// service transfer per claim, so hours are credited once. A transfer holds
// both its movements in one document, so the pool's debit and the
// volunteer's credit are written together or not at all.
package volunteer

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
)

// Service runs the volunteer rules over the area's collections.
type Service struct {
	db       *mongo.Database
	comms    *community.Service
	accounts *account.Service
	notifier Notifier
	record   *ledger.Service
	now      func() time.Time
	baseURL  string
	log      *slog.Logger
}

// Notifier queues reminders; notify.Service is one. Items with the same
// kind, subject, recipient and occurrence are queued once.
type Notifier interface {
	Enqueue(ctx context.Context, it notify.Item) error
}

// Config holds the Service's collaborators.
type Config struct {
	Notifier Notifier        // nil sends nothing
	Record   *ledger.Service // the public record, for certificates; nil records nothing
	Now      func() time.Time
	BaseURL  string // links in mails start with it
	Log      *slog.Logger
}

// NewService returns a volunteer Service over d.
func NewService(d *mongo.Database, comms *community.Service, accounts *account.Service, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &Service{db: d, comms: comms, accounts: accounts, notifier: cfg.Notifier, record: cfg.Record, now: cfg.Now, baseURL: cfg.BaseURL, log: cfg.Log}
}

// WithClock returns a copy of the service that reads the time from now:
// the demo data walks past weeks with it. The copy shares everything else.
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}

// Errors shared by the area's rules.
var (
	errNotMember        = domain.Errorf(domain.Forbidden, "只有本社区成员可以参加志愿服务", "only members of the community take part in volunteer service")
	errNotCoordinator   = domain.Errorf(domain.Forbidden, "只有村（居）委会或志愿队队长可以协调志愿服务", "only the committee or a team leader coordinates volunteer service")
	errNotCommittee     = domain.Errorf(domain.Forbidden, "只有村（居）委会可以这样做", "only the committee may do this")
	errProfileNotFound  = domain.ErrNotFound("志愿者", "volunteer")
	errTeamNotFound     = domain.ErrNotFound("志愿队", "team")
	errNeedNotFound     = domain.ErrNotFound("需求", "need")
	errOccurNotFound    = domain.ErrNotFound("服务时段", "occurrence")
	errClaimNotFound    = domain.ErrNotFound("认领", "claim")
	errNotActive        = domain.Errorf(domain.Conflict, "志愿者身份尚未确认或已暂停", "the volunteer is not confirmed or is paused")
	errChangedMeanwhile = domain.Errorf(domain.Conflict, "刚刚有人改动了这条记录，请刷新后再试", "it changed meanwhile: reload and try again")
)

// access is the actor's standing in a community, as the area's rules ask.
type access struct {
	community.Access
	leads bool // leads a team of the community
}

// committee reports whether the actor runs the community's volunteer
// service as the committee (or its admin).
func (a access) committee() bool { return a.Manager() }

// coordinator reports whether the actor coordinates volunteer service:
// the committee or a team leader.
func (a access) coordinator() bool { return a.committee() || a.leads }

// accessOf reads the actor's access to a community and whether they lead
// one of its teams.
func (s *Service) accessOf(ctx context.Context, communityID domain.ID) (access, error) {
	a, err := s.comms.AccessOf(ctx, communityID)
	if err != nil {
		return access{}, err
	}
	out := access{Access: a}
	if a.UserID != "" && a.Member() {
		out.leads, err = s.leadsATeam(ctx, communityID, a.UserID)
	}
	return out, err
}

// requireMember returns the actor's access when they are a member.
// Errors: Unauthenticated, Forbidden.
func (s *Service) requireMember(ctx context.Context, communityID domain.ID) (access, error) {
	if _, err := domain.RequireUser(ctx); err != nil {
		return access{}, err
	}
	a, err := s.accessOf(ctx, communityID)
	if err != nil {
		return access{}, err
	}
	if !a.Member() {
		return access{}, errNotMember
	}
	return a, nil
}

// readerOf returns the actor's access when they are a member, for reading
// one record: to anyone else the record does not exist (notFound).
// Errors: Unauthenticated, NotFound.
func (s *Service) readerOf(ctx context.Context, communityID domain.ID, notFound error) (access, error) {
	a, err := s.requireMember(ctx, communityID)
	if domain.ErrorCode(err) == domain.Forbidden {
		return access{}, notFound
	}
	return a, err
}

// requireCoordinator returns the actor's access when they coordinate.
// Errors: Unauthenticated, Forbidden.
func (s *Service) requireCoordinator(ctx context.Context, communityID domain.ID) (access, error) {
	a, err := s.requireMember(ctx, communityID)
	if err == nil && !a.coordinator() {
		err = errNotCoordinator
	}
	return a, err
}

// requireCommittee returns the actor's access when they are the committee.
// Errors: Unauthenticated, Forbidden.
func (s *Service) requireCommittee(ctx context.Context, communityID domain.ID) (access, error) {
	a, err := s.requireMember(ctx, communityID)
	if err == nil && !a.committee() {
		err = errNotCommittee
	}
	return a, err
}
