package deliberation

import (
	"context"
	"slices"
	"sort"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// The kinds of to-do deliberation lists (domain.TodoSource).
const (
	TodoAnswerSeat      = "answer_seat"      // the viewer's panel invitation
	TodoCastVote        = "cast_vote"        // an open motion the viewer may vote on
	TodoScreenTopic     = "screen_topic"     // a topic that reached its threshold, for the committee and the party
	TodoBuildPanel      = "build_panel"      // an accepted topic whose panel is not confirmed, for the committee
	TodoAnswerObjection = "answer_objection" // a resolution with unanswered objections, for the committee
	TodoReportProgress  = "report_progress"  // an action item the viewer owns, not done
	TodoAttendMeeting   = "attend_meeting"   // a meeting within a week the viewer is expected at
	TodoAnswerSeatFor   = "answer_seat_for"  // an assisted resident's invitation, for their grid worker
	TodoVoteFor         = "vote_for"         // an assisted panel member's vote, for their grid worker
)

// meetingHorizon is how far ahead a meeting is a to-do.
const meetingHorizon = 7 * 24 * time.Hour

// TodoKinds names deliberation's kinds of to-do.
func (s *Service) TodoKinds() map[string]domain.Text {
	return map[string]domain.Text{
		TodoAnswerSeat:      {ZH: "回复议事邀请", EN: "Answer your panel invitation"},
		TodoCastVote:        {ZH: "投票", EN: "Cast your vote"},
		TodoScreenTopic:     {ZH: "决定是否受理", EN: "Decide whether to take up a topic"},
		TodoBuildPanel:      {ZH: "组建议事小组", EN: "Form the panel"},
		TodoAnswerObjection: {ZH: "答复异议", EN: "Answer objections"},
		TodoReportProgress:  {ZH: "报告事项进度", EN: "Report an action item's progress"},
		TodoAttendMeeting:   {ZH: "参加会议", EN: "Attend a meeting"},
		TodoAnswerSeatFor:   {ZH: "代居民回复邀请", EN: "Answer an invitation for a resident"},
		TodoVoteFor:         {ZH: "代居民投票", EN: "Vote for a resident"},
	}
}

// Todos lists what waits for the actor in a community's deliberation, the
// soonest due first (those without a due date last). Errors:
// Unauthenticated, Forbidden (not a member).
func (s *Service) Todos(ctx context.Context, communityID domain.ID) ([]domain.Todo, error) {
	a, err := s.access(ctx, communityID, isMember)
	if err != nil {
		return nil, err
	}
	var out []domain.Todo
	for _, list := range []func(context.Context, community.Access) ([]domain.Todo, error){s.seatTodos, s.voteTodos, s.committeeTodos, s.itemTodos, s.meetingTodos} {
		todos, err := list(ctx, a)
		if err != nil {
			return nil, err
		}
		out = append(out, todos...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := out[i].Due, out[j].Due
		if di.IsZero() != dj.IsZero() {
			return !di.IsZero()
		}
		return di.Before(dj)
	})
	return out, nil
}

// assistedOf returns which of some users are assisted residents of a grid
// the actor works for, in one query; none for one who is no grid worker.
func (s *Service) assistedOf(ctx context.Context, a community.Access, users []domain.ID) (map[domain.ID]bool, error) {
	out := map[domain.ID]bool{}
	if !a.Has(domain.RoleGridWorker) || len(users) == 0 {
		return out, nil
	}
	members, err := s.comms.MembersOf(ctx, a.CommunityID, users)
	for _, m := range members {
		out[m.UserID] = m.Assisted && a.WorksFor(m.GridID)
	}
	return out, err
}

// seatTodos: the actor's invitations, and a grid worker's for the assisted
// residents of their grids, on panels not yet locked.
func (s *Service) seatTodos(ctx context.Context, a community.Access) ([]domain.Todo, error) {
	topics, err := s.findTopicsInState(ctx, a.CommunityID, Accepted)
	if err != nil || len(topics) == 0 {
		return nil, err
	}
	byID := make(map[domain.ID]Topic, len(topics))
	ids := make([]domain.ID, len(topics))
	for i, t := range topics {
		byID[t.ID], ids[i] = t, t.ID
	}
	seats, err := s.findInvitedSeatsOnTopics(ctx, ids)
	if err != nil {
		return nil, err
	}
	users := make([]domain.ID, 0, len(seats))
	for _, st := range seats {
		users = append(users, st.UserID)
	}
	assisted, err := s.assistedOf(ctx, a, users)
	if err != nil {
		return nil, err
	}
	var out []domain.Todo
	for _, st := range seats {
		switch {
		case st.UserID == a.UserID:
			out = append(out, domain.Todo{Kind: TodoAnswerSeat, Subject: byID[st.TopicID]})
		case assisted[st.UserID]:
			out = append(out, domain.Todo{Kind: TodoAnswerSeatFor, Subject: byID[st.TopicID], For: st.UserID})
		}
	}
	return out, nil
}

// voteTodos: open motions the actor may vote on and has not, and for a
// grid worker those of the assisted residents of their grids.
func (s *Service) voteTodos(ctx context.Context, a community.Access) ([]domain.Todo, error) {
	motions, err := s.openMotionsIn(ctx, a.CommunityID)
	if err != nil || len(motions) == 0 {
		return nil, err
	}
	var voters []domain.ID
	for _, m := range motions {
		for _, v := range m.Voters {
			voters = append(voters, v.UserID)
		}
	}
	assisted, err := s.assistedOf(ctx, a, voters)
	if err != nil {
		return nil, err
	}
	var out []domain.Todo
	for _, m := range motions {
		versions, err := s.findVotesUntil(ctx, m.ID, m.Deadline)
		if err != nil {
			return nil, err
		}
		voted := map[domain.ID]bool{}
		for _, v := range versions {
			voted[v.VoterID] = true
		}
		for _, v := range m.Voters {
			switch {
			case voted[v.UserID]:
			case v.UserID == a.UserID:
				out = append(out, domain.Todo{Kind: TodoCastVote, Subject: m, Due: m.Deadline})
			case assisted[v.UserID]:
				out = append(out, domain.Todo{Kind: TodoVoteFor, Subject: m, Due: m.Deadline, For: v.UserID})
			}
		}
	}
	return out, nil
}

// openMotionsIn lists a community's motions still open for votes.
func (s *Service) openMotionsIn(ctx context.Context, communityID domain.ID) ([]Motion, error) {
	docs, err := s.findCommunityMotions(ctx, communityID)
	if err != nil {
		return nil, err
	}
	motions, err := s.withClosed(ctx, docs)
	now := s.now()
	return slices.DeleteFunc(motions, func(m Motion) bool { return m.Closed || !m.Deadline.After(now) }), err
}

// committeeTodos: topics waiting for screening, for those who screen;
// accepted topics whose panel is not confirmed, and resolutions with
// unanswered objections, for the committee.
func (s *Service) committeeTodos(ctx context.Context, a community.Access) ([]domain.Todo, error) {
	var out []domain.Todo
	if screens(a) {
		topics, err := s.findTopicsInState(ctx, a.CommunityID, Screening)
		if err != nil {
			return nil, err
		}
		for _, t := range topics {
			out = append(out, domain.Todo{Kind: TodoScreenTopic, Subject: t})
		}
	}
	if !a.Has(domain.RoleCommittee) {
		return out, nil
	}
	forming, err := s.topicsFormingPanels(ctx, a.CommunityID)
	if err != nil {
		return nil, err
	}
	for _, t := range forming {
		out = append(out, domain.Todo{Kind: TodoBuildPanel, Subject: t})
	}
	rs, err := s.Resolutions(ctx, a.CommunityID)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		if r.Unanswered > 0 && r.ClosedAt.IsZero() {
			out = append(out, domain.Todo{Kind: TodoAnswerObjection, Subject: r, Due: r.EffectiveAt})
		}
	}
	return out, nil
}

