package disclosure

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// The lifecycle: a draft (its editors only, editable) is published, which
// seals it for good; a correction or a withdrawal is a new version with a
// reason. Only a disclosure's highest-numbered version can be a draft, so
// versions are published in number order, and a new number is taken by
// inserting it (unique (disclosure, number): of concurrent corrections the
// first insert wins, the other gets ErrVersionTaken).

// ErrDraftChanged is returned when a draft was edited while it was being
// published: its editor should look at it again.
var ErrDraftChanged = domain.Errorf(domain.Conflict, "草稿刚刚被修改，请核对后再公布", "the draft was just edited; check it and publish again")

// DraftInput is a new disclosure with its first draft.
type DraftInput struct {
	CommunityID domain.ID
	Kind        Kind
	// Period is "2026-10" or "2026-Q4" (finance, as the community's cadence
	// says; village affairs by quarter), or the day of the event (party
	// affairs) or of the decision (power items), "2026-10-15".
	Period  string
	Content DraftContent
}

// CreateDraft starts a disclosure with its first version, a draft, for
// the committee (and the party organisation, for party affairs). Finance
// and village affairs have one disclosure per period. Nothing is stored
// when an error is returned. Errors: Unauthenticated, Forbidden, NotFound
// (community), Invalid (kind, period, content), Conflict (ErrPeriodTaken).
func (s *Service) CreateDraft(ctx context.Context, in DraftInput) (Version, error) {
	c, err := s.comms.Community(ctx, in.CommunityID)
	if err != nil {
		return Version{}, err
	}
	if !in.Kind.Valid() {
		return Version{}, domain.InvalidField("kind", "请选择公开类别", "choose a kind")
	}
	if _, err := s.access(ctx, c.ID, editor(in.Kind)); err != nil {
		return Version{}, err
	}
	sched, err := s.scheduleOf(ctx, c)
	if err != nil {
		return Version{}, err
	}
	now, loc, rule := s.stamp(), c.Location(), sched.Rule(in.Kind)
	p, err := checkPeriod(rule, in.Period, DateOf(now, loc))
	if err != nil {
		return Version{}, err
	}
	content, err := s.checkContent(ctx, c.ID, in.Kind, p, in.Content, nil, now)
	if err != nil {
		return Version{}, err
	}
	actor := domain.ActorFromContext(ctx).UserID
	id, vid, due := domain.NewID(), domain.NewID(), rule.DueDate(p)
	d := disclosureDoc{
		ID: id, CommunityID: c.ID, Kind: string(in.Kind), Period: string(p), Starts: p.First().String(),
		Order: p.First().String() + "/" + string(id), Slot: slotOf(c.ID, in.Kind, p, id),
		Due: due.String(), DueAt: dueAt(due, loc), CurrentVersionID: vid, CreatedBy: actor, CreatedAt: now,
	}
	won, err := s.insertDisclosure(ctx, d)
	if err != nil {
		return Version{}, err
	}
	if !won {
		return Version{}, ErrPeriodTaken
	}
	v := Version{
		ID: vid, DisclosureID: id, CommunityID: c.ID, Kind: in.Kind, Period: p, Number: 1, Type: Original,
		State: VersionDraft, Content: content, CreatedBy: actor, CreatedAt: now, UpdatedAt: now,
	}
	vd, items := newVersionDoc(v)
	if won, err = s.insertVersion(ctx, vd, items); err != nil || !won {
		if _, derr := s.deleteUnpublishedDisclosure(ctx, id); derr != nil {
			s.log.ErrorContext(ctx, "remove a disclosure whose first version failed", "disclosure", id, "err", derr)
		}
		if err == nil {
			err = ErrVersionTaken
		}
		return Version{}, err
	}
	return v, nil
}

// stamp is the service's now as stored: UTC, whole milliseconds.
func (s *Service) stamp() time.Time { return s.now().UTC().Truncate(time.Millisecond) }

