package community

import (
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Collections owned by this area.
const (
	streetsColl     = "streets"
	communitiesColl = "communities"
	gridsColl       = "grids"
	microGridsColl  = "micro_grids"
	membersColl     = "members"        // _id is community/user: one membership each
	rolesColl       = "member_roles"   // _id is community/user/role[/grid]: one grant each, the source of truth
	joinColl        = "join_requests"  // every request, kept after its decision
	joinOpenColl    = "join_open"      // _id is community/user: at most one pending request each
	joinDecideColl  = "join_decisions" // _id is the request: the first decision wins
)

// Indexes returns the indexes this area needs.
func Indexes() []db.Index {
	return []db.Index{
		{Collection: streetsColl, Keys: bson.D{{Key: "code", Value: 1}}, Unique: true},
		{Collection: communitiesColl, Keys: bson.D{{Key: "code", Value: 1}}, Unique: true},
		{Collection: communitiesColl, Keys: bson.D{{Key: "street_id", Value: 1}}},
		{Collection: gridsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "code", Value: 1}}, Unique: true},
		{Collection: microGridsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "code", Value: 1}}, Unique: true},
		{Collection: microGridsColl, Keys: bson.D{{Key: "grid_id", Value: 1}}},
		{Collection: membersColl, Keys: bson.D{{Key: "community_id", Value: 1}}},
		{Collection: membersColl, Keys: bson.D{{Key: "user_id", Value: 1}}},
		{Collection: rolesColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "user_id", Value: 1}}},
		{Collection: rolesColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "role", Value: 1}}},
		{Collection: joinColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}}},
		{Collection: joinColl, Keys: bson.D{{Key: "user_id", Value: 1}}},
	}
}

type streetDoc struct {
	ID        string    `bson:"_id"`
	Name      string    `bson:"name"`
	Code      string    `bson:"code"`
	CreatedAt time.Time `bson:"created_at"`
}

func toStreet(d streetDoc) Street {
	return Street{ID: domain.ID(d.ID), Name: d.Name, Code: d.Code, CreatedAt: d.CreatedAt}
}

type settingsDoc struct {
	TimeZone          string `bson:"time_zone"`
	SupportThreshold  int    `bson:"support_threshold"`
	SupportWindowDays int    `bson:"support_window_days"`
}

type communityDoc struct {
	ID        string      `bson:"_id"`
	StreetID  string      `bson:"street_id"`
	Name      string      `bson:"name"`
	Kind      string      `bson:"kind"`
	Code      string      `bson:"code"`
	Settings  settingsDoc `bson:"settings"`
	CreatedAt time.Time   `bson:"created_at"`
}

func toCommunity(d communityDoc) Community {
	return Community{
		ID: domain.ID(d.ID), StreetID: domain.ID(d.StreetID), Name: d.Name, Kind: Kind(d.Kind), Code: d.Code,
		Settings:  Settings(d.Settings),
		CreatedAt: d.CreatedAt,
	}
}

func fromSettings(s Settings) settingsDoc {
	return settingsDoc(s)
}

type gridDoc struct {
	ID          string `bson:"_id"`
	CommunityID string `bson:"community_id"`
	Name        string `bson:"name"`
	Code        string `bson:"code"`
}

func toGrid(d gridDoc) Grid {
	return Grid{ID: domain.ID(d.ID), CommunityID: domain.ID(d.CommunityID), Name: d.Name, Code: d.Code}
}

type microGridDoc struct {
	ID          string `bson:"_id"`
	CommunityID string `bson:"community_id"`
	GridID      string `bson:"grid_id"`
	Name        string `bson:"name"`
	Code        string `bson:"code"`
}

func toMicroGrid(d microGridDoc) MicroGrid {
	return MicroGrid{ID: domain.ID(d.ID), CommunityID: domain.ID(d.CommunityID), GridID: domain.ID(d.GridID), Name: d.Name, Code: d.Code}
}

// memberDoc holds a membership. Roles and WorkerGrids copy the member's role
// grants so the directory can filter by them; the grants in rolesColl decide
// permissions.
type memberDoc struct {
	ID          string    `bson:"_id"`
	CommunityID string    `bson:"community_id"`
	UserID      string    `bson:"user_id"`
	GridID      string    `bson:"grid_id"`
	MicroGridID string    `bson:"micro_grid_id"`
	Roles       []string  `bson:"roles"`
	WorkerGrids []string  `bson:"worker_grids"`
	Assisted    bool      `bson:"assisted"`
	JoinedAt    time.Time `bson:"joined_at"`
}

func toMember(d memberDoc) Member {
	m := Member{
		CommunityID: domain.ID(d.CommunityID), UserID: domain.ID(d.UserID), GridID: domain.ID(d.GridID),
		MicroGridID: domain.ID(d.MicroGridID), Assisted: d.Assisted, JoinedAt: d.JoinedAt,
	}
	for _, r := range d.Roles {
		m.Roles = append(m.Roles, domain.Role(r))
	}
	for _, g := range d.WorkerGrids {
		m.WorkerGrids = append(m.WorkerGrids, domain.ID(g))
	}
	return m
}

type roleDoc struct {
	ID          string    `bson:"_id"`
	CommunityID string    `bson:"community_id"`
	UserID      string    `bson:"user_id"`
	Role        string    `bson:"role"`
	GridID      string    `bson:"grid_id"`
	GrantedBy   string    `bson:"granted_by"`
	GrantedAt   time.Time `bson:"granted_at"`
}

func roleDocID(communityID, userID domain.ID, role domain.Role, gridID domain.ID) string {
	id := string(communityID) + "/" + string(userID) + "/" + string(role)
	if gridID != "" {
		id += "/" + string(gridID)
	}
	return id
}

type joinDoc struct {
	ID          string    `bson:"_id"`
	CommunityID string    `bson:"community_id"`
	UserID      string    `bson:"user_id"`
	GridID      string    `bson:"grid_id"`
	MicroGridID string    `bson:"micro_grid_id"`
	Message     string    `bson:"message"`
	State       string    `bson:"state"`
	CreatedAt   time.Time `bson:"created_at"`
	DecidedBy   string    `bson:"decided_by,omitempty"`
	DecidedAt   time.Time `bson:"decided_at,omitempty"`
	Reason      string    `bson:"reason,omitempty"`
}

func toJoinRequest(d joinDoc) JoinRequest {
	return JoinRequest{
		ID: domain.ID(d.ID), CommunityID: domain.ID(d.CommunityID), UserID: domain.ID(d.UserID),
		GridID: domain.ID(d.GridID), MicroGridID: domain.ID(d.MicroGridID), Message: d.Message,
		State: JoinState(d.State), CreatedAt: d.CreatedAt, DecidedBy: domain.ID(d.DecidedBy),
		DecidedAt: d.DecidedAt, Reason: d.Reason,
	}
}

type joinOpenDoc struct {
	ID        string `bson:"_id"`
	RequestID string `bson:"request_id"`
}

type joinDecisionDoc struct {
	RequestID string    `bson:"_id"`
	State     string    `bson:"state"`
	DecidedBy string    `bson:"decided_by"`
	DecidedAt time.Time `bson:"decided_at"`
}
