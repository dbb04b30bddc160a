package deliberation

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/text"
)

// 议的效力 — resolutions and what they bring about.

// NoticePeriod is how long an adopted resolution is published for
// objections (公示期) before it takes effect.
const NoticePeriod = 5 * 24 * time.Hour

// Resolution is an adopted motion, published for objections, then in
// effect, carried out through its action items and rated when done.
type Resolution struct {
	ID          domain.ID // the motion's ID: one resolution per motion
	TopicID     domain.ID
	CommunityID domain.ID
	Text        string
	AdoptedAt   time.Time
	EffectiveAt time.Time // the end of the notice period
	Unanswered  int       // objections the committee has not answered
	Summary     string    // the committee's closing summary, when done
	// UnfinishedReason says why it was closed with action items not done.
	UnfinishedReason string
	ClosedAt         time.Time
}

// Resolution stages.
const (
	StageNotice          = "notice"           // published for objections (公示期)
	StageAwaitingAnswers = "awaiting_answers" // the notice period is over, objections are unanswered
	StageInEffect        = "in_effect"
	StageClosed          = "closed"
)

// Stage is where a resolution stands at a given time: it takes effect only
// when its notice period has ended and every objection is answered.
func (r Resolution) Stage(now time.Time) string {
	switch {
	case !r.ClosedAt.IsZero():
		return StageClosed
	case now.Before(r.EffectiveAt):
		return StageNotice
	case r.Unanswered > 0:
		return StageAwaitingAnswers
	}
	return StageInEffect
}

// ActionItem is a task that carries a resolution out.
type ActionItem struct {
	ID           domain.ID
	ResolutionID domain.ID
	Title        string
	OwnerID      domain.ID // a member, or
	OwnerParty   Party     // one of the three parties
	Due          time.Time
	Weight       int
	Progress     int // 0–100
	Updates      []ItemUpdate
	Removed      bool // withdrawn by the committee (RemoveActionItem)
}

// ItemUpdate is a progress report on an action item.
type ItemUpdate struct {
	At       time.Time
	ByID     domain.ID
	Progress int
	Text     string
	Link     string
}

// Objection is a resident's objection during the notice period, with the
// committee's answer.
type Objection struct {
	ID         domain.ID
	ByID       domain.ID
	Text       string
	At         time.Time
	Answer     string
	AnsweredAt time.Time
}

// Adopt turns a motion that passed into a resolution, published for
// objections during the notice period; for the committee. Adopting twice
// returns the same resolution. Errors: Unauthenticated, NotFound,
// Forbidden, Conflict (not closed, or did not pass).
func (s *Service) Adopt(ctx context.Context, motionID domain.ID) (Resolution, error) {
	m, err := s.Motion(ctx, motionID)
	if err != nil {
		return Resolution{}, err
	}
	if _, err := s.access(ctx, m.CommunityID, manages); err != nil {
		return Resolution{}, err
	}
	if !m.Closed {
		return Resolution{}, domain.Errorf(domain.Conflict, "表决尚未结束", "voting has not closed")
	}
	r, err := s.Result(ctx, motionID)
	if err != nil {
		return Resolution{}, err
	}
	if !r.Passed {
		return Resolution{}, domain.Errorf(domain.Conflict, "动议未获通过，不能形成决议", "the motion did not pass")
	}
	now := s.now().UTC()
	d := resolutionDoc{ID: m.ID, TopicID: m.TopicID, CommunityID: m.CommunityID, Text: m.Text, AdoptedAt: now, EffectiveAt: now.Add(NoticePeriod)}
	if err := s.insertResolution(ctx, d); err != nil {
		return Resolution{}, err
	}
	if t, err := s.findTopic(ctx, m.TopicID); err == nil {
		if err := s.event(ctx, t, "resolution_adopted", domain.ActorFromContext(ctx).UserID, m.Text, string(m.ID)); err != nil {
			return Resolution{}, err
		}
	}
	adopted, err := s.Resolution(ctx, m.ID)
	if err == nil {
		s.recordResolution(ctx, adopted)
	}
	return adopted, err
}

