package volunteer

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// Team is a volunteer team (志愿队), such as 助老服务队, with its leaders.
type Team struct {
	ID          domain.ID
	CommunityID domain.ID
	Name        string
	Leaders     []domain.ID // user IDs
	CreatedAt   time.Time
}

// Bounds of a team.
const MaxLeaders = 5

// TeamInput names a team and its leaders.
type TeamInput struct {
	CommunityID domain.ID
	Name        string
	Leaders     []domain.ID
}

// checkTeam checks a team's name and that its leaders are members.
// Errors: Invalid (name, leaders).
func (s *Service) checkTeam(ctx context.Context, in TeamInput) (teamDoc, error) {
	name, err := text.Line("name", domain.Text{ZH: "队名", EN: "team name"}, in.Name, 2, 30)
	if err != nil {
		return teamDoc{}, err
	}
	leaders, err := domain.UniqueIDs("leaders", in.Leaders, MaxLeaders)
	if err != nil {
		return teamDoc{}, err
	}
	if len(leaders) == 0 {
		return teamDoc{}, domain.InvalidField("leaders", "请至少指定一名队长", "name at least one leader")
	}
	members, err := s.comms.MembersOf(ctx, in.CommunityID, leaders)
	if err != nil {
		return teamDoc{}, err
	}
	for _, l := range leaders {
		if _, ok := members[l]; !ok {
			return teamDoc{}, domain.InvalidField("leaders", "队长须是本社区成员", "leaders must be members of the community")
		}
	}
	return teamDoc{CommunityID: in.CommunityID, Name: name, Leaders: leaders}, nil
}

// CreateTeam creates a team: the committee. Errors: Unauthenticated,
// Forbidden, Invalid (name, leaders), Conflict (the name is taken).
func (s *Service) CreateTeam(ctx context.Context, in TeamInput) (Team, error) {
	if _, err := s.requireCommittee(ctx, in.CommunityID); err != nil {
		return Team{}, err
	}
	d, err := s.checkTeam(ctx, in)
	if err != nil {
		return Team{}, err
	}
	d.ID, d.Slot, d.CreatedAt = domain.NewID(), string(in.CommunityID)+"/"+d.Name, s.now()
	won, err := s.insertTeam(ctx, d)
	if err != nil {
		return Team{}, err
	}
	if !won {
		return Team{}, domain.Errorf(domain.Conflict, "已有名为“%s”的志愿队", "a team named %q exists", d.Name)
	}
	return toTeam(d), nil
}

// SetTeamLeaders replaces a team's leaders: the committee. Errors:
// Unauthenticated, Forbidden, NotFound, Invalid (leaders).
func (s *Service) SetTeamLeaders(ctx context.Context, teamID domain.ID, leaders []domain.ID) (Team, error) {
	t, err := s.findTeam(ctx, teamID)
	if err != nil {
		return Team{}, err
	}
	if _, err := s.requireCommittee(ctx, t.CommunityID); err != nil {
		return Team{}, err
	}
	d, err := s.checkTeam(ctx, TeamInput{CommunityID: t.CommunityID, Name: t.Name, Leaders: leaders})
	if err != nil {
		return Team{}, err
	}
	if err := s.setTeamLeaders(ctx, teamID, d.Leaders); err != nil {
		return Team{}, err
	}
	t.Leaders = d.Leaders
	return toTeam(t), nil
}

// Teams lists a community's teams by name, for its members. Errors:
// Unauthenticated, Forbidden.
func (s *Service) Teams(ctx context.Context, communityID domain.ID) ([]Team, error) {
	if _, err := s.requireMember(ctx, communityID); err != nil {
		return nil, err
	}
	docs, err := s.findTeams(ctx, communityID)
	out := make([]Team, len(docs))
	for i, d := range docs {
		out[i] = toTeam(d)
	}
	return out, err
}

// Team returns a team to the community's members. Errors:
// Unauthenticated, NotFound (also to outsiders).
func (s *Service) Team(ctx context.Context, id domain.ID) (Team, error) {
	d, err := s.findTeam(ctx, id)
	if err != nil {
		return Team{}, err
	}
	if _, err := s.readerOf(ctx, d.CommunityID, errTeamNotFound); err != nil {
		return Team{}, err
	}
	return toTeam(d), nil
}
