package patrol

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
)

// Reminders are queued by Remind, which the jobs run every tick; each item
// has a stable key (kind, subject, recipient, occurrence), so running it
// again queues nothing new.

// Kinds of notification this area queues.
const (
	KindShift           = notify.KindPatrolShift
	KindShiftUnfilled   = notify.KindShiftUnfilled
	KindReportUntriaged = notify.KindReportUntriaged
	KindReferralOverdue = notify.KindReferralOverdue
)

func (s *Service) enqueue(ctx context.Context, it notify.Item) {
	if err := s.notifier.Enqueue(ctx, it); err != nil {
		s.log.ErrorContext(ctx, "queue patrol reminder", "kind", it.Kind, "subject", it.Subject, "err", err)
	}
}

// link is a page of the community.
func (s *Service) link(communityID domain.ID, path string) string {
	return fmt.Sprintf("%s/c/%s/%s", s.baseURL, domain.GlobalID("Community", communityID), path)
}

// Remind queues a community's patrol reminders due at now: a shift
// tomorrow (from 18:00 the evening before) and within the hour, to its
// patroller, with the route's start and their team-mates; an open place
// within 48 h, to the captain and the members who may take it (Take's
// rule, over the month read once per team); a report
// untriaged for 24 h, to the grid workers of its grid; a referral past its
// due date, to the committee. It returns how many it queued (again or
// not). Errors: NotFound (community).
func (s *Service) Remind(ctx context.Context, communityID domain.ID, now time.Time) (int, error) {
	if s.notifier == nil {
		return 0, nil
	}
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		return 0, err
	}
	loc, n := c.Location(), 0
	local := now.In(loc)
	teams, err := s.findTeams(ctx, c.ID)
	if err != nil {
		return 0, err
	}
	endOfTomorrow := time.Date(local.Year(), local.Month(), local.Day()+2, 0, 0, 0, 0, loc)
	for _, t := range teams {
		positions, err := s.findTeamPositionsBetween(ctx, t.ID, now, endOfTomorrow)
		if err != nil {
			return n, err
		}
		routes, err := s.routesByID(ctx, t.ID)
		if err != nil {
			return n, err
		}
		names, err := s.namesOf(ctx, c.ID, positions)
		if err != nil {
			return n, err
		}
		byShift := map[domain.ID][]positionDoc{}
		for _, p := range positions {
			byShift[p.ShiftID] = append(byShift[p.ShiftID], p)
		}
		members, err := s.findMembers(ctx, t.ID)
		if err != nil {
			return n, err
		}
		held := map[string]map[domain.ID][]positionDoc{} // month → member → the places they hold
		for _, p := range positions {
			r := routes[p.RouteID]
			start := ""
			if len(r.Checkpoints) > 0 {
				start = r.Checkpoints[0].Name
			}
			when := shiftTime(p, loc)
			if p.UserID != "" && (p.State == string(Assigned) || p.State == string(Offered)) {
				occurrence := ""
				switch {
				case p.Start.Sub(now) <= time.Hour:
					occurrence = "1h"
				case local.Hour() >= 18 && p.Start.In(loc).Day() != local.Day():
					occurrence = "eve"
				}
				if occurrence != "" {
					var mates []string
					for _, o := range byShift[p.ShiftID] {
						if o.UserID != "" && o.UserID != p.UserID {
							mates = append(mates, names[o.UserID])
						}
					}
					s.enqueue(ctx, notify.Item{Kind: KindShift, CommunityID: c.ID, RecipientID: p.UserID, Subject: "position:" + string(p.ID),
						Occurrence: occurrence + "/" + string(p.UserID), Zone: c.Settings.TimeZone,
						Data: map[string]string{"when": map[string]string{"1h": "一小时后", "eve": "明天"}[occurrence], "time": when, "route": r.Name,
							"start": start, "mates": strings.Join(mates, "、"), "link": s.link(c.ID, "patrol")}})
					n++
				}
			}
			if p.State == string(Open) && p.Start.Sub(now) <= 48*time.Hour {
				if _, ok := held[p.Month]; !ok {
					month, err := s.findTeamPositions(ctx, t.ID, p.Month)
					if err != nil {
						return n, err
					}
					held[p.Month] = heldBy(month)
				}
				for _, id := range fillers(t, members, held[p.Month], p, loc) {
					s.enqueue(ctx, notify.Item{Kind: KindShiftUnfilled, CommunityID: c.ID, RecipientID: id, Subject: "position:" + string(p.ID),
						Occurrence: "48h", Zone: c.Settings.TimeZone,
						Data: map[string]string{"time": when, "route": r.Name, "open": "1", "link": s.link(c.ID, "patrol")}})
					n++
				}
			}
		}
	}
	reports, err := s.findReports(ctx, reportQuery{community: c.ID}, 500)
	if err != nil {
		return n, err
	}
	committee, err := s.comms.MemberIDs(ctx, c.ID, domain.RoleCommittee)
	if err != nil {
		return n, err
	}
	kinds := map[string]string{string(Hazard): "隐患", string(Dispute): "纠纷", string(Civility): "文明劝导", string(Other): "其他"}
	workersOf := map[domain.ID][]domain.ID{} // grid → its workers, read once
	for _, r := range reports {
		data := map[string]string{"kind": kinds[r.Kind], "text": r.Text, "place": r.Place, "to": r.ReferredTo, "due": r.Due.In(loc).Format("2006-01-02"),
			"link": s.link(c.ID, "patrol/reports/"+domain.GlobalID("PatrolReport", r.ID))}
		switch {
		case r.Triage == string(Untriaged) && now.Sub(r.ReportedAt) >= 24*time.Hour:
			workers, ok := workersOf[r.GridID]
			if !ok {
				if workers, err = s.comms.GridWorkerIDs(ctx, c.ID, r.GridID); err != nil {
					return n, err
				}
				workersOf[r.GridID] = workers
			}
			for _, w := range workers {
				s.enqueue(ctx, notify.Item{Kind: KindReportUntriaged, CommunityID: c.ID, RecipientID: w, Subject: "report:" + string(r.ID), Occurrence: "24h",
					Zone: c.Settings.TimeZone, Data: data})
				n++
			}
		case r.Triage == string(Referred) && now.After(r.Due):
			for _, id := range committee {
				s.enqueue(ctx, notify.Item{Kind: KindReferralOverdue, CommunityID: c.ID, RecipientID: id, Subject: "report:" + string(r.ID), Occurrence: "overdue",
					Zone: c.Settings.TimeZone, Data: data})
				n++
			}
		}
	}
	return n, nil
}