// topicsFormingPanels lists a community's accepted topics whose panel is
// not yet confirmed (or has no seat rules yet), in two queries.
func (s *Service) topicsFormingPanels(ctx context.Context, communityID domain.ID) ([]Topic, error) {
	topics, err := s.findTopicsInState(ctx, communityID, Accepted)
	if err != nil || len(topics) == 0 {
		return nil, err
	}
	ids := make([]domain.ID, len(topics))
	for i, t := range topics {
		ids[i] = t.ID
	}
	panels, err := s.findPanels(ctx, ids)
	if err != nil {
		return nil, err
	}
	formed := map[domain.ID]bool{}
	for _, p := range panels {
		formed[p.TopicID] = p.State != PanelDraft
	}
	return slices.DeleteFunc(topics, func(t Topic) bool { return formed[t.ID] }), nil
}

// itemTodos: the action items the actor owns that are not done.
func (s *Service) itemTodos(ctx context.Context, a community.Access) ([]domain.Todo, error) {
	docs, err := s.findUnfinishedItemsDue(ctx, a.UserID, time.Time{})
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	resolutions, err := s.findResolutions(ctx, a.CommunityID)
	if err != nil {
		return nil, err
	}
	open := map[domain.ID]bool{}
	for _, r := range resolutions {
		open[r.ID] = r.ClosedAt.IsZero()
	}
	var out []domain.Todo
	for _, d := range docs {
		if d.OwnerID == a.UserID && open[d.ResolutionID] {
			out = append(out, domain.Todo{Kind: TodoReportProgress, Subject: toItem(d), Due: d.Due})
		}
	}
	return out, nil
}

// meetingTodos: the meetings of the coming week the actor is expected at.
func (s *Service) meetingTodos(ctx context.Context, a community.Access) ([]domain.Todo, error) {
	now := s.now()
	docs, err := s.findMeetings(ctx, a.CommunityID, now)
	if err != nil {
		return nil, err
	}
	var out []domain.Todo
	for _, d := range docs {
		m := toMeeting(d, false)
		if m.StartsAt.After(now.Add(meetingHorizon)) || m.Ended() {
			continue
		}
		expected, err := s.expected(ctx, m)
		if err != nil {
			return nil, err
		}
		for _, v := range expected {
			if v.UserID == a.UserID {
				out = append(out, domain.Todo{Kind: TodoAttendMeeting, Subject: m, Due: m.StartsAt})
				break
			}
		}
	}
	return out, nil
}
