package patrol

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Collections owned by this area.
const (
	teamsColl     = "patrol_teams"     // slot (community/name) is unique
	membersColl   = "patrol_members"   // _id is team/user: one membership each
	routesColl    = "patrol_routes"    // checkpoints inside, each with its code
	templatesColl = "patrol_templates" // slot (team/name) is unique
)

// Indexes returns the indexes this area needs. The unique ones carry the
// invariants; their fields are always present.
func Indexes() []db.Index {
	out := []db.Index{
		{Collection: teamsColl, Keys: bson.D{{Key: "slot", Value: 1}}, Unique: true},
		{Collection: teamsColl, Keys: bson.D{{Key: "community_id", Value: 1}}},
		{Collection: membersColl, Keys: bson.D{{Key: "team_id", Value: 1}, {Key: "active", Value: 1}}},
		{Collection: routesColl, Keys: bson.D{{Key: "team_id", Value: 1}}},
		{Collection: routesColl, Keys: bson.D{{Key: "checkpoints.code", Value: 1}}},
		{Collection: templatesColl, Keys: bson.D{{Key: "slot", Value: 1}}, Unique: true},
		{Collection: templatesColl, Keys: bson.D{{Key: "team_id", Value: 1}}},
	}
	out = append(out, rosterIndexes()...)
	return append(out, reportIndexes()...)
}

