package deliberation

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Motions, their votes and their published results.

const (
	motionsColl = "motions"
	votesColl   = "votes"   // _id is motion/voter: one vote each
	resultsColl = "results" // _id is the motion: the result published at close
)

type motionDoc struct {
	ID          domain.ID  `bson:"_id"`
	TopicID     domain.ID  `bson:"topic_id"`
	CommunityID domain.ID  `bson:"community_id"`
	Text        string     `bson:"text"`
	Method      string     `bson:"method"`
	Secret      bool       `bson:"secret"`
	Deadline    time.Time  `bson:"deadline"`
	Voters      []voterDoc `bson:"voters"`
	QuorumNum   int        `bson:"quorum_num"`
	QuorumDen   int        `bson:"quorum_den"`
	CreatedAt   time.Time  `bson:"created_at"`
}

type voterDoc struct {
	UserID domain.ID `bson:"user_id"`
	Party  string    `bson:"party,omitempty"`
}

// voteDoc is one version of a voter's vote: a change of mind adds a
// version (_id motion/voter/n, n from 1) and never rewrites one, so the
// count of any moment can be made again. Versions stored by older versions
// of Yishi have _id motion/voter and n 0.
type voteDoc struct {
	ID         string    `bson:"_id"`
	MotionID   domain.ID `bson:"motion_id"`
	VoterID    domain.ID `bson:"voter_id"`
	N          int       `bson:"n,omitempty"`
	Choice     string    `bson:"choice"`
	RecordedBy domain.ID `bson:"recorded_by,omitempty"` // a grid worker, for an assisted vote
	Witness    string    `bson:"witness,omitempty"`
	At         time.Time `bson:"at"`
}

type resultDoc struct {
	MotionID domain.ID        `bson:"_id"`
	Yes      int              `bson:"yes"`
	No       int              `bson:"no"`
	Abstain  int              `bson:"abstain"`
	Voters   int              `bson:"voters"`
	Quorum   bool             `bson:"quorum"`
	Passed   bool             `bson:"passed"`
	Parties  map[string][]int `bson:"parties,omitempty"`
	ClosedAt time.Time        `bson:"closed_at"`
}

func toMotion(d motionDoc, closed bool) Motion {
	m := Motion{ID: d.ID, TopicID: d.TopicID, CommunityID: d.CommunityID, Text: d.Text,
		Method: Method(d.Method), Secret: d.Secret, Deadline: d.Deadline, Closed: closed, QuorumNum: d.QuorumNum, QuorumDen: d.QuorumDen}
	for _, v := range d.Voters {
		m.Voters = append(m.Voters, Voter{UserID: v.UserID, Party: Party(v.Party)})
	}
	return m
}

// insertMotion stores a new motion.
func (s *Service) insertMotion(ctx context.Context, d motionDoc) error {
	return db.Insert(ctx, s.db.Collection(motionsColl), d)
}

// findMotion reads a motion, whatever the actor. Errors: NotFound.
func (s *Service) findMotion(ctx context.Context, id domain.ID) (motionDoc, error) {
	return db.FindByIDOr[motionDoc](ctx, s.db.Collection(motionsColl), string(id), errMotionNotFound)
}

// findMotions reads a topic's motions, oldest first.
func (s *Service) findMotions(ctx context.Context, topicID domain.ID) ([]motionDoc, error) {
	return db.FindAll[motionDoc](ctx, s.db.Collection(motionsColl), bson.M{"topic_id": string(topicID)}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}

// findMotionsOnTopics reads the motions of several topics, oldest first.
func (s *Service) findMotionsOnTopics(ctx context.Context, topicIDs []domain.ID) ([]motionDoc, error) {
	return db.FindAll[motionDoc](ctx, s.db.Collection(motionsColl), bson.M{"topic_id": bson.M{"$in": strs(topicIDs)}}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}

// findCommunityMotions reads a community's motions, oldest first.
func (s *Service) findCommunityMotions(ctx context.Context, communityID domain.ID) ([]motionDoc, error) {
	return db.FindAll[motionDoc](ctx, s.db.Collection(motionsColl), bson.M{"community_id": string(communityID)}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}

// insertVote stores a version of a vote; won is false when a version with
// its _id exists.
func (s *Service) insertVote(ctx context.Context, d voteDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(votesColl), d)
}

// findVoterVotes reads every version of a voter's vote on a motion.
func (s *Service) findVoterVotes(ctx context.Context, motionID, voter domain.ID) ([]voteDoc, error) {
	return db.FindAll[voteDoc](ctx, s.db.Collection(votesColl), bson.M{"motion_id": string(motionID), "voter_id": string(voter)})
}

// findVotesUntil reads the versions of a motion's votes cast at or before
// until.
func (s *Service) findVotesUntil(ctx context.Context, motionID domain.ID, until time.Time) ([]voteDoc, error) {
	return db.FindAll[voteDoc](ctx, s.db.Collection(votesColl), bson.M{"motion_id": string(motionID), "at": bson.M{"$lte": until}})
}

// insertResult publishes a motion's result; won is false when one was
// published before (the result's _id is the motion's).
func (s *Service) insertResult(ctx context.Context, d resultDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(resultsColl), d)
}

// findResult reads a motion's published result. Errors: NotFound.
func (s *Service) findResult(ctx context.Context, motionID domain.ID) (resultDoc, error) {
	return db.FindByID[resultDoc](ctx, s.db.Collection(resultsColl), string(motionID))
}

// motionClosed reports whether a motion's result is published.
func (s *Service) motionClosed(ctx context.Context, motionID domain.ID) (bool, error) {
	n, err := db.Count(ctx, s.db.Collection(resultsColl), bson.M{"_id": string(motionID)})
	return n > 0, err
}

// closedMotions reports which of the motions have their result published,
// in one query.
func (s *Service) closedMotions(ctx context.Context, motionIDs []domain.ID) (map[domain.ID]bool, error) {
	results, err := db.FindAll[resultDoc](ctx, s.db.Collection(resultsColl), bson.M{"_id": bson.M{"$in": strs(motionIDs)}})
	if err != nil {
		return nil, err
	}
	closed := map[domain.ID]bool{}
	for _, r := range results {
		closed[r.MotionID] = true
	}
	return closed, nil
}

// findAllResults reads every published result (for RecordMissing).
func (s *Service) findAllResults(ctx context.Context) ([]resultDoc, error) {
	return db.FindAll[resultDoc](ctx, s.db.Collection(resultsColl), bson.M{})
}

// findMotionsByID reads motions by ID, in one query.
func (s *Service) findMotionsByID(ctx context.Context, ids []domain.ID) ([]motionDoc, error) {
	return db.FindAll[motionDoc](ctx, s.db.Collection(motionsColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
}
