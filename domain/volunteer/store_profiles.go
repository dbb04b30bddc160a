package volunteer

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Profiles, teams, local skills and settings. A profile changes state by
// conditional updates naming the state it leaves.

// insertProfile stores a new profile; false when the member has one.
func (s *Service) insertProfile(ctx context.Context, d profileDoc) (bool, error) {
	return db.InsertOnce(ctx, s.db.Collection(profilesColl), d)
}

// findProfile reads a profile by its membership ID. Errors: NotFound.
func (s *Service) findProfile(ctx context.Context, id domain.ID) (profileDoc, error) {
	return db.FindByIDOr[profileDoc](ctx, s.db.Collection(profilesColl), string(id), errProfileNotFound)
}

// replaceProfile writes a whole profile over one still in state from.
func (s *Service) replaceProfile(ctx context.Context, d profileDoc, from string) (bool, error) {
	return db.Update(ctx, s.db.Collection(profilesColl), bson.M{"_id": string(d.ID), "state": from}, bson.M{"$set": bson.M{
		"team_id": d.TeamID, "state": d.State, "skills": d.Skills, "weekly": d.Weekly, "away": d.Away, "grids": d.Grids,
		"max_minutes": d.MaxMinutes, "dialects": d.Dialects, "joined_at": d.JoinedAt, "updated_at": d.UpdatedAt,
		"confirmed_by": d.ConfirmedBy, "confirmed_at": d.ConfirmedAt,
	}})
}

// profileSet holds what a state change also sets.
type profileSet struct {
	ConfirmedBy *domain.ID
	ConfirmedAt *time.Time
}

// setProfileState moves a profile from one state to another.
func (s *Service) setProfileState(ctx context.Context, id domain.ID, from, to string, also profileSet) (bool, error) {
	set := bson.M{"state": to, "updated_at": s.now()}
	if also.ConfirmedBy != nil {
		set["confirmed_by"] = *also.ConfirmedBy
	}
	if also.ConfirmedAt != nil {
		set["confirmed_at"] = *also.ConfirmedAt
	}
	return db.Update(ctx, s.db.Collection(profilesColl), bson.M{"_id": string(id), "state": from}, bson.M{"$set": set})
}

// setSkills writes a profile's skills if it is unchanged since it was
// read at updatedAt.
func (s *Service) setSkills(ctx context.Context, id domain.ID, updatedAt time.Time, skills []skillDoc) (bool, error) {
	return db.Update(ctx, s.db.Collection(profilesColl), bson.M{"_id": string(id), "updated_at": updatedAt},
		bson.M{"$set": bson.M{"skills": skills, "updated_at": s.now()}})
}

// findProfilePage reads one page of a community's profiles.
func (s *Service) findProfilePage(ctx context.Context, communityID domain.ID, f ProfileFilter, page domain.Page) (domain.List[Profile], error) {
	filter := bson.M{"community_id": string(communityID)}
	if f.State != nil {
		filter["state"] = string(*f.State)
	}
	if f.TeamID != nil {
		filter["team_id"] = string(*f.TeamID)
	}
	docs, next, total, err := db.FindPage[profileDoc](ctx, s.db.Collection(profilesColl), filter, page)
	l := domain.List[Profile]{HasNextPage: next, TotalCount: total, Items: make([]Profile, len(docs))}
	for i, d := range docs {
		l.Items[i] = toProfile(d)
	}
	return l, err
}

// findActiveProfiles reads a community's active volunteers, for matching.
func (s *Service) findActiveProfiles(ctx context.Context, communityID domain.ID) ([]profileDoc, error) {
	return db.FindAll[profileDoc](ctx, s.db.Collection(profilesColl), bson.M{"community_id": string(communityID), "state": string(Active)})
}

// insertTeam stores a new team; false when its name is taken.
func (s *Service) insertTeam(ctx context.Context, d teamDoc) (bool, error) {
	return db.InsertOnce(ctx, s.db.Collection(teamsColl), d)
}

