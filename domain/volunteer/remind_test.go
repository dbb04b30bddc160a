package volunteer_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// TestRemind walks a day toward a task: nothing before 18:00 the evening
// before, then the volunteer's "tomorrow" mail with the exact place, the
// coordinators' "unfilled" mail within 24 h, the "in an hour" mail, and
// after the task the coordinators' "hours to confirm" from 09:00; running
// it again queues nothing new.
func TestRemind(t *testing.T) {
	v := newVillage(t)
	n := v.need(t, 2) // tomorrow 09:00–10:30, 2 slots
	vol := v.volunteer(t, "志愿者", "elderly_care")
	o := v.firstOccurrence(t, n)
	must(v.svc.Claim(as(vol), o.ID))
	loc := v.c.Location()
	at := func(day, hour int) time.Time {
		s := start.In(loc)
		return time.Date(s.Year(), s.Month(), s.Day()+day, hour, 0, 0, 0, loc)
	}
	remind := func(now time.Time) {
		t.Helper()
		v.clock.Set(now)
		must(v.svc.Remind(t.Context(), v.c.ID, now))
	}
	remind(at(0, 8))
	if got := v.notes.of(volunteer.KindTask); len(got) != 0 {
		t.Fatalf("a day early: %+v", got)
	}
	if got := v.notes.of(volunteer.KindUnfilled); len(got) != 0 {
		t.Fatalf("unfilled more than 24 h ahead: %+v", got)
	}
	remind(at(0, 18))
	remind(at(0, 19))
	tasks := v.notes.of(volunteer.KindTask)
	if len(tasks) != 1 || tasks[0].RecipientID != vol || tasks[0].Data["place"] != "古城一组 12 号" || tasks[0].Data["when"] != "明天" {
		t.Fatalf("the evening before: %+v", tasks)
	}
	unfilled := v.notes.of(volunteer.KindUnfilled)
	if len(unfilled) != 2 || unfilled[0].Data["open"] != "1" { // the committee and the team leader
		t.Fatalf("unfilled: %+v", unfilled)
	}
	remind(at(1, 8))
	if got := v.notes.of(volunteer.KindTask); len(got) != 2 || got[1].Occurrence[:2] != "1h" {
		t.Fatalf("within the hour: %+v", got)
	}
	remind(at(1, 11))
	if got := v.notes.of(volunteer.KindHoursToDo); len(got) != 2 || got[0].Data["count"] != "1" {
		t.Fatalf("hours to confirm: %+v", got)
	}
	remind(at(1, 12))
	if got := len(v.notes.of(volunteer.KindHoursToDo)) + len(v.notes.of(volunteer.KindTask)); got != 4 {
		t.Fatalf("running again queued more: %d", got)
	}
}

// TestCalendar: a claimed task is in the volunteer's calendar feed with
// its exact place until it ends; a cancelled claim is not.
func TestCalendar(t *testing.T) {
	v := newVillage(t)
	n := v.need(t, 1)
	vol := v.volunteer(t, "志愿者", "elderly_care")
	c := must(v.svc.Claim(as(vol), v.firstOccurrence(t, n).ID)).Claim
	events := must(v.svc.UpcomingEvents(t.Context(), vol, start))
	if len(events) != 1 || events[0].Location != "古城一组 12 号" || !events[0].Start.Equal(c.Start) || events[0].Title != "志愿服务：陪同就医" {
		t.Fatalf("events = %+v", events)
	}
	if got := must(v.svc.UpcomingEvents(t.Context(), vol, c.End.Add(time.Minute))); len(got) != 0 {
		t.Fatalf("after the end: %+v", got)
	}
	must(v.svc.CancelClaim(as(vol), c.ID))
	if got := must(v.svc.UpcomingEvents(t.Context(), vol, start)); len(got) != 0 {
		t.Fatalf("after a cancellation: %+v", got)
	}
}

// TestTaskReminderContact: the reminder of a task names the resident
// helped with their phone number, and the grid worker who posted it.
func TestTaskReminderContact(t *testing.T) {
	v := newVillage(t)
	helped := must(v.comms.RegisterAssistedResident(as(v.admin), community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro1.ID,
		Name: "沈桂英", Phone: "13800001234"})).UserID
	in := v.needInput(1)
	in.For = helped
	n := must(v.svc.PostNeed(as(v.worker), in))
	vol := v.volunteer(t, "志愿者", "elderly_care")
	o := v.firstOccurrence(t, n)
	must(v.svc.Claim(as(vol), o.ID))
	now := o.Start.Add(-30 * time.Minute)
	v.clock.Set(now)
	must(v.svc.Remind(t.Context(), v.c.ID, now))
	tasks := v.notes.of(volunteer.KindTask)
	if len(tasks) != 1 || tasks[0].Data["contact"] != "沈桂英 13800001234 / 网格员" {
		t.Fatalf("task reminders: %+v", tasks)
	}
}
