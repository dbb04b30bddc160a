package volunteer

import (
	"context"
	"sort"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// The kinds of to-do volunteer lists (domain.TodoSource).
const (
	TodoApproveNeed      = "approve_need"      // a resident's own need (Subject: Need), for grid workers of its grid and the committee
	TodoFillNeed         = "fill_need"         // an occurrence within a week with open slots (Subject: Occurrence), for coordinators
	TodoConfirmHours     = "confirm_hours"     // a claim that ended, hours unconfirmed (Subject: Claim), for coordinators
	TodoDecideDispute    = "decide_dispute"    // a disputed no-show (Subject: Claim), for coordinators
	TodoConfirmVolunteer = "confirm_volunteer" // a member who opted in (Subject: Profile), for the committee and team leaders
	TodoVolunteerTask    = "volunteer_task"    // the actor's task within two days (Subject: Claim)
	TodoRateTask         = "rate_task"         // a done occurrence the actor was helped by, not rated (Subject: Occurrence)
)

// fillAhead is how far ahead unfilled occurrences become to-dos.
const fillAhead = 7 * 24 * time.Hour

var _ domain.TodoSource = (*Service)(nil)

// TodoKinds names volunteer's kinds of to-do.
func (s *Service) TodoKinds() map[string]domain.Text {
	return map[string]domain.Text{
		TodoApproveNeed:      {ZH: "审核求助需求", EN: "Approve a resident's need"},
		TodoFillNeed:         {ZH: "招募志愿者", EN: "Find volunteers for a need"},
		TodoConfirmHours:     {ZH: "确认服务时长", EN: "Confirm a task's hours"},
		TodoDecideDispute:    {ZH: "处理未到申诉", EN: "Decide a no-show dispute"},
		TodoConfirmVolunteer: {ZH: "确认志愿者", EN: "Confirm a volunteer"},
		TodoVolunteerTask:    {ZH: "志愿任务", EN: "Your volunteer task"},
		TodoRateTask:         {ZH: "评价志愿服务", EN: "Rate the help you had"},
	}
}

// Todos lists what waits for the actor in a community's volunteer
// service, the soonest due first. It costs a fixed number of queries.
// Errors: Unauthenticated, Forbidden (not a member).
func (s *Service) Todos(ctx context.Context, communityID domain.ID) ([]domain.Todo, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	var out []domain.Todo
	mine, err := s.findVolunteerClaims(ctx, communityID, a.UserID, window{now.Add(-MaxNeedLength), now.Add(48 * time.Hour)})
	if err != nil {
		return nil, err
	}
	for _, c := range mine {
		if c.End.After(now) && (c.State == string(Claimed) || c.State == string(CheckedIn)) {
			out = append(out, domain.Todo{Kind: TodoVolunteerTask, Subject: toClaim(c), Due: c.Start})
		}
	}
	unrated, err := s.findUnratedFor(ctx, communityID, a.UserID)
	if err != nil {
		return nil, err
	}
	for _, o := range unrated {
		out = append(out, domain.Todo{Kind: TodoRateTask, Subject: toOccurrence(o), Due: o.End.Add(7 * 24 * time.Hour)})
	}
	if a.committee() || a.Has(domain.RoleGridWorker) {
		pending, err := s.findNeedsInState(ctx, communityID, NeedPending)
		if err != nil {
			return nil, err
		}
		for _, n := range pending {
			if a.committee() || a.WorksFor(n.GridID) {
				out = append(out, domain.Todo{Kind: TodoApproveNeed, Subject: s.needFor(a, n), Due: n.Start})
			}
		}
	}
	if a.coordinator() {
		more, err := s.coordinatorTodos(ctx, a, communityID, now)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out, nil
}

// coordinatorTodos lists what waits for a coordinator: needs to fill,
// hours to confirm, disputes, volunteers to confirm.
func (s *Service) coordinatorTodos(ctx context.Context, a access, communityID domain.ID, now time.Time) ([]domain.Todo, error) {
	var out []domain.Todo
	open, err := s.findOccurrencesBetween(ctx, communityID, window{now, now.Add(fillAhead)}, OccurrenceOpen)
	if err != nil {
		return nil, err
	}
	needs, err := needsOf(ctx, s, open)
	if err != nil {
		return nil, err
	}
	for _, o := range open {
		// A resident's need still waiting for its grid worker takes no claims.
		if o.OpenSlots > 0 && needs[o.NeedID].State == string(NeedOpen) {
			out = append(out, domain.Todo{Kind: TodoFillNeed, Subject: toOccurrence(o), Due: o.Start.Add(-24 * time.Hour)})
		}
	}
	ended, err := s.hoursToConfirm(ctx, communityID, now)
	if err != nil {
		return nil, err
	}
	for _, c := range ended {
		out = append(out, domain.Todo{Kind: TodoConfirmHours, Subject: toClaim(c), Due: c.End.Add(24 * time.Hour)})
	}
	disputed, err := s.findClaimsInState(ctx, communityID, NoShow)
	if err != nil {
		return nil, err
	}
	for _, c := range disputed {
		if c.Dispute != "" {
			out = append(out, domain.Todo{Kind: TodoDecideDispute, Subject: toClaim(c), Due: c.End.Add(3 * 24 * time.Hour)})
		}
	}
	pending := Pending
	profiles, err := s.findProfilePage(ctx, communityID, ProfileFilter{State: &pending}, domain.Page{First: 100})
	if err != nil {
		return nil, err
	}
	var leads map[domain.ID]bool
	if !a.committee() {
		if leads, err = s.teamsLedBy(ctx, communityID, a.UserID); err != nil {
			return nil, err
		}
	}
	for _, p := range profiles.Items {
		if a.committee() || leads[p.TeamID] {
			out = append(out, domain.Todo{Kind: TodoConfirmVolunteer, Subject: p, Due: p.JoinedAt.Add(3 * 24 * time.Hour)})
		}
	}
	return out, nil
}
