package community

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// insertMember stores a membership; the _id makes it one per user and
// community. Errors: Conflict (ErrAlreadyMember).
func (s *Service) insertMember(ctx context.Context, d memberDoc) error {
	d.ID = MemberID(d.CommunityID, d.UserID)
	if d.Roles == nil {
		d.Roles = []string{}
	}
	if d.WorkerGrids == nil {
		d.WorkerGrids = []string{}
	}
	won, err := db.InsertOnce(ctx, s.db.Collection(membersColl), d)
	if err == nil && !won {
		return ErrAlreadyMember
	}
	return err
}

// findMember reads a membership. Errors: NotFound.
func (s *Service) findMember(ctx context.Context, communityID, userID domain.ID) (Member, error) {
	d, err := db.FindByID[memberDoc](ctx, s.db.Collection(membersColl), string(MemberID(communityID, userID)))
	if db.IsNotFound(err) {
		return Member{}, errMemberNotFound
	}
	return toMember(d), err
}

// findMemberships reads a user's memberships of all communities.
func (s *Service) findMemberships(ctx context.Context, userID domain.ID) ([]Member, error) {
	docs, err := db.FindAll[memberDoc](ctx, s.db.Collection(membersColl), bson.M{"user_id": string(userID)})
	if err != nil {
		return nil, err
	}
	out := make([]Member, len(docs))
	for i, d := range docs {
		out[i] = toMember(d)
	}
	return out, nil
}

// memberQuery selects a community's members by f's role, grid and
// micro-grid; f.Search is not the store's to match (names live with the
// accounts area).
func memberQuery(communityID domain.ID, f MemberFilter) bson.M {
	filter := bson.M{"community_id": string(communityID)}
	if f.Role != nil {
		filter["roles"] = string(*f.Role)
	}
	if f.GridID != nil {
		filter["grid_id"] = string(*f.GridID)
	}
	if f.MicroGridID != nil {
		filter["micro_grid_id"] = string(*f.MicroGridID)
	}
	return filter
}

// listMembers reads a page of a community's members that f selects
// (f.Search aside), in ID order; f.Role must be valid. Errors: Invalid
// (page).
func (s *Service) listMembers(ctx context.Context, communityID domain.ID, f MemberFilter, page domain.Page) (domain.List[Member], error) {
	docs, next, total, err := db.FindPage[memberDoc](ctx, s.db.Collection(membersColl), memberQuery(communityID, f), page)
	return list(docs, next, total, toMember), err
}

// memberRef is a membership's ID and user, all a name search needs to read
// of every membership it looks at.
type memberRef struct {
	ID     domain.ID `bson:"_id"`
	UserID domain.ID `bson:"user_id"`
}

// findMemberRefs reads the IDs and users of all of a community's members
// that f selects (f.Search aside), in no particular order.
func (s *Service) findMemberRefs(ctx context.Context, communityID domain.ID, f MemberFilter) ([]memberRef, error) {
	return db.FindAll[memberRef](ctx, s.db.Collection(membersColl), memberQuery(communityID, f),
		options.Find().SetProjection(bson.M{"_id": 1, "user_id": 1}))
}

// findMembersByID reads the memberships with the given IDs in one query,
// in the order of ids; missing IDs are left out.
func (s *Service) findMembersByID(ctx context.Context, ids []domain.ID) ([]Member, error) {
	if len(ids) == 0 {
		return []Member{}, nil
	}
	docs, err := db.FindAll[memberDoc](ctx, s.db.Collection(membersColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
	if err != nil {
		return nil, err
	}
	byID := make(map[domain.ID]memberDoc, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
	}
	out := make([]Member, 0, len(ids))
	for _, id := range ids {
		if d, ok := byID[id]; ok {
			out = append(out, toMember(d))
		}
	}
	return out, nil
}

// findResidentIDs reads the users holding the resident role (by the roles
// cached on memberships) who live in any of grids, or anywhere in the
// community when grids is empty.
func (s *Service) findResidentIDs(ctx context.Context, communityID domain.ID, grids []domain.ID) ([]domain.ID, error) {
	filter := bson.M{"community_id": string(communityID), "roles": string(domain.RoleResident)}
	if len(grids) > 0 {
		filter["grid_id"] = bson.M{"$in": strs(grids)}
	}
	docs, err := db.FindAll[memberDoc](ctx, s.db.Collection(membersColl), filter)
	if err != nil {
		return nil, err
	}
	ids := make([]domain.ID, len(docs))
	for i, d := range docs {
		ids[i] = d.UserID
	}
	return ids, nil
}

// setMemberRoles sets the roles and worker grids cached on a membership.
func (s *Service) setMemberRoles(ctx context.Context, memberID domain.ID, roles, grids []string) error {
	_, err := db.Update(ctx, s.db.Collection(membersColl), bson.M{"_id": string(memberID)},
		bson.M{"$set": bson.M{"roles": roles, "worker_grids": grids}})
	return err
}

// insertGrant stores a role grant; a grant already stored is not an error.
func (s *Service) insertGrant(ctx context.Context, d roleDoc) error {
	_, err := db.InsertOnce(ctx, s.db.Collection(rolesColl), d)
	return err
}

// findGrant reads a role grant. Errors: NotFound.
func (s *Service) findGrant(ctx context.Context, id string) (roleDoc, error) {
	return db.FindByIDOr[roleDoc](ctx, s.db.Collection(rolesColl), id, domain.ErrNotFound("角色", "role"))
}

// deleteGrantOf removes the grant g, unless it was granted anew since.
func (s *Service) deleteGrantOf(ctx context.Context, g roleDoc) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(rolesColl), bson.M{"_id": g.ID, "granted_at": g.GrantedAt})
	return err
}

