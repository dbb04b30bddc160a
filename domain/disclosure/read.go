package disclosure

import (
	"context"
	"fmt"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// Reading is public for what is published: anyone, logged in or not, may
// read a published disclosure, all its published versions and their
// diffs. Drafts are their editors' alone; to others they do not exist.

// viewer is what the actor may see of a community's disclosures.
type viewer struct {
	community.Access
}

// sees reports whether the viewer may see drafts of kind.
func (v viewer) sees(kind Kind) bool { return editor(kind)(v.Access) }

// viewerOf returns the actor's view of a community; anonymous actors see
// what is published.
func (s *Service) viewerOf(ctx context.Context, communityID domain.ID) (viewer, error) {
	a, err := s.comms.AccessOf(ctx, communityID)
	return viewer{a}, err
}

// Disclosure returns a disclosure with its current version (without its
// finance items): to anyone once published, to its editors before.
// Errors: NotFound.
func (s *Service) Disclosure(ctx context.Context, id domain.ID) (Disclosure, error) {
	d, err := s.findDisclosure(ctx, id)
	if err != nil {
		return Disclosure{}, err
	}
	v, err := s.viewerOf(ctx, d.CommunityID)
	if err != nil {
		return Disclosure{}, err
	}
	if d.Published == 0 && !v.sees(Kind(d.Kind)) {
		return Disclosure{}, errDisclosureNotFound
	}
	heads, err := s.findVersionHeads(ctx, d.ID)
	if err != nil {
		return Disclosure{}, err
	}
	out := toDisclosure(d)
	for _, h := range heads {
		if h.ID == d.CurrentVersionID {
			out.Current = toVersion(h)
		}
		if h.State == string(VersionDraft) && v.sees(out.Kind) {
			out.HasDraft = true
		}
	}
	return out, nil
}

// Filter narrows a list of disclosures; nil fields do not.
type Filter struct {
	Kind   *Kind
	Period *Period
	Year   *int // periods that start in the year
	State  *State
	Late   *bool // first published after (true) or by (false) its due day
}

// Disclosures lists a community's disclosures, newest period first, with
// their current versions (without finance items): the published ones to
// anyone, drafts to their editors too. Whatever the page size, it costs a
// fixed number of queries. Errors: NotFound (community), Invalid (page,
// filter).
func (s *Service) Disclosures(ctx context.Context, communityID domain.ID, f Filter, page domain.Page) (domain.List[Disclosure], error) {
	if err := page.Validate(); err != nil {
		return domain.List[Disclosure]{}, err
	}
	if _, err := s.comms.Community(ctx, communityID); err != nil {
		return domain.List[Disclosure]{}, err
	}
	v, err := s.viewerOf(ctx, communityID)
	if err != nil {
		return domain.List[Disclosure]{}, err
	}
	q, err := f.query()
	if err != nil {
		return domain.List[Disclosure]{}, err
	}
	for _, k := range Kinds {
		if v.sees(k) {
			q.DraftKinds = append(q.DraftKinds, k)
		}
	}
	docs, next, total, err := s.findDisclosurePage(ctx, communityID, q, page)
	if err != nil {
		return domain.List[Disclosure]{}, err
	}
	return s.withCurrent(ctx, communityID, v, docs, next, total)
}

// query turns f into the store's query. Errors: Invalid.
func (f Filter) query() (disclosureQuery, error) {
	q := disclosureQuery{Kind: f.Kind, Period: f.Period, State: f.State, Late: f.Late}
	if f.Kind != nil && !f.Kind.Valid() {
		return q, domain.InvalidField("kind", "未知的公开类别", "unknown kind")
	}
	if f.Period != nil {
		if _, err := ParsePeriod(string(*f.Period)); err != nil {
			return q, err
		}
	}
	if f.Year != nil {
		if *f.Year < 1900 || *f.Year > 9998 {
			return q, domain.InvalidField("year", "年份无效", "invalid year")
		}
		q.From, q.Until = fmt.Sprintf("%04d-01-01", *f.Year), fmt.Sprintf("%04d-01-01", *f.Year+1)
	}
	if f.State != nil && *f.State != Draft && *f.State != Published && *f.State != Withdrawn {
		return q, domain.InvalidField("state", "未知的状态", "unknown state")
	}
	if f.State != nil && *f.State == Draft && f.Late != nil {
		return q, domain.InvalidField("late", "草稿尚未公开，没有按时或逾期之分", "a draft is not published yet, so neither on time nor late")
	}
	return q, nil
}

// withCurrent completes a page of disclosures with their current versions
// in one query, and for editors whether a draft waits, in one more.
func (s *Service) withCurrent(ctx context.Context, communityID domain.ID, v viewer, docs []disclosureDoc, next bool, total int) (domain.List[Disclosure], error) {
	ids := make([]domain.ID, len(docs))
	for i, d := range docs {
		ids[i] = d.CurrentVersionID
	}
	heads, err := s.findVersionHeadsByID(ctx, ids)
	if err != nil {
		return domain.List[Disclosure]{}, err
	}
	byID := make(map[domain.ID]versionDoc, len(heads))
	for _, h := range heads {
		byID[h.ID] = h
	}
	drafts := map[domain.ID]bool{}
	if v.Has(domain.RoleCommittee) || v.Has(domain.RoleParty) {
		docs, err := s.findDraftHeads(ctx, communityID)
		if err != nil {
			return domain.List[Disclosure]{}, err
		}
		for _, h := range docs {
			drafts[h.DisclosureID] = v.sees(Kind(h.Kind))
		}
	}
	out := domain.List[Disclosure]{Items: make([]Disclosure, len(docs)), HasNextPage: next, TotalCount: total}
	for i, d := range docs {
		out.Items[i] = toDisclosure(d)
		out.Items[i].Current = toVersion(byID[d.CurrentVersionID])
		out.Items[i].HasDraft = drafts[d.ID]
	}
	return out, nil
}

// Cursor returns the cursor of a disclosure in the list (Page.After).
func (d Disclosure) Cursor() domain.ID {
	return domain.ID(d.Period.First().String() + "/" + string(d.ID))
}

// Versions lists a disclosure's versions in number order, without their
// finance items (Finance.Items is nil; Finance.ItemCount counts them):
// the published ones to anyone, a draft to its editors too. Errors:
// NotFound.
func (s *Service) Versions(ctx context.Context, disclosureID domain.ID) ([]Version, error) {
	d, err := s.Disclosure(ctx, disclosureID)
	if err != nil {
		return nil, err
	}
	heads, err := s.findVersionHeads(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	out := make([]Version, 0, len(heads))
	for _, h := range heads {
		if h.State == string(VersionPublished) || d.HasDraft {
			out = append(out, toVersion(h))
		}
	}
	return out, nil
}

// Version returns a version in full: a published one to anyone, a draft
// to its editors. Errors: NotFound.
func (s *Service) Version(ctx context.Context, id domain.ID) (Version, error) {
	v, err := s.findVersion(ctx, id)
	if err != nil {
		return Version{}, err
	}
	if v.State == string(VersionDraft) {
		vw, err := s.viewerOf(ctx, v.CommunityID)
		if err != nil {
			return Version{}, err
		}
		if !vw.sees(Kind(v.Kind)) {
			return Version{}, errVersionNotFound
		}
	}
	return s.withItems(ctx, v)
}

// publishedVersion returns a published version, whoever asks. Errors:
// NotFound (also for a draft the actor may not see), Conflict
// (ErrNotPublished, for its editors).
func (s *Service) publishedVersion(ctx context.Context, id domain.ID) (Version, error) {
	v, err := s.Version(ctx, id)
	if err == nil && v.State != VersionPublished {
		err = ErrNotPublished
	}
	return v, err
}

// VersionsByID returns the versions with the given IDs that the actor may
// read, without their finance items, in one query per community they
// belong to (for dataloaders); others are left out. Errors: Invalid (more
// than 100 IDs).
func (s *Service) VersionsByID(ctx context.Context, ids []domain.ID) (map[domain.ID]Version, error) {
	ids, err := domain.UniqueIDs("ids", ids, domain.MaxPageSize)
	if err != nil {
		return nil, err
	}
	docs, err := s.findVersionHeadsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[domain.ID]Version, len(docs))
	editors := editorsOf{s: s}
	for _, d := range docs {
		if d.State == string(VersionDraft) {
			if ok, err := editors.edits(ctx, d.CommunityID, Kind(d.Kind)); err != nil {
				return nil, err
			} else if !ok {
				continue
			}
		}
		out[d.ID] = toVersion(d)
	}
	return out, nil
}

// DisclosuresByID returns the disclosures with the given IDs that the
// actor may read, without their current versions, in one query (and one
// per community for drafts), for dataloaders; others are left out.
// Errors: Invalid (more than 100 IDs).
func (s *Service) DisclosuresByID(ctx context.Context, ids []domain.ID) (map[domain.ID]Disclosure, error) {
	ids, err := domain.UniqueIDs("ids", ids, domain.MaxPageSize)
	if err != nil {
		return nil, err
	}
	docs, err := s.findDisclosuresByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[domain.ID]Disclosure, len(docs))
	editors := editorsOf{s: s}
	for _, d := range docs {
		if d.Published == 0 {
			if ok, err := editors.edits(ctx, d.CommunityID, Kind(d.Kind)); err != nil {
				return nil, err
			} else if !ok {
				continue
			}
		}
		out[d.ID] = toDisclosure(d)
	}
	return out, nil
}

// editorsOf says whether the actor edits a kind of disclosure in a
// community, reading the actor's access once per community: the batch
// reads show drafts to their editors only.
type editorsOf struct {
	s       *Service
	viewers map[domain.ID]viewer
}

// edits reports whether the actor may see drafts of kind in community.
func (e *editorsOf) edits(ctx context.Context, community domain.ID, kind Kind) (bool, error) {
	v, ok := e.viewers[community]
	if !ok {
		var err error
		if v, err = e.s.viewerOf(ctx, community); err != nil {
			return false, err
		}
		if e.viewers == nil {
			e.viewers = map[domain.ID]viewer{}
		}
		e.viewers[community] = v
	}
	return v.sees(kind), nil
}
