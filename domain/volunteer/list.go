package volunteer

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// NeedFilter narrows the needs listed.
type NeedFilter struct {
	State *NeedState
	// Mine keeps the needs the actor posted or is helped by.
	Mine bool
}

// Needs lists a community's needs in the order posted: open and cancelled
// ones for its members; pending and rejected ones also for their posters,
// the residents helped, grid workers and coordinators. Addresses are left
// out as Need says. Errors: Unauthenticated, Forbidden, Invalid (page).
func (s *Service) Needs(ctx context.Context, communityID domain.ID, f NeedFilter, page domain.Page) (domain.List[Need], error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return domain.List[Need]{}, err
	}
	if err := page.Validate(); err != nil {
		return domain.List[Need]{}, err
	}
	docs, next, total, err := s.findNeedPage(ctx, communityID, needQuery{state: f.State, mine: f.Mine, user: a.UserID, staff: a.coordinator(),
		grids: a.WorkerGrids()}, page)
	l := domain.List[Need]{HasNextPage: next, TotalCount: total, Items: make([]Need, 0, len(docs))}
	for _, d := range docs {
		l.Items = append(l.Items, s.needFor(a, d))
	}
	return l, err
}

// needQuery is what findNeedPage filters on.
type needQuery struct {
	state *NeedState
	mine  bool
	user  domain.ID
	staff bool        // sees pending and rejected needs too
	grids []domain.ID // sees them in these grids (a grid worker's)
}

// Occurrences lists a need's occurrences in time order, to those who may
// see the need. Errors: Unauthenticated, Forbidden, NotFound.
func (s *Service) Occurrences(ctx context.Context, needID domain.ID) ([]Occurrence, error) {
	if _, err := s.Need(ctx, needID); err != nil {
		return nil, err
	}
	docs, err := s.findOccurrencesOf(ctx, needID)
	out := make([]Occurrence, len(docs))
	for i, d := range docs {
		out[i] = toOccurrence(d)
	}
	return out, err
}

// Occurrence returns one occurrence to those who may see its need.
// Errors: Unauthenticated, Forbidden, NotFound.
func (s *Service) Occurrence(ctx context.Context, id domain.ID) (Occurrence, error) {
	o, err := s.findOccurrence(ctx, id)
	if err != nil {
		return Occurrence{}, err
	}
	if _, err := s.Need(ctx, o.NeedID); err != nil {
		return Occurrence{}, err
	}
	return toOccurrence(o), nil
}

// Claims lists an occurrence's claims by slot: all of them to those who
// run the need (its poster, the resident helped, coordinators, grid
// workers of its grid), a volunteer's own to them. Errors:
// Unauthenticated, Forbidden, NotFound.
func (s *Service) Claims(ctx context.Context, occurrenceID domain.ID) ([]Claim, error) {
	o, n, err := s.occurrenceAndNeed(ctx, occurrenceID)
	if err != nil {
		return nil, err
	}
	a, err := s.requireMember(ctx, o.CommunityID)
	if err != nil {
		return nil, err
	}
	if !s.seesNeed(a, n) {
		return nil, errNeedNotFound
	}
	docs, err := s.findClaimsOf(ctx, o.ID)
	out := make([]Claim, 0, len(docs))
	for _, d := range docs {
		if staffOf(a, n) || d.Volunteer == a.UserID {
			out = append(out, toClaim(d))
		}
	}
	return out, err
}

// ClaimByID returns one claim to its volunteer and to those who run its need.
// Errors: Unauthenticated, NotFound (also to outsiders).
func (s *Service) ClaimByID(ctx context.Context, id domain.ID) (Claim, error) {
	d, err := s.findClaim(ctx, id)
	if err != nil {
		return Claim{}, err
	}
	a, err := s.readerOf(ctx, d.CommunityID, errClaimNotFound)
	if err != nil {
		return Claim{}, err
	}
	if d.Volunteer != a.UserID {
		n, err := s.findNeed(ctx, d.NeedID)
		if err != nil {
			return Claim{}, err
		}
		if !staffOf(a, n) {
			return Claim{}, errClaimNotFound
		}
	}
	return toClaim(d), nil
}

