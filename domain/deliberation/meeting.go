package deliberation

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/text"
)

// MeetingKind is a kind of meeting.
type MeetingKind string

// Meeting kinds.
const (
	Council      MeetingKind = "council"     // 议事会: quorum two-thirds of the panel
	ThreeParties MeetingKind = "three_party" // 三方联动会议: each party present
	Hearing      MeetingKind = "hearing"     // 听证会: quorum two-thirds
	Online       MeetingKind = "online"      // 线上议事: no quorum for attendance
)

// Stance is a statement's position.
type Stance string

// Stances.
const (
	For     Stance = "for"
	Against Stance = "against"
	Neutral Stance = "neutral"
)

// Meeting is a meeting with an agenda of topics.
type Meeting struct {
	ID          domain.ID
	CommunityID domain.ID
	Kind        MeetingKind
	Title       string
	StartsAt    time.Time
	Place       string
	TopicIDs    []domain.ID
	ChairID     domain.ID
	// CheckInCode is shown in the room as a QR code; attendees check in
	// with it. Only the committee sees it.
	CheckInCode string
	Started     bool
	EndedAt     time.Time // zero until the chair ends it (散会)
	Minutes     string
}

// MeetingPhase is where a meeting stands: 签到 → 开会 → 表决 → 决议 → 散会.
type MeetingPhase string

// Meeting phases.
const (
	PhaseCheckIn   MeetingPhase = "check_in"   // not started: people check in
	PhaseInSession MeetingPhase = "in_session" // started, nothing put to the vote yet
	PhaseVoting    MeetingPhase = "voting"     // a motion on its agenda is open
	PhaseDecided   MeetingPhase = "decided"    // its motions are closed
	PhaseEnded     MeetingPhase = "ended"      // 散会
)

// Ended reports whether the chair ended the meeting.
func (m Meeting) Ended() bool { return !m.EndedAt.IsZero() }

// checkInCodeDigits is how long a check-in code is: six digits, easy to
// read out in a room and to type on a phone.
const checkInCodeDigits = 6

// Attendance is who is expected at a meeting and who came.
type Attendance struct {
	Expected []Voter
	Present  []domain.ID
	Quorum   bool
}

// Statement is a recorded intervention.
type Statement struct {
	ID        domain.ID
	TopicID   domain.ID
	SpeakerID domain.ID
	Stance    Stance
	Summary   string
	At        time.Time
}

// MeetingInput schedules a meeting.
type MeetingInput struct {
	CommunityID domain.ID
	Kind        MeetingKind
	Title       string
	StartsAt    time.Time
	Place       string
	TopicIDs    []domain.ID
}

