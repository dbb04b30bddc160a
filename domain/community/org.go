package community

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

var (
	nameWhat      = domain.Text{ZH: "名称", EN: "name"}
	addressCodeRE = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z-]{0,31}$`)
)

func cleanOrgName(s string) (string, error) { return text.Line("name", nameWhat, s, 1, 64) }

// cleanCode checks a grid's local code: 1–32 letters, digits or hyphens.
func cleanCode(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !addressCodeRE.MatchString(s) {
		return "", domain.InvalidField("code", "地址编码须为 1 到 32 位字母、数字或连字符", "the address code must be 1 to 32 letters, digits or hyphens")
	}
	return s, nil
}

// StreetInput describes a new street.
type StreetInput struct {
	Name string
	Code string
}

// CreateStreet adds a street, for an operator. Its code is the 9-digit
// division code. Errors: Unauthenticated, Forbidden, Invalid, Conflict
// (code taken).
func (s *Service) CreateStreet(ctx context.Context, in StreetInput) (Street, error) {
	if err := s.requireOperator(ctx); err != nil {
		return Street{}, err
	}
	name, err := cleanOrgName(in.Name)
	if err != nil {
		return Street{}, err
	}
	code, err := cleanDivisionCode(in.Code, 9, streetCode)
	if err != nil {
		return Street{}, err
	}
	d := streetDoc{ID: domain.NewID(), Name: name, Code: code, CreatedAt: s.now().UTC()}
	if err := s.insertStreet(ctx, d); err != nil {
		return Street{}, err
	}
	return toStreet(d), nil
}

// Street returns a street. Errors: NotFound.
func (s *Service) Street(ctx context.Context, id domain.ID) (Street, error) {
	return s.findStreet(ctx, id)
}

// StreetByCode returns the street with an address code. Errors: NotFound.
func (s *Service) StreetByCode(ctx context.Context, code string) (Street, error) {
	return s.findStreetByCode(ctx, code)
}

// Streets lists streets in creation order. Errors: Invalid (page).
func (s *Service) Streets(ctx context.Context, page domain.Page) (domain.List[Street], error) {
	return s.listStreets(ctx, page)
}

// CommunityInput describes a new community or village.
type CommunityInput struct {
	StreetID domain.ID
	Name     string
	Kind     Kind
	Code     string // the 12-digit division code, extending the street's
	// AdminID is the first admin: the creating operator when empty (the
	// system must name one).
	AdminID domain.ID
}

// CreateCommunity adds a community under a street, for an operator, and
// makes AdminID (or the operator) its first admin and a resident. Errors:
// Unauthenticated, Forbidden, Invalid, NotFound (street), Conflict (code
// taken).
func (s *Service) CreateCommunity(ctx context.Context, in CommunityInput) (Community, error) {
	if err := s.requireOperator(ctx); err != nil {
		return Community{}, err
	}
	if in.AdminID == "" {
		in.AdminID = domain.ActorFromContext(ctx).UserID
	}
	if in.AdminID == "" {
		return Community{}, domain.InvalidField("adminId", "请指定首位管理员", "name the first admin")
	}
	if _, err := s.accounts.User(ctx, in.AdminID); err != nil {
		return Community{}, domain.InvalidField("adminId", "首位管理员须是已注册的用户", "the first admin must be a registered user")
	}
	d, err := s.checkCommunity(ctx, in)
	if err != nil {
		return Community{}, err
	}
	return s.createCommunity(ctx, d, in.AdminID)
}

// checkCommunity checks a new community's fields and returns its document.
// Errors: Invalid, NotFound (street).
func (s *Service) checkCommunity(ctx context.Context, in CommunityInput) (communityDoc, error) {
	name, err := cleanOrgName(in.Name)
	if err != nil {
		return communityDoc{}, err
	}
	code, err := cleanDivisionCode(in.Code, 12, communityCode)
	if err != nil {
		return communityDoc{}, err
	}
	if in.Kind != Village && in.Kind != Urban {
		return communityDoc{}, domain.InvalidField("kind", "类型须为村或社区", "kind must be village or community")
	}
	st, err := s.Street(ctx, in.StreetID)
	if err != nil {
		return communityDoc{}, err
	}
	if !strings.HasPrefix(code, st.Code) {
		return communityDoc{}, domain.InvalidField("code", "村（社区）代码须以所属街道的代码 %s 开头", "the code must start with its street's code, %s", st.Code)
	}
	return communityDoc{ID: domain.NewID(), StreetID: in.StreetID, Name: name, Kind: string(in.Kind),
		Code: code, Settings: fromSettings(DefaultSettings())}, nil
}

// createCommunity stores a checked community and makes admin its first
// admin and a resident. Errors: Conflict (code taken).
func (s *Service) createCommunity(ctx context.Context, d communityDoc, admin domain.ID) (Community, error) {
	now := s.now().UTC()
	d.CreatedAt = now
	if err := s.insertCommunity(ctx, d); err != nil {
		return Community{}, err
	}
	c := toCommunity(d)
	if err := s.insertMember(ctx, memberDoc{CommunityID: d.ID, UserID: admin, JoinedAt: now}); err != nil {
		return c, err
	}
	for _, r := range []domain.Role{domain.RoleResident, domain.RoleAdmin} {
		if err := s.grantAs(ctx, c.ID, admin, r, "", domain.ActorFromContext(ctx).UserID); err != nil {
			return c, err
		}
	}
	return c, s.syncMemberRoles(ctx, c.ID, admin)
}

// Community returns a community. Errors: NotFound.
func (s *Service) Community(ctx context.Context, id domain.ID) (Community, error) {
	return s.findCommunity(ctx, id)
}

// CommunityByCode returns the community with an address code.
// Errors: NotFound.
func (s *Service) CommunityByCode(ctx context.Context, code string) (Community, error) {
	return s.findCommunityByCode(ctx, code)
}

// CommunitiesByID returns communities by ID in one query.
func (s *Service) CommunitiesByID(ctx context.Context, ids []domain.ID) (map[domain.ID]Community, error) {
	return s.findCommunities(ctx, ids)
}

// CommunityFilter narrows a community list.
type CommunityFilter struct {
	StreetID *domain.ID
}

// Communities lists communities in creation order. Errors: Invalid (page).
func (s *Service) Communities(ctx context.Context, f CommunityFilter, page domain.Page) (domain.List[Community], error) {
	return s.listCommunities(ctx, f, page)
}

// SettingsUpdate changes some of a community's settings; nil fields stay.
type SettingsUpdate struct {
	TimeZone          *string
	SupportThreshold  *int
	SupportWindowDays *int
}

// UpdateSettings changes a community's settings. Errors: Unauthenticated,
// Forbidden (not an admin), NotFound, Invalid (zone; threshold 1–10,000;
// window 1–365 days).
func (s *Service) UpdateSettings(ctx context.Context, communityID domain.ID, up SettingsUpdate) (Community, error) {
	c, err := s.Community(ctx, communityID)
	if err != nil {
		return c, err
	}
	if _, err := s.require(ctx, c.ID, func(a Access) bool { return a.Has(domain.RoleAdmin) }); err != nil {
		return c, err
	}
	st := c.Settings
	if up.TimeZone != nil {
		tz := strings.TrimSpace(*up.TimeZone)
		if _, err := time.LoadLocation(tz); err != nil || tz == "" || tz == "Local" {
			return c, domain.InvalidField("timeZone", "无效的时区", "unknown time zone")
		}
		st.TimeZone = tz
	}
	if up.SupportThreshold != nil {
		if *up.SupportThreshold < 1 || *up.SupportThreshold > 10000 {
			return c, domain.InvalidField("supportThreshold", "附议门槛须在 1 到 10000 之间", "the support threshold must be between 1 and 10000")
		}
		st.SupportThreshold = *up.SupportThreshold
	}
	if up.SupportWindowDays != nil {
		if *up.SupportWindowDays < 1 || *up.SupportWindowDays > 365 {
			return c, domain.InvalidField("supportWindowDays", "附议期限须在 1 到 365 天之间", "the support window must be between 1 and 365 days")
		}
		st.SupportWindowDays = *up.SupportWindowDays
	}
	if err := s.setSettings(ctx, c.ID, st); err != nil {
		return c, err
	}
	c.Settings = st
	return c, nil
}

// GridInput describes a new grid or micro-grid.
type GridInput struct {
	Name string
	Code string
}

// CreateGrid adds a grid to a community. Errors: Unauthenticated,
// Forbidden (not an admin), NotFound, Invalid, Conflict (code taken in the
// community).
func (s *Service) CreateGrid(ctx context.Context, communityID domain.ID, in GridInput) (Grid, error) {
	c, err := s.Community(ctx, communityID)
	if err != nil {
		return Grid{}, err
	}
	if _, err := s.require(ctx, c.ID, isAdmin); err != nil {
		return Grid{}, err
	}
	name, err := cleanOrgName(in.Name)
	if err != nil {
		return Grid{}, err
	}
	code, err := cleanCode(in.Code)
	if err != nil {
		return Grid{}, err
	}
	d := gridDoc{ID: domain.NewID(), CommunityID: c.ID, Name: name, Code: code}
	if err := s.insertGrid(ctx, d); err != nil {
		return Grid{}, err
	}
	return toGrid(d), nil
}

func isAdmin(a Access) bool { return a.Has(domain.RoleAdmin) }

// RenameGrid changes a grid's name; its address code stays. Errors:
// Unauthenticated, Forbidden, NotFound, Invalid.
func (s *Service) RenameGrid(ctx context.Context, id domain.ID, name string) (Grid, error) {
	g, err := s.Grid(ctx, id)
	if err != nil {
		return g, err
	}
	if _, err := s.require(ctx, g.CommunityID, isAdmin); err != nil {
		return g, err
	}
	if g.Name, err = cleanOrgName(name); err != nil {
		return g, err
	}
	return g, s.renameGrid(ctx, g.ID, g.Name)
}

// Grid returns a grid. Errors: NotFound.
func (s *Service) Grid(ctx context.Context, id domain.ID) (Grid, error) {
	return s.findGrid(ctx, id)
}

// GridsByID returns grids by ID in one query.
func (s *Service) GridsByID(ctx context.Context, ids []domain.ID) (map[domain.ID]Grid, error) {
	return s.findGrids(ctx, ids)
}

// Grids lists a community's grids in creation order. Errors: Invalid (page).
func (s *Service) Grids(ctx context.Context, communityID domain.ID, page domain.Page) (domain.List[Grid], error) {
	return s.listGrids(ctx, communityID, page)
}

// CreateMicroGrid adds a micro-grid to a grid. Errors: Unauthenticated,
// Forbidden (not an admin), NotFound (grid), Invalid, Conflict (code taken in
// the community).
func (s *Service) CreateMicroGrid(ctx context.Context, gridID domain.ID, in GridInput) (MicroGrid, error) {
	g, err := s.Grid(ctx, gridID)
	if err != nil {
		return MicroGrid{}, err
	}
	if _, err := s.require(ctx, g.CommunityID, isAdmin); err != nil {
		return MicroGrid{}, err
	}
	name, err := cleanOrgName(in.Name)
	if err != nil {
		return MicroGrid{}, err
	}
	code, err := cleanCode(in.Code)
	if err != nil {
		return MicroGrid{}, err
	}
	d := microGridDoc{ID: domain.NewID(), CommunityID: g.CommunityID, GridID: g.ID, Name: name, Code: code}
	if err := s.insertMicroGrid(ctx, d); err != nil {
		return MicroGrid{}, err
	}
	return toMicroGrid(d), nil
}

// RenameMicroGrid changes a micro-grid's name. Errors: Unauthenticated,
// Forbidden, NotFound, Invalid.
func (s *Service) RenameMicroGrid(ctx context.Context, id domain.ID, name string) (MicroGrid, error) {
	m, err := s.MicroGrid(ctx, id)
	if err != nil {
		return m, err
	}
	if _, err := s.require(ctx, m.CommunityID, isAdmin); err != nil {
		return m, err
	}
	if m.Name, err = cleanOrgName(name); err != nil {
		return m, err
	}
	return m, s.renameMicroGrid(ctx, m.ID, m.Name)
}

// MicroGrid returns a micro-grid. Errors: NotFound.
func (s *Service) MicroGrid(ctx context.Context, id domain.ID) (MicroGrid, error) {
	return s.findMicroGrid(ctx, id)
}

// MicroGridsByID returns micro-grids by ID in one query.
func (s *Service) MicroGridsByID(ctx context.Context, ids []domain.ID) (map[domain.ID]MicroGrid, error) {
	return s.findMicroGrids(ctx, ids)
}

// MicroGrids lists a grid's micro-grids in creation order.
// Errors: Invalid (page).
func (s *Service) MicroGrids(ctx context.Context, gridID domain.ID, page domain.Page) (domain.List[MicroGrid], error) {
	return s.listMicroGrids(ctx, gridID, page)
}

// placeIn checks that a grid and an optional micro-grid of it belong to the
// community. Errors: Invalid on the field that does not fit.
func (s *Service) placeIn(ctx context.Context, communityID, gridID, microGridID domain.ID) error {
	g, err := s.Grid(ctx, gridID)
	if err != nil || g.CommunityID != communityID {
		return domain.InvalidField("gridId", "请选择本社区的网格", "choose a grid of this community")
	}
	if microGridID == "" {
		return nil
	}
	m, err := s.MicroGrid(ctx, microGridID)
	if err != nil || m.GridID != g.ID {
		return domain.InvalidField("microGridId", "请选择该网格下的微网格", "choose a micro-grid of that grid")
	}
	return nil
}

// StreetsByID returns streets by ID in one query.
func (s *Service) StreetsByID(ctx context.Context, ids []domain.ID) (map[domain.ID]Street, error) {
	return s.findStreets(ctx, ids)
}