// EditInput changes a draft.
type EditInput struct {
	VersionID domain.ID
	// Reason replaces a correction's or withdrawal's reason; empty keeps
	// it. An original version has none.
	Reason  string
	Content DraftContent // ignored for a withdrawal, which says only why
}

// UpdateDraft replaces a draft's content, for its editors. A published
// version is never changed: that is ErrPublished, and nothing is stored.
// Errors: Unauthenticated, NotFound, Forbidden, Invalid (content, reason),
// Conflict (ErrPublished).
func (s *Service) UpdateDraft(ctx context.Context, in EditInput) (Version, error) {
	v, d, _, err := s.forEditor(ctx, in.VersionID)
	if err != nil {
		return Version{}, err
	}
	if v.State != string(VersionDraft) {
		return Version{}, ErrPublished
	}
	reason := ""
	if in.Reason != "" {
		if v.Type == string(Original) {
			return Version{}, domain.InvalidField("reason", "首个版本无需填写更正理由", "the first version has no reason")
		}
		if reason, err = checkReason(in.Reason); err != nil {
			return Version{}, err
		}
	}
	now := s.stamp()
	cur, err := s.withItems(ctx, v)
	if err != nil {
		return Version{}, err
	}
	content := cur.Content
	if v.Type != string(Withdrawal) {
		before := []Content{cur.Content}
		if d.Published > 0 {
			base, err := s.findVersion(ctx, d.CurrentVersionID)
			if err != nil {
				return Version{}, err
			}
			full, err := s.withItems(ctx, base)
			if err != nil {
				return Version{}, err
			}
			before = append(before, full.Content)
		}
		if content, err = s.checkContent(ctx, d.CommunityID, Kind(d.Kind), Period(d.Period), in.Content, before, now); err != nil {
			return Version{}, err
		}
	}
	c, items := fromContent(d.CommunityID, content)
	ok, err := s.setDraftContent(ctx, v.ID, c, items, reason, now)
	if err != nil {
		return Version{}, err
	}
	if !ok {
		return Version{}, s.refusal(ctx, v.ID)
	}
	if v, err = s.findVersion(ctx, v.ID); err != nil {
		return Version{}, err
	}
	return s.withItems(ctx, v)
}

// refusal says why a change of a version that was a draft matched nothing:
// it has been published (ErrPublished), edited (ErrDraftChanged) or
// removed (NotFound).
func (s *Service) refusal(ctx context.Context, id domain.ID) error {
	v, err := s.findVersion(ctx, id)
	switch {
	case err != nil:
		return err
	case v.State == string(VersionPublished):
		return ErrPublished
	}
	return ErrDraftChanged
}

// Publish publishes a draft, for its editors: the version becomes
// immutable, its content hash goes into the public record, and it is in
// force. A finance version's opening balance must equal the closing
// balance of the previous period's latest published version (the latest
// period before it that has one); otherwise publication is refused,
// naming both figures. Errors: Unauthenticated, NotFound, Forbidden,
// Invalid (openingBalance), Conflict (ErrPublished, ErrDraftChanged,
// ErrWithdrawn).
func (s *Service) Publish(ctx context.Context, versionID domain.ID) (Version, error) {
	v, d, a, err := s.forEditor(ctx, versionID)
	if err != nil {
		return Version{}, err
	}
	return s.publish(ctx, d, v, a)
}

