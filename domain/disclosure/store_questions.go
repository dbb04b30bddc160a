package disclosure

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Questions. A question changes state by conditional updates that name the
// states it may leave: it is escalated once and answered once.

// insertQuestion stores a new question.
func (s *Service) insertQuestion(ctx context.Context, d questionDoc) error {
	return db.Insert(ctx, s.db.Collection(questionsColl), d)
}

// findQuestion reads a question, whatever the actor. Errors: NotFound.
func (s *Service) findQuestion(ctx context.Context, id domain.ID) (questionDoc, error) {
	return db.FindByIDOr[questionDoc](ctx, s.db.Collection(questionsColl), string(id), errQuestionNotFound)
}

// findQuestionPage reads one page of a disclosure's questions in the order
// asked, and counts them.
func (s *Service) findQuestionPage(ctx context.Context, disclosureID domain.ID, page domain.Page) (domain.List[Question], error) {
	docs, next, total, err := db.FindPage[questionDoc](ctx, s.db.Collection(questionsColl), bson.M{"disclosure_id": string(disclosureID)}, page)
	l := domain.List[Question]{HasNextPage: next, TotalCount: total, Items: make([]Question, len(docs))}
	for i, d := range docs {
		l.Items[i] = toQuestion(d)
	}
	return l, err
}

// questionRef is what counting and repairing questions read of each.
type questionRef struct {
	ID          domain.ID `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	Kind        string    `bson:"kind"`
	State       string    `bson:"state"`
	OnTime      bool      `bson:"on_time"`
	Escalated   bool      `bson:"escalated"`
}

// findQuestionRefs reads what counting needs of a community's questions.
func (s *Service) findQuestionRefs(ctx context.Context, communityID domain.ID) ([]questionRef, error) {
	return db.FindAll[questionRef](ctx, s.db.Collection(questionsColl), bson.M{"community_id": string(communityID)},
		options.Find().SetProjection(bson.M{"community_id": 1, "kind": 1, "state": 1, "on_time": 1, "escalated": 1}))
}

// findUnanswered reads a community's questions not answered.
func (s *Service) findUnanswered(ctx context.Context, communityID domain.ID) ([]questionDoc, error) {
	return db.FindAll[questionDoc](ctx, s.db.Collection(questionsColl), bson.M{
		"community_id": string(communityID), "state": bson.M{"$in": bson.A{string(QuestionOpen), string(QuestionEscalated)}},
	})
}

// findDueQuestions reads the open questions due at or before now, of all
// communities.
func (s *Service) findDueQuestions(ctx context.Context, now time.Time) ([]questionDoc, error) {
	return db.FindAll[questionDoc](ctx, s.db.Collection(questionsColl), bson.M{"state": string(QuestionOpen), "due_at": bson.M{"$lte": now.UTC()}})
}

// findAnsweredRefs reads every answered question, for the repair.
func (s *Service) findAnsweredRefs(ctx context.Context) ([]questionDoc, error) {
	return db.FindAll[questionDoc](ctx, s.db.Collection(questionsColl), bson.M{"state": string(QuestionAnswered)})
}

// setEscalated escalates an open question and reports whether it was
// open.
func (s *Service) setEscalated(ctx context.Context, id domain.ID, at time.Time) (bool, error) {
	return db.Update(ctx, s.db.Collection(questionsColl), bson.M{"_id": string(id), "state": string(QuestionOpen)},
		bson.M{"$set": bson.M{"state": string(QuestionEscalated), "escalated": true, "escalated_at": at}})
}

// setAnswered stores q's answer if the question is in one of states, and
// reports whether it was.
func (s *Service) setAnswered(ctx context.Context, q questionDoc, states []QuestionState) (bool, error) {
	in := bson.A{}
	for _, st := range states {
		in = append(in, string(st))
	}
	return db.Update(ctx, s.db.Collection(questionsColl), bson.M{"_id": string(q.ID), "state": bson.M{"$in": in}}, bson.M{"$set": bson.M{
		"state": string(QuestionAnswered), "answer": q.Answer, "answered_by": string(q.AnsweredBy),
		"answered_role": q.AnsweredRole, "answered_at": q.AnsweredAt, "on_time": q.OnTime,
	}})
}

// setFollowUp stores q's follow-up note if the question is escalated and
// not yet followed up, and reports whether it was.
func (s *Service) setFollowUp(ctx context.Context, q questionDoc) (bool, error) {
	return db.Update(ctx, s.db.Collection(questionsColl),
		bson.M{"_id": string(q.ID), "state": string(QuestionEscalated), "follow_up_at": bson.M{"$exists": false}},
		bson.M{"$set": bson.M{"follow_up": q.FollowUp, "follow_up_by": string(q.FollowUpBy), "follow_up_at": q.FollowUpAt}})
}

// findQuestionsOn reads the questions on some disclosures, oldest first,
// in one query.
func (s *Service) findQuestionsOn(ctx context.Context, disclosureIDs []domain.ID) ([]Question, error) {
	docs, err := db.FindAll[questionDoc](ctx, s.db.Collection(questionsColl), bson.M{"disclosure_id": bson.M{"$in": strs(disclosureIDs)}},
		options.Find().SetSort(bson.D{{Key: "asked_at", Value: 1}}))
	out := make([]Question, len(docs))
	for i, d := range docs {
		out[i] = toQuestion(d)
	}
	return out, err
}