// Resolution returns a resolution to the members of its community.
// Errors: NotFound.
func (s *Service) Resolution(ctx context.Context, id domain.ID) (Resolution, error) {
	d, err := s.findResolution(ctx, id)
	if err != nil {
		return Resolution{}, err
	}
	if _, err := s.access(ctx, d.CommunityID, isMember); err != nil {
		return Resolution{}, errResolutionNotFound
	}
	rs, err := s.withUnanswered(ctx, []Resolution{toResolution(d)})
	return rs[0], err
}

// withUnanswered fills in the resolutions' unanswered objections.
func (s *Service) withUnanswered(ctx context.Context, rs []Resolution) ([]Resolution, error) {
	ids := make([]domain.ID, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	n, err := s.countUnanswered(ctx, ids)
	for i := range rs {
		rs[i].Unanswered = n[rs[i].ID]
	}
	return rs, err
}

// resolutionTurn is the turn to file an objection on a resolution or close
// it: no objection gets in between a close's count of the unanswered ones
// and the close.
func resolutionTurn(id domain.ID) string { return "resolution/" + string(id) }

var errResolutionNotFound = domain.ErrNotFound("决议", "resolution")

// Object files a resident's objection during the notice period.
// Errors: Unauthenticated, NotFound, Forbidden (not a resident), Conflict
// (the notice period is over), Invalid (text 1–1,000 runes).
func (s *Service) Object(ctx context.Context, resolutionID domain.ID, body string) (Objection, error) {
	r, err := s.Resolution(ctx, resolutionID)
	if err != nil {
		return Objection{}, err
	}
	if _, err := s.access(ctx, r.CommunityID, isResident); err != nil {
		return Objection{}, err
	}
	if body, err = text.Body("text", body, 1, 1000); err != nil {
		return Objection{}, err
	}
	end, err := s.takeTurn(ctx, resolutionTurn(r.ID))
	if err != nil {
		return Objection{}, err
	}
	defer end()
	if !s.now().Before(r.EffectiveAt) {
		return Objection{}, domain.Errorf(domain.Conflict, "公示期已结束", "the notice period is over")
	}
	d := objectionDoc{ID: domain.NewID(), ResolutionID: r.ID, ByID: domain.ActorFromContext(ctx).UserID, Text: body, At: s.now().UTC()}
	if err := s.insertObjection(ctx, d); err != nil {
		return Objection{}, err
	}
	if s.notifier != nil {
		// The committee must answer; the objection reminds them after 2 days
		// unless answered (the reminder is cancelled with the answer).
		s.remindObjection(ctx, r, d)
	}
	return Objection{ID: d.ID, ByID: d.ByID, Text: d.Text, At: d.At}, nil
}

// Objection returns an objection to the members of its resolution's
// community. Errors: NotFound.
func (s *Service) Objection(ctx context.Context, id domain.ID) (Objection, error) {
	d, err := s.findObjection(ctx, id)
	if err != nil {
		return Objection{}, err
	}
	if _, err := s.Resolution(ctx, d.ResolutionID); err != nil {
		return Objection{}, domain.ErrNotFound("异议", "objection")
	}
	return Objection{ID: d.ID, ByID: d.ByID, Text: d.Text, At: d.At, Answer: d.Answer, AnsweredAt: d.AnsweredAt}, nil
}

// AnswerObjection answers an objection, for the committee.
// Errors: Unauthenticated, NotFound, Forbidden, Invalid.
func (s *Service) AnswerObjection(ctx context.Context, objectionID domain.ID, answer string) (Objection, error) {
	d, err := s.findObjection(ctx, objectionID)
	if err != nil {
		return Objection{}, err
	}
	r, err := s.Resolution(ctx, d.ResolutionID)
	if err != nil {
		return Objection{}, err
	}
	if _, err := s.access(ctx, r.CommunityID, manages); err != nil {
		return Objection{}, err
	}
	if answer, err = text.Body("answer", answer, 1, 1000); err != nil {
		return Objection{}, err
	}
	now := s.now().UTC()
	if err := s.setObjectionAnswer(ctx, d.ID, answer, now); err != nil {
		return Objection{}, err
	}
	if s.notifier != nil {
		if err := s.notifier.Cancel(ctx, "objection:"+string(d.ID)); err != nil {
			return Objection{}, err
		}
	}
	return Objection{ID: d.ID, ByID: d.ByID, Text: d.Text, At: d.At, Answer: answer, AnsweredAt: now}, nil
}

// Objections lists a resolution's objections. Errors: NotFound.
func (s *Service) Objections(ctx context.Context, resolutionID domain.ID) ([]Objection, error) {
	if _, err := s.Resolution(ctx, resolutionID); err != nil {
		return nil, err
	}
	docs, err := s.findObjections(ctx, resolutionID)
	out := make([]Objection, len(docs))
	for i, d := range docs {
		out[i] = Objection{ID: d.ID, ByID: d.ByID, Text: d.Text, At: d.At, Answer: d.Answer, AnsweredAt: d.AnsweredAt}
	}
	return out, err
}

// ItemInput is a new action item: an owner (a member, or a party), a due
// date and a weight in the resolution's progress (default 1).
type ItemInput struct {
	ResolutionID domain.ID
	Title        string
	OwnerID      domain.ID
	OwnerParty   Party
	Due          time.Time
	Weight       int
}

// AddActionItem adds an action item, for the committee. Errors:
// Unauthenticated, NotFound, Forbidden, Invalid (title, owner, weight 1–100).
func (s *Service) AddActionItem(ctx context.Context, in ItemInput) (ActionItem, error) {
	r, err := s.Resolution(ctx, in.ResolutionID)
	if err != nil {
		return ActionItem{}, err
	}
	if _, err := s.access(ctx, r.CommunityID, manages); err != nil {
		return ActionItem{}, err
	}
	title, err := text.Line("title", domain.Text{ZH: "事项", EN: "title"}, in.Title, 1, 100)
	if err != nil {
		return ActionItem{}, err
	}
	if in.Weight == 0 {
		in.Weight = 1
	}
	if in.Weight < 1 || in.Weight > 100 {
		return ActionItem{}, domain.InvalidField("weight", "权重须在 1 到 100 之间", "weight must be between 1 and 100")
	}
	if err := domain.TimeWithin("due", in.Due, s.now(), domain.YearBack, domain.TenYearsOn); err != nil {
		return ActionItem{}, err
	}
	switch {
	case in.OwnerID != "":
		if _, err := s.comms.Member(ctx, r.CommunityID, in.OwnerID); err != nil {
			return ActionItem{}, domain.InvalidField("ownerId", "请选择本社区的成员", "choose a member of this community")
		}
	case in.OwnerParty == ResidentsCommittee || in.OwnerParty == OwnersParty || in.OwnerParty == PropertyParty:
	default:
		return ActionItem{}, domain.InvalidField("ownerId", "请指定负责人或负责方", "name an owner: a member or a party")
	}
	d := itemDoc{ID: domain.NewID(), ResolutionID: r.ID, CommunityID: r.CommunityID, Title: title,
		OwnerID: in.OwnerID, OwnerParty: string(in.OwnerParty), Due: in.Due.UTC(), Weight: in.Weight, Updates: []itemUpdateDoc{}}
	if err := s.insertItem(ctx, d); err != nil {
		return ActionItem{}, err
	}
	if s.notifier != nil && d.OwnerID != "" {
		data := map[string]string{"title": title, "due": d.Due.Format(time.DateOnly), "link": s.baseURL + "/resolutions/" + domain.GlobalID("Resolution", r.ID)}
		for _, rem := range []struct {
			kind notify.Kind
			at   time.Time
		}{{notify.KindActionItemDue, d.Due.Add(-3 * 24 * time.Hour)}, {notify.KindActionItemOverdue, d.Due}} {
			err := s.notifier.Enqueue(ctx, notify.Item{Kind: rem.kind, CommunityID: r.CommunityID, RecipientID: in.OwnerID,
				Subject: "item:" + string(d.ID), SendAt: rem.at, Data: data})
			if err != nil {
				return ActionItem{}, err
			}
		}
	}
	return toItem(d), nil
}

// UpdateActionItem reports progress (0–100) with a note and a link, for the
// item's owner or the committee, until the resolution closes. Errors:
// Unauthenticated, NotFound, Forbidden, Invalid, Conflict (closed).
func (s *Service) UpdateActionItem(ctx context.Context, itemID domain.ID, progress int, note, link string) (ActionItem, error) {
	d, err := s.findLiveItem(ctx, itemID)
	if err != nil {
		return ActionItem{}, err
	}
	actor := domain.ActorFromContext(ctx).UserID
	if _, err := s.access(ctx, d.CommunityID, func(a communityAccess) bool {
		return manages(a) || (d.OwnerID != "" && d.OwnerID == actor) ||
			(d.OwnerParty == string(OwnersParty) && a.Has(domain.RoleOwnersCommittee)) ||
			(d.OwnerParty == string(PropertyParty) && a.Has(domain.RolePropertyFirm))
	}); err != nil {
		return ActionItem{}, err
	}
	if progress < 0 || progress > 100 {
		return ActionItem{}, domain.InvalidField("progress", "进度须在 0 到 100 之间", "progress must be between 0 and 100")
	}
	if note, err = text.Body("text", note, 0, 1000); err != nil {
		return ActionItem{}, err
	}
	if link = strings.TrimSpace(link); len(link) > 500 || (link != "" && !strings.HasPrefix(link, "https://") && !strings.HasPrefix(link, "http://")) {
		return ActionItem{}, domain.InvalidField("link", "链接须以 http:// 或 https:// 开头，且不超过 500 个字符", "the link must start with http:// or https:// and be at most 500 characters")
	}
	// Under the resolution's turn: no report lands after its close.
	end, err := s.takeTurn(ctx, resolutionTurn(d.ResolutionID))
	if err != nil {
		return ActionItem{}, err
	}
	defer end()
	if r, err := s.findResolution(ctx, d.ResolutionID); err != nil {
		return ActionItem{}, err
	} else if !r.ClosedAt.IsZero() {
		return ActionItem{}, errResolutionClosed
	}
	u := itemUpdateDoc{At: s.now().UTC(), ByID: actor, Progress: progress, Text: note, Link: link}
	if d, err = s.recordItemProgress(ctx, d.ID, u); err != nil {
		return ActionItem{}, err
	}
	if progress == 100 && s.notifier != nil {
		if err := s.notifier.Cancel(ctx, "item:"+string(d.ID)); err != nil {
			return ActionItem{}, err
		}
		if err := s.requestRatings(ctx, d.ResolutionID); err != nil {
			return ActionItem{}, err
		}
	}
	return toItem(d), nil
}

// requestRatings asks the affected residents to rate a resolution once all
// its items are done (once: the outbox keys the request by resolution).
func (s *Service) requestRatings(ctx context.Context, resolutionID domain.ID) error {
	rd, err := s.findResolution(ctx, resolutionID)
	if err != nil {
		return err
	}
	items, err := s.findResolutionItems(ctx, resolutionID)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return nil
	}
	for _, it := range items {
		if it.Progress < 100 {
			return nil
		}
	}
	t, err := s.findTopic(ctx, rd.TopicID)
	if err != nil {
		return err
	}
	residents, err := s.comms.GridMemberIDs(ctx, t.CommunityID, t.GridIDs)
	if err != nil {
		return err
	}
	for _, id := range residents {
		err := s.notifier.Enqueue(ctx, notify.Item{Kind: notify.KindSatisfaction, CommunityID: t.CommunityID, RecipientID: id,
			Subject: "resolution:" + string(rd.ID), SendAt: s.now().UTC(), Data: map[string]string{"resolution": rd.Text, "link": s.baseURL + "/resolutions/" + domain.GlobalID("Resolution", rd.ID)}})
		if err != nil {
			return err
		}
	}
	return nil
}

