package community

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
)

// grant inserts a role grant by the acting user; granting a role twice is
// not an error.
func (s *Service) grant(ctx context.Context, communityID, userID domain.ID, role domain.Role, gridID domain.ID) error {
	return s.grantAs(ctx, communityID, userID, role, gridID, domain.ActorFromContext(ctx).UserID)
}

// grantAs inserts a role grant made by grantor.
func (s *Service) grantAs(ctx context.Context, communityID, userID domain.ID, role domain.Role, gridID, grantor domain.ID) error {
	d := roleDoc{
		ID: roleDocID(communityID, userID, role, gridID), CommunityID: communityID, UserID: userID,
		Role: string(role), GridID: gridID, GrantedBy: grantor, GrantedAt: s.now().UTC(),
	}
	return s.insertGrant(ctx, d)
}

// syncMemberRoles copies a member's grants into the membership document, for
// the directory's filters. The grants stay the source of truth.
func (s *Service) syncMemberRoles(ctx context.Context, communityID, userID domain.ID) error {
	grants, err := s.findGrants(ctx, communityID, userID)
	if err != nil {
		return err
	}
	roles, grids := cachedRoles(grants)
	return s.setMemberRoles(ctx, MemberID(communityID, userID), roles, grids)
}

// cachedRoles is what a member document caches of its grants: the roles,
// sorted, and the grids worked for.
func cachedRoles(grants []roleDoc) (roles, grids []string) {
	roles, grids = []string{}, []string{}
	seen := map[string]bool{}
	for _, g := range grants {
		if !seen[g.Role] {
			seen[g.Role] = true
			roles = append(roles, g.Role)
		}
		if g.GridID != "" {
			grids = append(grids, string(g.GridID))
		}
	}
	sort.Strings(roles)
	sort.Strings(grids)
	return roles, grids
}

// MemberFilter narrows the member directory; the fields set must all match.
type MemberFilter struct {
	Role        *domain.Role
	GridID      *domain.ID
	MicroGridID *domain.ID
	// Search is part of the member's name, at most MaxMemberSearch
	// characters; Latin letters match in either case.
	Search string
}

// MaxMemberSearch is the longest MemberFilter.Search, in characters.
const MaxMemberSearch = 32

// Members lists a community's members that f selects, in ID order.
// Only staff (committee, party, admin, grid workers) may list them.
// Errors: Unauthenticated, Forbidden, Invalid (page, role, search).
func (s *Service) Members(ctx context.Context, communityID domain.ID, f MemberFilter, page domain.Page) (domain.List[Member], error) {
	if _, err := s.require(ctx, communityID, Access.Staff); err != nil {
		return domain.List[Member]{}, err
	}
	if f.Role != nil && !f.Role.Valid() {
		return domain.List[Member]{}, domain.InvalidField("role", "未知的角色", "unknown role")
	}
	if f.Search = strings.TrimSpace(f.Search); utf8.RuneCountInString(f.Search) > MaxMemberSearch {
		return domain.List[Member]{}, domain.InvalidField("search", "搜索的姓名最多 %d 个字", "the name to search for is at most %d characters", MaxMemberSearch)
	}
	if f.Search == "" {
		return s.listMembers(ctx, communityID, f, page)
	}
	return s.searchMembers(ctx, communityID, f, page)
}

