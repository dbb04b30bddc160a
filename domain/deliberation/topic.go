package deliberation

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/text"
)

// ProposeInput is a new topic. OnBehalfOf, when set, is the assisted
// resident a grid worker proposes for.
type ProposeInput struct {
	CommunityID domain.ID
	Title       string
	Body        string
	Category    Category
	GridIDs     []domain.ID
	OnBehalfOf  domain.ID
	Witness     string // with OnBehalfOf: who saw the resident ask, 1–64 runes
	// AsCommittee records the committee as the source; the topic goes
	// straight to screening.
	AsCommittee bool
	// fromReport is the patrol report a grid worker escalates
	// (EscalateReport): the topic's source is the patrol.
	fromReport domain.ID
}

// Propose creates a topic that collects supports for the community's
// window. Residents propose for themselves; a grid worker for an assisted
// resident of their grid, on the record before a named witness; the
// committee as the committee. Errors: Unauthenticated, Forbidden, Invalid
// (title 1–80 runes, body ≤ 5,000, category, grids of the community, the
// assisted resident, the witness).
func (s *Service) Propose(ctx context.Context, in ProposeInput) (Topic, error) {
	c, err := s.comms.Community(ctx, in.CommunityID)
	if err != nil {
		return Topic{}, err
	}
	a, err := s.access(ctx, c.ID, isMember)
	if err != nil {
		return Topic{}, err
	}
	actor := domain.ActorFromContext(ctx)
	d := topicDoc{
		ID: domain.NewID(), CommunityID: c.ID, ProposerID: actor.UserID,
		Source: string(FromResident), State: string(Collecting), CreatedAt: s.now().UTC(),
	}
	switch {
	case in.AsCommittee:
		if !a.Has(domain.RoleCommittee) {
			return Topic{}, domain.ErrForbidden
		}
		d.Source, d.State = string(FromCommittee), string(Screening)
	case in.OnBehalfOf != "":
		m, err := s.comms.Member(ctx, c.ID, in.OnBehalfOf)
		if err != nil || !m.Assisted {
			return Topic{}, domain.InvalidField("onBehalfOf", "请选择本社区的代办居民", "choose an assisted resident of this community")
		}
		if !a.WorksFor(m.GridID) && !a.Manager() {
			return Topic{}, domain.ErrForbidden
		}
		if d.Witness, err = text.Line("witness", domain.Text{ZH: "见证人", EN: "witness"}, in.Witness, 1, 64); err != nil {
			return Topic{}, err
		}
		d.ProposerID, d.RecordedBy, d.Source = m.UserID, actor.UserID, string(FromGridWorker)
	case in.fromReport != "":
		d.Source, d.ReportID = string(FromPatrol), in.fromReport
	default:
		if !a.Has(domain.RoleResident) {
			return Topic{}, domain.ErrForbidden
		}
	}
	if d.Title, err = text.Line("title", domain.Text{ZH: "标题", EN: "title"}, in.Title, 1, 80); err != nil {
		return Topic{}, err
	}
	if d.Body, err = text.Body("body", in.Body, 0, 5000); err != nil {
		return Topic{}, err
	}
	if !in.Category.valid() {
		return Topic{}, domain.InvalidField("category", "请选择议题类别", "choose a category")
	}
	d.Category = string(in.Category)
	if in.GridIDs, err = domain.UniqueIDs("gridIds", in.GridIDs, 50); err != nil {
		return Topic{}, err
	}
	grids, err := s.comms.GridsByID(ctx, in.GridIDs)
	if err != nil {
		return Topic{}, err
	}
	for _, g := range in.GridIDs {
		if grids[g].CommunityID != c.ID {
			return Topic{}, domain.InvalidField("gridIds", "请选择本社区的网格", "choose grids of this community")
		}
		d.GridIDs = append(d.GridIDs, g)
	}
	if d.GridIDs == nil {
		d.GridIDs = []domain.ID{}
	}
	d.Threshold = c.Settings.SupportThreshold
	d.Deadline = d.CreatedAt.AddDate(0, 0, c.Settings.SupportWindowDays)
	if err := s.insertTopic(ctx, d); err != nil {
		return Topic{}, err
	}
	t := toTopic(d)
	if err := s.event(ctx, t, "proposed", actor.UserID, "", ""); err != nil {
		return t, err
	}
	if t.State == Screening {
		return t, s.event(ctx, t, string(Screening), "", "", "")
	}
	s.remind(ctx, c, t)
	return t, nil
}

