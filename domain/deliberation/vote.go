package deliberation

import (
	"context"
	"fmt"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
	"github.com/yishi-app/yishi/domain/text"
)

// 怎么议 — motions and votes.

// Method is how a motion's votes decide it.
type Method string

// Voting methods.
const (
	MajorityCast  Method = "majority_cast"  // more yes than no among votes cast
	MajorityPanel Method = "majority_panel" // yes from more than half the voters
	TwoThirds     Method = "two_thirds"     // yes from at least two-thirds of votes cast
	Consensus     Method = "consensus"      // no objection, and at least one yes
	// ThreeParty: the residents' committee, the owners' committee and the
	// property firm each vote; it passes only if each party's majority of
	// votes cast says yes.
	ThreeParty Method = "three_party"
)

func (m Method) valid() bool {
	switch m {
	case MajorityCast, MajorityPanel, TwoThirds, Consensus, ThreeParty:
		return true
	}
	return false
}

// Choice is a vote.
type Choice string

// Choices.
const (
	Yes     Choice = "yes"
	No      Choice = "no"
	Abstain Choice = "abstain"
)

// Party is a side of a three-party meeting (三方联动).
type Party string

// The three parties.
const (
	ResidentsCommittee Party = "residents_committee"
	OwnersParty        Party = "owners_committee"
	PropertyParty      Party = "property_firm"
)

// Motion is a proposal put to the vote.
type Motion struct {
	ID          domain.ID
	TopicID     domain.ID
	CommunityID domain.ID
	Text        string
	Method      Method
	Secret      bool
	Deadline    time.Time
	Closed      bool
	// Voters are the panel members (or, for three parties, the parties'
	// delegates) entitled to vote, fixed when the motion opens.
	Voters []Voter
	// Quorum is the share of voters who must cast a vote (default 2/3).
	QuorumNum, QuorumDen int
}

// Voter is one entitled voter.
type Voter struct {
	UserID domain.ID
	Party  Party // for three-party motions
}

// Result is a motion's outcome, computed from its vote documents.
type Result struct {
	Yes, No, Abstain int
	Voters           int // entitled to vote: the motion's voter list
	Cast             int // ballots cast (a secret ballot shows this too: turnout tells no one's choice)
	Quorum           bool
	Passed           bool
	// Parties holds each party's counts for three-party motions.
	Parties map[Party][3]int // yes, no, abstain
	// Agreed says, for three-party motions, which parties agreed (more yes
	// than no among their votes).
	Agreed map[Party]bool
	// Hidden marks a result without counts: a secret ballot's shows only
	// what decides it (quorum, passed, and which parties agreed); an open
	// motion's, only the turnout.
	Hidden bool
	// Open marks the running result of a motion still open: turnout only,
	// nothing decided yet.
	Open bool
	// Method is the motion's, which the result was counted by.
	Method Method
}

// withheld is what a secret ballot's result may show.
func (r Result) withheld() Result {
	return Result{Voters: r.Voters, Cast: r.Cast, Quorum: r.Quorum, Passed: r.Passed, Agreed: r.Agreed, Hidden: true, Method: r.Method}
}

// running is what an open motion's result may show, whoever asks: the
// turnout, never the counts, so no one votes with the running tally in
// view (a panel is small; the first votes would sway the rest).
func (r Result) running() Result {
	return Result{Voters: r.Voters, Cast: r.Cast, Quorum: r.Quorum, Hidden: true, Open: true, Method: r.Method}
}

// agreed derives which parties agreed from their counts.
func agreed(parties map[Party][3]int) map[Party]bool {
	if parties == nil {
		return nil
	}
	out := map[Party]bool{}
	for p, c := range parties {
		out[p] = c[0] > c[1]
	}
	return out
}

// MotionInput opens a motion on an accepted topic. Deadline is when online
// voting closes.
type MotionInput struct {
	TopicID  domain.ID
	Text     string
	Method   Method
	Secret   bool
	Deadline time.Time
}