// searchMembers reads a page of the members that f selects whose names
// contain f.Search. Names live with the accounts area, so the store cannot
// match them in its query: this reads the selected memberships' user IDs,
// their users in one batch, and then only the page's memberships.
func (s *Service) searchMembers(ctx context.Context, communityID domain.ID, f MemberFilter, page domain.Page) (domain.List[Member], error) {
	if err := page.Validate(); err != nil {
		return domain.List[Member]{}, err
	}
	refs, err := s.findMemberRefs(ctx, communityID, f)
	if err != nil {
		return domain.List[Member]{}, err
	}
	userIDs := make([]domain.ID, len(refs))
	for i, r := range refs {
		userIDs[i] = r.UserID
	}
	users, err := s.accounts.UsersByID(ctx, userIDs)
	if err != nil {
		return domain.List[Member]{}, fmt.Errorf("read member names: %w", err)
	}
	needle := strings.ToLower(f.Search)
	var matched []domain.ID
	for _, r := range refs {
		if u, ok := users[r.UserID]; ok && strings.Contains(strings.ToLower(u.Name), needle) {
			matched = append(matched, r.ID)
		}
	}
	slices.Sort(matched)
	rest := matched[sort.Search(len(matched), func(i int) bool { return matched[i] > page.After }):]
	out := domain.List[Member]{TotalCount: len(matched)}
	if len(rest) > page.First {
		rest, out.HasNextPage = rest[:page.First], true
	}
	if out.Items, err = s.findMembersByID(ctx, rest); err != nil {
		return domain.List[Member]{}, err
	}
	return out, nil
}

// Member returns a membership, to the member themself and to staff.
// Errors: NotFound (also when the actor may not see it).
func (s *Service) Member(ctx context.Context, communityID, userID domain.ID) (Member, error) {
	actor := domain.ActorFromContext(ctx)
	if actor.UserID != userID {
		a, err := s.AccessOf(ctx, communityID)
		if err != nil {
			return Member{}, err
		}
		if !a.Staff() {
			return Member{}, errMemberNotFound
		}
	}
	return s.findMember(ctx, communityID, userID)
}

// MembersOf returns, in one query, the memberships of some users of a
// community, for staff; users who are not members are left out.
// Errors: Unauthenticated, NotFound (not staff).
func (s *Service) MembersOf(ctx context.Context, communityID domain.ID, userIDs []domain.ID) (map[domain.ID]Member, error) {
	a, err := s.AccessOf(ctx, communityID)
	if err != nil {
		return nil, err
	}
	if !a.Staff() {
		return nil, errMemberNotFound
	}
	ids := make([]domain.ID, len(userIDs))
	for i, u := range userIDs {
		ids[i] = MemberID(communityID, u)
	}
	found, err := s.findMembersByID(ctx, ids)
	out := make(map[domain.ID]Member, len(found))
	for _, m := range found {
		out[m.UserID] = m
	}
	return out, err
}

// Place is where a member lives: their grid and micro-grid.
type Place struct {
	GridID, MicroGridID domain.ID
}

// PlacesOf returns where the given members of a community live, keyed by
// user ID; non-members are absent. It checks no actor: other areas ask it
// for their own rules (the volunteer area ranks volunteers near a need)
// after checking their actor themselves, and it tells nothing but grids.
func (s *Service) PlacesOf(ctx context.Context, communityID domain.ID, userIDs []domain.ID) (map[domain.ID]Place, error) {
	ids := make([]domain.ID, len(userIDs))
	for i, u := range userIDs {
		ids[i] = MemberID(communityID, u)
	}
	found, err := s.findMembersByID(ctx, ids)
	out := make(map[domain.ID]Place, len(found))
	for _, m := range found {
		out[m.UserID] = Place{GridID: m.GridID, MicroGridID: m.MicroGridID}
	}
	return out, err
}

// MyMemberships lists the actor's memberships. Errors: Unauthenticated.
func (s *Service) MyMemberships(ctx context.Context) ([]Member, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return nil, err
	}
	return s.findMemberships(ctx, actor.UserID)
}

// RoleInput names a role of a member; GridID is required for grid workers
// and refused for other roles.
type RoleInput struct {
	CommunityID domain.ID
	UserID      domain.ID
	Role        domain.Role
	GridID      domain.ID
}

