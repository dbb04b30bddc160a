package community

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// The last-admin guard counts the admins, then revokes: two admins revoking
// each other at once could both see two and leave none. A revocation of an
// admin role first claims the community's admin changes (one document per
// community: the first insert wins), so such revocations run one at a time
// on every store and across instances. A claim left by a crash lapses after
// adminClaimTTL.
const (
	adminClaimsColl = "admin_claims" // _id is the community
	adminClaimTTL   = time.Minute
)

type adminClaimDoc struct {
	ID domain.ID `bson:"_id"`
	At time.Time `bson:"at"`
}

var errAdminChangeBusy = domain.Errorf(domain.Conflict, "另一项管理员变更正在进行，请稍后再试", "another change of admins is under way; try again shortly")

// claimAdminChange claims the community's admin changes and returns the
// function that releases the claim. Errors: Conflict (claimed by another).
func (s *Service) claimAdminChange(ctx context.Context, communityID domain.ID) (release func(), err error) {
	now := s.now().UTC()
	c := s.db.Collection(adminClaimsColl)
	d := adminClaimDoc{ID: communityID, At: now}
	for try := 0; try < 2; try++ {
		won, err := db.InsertOnce(ctx, c, d)
		if err != nil {
			return nil, err
		}
		if won {
			return func() { _, _ = db.DeleteOne(context.WithoutCancel(ctx), c, bson.M{"_id": d.ID, "at": d.At}) }, nil
		}
		// A lapsed claim (its holder stopped) is taken away, once.
		if _, err := db.DeleteOne(ctx, c, bson.M{"_id": d.ID, "at": bson.M{"$lt": now.Add(-adminClaimTTL)}}); err != nil {
			return nil, err
		}
	}
	return nil, errAdminChangeBusy
}