// ActionItems lists a resolution's action items. Errors: NotFound.
func (s *Service) ActionItems(ctx context.Context, resolutionID domain.ID) ([]ActionItem, error) {
	if _, err := s.Resolution(ctx, resolutionID); err != nil {
		return nil, err
	}
	items, err := s.ItemsOf(ctx, []domain.ID{resolutionID})
	return items[resolutionID], err
}

// ItemsOf lists the action items of several resolutions, oldest first, in
// one query, less those the committee removed. It checks no permission: it serves the API's loaders, for
// resolutions the caller has read.
func (s *Service) ItemsOf(ctx context.Context, resolutionIDs []domain.ID) (map[domain.ID][]ActionItem, error) {
	docs, err := s.findItemsOf(ctx, resolutionIDs)
	out := make(map[domain.ID][]ActionItem, len(resolutionIDs))
	for _, d := range docs {
		out[d.ResolutionID] = append(out[d.ResolutionID], toItem(d))
	}
	return out, err
}

// RemovedActionItems lists the action items the committee removed from a
// resolution, with the reasons among their updates: they stay on the
// record. Errors: NotFound.
func (s *Service) RemovedActionItems(ctx context.Context, resolutionID domain.ID) ([]ActionItem, error) {
	if _, err := s.Resolution(ctx, resolutionID); err != nil {
		return nil, err
	}
	docs, err := s.findRemovedItems(ctx, resolutionID)
	out := make([]ActionItem, len(docs))
	for i, d := range docs {
		out[i] = toItem(d)
	}
	return out, err
}

