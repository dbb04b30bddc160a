package deliberation

import (
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Collections owned by this area.
const (
	topicsColl   = "topics"
	supportsColl = "supports" // _id is topic/user: one support each
	commentsColl = "comments"
	reportsColl  = "comment_reports" // _id is comment/user: one report each
	eventsColl   = "topic_events"    // the public timeline; state changes have _id topic/state
	claimsColl   = "topic_claims"    // a topic's exit from collecting, its screening decision, a merge's pair: the first insert wins
)

// Indexes returns the indexes this area needs.
func Indexes() []db.Index {
	return []db.Index{
		{Collection: topicsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}}},
		{Collection: topicsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "_id", Value: 1}}}, // the topic list's pages
		{Collection: topicsColl, Keys: bson.D{{Key: "state", Value: 1}, {Key: "deadline", Value: 1}}},
		{Collection: supportsColl, Keys: bson.D{{Key: "topic_id", Value: 1}}},
		{Collection: commentsColl, Keys: bson.D{{Key: "topic_id", Value: 1}}},
		{Collection: eventsColl, Keys: bson.D{{Key: "topic_id", Value: 1}}},
		{Collection: claimsColl, Keys: bson.D{{Key: "at", Value: 1}}},
		{Collection: seatsColl, Keys: bson.D{{Key: "topic_id", Value: 1}}},
		{Collection: drawsColl, Keys: bson.D{{Key: "topic_id", Value: 1}}},
		{Collection: votesColl, Keys: bson.D{{Key: "motion_id", Value: 1}, {Key: "voter_id", Value: 1}}},
		{Collection: motionsColl, Keys: bson.D{{Key: "topic_id", Value: 1}}},
		{Collection: motionsColl, Keys: bson.D{{Key: "community_id", Value: 1}}},
		{Collection: itemsColl, Keys: bson.D{{Key: "resolution_id", Value: 1}}},
		{Collection: objectionsColl, Keys: bson.D{{Key: "resolution_id", Value: 1}}},
		{Collection: ratingsColl, Keys: bson.D{{Key: "resolution_id", Value: 1}}},
		{Collection: meetingsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "starts_at", Value: 1}}},
		{Collection: attendanceColl, Keys: bson.D{{Key: "meeting_id", Value: 1}}},
		{Collection: statementsColl, Keys: bson.D{{Key: "meeting_id", Value: 1}}},
		{Collection: seatsColl, Keys: bson.D{{Key: "user_id", Value: 1}}},
	}
}

type topicDoc struct {
	ID          domain.ID   `bson:"_id"`
	CommunityID domain.ID   `bson:"community_id"`
	Title       string      `bson:"title"`
	Body        string      `bson:"body"`
	Category    string      `bson:"category"`
	GridIDs     []domain.ID `bson:"grid_ids"`
	ProposerID  domain.ID   `bson:"proposer_id"`
	RecordedBy  domain.ID   `bson:"recorded_by,omitempty"`
	Witness     string      `bson:"witness,omitempty"` // before whom a grid worker proposed
	Source      string      `bson:"source"`
	State       string      `bson:"state"`
	Threshold   int         `bson:"threshold"`
	Deadline    time.Time   `bson:"deadline"`
	DecidedBody string      `bson:"decided_body,omitempty"`
	MergedInto  domain.ID   `bson:"merged_into,omitempty"`
	CreatedAt   time.Time   `bson:"created_at"`
	ReportID    domain.ID   `bson:"report_id,omitempty"` // the patrol report it came from
}

func toTopic(d topicDoc) Topic {
	t := Topic{
		ID: d.ID, CommunityID: d.CommunityID, Title: d.Title, Body: d.Body,
		Category: Category(d.Category), ProposerID: d.ProposerID, RecordedBy: d.RecordedBy, Witness: d.Witness,
		Source: Source(d.Source), State: State(d.State), Threshold: d.Threshold, Deadline: d.Deadline,
		DecidedBody: Body(d.DecidedBody), MergedInto: d.MergedInto, CreatedAt: d.CreatedAt, ReportID: d.ReportID,
	}
	t.GridIDs = append(t.GridIDs, d.GridIDs...)
	return t
}

type supportDoc struct {
	ID          string    `bson:"_id"`
	TopicID     domain.ID `bson:"topic_id"`
	CommunityID domain.ID `bson:"community_id"`
	UserID      domain.ID `bson:"user_id"`
	CarriedFrom domain.ID `bson:"carried_from,omitempty"` // the merged topic it came from
	RecordedBy  domain.ID `bson:"recorded_by,omitempty"`  // a grid worker, for an assisted resident
	Witness     string    `bson:"witness,omitempty"`
	CreatedAt   time.Time `bson:"created_at"`
}

func supportID(topic, user domain.ID) string { return string(topic) + "/" + string(user) }

type commentDoc struct {
	ID           domain.ID `bson:"_id"`
	TopicID      domain.ID `bson:"topic_id"`
	CommunityID  domain.ID `bson:"community_id"`
	AuthorID     domain.ID `bson:"author_id"`
	ParentID     domain.ID `bson:"parent_id,omitempty"`
	Body         string    `bson:"body"`
	CreatedAt    time.Time `bson:"created_at"`
	EditedAt     time.Time `bson:"edited_at,omitempty"`
	Hidden       bool      `bson:"hidden"`
	HiddenReason string    `bson:"hidden_reason,omitempty"`
	HiddenBy     domain.ID `bson:"hidden_by,omitempty"`
}

type reportDoc struct {
	ID        string    `bson:"_id"`
	CommentID domain.ID `bson:"comment_id"`
	TopicID   domain.ID `bson:"topic_id"`
	UserID    domain.ID `bson:"user_id"`
	Reason    string    `bson:"reason"`
	CreatedAt time.Time `bson:"created_at"`
}

// eventDoc is a timeline event, or (in claimsColl) the claim of a state
// change, in the same shape.
type eventDoc struct {
	ID          string    `bson:"_id"`
	TopicID     domain.ID `bson:"topic_id"`
	CommunityID domain.ID `bson:"community_id"`
	Kind        string    `bson:"kind"`
	ActorID     domain.ID `bson:"actor_id,omitempty"`
	Note        string    `bson:"note,omitempty"`
	Other       string    `bson:"other,omitempty"` // the other topic of a merge, the draw of a draw, the rule of a pool
	At          time.Time `bson:"at"`
	// A decision claim holds the decision, so that RepairTopics can finish
	// it after a crash.
	Decision string    `bson:"decision,omitempty"`
	Body     string    `bson:"body,omitempty"`
	Into     domain.ID `bson:"into,omitempty"`
}