// MayChangeRole reports whether a holder of access a may grant or revoke
// role: admins any role; the committee grid workers and mediators; the party
// organisation party members; a lead of the owners' committee or of the
// property firm their own side's delegates. So no one below an admin can
// seat themselves or another side in a three-party vote.
func MayChangeRole(a Access, role domain.Role) bool {
	switch {
	case a.Has(domain.RoleAdmin):
		return true
	case role == domain.RoleGridWorker, role == domain.RoleMediator:
		return a.Has(domain.RoleCommittee)
	case role == domain.RolePartyMember:
		return a.Has(domain.RoleParty)
	case role == domain.RoleOwnersCommittee:
		return a.Has(domain.RoleOwnersLead)
	case role == domain.RolePropertyFirm:
		return a.Has(domain.RolePropertyLead)
	}
	return false
}

// checkRoleChange applies the rules shared by AssignRole and RevokeRole:
// who may change which role (MayChangeRole), and a grid worker's role
// names a grid of the community.
func (s *Service) checkRoleChange(ctx context.Context, in RoleInput) error {
	a, err := s.require(ctx, in.CommunityID, Access.Member)
	if err != nil {
		return err
	}
	if !in.Role.Valid() {
		return domain.InvalidField("role", "未知的角色", "unknown role")
	}
	if !MayChangeRole(a, in.Role) {
		l := in.Role.Label()
		return &domain.Error{Code: domain.Forbidden, Message: domain.Text{ZH: "您不能授予或撤销“" + l.ZH + "”角色", EN: "you may not grant or revoke the " + l.EN + " role"}}
	}
	if in.Role == domain.RoleGridWorker {
		g, err := s.Grid(ctx, in.GridID)
		if err != nil || g.CommunityID != in.CommunityID {
			return domain.InvalidField("gridId", "请为网格员选择本社区的网格", "choose a grid of this community for the grid worker")
		}
	} else if in.GridID != "" {
		return domain.InvalidField("gridId", "只有网格员角色需要选择网格", "only the grid worker role takes a grid")
	}
	return nil
}

// AssignRole grants a member a role; the grant is on the community's role
// history. Errors: Unauthenticated, Forbidden (MayChangeRole), NotFound
// (member), Invalid (role, grid).
func (s *Service) AssignRole(ctx context.Context, in RoleInput) (Member, error) {
	if err := s.checkRoleChange(ctx, in); err != nil {
		return Member{}, err
	}
	if _, err := s.findMember(ctx, in.CommunityID, in.UserID); err != nil {
		return Member{}, err
	}
	if err := s.grant(ctx, in.CommunityID, in.UserID, in.Role, in.GridID); err != nil {
		return Member{}, err
	}
	if err := s.syncMemberRoles(ctx, in.CommunityID, in.UserID); err != nil {
		return Member{}, err
	}
	return s.findMember(ctx, in.CommunityID, in.UserID)
}

// RevokeRole takes a role from a member; the revocation is on the
// community's role history. The resident role and the last admin's admin
// role cannot be revoked; admin revocations run one at a time per community
// (store_claims.go). Errors: Unauthenticated, Forbidden (MayChangeRole),
// NotFound (member or grant), Invalid, Conflict (last admin; another admin
// change under way).
func (s *Service) RevokeRole(ctx context.Context, in RoleInput) (Member, error) {
	if err := s.checkRoleChange(ctx, in); err != nil {
		return Member{}, err
	}
	if in.Role == domain.RoleResident {
		return Member{}, domain.InvalidField("role", "不能撤销居民身份", "the resident role cannot be revoked")
	}
	if in.Role == domain.RoleAdmin {
		release, err := s.claimAdminChange(ctx, in.CommunityID)
		if err != nil {
			return Member{}, err
		}
		defer release()
		n, err := s.countAdmins(ctx, in.CommunityID)
		if err != nil {
			return Member{}, err
		}
		if n <= 1 {
			return Member{}, ErrLastAdmin
		}
	}
	g, err := s.findGrant(ctx, roleDocID(in.CommunityID, in.UserID, in.Role, in.GridID))
	if err != nil {
		return Member{}, err
	}
	// The revocation is recorded first, with the grant it ends, then the
	// grant goes: a stop between the two is finished by RepairRoles.
	rev := revocationDoc{ID: domain.NewID(), Grant: g, RevokedBy: domain.ActorFromContext(ctx).UserID, RevokedAt: s.now().UTC()}
	if err := s.insertRevocation(ctx, rev); err != nil {
		return Member{}, err
	}
	if err := s.deleteGrantOf(ctx, g); err != nil {
		return Member{}, err
	}
	if err := s.syncMemberRoles(ctx, in.CommunityID, in.UserID); err != nil {
		return Member{}, err
	}
	return s.findMember(ctx, in.CommunityID, in.UserID)
}

