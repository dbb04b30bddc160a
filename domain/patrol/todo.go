package patrol

import (
	"context"
	"sort"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// The kinds of to-do patrol lists (domain.TodoSource).
const (
	TodoShift        = "patrol_shift"  // the actor's shift within a day (Subject: Position)
	TodoFillShift    = "fill_shift"    // an open place within two days (Subject: Position), for the team's captain
	TodoDecideSwap   = "decide_swap"   // a swap waiting for the captain (Subject: Position)
	TodoTriageReport = "triage_report" // an untriaged report of their grid (Subject: Report), for grid workers and the committee
	TodoSuggestTopic = "suggest_topic" // repeated reports that suggest a topic (Subject: the newest Report)
	TodoTakeCase     = "take_case"     // a case in the 和事佬 queue (Subject: Case), for mediators
)

var _ domain.TodoSource = (*Service)(nil)

// TodoKinds names patrol's kinds of to-do.
func (s *Service) TodoKinds() map[string]domain.Text {
	return map[string]domain.Text{
		TodoShift:        {ZH: "巡防班次", EN: "Your patrol shift"},
		TodoFillShift:    {ZH: "补齐巡防班次", EN: "Fill a patrol shift"},
		TodoDecideSwap:   {ZH: "审批换班", EN: "Decide a shift swap"},
		TodoTriageReport: {ZH: "处理巡查上报", EN: "Triage a patrol report"},
		TodoSuggestTopic: {ZH: "多次上报，建议转为议题", EN: "Repeated reports: make it a topic?"},
		TodoTakeCase:     {ZH: "接手调解案件", EN: "Take a mediation case"},
	}
}

// Todos lists what waits for the actor in a community's patrols, the
// soonest due first: a fixed number of queries per team they captain.
// Errors: Unauthenticated, Forbidden (not a member).
func (s *Service) Todos(ctx context.Context, communityID domain.ID) ([]domain.Todo, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	var out []domain.Todo
	mine, err := s.findUserPositions(ctx, communityID, a.UserID, now, now.Add(24*time.Hour))
	if err != nil {
		return nil, err
	}
	for _, p := range mine {
		if p.State == string(Assigned) || p.State == string(Offered) || p.State == string(CheckedIn) {
			out = append(out, domain.Todo{Kind: TodoShift, Subject: toPosition(p), Due: p.Start})
		}
	}
	teams, err := s.findTeams(ctx, communityID)
	if err != nil {
		return nil, err
	}
	for _, t := range teams {
		if t.CaptainID != a.UserID && !a.Manager() {
			continue
		}
		open, err := s.findTeamPositionsBetween(ctx, t.ID, now, now.Add(48*time.Hour))
		if err != nil {
			return nil, err
		}
		for _, p := range open {
			switch {
			case p.State == string(Open):
				out = append(out, domain.Todo{Kind: TodoFillShift, Subject: toPosition(p), Due: p.Start})
			case p.PendingTaker != "":
				out = append(out, domain.Todo{Kind: TodoDecideSwap, Subject: toPosition(p), Due: p.Start})
			}
		}
	}
	if a.Manager() || a.Has(domain.RoleGridWorker) {
		q := reportQuery{community: communityID, state: ptr(Untriaged)}
		if !a.Manager() {
			q.grids = a.WorkerGrids()
		}
		reports, err := s.findReports(ctx, q, 100)
		if err != nil {
			return nil, err
		}
		for _, r := range reports {
			out = append(out, domain.Todo{Kind: TodoTriageReport, Subject: toReport(r), Due: r.ReportedAt.Add(24 * time.Hour)})
		}
		suggestions, err := s.Suggestions(ctx, communityID)
		if err != nil {
			return nil, err
		}
		for _, sg := range suggestions {
			out = append(out, domain.Todo{Kind: TodoSuggestTopic, Subject: sg.Reports[0], Due: sg.Reports[0].ReportedAt.Add(7 * 24 * time.Hour)})
		}
	}
	if a.Has(domain.RoleMediator) {
		cases, err := s.findCases(ctx, communityID)
		if err != nil {
			return nil, err
		}
		for _, c := range cases {
			if c.State == string(CaseOpen) {
				out = append(out, domain.Todo{Kind: TodoTakeCase, Subject: toCase(c), Due: c.OpenedAt.Add(3 * 24 * time.Hour)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out, nil
}

func ptr[T any](v T) *T { return &v }
