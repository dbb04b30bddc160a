package deliberation

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Resolutions, the objections to them and their ratings. (Their action
// items: store_items.go.)

const (
	resolutionsColl = "resolutions" // _id is the motion
	itemsColl       = "action_items"
	objectionsColl  = "objections"
	ratingsColl     = "ratings" // _id is resolution/user: one rating each
)

type resolutionDoc struct {
	ID          domain.ID `bson:"_id"`
	TopicID     domain.ID `bson:"topic_id"`
	CommunityID domain.ID `bson:"community_id"`
	Text        string    `bson:"text"`
	AdoptedAt   time.Time `bson:"adopted_at"`
	EffectiveAt time.Time `bson:"effective_at"`
	Summary     string    `bson:"summary,omitempty"`
	// UnfinishedReason says why it was closed with action items not done.
	UnfinishedReason string    `bson:"unfinished_reason,omitempty"`
	ClosedAt         time.Time `bson:"closed_at,omitempty"`
}

type objectionDoc struct {
	ID           domain.ID `bson:"_id"`
	ResolutionID domain.ID `bson:"resolution_id"`
	ByID         domain.ID `bson:"by_id"`
	Text         string    `bson:"text"`
	At           time.Time `bson:"at"`
	Answer       string    `bson:"answer,omitempty"`
	AnsweredAt   time.Time `bson:"answered_at,omitempty"`
}

type ratingDoc struct {
	ID           string    `bson:"_id"`
	ResolutionID domain.ID `bson:"resolution_id"`
	UserID       domain.ID `bson:"user_id"`
	Stars        int       `bson:"stars"`
	At           time.Time `bson:"at"`
}

func toResolution(d resolutionDoc) Resolution {
	return Resolution{ID: d.ID, TopicID: d.TopicID, CommunityID: d.CommunityID, Text: d.Text,
		AdoptedAt: d.AdoptedAt, EffectiveAt: d.EffectiveAt, Summary: d.Summary, UnfinishedReason: d.UnfinishedReason, ClosedAt: d.ClosedAt}
}

// insertResolution stores a new resolution; one adopted before holds (the
// resolution's _id is the motion's).
func (s *Service) insertResolution(ctx context.Context, d resolutionDoc) error {
	_, err := db.InsertOnce(ctx, s.db.Collection(resolutionsColl), d)
	return err
}

// findResolution reads a resolution, whatever the actor. Errors: NotFound.
func (s *Service) findResolution(ctx context.Context, id domain.ID) (resolutionDoc, error) {
	return db.FindByIDOr[resolutionDoc](ctx, s.db.Collection(resolutionsColl), string(id), errResolutionNotFound)
}

// findResolutions reads a community's resolutions, newest first.
func (s *Service) findResolutions(ctx context.Context, communityID domain.ID) ([]resolutionDoc, error) {
	return db.FindAll[resolutionDoc](ctx, s.db.Collection(resolutionsColl), bson.M{"community_id": string(communityID)},
		options.Find().SetSort(bson.D{{Key: "adopted_at", Value: -1}, {Key: "_id", Value: -1}}))
}

// setResolutionClosed records a resolution's closing (summary, the reason
// when unfinished), closed at at, unless it was closed before; closed is
// false then.
func (s *Service) setResolutionClosed(ctx context.Context, id domain.ID, summary, unfinishedReason string, at time.Time) (closed bool, err error) {
	set := bson.M{"summary": summary, "closed_at": at}
	if unfinishedReason != "" {
		set["unfinished_reason"] = unfinishedReason
	}
	return db.Update(ctx, s.db.Collection(resolutionsColl), bson.M{"_id": string(id), "closed_at": bson.M{"$exists": false}}, bson.M{"$set": set})
}

// countUnanswered counts each resolution's unanswered objections, in one
// query.
func (s *Service) countUnanswered(ctx context.Context, ids []domain.ID) (map[domain.ID]int, error) {
	docs, err := db.FindAll[objectionDoc](ctx, s.db.Collection(objectionsColl), bson.M{"resolution_id": bson.M{"$in": strs(ids)}, "answer": bson.M{"$in": bson.A{nil, ""}}},
		options.Find().SetProjection(bson.M{"resolution_id": 1}))
	out := map[domain.ID]int{}
	for _, d := range docs {
		out[d.ResolutionID]++
	}
	return out, err
}

// insertObjection stores a new objection.
func (s *Service) insertObjection(ctx context.Context, d objectionDoc) error {
	return db.Insert(ctx, s.db.Collection(objectionsColl), d)
}

// findObjection reads an objection, whatever the actor. Errors: NotFound.
func (s *Service) findObjection(ctx context.Context, id domain.ID) (objectionDoc, error) {
	return db.FindByIDOr[objectionDoc](ctx, s.db.Collection(objectionsColl), string(id), domain.ErrNotFound("异议", "objection"))
}

// findObjections reads a resolution's objections.
func (s *Service) findObjections(ctx context.Context, resolutionID domain.ID) ([]objectionDoc, error) {
	return db.FindAll[objectionDoc](ctx, s.db.Collection(objectionsColl), bson.M{"resolution_id": string(resolutionID)})
}

// setObjectionAnswer records the committee's answer to an objection.
func (s *Service) setObjectionAnswer(ctx context.Context, id domain.ID, answer string, at time.Time) error {
	return db.UpdateByID(ctx, s.db.Collection(objectionsColl), string(id), bson.M{"$set": bson.M{"answer": answer, "answered_at": at}})
}

// insertRating stores a rating; won is false when the resident has rated
// the resolution already (the rating's _id is resolution/user).
func (s *Service) insertRating(ctx context.Context, d ratingDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(ratingsColl), d)
}

// replaceRating changes a rating to d's stars and time.
func (s *Service) replaceRating(ctx context.Context, d ratingDoc) error {
	return db.UpdateByID(ctx, s.db.Collection(ratingsColl), d.ID, bson.M{"$set": bson.M{"stars": d.Stars, "at": d.At}})
}

// findRating reads a resident's rating of a resolution. Errors: NotFound.
func (s *Service) findRating(ctx context.Context, resolutionID, user domain.ID) (ratingDoc, error) {
	return db.FindByID[ratingDoc](ctx, s.db.Collection(ratingsColl), string(resolutionID)+"/"+string(user))
}

// findRatings reads the ratings of several resolutions in one query.
func (s *Service) findRatings(ctx context.Context, resolutionIDs []domain.ID) ([]ratingDoc, error) {
	return db.FindAll[ratingDoc](ctx, s.db.Collection(ratingsColl), bson.M{"resolution_id": bson.M{"$in": strs(resolutionIDs)}})
}

// findAllResolutions reads every resolution (for RecordMissing).
func (s *Service) findAllResolutions(ctx context.Context) ([]resolutionDoc, error) {
	return db.FindAll[resolutionDoc](ctx, s.db.Collection(resolutionsColl), bson.M{})
}
