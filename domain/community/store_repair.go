package community

import (
	"context"
	"slices"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// RepairRoles rebuilds the roles cached on member documents from the grants
// (member_roles, the truth) wherever they differ, as a stop between a grant
// and its cache can leave them; it returns how many members it fixed. It
// serves start-up and the daily clean-up.
func (s *Service) RepairRoles(ctx context.Context) (int, error) {
	grants, err := db.FindAll[roleDoc](ctx, s.db.Collection(rolesColl), bson.M{})
	if err != nil {
		return 0, err
	}
	byMember := map[domain.ID][]roleDoc{}
	for _, g := range grants {
		id := MemberID(g.CommunityID, g.UserID)
		byMember[id] = append(byMember[id], g)
	}
	members, err := db.FindAll[memberDoc](ctx, s.db.Collection(membersColl), bson.M{})
	if err != nil {
		return 0, err
	}
	fixed := 0
	for _, m := range members {
		roles, grids := cachedRoles(byMember[m.ID])
		if slices.Equal(roles, sorted(m.Roles)) && slices.Equal(grids, sorted(m.WorkerGrids)) {
			continue
		}
		if err := s.setMemberRoles(ctx, m.ID, roles, grids); err != nil {
			return fixed, err
		}
		fixed++
	}
	return fixed, nil
}

func sorted(ss []string) []string {
	out := slices.Clone(ss)
	if out == nil {
		out = []string{}
	}
	slices.Sort(out)
	return out
}
