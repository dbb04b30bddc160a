package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// meetingPart is meetings.
var meetingPart = part{
	records: map[string]string{"Meeting": "会议"},
	types: func(b *builder) {
		b.buildMeetings()
		b.addNodes(nodeOf(b.meeting, b.svc.Deliberation.Meeting))
	},
	mutations: (*builder).meetingMutations,
}

func (b *builder) buildMeetings() {
	kindEnum := graphql.NewEnum(graphql.EnumConfig{Name: "MeetingKind", Values: graphql.EnumValueConfigMap{
		"COUNCIL": {Value: deliberation.Council, Description: "议事会"}, "THREE_PARTY": {Value: deliberation.ThreeParties, Description: "三方联动会议"},
		"HEARING": {Value: deliberation.Hearing, Description: "听证会"}, "ONLINE": {Value: deliberation.Online, Description: "线上议事"},
	}})
	b.meetingKindEnum = kindEnum
	b.stanceEnum = graphql.NewEnum(graphql.EnumConfig{Name: "Stance", Values: graphql.EnumValueConfigMap{
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
			"stance":  {Type: nonNull(b.stanceEnum), Resolve: field(func(s deliberation.Statement) any { return s.Stance })},
			"summary": {Type: nonNull(graphql.String), Resolve: field(func(s deliberation.Statement) any { return s.Summary })},
			"at":      {Type: nonNull(graphql.DateTime), Resolve: field(func(s deliberation.Statement) any { return s.At })},
		}
	})})
	b.meeting = graphql.NewObject(graphql.ObjectConfig{Name: "Meeting", Interfaces: []*graphql.Interface{b.node}, Fields: graphql.FieldsThunk(func() graphql.Fields {
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

func (b *builder) meetingMutations(f graphql.Fields) {
	id := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.ID)}
	meetingPayload := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"meeting": {Type: nonNull(b.meeting)}})
	}
	meeting := func(p graphql.ResolveParams, mid domain.ID) (any, error) {
		m, err := b.svc.Deliberation.Meeting(p.Context, mid)
		return map[string]any{"meeting": m}, err
	}
	f["scheduleMeeting"] = &graphql.Field{
		Type:        nonNull(meetingPayload("ScheduleMeetingPayload")),
		Description: "Schedules a meeting on accepted topics; those expected get reminders 24 h and 1 h before.",
		Args: inputArg("ScheduleMeetingInput", graphql.InputObjectConfigFieldMap{
			"communityId": id, "kind": {Type: nonNull(b.meetingKindEnum)}, "title": {Type: nonNull(graphql.String)},
			"startsAt": {Type: nonNull(graphql.DateTime)}, "place": {Type: graphql.String}, "topicIds": {Type: listOf(graphql.ID)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct {
				CommunityID, Title, StartsAt, Place string
				Kind                                deliberation.MeetingKind
				TopicIDs                            []string
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			cid, err := localID("Community", in.CommunityID)
			if err != nil {
				return nil, err
			}
			mi := deliberation.MeetingInput{CommunityID: cid, Kind: in.Kind, Title: in.Title, Place: in.Place}
			if mi.StartsAt, err = parseTime(in.StartsAt); err != nil {
				return nil, domain.InvalidField("startsAt", "时间格式无效", "invalid time")
			}
			for _, t := range in.TopicIDs {
				tid, err := localID("Topic", t)
				if err != nil {
					return nil, domain.InvalidField("topicIds", "议程只能包含本社区已受理的议题", "the agenda takes accepted topics of this community")
				}
				mi.TopicIDs = append(mi.TopicIDs, tid)
			}
			m, err := b.svc.Deliberation.ScheduleMeeting(p.Context, mi)
			return map[string]any{"meeting": m}, err
		}),
	}
	f["rescheduleMeeting"] = &graphql.Field{
		Type:        nonNull(meetingPayload("RescheduleMeetingPayload")),
		Description: "Moves a meeting that has not started; its reminders move with it.",
		Args:        inputArg("RescheduleMeetingInput", graphql.InputObjectConfigFieldMap{"meetingId": id, "startsAt": {Type: nonNull(graphql.DateTime)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct{ MeetingID, StartsAt string }
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			mid, err := localID("Meeting", in.MeetingID)
			if err != nil {
				return nil, err
			}
			at, err := parseTime(in.StartsAt)
			if err != nil {
				return nil, domain.InvalidField("startsAt", "时间格式无效", "invalid time")
			}
			m, err := b.svc.Deliberation.RescheduleMeeting(p.Context, mid, at)
			return map[string]any{"meeting": m}, err
		}),
	}
	f["checkIn"] = &graphql.Field{
		Type:        nonNull(meetingPayload("CheckInPayload")),
		Description: "Checks the viewer in with the code shown in the room.",
		Args:        inputArg("CheckInInput", graphql.InputObjectConfigFieldMap{"meetingId": id, "code": {Type: nonNull(graphql.String)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct{ MeetingID, Code string }
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			mid, err := localID("Meeting", in.MeetingID)
			if err != nil {
				return nil, err
			}
			if _, err := b.svc.Deliberation.CheckIn(p.Context, mid, in.Code); err != nil {
				return nil, err
			}
			return meeting(p, mid)
		}),
	}
	f["recordAttendance"] = &graphql.Field{
		Type: nonNull(meetingPayload("RecordAttendancePayload")),
		Args: inputArg("RecordAttendanceInput", graphql.InputObjectConfigFieldMap{"meetingId": id, "memberId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct{ MeetingID, MemberID string }
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			mid, err := localID("Meeting", in.MeetingID)
			if err != nil {
				return nil, err
			}
			member, err := localID("Member", in.MemberID)
			_, uid, ok := splitMemberID(member)
			if err != nil || !ok {
				return nil, domain.InvalidField("memberId", "请选择参会成员", "choose an expected member")
			}
			if _, err := b.svc.Deliberation.RecordAttendance(p.Context, mid, uid); err != nil {
				return nil, err
			}
			return meeting(p, mid)
		}),
	}
	f["startMeeting"] = &graphql.Field{
		Type: nonNull(meetingPayload("StartMeetingPayload")),
		Args: inputArg("StartMeetingInput", graphql.InputObjectConfigFieldMap{"meetingId": id}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			mid, err := inputID(p, "meetingId", "Meeting")
			if err != nil {
				return nil, err
			}
			if _, err := b.svc.Deliberation.StartMeeting(p.Context, mid); err != nil {
				return nil, err
			}
			return meeting(p, mid)
		}),
	}
	f["recordStatement"] = &graphql.Field{
		Type: nonNull(meetingPayload("RecordStatementPayload")),
		Args: inputArg("RecordStatementInput", graphql.InputObjectConfigFieldMap{
			"meetingId": id, "topicId": id, "speakerMemberId": id, "stance": {Type: nonNull(b.stanceEnum)}, "summary": {Type: nonNull(graphql.String)},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct {
				MeetingID, TopicID, SpeakerMemberID, Summary string
				Stance                                       deliberation.Stance
			}
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			mid, err := localID("Meeting", in.MeetingID)
			if err != nil {
				return nil, err
			}
			tid, err := localID("Topic", in.TopicID)
			if err != nil {
				return nil, domain.InvalidField("topicId", "该议题不在本次议程中", "the topic is not on the agenda")
			}
			member, err := localID("Member", in.SpeakerMemberID)
			_, uid, ok := splitMemberID(member)
			if err != nil || !ok {
				return nil, domain.InvalidField("speakerMemberId", "请选择本社区的成员", "choose a member of this community")
			}
			if _, err := b.svc.Deliberation.RecordStatement(p.Context, mid, tid, uid, in.Stance, in.Summary); err != nil {
				return nil, asInputField(err, "speakerId", "speakerMemberId")
			}
			return meeting(p, mid)
		}),
	}
	f["setMinutes"] = &graphql.Field{
		Type: nonNull(meetingPayload("SetMinutesPayload")),
		Args: inputArg("SetMinutesInput", graphql.InputObjectConfigFieldMap{"meetingId": id, "minutes": {Type: nonNull(graphql.String)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			var in struct{ MeetingID, Minutes string }
			if err := decodeInput(p, &in); err != nil {
				return nil, err
			}
			mid, err := localID("Meeting", in.MeetingID)
			if err != nil {
				return nil, err
			}
			m, err := b.svc.Deliberation.SetMinutes(p.Context, mid, in.Minutes)
			return map[string]any{"meeting": m}, err
		}),
	}
}
