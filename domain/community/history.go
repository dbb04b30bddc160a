package community

import (
	"context"
	"slices"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// RoleChange is one entry of a community's role history: a role granted to
// a member, or revoked.
type RoleChange struct {
	Revoked bool // else granted
	Role    domain.Role
	UserID  domain.ID
	GridID  domain.ID // a grid worker's grid
	By      domain.ID // who granted or revoked it ("" for the system)
	At      time.Time
}

// roleHistoryLimit caps the entries RoleHistory returns.
const roleHistoryLimit = 200

// RoleHistory lists who was granted or lost which role in a community, and
// by whom, newest first (the latest 200): powers are public to the
// community's members. The resident role, which joining gives, is left
// out. Errors: Unauthenticated, Forbidden (not a member).
func (s *Service) RoleHistory(ctx context.Context, communityID domain.ID) ([]RoleChange, error) {
	if _, err := s.require(ctx, communityID, Access.Member); err != nil {
		return nil, err
	}
	grants, err := s.findCommunityGrants(ctx, communityID, roleHistoryLimit)
	if err != nil {
		return nil, err
	}
	revs, err := s.findRevocations(ctx, communityID, roleHistoryLimit)
	if err != nil {
		return nil, err
	}
	var out []RoleChange
	granted := func(g roleDoc) RoleChange {
		return RoleChange{Role: domain.Role(g.Role), UserID: g.UserID, GridID: g.GridID, By: g.GrantedBy, At: g.GrantedAt}
	}
	for _, g := range grants {
		out = append(out, granted(g))
	}
	for _, r := range revs {
		if r.Grant.Role == string(domain.RoleResident) {
			continue
		}
		out = append(out, granted(r.Grant))
		out = append(out, RoleChange{Revoked: true, Role: domain.Role(r.Grant.Role), UserID: r.Grant.UserID, GridID: r.Grant.GridID, By: r.RevokedBy, At: r.RevokedAt})
	}
	slices.SortStableFunc(out, func(a, b RoleChange) int { return b.At.Compare(a.At) })
	return out[:min(len(out), roleHistoryLimit)], nil
}

// GrantableRoles lists the roles the actor may grant and revoke in a
// community (MayChangeRole), in display order; none for a non-member.
func (s *Service) GrantableRoles(ctx context.Context, communityID domain.ID) ([]domain.Role, error) {
	a, err := s.AccessOf(ctx, communityID)
	if err != nil {
		return nil, err
	}
	out := []domain.Role{}
	for _, r := range domain.Roles {
		if r != domain.RoleResident && MayChangeRole(a, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// repairRevocations removes the grants whose revocation was recorded but
// which a stop kept from going, and returns how many.
func (s *Service) repairRevocations(ctx context.Context) (int, error) {
	revs, err := s.findAllRevocations(ctx)
	if err != nil {
		return 0, err
	}
	fixed := 0
	for _, r := range revs {
		g, err := s.findGrant(ctx, r.Grant.ID)
		if domain.ErrorCode(err) == domain.NotFound || (err == nil && !g.GrantedAt.Equal(r.Grant.GrantedAt)) {
			continue // gone, or granted anew since
		}
		if err != nil {
			return fixed, err
		}
		if err := s.deleteGrantOf(ctx, g); err != nil {
			return fixed, err
		}
		fixed++
	}
	return fixed, nil
}