// insertRevocation records a revocation.
func (s *Service) insertRevocation(ctx context.Context, d revocationDoc) error {
	return db.Insert(ctx, s.db.Collection(revocationsColl), d)
}

// findRevocations reads a community's revocations, newest first, at most
// limit.
func (s *Service) findRevocations(ctx context.Context, communityID domain.ID, limit int) ([]revocationDoc, error) {
	return db.FindAll[revocationDoc](ctx, s.db.Collection(revocationsColl), bson.M{"grant.community_id": string(communityID)},
		options.Find().SetSort(bson.D{{Key: "revoked_at", Value: -1}}).SetLimit(int64(limit)))
}

// findAllRevocations reads every revocation, of all communities.
func (s *Service) findAllRevocations(ctx context.Context) ([]revocationDoc, error) {
	return db.FindAll[revocationDoc](ctx, s.db.Collection(revocationsColl), bson.M{})
}

// findCommunityGrants reads a community's grants of roles other than
// resident, newest first, at most limit.
func (s *Service) findCommunityGrants(ctx context.Context, communityID domain.ID, limit int) ([]roleDoc, error) {
	return db.FindAll[roleDoc](ctx, s.db.Collection(rolesColl), bson.M{"community_id": string(communityID), "role": bson.M{"$ne": string(domain.RoleResident)}},
		options.Find().SetSort(bson.D{{Key: "granted_at", Value: -1}}).SetLimit(int64(limit)))
}

// findGrants reads a user's role grants in a community.
func (s *Service) findGrants(ctx context.Context, communityID, userID domain.ID) ([]roleDoc, error) {
	return db.FindAll[roleDoc](ctx, s.db.Collection(rolesColl), bson.M{"community_id": string(communityID), "user_id": string(userID)})
}

// findRoleHolderIDs reads the users granted role in a community.
func (s *Service) findRoleHolderIDs(ctx context.Context, communityID domain.ID, role domain.Role) ([]domain.ID, error) {
	docs, err := db.FindAll[roleDoc](ctx, s.db.Collection(rolesColl), bson.M{"community_id": string(communityID), "role": string(role)})
	if err != nil {
		return nil, err
	}
	ids := make([]domain.ID, len(docs))
	for i, d := range docs {
		ids[i] = d.UserID
	}
	return ids, nil
}

// findGridWorkerIDs reads who holds the grid worker role for a grid.
func (s *Service) findGridWorkerIDs(ctx context.Context, communityID, gridID domain.ID) ([]domain.ID, error) {
	docs, err := db.FindAll[roleDoc](ctx, s.db.Collection(rolesColl), bson.M{"community_id": string(communityID), "role": string(domain.RoleGridWorker),
		"grid_id": string(gridID)})
	ids := make([]domain.ID, len(docs))
	for i, d := range docs {
		ids[i] = d.UserID
	}
	return ids, err
}

// countAdmins counts the admin grants of a community.
func (s *Service) countAdmins(ctx context.Context, communityID domain.ID) (int, error) {
	return db.Count(ctx, s.db.Collection(rolesColl), bson.M{"community_id": string(communityID), "role": string(domain.RoleAdmin)})
}