// publish publishes the draft v of d as an editor with access a.
func (s *Service) publish(ctx context.Context, d disclosureDoc, v versionDoc, a community.Access) (Version, error) {
	if v.State != string(VersionDraft) {
		return Version{}, ErrPublished
	}
	if d.Withdrawn {
		return Version{}, ErrWithdrawn
	}
	if v.Finance != nil && v.Type != string(Withdrawal) {
		if err := s.checkOpening(ctx, d, v.Finance.Opening); err != nil {
			return Version{}, err
		}
	}
	now, role := s.stamp(), editorRole(a, Kind(d.Kind))
	out, err := s.withItems(ctx, v)
	if err != nil {
		return Version{}, err
	}
	out.State, out.PublishedBy, out.PublishedAt = VersionPublished, a.UserID, now
	out.ContentHash = ContentHash(out)
	ok, err := s.publishDraft(ctx, v.ID, v.Rev, a.UserID, role, now, out.ContentHash)
	if err != nil {
		return Version{}, err
	}
	if !ok {
		return Version{}, s.refusal(ctx, v.ID)
	}
	err = s.setPublished(ctx, d.ID, publishedChange{
		Number: v.Number, VersionID: v.ID, At: now, Withdrawn: v.Type == string(Withdrawal), OnTime: now.Before(d.DueAt),
	})
	if err != nil {
		return out, err
	}
	s.recordVersion(ctx, toDisclosure(d), out, role)
	return out, nil
}

// checkOpening refuses a finance disclosure's opening balance that differs
// from the closing balance published for the period before it. Errors:
// Invalid (openingBalance).
func (s *Service) checkOpening(ctx context.Context, d disclosureDoc, opening int64) error {
	prev, err := s.findPreviousFinance(ctx, d.CommunityID, d.Starts)
	if domain.ErrorCode(err) == domain.NotFound {
		return nil // the first period disclosed here
	}
	if err != nil {
		return err
	}
	pv, err := s.findVersionHeadsByID(ctx, []domain.ID{prev.CurrentVersionID})
	if err != nil || len(pv) == 0 || pv[0].Finance == nil {
		return err
	}
	closing := pv[0].Finance.Closing
	if opening == closing {
		return nil
	}
	p := Period(prev.Period).Label()
	return domain.InvalidText("openingBalance", domain.Text{
		ZH: "期初余额 " + FormatYuan(opening) + " 元与上期（" + p.ZH + "）公布的期末余额 " + FormatYuan(closing) + " 元不一致，不能公布",
		EN: "the opening balance " + FormatYuan(opening) + " yuan does not match the closing balance " + FormatYuan(closing) + " yuan published for the previous period (" + p.EN + "); it cannot be published",
	})
}

// CorrectionInput is a correction of a published disclosure: its new
// content in full, and why.
type CorrectionInput struct {
	DisclosureID domain.ID
	Reason       string // 1–500 runes
	Content      DraftContent
}

// Correct starts a correction of a published disclosure: a new version,
// numbered after the latest, as a draft to publish. Items may keep the IDs
// of the items they correct, so the diff shows them changed. Errors:
// Unauthenticated, NotFound, Forbidden, Invalid (reason, content),
// Conflict (ErrNotPublished, ErrWithdrawn, ErrDraftPending,
// ErrVersionTaken).
func (s *Service) Correct(ctx context.Context, in CorrectionInput) (Version, error) {
	d, latest, _, err := s.forNewVersion(ctx, in.DisclosureID)
	if err != nil {
		return Version{}, err
	}
	reason, err := checkReason(in.Reason)
	if err != nil {
		return Version{}, err
	}
	now := s.stamp()
	base, err := s.withItems(ctx, latest)
	if err != nil {
		return Version{}, err
	}
	content, err := s.checkContent(ctx, d.CommunityID, Kind(d.Kind), Period(d.Period), in.Content, []Content{base.Content}, now)
	if err != nil {
		return Version{}, err
	}
	v, err := s.insertNext(ctx, d, latest, Correction, reason, content, now)
	if err != nil {
		return Version{}, err
	}
	out := toVersion(v)
	out.Content = content
	return out, nil
}

// Withdraw withdraws a published disclosure with a reason: a new version
// that says only why, published at once. The earlier versions stay
// public. Errors: as Correct.
func (s *Service) Withdraw(ctx context.Context, disclosureID domain.ID, reason string) (Version, error) {
	d, latest, a, err := s.forNewVersion(ctx, disclosureID)
	if err != nil {
		return Version{}, err
	}
	if reason, err = checkReason(reason); err != nil {
		return Version{}, err
	}
	v, err := s.insertNext(ctx, d, latest, Withdrawal, reason, Content{Title: latest.Title}, s.stamp())
	if err != nil {
		return Version{}, err
	}
	return s.publish(ctx, d, v, a)
}