// OpenMotion puts a motion to the panel's accepted members (for a
// three-party motion, to the community's delegates of the three parties),
// for the committee; the panel locks. Errors: Unauthenticated, NotFound,
// Forbidden, Conflict (no voters), Invalid (text 1–500 runes, method,
// deadline in the past).
func (s *Service) OpenMotion(ctx context.Context, in MotionInput) (Motion, error) {
	t, err := s.panelTopic(ctx, in.TopicID)
	if err != nil {
		return Motion{}, err
	}
	body, err := text.Line("text", domain.Text{ZH: "动议", EN: "motion"}, in.Text, 1, 500)
	if err != nil {
		return Motion{}, err
	}
	now := s.now().UTC()
	if !in.Method.valid() {
		return Motion{}, domain.InvalidField("method", "未知的表决方式", "unknown voting method")
	}
	if !in.Deadline.After(now) {
		return Motion{}, domain.InvalidField("deadline", "截止时间须在将来", "the deadline must be in the future")
	}
	if err := domain.TimeWithin("deadline", in.Deadline, now, 0, domain.TenYearsOn); err != nil {
		return Motion{}, err
	}
	// The voters are read and the panel locked under the panel's turn: no
	// seat answer gets in between.
	end, err := s.takeTurn(ctx, panelTurn(t.ID))
	if err != nil {
		return Motion{}, err
	}
	defer end()
	d := motionDoc{ID: domain.NewID(), TopicID: t.ID, CommunityID: t.CommunityID, Text: body,
		Method: string(in.Method), Secret: in.Secret, Deadline: in.Deadline.UTC(), QuorumNum: 2, QuorumDen: 3, CreatedAt: now}
	if in.Method == ThreeParty {
		d.Voters, err = s.delegates(ctx, t)
	} else {
		d.Voters, err = s.panelVoters(ctx, t)
	}
	if err != nil {
		return Motion{}, err
	}
	if len(d.Voters) == 0 {
		return Motion{}, domain.Errorf(domain.Conflict, "没有可投票的成员", "nobody may vote on this motion yet")
	}
	if in.Secret {
		if err := secretBallotAllowed(in.Method, d.Voters); err != nil {
			return Motion{}, err
		}
	}
	if err := s.insertMotion(ctx, d); err != nil {
		return Motion{}, err
	}
	if err := s.lockPanel(ctx, t.ID); err != nil {
		return Motion{}, err
	}
	if s.notifier != nil && d.Deadline.Add(-24*time.Hour).After(now) {
		// Each voter's reminder is its own subject, cancelled when they vote.
		for _, v := range d.Voters {
			err := s.notifier.Enqueue(ctx, notify.Item{
				Kind: notify.KindVoteClosing, CommunityID: t.CommunityID, RecipientID: v.UserID,
				Subject: "motion:" + string(d.ID) + ":" + string(v.UserID), SendAt: d.Deadline.Add(-24 * time.Hour),
				Data: map[string]string{"motion": body, "deadline": d.Deadline.Format("2006-01-02 15:04 MST"), "link": s.baseURL + "/topics/" + domain.GlobalID("Topic", t.ID)},
			})
			if err != nil {
				return Motion{}, err
			}
		}
	}
	return toMotion(d, false), nil
}

// panelVoters are the panel's members who accepted their seat.
func (s *Service) panelVoters(ctx context.Context, t Topic) ([]voterDoc, error) {
	seats, err := s.findAcceptedSeats(ctx, t.ID)
	out := make([]voterDoc, len(seats))
	for i, st := range seats {
		out[i] = voterDoc{UserID: st.UserID}
	}
	return out, err
}