// ItemStatus is where an action item stands.
type ItemStatus string

// Action item statuses, derived from progress and due date.
const (
	ItemNotStarted ItemStatus = "not_started"
	ItemInProgress ItemStatus = "in_progress"
	ItemDone       ItemStatus = "done"
	ItemOverdue    ItemStatus = "overdue" // past due and not done
)

// Status is the item's status at a given time.
func (it ActionItem) Status(now time.Time) ItemStatus {
	switch {
	case it.Progress >= 100:
		return ItemDone
	case now.After(it.Due):
		return ItemOverdue
	case it.Progress > 0:
		return ItemInProgress
	}
	return ItemNotStarted
}

// Progress is the resolution's progress: its items' progress weighted by
// their weights, 0–100 (0 without items).
func Progress(items []ActionItem) int {
	total, sum := 0, 0
	for _, it := range items {
		total += it.Weight
		sum += it.Weight * it.Progress
	}
	if total == 0 {
		return 0
	}
	return sum / total
}

// Rate records an affected resident's satisfaction (1–5) with a resolution
// whose items are all done; one rating each, changeable.
// Errors: Unauthenticated, NotFound, Forbidden, Conflict (not done), Invalid.
func (s *Service) Rate(ctx context.Context, resolutionID domain.ID, stars int) error {
	r, err := s.Resolution(ctx, resolutionID)
	if err != nil {
		return err
	}
	if _, err := s.access(ctx, r.CommunityID, isResident); err != nil {
		return err
	}
	if stars < 1 || stars > 5 {
		return domain.InvalidField("stars", "请打 1 到 5 星", "give 1 to 5 stars")
	}
	// Those the topic affects rate it: the residents of its grids.
	t, err := s.findTopic(ctx, r.TopicID)
	if err != nil {
		return err
	}
	if len(t.GridIDs) > 0 {
		m, err := s.comms.Member(ctx, r.CommunityID, domain.ActorFromContext(ctx).UserID)
		if err != nil || !slices.Contains(t.GridIDs, m.GridID) {
			return domain.Errorf(domain.Forbidden, "只有受影响网格的居民可以评价", "only residents of the affected grids rate it")
		}
	}
	items, err := s.ActionItems(ctx, resolutionID)
	if err != nil {
		return err
	}
	if len(items) == 0 || Progress(items) < 100 {
		return domain.Errorf(domain.Conflict, "决议落实完成后才能评价", "ratings open when the resolution is carried out")
	}
	user := domain.ActorFromContext(ctx).UserID
	d := ratingDoc{ID: string(r.ID) + "/" + string(user), ResolutionID: r.ID, UserID: user, Stars: stars, At: s.now().UTC()}
	won, err := s.insertRating(ctx, d)
	if err == nil && !won {
		err = s.replaceRating(ctx, d)
	}
	return err
}

