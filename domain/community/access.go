package community

import (
	"context"

	"github.com/yishi-app/yishi/domain"
)

// Access is what a user may do in one community: the roles they hold and the
// grids they work for.
type Access struct {
	UserID      domain.ID
	CommunityID domain.ID
	roles       map[domain.Role]bool
	workerGrids map[domain.ID]bool
}

// Has reports whether the user holds role.
func (a Access) Has(r domain.Role) bool { return a.roles[r] }

// Member reports whether the user holds any role in the community.
func (a Access) Member() bool { return len(a.roles) > 0 }

// Staff reports whether the user runs the community: committee, party,
// admin or grid worker, or leads the owners' committee or the property
// firm (who name their side's delegates, so must find the members). Staff
// may see the member directory.
func (a Access) Staff() bool {
	return a.Has(domain.RoleCommittee) || a.Has(domain.RoleParty) || a.Has(domain.RoleAdmin) || a.Has(domain.RoleGridWorker) ||
		a.Has(domain.RoleOwnersLead) || a.Has(domain.RolePropertyLead)
}

// Manager reports whether the user may manage members: committee or admin.
func (a Access) Manager() bool { return a.Has(domain.RoleCommittee) || a.Has(domain.RoleAdmin) }

// WorksFor reports whether the user is a grid worker of grid.
func (a Access) WorksFor(grid domain.ID) bool { return a.workerGrids[grid] }

// WorkerGrids lists the grids the user works for as a grid worker.
func (a Access) WorkerGrids() []domain.ID {
	out := make([]domain.ID, 0, len(a.workerGrids))
	for g := range a.workerGrids {
		out = append(out, g)
	}
	return out
}

// AccessOf returns the acting user's access to a community; an anonymous
// actor has none.
func (s *Service) AccessOf(ctx context.Context, communityID domain.ID) (Access, error) {
	actor := domain.ActorFromContext(ctx)
	a := Access{UserID: actor.UserID, CommunityID: communityID, roles: map[domain.Role]bool{}, workerGrids: map[domain.ID]bool{}}
	if !actor.LoggedIn() {
		return a, nil
	}
	docs, err := s.findGrants(ctx, communityID, actor.UserID)
	if err != nil {
		return a, err
	}
	for _, d := range docs {
		a.roles[domain.Role(d.Role)] = true
		if d.GridID != "" {
			a.workerGrids[d.GridID] = true
		}
	}
	return a, nil
}

// require returns the actor's access to a community when check allows it:
// Unauthenticated for anonymous actors, Forbidden otherwise.
func (s *Service) require(ctx context.Context, communityID domain.ID, check func(Access) bool) (Access, error) {
	if _, err := domain.RequireUser(ctx); err != nil {
		return Access{}, err
	}
	a, err := s.AccessOf(ctx, communityID)
	if err != nil {
		return a, err
	}
	if !check(a) {
		return a, domain.ErrForbidden
	}
	return a, nil
}

// RequireAdmin returns nil when the actor administers the community.
// Errors: Unauthenticated, Forbidden.
func (s *Service) RequireAdmin(ctx context.Context, communityID domain.ID) error {
	_, err := s.require(ctx, communityID, isAdmin)
	return err
}
