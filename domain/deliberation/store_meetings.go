package deliberation

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Meetings, their attendance and statements.

const (
	meetingsColl   = "meetings"
	attendanceColl = "attendance" // _id is meeting/user: one check-in each
	statementsColl = "statements"
	// checkInCodesColl holds the codes of a community's open meetings: _id
	// is community/code, so no two open meetings share one (the first
	// insert wins); a code is freed when its meeting ends.
	checkInCodesColl = "check_in_codes"
)

type checkInCodeDoc struct {
	ID        string    `bson:"_id"`
	MeetingID domain.ID `bson:"meeting_id"`
}

type meetingDoc struct {
	ID          domain.ID   `bson:"_id"`
	CommunityID domain.ID   `bson:"community_id"`
	Kind        string      `bson:"kind"`
	Title       string      `bson:"title"`
	StartsAt    time.Time   `bson:"starts_at"`
	Place       string      `bson:"place"`
	TopicIDs    []domain.ID `bson:"topic_ids"`
	ChairID     domain.ID   `bson:"chair_id"`
	CheckInCode string      `bson:"check_in_code"`
	Started     bool        `bson:"started"`
	EndedAt     time.Time   `bson:"ended_at,omitempty"`
	Minutes     string      `bson:"minutes,omitempty"`
}

type attendanceDoc struct {
	ID        string    `bson:"_id"`
	MeetingID domain.ID `bson:"meeting_id"`
	UserID    domain.ID `bson:"user_id"`
	ByChair   bool      `bson:"by_chair"`
	At        time.Time `bson:"at"`
}

type statementDoc struct {
	ID        domain.ID `bson:"_id"`
	MeetingID domain.ID `bson:"meeting_id"`
	TopicID   domain.ID `bson:"topic_id"`
	SpeakerID domain.ID `bson:"speaker_id"`
	Stance    string    `bson:"stance"`
	Summary   string    `bson:"summary"`
	At        time.Time `bson:"at"`
}

func toMeeting(d meetingDoc, staff bool) Meeting {
	m := Meeting{ID: d.ID, CommunityID: d.CommunityID, Kind: MeetingKind(d.Kind), Title: d.Title, StartsAt: d.StartsAt,
		Place: d.Place, ChairID: d.ChairID, Started: d.Started, EndedAt: d.EndedAt, Minutes: d.Minutes}
	m.TopicIDs = append(m.TopicIDs, d.TopicIDs...)
	if staff {
		m.CheckInCode = d.CheckInCode
	}
	return m
}

// insertMeeting stores a new meeting.
func (s *Service) insertMeeting(ctx context.Context, d meetingDoc) error {
	return db.Insert(ctx, s.db.Collection(meetingsColl), d)
}

// findMeeting reads a meeting, whatever the actor. Errors: NotFound.
func (s *Service) findMeeting(ctx context.Context, id domain.ID) (meetingDoc, error) {
	return db.FindByIDOr[meetingDoc](ctx, s.db.Collection(meetingsColl), string(id), errMeetingNotFound)
}

// findMeetings reads a community's meetings by start time, the first 200;
// with from set, only those starting from then on.
func (s *Service) findMeetings(ctx context.Context, communityID domain.ID, from time.Time) ([]meetingDoc, error) {
	filter := bson.M{"community_id": string(communityID)}
	if !from.IsZero() {
		filter["starts_at"] = bson.M{"$gte": from.UTC()}
	}
	return db.FindAll[meetingDoc](ctx, s.db.Collection(meetingsColl), filter, options.Find().SetSort(bson.D{{Key: "starts_at", Value: 1}}).SetLimit(200))
}

// findTopicMeetings reads the meetings of a community with a topic on
// their agenda, by start time.
func (s *Service) findTopicMeetings(ctx context.Context, communityID, topicID domain.ID) ([]meetingDoc, error) {
	return db.FindAll[meetingDoc](ctx, s.db.Collection(meetingsColl), bson.M{"community_id": string(communityID), "topic_ids": string(topicID)},
		options.Find().SetSort(bson.D{{Key: "starts_at", Value: 1}}))
}

// findMeetingsOnTopicsFrom reads the meetings with any of the topics on
// their agenda that start from from on, in no particular order.
func (s *Service) findMeetingsOnTopicsFrom(ctx context.Context, topicIDs []domain.ID, from time.Time) ([]meetingDoc, error) {
	return db.FindAll[meetingDoc](ctx, s.db.Collection(meetingsColl), bson.M{"topic_ids": bson.M{"$in": strs(topicIDs)}, "starts_at": bson.M{"$gte": from.UTC()}})
}

// setMeetingStarted marks a meeting started.
func (s *Service) setMeetingStarted(ctx context.Context, id domain.ID) error {
	return db.UpdateByID(ctx, s.db.Collection(meetingsColl), string(id), bson.M{"$set": bson.M{"started": true}})
}

// setMeetingEnded marks a meeting ended, once; ended reports whether this
// call did it.
func (s *Service) setMeetingEnded(ctx context.Context, id domain.ID, at time.Time) (ended bool, err error) {
	return db.Update(ctx, s.db.Collection(meetingsColl), bson.M{"_id": string(id), "ended_at": bson.M{"$exists": false}}, bson.M{"$set": bson.M{"ended_at": at.UTC()}})
}

// claimCheckInCode takes a code for a meeting among its community's open
// meetings; won is false when another open meeting holds it.
func (s *Service) claimCheckInCode(ctx context.Context, communityID, meetingID domain.ID, code string) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(checkInCodesColl), checkInCodeDoc{ID: string(communityID) + "/" + code, MeetingID: meetingID})
}

// freeCheckInCode frees an ended meeting's code.
func (s *Service) freeCheckInCode(ctx context.Context, communityID domain.ID, code string) error {
	_, err := db.DeleteOne(ctx, s.db.Collection(checkInCodesColl), bson.M{"_id": string(communityID) + "/" + code})
	return err
}

// setMeetingMinutes records a meeting's minutes.
func (s *Service) setMeetingMinutes(ctx context.Context, id domain.ID, minutes string) error {
	return db.UpdateByID(ctx, s.db.Collection(meetingsColl), string(id), bson.M{"$set": bson.M{"minutes": minutes}})
}

// setMeetingStart moves a meeting to start at startsAt.
func (s *Service) setMeetingStart(ctx context.Context, id domain.ID, startsAt time.Time) error {
	return db.UpdateByID(ctx, s.db.Collection(meetingsColl), string(id), bson.M{"$set": bson.M{"starts_at": startsAt.UTC()}})
}

// insertAttendance records a check-in; checking in twice changes nothing
// (its _id is meeting/user).
func (s *Service) insertAttendance(ctx context.Context, d attendanceDoc) error {
	_, err := db.InsertOnce(ctx, s.db.Collection(attendanceColl), d)
	return err
}

// findAttendance reads a meeting's check-ins.
func (s *Service) findAttendance(ctx context.Context, meetingID domain.ID) ([]attendanceDoc, error) {
	return db.FindAll[attendanceDoc](ctx, s.db.Collection(attendanceColl), bson.M{"meeting_id": string(meetingID)})
}

// insertStatement records a statement.
func (s *Service) insertStatement(ctx context.Context, d statementDoc) error {
	return db.Insert(ctx, s.db.Collection(statementsColl), d)
}

// findStatements reads a meeting's statements in the order they were made.
func (s *Service) findStatements(ctx context.Context, meetingID domain.ID) ([]statementDoc, error) {
	return db.FindAll[statementDoc](ctx, s.db.Collection(statementsColl), bson.M{"meeting_id": string(meetingID)}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}