// findTeam reads a team. Errors: NotFound.
func (s *Service) findTeam(ctx context.Context, id domain.ID) (teamDoc, error) {
	return db.FindByIDOr[teamDoc](ctx, s.db.Collection(teamsColl), string(id), errTeamNotFound)
}

// findTeams reads a community's teams by name.
func (s *Service) findTeams(ctx context.Context, communityID domain.ID) ([]teamDoc, error) {
	return db.FindAll[teamDoc](ctx, s.db.Collection(teamsColl), bson.M{"community_id": string(communityID)},
		options.Find().SetSort(bson.D{{Key: "name", Value: 1}}))
}

// setTeamLeaders replaces a team's leaders.
func (s *Service) setTeamLeaders(ctx context.Context, id domain.ID, leaders []domain.ID) error {
	return db.UpdateByID(ctx, s.db.Collection(teamsColl), string(id), bson.M{"$set": bson.M{"leaders": leaders}})
}

// leadsATeam reports whether a user leads a team of the community.
func (s *Service) leadsATeam(ctx context.Context, communityID, userID domain.ID) (bool, error) {
	n, err := db.Count(ctx, s.db.Collection(teamsColl), bson.M{"community_id": string(communityID), "leaders": string(userID)})
	return n > 0, err
}

// leadsTeam reports whether a user leads a team; false for no team.
func (s *Service) leadsTeam(ctx context.Context, teamID, userID domain.ID) (bool, error) {
	if teamID == "" {
		return false, nil
	}
	n, err := db.Count(ctx, s.db.Collection(teamsColl), bson.M{"_id": string(teamID), "leaders": string(userID)})
	return n > 0, err
}

// findLocalSkills reads a community's local skills in the order added.
func (s *Service) findLocalSkills(ctx context.Context, communityID domain.ID) ([]Skill, error) {
	docs, err := db.FindAll[localSkillDoc](ctx, s.db.Collection(skillsColl), bson.M{"community_id": string(communityID)},
		options.Find().SetSort(bson.D{{Key: "added_at", Value: 1}}))
	out := make([]Skill, len(docs))
	for i, d := range docs {
		out[i] = Skill{Code: d.Code, Name: domain.Text{ZH: d.Name, EN: d.Name}, Credentialed: d.Credentialed}
	}
	return out, err
}

// insertLocalSkill stores a local skill; false when its name is taken.
func (s *Service) insertLocalSkill(ctx context.Context, communityID domain.ID, k Skill) (bool, error) {
	return db.InsertOnce(ctx, s.db.Collection(skillsColl), localSkillDoc{ID: string(communityID) + "/" + k.Name.ZH, CommunityID: communityID,
		Code: k.Code, Name: k.Name.ZH, Credentialed: k.Credentialed, AddedAt: s.now()})
}

// findSettings reads a community's volunteer settings; the defaults when
// none were set.
func (s *Service) findSettings(ctx context.Context, communityID domain.ID) (settingsDoc, error) {
	d, err := db.FindByID[settingsDoc](ctx, s.db.Collection(settingsColl), string(communityID))
	if domain.ErrorCode(err) == domain.NotFound {
		return settingsDoc{ID: communityID}, nil
	}
	return d, err
}

// saveSettings writes a community's volunteer settings.
func (s *Service) saveSettings(ctx context.Context, d settingsDoc) error {
	return db.Upsert(ctx, s.db.Collection(settingsColl), string(d.ID), d)
}

// teamsLedBy reads which of a community's teams a user leads.
func (s *Service) teamsLedBy(ctx context.Context, communityID, userID domain.ID) (map[domain.ID]bool, error) {
	docs, err := db.FindAll[teamDoc](ctx, s.db.Collection(teamsColl), bson.M{"community_id": string(communityID), "leaders": string(userID)})
	out := make(map[domain.ID]bool, len(docs))
	for _, d := range docs {
		out[d.ID] = true
	}
	return out, err
}