// remind queues the proposer's reminder three days before the window ends.
func (s *Service) remind(ctx context.Context, c community.Community, t Topic) {
	if s.notifier == nil || t.Deadline.Sub(t.CreatedAt) <= 3*24*time.Hour {
		return
	}
	err := s.notifier.Enqueue(ctx, notify.Item{
		Kind: notify.KindSupportWindowEnding, CommunityID: c.ID, RecipientID: t.ProposerID, Subject: "topic:" + string(t.ID),
		Occurrence: "window-3d", Zone: c.Settings.TimeZone, SendAt: t.Deadline.Add(-3 * 24 * time.Hour),
		Data: map[string]string{"title": t.Title, "link": s.baseURL + "/topics/" + domain.GlobalID("Topic", t.ID)},
	})
	if err != nil {
		s.log.ErrorContext(ctx, "queue support window reminder", "topic", t.ID, "err", err)
	}
}

// Topic returns a topic to the members of its community.
// Errors: NotFound (also for outsiders).
func (s *Service) Topic(ctx context.Context, id domain.ID) (Topic, error) {
	t, err := s.findTopic(ctx, id)
	if err != nil {
		return t, err
	}
	if _, err := s.access(ctx, t.CommunityID, isMember); err != nil {
		if domain.ErrorCode(err) == domain.Internal {
			return Topic{}, err
		}
		return Topic{}, errTopicNotFound
	}
	return t, nil
}

// TopicFilter narrows a topic list.
type TopicFilter struct {
	State    *State
	Category *Category
	GridID   *domain.ID
	Search   string // part of the title
}

// Topics lists a community's topics for its members, in creation order.
// Errors: Unauthenticated, Forbidden, Invalid (page, filter).
func (s *Service) Topics(ctx context.Context, communityID domain.ID, f TopicFilter, page domain.Page) (domain.List[Topic], error) {
	if _, err := s.access(ctx, communityID, isMember); err != nil {
		return domain.List[Topic]{}, err
	}
	if f.Category != nil && !f.Category.valid() {
		return domain.List[Topic]{}, domain.InvalidField("category", "未知的议题类别", "unknown category")
	}
	if f.Search = strings.TrimSpace(f.Search); utf8.RuneCountInString(f.Search) > 40 {
		return domain.List[Topic]{}, domain.InvalidField("search", "搜索词最多 40 个字", "the search is at most 40 characters")
	}
	return s.findTopicPage(ctx, communityID, f, page)
}

// Support adds the actor's support (附议) to a topic that is collecting.
// Supporting twice changes nothing. When the supports reach the topic's
// threshold, the topic moves to screening. Errors: Unauthenticated,
// NotFound, Forbidden (not a resident), Conflict (not collecting, or the
// window has ended).
func (s *Service) Support(ctx context.Context, topicID domain.ID) (Topic, error) {
	t, err := s.Topic(ctx, topicID)
	if err != nil {
		return t, err
	}
	if _, err := s.access(ctx, t.CommunityID, isResident); err != nil {
		return t, err
	}
	now := s.now().UTC()
	if t.State != Collecting || !now.Before(t.Deadline) {
		return t, ErrNotCollecting
	}
	actor := domain.ActorFromContext(ctx)
	n, err := s.addSupport(ctx, t, supportDoc{UserID: actor.UserID})
	if err != nil {
		return t, err
	}
	return s.checkThreshold(ctx, t, n)
}

