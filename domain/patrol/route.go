package patrol

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"math"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/text"
)

// Route is an ordered list of checkpoints in a grid, walked on a shift.
type Route struct {
	ID          domain.ID
	TeamID      domain.ID
	CommunityID domain.ID
	GridID      domain.ID
	Name        string
	Checkpoints []Checkpoint
	CreatedAt   time.Time
}

// Checkpoint is a place on a route, with the code of its printed QR code.
type Checkpoint struct {
	Name        string
	MicroGridID domain.ID
	Lat, Lng    *float64 // optional coordinates
	Code        string   // 8 letters and digits, unique to the checkpoint
}

// CheckpointInput is a checkpoint as the captain gives it.
type CheckpointInput struct {
	Name        string
	MicroGridID domain.ID
	Lat, Lng    *float64
}

// Bounds of a route.
const MaxCheckpoints = 30

// AddRoute adds a route of a grid to a team: its captain or the committee.
// Errors: Unauthenticated, Forbidden, NotFound, Invalid (name, gridId,
// checkpoints: none, more than 30, a micro-grid outside the grid,
// coordinates out of range).
func (s *Service) AddRoute(ctx context.Context, teamID, gridID domain.ID, name string, points []CheckpointInput) (Route, error) {
	t, err := s.requireCaptain(ctx, teamID)
	if err != nil {
		return Route{}, err
	}
	if name, err = text.Line("name", domain.Text{ZH: "路线名称", EN: "route name"}, name, 2, 30); err != nil {
		return Route{}, err
	}
	g, err := s.comms.Grid(ctx, gridID)
	if err != nil || g.CommunityID != t.CommunityID {
		return Route{}, domain.InvalidField("gridId", "本社区没有这个网格", "no such grid in the community")
	}
	if len(points) == 0 {
		return Route{}, domain.InvalidField("checkpoints", "路线至少要有一个巡查点", "a route needs at least one checkpoint")
	}
	if len(points) > MaxCheckpoints {
		return Route{}, domain.InvalidField("checkpoints", "一条路线最多 %d 个巡查点", "a route has at most %d checkpoints", MaxCheckpoints)
	}
	d := routeDoc{ID: domain.NewID(), TeamID: t.ID, CommunityID: t.CommunityID, GridID: g.ID, Name: name, CreatedAt: s.now()}
	for i, p := range points {
		field := func(f string) string { return fmt.Sprintf("checkpoints[%d].%s", i, f) }
		cp := checkpointDoc{Code: newCode()}
		if cp.Name, err = text.Line(field("name"), domain.Text{ZH: "巡查点名称", EN: "checkpoint name"}, p.Name, 1, 30); err != nil {
			return Route{}, err
		}
		mg, err := s.comms.MicroGrid(ctx, p.MicroGridID)
		if err != nil || mg.GridID != g.ID {
			return Route{}, domain.InvalidField(field("microGridId"), "巡查点须在该网格的微网格里", "the checkpoint must lie in a micro-grid of the grid")
		}
		cp.MicroGridID = mg.ID
		if (p.Lat == nil) != (p.Lng == nil) {
			return Route{}, domain.InvalidField(field("lat"), "经纬度要同时填写", "give both latitude and longitude")
		}
		if p.Lat != nil {
			if math.IsNaN(*p.Lat) || *p.Lat < -90 || *p.Lat > 90 || math.IsNaN(*p.Lng) || *p.Lng < -180 || *p.Lng > 180 {
				return Route{}, domain.InvalidField(field("lat"), "经纬度超出范围", "the coordinates are out of range")
			}
			cp.Lat, cp.Lng = p.Lat, p.Lng
		}
		d.Checkpoints = append(d.Checkpoints, cp)
	}
	if err := s.insertRoute(ctx, d); err != nil {
		return Route{}, err
	}
	return toRoute(d), nil
}

// newCode returns 8 random letters and digits, for a QR code.
func newCode() string {
	var b [5]byte
	_, _ = rand.Read(b[:])
	return base32.StdEncoding.EncodeToString(b[:])[:8]
}