// AssistedResidentInput describes a resident without email or password,
// living in a micro-grid of the community.
type AssistedResidentInput struct {
	CommunityID domain.ID
	MicroGridID domain.ID
	Name        string
	Phone       string
}

// RegisterAssistedResident registers a resident who has no email or
// password, on the record of the acting grid worker (of the micro-grid's
// grid) or committee member or admin. Errors: Unauthenticated, Forbidden,
// Invalid (name, phone, micro-grid).
func (s *Service) RegisterAssistedResident(ctx context.Context, in AssistedResidentInput) (Member, error) {
	a, err := s.require(ctx, in.CommunityID, Access.Staff)
	if err != nil {
		return Member{}, err
	}
	if err := account.CheckAssistedInput(account.AssistedInput{Name: in.Name, Phone: in.Phone}); err != nil {
		return Member{}, err
	}
	mg, err := s.MicroGrid(ctx, in.MicroGridID)
	if err != nil || mg.CommunityID != in.CommunityID {
		return Member{}, domain.InvalidField("microGridId", "请选择本社区的微网格", "choose a micro-grid of this community")
	}
	if !a.Manager() && !a.WorksFor(mg.GridID) {
		return Member{}, domain.ErrForbidden
	}
	u, err := s.accounts.CreateAssisted(ctx, account.AssistedInput{Name: in.Name, Phone: in.Phone})
	if err != nil {
		return Member{}, err
	}
	d := memberDoc{
		CommunityID: in.CommunityID, UserID: u.ID, GridID: mg.GridID,
		MicroGridID: mg.ID, Assisted: true, JoinedAt: s.now().UTC(),
	}
	if err := s.insertMember(ctx, d); err != nil {
		return Member{}, err
	}
	if err := s.grant(ctx, in.CommunityID, u.ID, domain.RoleResident, ""); err != nil {
		return Member{}, err
	}
	if err := s.syncMemberRoles(ctx, in.CommunityID, u.ID); err != nil {
		return Member{}, err
	}
	return s.findMember(ctx, in.CommunityID, u.ID)
}

// MemberIDs lists the users who hold role in a community. It checks no
// permission: it serves scheduled jobs (the weekly digest), never a request.
func (s *Service) MemberIDs(ctx context.Context, communityID domain.ID, role domain.Role) ([]domain.ID, error) {
	return s.findRoleHolderIDs(ctx, communityID, role)
}

// GridWorkerIDs lists the grid workers of a grid. It checks no
// permission: it serves reminders, never a request.
func (s *Service) GridWorkerIDs(ctx context.Context, communityID, gridID domain.ID) ([]domain.ID, error) {
	return s.findGridWorkerIDs(ctx, communityID, gridID)
}

// GridMemberIDs lists the residents living in any of the grids (all the
// community's residents when grids is empty). It checks no permission: it
// serves notifications to the residents a topic affects, never a request.
func (s *Service) GridMemberIDs(ctx context.Context, communityID domain.ID, grids []domain.ID) ([]domain.ID, error) {
	return s.findResidentIDs(ctx, communityID, grids)
}