// MyRating returns the actor's stars for a resolution, 0 when they have not
// rated it. Errors: NotFound.
func (s *Service) MyRating(ctx context.Context, resolutionID domain.ID) (int, error) {
	r, err := s.Resolution(ctx, resolutionID)
	if err != nil {
		return 0, err
	}
	d, err := s.findRating(ctx, r.ID, domain.ActorFromContext(ctx).UserID)
	if domain.ErrorCode(err) == domain.NotFound {
		return 0, nil
	}
	return d.Stars, err
}

// Resolutions lists a community's resolutions, newest first, for its
// members: the public board of what was decided and how it is carried out.
// Errors: Unauthenticated, Forbidden.
func (s *Service) Resolutions(ctx context.Context, communityID domain.ID) ([]Resolution, error) {
	if _, err := s.access(ctx, communityID, isMember); err != nil {
		return nil, err
	}
	docs, err := s.findResolutions(ctx, communityID)
	if err != nil {
		return nil, err
	}
	out := make([]Resolution, len(docs))
	for i, d := range docs {
		out[i] = toResolution(d)
	}
	return s.withUnanswered(ctx, out)
}

// Satisfaction is the aggregate of a resolution's ratings.
type Satisfaction struct {
	Count   int
	Average float64
	ByStars [5]int
}