// delegates are the community's members holding the committee, owners'
// committee and property firm roles, each with their party.
func (s *Service) delegates(ctx context.Context, t Topic) ([]voterDoc, error) {
	var out []voterDoc
	seen := map[domain.ID]bool{}
	for _, pr := range []struct {
		role  domain.Role
		party Party
	}{{domain.RoleCommittee, ResidentsCommittee}, {domain.RoleOwnersCommittee, OwnersParty}, {domain.RolePropertyFirm, PropertyParty}} {
		ids, err := s.comms.MemberIDs(ctx, t.CommunityID, pr.role)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			return nil, domain.Errorf(domain.Conflict, "三方会议须有居委会、业委会和物业三方的代表", "a three-party motion needs delegates of all three parties")
		}
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, voterDoc{UserID: id, Party: string(pr.party)})
			}
		}
	}
	return out, nil
}

// Motion returns a motion to the members of its community. Errors: NotFound.
func (s *Service) Motion(ctx context.Context, id domain.ID) (Motion, error) {
	d, err := s.findMotion(ctx, id)
	if err != nil {
		return Motion{}, err
	}
	if _, err := s.Topic(ctx, d.TopicID); err != nil {
		return Motion{}, errMotionNotFound
	}
	closed, err := s.motionClosed(ctx, id)
	if err != nil {
		return Motion{}, err
	}
	return toMotion(d, closed), nil
}

var (
	errMotionNotFound = domain.ErrNotFound("动议", "motion")
	// ErrVotingClosed: the motion is closed or past its deadline.
	ErrVotingClosed = domain.Errorf(domain.Conflict, "表决已结束", "voting has closed")
)

func (m Motion) open(now time.Time) bool { return !m.Closed && now.Before(m.Deadline) }

// Motion states.
const (
	MotionOpen         = "open"
	MotionPastDeadline = "past_deadline" // voting is over; the committee has yet to close it and publish the result
	MotionClosed       = "closed"
)

// State is where a motion stands at now.
func (m Motion) State(now time.Time) string {
	switch {
	case m.Closed:
		return MotionClosed
	case !now.Before(m.Deadline):
		return MotionPastDeadline
	}
	return MotionOpen
}

func (m Motion) voter(id domain.ID) bool {
	for _, v := range m.Voters {
		if v.UserID == id {
			return true
		}
	}
	return false
}

// Vote casts or changes the actor's vote until the motion closes. A change
// adds a version; only a voter's latest counts, so a voter has one vote
// however often they press.
// Errors: Unauthenticated, NotFound, Forbidden (not a voter), Conflict
// (closed), Invalid (choice).
func (s *Service) Vote(ctx context.Context, motionID domain.ID, choice Choice) error {
	actor, err := domain.RequireUser(ctx)
	if err != nil {
		return err
	}
	return s.castVote(ctx, motionID, actor.UserID, choice, "", "")
}

// RecordAssistedVote records a panel member's vote on their behalf, for a
// grid worker of the member's grid, with a named witness.
// Errors: as Vote, and Forbidden (not their grid worker), Invalid (witness).
func (s *Service) RecordAssistedVote(ctx context.Context, motionID, voterID domain.ID, choice Choice, witness string) error {
	m, err := s.Motion(ctx, motionID)
	if err != nil {
		return err
	}
	a, err := s.access(ctx, m.CommunityID, func(a communityAccess) bool { return a.Has(domain.RoleGridWorker) })
	if err != nil {
		return err
	}
	member, err := s.comms.Member(ctx, m.CommunityID, voterID)
	if err != nil || !member.Assisted || !a.WorksFor(member.GridID) {
		return domain.ErrForbidden // only for assisted residents of the worker's grid
	}
	if witness, err = text.Line("witness", domain.Text{ZH: "见证人", EN: "witness"}, witness, 1, 64); err != nil {
		return err
	}
	return s.castVote(ctx, motionID, voterID, choice, a.UserID, witness)
}