// SupportFor records the support of an assisted resident of the actor's
// grid, on the record before a named witness, for their grid worker.
// Errors: as Support, Forbidden (not their grid worker), Invalid (witness).
func (s *Service) SupportFor(ctx context.Context, topicID, userID domain.ID, witness string) (Topic, error) {
	t, err := s.Topic(ctx, topicID)
	if err != nil {
		return t, err
	}
	a, err := s.access(ctx, t.CommunityID, func(a communityAccess) bool { return a.Has(domain.RoleGridWorker) })
	if err != nil {
		return t, err
	}
	m, err := s.comms.Member(ctx, t.CommunityID, userID)
	if err != nil || !m.Assisted || !a.WorksFor(m.GridID) {
		return t, domain.ErrForbidden // only for assisted residents of the worker's grid
	}
	if witness, err = text.Line("witness", domain.Text{ZH: "见证人", EN: "witness"}, witness, 1, 64); err != nil {
		return t, err
	}
	if t.State != Collecting || !s.now().Before(t.Deadline) {
		return t, ErrNotCollecting
	}
	n, err := s.addSupport(ctx, t, supportDoc{UserID: userID, RecordedBy: a.UserID, Witness: witness})
	if err != nil {
		return t, err
	}
	return s.checkThreshold(ctx, t, n)
}

// addSupport inserts a support (d names who, and for a carried or assisted
// support from where or by whom) and counts it in the tallies; it returns
// the topic's support count. A second support of the same resident changes
// nothing.
func (s *Service) addSupport(ctx context.Context, t Topic, d supportDoc) (int, error) {
	d.ID, d.TopicID, d.CommunityID, d.CreatedAt = supportID(t.ID, d.UserID), t.ID, t.CommunityID, s.now().UTC()
	won, err := s.insertSupport(ctx, d)
	switch {
	case err != nil:
		return 0, err
	case won:
		return s.countSupport(ctx, t)
	default:
		return s.supportTally(ctx, t.ID)
	}
}

// checkThreshold moves a collecting topic whose n supports reached its
// threshold to screening. The tally's increments are serialised, so one
// supporter sees the threshold reached; should two (a repaired tally), the
// topic's exit is claimed once.
func (s *Service) checkThreshold(ctx context.Context, t Topic, n int) (Topic, error) {
	if t.State != Collecting || n < t.Threshold {
		return t, nil
	}
	return s.moveTo(ctx, t, Screening, topicChange{}, "", "", "")
}

// moveTo sets a topic's state and records the timeline event for it once.
// Leaving Collecting (to screening, or closed) is claimed first with a
// claim keyed topic/exit: of a last support racing the window's end, one
// wins, and a late threshold check cannot undo a decision.
func (s *Service) moveTo(ctx context.Context, t Topic, st State, c topicChange, actor domain.ID, note, other string) (Topic, error) {
	if st == Screening || st == Closed {
		claim := eventDoc{ID: string(t.ID) + "/exit", TopicID: t.ID, CommunityID: t.CommunityID, Kind: "exit", Note: string(st), At: s.now().UTC()}
		won, err := s.insertClaim(ctx, claim)
		if err != nil {
			return t, err
		}
		if !won {
			return s.findTopic(ctx, t.ID)
		}
	}
	return s.enter(ctx, t, st, c, actor, note, other)
}

// enter sets a topic's state and records its timeline event (keyed by the
// state, so once); repeating it changes nothing.
func (s *Service) enter(ctx context.Context, t Topic, st State, c topicChange, actor domain.ID, note, other string) (Topic, error) {
	if err := s.setTopicState(ctx, t.ID, st, c); err != nil {
		return t, err
	}
	t.State = st
	if err := s.event(ctx, t, string(st), actor, note, other); err != nil {
		return t, err
	}
	if st != Collecting && s.notifier != nil {
		if err := s.notifier.Cancel(ctx, "topic:"+string(t.ID)); err != nil {
			return t, err
		}
	}
	return s.findTopic(ctx, t.ID)
}

// event records a timeline entry. State changes are keyed by topic and
// state, so a state is entered once.
func (s *Service) event(ctx context.Context, t Topic, kind string, actor domain.ID, note, other string) error {
	d := eventDoc{
		ID: string(t.ID) + "/" + kind, TopicID: t.ID, CommunityID: t.CommunityID,
		Kind: kind, ActorID: actor, Note: note, Other: other, At: s.now().UTC(),
	}
	switch kind {
	case "merged_in": // once per merged topic
		d.ID = string(t.ID) + "/merged_in/" + other
	case "comment_hidden": // may happen several times
		d.ID = string(domain.NewID())
	case "pool": // once per drawable rule
		d.ID = string(t.ID) + "/pool/" + other
	}
	_, err := s.insertEvent(ctx, d)
	return err
}