// Satisfaction aggregates a resolution's ratings. Errors: NotFound.
func (s *Service) Satisfaction(ctx context.Context, resolutionID domain.ID) (Satisfaction, error) {
	if _, err := s.Resolution(ctx, resolutionID); err != nil {
		return Satisfaction{}, err
	}
	all, err := s.SatisfactionOf(ctx, []domain.ID{resolutionID})
	return all[resolutionID], err
}

// SatisfactionOf aggregates the ratings of several resolutions in one
// query. It checks no permission, as ItemsOf.
func (s *Service) SatisfactionOf(ctx context.Context, resolutionIDs []domain.ID) (map[domain.ID]Satisfaction, error) {
	docs, err := s.findRatings(ctx, resolutionIDs)
	out := make(map[domain.ID]Satisfaction, len(resolutionIDs))
	sums := map[domain.ID]int{}
	for _, d := range docs {
		if d.Stars < 1 || d.Stars > 5 {
			continue
		}
		id := d.ResolutionID
		sat := out[id]
		sat.Count++
		sat.ByStars[d.Stars-1]++
		sums[id] += d.Stars
		sat.Average = float64(sums[id]) / float64(sat.Count)
		out[id] = sat
	}
	return out, err
}

// ClosingInput closes a resolution: the committee's summary, and when the
// action items are not all done, the reason for closing anyway.
type ClosingInput struct {
	Summary          string
	UnfinishedReason string
}

var errResolutionClosed = domain.Errorf(domain.Conflict, "决议已结项", "the resolution is closed")

var errUnfinished = domain.InvalidField("unfinishedReason", "事项尚未全部完成：请说明为何提前结项，理由会公开", "the action items are not all done: say why it closes anyway; the reason is public")