// castVote adds a version of a voter's vote, under the motion's turn, so
// that no close counts between the check that voting is open and the
// vote's insert.
func (s *Service) castVote(ctx context.Context, motionID, voter domain.ID, choice Choice, recordedBy domain.ID, witness string) error {
	if choice != Yes && choice != No && choice != Abstain {
		return domain.InvalidField("choice", "请选择赞成、反对或弃权", "choose yes, no or abstain")
	}
	m, err := s.Motion(ctx, motionID)
	if err != nil {
		return err
	}
	if !m.voter(voter) {
		return domain.ErrForbidden
	}
	end, err := s.takeTurn(ctx, motionTurn(m.ID))
	if err != nil {
		return err
	}
	defer end()
	if m, err = s.Motion(ctx, motionID); err != nil { // as it stands under the turn
		return err
	}
	now := s.now().UTC()
	if !m.open(now) {
		return ErrVotingClosed
	}
	held, err := s.findVoterVotes(ctx, m.ID, voter)
	if err != nil {
		return err
	}
	n := 1
	for _, v := range held {
		if recordedBy != "" && v.RecordedBy == "" {
			// An assisted vote never replaces one the member cast themself.
			return domain.Errorf(domain.Conflict, "该成员已亲自投票", "the member has voted themself")
		}
		n = max(n, v.N+1)
	}
	d := voteDoc{ID: fmt.Sprintf("%s/%s/%d", m.ID, voter, n), MotionID: m.ID, VoterID: voter, N: n, Choice: string(choice),
		RecordedBy: recordedBy, Witness: witness, At: now}
	if won, err := s.insertVote(ctx, d); err != nil {
		return err
	} else if !won {
		return errBusy // another version got in first (a turn that lapsed)
	}
	if s.notifier != nil {
		return s.notifier.Cancel(ctx, "motion:"+string(m.ID)+":"+string(voter))
	}
	return nil
}

// motionTurn is the turn to change a motion's votes or close it.
func motionTurn(id domain.ID) string { return "motion/" + string(id) }

// latestVotes keeps each voter's latest version of their vote.
func latestVotes(versions []voteDoc) []voteDoc {
	latest := map[domain.ID]voteDoc{}
	for _, v := range versions {
		if l, ok := latest[v.VoterID]; !ok || v.N > l.N || (v.N == l.N && v.At.After(l.At)) {
			latest[v.VoterID] = v
		}
	}
	out := make([]voteDoc, 0, len(latest))
	for _, v := range latest {
		out = append(out, v)
	}
	return out
}

// CloseMotion closes voting, for the committee, and publishes the result
// computed from the vote documents. The result's _id is the motion's, so
// the first close publishes it. Errors: Unauthenticated, NotFound,
// Forbidden, Conflict (already closed).
func (s *Service) CloseMotion(ctx context.Context, motionID domain.ID) (Result, error) {
	m, err := s.Motion(ctx, motionID)
	if err != nil {
		return Result{}, err
	}
	if _, err := s.access(ctx, m.CommunityID, manages); err != nil {
		return Result{}, err
	}
	// The count and the publication happen under the motion's turn, so no
	// vote gets in between: the result counts each voter's latest version
	// before the close, and so does any recount.
	end, err := s.takeTurn(ctx, motionTurn(m.ID))
	if err != nil {
		return Result{}, err
	}
	defer end()
	closedAt := s.now().UTC()
	if m.Deadline.Before(closedAt) {
		closedAt = m.Deadline
	}
	r, err := s.count(ctx, m, closedAt)
	if err != nil {
		return r, err
	}
	d := resultDoc{MotionID: m.ID, Yes: r.Yes, No: r.No, Abstain: r.Abstain, Voters: r.Voters, Quorum: r.Quorum, Passed: r.Passed, ClosedAt: closedAt}
	if r.Parties != nil {
		d.Parties = map[string][]int{}
		for p, c := range r.Parties {
			d.Parties[string(p)] = []int{c[0], c[1], c[2]}
		}
	}
	if won, err := s.insertResult(ctx, d); err != nil {
		return r, err
	} else if !won {
		return r, domain.Errorf(domain.Conflict, "表决已结束", "voting has already closed")
	}
	if m.Secret {
		r = r.withheld()
	}
	s.recordResult(ctx, m, r, closedAt)
	return r, nil
}

// MinSecretVoters is the fewest voters a secret ballot may have, and for a
// three-party vote the fewest delegates of each party: with fewer, a
// published count gives away how someone voted.
const MinSecretVoters = 3