// ScheduleMeeting schedules a meeting on accepted topics, for the committee,
// who chairs it, and queues the reminders 24 h and 1 h before it to those
// expected. Errors: Unauthenticated, NotFound, Forbidden, Invalid (kind,
// title, time in the past, topics not accepted or of another community).
func (s *Service) ScheduleMeeting(ctx context.Context, in MeetingInput) (Meeting, error) {
	c, err := s.comms.Community(ctx, in.CommunityID)
	if err != nil {
		return Meeting{}, err
	}
	if _, err := s.access(ctx, c.ID, manages); err != nil {
		return Meeting{}, err
	}
	if !slices.Contains([]MeetingKind{Council, ThreeParties, Hearing, Online}, in.Kind) {
		return Meeting{}, domain.InvalidField("kind", "未知的会议类型", "unknown meeting kind")
	}
	title, err := text.Line("title", domain.Text{ZH: "会议名称", EN: "title"}, in.Title, 1, 80)
	if err != nil {
		return Meeting{}, err
	}
	place := text.Clean(in.Place)
	if place != "" {
		if place, err = text.Line("place", domain.Text{ZH: "地点", EN: "place"}, place, 1, 100); err != nil {
			return Meeting{}, err
		}
	}
	now := s.now().UTC()
	if !in.StartsAt.After(now) {
		return Meeting{}, domain.InvalidField("startsAt", "会议时间须在将来", "the meeting must be in the future")
	}
	if err := domain.TimeWithin("startsAt", in.StartsAt, now, 0, domain.TenYearsOn); err != nil {
		return Meeting{}, err
	}
	if in.TopicIDs, err = domain.UniqueIDs("topicIds", in.TopicIDs, 20); err != nil {
		return Meeting{}, err
	}
	if len(in.TopicIDs) == 0 {
		return Meeting{}, domain.InvalidField("topicIds", "请选择 1 到 20 个议题", "choose 1 to 20 topics")
	}
	var topicNames []string
	for _, id := range in.TopicIDs {
		t, err := s.findTopic(ctx, id)
		if err != nil || t.CommunityID != c.ID || t.State != Accepted {
			return Meeting{}, domain.InvalidField("topicIds", "议程只能包含本社区已受理的议题", "the agenda takes accepted topics of this community")
		}
		topicNames = append(topicNames, t.Title)
	}
	if in.Kind == ThreeParties {
		// Refuse before saving when a party has no delegate.
		if _, err := s.delegates(ctx, Topic{CommunityID: c.ID}); err != nil {
			return Meeting{}, err
		}
	}
	d := meetingDoc{ID: domain.NewID(), CommunityID: c.ID, Kind: string(in.Kind), Title: title, StartsAt: in.StartsAt.UTC(),
		Place: place, TopicIDs: in.TopicIDs, ChairID: domain.ActorFromContext(ctx).UserID}
	if d.CheckInCode, err = s.newCheckInCode(ctx, c.ID, d.ID); err != nil {
		return Meeting{}, err
	}
	if err := s.insertMeeting(ctx, d); err != nil {
		return Meeting{}, err
	}
	m := toMeeting(d, true)
	if s.notifier != nil {
		expected, err := s.expected(ctx, m)
		if err != nil {
			return m, err
		}
		local := m.StartsAt.In(c.Location()).Format("2006-01-02 15:04")
		for _, v := range expected {
			for _, before := range []struct {
				occ string
				d   time.Duration
			}{{"24h", 24 * time.Hour}, {"1h", time.Hour}} {
				if m.StartsAt.Add(-before.d).Before(now) {
					continue
				}
				err := s.notifier.Enqueue(ctx, notify.Item{
					Kind: notify.KindMeetingReminder, CommunityID: c.ID, RecipientID: v.UserID, Subject: "meeting:" + string(d.ID), Occurrence: before.occ,
					Zone: c.Settings.TimeZone, SendAt: m.StartsAt.Add(-before.d),
					Data: map[string]string{"title": title, "time": local, "place": place, "agenda": strings.Join(topicNames, "；"), "link": s.baseURL + "/meetings/" + domain.GlobalID("Meeting", d.ID)},
				})
				if err != nil {
					return m, err
				}
			}
		}
	}
	return m, nil
}

// expected lists who is expected at a meeting: the accepted panel members
// of its topics, or for a three-party meeting, the three parties' delegates.
func (s *Service) expected(ctx context.Context, m Meeting) ([]Voter, error) {
	var docs []voterDoc
	if m.Kind == ThreeParties {
		t, err := s.findTopic(ctx, m.TopicIDs[0])
		if err != nil {
			return nil, err
		}
		if docs, err = s.delegates(ctx, t); err != nil {
			return nil, err
		}
	} else {
		seats, err := s.findAcceptedSeatsOnTopics(ctx, m.TopicIDs)
		if err != nil {
			return nil, err
		}
		seen := map[domain.ID]bool{}
		for _, st := range seats {
			if !seen[st.UserID] {
				seen[st.UserID] = true
				docs = append(docs, voterDoc{UserID: st.UserID})
			}
		}
	}
	out := make([]Voter, len(docs))
	for i, d := range docs {
		out[i] = Voter{UserID: d.UserID, Party: Party(d.Party)}
	}
	return out, nil
}

// Meeting returns a meeting to the members of its community; the check-in
// code only to the committee. Errors: NotFound.
func (s *Service) Meeting(ctx context.Context, id domain.ID) (Meeting, error) {
	d, err := s.findMeeting(ctx, id)
	if err != nil {
		return Meeting{}, err
	}
	a, err := s.access(ctx, d.CommunityID, isMember)
	if err != nil {
		return Meeting{}, errMeetingNotFound
	}
	return toMeeting(d, manages(a)), nil
}

var errMeetingNotFound = domain.ErrNotFound("会议", "meeting")

var errMeetingEnded = domain.Errorf(domain.Conflict, "会议已结束", "the meeting has ended")

