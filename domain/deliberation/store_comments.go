package deliberation

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Comments and the reports on them.

// insertComment stores a new comment.
func (s *Service) insertComment(ctx context.Context, d commentDoc) error {
	return db.Insert(ctx, s.db.Collection(commentsColl), d)
}

// findComment reads a comment, whatever the actor. Errors: NotFound.
func (s *Service) findComment(ctx context.Context, id domain.ID) (commentDoc, error) {
	return db.FindByIDOr[commentDoc](ctx, s.db.Collection(commentsColl), string(id), errCommentNotFound)
}

// setCommentBody replaces a comment's text, edited at at.
func (s *Service) setCommentBody(ctx context.Context, id domain.ID, body string, at time.Time) error {
	return db.UpdateByID(ctx, s.db.Collection(commentsColl), string(id), bson.M{"$set": bson.M{"body": body, "edited_at": at}})
}

// hideComment marks a comment hidden by a committee member, with the reason.
func (s *Service) hideComment(ctx context.Context, id domain.ID, reason string, by domain.ID) error {
	set := bson.M{"hidden": true, "hidden_reason": reason, "hidden_by": string(by)}
	return db.UpdateByID(ctx, s.db.Collection(commentsColl), string(id), bson.M{"$set": set})
}

// findCommentPage reads one page of a topic's comments, oldest first.
func (s *Service) findCommentPage(ctx context.Context, topicID domain.ID, page domain.Page) (domain.List[Comment], error) {
	docs, next, total, err := db.FindPage[commentDoc](ctx, s.db.Collection(commentsColl), bson.M{"topic_id": string(topicID)}, page)
	l := domain.List[Comment]{HasNextPage: next, TotalCount: total, Items: make([]Comment, len(docs))}
	for i, d := range docs {
		l.Items[i] = toComment(d)
	}
	return l, err
}

// countVisibleComments counts the comments not hidden of several topics in
// one query.
func (s *Service) countVisibleComments(ctx context.Context, topicIDs []domain.ID) (map[domain.ID]int, error) {
	cur, err := s.db.Collection(commentsColl).Aggregate(ctx, []bson.M{
		{"$match": bson.M{"topic_id": bson.M{"$in": strs(topicIDs)}, "hidden": false}},
		{"$group": bson.M{"_id": "$topic_id", "n": bson.M{"$sum": 1}}},
	})
	if err != nil {
		return nil, db.Err("count "+commentsColl, err)
	}
	var rows []struct {
		ID domain.ID `bson:"_id"`
		N  int       `bson:"n"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, db.Err("read counts", err)
	}
	out := make(map[domain.ID]int, len(topicIDs))
	for _, r := range rows {
		out[r.ID] = r.N
	}
	return out, nil
}

// insertReport stores a report on a comment; a second report of the same
// member on the same comment changes nothing (the report's _id is
// comment/user).
func (s *Service) insertReport(ctx context.Context, d reportDoc) error {
	_, err := db.InsertOnce(ctx, s.db.Collection(reportsColl), d)
	return err
}

// countReports counts the reports on each comment of a topic.
func (s *Service) countReports(ctx context.Context, topicID domain.ID) (map[domain.ID]int, error) {
	docs, err := db.FindAll[reportDoc](ctx, s.db.Collection(reportsColl), bson.M{"topic_id": string(topicID)})
	out := map[domain.ID]int{}
	for _, d := range docs {
		out[d.CommentID]++
	}
	return out, err
}
