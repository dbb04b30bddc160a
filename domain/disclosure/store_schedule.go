package disclosure

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/db"
)

// Schedules and the community's own sub-categories.

// findSchedule reads a community's schedule settings; a community that set
// none has an empty document.
func (s *Service) findSchedule(ctx context.Context, communityID domain.ID) (scheduleDoc, error) {
	d, err := db.FindByID[scheduleDoc](ctx, s.db.Collection(schedulesColl), string(communityID))
	if db.IsNotFound(err) {
		return scheduleDoc{ID: communityID}, nil
	}
	return d, err
}

// setSchedule sets the given fields of a community's schedule, creating it
// when missing.
func (s *Service) setSchedule(ctx context.Context, communityID domain.ID, fields map[string]any) error {
	_, err := s.db.Collection(schedulesColl).UpdateOne(ctx, bson.M{"_id": string(communityID)}, bson.M{"$set": bson.M(fields)},
		options.UpdateOne().SetUpsert(true))
	return db.Err("set disclosure schedule", err)
}

// toSchedule is c's schedule: d's settings over the defaults.
func toSchedule(c community.Community, d scheduleDoc) Schedule {
	days := func(n int) int {
		if n == 0 {
			return DefaultDueDays
		}
		return n
	}
	finance := Monthly
	if d.FinanceCadence == string(Quarterly) {
		finance = Quarterly
	}
	since := mustDate(d.Since)
	if since.IsZero() {
		since = DateOf(c.CreatedAt, c.Location())
	}
	return Schedule{
		CommunityID: c.ID, Since: since, UpdatedBy: d.UpdatedBy, UpdatedAt: d.UpdatedAt,
		Rules: []Rule{
			{Kind: KindParty, Cadence: PerEvent, DueDays: days(d.PartyDueDays)},
			{Kind: KindVillage, Cadence: Quarterly, DueDays: days(d.VillageDueDays)},
			{Kind: KindFinance, Cadence: finance, DueDays: days(d.FinanceDueDays)},
			{Kind: KindPower, Cadence: PerEvent, DueDays: days(d.PowerDueDays)},
		},
	}
}

// findCategories reads a community's own sub-categories.
func (s *Service) findCategories(ctx context.Context, communityID domain.ID) ([]Category, error) {
	docs, err := db.FindAll[categoryDoc](ctx, s.db.Collection(categoriesColl), bson.M{"community_id": string(communityID)},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}}))
	out := make([]Category, len(docs))
	for i, d := range docs {
		out[i] = toCategory(d)
	}
	return out, err
}

// insertCategory stores a sub-category; won is false when its name is
// taken under its account (the _id).
func (s *Service) insertCategory(ctx context.Context, d categoryDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(categoriesColl), d)
}