// newCheckInCode draws a six-digit code that no other open meeting of the
// community holds, and claims it for the meeting.
func (s *Service) newCheckInCode(ctx context.Context, communityID, meetingID domain.ID) (string, error) {
	for range 20 {
		n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
		if err != nil {
			return "", err
		}
		code := fmt.Sprintf("%0*d", checkInCodeDigits, n.Int64())
		won, err := s.claimCheckInCode(ctx, communityID, meetingID, code)
		if err != nil {
			return "", err
		}
		if won {
			return code, nil
		}
	}
	return "", domain.Errorf(domain.Conflict, "签到码已用尽，请先结束已开完的会议", "no check-in code is free: end the meetings that are over")
}

// EndMeeting ends a started meeting (散会), for the chair or the committee:
// its check-in code expires and is freed for other meetings, no one checks
// in or speaks any more, and the minutes may still be written. Ending twice
// is Conflict. Errors: Unauthenticated, NotFound, Forbidden, Conflict (not
// started; ended; a motion on its agenda still open).
func (s *Service) EndMeeting(ctx context.Context, meetingID domain.ID) (Meeting, error) {
	m, err := s.chairedMeeting(ctx, meetingID)
	if err != nil {
		return m, err
	}
	end, err := s.takeTurn(ctx, meetingTurn(m.ID))
	if err != nil {
		return m, err
	}
	defer end()
	d, err := s.findMeeting(ctx, m.ID) // as it stands under the turn
	if err != nil {
		return m, err
	}
	switch {
	case !d.EndedAt.IsZero():
		return m, errMeetingEnded
	case !d.Started:
		return m, domain.Errorf(domain.Conflict, "会议还没有开始", "the meeting has not started")
	}
	if motions, err := s.agendaMotions(ctx, m.TopicIDs); err != nil {
		return m, err
	} else if slices.ContainsFunc(motions, func(mo Motion) bool { return !mo.Closed }) {
		return m, domain.Errorf(domain.Conflict, "还有动议正在表决：先结束表决再散会", "a motion is still open: close the vote before ending the meeting")
	}
	now := s.now().UTC()
	if ended, err := s.setMeetingEnded(ctx, m.ID, now); err != nil {
		return m, err
	} else if !ended {
		return m, errMeetingEnded
	}
	if err := s.freeCheckInCode(ctx, m.CommunityID, d.CheckInCode); err != nil {
		return m, err
	}
	m.EndedAt = now
	return m, nil
}

// Phase says where a meeting stands: 签到, 开会, 表决, 决议 or 散会.
// Errors: NotFound.
func (s *Service) Phase(ctx context.Context, m Meeting) (MeetingPhase, error) {
	switch {
	case m.Ended():
		return PhaseEnded, nil
	case !m.Started:
		return PhaseCheckIn, nil
	}
	motions, err := s.agendaMotions(ctx, m.TopicIDs)
	switch {
	case err != nil:
		return "", err
	case slices.ContainsFunc(motions, func(mo Motion) bool { return !mo.Closed }):
		return PhaseVoting, nil
	case len(motions) > 0:
		return PhaseDecided, nil
	}
	return PhaseInSession, nil
}

// agendaMotions lists the motions on a meeting's topics, in two queries.
func (s *Service) agendaMotions(ctx context.Context, topicIDs []domain.ID) ([]Motion, error) {
	docs, err := s.findMotionsOnTopics(ctx, topicIDs)
	if err != nil {
		return nil, err
	}
	return s.withClosed(ctx, docs)
}

// chairedMeeting returns a meeting whose chair or committee the actor is.
// Errors: NotFound, Forbidden.
func (s *Service) chairedMeeting(ctx context.Context, meetingID domain.ID) (Meeting, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return m, err
	}
	_, err = s.access(ctx, m.CommunityID, func(a communityAccess) bool { return manages(a) || a.UserID == m.ChairID })
	return m, err
}

// CheckIn records the actor's attendance with the code shown in the room.
// Checking in twice changes nothing. Errors: Unauthenticated, NotFound,
// Forbidden (not expected), Invalid (wrong code).
func (s *Service) CheckIn(ctx context.Context, meetingID domain.ID, code string) (Attendance, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return Attendance{}, err
	}
	d, err := s.findMeeting(ctx, m.ID)
	if err != nil {
		return Attendance{}, err
	}
	if !d.EndedAt.IsZero() {
		return Attendance{}, errMeetingEnded // the code expired with the meeting
	}
	if code == "" || code != d.CheckInCode {
		return Attendance{}, domain.InvalidField("code", "签到码不正确", "wrong check-in code")
	}
	return s.attend(ctx, m, domain.ActorFromContext(ctx).UserID, false)
}

