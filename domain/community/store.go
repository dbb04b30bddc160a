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
	membersColl     = "members"          // _id is community/user: one membership each
	rolesColl       = "member_roles"     // _id is community/user/role[/grid]: one grant each, the source of truth
	revocationsColl = "role_revocations" // revoked grants, with who revoked them and when: the role history
	joinColl        = "join_requests"    // every request, kept after its decision
	joinOpenColl    = "join_open"        // _id is community/user: at most one pending request each
	joinDecideColl  = "join_decisions"   // _id is the request: the first decision wins
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
		{Collection: requestsColl, Keys: bson.D{{Key: "requested_by", Value: 1}}},
		{Collection: requestsColl, Keys: bson.D{{Key: "state", Value: 1}}},
		{Collection: revocationsColl, Keys: bson.D{{Key: "grant.community_id", Value: 1}, {Key: "revoked_at", Value: 1}}},
		{Collection: joinColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}}},
		{Collection: joinColl, Keys: bson.D{{Key: "user_id", Value: 1}}},
	}
}

type streetDoc struct {
	ID        domain.ID `bson:"_id"`
	Name      string    `bson:"name"`
	Code      string    `bson:"code"`
	CreatedAt time.Time `bson:"created_at"`
}

func toStreet(d streetDoc) Street {
	return Street(d)
}

type settingsDoc struct {
	TimeZone          string `bson:"time_zone"`
	SupportThreshold  int    `bson:"support_threshold"`
	SupportWindowDays int    `bson:"support_window_days"`
}

type communityDoc struct {
	ID        domain.ID   `bson:"_id"`
	StreetID  domain.ID   `bson:"street_id"`
	Name      string      `bson:"name"`
	Kind      string      `bson:"kind"`
	Code      string      `bson:"code"`
	Settings  settingsDoc `bson:"settings"`
	CreatedAt time.Time   `bson:"created_at"`
}

func toCommunity(d communityDoc) Community {
	return Community{
		ID: d.ID, StreetID: d.StreetID, Name: d.Name, Kind: Kind(d.Kind), Code: d.Code,
		Settings:  Settings(d.Settings),
		CreatedAt: d.CreatedAt,
	}
}

func fromSettings(s Settings) settingsDoc {
	return settingsDoc(s)
}

type gridDoc struct {
	ID          domain.ID `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	Name        string    `bson:"name"`
	Code        string    `bson:"code"`
}

func toGrid(d gridDoc) Grid {
	return Grid(d)
}

type microGridDoc struct {
	ID          domain.ID `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	GridID      domain.ID `bson:"grid_id"`
	Name        string    `bson:"name"`
	Code        string    `bson:"code"`
}

func toMicroGrid(d microGridDoc) MicroGrid {
	return MicroGrid(d)
}

// memberDoc holds a membership. Roles and WorkerGrids copy the member's role
// grants so the directory can filter by them; the grants in rolesColl decide
// permissions.
type memberDoc struct {
	ID          domain.ID `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	UserID      domain.ID `bson:"user_id"`
	GridID      domain.ID `bson:"grid_id"`
	MicroGridID domain.ID `bson:"micro_grid_id"`
	Roles       []string  `bson:"roles"`
	WorkerGrids []string  `bson:"worker_grids"`
	Assisted    bool      `bson:"assisted"`
	JoinedAt    time.Time `bson:"joined_at"`
}

func toMember(d memberDoc) Member {
	m := Member{
		CommunityID: d.CommunityID, UserID: d.UserID, GridID: d.GridID,
		MicroGridID: d.MicroGridID, Assisted: d.Assisted, JoinedAt: d.JoinedAt,
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
	CommunityID domain.ID `bson:"community_id"`
	UserID      domain.ID `bson:"user_id"`
	Role        string    `bson:"role"`
	GridID      domain.ID `bson:"grid_id"`
	GrantedBy   domain.ID `bson:"granted_by"`
	GrantedAt   time.Time `bson:"granted_at"`
}

// revocationDoc records a revoked grant, with the grant it ended, for the
// role history.
type revocationDoc struct {
	ID        domain.ID `bson:"_id"`
	Grant     roleDoc   `bson:"grant"`
	RevokedBy domain.ID `bson:"revoked_by"`
	RevokedAt time.Time `bson:"revoked_at"`
}

func roleDocID(communityID, userID domain.ID, role domain.Role, gridID domain.ID) string {
	id := string(communityID) + "/" + string(userID) + "/" + string(role)
	if gridID != "" {
		id += "/" + string(gridID)
	}
	return id
}

type joinDoc struct {
	ID          domain.ID `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	UserID      domain.ID `bson:"user_id"`
	GridID      domain.ID `bson:"grid_id"`
	MicroGridID domain.ID `bson:"micro_grid_id"`
	Message     string    `bson:"message"`
	State       string    `bson:"state"`
	CreatedAt   time.Time `bson:"created_at"`
	DecidedBy   domain.ID `bson:"decided_by,omitempty"`
	DecidedAt   time.Time `bson:"decided_at,omitempty"`
	Reason      string    `bson:"reason,omitempty"`
}

func toJoinRequest(d joinDoc) JoinRequest {
	return JoinRequest{
		ID: d.ID, CommunityID: d.CommunityID, UserID: d.UserID,
		GridID: d.GridID, MicroGridID: d.MicroGridID, Message: d.Message,
		State: JoinState(d.State), CreatedAt: d.CreatedAt, DecidedBy: d.DecidedBy,
		DecidedAt: d.DecidedAt, Reason: d.Reason,
	}
}

type joinOpenDoc struct {
	ID        domain.ID `bson:"_id"`
	RequestID domain.ID `bson:"request_id"`
}

// joinDecisionDoc is the claim of a decision on a join request. It holds
// the whole decision, so that Repair can finish one that a stop
// interrupted.
type joinDecisionDoc struct {
	RequestID domain.ID `bson:"_id"`
	State     string    `bson:"state"`
	Reason    string    `bson:"reason,omitempty"`
	DecidedBy domain.ID `bson:"decided_by"`
	DecidedAt time.Time `bson:"decided_at"`
}

// list turns one page of documents into a page of the area's values.
func list[D, T any](docs []D, next bool, total int, conv func(D) T) domain.List[T] {
	out := domain.List[T]{HasNextPage: next, TotalCount: total, Items: make([]T, len(docs))}
	for i, d := range docs {
		out.Items[i] = conv(d)
	}
	return out
}

// byID converts documents read by ID into a map keyed by their ID.
func byID[D, T any](docs []D, err error, conv func(D) T, key func(T) domain.ID) (map[domain.ID]T, error) {
	if err != nil {
		return nil, err
	}
	out := make(map[domain.ID]T, len(docs))
	for _, d := range docs {
		t := conv(d)
		out[key(t)] = t
	}
	return out, nil
}

// strs turns IDs into the array an $in filter takes: never null, even for
// no IDs.
func strs(ids []domain.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}
