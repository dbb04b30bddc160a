package volunteer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
)

// Mails are queued through the Notifier as things happen (an invitation,
// a promotion from the waitlist, a cancelled need, a rating request) and
// by Remind, which the jobs run every few minutes. Each item has a stable
// key (kind, subject, recipient, occurrence), so running Remind again
// queues nothing new.

// Kinds of notification this area queues.
const (
	KindInvited     = notify.KindVolunteerInvited
	KindPromoted    = notify.KindVolunteerPromoted
	KindTask        = notify.KindVolunteerTask
	KindUnfilled    = notify.KindNeedUnfilled
	KindCancelled   = notify.KindNeedCancelled
	KindHoursToDo   = notify.KindHoursToConfirm
	KindRateRequest = notify.KindRateTask
)

func (s *Service) enqueue(ctx context.Context, it notify.Item) {
	if s.notifier == nil {
		return
	}
	if err := s.notifier.Enqueue(ctx, it); err != nil {
		s.log.ErrorContext(ctx, "queue volunteer mail", "kind", it.Kind, "subject", it.Subject, "err", err)
	}
}

// needLink is the page of a need.
func (s *Service) needLink(communityID, needID domain.ID) string {
	return fmt.Sprintf("%s/c/%s/needs/%s", s.baseURL, domain.GlobalID("Community", communityID), domain.GlobalID("Need", needID))
}

// timeText is an occurrence's time in the community's zone.
func timeText(start, end time.Time, loc *time.Location) string {
	s, e := start.In(loc), end.In(loc)
	return fmt.Sprintf("%s %s–%s", s.Format("2006-01-02"), s.Format("15:04"), e.Format("15:04"))
}

// zoneOf returns a community's zone, Asia/Shanghai when it cannot be read.
func (s *Service) zoneOf(ctx context.Context, communityID domain.ID) (community.Community, *time.Location) {
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		loc, _ := time.LoadLocation("Asia/Shanghai")
		return community.Community{ID: communityID, Settings: community.Settings{TimeZone: "Asia/Shanghai"}}, loc
	}
	return c, c.Location()
}

// tellPromoted tells a volunteer they left the waitlist for a slot.
func (s *Service) tellPromoted(ctx context.Context, o occurrenceDoc, c Claim) {
	n, err := s.findNeed(ctx, o.NeedID)
	if err != nil {
		s.log.ErrorContext(ctx, "tell promoted", "err", err)
		return
	}
	cm, loc := s.zoneOf(ctx, o.CommunityID)
	s.enqueue(ctx, notify.Item{Kind: KindPromoted, CommunityID: o.CommunityID, RecipientID: c.Volunteer, Subject: "claim:" + string(c.ID),
		Occurrence: c.ClaimedAt.UTC().Format(time.RFC3339Nano), Zone: cm.Settings.TimeZone,
		Data: map[string]string{"title": n.Title, "time": timeText(o.Start, o.End, loc), "link": s.needLink(o.CommunityID, o.NeedID)}})
}

// tellCancelled tells the volunteers holding a need's claims that it was
// cancelled, whose claims it voided.
func (s *Service) tellCancelled(ctx context.Context, n needDoc, reason string) {
	occs, err := s.findOccurrencesOf(ctx, n.ID)
	if err != nil {
		s.log.ErrorContext(ctx, "tell cancelled", "err", err)
		return
	}
	ids := make([]domain.ID, len(occs))
	for i, o := range occs {
		ids[i] = o.ID
	}
	claims, err := s.findClaimsOfOccurrences(ctx, ids)
	if err != nil {
		s.log.ErrorContext(ctx, "tell cancelled", "err", err)
		return
	}
	cm, _ := s.zoneOf(ctx, n.CommunityID)
	told := map[domain.ID]bool{}
	for _, c := range claims {
		if told[c.Volunteer] || c.State != string(Void) {
			continue // a task under way runs on
		}
		told[c.Volunteer] = true
		s.enqueue(ctx, notify.Item{Kind: KindCancelled, CommunityID: n.CommunityID, RecipientID: c.Volunteer, Subject: "need:" + string(n.ID),
			Zone: cm.Settings.TimeZone, Data: map[string]string{"title": n.Title, "reason": reason, "link": s.needLink(n.CommunityID, n.ID)}})
	}
}

// askRating asks the resident helped to rate a done occurrence.
func (s *Service) askRating(ctx context.Context, n needDoc, o occurrenceDoc) {
	if n.For == "" {
		return
	}
	cm, _ := s.zoneOf(ctx, n.CommunityID)
	s.enqueue(ctx, notify.Item{Kind: KindRateRequest, CommunityID: n.CommunityID, RecipientID: n.For, Subject: "occurrence:" + string(o.ID),
		Zone: cm.Settings.TimeZone, Data: map[string]string{"title": n.Title, "link": s.needLink(n.CommunityID, n.ID)}})
}