// Waiter is a volunteer on an occurrence's waitlist.
type Waiter struct {
	Volunteer domain.ID
	JoinedAt  time.Time
	Position  int // from 1
}

// Waitlist lists an occurrence's waitlist in order: all of it to those who
// run the need, the actor's own place to them. Errors: Unauthenticated,
// Forbidden, NotFound.
func (s *Service) Waitlist(ctx context.Context, occurrenceID domain.ID) ([]Waiter, error) {
	o, n, err := s.occurrenceAndNeed(ctx, occurrenceID)
	if err != nil {
		return nil, err
	}
	a, err := s.requireMember(ctx, o.CommunityID)
	if err != nil {
		return nil, err
	}
	if !s.seesNeed(a, n) {
		return nil, errNeedNotFound
	}
	ws, err := s.findWaiters(ctx, o.ID, 0)
	out := []Waiter{}
	for i, w := range ws {
		if staffOf(a, n) || w.Volunteer == a.UserID {
			out = append(out, Waiter{Volunteer: w.Volunteer, JoinedAt: w.JoinedAt, Position: i + 1})
		}
	}
	return out, err
}

// MyClaims lists the actor's claims in a community that end after since
// (now when zero), in time order: their tasks (我的任务). Errors:
// Unauthenticated, Forbidden.
func (s *Service) MyClaims(ctx context.Context, communityID domain.ID, since time.Time) ([]Claim, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return nil, err
	}
	if since.IsZero() {
		since = s.now()
	}
	docs, err := s.findVolunteerClaims(ctx, communityID, a.UserID, window{since.Add(-MaxNeedLength), since.Add(needAheadLimit)})
	out := make([]Claim, 0, len(docs))
	for _, d := range docs {
		if d.End.After(since) || d.State == string(CheckedIn) || d.State == string(CheckedOut) {
			out = append(out, toClaim(d))
		}
	}
	return out, err
}

// NeedsFromSource lists the needs a source posted, such as a resolution's
// action item (its global ID), oldest first: for members, as Need shows
// them. Errors: Unauthenticated, Forbidden.
func (s *Service) NeedsFromSource(ctx context.Context, communityID domain.ID, sourceRef string) ([]Need, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return nil, err
	}
	docs, err := s.findNeedsFromSource(ctx, communityID, sourceRef)
	out := make([]Need, 0, len(docs))
	for _, d := range docs {
		if s.seesNeed(a, d) {
			out = append(out, s.needFor(a, d))
		}
	}
	return out, err
}

// OccurrencesByNeed returns the occurrences of the needs with the given
// IDs that the actor may see, in time order, keyed by need: a fixed number
// of queries per community (for dataloaders); others are left out.
// Errors: Unauthenticated.
func (s *Service) OccurrencesByNeed(ctx context.Context, needIDs []domain.ID) (map[domain.ID][]Occurrence, error) {
	if _, err := domain.RequireUser(ctx); err != nil {
		return nil, err
	}
	needs, err := s.findNeedsByID(ctx, needIDs)
	if err != nil {
		return nil, err
	}
	seen := map[domain.ID]bool{}
	byCommunity := map[domain.ID]access{}
	var ids []domain.ID
	for _, n := range needs {
		a, ok := byCommunity[n.CommunityID]
		if !ok {
			if a, err = s.accessOf(ctx, n.CommunityID); err != nil {
				return nil, err
			}
			byCommunity[n.CommunityID] = a
		}
		if a.Member() && s.seesNeed(a, n) {
			seen[n.ID] = true
			ids = append(ids, n.ID)
		}
	}
	docs, err := s.findOccurrencesOfNeeds(ctx, ids)
	out := make(map[domain.ID][]Occurrence, len(ids))
	for _, id := range ids {
		out[id] = []Occurrence{}
	}
	for _, d := range docs {
		out[d.NeedID] = append(out[d.NeedID], toOccurrence(d))
	}
	return out, err
}