// forNewVersion loads a published disclosure and its latest version for an
// editor who would add a version. Errors: those of Correct.
func (s *Service) forNewVersion(ctx context.Context, disclosureID domain.ID) (disclosureDoc, versionDoc, community.Access, error) {
	d, err := s.findDisclosure(ctx, disclosureID)
	if err != nil {
		return d, versionDoc{}, community.Access{}, err
	}
	a, err := s.editorAccess(ctx, d, d.Published == 0, errDisclosureNotFound)
	switch {
	case err != nil:
		return d, versionDoc{}, a, err
	case d.Published == 0:
		return d, versionDoc{}, a, ErrNotPublished
	case d.Withdrawn:
		return d, versionDoc{}, a, ErrWithdrawn
	}
	latest, err := s.findLatestVersion(ctx, d.ID)
	if err == nil && latest.State == string(VersionDraft) {
		err = ErrDraftPending
	}
	return d, latest, a, err
}

// insertNext stores the draft numbered after latest. Errors: Conflict
// (ErrVersionTaken: another version took the number first).
func (s *Service) insertNext(ctx context.Context, d disclosureDoc, latest versionDoc, t VersionType, reason string, c Content, now time.Time) (versionDoc, error) {
	v, items := newVersionDoc(Version{
		ID: domain.NewID(), DisclosureID: d.ID, CommunityID: d.CommunityID, Kind: Kind(d.Kind), Period: Period(d.Period),
		Number: latest.Number + 1, Type: t, State: VersionDraft, Reason: reason, Content: c,
		CreatedBy: domain.ActorFromContext(ctx).UserID, CreatedAt: now, UpdatedAt: now,
	})
	won, err := s.insertVersion(ctx, v, items)
	if err == nil && !won {
		err = ErrVersionTaken
	}
	return v, err
}

// DiscardDraft removes a draft, for its editors; discarding the first
// version removes its disclosure too. A published version is never
// removed: that is ErrPublished. Errors: Unauthenticated, NotFound,
// Forbidden, Conflict (ErrPublished).
func (s *Service) DiscardDraft(ctx context.Context, versionID domain.ID) error {
	v, d, _, err := s.forEditor(ctx, versionID)
	if err != nil {
		return err
	}
	if v.State != string(VersionDraft) {
		return ErrPublished
	}
	ok, err := s.deleteDraft(ctx, v.ID)
	if err != nil {
		return err
	}
	if !ok {
		return s.refusal(ctx, v.ID)
	}
	if v.Number == 1 {
		_, err = s.deleteUnpublishedDisclosure(ctx, d.ID)
	}
	return err
}

// forEditor loads a version and its disclosure for one of its editors.
// A draft is NotFound to others; a published version Forbidden.
func (s *Service) forEditor(ctx context.Context, versionID domain.ID) (versionDoc, disclosureDoc, community.Access, error) {
	v, err := s.findVersion(ctx, versionID)
	if err != nil {
		return v, disclosureDoc{}, community.Access{}, err
	}
	d, err := s.findDisclosure(ctx, v.DisclosureID)
	if err != nil {
		return v, d, community.Access{}, errVersionNotFound
	}
	a, err := s.editorAccess(ctx, d, v.State == string(VersionDraft), errVersionNotFound)
	return v, d, a, err
}

// editorAccess returns the actor's access to d's community when they may
// edit d's kind. A record that is hidden from others answers notFound to
// them instead of Unauthenticated or Forbidden.
func (s *Service) editorAccess(ctx context.Context, d disclosureDoc, hidden bool, notFound error) (community.Access, error) {
	a, err := s.access(ctx, d.CommunityID, editor(Kind(d.Kind)))
	if err != nil && hidden && domain.ErrorCode(err) != domain.Internal {
		return a, notFound
	}
	return a, err
}
