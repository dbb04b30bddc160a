// Package patrol is the "武林大妈" safety patrols (平安巡防): teams with a
// captain and members who join from the community's members, each with
// their availability and limits; routes of checkpoints with QR codes;
// shift templates; rosters generated fairly (domain/patrol/roster) and
// published by the captain; swaps and drops; and check-ins on patrol.
//
// Invariants across documents rest on unique keys, the first insert wins:
// one membership per team and member, one template name per team, one
// published roster per team and month, and, once published, one position
// document per shift and position and one per shift and person, so that a
// dropped shift is taken by exactly one of those who reach for it.
package patrol

import (
	"context"
	"log/slog"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
)

// Service runs the patrol rules over the area's collections.
type Service struct {
	db       *mongo.Database
	comms    *community.Service
	accounts *account.Service
	notifier Notifier
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
	Notifier Notifier         // nil sends no reminders
	Accounts *account.Service // names team-mates in reminders; nil names no one
	Now      func() time.Time
	BaseURL  string // links in mails start with it
	Log      *slog.Logger
}

// NewService returns a patrol Service over d.
func NewService(d *mongo.Database, comms *community.Service, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &Service{db: d, comms: comms, accounts: cfg.Accounts, notifier: cfg.Notifier, now: cfg.Now, baseURL: cfg.BaseURL, log: cfg.Log}
}

// WithClock returns a copy of the service that reads the time from now.
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}

// Errors shared by the area's rules.
var (
	errNotMember     = domain.Errorf(domain.Forbidden, "只有本社区成员可以参加巡防", "only members of the community take part in patrols")
	errNotCaptain    = domain.Errorf(domain.Forbidden, "只有巡防队队长或村（居）委会可以这样做", "only the team's captain or the committee may do this")
	errNotCommittee  = domain.Errorf(domain.Forbidden, "只有村（居）委会可以这样做", "only the committee may do this")
	errTeamNotFound  = domain.ErrNotFound("巡防队", "patrol team")
	errRouteNotFound = domain.ErrNotFound("巡防路线", "route")
	errNotInTeam     = domain.ErrNotFound("队员", "team member")
	errChanged       = domain.Errorf(domain.Conflict, "刚刚有人改动了这条记录，请刷新后再试", "it changed meanwhile: reload and try again")
)

// requireMember returns the actor's access to a community when they are a
// member. Errors: Unauthenticated, Forbidden.
func (s *Service) requireMember(ctx context.Context, communityID domain.ID) (community.Access, error) {
	if _, err := domain.RequireUser(ctx); err != nil {
		return community.Access{}, err
	}
	a, err := s.comms.AccessOf(ctx, communityID)
	if err == nil && !a.Member() {
		err = errNotMember
	}
	return a, err
}

// readerOf returns the actor's access to a community when they are a
// member, for reading one of its records: to anyone else the record does
// not exist, so they are told notFound. Errors: Unauthenticated, notFound.
func (s *Service) readerOf(ctx context.Context, communityID domain.ID, notFound error) (community.Access, error) {
	a, err := s.requireMember(ctx, communityID)
	if domain.ErrorCode(err) == domain.Forbidden {
		return community.Access{}, notFound
	}
	return a, err
}

// requireCaptain returns the team when the actor is its captain or on the
// committee. Errors: Unauthenticated, Forbidden, NotFound.
func (s *Service) requireCaptain(ctx context.Context, teamID domain.ID) (teamDoc, error) {
	t, err := s.findTeam(ctx, teamID)
	if err != nil {
		return teamDoc{}, err
	}
	a, err := s.requireMember(ctx, t.CommunityID)
	if err != nil {
		return teamDoc{}, err
	}
	if a.UserID != t.CaptainID && !a.Manager() {
		return teamDoc{}, errNotCaptain
	}
	return t, nil
}

// orChanged turns a lost conditional update into a Conflict.
func orChanged(err error) error {
	if err != nil {
		return err
	}
	return errChanged
}