// RecordAttendance checks a person in, for the chair or the committee.
// Errors: as CheckIn, and Forbidden (not the chair or committee).
func (s *Service) RecordAttendance(ctx context.Context, meetingID, userID domain.ID) (Attendance, error) {
	m, err := s.chairedMeeting(ctx, meetingID)
	if err != nil {
		return Attendance{}, err
	}
	return s.attend(ctx, m, userID, true)
}

func (s *Service) attend(ctx context.Context, m Meeting, user domain.ID, byChair bool) (Attendance, error) {
	if m.Ended() {
		return Attendance{}, errMeetingEnded
	}
	expected, err := s.expected(ctx, m)
	if err != nil {
		return Attendance{}, err
	}
	if !slices.ContainsFunc(expected, func(v Voter) bool { return v.UserID == user }) {
		return Attendance{}, domain.Errorf(domain.Forbidden, "您不在本次会议的参会名单中", "you are not expected at this meeting")
	}
	d := attendanceDoc{ID: string(m.ID) + "/" + string(user), MeetingID: m.ID, UserID: user, ByChair: byChair, At: s.now().UTC()}
	if err := s.insertAttendance(ctx, d); err != nil {
		return Attendance{}, err
	}
	return s.Attendance(ctx, m.ID)
}

// Attendance returns who is expected and present, and whether the meeting
// has its quorum: two-thirds of those expected for a council or hearing,
// someone of each party for a three-party meeting, anyone online.
// Errors: NotFound.
func (s *Service) Attendance(ctx context.Context, meetingID domain.ID) (Attendance, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return Attendance{}, err
	}
	expected, err := s.expected(ctx, m)
	if err != nil {
		return Attendance{}, err
	}
	docs, err := s.findAttendance(ctx, m.ID)
	if err != nil {
		return Attendance{}, err
	}
	a := Attendance{Expected: expected}
	isExpected := map[domain.ID]bool{}
	for _, v := range expected {
		isExpected[v.UserID] = true
	}
	present := map[domain.ID]bool{}
	for _, d := range docs {
		if id := d.UserID; isExpected[id] { // one who since declined no longer counts
			present[id] = true
			a.Present = append(a.Present, id)
		}
	}
	switch m.Kind {
	case ThreeParties:
		parties := map[Party]bool{}
		for _, v := range expected {
			if present[v.UserID] {
				parties[v.Party] = true
			}
		}
		a.Quorum = len(parties) == 3
	case Online:
		a.Quorum = true
	default:
		a.Quorum = len(expected) > 0 && 3*len(a.Present) >= 2*len(expected)
	}
	return a, nil
}

// RecordStatement records an intervention on an agenda topic, for the chair
// or the committee, until the meeting ends. Errors: Unauthenticated,
// NotFound, Forbidden, Invalid, Conflict (ended).
func (s *Service) RecordStatement(ctx context.Context, meetingID, topicID, speakerID domain.ID, stance Stance, summary string) (Statement, error) {
	m, err := s.chairedMeeting(ctx, meetingID)
	if err != nil {
		return Statement{}, err
	}
	if m.Ended() {
		return Statement{}, errMeetingEnded
	}
	if !slices.Contains(m.TopicIDs, topicID) {
		return Statement{}, domain.InvalidField("topicId", "该议题不在本次议程中", "the topic is not on the agenda")
	}
	if stance != For && stance != Against && stance != Neutral {
		return Statement{}, domain.InvalidField("stance", "请选择赞成、反对或中立", "choose for, against or neutral")
	}
	if _, err := s.comms.Member(ctx, m.CommunityID, speakerID); err != nil {
		return Statement{}, domain.InvalidField("speakerId", "请选择本社区的成员", "choose a member of this community")
	}
	if summary, err = text.Body("summary", summary, 1, 1000); err != nil {
		return Statement{}, err
	}
	d := statementDoc{ID: domain.NewID(), MeetingID: m.ID, TopicID: topicID, SpeakerID: speakerID, Stance: string(stance), Summary: summary, At: s.now().UTC()}
	if err := s.insertStatement(ctx, d); err != nil {
		return Statement{}, err
	}
	return Statement{ID: d.ID, TopicID: topicID, SpeakerID: speakerID, Stance: stance, Summary: summary, At: d.At}, nil
}

