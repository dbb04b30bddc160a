package notify

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// findPrefs reads the stored preferences of several users in one query;
// users who never changed theirs are absent.
func (s *Service) findPrefs(ctx context.Context, ids []domain.ID) ([]prefsDoc, error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = string(id)
	}
	return db.FindAll[prefsDoc](ctx, s.db.Collection(prefsColl), bson.M{"_id": bson.M{"$in": keys}})
}

// savePrefs stores a user's preferences, replacing any before.
func (s *Service) savePrefs(ctx context.Context, userID domain.ID, p Preferences) error {
	d := prefsDoc{UserID: userID, Off: []string{}, Digest: p.Digest, QuietEnabled: p.QuietEnabled, QuietStart: p.QuietStart, QuietEnd: p.QuietEnd}
	for _, k := range p.Off {
		d.Off = append(d.Off, string(k))
	}
	return db.Upsert(ctx, s.db.Collection(prefsColl), string(d.UserID), d)
}

// feedVersion is the user's current feed token version (0 before any
// regeneration).
func (s *Service) feedVersion(ctx context.Context, userID domain.ID) (int, error) {
	d, err := db.FindByID[calendarDoc](ctx, s.db.Collection(calendarColl), string(userID))
	if err != nil && !db.IsNotFound(err) {
		return 0, err
	}
	return d.Version, nil
}

// saveFeedVersion stores the user's feed token version, replacing any
// before.
func (s *Service) saveFeedVersion(ctx context.Context, userID domain.ID, version int) error {
	return db.Upsert(ctx, s.db.Collection(calendarColl), string(userID), calendarDoc{UserID: userID, Version: version})
}

// insertSecret stores a secret unless one of that name exists: of several
// instances, the first to insert it wins, and the value never changes.
func (s *Service) insertSecret(ctx context.Context, d secretDoc) error {
	_, err := db.InsertOnce(ctx, s.db.Collection(secretsColl), d)
	return err
}

// findSecret reads a secret. Errors: NotFound.
func (s *Service) findSecret(ctx context.Context, name string) (secretDoc, error) {
	return db.FindByID[secretDoc](ctx, s.db.Collection(secretsColl), name)
}
