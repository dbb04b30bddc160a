package deliberation_test

import (
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

func TestMeeting(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.acceptedTopic(t)
	members := seatPanel(t, v, topic) // 6 accepted seats
	in := deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Council, Title: "村民议事会：村口停车", Place: "村委会二楼会议室",
		StartsAt: v.clock.Now().Add(72 * time.Hour), TopicIDs: []domain.ID{topic.ID}}
	_, err := v.svc.ScheduleMeeting(as(members[0]), in)
	wantCode(t, err, domain.Forbidden)
	bad := in
	bad.StartsAt = v.clock.Now().Add(-time.Hour)
	_, err = v.svc.ScheduleMeeting(as(v.committee), bad)
	wantCode(t, err, domain.Invalid)
	m := must(v.svc.ScheduleMeeting(as(v.committee), in))
	if m.CheckInCode == "" {
		t.Fatal("the committee sees no check-in code")
	}
	if seen := must(v.svc.Meeting(as(members[0]), m.ID)); seen.CheckInCode != "" {
		t.Error("a resident sees the check-in code")
	}
	_, err = v.svc.CheckIn(as(members[0]), m.ID, "wrong")
	wantCode(t, err, domain.Invalid)
	_, err = v.svc.CheckIn(as(v.residents[9]), m.ID, m.CheckInCode)
	wantCode(t, err, domain.Forbidden) // not on the panel
	for _, r := range members[:3] {
		must(v.svc.CheckIn(as(r), m.ID, m.CheckInCode))
	}
	a := must(v.svc.CheckIn(as(members[0]), m.ID, m.CheckInCode)) // twice: once
	if len(a.Present) != 3 || a.Quorum {
		t.Errorf("attendance %d present, quorum %v: want 3 and no quorum (4 of 6 needed)", len(a.Present), a.Quorum)
	}
	a = must(v.svc.RecordAttendance(as(v.committee), m.ID, members[3]))
	if len(a.Present) != 4 || !a.Quorum {
		t.Errorf("attendance %d present, quorum %v: want 4 and quorum", len(a.Present), a.Quorum)
	}
	must(v.svc.StartMeeting(as(v.committee), m.ID))
	_, err = v.svc.RespondToSeat(as(members[5]), topic.ID, false)
	wantCode(t, err, domain.Conflict) // the panel locked when the meeting started
	must(v.svc.RecordStatement(as(v.committee), m.ID, topic.ID, members[1], deliberation.For, "建议利用村委会后空地。"))
	must(v.svc.RecordStatement(as(v.committee), m.ID, topic.ID, members[2], deliberation.Against, "担心噪音。"))
	_, err = v.svc.RecordStatement(as(v.committee), m.ID, topic.ID, members[2], "maybe", "x")
	wantCode(t, err, domain.Invalid)
	if st := must(v.svc.Statements(as(members[4]), m.ID)); len(st) != 2 || st[1].Stance != deliberation.Against {
		t.Errorf("statements = %+v", st)
	}
	must(v.svc.SetMinutes(as(v.committee), m.ID, "会议讨论了村口停车问题，形成动议并付诸表决。"))
	evs := must(v.svc.UpcomingEvents(as(members[0]), members[0], v.clock.Now()))
	if len(evs) != 1 || evs[0].Title != in.Title || evs[0].Location != in.Place {
		t.Errorf("calendar events = %+v", evs)
	}
}

func TestThreePartyMeetingQuorum(t *testing.T) {
	v := newVillage(t, 12)
	owners := v.staff(t, domain.RoleOwnersCommittee, "")
	firm := v.staff(t, domain.RolePropertyFirm, "")
	topic := v.acceptedTopic(t)
	m := must(v.svc.ScheduleMeeting(as(v.committee), deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.ThreeParties,
		Title: "三方联动会议", StartsAt: v.clock.Now().Add(48 * time.Hour), TopicIDs: []domain.ID{topic.ID}}))
	must(v.svc.CheckIn(as(v.committee), m.ID, m.CheckInCode))
	a := must(v.svc.CheckIn(as(owners), m.ID, m.CheckInCode))
	if a.Quorum {
		t.Error("quorum without the property firm")
	}
	a = must(v.svc.CheckIn(as(firm), m.ID, m.CheckInCode))
	if !a.Quorum {
		t.Error("no quorum with all three parties present")
	}
}
