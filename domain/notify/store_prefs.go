package notify

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

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

// prefsChange is a change of some preferences; nil fields stay.
type prefsChange struct {
	Off          *[]Kind // the kinds turned off, all of them
	TurnOff      Kind    // one more kind turned off
	Digest       *bool
	QuietEnabled *bool
	QuietStart   *int
	QuietEnd     *int
}

// changePrefs applies c to a user's stored preferences (the defaults when
// there are none yet) in one atomic update: a change made at the same time
// to other fields is kept.
func (s *Service) changePrefs(ctx context.Context, userID domain.ID, c prefsChange) error {
	def := DefaultPreferences()
	set, onInsert := bson.M{}, bson.M{}
	field := func(name string, v, d any, given bool) {
		if given {
			set[name] = v
		} else {
			onInsert[name] = d
		}
	}
	field("digest", ptrValue(c.Digest), def.Digest, c.Digest != nil)
	field("quiet_enabled", ptrValue(c.QuietEnabled), def.QuietEnabled, c.QuietEnabled != nil)
	field("quiet_start", ptrValue(c.QuietStart), def.QuietStart, c.QuietStart != nil)
	field("quiet_end", ptrValue(c.QuietEnd), def.QuietEnd, c.QuietEnd != nil)
	update := bson.M{}
	switch {
	case c.Off != nil:
		off := []string{}
		for _, k := range *c.Off {
			off = append(off, string(k))
		}
		set["off"] = off
	case c.TurnOff != "":
		update["$addToSet"] = bson.M{"off": string(c.TurnOff)}
	default:
		onInsert["off"] = []string{}
	}
	if len(set) > 0 {
		update["$set"] = set
	}
	if len(onInsert) > 0 {
		update["$setOnInsert"] = onInsert
	}
	_, err := s.db.Collection(prefsColl).UpdateOne(ctx, bson.M{"_id": string(userID)}, update, options.UpdateOne().SetUpsert(true))
	return db.Err("change preferences", err)
}

func ptrValue[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
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