// Statements lists a meeting's statements in order. Errors: NotFound.
func (s *Service) Statements(ctx context.Context, meetingID domain.ID) ([]Statement, error) {
	if _, err := s.Meeting(ctx, meetingID); err != nil {
		return nil, err
	}
	docs, err := s.findStatements(ctx, meetingID)
	out := make([]Statement, len(docs))
	for i, d := range docs {
		out[i] = Statement{ID: d.ID, TopicID: d.TopicID, SpeakerID: d.SpeakerID, Stance: Stance(d.Stance), Summary: d.Summary, At: d.At}
	}
	return out, err
}

// StartMeeting opens the meeting, for the chair or the committee: the
// panels of its topics lock. Errors: as RecordStatement.
func (s *Service) StartMeeting(ctx context.Context, meetingID domain.ID) (Meeting, error) {
	m, err := s.chairedMeeting(ctx, meetingID)
	if err != nil {
		return m, err
	}
	end, err := s.takeTurn(ctx, meetingTurn(m.ID))
	if err != nil {
		return m, err
	}
	defer end()
	if m, err = s.Meeting(ctx, meetingID); err != nil { // as it stands under the turn
		return m, err
	}
	// Each panel locks under its turn, one at a time.
	for _, id := range m.TopicIDs {
		end, err := s.takeTurn(ctx, panelTurn(id))
		if err != nil {
			return m, err
		}
		err = s.lockPanel(ctx, id)
		end()
		if err != nil {
			return m, err
		}
	}
	if err := s.setMeetingStarted(ctx, m.ID); err != nil {
		return m, err
	}
	m.Started = true
	return m, nil
}

// SetMinutes records the meeting's minutes, for the chair or the committee.
// Errors: as RecordStatement, Invalid (≤ 20,000 runes).
func (s *Service) SetMinutes(ctx context.Context, meetingID domain.ID, minutes string) (Meeting, error) {
	m, err := s.chairedMeeting(ctx, meetingID)
	if err != nil {
		return m, err
	}
	end, err := s.takeTurn(ctx, meetingTurn(m.ID))
	if err != nil {
		return m, err
	}
	defer end()
	if m, err = s.Meeting(ctx, meetingID); err != nil { // as it stands under the turn
		return m, err
	}
	if minutes, err = text.Body("minutes", minutes, 1, 20000); err != nil {
		return m, err
	}
	if err := s.setMeetingMinutes(ctx, m.ID, minutes); err != nil {
		return m, err
	}
	m.Minutes = minutes
	return m, nil
}

// UpcomingEvents lists the meetings a user is expected at and the action
// items they own that fall due, from now on, for their calendar feed; it
// makes Service a notify.CalendarSource.
func (s *Service) UpcomingEvents(ctx context.Context, userID domain.ID, from time.Time) ([]notify.Event, error) {
	seats, err := s.findAcceptedSeatsOfUser(ctx, userID)
	if err != nil {
		return nil, err
	}
	var topicIDs []domain.ID
	for _, st := range seats {
		topicIDs = append(topicIDs, st.TopicID)
	}
	var out []notify.Event
	if len(topicIDs) > 0 {
		docs, err := s.findMeetingsOnTopicsFrom(ctx, topicIDs, from)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			out = append(out, notify.Event{UID: "meeting-" + string(d.ID), Title: d.Title, Location: d.Place, Start: d.StartsAt, End: d.StartsAt.Add(2 * time.Hour), URL: s.baseURL + "/meetings/" + domain.GlobalID("Meeting", d.ID)})
		}
	}
	items, err := s.ownItems(ctx, userID, from)
	for _, it := range items {
		out = append(out, notify.Event{UID: "item-" + string(it.ID), Title: it.Title, Description: "决议事项到期 · action item due",
			Start: it.Due, End: it.Due.Add(time.Hour), URL: s.baseURL + "/resolutions/" + domain.GlobalID("Resolution", it.ResolutionID)})
	}
	return out, err
}