// CloseResolution records the committee's closing once the resolution took
// effect (its notice period over, every objection answered): with the
// action items all done, or a reason, kept on the record, for closing
// without. Errors: Unauthenticated, NotFound, Forbidden, Conflict (in its
// notice period; objections unanswered; closed already), Invalid (summary
// 1–2,000 runes; unfinishedReason when items are not done).
func (s *Service) CloseResolution(ctx context.Context, resolutionID domain.ID, in ClosingInput) (Resolution, error) {
	r, err := s.Resolution(ctx, resolutionID)
	if err != nil {
		return r, err
	}
	if _, err := s.access(ctx, r.CommunityID, manages); err != nil {
		return r, err
	}
	summary, err := text.Body("summary", in.Summary, 1, 2000)
	if err != nil {
		return r, err
	}
	reason := text.Clean(in.UnfinishedReason)
	if reason != "" {
		if reason, err = text.Body("unfinishedReason", reason, 1, 500); err != nil {
			return r, err
		}
	}
	end, err := s.takeTurn(ctx, resolutionTurn(r.ID))
	if err != nil {
		return r, err
	}
	defer end()
	if r, err = s.Resolution(ctx, resolutionID); err != nil { // as it stands under the turn
		return r, err
	}
	now := s.now().UTC()
	switch r.Stage(now) {
	case StageNotice:
		return r, domain.Errorf(domain.Conflict, "公示期内不能结项：决议在公示期结束后才生效", "a resolution cannot close in its notice period: it takes effect when the period ends")
	case StageAwaitingAnswers:
		return r, domain.Errorf(domain.Conflict, "还有异议没有答复：答复全部异议后决议才生效", "objections are unanswered: the resolution takes effect once every one is answered")
	case StageClosed:
		return r, errResolutionClosed
	}
	items, err := s.ActionItems(ctx, resolutionID)
	if err != nil {
		return r, err
	}
	done := len(items) > 0 && Progress(items) >= 100
	if done {
		reason = "" // nothing to explain
	} else if reason == "" {
		return r, errUnfinished
	}
	closed, err := s.setResolutionClosed(ctx, r.ID, summary, reason, now)
	if err != nil {
		return r, err
	}
	if !closed {
		return r, errResolutionClosed
	}
	r.Summary, r.UnfinishedReason, r.ClosedAt = summary, reason, now
	s.recordClosing(ctx, r)
	return r, nil
}

func (s *Service) remindObjection(ctx context.Context, r Resolution, d objectionDoc) {
	committee, err := s.comms.MemberIDs(ctx, r.CommunityID, domain.RoleCommittee)
	if err == nil {
		for _, id := range committee {
			err = s.notifier.Enqueue(ctx, notifyItemObjection(r, d, id))
			if err != nil {
				break
			}
		}
	}
	if err != nil {
		s.log.ErrorContext(ctx, "queue objection reminder", "objection", d.ID, "err", err)
	}
}

// notifyItemObjection is the reminder to a committee member of an objection
// still unanswered 2 days after it was filed.
func notifyItemObjection(r Resolution, d objectionDoc, to domain.ID) notify.Item {
	return notify.Item{
		Kind: notify.KindObjectionUnanswered, CommunityID: r.CommunityID, RecipientID: to, Subject: "objection:" + string(d.ID),
		SendAt: d.At.Add(2 * 24 * time.Hour), Data: map[string]string{"resolution": r.Text},
	}
}

// ActionItem reads an action item that was not removed, where its
// resolution may be read. Errors: NotFound.
func (s *Service) ActionItem(ctx context.Context, id domain.ID) (ActionItem, error) {
	d, err := s.findLiveItem(ctx, id)
	if err != nil {
		return ActionItem{}, err
	}
	if _, err := s.Resolution(ctx, d.ResolutionID); err != nil {
		return ActionItem{}, err
	}
	return toItem(d), nil
}