// secretBallotAllowed refuses a secret ballot whose counts would reveal a
// voter's choice.
func secretBallotAllowed(method Method, voters []voterDoc) error {
	if len(voters) < MinSecretVoters {
		return domain.InvalidField("secret", "无记名投票至少需要 %d 名投票人，否则结果会暴露个人的选择", "a secret ballot needs at least %d voters, or its count gives away how people voted", MinSecretVoters)
	}
	if method != ThreeParty {
		return nil
	}
	perParty := map[string]int{}
	for _, v := range voters {
		perParty[v.Party]++
	}
	for _, p := range []Party{ResidentsCommittee, OwnersParty, PropertyParty} {
		if perParty[string(p)] < MinSecretVoters {
			return domain.InvalidField("secret", "三方无记名投票要求每一方至少 %d 名代表，否则各方的计票会暴露个人的选择", "a secret three-party vote needs at least %d delegates of each party, or a party's count gives away how its delegates voted", MinSecretVoters)
		}
	}
	return nil
}

// Result returns a motion's result. While the motion is open, it is the
// running one: the turnout alone, to everyone (Result.Open). Once closed, it
// is the published result; a secret ballot's shows only what decides it
// (Result.Hidden). Errors: NotFound.
func (s *Service) Result(ctx context.Context, motionID domain.ID) (Result, error) {
	m, err := s.Motion(ctx, motionID)
	if err != nil {
		return Result{}, err
	}
	if !m.Closed {
		return s.Recompute(ctx, motionID)
	}
	d, err := s.findResult(ctx, m.ID)
	if err != nil {
		return Result{}, err
	}
	return published(m, d), nil
}

// published is a closed motion's result as everyone may see it: a secret
// ballot's without counts.
func published(m Motion, d resultDoc) Result {
	r := Result{Yes: d.Yes, No: d.No, Abstain: d.Abstain, Voters: d.Voters, Cast: d.Yes + d.No + d.Abstain, Quorum: d.Quorum, Passed: d.Passed, Method: m.Method}
	if d.Parties != nil {
		r.Parties = map[Party][3]int{}
		for p, c := range d.Parties {
			r.Parties[Party(p)] = [3]int{c[0], c[1], c[2]}
		}
		r.Agreed = agreed(r.Parties)
	}
	if m.Secret {
		return r.withheld()
	}
	return r
}

// Recompute counts a motion's votes again and applies its quorum and
// method; after close it counts the votes cast before the close, so it
// equals the published result. Votes of people who are not voters are not
// counted. While the motion is open it shows the turnout alone, and a
// secret ballot once closed only what decides it. Errors: NotFound.
func (s *Service) Recompute(ctx context.Context, motionID domain.ID) (Result, error) {
	m, err := s.Motion(ctx, motionID)
	if err != nil {
		return Result{}, err
	}
	until := m.Deadline
	if m.Closed {
		d, err := s.findResult(ctx, m.ID)
		if err != nil {
			return Result{}, err
		}
		until = d.ClosedAt
	}
	r, err := s.count(ctx, m, until)
	switch {
	case err != nil:
		return r, err
	case !m.Closed:
		return r.running(), nil
	case m.Secret:
		return r.withheld(), nil
	}
	return r, nil
}

// NotVoted lists who may vote on an open motion and has not yet, for the
// committee (the chair calls on them before closing); none once closed.
// Errors: NotFound, Forbidden.
func (s *Service) NotVoted(ctx context.Context, motionID domain.ID) ([]Voter, error) {
	m, err := s.Motion(ctx, motionID)
	if err != nil {
		return nil, err
	}
	if _, err := s.access(ctx, m.CommunityID, manages); err != nil {
		return nil, err
	}
	if m.Closed {
		return nil, nil
	}
	versions, err := s.findVotesUntil(ctx, m.ID, m.Deadline)
	if err != nil {
		return nil, err
	}
	voted := map[domain.ID]bool{}
	for _, v := range versions {
		voted[v.VoterID] = true
	}
	var out []Voter
	for _, v := range m.Voters {
		if !voted[v.UserID] {
			out = append(out, v)
		}
	}
	return out, nil
}

