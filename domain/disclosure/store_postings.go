package disclosure

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Postings and read counts.

// insertPosting stores a posting; won is false when its _id (version,
// micro-grid, day, way) is taken.
func (s *Service) insertPosting(ctx context.Context, d postingDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(postingsColl), d)
}

// findPosting reads a posting. Errors: NotFound.
func (s *Service) findPosting(ctx context.Context, id string) (postingDoc, error) {
	return db.FindByID[postingDoc](ctx, s.db.Collection(postingsColl), id)
}

// findPostings reads a disclosure's postings by date.
func (s *Service) findPostings(ctx context.Context, disclosureID domain.ID) ([]postingDoc, error) {
	return db.FindAll[postingDoc](ctx, s.db.Collection(postingsColl), bson.M{"disclosure_id": string(disclosureID)},
		options.Find().SetSort(bson.D{{Key: "date", Value: 1}, {Key: "_id", Value: 1}}))
}

// incrementReads adds one to a version's read counter and returns it.
func (s *Service) incrementReads(ctx context.Context, versionID domain.ID) (int, error) {
	return db.Increment(ctx, s.db.Collection(readsColl), string(versionID), nil)
}

// findReadCounts reads the counters of versions.
func (s *Service) findReadCounts(ctx context.Context, ids []domain.ID) (map[domain.ID]int, error) {
	docs, err := db.FindAll[readDoc](ctx, s.db.Collection(readsColl), bson.M{"_id": bson.M{"$in": strs(ids)}})
	out := make(map[domain.ID]int, len(docs))
	for _, d := range docs {
		out[domain.ID(d.ID)] = d.N
	}
	return out, err
}
