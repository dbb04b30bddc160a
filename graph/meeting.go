package graph

import (
	"time"

	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// meetingPart is meetings. It is the shape a new area copies: its types
// in its own struct (typesOf), its fields on other parts' types through
// extend, its Node kinds, queries and mutations, all in this file.
var meetingPart = part{
	records: map[string]string{"Meeting": "会议"},
	types: func(b *builder) {
		b.buildMeetings()
		t := typesOf[meetingTypes](b)
		b.addNodes(nodeOf(t.meeting, b.svc.Deliberation.Meeting))
		b.extend("Community", graphql.Fields{"meetings": {
			Type:        listOf(t.meeting),
			Description: "The community's meetings by start time, for its members; upcoming ones only with upcoming: true.",
			Args:        graphql.FieldConfigArgument{"upcoming": {Type: graphql.Boolean, DefaultValue: false}},
			Resolve:     b.resolveMeetings,
		}})
		b.extend("Topic", graphql.Fields{"meetings": {Type: listOf(t.meeting), Description: "The meetings with it on their agenda, in time order.",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				tp, err := source[deliberation.Topic](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Deliberation.TopicMeetings(p.Context, tp.ID)
			}}})
	},
	mutations: (*builder).meetingMutations,
}

// meetingTypes are the meeting part's types.
type meetingTypes struct {
	meeting             *graphql.Object
	kind, stance, phase *graphql.Enum
}

func (b *builder) buildMeetings() {
	t := typesOf[meetingTypes](b)
	kindEnum := graphql.NewEnum(graphql.EnumConfig{Name: "MeetingKind", Values: graphql.EnumValueConfigMap{
		"COUNCIL": {Value: deliberation.Council, Description: "议事会"}, "THREE_PARTY": {Value: deliberation.ThreeParties, Description: "三方联动会议"},
		"HEARING": {Value: deliberation.Hearing, Description: "听证会"}, "ONLINE": {Value: deliberation.Online, Description: "线上议事"},
	}})
	t.kind = kindEnum
	t.phase = graphql.NewEnum(graphql.EnumConfig{Name: "MeetingPhase", Description: "Where a meeting stands: 签到 → 开会 → 表决 → 决议 → 散会.", Values: graphql.EnumValueConfigMap{
		"CHECK_IN":   {Value: deliberation.PhaseCheckIn, Description: "签到: not started; people check in"},
		"IN_SESSION": {Value: deliberation.PhaseInSession, Description: "开会: started, nothing put to the vote yet"},
		"VOTING":     {Value: deliberation.PhaseVoting, Description: "表决: a motion on the agenda is open"},
		"DECIDED":    {Value: deliberation.PhaseDecided, Description: "决议: its motions are closed"},
		"ENDED":      {Value: deliberation.PhaseEnded, Description: "散会: ended; the check-in code expired"},
	}})
	t.stance = graphql.NewEnum(graphql.EnumConfig{Name: "Stance", Values: graphql.EnumValueConfigMap{
		"FOR": {Value: deliberation.For}, "AGAINST": {Value: deliberation.Against}, "NEUTRAL": {Value: deliberation.Neutral},
	}})
	attendance := graphql.NewObject(graphql.ObjectConfig{Name: "Attendance", Fields: graphql.Fields{
		"expected": {Type: nonNull(graphql.Int), Resolve: field(func(a deliberation.Attendance) any { return len(a.Expected) })},
		"present": {Type: listOf(b.user), Resolve: func(p graphql.ResolveParams) (any, error) {
			a, err := source[deliberation.Attendance](p)
			if err != nil {
				return nil, err
			}
			return thunkMany(p.Context, usersOf.in(p.Context), a.Present), nil
		}},
		"quorum": {Type: nonNull(graphql.Boolean), Resolve: field(func(a deliberation.Attendance) any { return a.Quorum })},
	}})
	statement := graphql.NewObject(graphql.ObjectConfig{Name: "Statement", Fields: graphql.FieldsThunk(func() graphql.Fields {
		return graphql.Fields{
			"speaker": {Type: nonNull(b.user), Resolve: loadField(usersOf, func(s deliberation.Statement) domain.ID { return s.SpeakerID })},
			"topicId": {Type: nonNull(graphql.ID), Resolve: field(func(s deliberation.Statement) any { return globalID("Topic", s.TopicID) })},
			"stance":  {Type: nonNull(t.stance), Resolve: field(func(s deliberation.Statement) any { return s.Stance })},
			"summary": {Type: nonNull(graphql.String), Resolve: field(func(s deliberation.Statement) any { return s.Summary })},
			"at":      {Type: nonNull(graphql.DateTime), Resolve: field(func(s deliberation.Statement) any { return s.At })},
		}
	})})
	t.meeting = graphql.NewObject(graphql.ObjectConfig{Name: "Meeting", Interfaces: []*graphql.Interface{b.node}, Fields: graphql.FieldsThunk(func() graphql.Fields {
		return graphql.Fields{
			"id":        idField("Meeting", func(m deliberation.Meeting) domain.ID { return m.ID }),
			"kind":      {Type: nonNull(kindEnum), Resolve: field(func(m deliberation.Meeting) any { return m.Kind })},
			"title":     {Type: nonNull(graphql.String), Resolve: field(func(m deliberation.Meeting) any { return m.Title })},
			"startsAt":  {Type: nonNull(graphql.DateTime), Resolve: field(func(m deliberation.Meeting) any { return m.StartsAt })},
			"place":     {Type: nonNull(graphql.String), Resolve: field(func(m deliberation.Meeting) any { return m.Place })},
			"chair":     {Type: b.user, Resolve: loadField(usersOf, func(m deliberation.Meeting) domain.ID { return m.ChairID })},
			"community": {Type: nonNull(b.community), Resolve: loadField(communitiesOf, func(m deliberation.Meeting) domain.ID { return m.CommunityID })},
			"checkInCode": {Type: graphql.String, Description: "Shown in the room as a QR code; for the committee only.",
				Resolve: field(func(m deliberation.Meeting) any { return nilString(m.CheckInCode) })},
			"started": {Type: nonNull(graphql.Boolean), Resolve: field(func(m deliberation.Meeting) any { return m.Started })},
			"endedAt": {Type: graphql.DateTime, Resolve: field(func(m deliberation.Meeting) any { return nilTime(m.EndedAt) })},
			"phase": {Type: nonNull(t.phase), Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Meeting](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Deliberation.Phase(p.Context, m)
			}},
			"minutes": {Type: graphql.String, Resolve: field(func(m deliberation.Meeting) any { return nilString(m.Minutes) })},
			"agenda": {Type: listOf(b.topic), Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Meeting](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Deliberation.Agenda(p.Context, m.ID)
			}},
			"attendance": {Type: nonNull(attendance), Description: "Who is expected and present, and whether the quorum is reached.", Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Meeting](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Deliberation.Attendance(p.Context, m.ID)
			}},
			"statements": {Type: listOf(statement), Resolve: func(p graphql.ResolveParams) (any, error) {
				m, err := source[deliberation.Meeting](p)
				if err != nil {
					return nil, err
				}
				return b.svc.Deliberation.Statements(p.Context, m.ID)
			}},
		}
	})})
}