// Routes lists a team's routes, for the community's members; the codes of
// the checkpoints' QR codes only for the captain and the committee, who
// print them. Errors:
// Unauthenticated, Forbidden, NotFound.
func (s *Service) Routes(ctx context.Context, teamID domain.ID) ([]Route, error) {
	t, err := s.findTeam(ctx, teamID)
	if err != nil {
		return nil, err
	}
	a, err := s.requireMember(ctx, t.CommunityID)
	if err != nil {
		return nil, err
	}
	docs, err := s.findRoutes(ctx, teamID)
	out := make([]Route, len(docs))
	for i, d := range docs {
		out[i] = toRoute(d)
		if a.UserID != t.CaptainID && !a.Manager() {
			for j := range out[i].Checkpoints {
				out[i].Checkpoints[j].Code = "" // scanned on the spot, not read off a screen
			}
		}
	}
	return out, err
}

// Route returns a route to the community's members; the codes of its
// checkpoints' QR codes only to the team's captain and the committee, as
// Routes. Errors: Unauthenticated, NotFound (also to outsiders).
func (s *Service) Route(ctx context.Context, id domain.ID) (Route, error) {
	found, err := s.RoutesByID(ctx, []domain.ID{id})
	if err != nil {
		return Route{}, err
	}
	r, ok := found[id]
	if !ok {
		return Route{}, errRouteNotFound
	}
	return r, nil
}

// RoutesByID returns, by ID, those of the routes the actor may read (a
// member of their community), with their codes as Route gives them; in
// one read of the routes, and one of each team and community. Errors:
// Unauthenticated.
func (s *Service) RoutesByID(ctx context.Context, ids []domain.ID) (map[domain.ID]Route, error) {
	docs, err := s.findRoutesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	teams := map[domain.ID]*teamDoc{}
	readers := map[domain.ID]*community.Access{}
	out := make(map[domain.ID]Route, len(docs))
	for _, d := range docs {
		if _, ok := teams[d.TeamID]; !ok {
			t, err := s.findTeam(ctx, d.TeamID)
			if err != nil && domain.ErrorCode(err) != domain.NotFound {
				return nil, err
			}
			teams[d.TeamID] = nil
			if err == nil {
				teams[d.TeamID] = &t
			}
		}
		t := teams[d.TeamID]
		if t == nil {
			continue
		}
		if _, ok := readers[t.CommunityID]; !ok {
			a, err := s.readerOf(ctx, t.CommunityID, errRouteNotFound)
			if err != nil && domain.ErrorCode(err) != domain.NotFound {
				return nil, err
			}
			readers[t.CommunityID] = nil
			if err == nil {
				readers[t.CommunityID] = &a
			}
		}
		a := readers[t.CommunityID]
		if a == nil {
			continue
		}
		r := toRoute(d)
		if a.UserID != t.CaptainID && !a.Manager() {
			for i := range r.Checkpoints {
				r.Checkpoints[i].Code = ""
			}
		}
		out[d.ID] = r
	}
	return out, nil
}

// Template is a shift template: a route walked on some weekdays from Start
// to End (minutes of the day; an overnight one ends the next morning) by
// at least Min and at most Max patrollers, weighing Weight shifts.
type Template struct {
	ID          domain.ID
	TeamID      domain.ID
	RouteID     domain.ID
	Name        string
	Days        []time.Weekday
	Start, End  int
	Overnight   bool // ends the next day
	Min, Max    int
	Weight      float64 // night and weekend shifts weigh more; the captain sets it
	Night       bool    // counts as a night shift (rest and no-night limits)
	CreatedAt   time.Time
	CommunityID domain.ID
}

// Minutes is a shift's length.
func (t Template) Minutes() int {
	if t.Overnight {
		return 1440 - t.Start + t.End
	}
	return t.End - t.Start
}

// TemplateInput is a template as the captain gives it.
type TemplateInput struct {
	TeamID     domain.ID
	RouteID    domain.ID
	Name       string
	Days       []time.Weekday
	Start, End int
	Overnight  bool
	Min, Max   int
	Weight     float64
	Night      bool
}