// count tallies each voter's latest vote cast before until.
func (s *Service) count(ctx context.Context, m Motion, until time.Time) (Result, error) {
	versions, err := s.findVotesUntil(ctx, m.ID, until)
	if err != nil {
		return Result{}, err
	}
	return tally(m, latestVotes(versions)), nil
}

// tally applies the quorum and the method to the votes.
func tally(m Motion, votes []voteDoc) Result {
	party := map[domain.ID]Party{}
	for _, v := range m.Voters {
		party[v.UserID] = v.Party
	}
	r := Result{Voters: len(m.Voters), Method: m.Method}
	if m.Method == ThreeParty {
		r.Parties = map[Party][3]int{ResidentsCommittee: {}, OwnersParty: {}, PropertyParty: {}}
	}
	for _, v := range votes {
		p, ok := party[v.VoterID]
		if !ok {
			continue
		}
		i := map[string]int{string(Yes): 0, string(No): 1, string(Abstain): 2}[v.Choice]
		switch i {
		case 0:
			r.Yes++
		case 1:
			r.No++
		default:
			r.Abstain++
		}
		if r.Parties != nil {
			c := r.Parties[p]
			c[i]++
			r.Parties[p] = c
		}
	}
	cast := r.Yes + r.No + r.Abstain
	r.Cast = cast
	r.Quorum = cast*m.QuorumDen >= r.Voters*m.QuorumNum
	if m.Method == ThreeParty {
		// Each party reaches the quorum among its own delegates.
		size := map[Party]int{}
		for _, v := range m.Voters {
			size[v.Party]++
		}
		r.Quorum = true
		for p, c := range r.Parties {
			if (c[0]+c[1]+c[2])*m.QuorumDen < size[p]*m.QuorumNum {
				r.Quorum = false
			}
		}
	}
	switch m.Method {
	case MajorityCast:
		r.Passed = r.Yes > r.No
	case MajorityPanel:
		r.Passed = 2*r.Yes > r.Voters
	case TwoThirds:
		r.Passed = cast > 0 && 3*r.Yes >= 2*cast
	case Consensus:
		r.Passed = r.No == 0 && r.Yes > 0
	case ThreeParty:
		r.Passed = true
		for _, c := range r.Parties {
			if c[0] <= c[1] {
				r.Passed = false
			}
		}
	}
	r.Passed = r.Passed && r.Quorum
	r.Agreed = agreed(r.Parties)
	return r
}

// MyVote returns the actor's own vote on a motion (even on a secret ballot,
// a voter may see their own choice); "" if none. Errors: NotFound.
func (s *Service) MyVote(ctx context.Context, motionID domain.ID) (Choice, error) {
	if _, err := s.Motion(ctx, motionID); err != nil {
		return "", err
	}
	versions, err := s.findVoterVotes(ctx, motionID, domain.ActorFromContext(ctx).UserID)
	if err != nil {
		return "", err
	}
	latest := latestVotes(versions)
	if len(latest) == 0 {
		return "", nil
	}
	return Choice(latest[0].Choice), nil
}

// Motions lists a topic's motions, oldest first. Errors: NotFound.
func (s *Service) Motions(ctx context.Context, topicID domain.ID) ([]Motion, error) {
	if _, err := s.Topic(ctx, topicID); err != nil {
		return nil, err
	}
	docs, err := s.findMotions(ctx, topicID)
	if err != nil {
		return nil, err
	}
	return s.withClosed(ctx, docs)
}

// withClosed makes motions of their documents, each marked closed when its
// result is published, in one query.
func (s *Service) withClosed(ctx context.Context, docs []motionDoc) ([]Motion, error) {
	ids := make([]domain.ID, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	closed, err := s.closedMotions(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Motion, len(docs))
	for i, d := range docs {
		out[i] = toMotion(d, closed[d.ID])
	}
	return out, nil
}