// resolveMeetings lists a community's meetings.
func (b *builder) resolveMeetings(p graphql.ResolveParams) (any, error) {
	c, err := source[community.Community](p)
	if err != nil {
		return nil, err
	}
	upcoming, _ := p.Args["upcoming"].(bool)
	return b.svc.Deliberation.Meetings(p.Context, c.ID, upcoming)
}

type scheduleMeetingInput struct {
	CommunityID domain.ID                `json:"communityId" id:"Community"`
	Kind        deliberation.MeetingKind `json:"kind"`
	Title       string                   `json:"title"`
	StartsAt    time.Time                `json:"startsAt"`
	Place       string                   `json:"place"`
	TopicIDs    []domain.ID              `json:"topicIds" id:"Topic"`
}

func (in scheduleMeetingInput) toDomain() deliberation.MeetingInput {
	return deliberation.MeetingInput{CommunityID: in.CommunityID, Kind: in.Kind, Title: in.Title, StartsAt: in.StartsAt, Place: in.Place,
		TopicIDs: in.TopicIDs}
}

type rescheduleMeetingInput struct {
	MeetingID domain.ID `json:"meetingId" id:"Meeting"`
	StartsAt  time.Time `json:"startsAt"`
}

type checkInInput struct {
	MeetingID domain.ID `json:"meetingId" id:"Meeting"`
	Code      string    `json:"code"`
}

type recordAttendanceInput struct {
	MeetingID domain.ID `json:"meetingId" id:"Meeting"`
	Member    memberRef `json:"memberId" id:"Member"`
}

// startMeetingInput is the input of startMeeting and endMeeting.
type startMeetingInput struct {
	MeetingID domain.ID `json:"meetingId" id:"Meeting"`
}

type recordStatementInput struct {
	MeetingID domain.ID           `json:"meetingId" id:"Meeting"`
	TopicID   domain.ID           `json:"topicId" id:"Topic"`
	Speaker   memberRef           `json:"speakerMemberId" id:"Member"`
	Stance    deliberation.Stance `json:"stance"`
	Summary   string              `json:"summary"`
}

type setMinutesInput struct {
	MeetingID domain.ID `json:"meetingId" id:"Meeting"`
	Minutes   string    `json:"minutes"`
}