// Bounds of a template.
const (
	MaxPositions = 20
	MaxWeight    = 10
)

// AddTemplate adds a shift template to a team: its captain or the
// committee. Errors: Unauthenticated, Forbidden, NotFound, Invalid
// (routeId, name, days, start, end: before the start unless overnight;
// min: 0 positions; max below min; weight ≤ 0), Conflict (the name is
// taken).
func (s *Service) AddTemplate(ctx context.Context, in TemplateInput) (Template, error) {
	t, err := s.requireCaptain(ctx, in.TeamID)
	if err != nil {
		return Template{}, err
	}
	r, err := s.findRoute(ctx, in.RouteID)
	if err != nil || r.TeamID != t.ID {
		return Template{}, domain.InvalidField("routeId", "本队没有这条路线", "no such route in the team")
	}
	d := templateDoc{ID: domain.NewID(), TeamID: t.ID, CommunityID: t.CommunityID, RouteID: r.ID, Start: in.Start, End: in.End, Overnight: in.Overnight,
		Min: in.Min, Max: in.Max, Weight: in.Weight, Night: in.Night, CreatedAt: s.now()}
	if d.Name, err = text.Line("name", domain.Text{ZH: "班次名称", EN: "shift name"}, in.Name, 1, 20); err != nil {
		return Template{}, err
	}
	d.Slot = string(t.ID) + "/" + d.Name
	if len(in.Days) == 0 {
		return Template{}, domain.InvalidField("days", "请至少选择一天", "choose at least one day")
	}
	for i, day := range in.Days {
		if day < time.Sunday || day > time.Saturday {
			return Template{}, domain.InvalidField(fmt.Sprintf("days[%d]", i), "星期须为周日到周六", "the weekday must be Sunday to Saturday")
		}
		d.Days = append(d.Days, int(day))
	}
	switch {
	case in.Start < 0 || in.Start >= 1440:
		return Template{}, domain.InvalidField("start", "开始时间须在 0 点到 24 点之间", "the start must lie between 0:00 and 24:00")
	case in.End < 0 || in.End > 1440:
		return Template{}, domain.InvalidField("end", "结束时间须在 0 点到 24 点之间", "the end must lie between 0:00 and 24:00")
	case !in.Overnight && in.End <= in.Start:
		return Template{}, domain.InvalidField("end", "结束时间须晚于开始时间（跨夜的班次请勾选“次日结束”）", "the end must come after the start (tick overnight for a shift past midnight)")
	case in.Overnight && in.End >= in.Start:
		return Template{}, domain.InvalidField("end", "跨夜班次须在次日开始时间之前结束", "an overnight shift ends the next day before its start")
	case in.Min < 1:
		return Template{}, domain.InvalidField("min", "每班至少 1 人", "a shift needs at least 1 patroller")
	case in.Max < in.Min || in.Max > MaxPositions:
		return Template{}, domain.InvalidField("max", "最多人数须不少于最少人数，且不超过 %d", "the most must be at least the least, and at most %d", MaxPositions)
	case !(in.Weight > 0) || in.Weight > MaxWeight:
		return Template{}, domain.InvalidField("weight", "权重须大于 0，且不超过 %d", "the weight must be above 0 and at most %d", MaxWeight)
	}
	won, err := s.insertTemplate(ctx, d)
	if err != nil {
		return Template{}, err
	}
	if !won {
		return Template{}, domain.Errorf(domain.Conflict, "已有名为“%s”的班次", "a shift named %q exists", d.Name)
	}
	return toTemplate(d), nil
}

// Templates lists a team's shift templates, for the community's members.
// Errors: Unauthenticated, Forbidden, NotFound.
func (s *Service) Templates(ctx context.Context, teamID domain.ID) ([]Template, error) {
	t, err := s.findTeam(ctx, teamID)
	if err != nil {
		return nil, err
	}
	if _, err := s.requireMember(ctx, t.CommunityID); err != nil {
		return nil, err
	}
	docs, err := s.findTemplates(ctx, teamID)
	out := make([]Template, len(docs))
	for i, d := range docs {
		out[i] = toTemplate(d)
	}
	return out, err
}