type teamDoc struct {
	ID          domain.ID `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	Slot        string    `bson:"slot"`
	Name        string    `bson:"name"`
	CaptainID   domain.ID `bson:"captain_id"`
	CreatedAt   time.Time `bson:"created_at"`
}

func toTeam(d teamDoc) Team {
	return Team{ID: d.ID, CommunityID: d.CommunityID, Name: d.Name, CaptainID: d.CaptainID, CreatedAt: d.CreatedAt}
}

type slotDoc struct {
	Weekday int `bson:"weekday"`
	Start   int `bson:"start"`
	End     int `bson:"end"`
}

type memberDoc struct {
	ID          string    `bson:"_id"`
	TeamID      domain.ID `bson:"team_id"`
	CommunityID domain.ID `bson:"community_id"`
	UserID      domain.ID `bson:"user_id"`
	Weekly      []slotDoc `bson:"weekly"`
	MaxPerWeek  int       `bson:"max_per_week"`
	NoNight     bool      `bson:"no_night"`
	DaysOff     []int     `bson:"days_off"`
	Note        string    `bson:"note,omitempty"` // the captain's private note
	JoinedAt    time.Time `bson:"joined_at"`
	Active      bool      `bson:"active"`
}

// toMember converts a membership; the note only for the captain.
func toMember(d memberDoc, captain bool) Member {
	m := Member{TeamID: d.TeamID, UserID: d.UserID, MaxPerWeek: d.MaxPerWeek, NoNight: d.NoNight, JoinedAt: d.JoinedAt, Active: d.Active, NoteVisible: captain}
	for _, s := range d.Weekly {
		m.Weekly = append(m.Weekly, Slot{Weekday: time.Weekday(s.Weekday), Start: s.Start, End: s.End})
	}
	for _, day := range d.DaysOff {
		m.DaysOff = append(m.DaysOff, time.Weekday(day))
	}
	if captain {
		m.Note = d.Note
	}
	return m
}

type checkpointDoc struct {
	Name        string    `bson:"name"`
	MicroGridID domain.ID `bson:"micro_grid_id"`
	Lat         *float64  `bson:"lat,omitempty"`
	Lng         *float64  `bson:"lng,omitempty"`
	Code        string    `bson:"code"`
}

type routeDoc struct {
	ID          domain.ID       `bson:"_id"`
	TeamID      domain.ID       `bson:"team_id"`
	CommunityID domain.ID       `bson:"community_id"`
	GridID      domain.ID       `bson:"grid_id"`
	Name        string          `bson:"name"`
	Checkpoints []checkpointDoc `bson:"checkpoints"`
	CreatedAt   time.Time       `bson:"created_at"`
}

func toRoute(d routeDoc) Route {
	r := Route{ID: d.ID, TeamID: d.TeamID, CommunityID: d.CommunityID, GridID: d.GridID, Name: d.Name, CreatedAt: d.CreatedAt}
	for _, c := range d.Checkpoints {
		r.Checkpoints = append(r.Checkpoints, Checkpoint(c))
	}
	return r
}

type templateDoc struct {
	ID          domain.ID `bson:"_id"`
	TeamID      domain.ID `bson:"team_id"`
	CommunityID domain.ID `bson:"community_id"`
	RouteID     domain.ID `bson:"route_id"`
	Slot        string    `bson:"slot"`
	Name        string    `bson:"name"`
	Days        []int     `bson:"days"`
	Start       int       `bson:"start"`
	End         int       `bson:"end"`
	Overnight   bool      `bson:"overnight"`
	Min         int       `bson:"min"`
	Max         int       `bson:"max"`
	Weight      float64   `bson:"weight"`
	Night       bool      `bson:"night"`
	CreatedAt   time.Time `bson:"created_at"`
}

func toTemplate(d templateDoc) Template {
	t := Template{ID: d.ID, TeamID: d.TeamID, CommunityID: d.CommunityID, RouteID: d.RouteID, Name: d.Name, Start: d.Start, End: d.End,
		Overnight: d.Overnight, Min: d.Min, Max: d.Max, Weight: d.Weight, Night: d.Night, CreatedAt: d.CreatedAt}
	for _, day := range d.Days {
		t.Days = append(t.Days, time.Weekday(day))
	}
	return t
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

// insertMember stores a membership; false when there is one.
func (s *Service) insertMember(ctx context.Context, d memberDoc) (bool, error) {
	return db.InsertOnce(ctx, s.db.Collection(membersColl), d)
}

// rejoin makes a member who left active again with new settings.
func (s *Service) rejoin(ctx context.Context, d memberDoc) (bool, error) {
	return db.Update(ctx, s.db.Collection(membersColl), bson.M{"_id": d.ID, "active": false}, bson.M{"$set": bson.M{
		"weekly": d.Weekly, "max_per_week": d.MaxPerWeek, "no_night": d.NoNight, "days_off": d.DaysOff, "joined_at": d.JoinedAt, "active": true}})
}

// deactivateMember marks an active member as one who left; false when
// they are not active.
func (s *Service) deactivateMember(ctx context.Context, id string) (bool, error) {
	return db.Update(ctx, s.db.Collection(membersColl), bson.M{"_id": id, "active": true}, bson.M{"$set": bson.M{"active": false}})
}

// findMember reads a membership. Errors: NotFound.
func (s *Service) findMember(ctx context.Context, teamID, userID domain.ID) (memberDoc, error) {
	return db.FindByIDOr[memberDoc](ctx, s.db.Collection(membersColl), string(teamID)+"/"+string(userID), errNotInTeam)
}

// saveMember writes a member's settings, and the note when the captain
// writes.
func (s *Service) saveMember(ctx context.Context, d memberDoc, withNote bool) error {
	set := bson.M{"weekly": d.Weekly, "max_per_week": d.MaxPerWeek, "no_night": d.NoNight, "days_off": d.DaysOff}
	if withNote {
		set["note"] = d.Note
	}
	return db.UpdateByID(ctx, s.db.Collection(membersColl), d.ID, bson.M{"$set": set})
}

// findMembers reads a team's active members in the order they joined.
func (s *Service) findMembers(ctx context.Context, teamID domain.ID) ([]memberDoc, error) {
	return db.FindAll[memberDoc](ctx, s.db.Collection(membersColl), bson.M{"team_id": string(teamID), "active": true},
		options.Find().SetSort(bson.D{{Key: "joined_at", Value: 1}, {Key: "_id", Value: 1}}))
}

// insertRoute stores a route.
func (s *Service) insertRoute(ctx context.Context, d routeDoc) error {
	return db.Insert(ctx, s.db.Collection(routesColl), d)
}

// findRoute reads a route. Errors: NotFound.
func (s *Service) findRoute(ctx context.Context, id domain.ID) (routeDoc, error) {
	return db.FindByIDOr[routeDoc](ctx, s.db.Collection(routesColl), string(id), errRouteNotFound)
}

// findRoutesByID reads the routes with the given IDs.
func (s *Service) findRoutesByID(ctx context.Context, ids []domain.ID) ([]routeDoc, error) {
	return db.FindAll[routeDoc](ctx, s.db.Collection(routesColl), bson.M{"_id": bson.M{"$in": ids}})
}

// findRoutes reads a team's routes in the order added.
func (s *Service) findRoutes(ctx context.Context, teamID domain.ID) ([]routeDoc, error) {
	return db.FindAll[routeDoc](ctx, s.db.Collection(routesColl), bson.M{"team_id": string(teamID)},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}))
}

// insertTemplate stores a template; false when its name is taken.
func (s *Service) insertTemplate(ctx context.Context, d templateDoc) (bool, error) {
	return db.InsertOnce(ctx, s.db.Collection(templatesColl), d)
}

// findTemplates reads a team's templates in the order added.
func (s *Service) findTemplates(ctx context.Context, teamID domain.ID) ([]templateDoc, error) {
	return db.FindAll[templateDoc](ctx, s.db.Collection(templatesColl), bson.M{"team_id": string(teamID)},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}))
}