func (b *builder) meetingMutations(f graphql.Fields) {
	t := typesOf[meetingTypes](b)
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	meetingPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"meeting": {Type: nonNull(t.meeting)}})
	}
	meeting := func(p graphql.ResolveParams, mid domain.ID) (any, error) {
		m, err := b.svc.Deliberation.Meeting(p.Context, mid)
		return map[string]any{"meeting": m}, err
	}
	f["scheduleMeeting"] = &graphql.Field{
		Type:        nonNull(meetingPayload("ScheduleMeetingPayload")),
		Description: "Schedules a meeting on accepted topics; those expected get reminders 24 h and 1 h before.",
		Args: inputArg("ScheduleMeetingInput", graphql.InputObjectConfigFieldMap{
			"communityId": id, "kind": {Type: nonNull(t.kind)}, "title": {Type: nonNull(graphql.String)},
			"startsAt": {Type: nonNull(graphql.DateTime)}, "place": {Type: graphql.String}, "topicIds": {Type: listOf(graphql.ID)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[scheduleMeetingInput](p)
			if err != nil {
				return nil, err
			}
			m, err := b.svc.Deliberation.ScheduleMeeting(p.Context, in.toDomain())
			return map[string]any{"meeting": m}, err
		}),
	}
	f["rescheduleMeeting"] = &graphql.Field{
		Type:        nonNull(meetingPayload("RescheduleMeetingPayload")),
		Description: "Moves a meeting that has not started; its reminders move with it.",
		Args:        inputArg("RescheduleMeetingInput", graphql.InputObjectConfigFieldMap{"meetingId": id, "startsAt": {Type: nonNull(graphql.DateTime)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[rescheduleMeetingInput](p)
			if err != nil {
				return nil, err
			}
			m, err := b.svc.Deliberation.RescheduleMeeting(p.Context, in.MeetingID, in.StartsAt)
			return map[string]any{"meeting": m}, err
		}),
	}
	f["checkIn"] = &graphql.Field{
		Type:        nonNull(meetingPayload("CheckInPayload")),
		Description: "Checks the viewer in with the code shown in the room.",
		Args:        inputArg("CheckInInput", graphql.InputObjectConfigFieldMap{"meetingId": id, "code": {Type: nonNull(graphql.String)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[checkInInput](p)
			if err != nil {
				return nil, err
			}
			if _, err := b.svc.Deliberation.CheckIn(p.Context, in.MeetingID, in.Code); err != nil {
				return nil, err
			}
			return meeting(p, in.MeetingID)
		}),
	}
	f["recordAttendance"] = &graphql.Field{
		Type: nonNull(meetingPayload("RecordAttendancePayload")),
		Args: inputArg("RecordAttendanceInput", graphql.InputObjectConfigFieldMap{"meetingId": id, "memberId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[recordAttendanceInput](p)
			if err != nil {
				return nil, err
			}
			if _, err := b.svc.Deliberation.RecordAttendance(p.Context, in.MeetingID, in.Member.User); err != nil {
				return nil, err
			}
			return meeting(p, in.MeetingID)
		}),
	}
	f["startMeeting"] = &graphql.Field{
		Type: nonNull(meetingPayload("StartMeetingPayload")),
		Args: inputArg("StartMeetingInput", graphql.InputObjectConfigFieldMap{"meetingId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[startMeetingInput](p)
			if err != nil {
				return nil, err
			}
			if _, err := b.svc.Deliberation.StartMeeting(p.Context, in.MeetingID); err != nil {
				return nil, err
			}
			return meeting(p, in.MeetingID)
		}),
	}
	f["endMeeting"] = &graphql.Field{
		Type:        nonNull(meetingPayload("EndMeetingPayload")),
		Description: "Ends a started meeting (散会) once no motion on its agenda is open: its check-in code expires; the minutes may still be written.",
		Args:        inputArg("EndMeetingInput", graphql.InputObjectConfigFieldMap{"meetingId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[startMeetingInput](p)
			if err != nil {
				return nil, err
			}
			if _, err := b.svc.Deliberation.EndMeeting(p.Context, in.MeetingID); err != nil {
				return nil, err
			}
			return meeting(p, in.MeetingID)
		}),
	}
	f["recordStatement"] = &graphql.Field{
		Type: nonNull(meetingPayload("RecordStatementPayload")),
		Args: inputArg("RecordStatementInput", graphql.InputObjectConfigFieldMap{
			"meetingId": id, "topicId": id, "speakerMemberId": id, "stance": {Type: nonNull(t.stance)}, "summary": {Type: nonNull(graphql.String)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[recordStatementInput](p)
			if err != nil {
				return nil, err
			}
			if _, err := b.svc.Deliberation.RecordStatement(p.Context, in.MeetingID, in.TopicID, in.Speaker.User, in.Stance, in.Summary); err != nil {
				return nil, asInputField(err, "speakerId", "speakerMemberId")
			}
			return meeting(p, in.MeetingID)
		}),
	}
	f["setMinutes"] = &graphql.Field{
		Type: nonNull(meetingPayload("SetMinutesPayload")),
		Args: inputArg("SetMinutesInput", graphql.InputObjectConfigFieldMap{"meetingId": id, "minutes": {Type: nonNull(graphql.String)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[setMinutesInput](p)
			if err != nil {
				return nil, err
			}
			m, err := b.svc.Deliberation.SetMinutes(p.Context, in.MeetingID, in.Minutes)
			return map[string]any{"meeting": m}, err
		}),
	}
}
