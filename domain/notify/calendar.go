package notify

import (
	"context"
	"fmt"
	"strconv"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/yishi-app/yishi/domain"
)

// Event is one entry of a person's calendar feed: a meeting, a patrol shift
// or a volunteer task.
type Event struct {
	UID         string
	Title       string
	Description string
	Location    string
	Start, End  time.Time
	URL         string
}

// CalendarSource lists a user's upcoming events; the areas that have
// meetings, shifts and tasks provide one each.
type CalendarSource interface {
	UpcomingEvents(ctx context.Context, userID domain.ID, from time.Time) ([]Event, error)
}

// CalendarURL returns the actor's secret calendar feed URL.
// Errors: Unauthenticated.
func (s *Service) CalendarURL(ctx context.Context) (string, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return "", err
	}
	version, err := s.feedVersion(ctx, actor.UserID)
	if err != nil {
		return "", err
	}
	return s.calendarURL(ctx, actor.UserID, version)
}

func (s *Service) calendarURL(ctx context.Context, userID domain.ID, version int) (string, error) {
	token, err := s.sign(ctx, "cal", string(userID), strconv.Itoa(version))
	if err != nil {
		return "", err
	}
	return s.baseURL + "/calendar/" + token + ".ics", nil
}

// RegenerateCalendarURL makes a new feed URL; the old one stops working.
// Errors: Unauthenticated.
func (s *Service) RegenerateCalendarURL(ctx context.Context) (string, error) {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return "", err
	}
	version, err := s.feedVersion(ctx, actor.UserID)
	if err != nil {
		return "", err
	}
	if err := s.saveFeedVersion(ctx, actor.UserID, version+1); err != nil {
		return "", err
	}
	return s.calendarURL(ctx, actor.UserID, version+1)
}

// CalendarFeed renders the iCalendar (RFC 5545) feed a token stands for,
// with the events of the sources from now on. Errors: NotFound (bad or
// replaced token).
func (s *Service) CalendarFeed(ctx context.Context, token string, sources ...CalendarSource) (string, error) {
	notFound := domain.ErrNotFound("日历", "calendar")
	parts, ok := s.verify(ctx, "cal", token, 2)
	if !ok {
		return "", notFound
	}
	userID := domain.ID(parts[0])
	version, err := s.feedVersion(ctx, userID)
	if err != nil {
		return "", err
	}
	if strconv.Itoa(version) != parts[1] {
		return "", notFound
	}
	now := s.now().UTC()
	cal := ics.NewCalendarFor("Yishi")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("议事 Yishi")
	cal.SetXWRCalName("议事 Yishi")
	cal.SetXWRTimezone("Asia/Shanghai")
	cal.SetRefreshInterval("PT1H")
	for _, src := range sources {
		events, err := src.UpcomingEvents(ctx, userID, now)
		if err != nil {
			return "", fmt.Errorf("calendar events: %w", err)
		}
		for _, e := range events {
			ev := cal.AddEvent(e.UID + "@yishi")
			ev.SetDtStampTime(now)
			ev.SetStartAt(e.Start.UTC())
			ev.SetEndAt(e.End.UTC())
			ev.SetSummary(e.Title)
			if e.Description != "" {
				ev.SetDescription(e.Description)
			}
			if e.Location != "" {
				ev.SetLocation(e.Location)
			}
			if e.URL != "" {
				ev.SetURL(e.URL)
			}
		}
	}
	return cal.Serialize(ics.WithNewLine("\r\n")), nil // RFC 5545 lines end in CRLF
}
