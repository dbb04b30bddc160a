package deliberation

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// Draw pools. The people a seat rule may draw are fixed when the seed is
// published: otherwise whoever knows the seed could compute everyone's rank
// and then change the pool (grant a role, approve a join, register a
// resident) so that the lot falls on someone chosen. Each pool's size and
// hash go on the topic's timeline; draws and VerifyDraw use the pool alone.

// PoolHash is the published fingerprint of a pool: the SHA-256 of its
// sorted user IDs, one per line, in hex. Anyone holding the list can check
// it.
func PoolHash(members []string) string {
	sum := sha256.Sum256([]byte(strings.Join(members, "\n")))
	return hex.EncodeToString(sum[:])
}

func drawable(kind SeatKind) bool { return kind == AffectedResidents || kind == PartyMembers }

// fixPools fixes the pool of each drawable rule of the panel, once (the
// first insert wins), and puts each pool's size and hash on the timeline.
func (s *Service) fixPools(ctx context.Context, t Topic, p Panel) error {
	for _, r := range p.Rules {
		if !drawable(r.Kind) {
			continue
		}
		if _, err := s.pool(ctx, t, r.Kind, r.GridID); err != nil {
			return err
		}
	}
	return nil
}

// pool returns a rule's fixed pool, fixing it first if the seed was
// published before pools were kept.
func (s *Service) pool(ctx context.Context, t Topic, kind SeatKind, grid domain.ID) ([]domain.ID, error) {
	d, err := s.findPool(ctx, poolID(t.ID, kind, grid))
	if err == nil {
		return d.Members, nil
	}
	if domain.ErrorCode(err) != domain.NotFound {
		return nil, err
	}
	members, err := s.livePool(ctx, t, kind, grid)
	if err != nil {
		return nil, err
	}
	d = poolDoc{ID: poolID(t.ID, kind, grid), TopicID: t.ID, Kind: string(kind), GridID: grid,
		Members: orEmpty(members), Hash: PoolHash(strs(members)), At: s.now().UTC()}
	if won, err := s.insertPool(ctx, d); err != nil {
		return nil, err
	} else if !won { // fixed meanwhile: that one holds
		return s.pool(ctx, t, kind, grid)
	}
	note := fmt.Sprintf("%d %s", len(d.Members), d.Hash)
	if err := s.event(ctx, t, "pool", domain.ActorFromContext(ctx).UserID, note, string(kind)+"/"+string(grid)); err != nil {
		return nil, err
	}
	return members, nil
}

// livePool lists, sorted, the community's members a rule may draw now: for
// affected residents, the residents of the grid; for party members, the
// party role.
func (s *Service) livePool(ctx context.Context, t Topic, kind SeatKind, grid domain.ID) ([]domain.ID, error) {
	var f community.MemberFilter
	switch kind {
	case AffectedResidents:
		r := domain.RoleResident
		f = community.MemberFilter{Role: &r, GridID: &grid}
		if !slices.Contains(t.GridIDs, grid) {
			return nil, domain.InvalidField("gridId", "请选择议题涉及的网格", "choose one of the topic's grids")
		}
	case PartyMembers:
		r := domain.RolePartyMember
		f.Role = &r
	default:
		return nil, domain.InvalidField("kind", "该类席位由提名产生，不抽签", "seats of this kind are nominated, not drawn")
	}
	var out []domain.ID
	page := domain.Page{First: domain.MaxPageSize}
	for {
		l, err := s.comms.Members(ctx, t.CommunityID, f, page)
		if err != nil {
			return nil, err
		}
		for _, m := range l.Items {
			out = append(out, m.UserID)
		}
		if !l.HasNextPage {
			break
		}
		page.After = l.Items[len(l.Items)-1].ID()
	}
	slices.Sort(out)
	return out, nil
}