// ownItems lists the unfinished action items due from from on that user
// owns: by name, or as a member of the owning party (the committee for the
// residents' committee).
func (s *Service) ownItems(ctx context.Context, userID domain.ID, from time.Time) ([]itemDoc, error) {
	docs, err := s.findUnfinishedItemsDue(ctx, userID, from)
	if err != nil {
		return nil, err
	}
	partyRole := map[string]domain.Role{string(ResidentsCommittee): domain.RoleCommittee, string(OwnersParty): domain.RoleOwnersCommittee, string(PropertyParty): domain.RolePropertyFirm}
	// The user's roles by community, read as the user: the feed is their own view.
	roles := map[domain.ID][]domain.Role{}
	self := domain.NewContextWithActor(ctx, domain.Actor{UserID: userID})
	var out []itemDoc
	for _, d := range docs {
		if d.OwnerID == userID {
			out = append(out, d)
			continue
		}
		rs, ok := roles[d.CommunityID]
		if !ok {
			m, err := s.comms.Member(self, d.CommunityID, userID)
			if err != nil && domain.ErrorCode(err) != domain.NotFound {
				return nil, err
			}
			rs, roles[d.CommunityID] = m.Roles, m.Roles
		}
		if slices.Contains(rs, partyRole[d.OwnerParty]) {
			out = append(out, d)
		}
	}
	return out, nil
}

var _ notify.CalendarSource = (*Service)(nil)

// Meetings lists a community's meetings by start time, for its members;
// with upcoming, only those starting from now on. Errors: Unauthenticated,
// Forbidden.
func (s *Service) Meetings(ctx context.Context, communityID domain.ID, upcoming bool) ([]Meeting, error) {
	a, err := s.access(ctx, communityID, isMember)
	if err != nil {
		return nil, err
	}
	var from time.Time // all
	if upcoming {
		from = s.now()
	}
	docs, err := s.findMeetings(ctx, communityID, from)
	out := make([]Meeting, len(docs))
	for i, d := range docs {
		out[i] = toMeeting(d, manages(a))
	}
	return out, err
}

// TopicMeetings lists the meetings with a topic on their agenda, in time
// order. Errors: NotFound.
func (s *Service) TopicMeetings(ctx context.Context, topicID domain.ID) ([]Meeting, error) {
	t, err := s.Topic(ctx, topicID)
	if err != nil {
		return nil, err
	}
	a, err := s.access(ctx, t.CommunityID, isMember)
	if err != nil {
		return nil, err
	}
	docs, err := s.findTopicMeetings(ctx, t.CommunityID, t.ID)
	out := make([]Meeting, len(docs))
	for i, d := range docs {
		out[i] = toMeeting(d, manages(a))
	}
	return out, err
}

// RescheduleMeeting moves a meeting that has not started, for the
// committee; its reminders move with it. Errors: Unauthenticated, NotFound,
// Forbidden, Conflict (started), Invalid (a time in the past).
func (s *Service) RescheduleMeeting(ctx context.Context, meetingID domain.ID, startsAt time.Time) (Meeting, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return m, err
	}
	if _, err := s.access(ctx, m.CommunityID, manages); err != nil {
		return m, err
	}
	end, err := s.takeTurn(ctx, meetingTurn(m.ID))
	if err != nil {
		return m, err
	}
	defer end()
	if m, err = s.Meeting(ctx, meetingID); err != nil { // as it stands under the turn
		return m, err
	}
	if m.Started {
		return m, domain.Errorf(domain.Conflict, "会议已开始", "the meeting has started")
	}
	if !startsAt.After(s.now()) {
		return m, domain.InvalidField("startsAt", "会议时间须在将来", "the meeting must be in the future")
	}
	if err := domain.TimeWithin("startsAt", startsAt, s.now(), 0, domain.TenYearsOn); err != nil {
		return m, err
	}
	delta := startsAt.UTC().Sub(m.StartsAt)
	if err := s.setMeetingStart(ctx, m.ID, startsAt); err != nil {
		return m, err
	}
	if s.notifier != nil {
		if err := s.notifier.Reschedule(ctx, "meeting:"+string(m.ID), delta); err != nil {
			return m, err
		}
	}
	m.StartsAt = startsAt.UTC()
	return m, nil
}

// meetingTurn is the turn to change a meeting: its time (and its
// reminders with it), its start and its minutes, one change at a time.
func meetingTurn(id domain.ID) string { return "meeting/" + string(id) }

// Agenda returns a meeting's topics in agenda order, in one query.
// Errors: NotFound.
func (s *Service) Agenda(ctx context.Context, meetingID domain.ID) ([]Topic, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	topics, err := s.findCommunityTopics(ctx, m.CommunityID, m.TopicIDs)
	if err != nil {
		return nil, err
	}
	byID := map[domain.ID]Topic{}
	for _, t := range topics {
		byID[t.ID] = t
	}
	out := make([]Topic, 0, len(m.TopicIDs))
	for _, id := range m.TopicIDs {
		if t, ok := byID[id]; ok {
			out = append(out, t)
		}
	}
	return out, nil
}