// CloseExpired closes the topics whose support window ended before now short
// of their threshold, counted from the supports; they are kept. One that
// reached it goes to screening. It returns how many it closed, and serves
// the scheduled jobs.
func (s *Service) CloseExpired(ctx context.Context, now time.Time) (int, error) {
	topics, err := s.findExpiredTopics(ctx, now)
	if err != nil {
		return 0, err
	}
	closed := 0
	for _, t := range topics {
		// The supports decide, not the tally, which a crash may have left
		// short: a topic that reached its threshold goes to screening.
		n, err := s.countSupports(ctx, t.ID)
		if err != nil {
			return closed, err
		}
		st := Closed
		if n >= t.Threshold {
			st = Screening
		} else {
			closed++
		}
		if _, err := s.moveTo(ctx, t, st, topicChange{}, "", "", ""); err != nil {
			return closed, err
		}
	}
	return closed, nil
}

// RepairTopics finishes the state changes that a stop of the server
// interrupted after their claim: a topic whose exit from collecting, or
// whose screening decision, was claimed over 5 minutes before now but
// which still shows the old state. It returns how many it finished, and
// serves start-up and the daily clean-up.
func (s *Service) RepairTopics(ctx context.Context, now time.Time) (int, error) {
	claims, err := s.findClaimsBefore(ctx, now.Add(-5*time.Minute))
	if err != nil || len(claims) == 0 {
		return 0, err
	}
	ids := make([]domain.ID, len(claims))
	for i, c := range claims {
		ids[i] = c.TopicID
	}
	found, err := s.findTopics(ctx, ids)
	if err != nil {
		return 0, err
	}
	topics := make(map[domain.ID]Topic, len(found))
	for _, t := range found {
		topics[t.ID] = t
	}
	n := 0
	for _, c := range claims {
		t, ok := topics[c.TopicID]
		switch {
		case !ok:
			continue
		case c.Kind == "exit" && t.State == Collecting:
			_, err = s.enter(ctx, t, State(c.Note), topicChange{}, "", "", "")
		case c.Kind == "decision" && t.State == Screening && c.Decision != "":
			_, err = s.decide(ctx, t, c)
		default:
			continue
		}
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// SupportCounts returns the support counts of several topics, from their
// tallies, in one query.
func (s *Service) SupportCounts(ctx context.Context, ids []domain.ID) (map[domain.ID]int, error) {
	return s.supportTallies(ctx, ids)
}

// CommentCounts counts the visible comments of several topics in one query.
func (s *Service) CommentCounts(ctx context.Context, ids []domain.ID) (map[domain.ID]int, error) {
	return s.countVisibleComments(ctx, ids)
}

// Supported reports which of the topics the actor supports, in one query
// by the supports' keys.
func (s *Service) Supported(ctx context.Context, ids []domain.ID) (map[domain.ID]bool, error) {
	actor := domain.ActorFromContext(ctx)
	out := map[domain.ID]bool{}
	if !actor.LoggedIn() || len(ids) == 0 {
		return out, nil
	}
	supported, err := s.supportedTopics(ctx, actor.UserID, ids)
	if err != nil {
		return out, err
	}
	for _, id := range supported {
		out[id] = true
	}
	return out, nil
}

// DigestSection lists the community's topics proposed between since and
// until, for the weekly digest; "" when there are none. It checks no
// permission: it serves the scheduled digest, which goes to members only.
func (s *Service) DigestSection(ctx context.Context, communityID domain.ID, lang domain.Lang, since, until time.Time) (string, error) {
	topics, err := s.findTopicsProposed(ctx, communityID, since, until)
	if err != nil || len(topics) == 0 {
		return "", err
	}
	heading := domain.Text{ZH: "本周新议题：", EN: "New topics this week:"}.In(lang)
	lines := []string{heading}
	for _, t := range topics {
		lines = append(lines, "· "+t.Title+"（"+t.Category.Label().In(lang)+"）")
	}
	return strings.Join(lines, "\n"), nil
}