// shiftTime writes a place's time for a mail: 12-01 08:00–10:00.
func shiftTime(p positionDoc, loc *time.Location) string {
	return fmt.Sprintf("%s %s–%s", p.Start.In(loc).Format("01-02"), p.Start.In(loc).Format("15:04"), p.End.In(loc).Format("15:04"))
}

// heldBy groups a month's places by who holds them.
func heldBy(positions []positionDoc) map[domain.ID][]positionDoc {
	out := map[domain.ID][]positionDoc{}
	for _, p := range positions {
		if p.UserID != "" {
			out[p.UserID] = append(out[p.UserID], p)
		}
	}
	return out
}

// fillers are those told of an open place: the team's captain and the
// members who may take it, every hard constraint of their month holding
// with it, as Take checks.
func fillers(t teamDoc, members []memberDoc, held map[domain.ID][]positionDoc, p positionDoc, loc *time.Location) []domain.ID {
	out := []domain.ID{t.CaptainID}
	for _, m := range members {
		if m.UserID != t.CaptainID && fitsAmong(m, held[m.UserID], p, loc) == nil {
			out = append(out, m.UserID)
		}
	}
	return out
}

// routesByID reads a team's routes by ID.
func (s *Service) routesByID(ctx context.Context, teamID domain.ID) (map[domain.ID]Route, error) {
	docs, err := s.findRoutes(ctx, teamID)
	out := make(map[domain.ID]Route, len(docs))
	for _, d := range docs {
		out[d.ID] = toRoute(d)
	}
	return out, err
}

// namesOf reads the names of the people on positions, for reminders.
func (s *Service) namesOf(ctx context.Context, _ domain.ID, positions []positionDoc) (map[domain.ID]string, error) {
	out := map[domain.ID]string{}
	if s.accounts == nil {
		return out, nil
	}
	var ids []domain.ID
	for _, p := range positions {
		if p.UserID != "" {
			ids = append(ids, p.UserID)
		}
	}
	users, err := s.accounts.UsersByID(ctx, ids)
	for id, u := range users {
		out[id] = u.Name
	}
	return out, err
}
