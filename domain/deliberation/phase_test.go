package deliberation_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// TestMeetingPhasesAndEnd: a meeting goes 签到 → 开会 → 表决 → 决议 → 散会;
// it ends only once started and with no vote open; once ended, its code
// expires (no check-in), no one speaks, and the code is free again.
func TestMeetingPhasesAndEnd(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.acceptedTopic(t)
	members := seatPanel(t, v, topic)
	m := must(v.svc.ScheduleMeeting(as(v.committee), deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Council, Title: "议事会",
		Place: "村委会", StartsAt: v.clock.Now().Add(time.Hour), TopicIDs: []domain.ID{topic.ID}}))
	if !regexp.MustCompile(`^[0-9]{6}$`).MatchString(m.CheckInCode) {
		t.Errorf("check-in code %q, want six digits", m.CheckInCode)
	}
	phase := func(want deliberation.MeetingPhase) {
		t.Helper()
		if got := must(v.svc.Phase(as(members[0]), must(v.svc.Meeting(as(members[0]), m.ID)))); got != want {
			t.Errorf("phase = %s, want %s", got, want)
		}
	}
	phase(deliberation.PhaseCheckIn)
	_, err := v.svc.EndMeeting(as(v.committee), m.ID)
	wantCode(t, err, domain.Conflict) // not started
	must(v.svc.CheckIn(as(members[0]), m.ID, m.CheckInCode))
	must(v.svc.StartMeeting(as(v.committee), m.ID))
	phase(deliberation.PhaseInSession)
	mo := openMotion(t, v, topic, deliberation.MajorityCast, false)
	phase(deliberation.PhaseVoting)
	_, err = v.svc.EndMeeting(as(v.committee), m.ID)
	wantCode(t, err, domain.Conflict) // a vote is open
	for _, r := range members {
		must(0, v.svc.Vote(as(r), mo.ID, deliberation.Yes))
	}
	must(v.svc.CloseMotion(as(v.committee), mo.ID))
	phase(deliberation.PhaseDecided)
	_, err = v.svc.EndMeeting(as(members[0]), m.ID)
	wantCode(t, err, domain.Forbidden)
	ended := must(v.svc.EndMeeting(as(v.committee), m.ID))
	if !ended.Ended() {
		t.Errorf("ended meeting = %+v", ended)
	}
	phase(deliberation.PhaseEnded)
	_, err = v.svc.EndMeeting(as(v.committee), m.ID)
	wantCode(t, err, domain.Conflict) // twice
	_, err = v.svc.CheckIn(as(members[1]), m.ID, m.CheckInCode)
	wantCode(t, err, domain.Conflict) // the code expired with the meeting
	_, err = v.svc.RecordStatement(as(v.committee), m.ID, topic.ID, members[0], deliberation.For, "同意")
	wantCode(t, err, domain.Conflict)
	must(v.svc.SetMinutes(as(v.committee), m.ID, "会议同意设临时停车场。")) // the minutes may follow
}

// TestCheckInCodesUniqueWhileOpen: among a community's open meetings no
// two share a code, also when many are scheduled at once.
func TestCheckInCodesUniqueWhileOpen(t *testing.T) {
	v := newVillage(t, 12)
	topic := v.acceptedTopic(t)
	seatPanel(t, v, topic)
	const n = 30
	codes := make([]string, n)
	errs := make([]error, n)
	done := make(chan int)
	for i := range n {
		go func() {
			m, err := v.svc.ScheduleMeeting(as(v.committee), deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Council, Title: "议事会",
				StartsAt: v.clock.Now().Add(time.Duration(i+1) * time.Hour), TopicIDs: []domain.ID{topic.ID}})
			codes[i], errs[i] = m.CheckInCode, err
			done <- i
		}()
	}
	for range n {
		<-done
	}
	seen := map[string]bool{}
	for i, c := range codes {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if seen[c] {
			t.Errorf("code %s given to two open meetings", c)
		}
		seen[c] = true
	}
}