// Remind queues a community's volunteer reminders due at now: a claimed
// task tomorrow (from 18:00 the evening before) and within the hour, to
// its volunteer, with the place; a need with open slots within 24 h, to
// its coordinators; and, from 09:00 each day, the count of tasks whose
// hours wait for confirmation. It returns how many items it queued (again
// or not). Errors: NotFound (community).
func (s *Service) Remind(ctx context.Context, communityID domain.ID, now time.Time) (int, error) {
	if s.notifier == nil {
		return 0, nil
	}
	c, err := s.comms.Community(ctx, communityID)
	if err != nil {
		return 0, err
	}
	loc, queued := c.Location(), 0
	local := now.In(loc)
	// Claims from now to the end of tomorrow.
	endOfTomorrow := time.Date(local.Year(), local.Month(), local.Day()+2, 0, 0, 0, 0, loc)
	claims, err := s.findClaimsIn(ctx, c.ID, window{now, endOfTomorrow})
	if err != nil {
		return 0, err
	}
	needs, err := needsOf(ctx, s, claims)
	if err != nil {
		return 0, err
	}
	for _, cl := range claims {
		if cl.State != string(Claimed) {
			continue
		}
		n := needs[cl.NeedID]
		occurrence := ""
		switch {
		case cl.Start.Sub(now) <= time.Hour:
			occurrence = "1h"
		case local.Hour() >= 18 && cl.Start.In(loc).Day() != local.Day():
			occurrence = "eve"
		default:
			continue
		}
		when := map[string]string{"1h": "一小时后", "eve": "明天"}[occurrence]
		s.enqueue(ctx, notify.Item{Kind: KindTask, CommunityID: c.ID, RecipientID: cl.Volunteer, Subject: "claim:" + string(cl.ID),
			Occurrence: occurrence + "/" + cl.ClaimedAt.UTC().Format(time.RFC3339Nano), Zone: c.Settings.TimeZone,
			Data: map[string]string{"when": when, "title": n.Title, "time": timeText(cl.Start, cl.End, loc), "place": n.Address,
				"contact": s.contactOf(ctx, n), "link": s.needLink(c.ID, n.ID)}})
		queued++
	}
	coordinators, err := s.coordinatorsOf(ctx, c.ID)
	if err != nil {
		return queued, err
	}
	open, err := s.findOccurrencesBetween(ctx, c.ID, window{now, now.Add(24 * time.Hour)}, OccurrenceOpen)
	if err != nil {
		return queued, err
	}
	openNeeds, err := needsOf(ctx, s, open)
	if err != nil {
		return queued, err
	}
	for _, o := range open {
		n, ok := openNeeds[o.NeedID]
		if o.OpenSlots <= 0 || !ok || n.State != string(NeedOpen) {
			continue
		}
		for _, id := range coordinators {
			s.enqueue(ctx, notify.Item{Kind: KindUnfilled, CommunityID: c.ID, RecipientID: id, Subject: "occurrence:" + string(o.ID), Occurrence: "24h",
				Zone: c.Settings.TimeZone, Data: map[string]string{"title": n.Title, "time": timeText(o.Start, o.End, loc),
					"open": fmt.Sprint(o.OpenSlots), "link": s.needLink(c.ID, n.ID) + "?tab=match"}})
			queued++
		}
	}
	if local.Hour() >= 9 {
		waiting, err := s.hoursToConfirm(ctx, c.ID, now)
		if err != nil {
			return queued, err
		}
		if len(waiting) > 0 {
			for _, id := range coordinators {
				s.enqueue(ctx, notify.Item{Kind: KindHoursToDo, CommunityID: c.ID, RecipientID: id, Subject: "hours:" + string(c.ID),
					Occurrence: local.Format("2006-01-02"), Zone: c.Settings.TimeZone,
					Data: map[string]string{"count": fmt.Sprint(len(waiting)), "link": fmt.Sprintf("%s/c/%s/volunteers/board", s.baseURL, domain.GlobalID("Community", c.ID))}})
				queued++
			}
		}
	}
	return queued, nil
}

// contactOf says whom a volunteer meets and how to reach them: the
// resident helped, with their phone number when they have one, then whoever
// posted the need for them (a grid worker, the committee).
func (s *Service) contactOf(ctx context.Context, n needDoc) string {
	var parts []string
	for i, id := range []domain.ID{n.For, n.PostedBy} {
		if id == "" || i == 1 && id == n.For {
			continue
		}
		u, err := s.accounts.User(ctx, id)
		if err != nil {
			continue
		}
		p := u.Name
		if u.Phone != "" {
			p += " " + string(u.Phone)
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " / ")
}

// coordinatorsOf lists a community's coordinators: the committee and the
// team leaders.
func (s *Service) coordinatorsOf(ctx context.Context, communityID domain.ID) ([]domain.ID, error) {
	ids, err := s.comms.MemberIDs(ctx, communityID, domain.RoleCommittee)
	if err != nil {
		return nil, err
	}
	teams, err := s.findTeams(ctx, communityID)
	if err != nil {
		return nil, err
	}
	seen := map[domain.ID]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	for _, t := range teams {
		for _, l := range t.Leaders {
			if !seen[l] {
				seen[l] = true
				ids = append(ids, l)
			}
		}
	}
	return ids, nil
}

// needsOf reads the needs of claims or occurrences in one query, by ID.
func needsOf[T claimDoc | occurrenceDoc](ctx context.Context, s *Service, of []T) (map[domain.ID]needDoc, error) {
	ids := make([]domain.ID, 0, len(of))
	for _, x := range of {
		switch d := any(x).(type) {
		case claimDoc:
			ids = append(ids, d.NeedID)
		case occurrenceDoc:
			ids = append(ids, d.NeedID)
		}
	}
	docs, err := s.findNeedsByID(ctx, ids)
	out := make(map[domain.ID]needDoc, len(docs))
	for _, d := range docs {
		out[d.ID] = d
	}
	return out, err
}

// hoursToConfirm lists a community's claims that ended and wait for their
// hours: checked in, checked out, or claimed and never marked.
func (s *Service) hoursToConfirm(ctx context.Context, communityID domain.ID, now time.Time) ([]claimDoc, error) {
	return s.findEndedClaims(ctx, communityID, now, Claimed, CheckedIn, CheckedOut)
}
