package deliberation_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/domaintest"
	"github.com/yishi-app/yishi/domain/notify"
)

// The tests in this file take every state change of a panel, a meeting, a
// comment, a vote or a resolution that two people (or one person twice) can
// make at once, run the two calls together many times, each time on fresh
// documents, and check through the services that the rules of both hold.
// A pair that breaks a rule reports in how many rounds it did.

// broken is a rule a round found broken, with what the round saw.
type broken struct{ rule, seen string }

// rules collects the rules a round found broken.
type rules []broken

// want records rule as broken unless ok.
func (r *rules) want(ok bool, rule, format string, args ...any) {
	if !ok {
		*r = append(*r, broken{rule, fmt.Sprintf(format, args...)})
	}
}

// pair is a state change two people can make at once: round sets up fresh
// documents, makes the two calls together and returns the rules broken.
type pair struct {
	name  string
	round func(tb testing.TB, v *pairVillage) rules
}

// runPairs runs each pair pairRounds times in a subtest named after it and
// reports each broken rule once, with how often it broke.
func runPairs(t *testing.T, v *pairVillage, pairs []pair) {
	t.Helper()
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			count, first := map[string]int{}, map[string]string{}
			var order []string
			for range pairRounds {
				inRound := map[string]bool{}
				for _, b := range p.round(t, v) {
					if count[b.rule] == 0 {
						order = append(order, b.rule)
						first[b.rule] = b.seen
					}
					if !inRound[b.rule] {
						inRound[b.rule] = true
						count[b.rule]++
					}
				}
			}
			for _, rule := range order {
				t.Errorf("%s: broken in %d of %d rounds (first seen: %s)", rule, count[rule], pairRounds, first[rule])
			}
		})
	}
}

// pairVillage is a village whose topics reach screening with one support,
// with a second committee member so that two of the committee can act at
// once, and a recorder of the reminders.
type pairVillage struct {
	*village
	committee2 domain.ID
	rec        *recorder
}

func newPairVillage(tb testing.TB) *pairVillage {
	tb.Helper()
	rec := &recorder{}
	v := &pairVillage{village: newVillageWith(tb, 10, rec), rec: rec}
	one := 1
	must(v.comms.UpdateSettings(as(v.admin), v.c.ID, community.SettingsUpdate{SupportThreshold: &one}))
	v.committee2 = v.staff(tb, domain.RoleCommittee, "")
	return v
}

// topic returns a fresh topic on both grids, accepted for the villagers'
// council.
func (v *pairVillage) topic(tb testing.TB) deliberation.Topic {
	tb.Helper()
	t := must(v.svc.Propose(as(v.residents[0]), deliberation.ProposeInput{CommunityID: v.c.ID, Title: "村口停车难", Body: "车辆乱停",
		Category: deliberation.PublicAffairs, GridIDs: []domain.ID{v.grid1.ID, v.grid2.ID}}))
	must(v.svc.Support(as(v.residents[1]), t.ID))
	return must(v.svc.Screen(as(v.party), deliberation.ScreenInput{TopicID: t.ID, Decision: deliberation.Accept, Body: deliberation.VillagersCouncil}))
}

// panel sets a rule of min to max representatives on the topic's draft
// panel and seats residents 0 to accepted+invited-1, the first accepted of
// them having accepted; it returns them.
func (v *pairVillage) panel(tb testing.TB, topic deliberation.Topic, accepted, invited, min, max int) []domain.ID {
	tb.Helper()
	must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{{Kind: deliberation.Representatives, Min: min, Max: max}}))
	members := v.residents[:accepted+invited]
	for i, r := range members {
		must(v.svc.Nominate(as(v.committee), topic.ID, r, deliberation.Representatives, ""))
		if i < accepted {
			must(v.svc.RespondToSeat(as(r), topic.ID, true))
		}
	}
	return members
}

func (v *pairVillage) motionInput(topic deliberation.Topic) deliberation.MotionInput {
	return deliberation.MotionInput{TopicID: topic.ID, Text: "在村委会后空地设临时停车场", Method: deliberation.MajorityCast, Deadline: v.clock.Now().Add(48 * time.Hour)}
}

// meeting schedules a council on the topic 72 hours on.
func (v *pairVillage) meeting(tb testing.TB, topic deliberation.Topic) deliberation.Meeting {
	tb.Helper()
	return must(v.svc.ScheduleMeeting(as(v.committee), deliberation.MeetingInput{CommunityID: v.c.ID, Kind: deliberation.Council, Title: "村民议事会",
		Place: "村委会", StartsAt: v.clock.Now().Add(72 * time.Hour), TopicIDs: []domain.ID{topic.ID}}))
}

// closedMotion passes a motion on a fresh topic with a panel of three (two
// yes) and closes it.
func (v *pairVillage) closedMotion(tb testing.TB) deliberation.Motion {
	tb.Helper()
	topic := v.topic(tb)
	members := v.panel(tb, topic, 3, 0, 3, 3)
	m := must(v.svc.OpenMotion(as(v.committee), v.motionInput(topic)))
	for _, r := range members[:2] {
		must(0, v.svc.Vote(as(r), m.ID, deliberation.Yes))
	}
	must(v.svc.CloseMotion(as(v.committee), m.ID))
	return m
}

// resolution adopts a fresh resolution.
func (v *pairVillage) resolution(tb testing.TB) deliberation.Resolution {
	tb.Helper()
	return must(v.svc.Adopt(as(v.committee), v.closedMotion(tb).ID))
}

// item adds an action item owned by the grid worker.
func (v *pairVillage) item(tb testing.TB, res deliberation.Resolution) deliberation.ActionItem {
	tb.Helper()
	return must(v.svc.AddActionItem(as(v.committee), deliberation.ItemInput{ResolutionID: res.ID, Title: "平整空地、划线", OwnerID: v.worker, Due: v.clock.Now().AddDate(0, 0, 14)}))
}

// doneResolution adopts a fresh resolution whose one item is done.
func (v *pairVillage) doneResolution(tb testing.TB) (deliberation.Resolution, deliberation.ActionItem) {
	tb.Helper()
	res := v.resolution(tb)
	it := must(v.svc.UpdateActionItem(as(v.worker), v.item(tb, res).ID, 100, "已完成", ""))
	return res, it
}

// effectiveResolution adopts a fresh resolution whose one item is done and
// moves the clock past its notice period, so that it takes effect and may
// close.
func (v *pairVillage) effectiveResolution(tb testing.TB) (deliberation.Resolution, deliberation.ActionItem) {
	tb.Helper()
	res, it := v.doneResolution(tb)
	v.clock.Add(deliberation.NoticePeriod + time.Hour)
	return res, it
}

// seatOf returns a user's seat on the topic's panel.
func (v *pairVillage) seatOf(tb testing.TB, topic deliberation.Topic, user domain.ID) (deliberation.Seat, bool) {
	tb.Helper()
	for _, s := range must(v.svc.Seats(as(v.committee), topic.ID)) {
		if s.UserID == user {
			return s, true
		}
	}
	return deliberation.Seat{}, false
}

// events counts the topic's timeline events of kind (and, unless empty,
// with other).
func (v *pairVillage) events(tb testing.TB, topicID domain.ID, kind, other string) int {
	tb.Helper()
	n := 0
	for _, e := range must(v.svc.Timeline(as(v.committee), topicID)) {
		if e.Kind == kind && (other == "" || e.Other == other) {
			n++
		}
	}
	return n
}

// confirmation checks that a confirmation that answered success took
// effect, and that the timeline and the panel tell the same.
func (r *rules) confirmation(tb testing.TB, v *pairVillage, topic deliberation.Topic, confirmErr error) {
	tb.Helper()
	p := must(v.svc.Panel(as(v.committee), topic.ID))
	n := v.events(tb, topic.ID, "panel_confirmed", "")
	r.want(confirmErr != nil || !p.ConfirmedAt.IsZero(), "a confirmation that answers success is recorded on the panel",
		"ConfirmPanel returned no error, panel state %s, confirmed at %v", p.State, p.ConfirmedAt)
	r.want(n <= 1 && (n == 1) == !p.ConfirmedAt.IsZero(), "the timeline confirms the panel exactly when the panel says it was confirmed",
		"%d panel_confirmed events, panel confirmed at %v (state %s)", n, p.ConfirmedAt, p.State)
}

// votersSeated checks that a motion's voters are the panel's accepted seats
// as they stand.
func (r *rules) votersSeated(tb testing.TB, v *pairVillage, topic deliberation.Topic, m deliberation.Motion) {
	tb.Helper()
	var seated, voters []domain.ID
	for _, s := range must(v.svc.Seats(as(v.committee), topic.ID)) {
		if s.State == deliberation.Seated {
			seated = append(seated, s.UserID)
		}
	}
	for _, x := range must(v.svc.Motion(as(v.committee), m.ID)).Voters {
		voters = append(voters, x.UserID)
	}
	slices.Sort(seated)
	slices.Sort(voters)
	r.want(slices.Equal(seated, voters), "the voters are the locked panel's accepted seats",
		"voters %v, accepted seats %v", voters, seated)
}

func TestConcurrentPanel(t *testing.T) {
	v := newPairVillage(t)
	runPairs(t, v, []pair{
		{"LockVsConfirm", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			v.panel(tb, topic, 3, 0, 3, 3)
			var m deliberation.Motion
			errs := domaintest.AtOnce(
				func() (err error) { m, err = v.svc.OpenMotion(as(v.committee), v.motionInput(topic)); return err },
				func() error { _, err := v.svc.ConfirmPanel(as(v.committee2), topic.ID); return err },
			)
			r.want(errs[0] == nil, "the motion opens", "OpenMotion: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Conflict), "ConfirmPanel answers success or Conflict", "ConfirmPanel: %v", errs[1])
			p := must(v.svc.Panel(as(v.committee), topic.ID))
			r.want(p.State == deliberation.PanelLocked, "locked never reverts to confirmed", "panel state %s", p.State)
			r.confirmation(tb, v, topic, errs[1])
			if errs[0] == nil {
				r.votersSeated(tb, v, topic, m)
			}
			return r
		}},
		{"StartMeetingVsConfirm", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			v.panel(tb, topic, 3, 0, 3, 3)
			mt := v.meeting(tb, topic)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.StartMeeting(as(v.committee), mt.ID); return err },
				func() error { _, err := v.svc.ConfirmPanel(as(v.committee2), topic.ID); return err },
			)
			r.want(errs[0] == nil, "the meeting starts", "StartMeeting: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Conflict), "ConfirmPanel answers success or Conflict", "ConfirmPanel: %v", errs[1])
			p := must(v.svc.Panel(as(v.committee), topic.ID))
			r.want(p.State == deliberation.PanelLocked, "locked never reverts to confirmed", "panel state %s", p.State)
			r.confirmation(tb, v, topic, errs[1])
			return r
		}},
		{"ConfirmVsConfirm", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			v.panel(tb, topic, 3, 0, 3, 3)
			got := make([]deliberation.Panel, 2)
			errs := domaintest.AtOnce(
				func() (err error) { got[0], err = v.svc.ConfirmPanel(as(v.committee), topic.ID); return err },
				func() (err error) { got[1], err = v.svc.ConfirmPanel(as(v.committee2), topic.ID); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both confirmations answer success", "%v, %v", errs[0], errs[1])
			p := must(v.svc.Panel(as(v.committee), topic.ID))
			r.want(p.State == deliberation.PanelConfirmed, "the panel is confirmed", "panel state %s", p.State)
			r.want(got[0].ConfirmedBy == p.ConfirmedBy && got[1].ConfirmedBy == p.ConfirmedBy && got[0].ConfirmedAt.Equal(p.ConfirmedAt) && got[1].ConfirmedAt.Equal(p.ConfirmedAt),
				"both are told of the one confirmation that stands", "returned %s and %s, stored %s", got[0].ConfirmedBy, got[1].ConfirmedBy, p.ConfirmedBy)
			r.confirmation(tb, v, topic, nil)
			var actor domain.ID
			for _, e := range must(v.svc.Timeline(as(v.committee), topic.ID)) {
				if e.Kind == "panel_confirmed" {
					actor = e.ActorID
				}
			}
			r.want(actor == p.ConfirmedBy, "the timeline names who confirmed the panel", "timeline %s, panel %s", actor, p.ConfirmedBy)
			return r
		}},
		{"ConfirmVsDecline", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			members := v.panel(tb, topic, 3, 0, 3, 3)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.ConfirmPanel(as(v.committee), topic.ID); return err },
				func() error { _, err := v.svc.RespondToSeat(as(members[0]), topic.ID, false); return err },
			)
			r.want(domaintest.CodeIn(errs[0], "", domain.Conflict), "ConfirmPanel answers success or Conflict", "ConfirmPanel: %v", errs[0])
			r.want(errs[1] == nil, "a draft or confirmed panel takes a decline", "RespondToSeat: %v", errs[1])
			seat, _ := v.seatOf(tb, topic, members[0])
			r.want(seat.State == deliberation.Declined, "the decline stands", "seat %s", seat.State)
			cov := must(v.svc.Representativeness(as(v.committee), topic.ID))
			r.want(cov.Rules[0].Accepted == 2, "a declined seat is not counted as accepted", "%d accepted of 3, one declined", cov.Rules[0].Accepted)
			p := must(v.svc.Panel(as(v.committee), topic.ID))
			r.want((errs[0] == nil) == (p.State == deliberation.PanelConfirmed), "the panel is confirmed exactly when ConfirmPanel said so",
				"ConfirmPanel %v, panel state %s", errs[0], p.State)
			r.confirmation(tb, v, topic, errs[0])
			return r
		}},
		{"ConfirmVsAccept", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			members := v.panel(tb, topic, 2, 1, 3, 3)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.ConfirmPanel(as(v.committee), topic.ID); return err },
				func() error { _, err := v.svc.RespondToSeat(as(members[2]), topic.ID, true); return err },
			)
			r.want(domaintest.CodeIn(errs[0], "", domain.Conflict), "ConfirmPanel answers success or Conflict", "ConfirmPanel: %v", errs[0])
			r.want(errs[1] == nil, "a draft or confirmed panel takes an acceptance", "RespondToSeat: %v", errs[1])
			p := must(v.svc.Panel(as(v.committee), topic.ID))
			cov := must(v.svc.Representativeness(as(v.committee), topic.ID))
			r.want(p.State != deliberation.PanelConfirmed || cov.Rules[0].Accepted >= 3, "a confirmed panel meets its minimum with accepted seats",
				"state %s with %d accepted of minimum 3", p.State, cov.Rules[0].Accepted)
			r.want((errs[0] == nil) == (p.State == deliberation.PanelConfirmed), "the panel is confirmed exactly when ConfirmPanel said so",
				"ConfirmPanel %v, panel state %s", errs[0], p.State)
			r.confirmation(tb, v, topic, errs[0])
			return r
		}},
		{"OwnAnswerVsAssistedAnswer", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			members := v.panel(tb, topic, 0, 1, 1, 3) // residents[0], assisted, of grid 1, the worker's
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.RespondToSeat(as(members[0]), topic.ID, false); return err },
				func() error {
					_, err := v.svc.RespondToSeatFor(as(v.worker), topic.ID, members[0], true, "章美芳")
					return err
				},
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answers are taken", "%v, %v", errs[0], errs[1])
			seat, _ := v.seatOf(tb, topic, members[0])
			own := seat.State == deliberation.Declined && seat.AnsweredBy == "" && seat.Witness == ""
			assisted := seat.State == deliberation.Seated && seat.AnsweredBy == v.worker && seat.Witness == "章美芳"
			r.want(own || assisted, "the seat's answer, its recorder and witness come from one answer", "%+v", seat)
			return r
		}},
		{"DeclineVsOpenMotion", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			members := v.panel(tb, topic, 3, 0, 2, 3)
			var m deliberation.Motion
			errs := domaintest.AtOnce(
				func() (err error) { m, err = v.svc.OpenMotion(as(v.committee), v.motionInput(topic)); return err },
				func() error { _, err := v.svc.RespondToSeat(as(members[0]), topic.ID, false); return err },
			)
			r.want(errs[0] == nil, "the motion opens", "OpenMotion: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Conflict), "RespondToSeat answers success or Conflict (locked)", "RespondToSeat: %v", errs[1])
			if errs[0] == nil {
				r.votersSeated(tb, v, topic, m)
				r.want(errs[1] != nil || !slices.ContainsFunc(m.Voters, func(x deliberation.Voter) bool { return x.UserID == members[0] }),
					"a member whose decline was taken does not vote", "members[0] declined and is among the voters %v", m.Voters)
			}
			return r
		}},
		{"AcceptVsOpenMotion", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			v.panel(tb, topic, 2, 1, 2, 3)
			var m deliberation.Motion
			errs := domaintest.AtOnce(
				func() (err error) { m, err = v.svc.OpenMotion(as(v.committee), v.motionInput(topic)); return err },
				func() error { _, err := v.svc.RespondToSeat(as(v.residents[2]), topic.ID, true); return err },
			)
			r.want(errs[0] == nil, "the motion opens", "OpenMotion: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Conflict), "RespondToSeat answers success or Conflict (locked)", "RespondToSeat: %v", errs[1])
			if errs[0] == nil {
				r.votersSeated(tb, v, topic, m)
			}
			return r
		}},
		{"NominateVsNominate", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			v.panel(tb, topic, 1, 0, 1, 2)
			errs := domaintest.AtOnce(
				func() error {
					_, err := v.svc.Nominate(as(v.committee), topic.ID, v.residents[1], deliberation.Representatives, "")
					return err
				},
				func() error {
					_, err := v.svc.Nominate(as(v.committee2), topic.ID, v.residents[2], deliberation.Representatives, "")
					return err
				},
			)
			ok := 0
			for _, err := range errs {
				if err == nil {
					ok++
				}
				r.want(domaintest.CodeIn(err, "", domain.Invalid, domain.Conflict), "Nominate answers success, Invalid (no room) or Conflict", "Nominate: %v", err)
			}
			seats := must(v.svc.Seats(as(v.committee), topic.ID))
			r.want(len(seats) <= 2, "a rule's maximum holds", "%d seats for a maximum of 2", len(seats))
			r.want(ok == 1 && len(seats) == 2, "one of two nominations for the last seat wins", "%d nominations succeeded, %d seats", ok, len(seats))
			return r
		}},
		{"DrawVsDraw", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{{Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Min: 1, Max: 3}}))
			must(v.svc.PublishSeed(as(v.committee), topic.ID))
			in := deliberation.DrawInput{TopicID: topic.ID, Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Count: 2}
			drawn := make([][]deliberation.Seat, 2)
			errs := domaintest.AtOnce(
				func() (err error) { drawn[0], err = v.svc.DrawSeats(as(v.committee), in); return err },
				func() (err error) { drawn[1], err = v.svc.DrawSeats(as(v.committee2), in); return err },
			)
			ok := 0
			for i, err := range errs {
				r.want(domaintest.CodeIn(err, "", domain.Invalid, domain.Conflict), "DrawSeats answers success, Invalid (no room) or Conflict", "DrawSeats: %v", err)
				if err != nil {
					continue
				}
				ok++
				for _, s := range drawn[i] {
					held, found := v.seatOf(tb, topic, s.UserID)
					r.want(found && held.DrawID == s.DrawID, "a draw's seats are held by that draw", "%s drawn by %s, holds %+v", s.UserID, s.DrawID, held)
				}
				if len(drawn[i]) > 0 {
					r.want(must(v.svc.VerifyDraw(as(v.residents[5]), drawn[i][0].DrawID)), "a recorded draw recomputes", "draw %s", drawn[i][0].DrawID)
				}
			}
			seats := must(v.svc.Seats(as(v.committee), topic.ID))
			r.want(len(seats) <= 3, "a rule's maximum holds", "%d seats for a maximum of 3", len(seats))
			r.want(ok == 1, "one of two draws that together exceed the maximum goes through", "%d draws succeeded: %v", ok, errs)
			return r
		}},
		{"SetSeatRulesVsPublishSeed", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			reps := deliberation.SeatRule{Kind: deliberation.Representatives, Min: 1, Max: 3}
			must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{reps}))
			affected := deliberation.SeatRule{Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Min: 1, Max: 3}
			errs := domaintest.AtOnce(
				func() error {
					_, err := v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{reps, affected})
					return err
				},
				func() error { _, err := v.svc.PublishSeed(as(v.committee2), topic.ID); return err },
			)
			r.want(domaintest.CodeIn(errs[0], "", domain.Conflict), "SetSeatRules answers success or Conflict (seed published)", "SetSeatRules: %v", errs[0])
			r.want(errs[1] == nil, "the seed is published", "PublishSeed: %v", errs[1])
			p := must(v.svc.Panel(as(v.committee), topic.ID))
			r.want((errs[0] == nil) == slices.Contains(p.Rules, affected), "the rules change exactly when SetSeatRules said so",
				"SetSeatRules %v, rules %+v", errs[0], p.Rules)
			if slices.Contains(p.Rules, affected) {
				pools := v.events(tb, topic.ID, "pool", string(deliberation.AffectedResidents)+"/"+string(v.grid1.ID))
				r.want(pools == 1, "every drawable rule of a panel with a published seed had its pool fixed with the seed (rules are fixed once the seed is out)",
					"seed published, rules %+v, %d pool events for the affected-residents rule", p.Rules, pools)
			}
			return r
		}},
		{"PublishSeedTwice", func(tb testing.TB, v *pairVillage) (r rules) {
			topic := v.topic(tb)
			must(v.svc.SetSeatRules(as(v.committee), topic.ID, []deliberation.SeatRule{{Kind: deliberation.AffectedResidents, GridID: v.grid1.ID, Min: 1, Max: 3}}))
			got := make([]deliberation.Panel, 2)
			errs := domaintest.AtOnce(
				func() (err error) { got[0], err = v.svc.PublishSeed(as(v.committee), topic.ID); return err },
				func() (err error) { got[1], err = v.svc.PublishSeed(as(v.committee2), topic.ID); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			p := must(v.svc.Panel(as(v.committee), topic.ID))
			r.want(p.Seed != "" && got[0].Seed == p.Seed && got[1].Seed == p.Seed, "one seed is published, and both are told it",
				"returned %q and %q, stored %q", got[0].Seed, got[1].Seed, p.Seed)
			r.want(v.events(tb, topic.ID, "seed", "") == 1, "the seed is on the timeline once", "%d seed events", v.events(tb, topic.ID, "seed", ""))
			return r
		}},
	})
}

// reminders checks that the meeting's live reminders are 24 h and 1 h
// before it starts.
func (r *rules) reminders(v *pairVillage, m deliberation.Meeting) {
	for _, it := range v.rec.live(notify.KindMeetingReminder) {
		if it.Subject != "meeting:"+string(m.ID) {
			continue
		}
		want := m.StartsAt.Add(-map[string]time.Duration{"24h": 24 * time.Hour, "1h": time.Hour}[it.Occurrence])
		r.want(it.SendAt.Equal(want), "the reminders move with the meeting", "%s reminder at %v for a meeting at %v", it.Occurrence, it.SendAt, m.StartsAt)
	}
}

func TestConcurrentMeeting(t *testing.T) {
	v := newPairVillage(t)
	setUp := func(tb testing.TB) (deliberation.Topic, []domain.ID, deliberation.Meeting) {
		topic := v.topic(tb)
		members := v.panel(tb, topic, 3, 0, 3, 3)
		return topic, members, v.meeting(tb, topic)
	}
	runPairs(t, v, []pair{
		{"StartVsStart", func(tb testing.TB, v *pairVillage) (r rules) {
			topic, _, mt := setUp(tb)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.StartMeeting(as(v.committee), mt.ID); return err },
				func() error { _, err := v.svc.StartMeeting(as(v.committee2), mt.ID); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "starting a started meeting changes nothing", "%v, %v", errs[0], errs[1])
			r.want(must(v.svc.Meeting(as(v.committee), mt.ID)).Started, "the meeting is started", "not started")
			p := must(v.svc.Panel(as(v.committee), topic.ID))
			r.want(p.State == deliberation.PanelLocked, "the start locks the panel", "panel state %s", p.State)
			return r
		}},
		{"StartVsReschedule", func(tb testing.TB, v *pairVillage) (r rules) {
			topic, _, mt := setUp(tb)
			later := mt.StartsAt.Add(24 * time.Hour)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.StartMeeting(as(v.committee), mt.ID); return err },
				func() error { _, err := v.svc.RescheduleMeeting(as(v.committee2), mt.ID, later); return err },
			)
			r.want(errs[0] == nil, "the meeting starts", "StartMeeting: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Conflict), "RescheduleMeeting answers success or Conflict (started)", "RescheduleMeeting: %v", errs[1])
			got := must(v.svc.Meeting(as(v.committee), mt.ID))
			r.want(got.Started, "a rescheduling never undoes the start", "not started")
			r.want(got.StartsAt.Equal(later) == (errs[1] == nil), "the meeting moves exactly when RescheduleMeeting said so",
				"RescheduleMeeting %v, starts at %v (was %v)", errs[1], got.StartsAt, mt.StartsAt)
			p := must(v.svc.Panel(as(v.committee), topic.ID))
			r.want(p.State == deliberation.PanelLocked, "the start locks the panel", "panel state %s", p.State)
			r.reminders(v, got)
			return r
		}},
		{"RescheduleVsReschedule", func(tb testing.TB, v *pairVillage) (r rules) {
			_, _, mt := setUp(tb)
			times := []time.Time{mt.StartsAt.Add(24 * time.Hour), mt.StartsAt.Add(48 * time.Hour)}
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.RescheduleMeeting(as(v.committee), mt.ID, times[0]); return err },
				func() error { _, err := v.svc.RescheduleMeeting(as(v.committee2), mt.ID, times[1]); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both reschedulings answer success", "%v, %v", errs[0], errs[1])
			got := must(v.svc.Meeting(as(v.committee), mt.ID))
			r.want(slices.ContainsFunc(times, got.StartsAt.Equal), "the meeting is at one of the two times", "starts at %v", got.StartsAt)
			r.reminders(v, got)
			return r
		}},
		{"MinutesByTwo", func(tb testing.TB, v *pairVillage) (r rules) {
			_, _, mt := setUp(tb)
			minutes := []string{"会议讨论了村口停车问题。", "会议决定设临时停车场。"}
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.SetMinutes(as(v.committee), mt.ID, minutes[0]); return err },
				func() error { _, err := v.svc.SetMinutes(as(v.committee2), mt.ID, minutes[1]); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both save", "%v, %v", errs[0], errs[1])
			got := must(v.svc.Meeting(as(v.committee), mt.ID)).Minutes
			r.want(slices.Contains(minutes, got), "the minutes are one of the two, whole", "minutes %q", got)
			return r
		}},
		{"CheckInTwice", func(tb testing.TB, v *pairVillage) (r rules) {
			_, members, mt := setUp(tb)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.CheckIn(as(members[0]), mt.ID, mt.CheckInCode); return err },
				func() error { _, err := v.svc.CheckIn(as(members[0]), mt.ID, mt.CheckInCode); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "checking in twice answers success", "%v, %v", errs[0], errs[1])
			a := must(v.svc.Attendance(as(v.committee), mt.ID))
			r.want(slices.Equal(a.Present, []domain.ID{members[0]}), "one attendance each", "present %v", a.Present)
			return r
		}},
		{"CheckInVsRecordAttendance", func(tb testing.TB, v *pairVillage) (r rules) {
			_, members, mt := setUp(tb)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.CheckIn(as(members[0]), mt.ID, mt.CheckInCode); return err },
				func() error { _, err := v.svc.RecordAttendance(as(v.committee), mt.ID, members[0]); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			a := must(v.svc.Attendance(as(v.committee), mt.ID))
			r.want(slices.Equal(a.Present, []domain.ID{members[0]}), "one attendance each", "present %v", a.Present)
			return r
		}},
		{"CheckInByTwo", func(tb testing.TB, v *pairVillage) (r rules) {
			_, members, mt := setUp(tb)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.CheckIn(as(members[0]), mt.ID, mt.CheckInCode); return err },
				func() error { _, err := v.svc.CheckIn(as(members[1]), mt.ID, mt.CheckInCode); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both check in", "%v, %v", errs[0], errs[1])
			a := must(v.svc.Attendance(as(v.committee), mt.ID))
			r.want(len(a.Present) == 2, "both are present", "present %v", a.Present)
			return r
		}},
	})
}

func TestConcurrentComment(t *testing.T) {
	v := newPairVillage(t)
	topic := v.topic(t)
	author, reporter := v.residents[1], v.residents[2]
	comment := func(tb testing.TB) deliberation.Comment {
		return must(v.svc.AddComment(as(author), deliberation.CommentInput{TopicID: topic.ID, Body: "同意，每周二收厨余。"}))
	}
	hiddenEvents := func(tb testing.TB, c deliberation.Comment) int {
		return v.events(tb, topic.ID, "comment_hidden", string(c.ID))
	}
	runPairs(t, v, []pair{
		{"EditVsHide", func(tb testing.TB, v *pairVillage) (r rules) {
			c := comment(tb)
			errs := domaintest.AtOnce(
				func() error {
					_, err := v.svc.EditComment(as(author), c.ID, "同意，每周二、五收厨余。")
					return err
				},
				func() error { _, err := v.svc.HideComment(as(v.committee), c.ID, "与议题无关"); return err },
			)
			r.want(domaintest.CodeIn(errs[0], "", domain.Forbidden), "EditComment answers success or Forbidden (hidden)", "EditComment: %v", errs[0])
			r.want(errs[1] == nil, "the comment is hidden", "HideComment: %v", errs[1])
			got := must(v.svc.Comment(as(reporter), c.ID))
			r.want(got.Hidden && got.HiddenReason == "与议题无关" && got.Body == "", "a hidden comment stays hidden, with its reason in place of its text",
				"hidden %v, reason %q, body %q", got.Hidden, got.HiddenReason, got.Body)
			r.want(!got.EditedAt.IsZero() == (errs[0] == nil), "the comment keeps the edit exactly when EditComment said so",
				"EditComment %v, edited at %v", errs[0], got.EditedAt)
			r.want(must(v.svc.CommentCounts(as(reporter), []domain.ID{topic.ID}))[topic.ID] == 0, "a hidden comment is not counted", "counted")
			return r
		}},
		{"EditVsEdit", func(tb testing.TB, v *pairVillage) (r rules) {
			c := comment(tb)
			bodies := []string{"改一", "改二"}
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.EditComment(as(author), c.ID, bodies[0]); return err },
				func() error { _, err := v.svc.EditComment(as(author), c.ID, bodies[1]); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both edits answer success", "%v, %v", errs[0], errs[1])
			got := must(v.svc.Comment(as(reporter), c.ID))
			r.want(slices.Contains(bodies, got.Body) && !got.EditedAt.IsZero(), "the text is one of the two edits", "body %q", got.Body)
			return r
		}},
		{"HideVsHide", func(tb testing.TB, v *pairVillage) (r rules) {
			c := comment(tb)
			reasons := []string{"与议题无关", "人身攻击"}
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.HideComment(as(v.committee), c.ID, reasons[0]); return err },
				func() error { _, err := v.svc.HideComment(as(v.committee2), c.ID, reasons[1]); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both hide", "%v, %v", errs[0], errs[1])
			got := must(v.svc.Comment(as(reporter), c.ID))
			r.want(got.Hidden && slices.Contains(reasons, got.HiddenReason), "the comment is hidden with one of the reasons", "hidden %v, reason %q", got.Hidden, got.HiddenReason)
			r.want(hiddenEvents(tb, c) == 2, "each hiding is on the timeline", "%d comment_hidden events", hiddenEvents(tb, c))
			return r
		}},
		{"ReportTwice", func(tb testing.TB, v *pairVillage) (r rules) {
			c := comment(tb)
			errs := domaintest.AtOnce(
				func() error { return v.svc.ReportComment(as(reporter), c.ID, "无关") },
				func() error { return v.svc.ReportComment(as(reporter), c.ID, "广告") },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both reports answer success", "%v, %v", errs[0], errs[1])
			n := must(v.svc.ReportCounts(as(v.committee), topic.ID))[c.ID]
			r.want(n == 1, "one report per member and comment", "%d reports", n)
			return r
		}},
		{"ReportVsHide", func(tb testing.TB, v *pairVillage) (r rules) {
			c := comment(tb)
			errs := domaintest.AtOnce(
				func() error { return v.svc.ReportComment(as(reporter), c.ID, "无关") },
				func() error { _, err := v.svc.HideComment(as(v.committee), c.ID, "与议题无关"); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			n := must(v.svc.ReportCounts(as(v.committee), topic.ID))[c.ID]
			got := must(v.svc.Comment(as(reporter), c.ID))
			r.want(n == 1 && got.Hidden, "the report and the hiding are both kept", "%d reports, hidden %v", n, got.Hidden)
			return r
		}},
	})
}

func TestConcurrentResolution(t *testing.T) {
	v := newPairVillage(t)
	notice := v.resolution(t)
	// inNotice returns a resolution in its notice period: notice, or after
	// the clock has moved past it, a fresh one.
	inNotice := func(tb testing.TB) deliberation.Resolution {
		if notice.Stage(v.clock.Now()) != deliberation.StageNotice {
			notice = v.resolution(tb)
		}
		return notice
	}
	objection := func(tb testing.TB) deliberation.Objection {
		return must(v.svc.Object(as(v.residents[3]), inNotice(tb).ID, "临时停车场离我家太近"))
	}
	objections := func(tb testing.TB) map[domain.ID]deliberation.Objection {
		out := map[domain.ID]deliberation.Objection{}
		for _, o := range must(v.svc.Objections(as(v.committee), notice.ID)) {
			out[o.ID] = o
		}
		return out
	}
	items := func(tb testing.TB, res deliberation.Resolution) map[domain.ID]deliberation.ActionItem {
		out := map[domain.ID]deliberation.ActionItem{}
		for _, it := range must(v.svc.ActionItems(as(v.committee), res.ID)) {
			out[it.ID] = it
		}
		return out
	}
	noted := func(it deliberation.ActionItem, text string) bool {
		return slices.ContainsFunc(it.Updates, func(u deliberation.ItemUpdate) bool { return u.Text == text })
	}
	runPairs(t, v, []pair{
		{"ObjectVsAnswer", func(tb testing.TB, v *pairVillage) (r rules) {
			o := objection(tb)
			var filed deliberation.Objection
			errs := domaintest.AtOnce(
				func() (err error) {
					filed, err = v.svc.Object(as(v.residents[4]), notice.ID, "担心噪音")
					return err
				},
				func() error {
					_, err := v.svc.AnswerObjection(as(v.committee), o.ID, "入口将设在远离住户的一侧。")
					return err
				},
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			all := objections(tb)
			r.want(all[o.ID].Answer != "" && !all[o.ID].AnsweredAt.IsZero(), "the answer is kept", "%+v", all[o.ID])
			if errs[0] == nil {
				got, ok := all[filed.ID]
				r.want(ok && got.Answer == "", "the new objection is kept, unanswered", "%+v", got)
			}
			return r
		}},
		{"AnswerVsAnswer", func(tb testing.TB, v *pairVillage) (r rules) {
			o := objection(tb)
			answers := []string{"入口将设在远离住户的一侧。", "将加装隔音屏。"}
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.AnswerObjection(as(v.committee), o.ID, answers[0]); return err },
				func() error { _, err := v.svc.AnswerObjection(as(v.committee2), o.ID, answers[1]); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			got := objections(tb)[o.ID]
			r.want(slices.Contains(answers, got.Answer) && !got.AnsweredAt.IsZero(), "the answer is one of the two, whole", "%+v", got)
			return r
		}},
		{"ObjectVsObject", func(tb testing.TB, v *pairVillage) (r rules) {
			inNotice(tb)
			before := len(objections(tb))
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.Object(as(v.residents[4]), notice.ID, "担心噪音"); return err },
				func() error { _, err := v.svc.Object(as(v.residents[5]), notice.ID, "担心安全"); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			after := len(objections(tb))
			r.want(after == before+2, "both objections are kept", "%d objections, want %d", after, before+2)
			return r
		}},
		{"TwoProgressReports", func(tb testing.TB, v *pairVillage) (r rules) {
			it := v.item(tb, notice)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.UpdateActionItem(as(v.worker), it.ID, 30, "已平整", ""); return err },
				func() error {
					_, err := v.svc.UpdateActionItem(as(v.committee), it.ID, 60, "已划线", "")
					return err
				},
			)
			r.want(errs[0] == nil && errs[1] == nil, "both reports answer success", "%v, %v", errs[0], errs[1])
			got := items(tb, notice)[it.ID]
			r.want(len(got.Updates) == 2 && noted(got, "已平整") && noted(got, "已划线"), "both progress reports are kept", "updates %+v", got.Updates)
			if len(got.Updates) > 0 {
				last := got.Updates[len(got.Updates)-1]
				r.want(got.Progress == last.Progress, "the progress is the last report's", "progress %d, last report %d", got.Progress, last.Progress)
			}
			return r
		}},
		{"CorrectVsProgressReport", func(tb testing.TB, v *pairVillage) (r rules) {
			it := v.item(tb, notice)
			due := it.Due.AddDate(0, 0, 7)
			errs := domaintest.AtOnce(
				func() error {
					_, err := v.svc.CorrectActionItem(as(v.committee), deliberation.ItemCorrection{ItemID: it.ID, Due: &due, Reason: "期限写错了"})
					return err
				},
				func() error { _, err := v.svc.UpdateActionItem(as(v.worker), it.ID, 40, "已平整", ""); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			got := items(tb, notice)[it.ID]
			r.want(got.Due.Equal(due) && got.Progress == 40 && noted(got, "已平整") && len(got.Updates) == 2,
				"the correction and the report are both kept", "due %v (want %v), progress %d, updates %+v", got.Due, due, got.Progress, got.Updates)
			return r
		}},
		{"RemoveVsProgressReport", func(tb testing.TB, v *pairVillage) (r rules) {
			it := v.item(tb, notice)
			var reported deliberation.ActionItem
			errs := domaintest.AtOnce(
				func() error {
					_, err := v.svc.RemoveActionItem(as(v.committee), it.ID, "与第一项重复")
					return err
				},
				func() (err error) {
					reported, err = v.svc.UpdateActionItem(as(v.worker), it.ID, 40, "已平整", "")
					return err
				},
			)
			r.want(errs[0] == nil, "the item is removed", "RemoveActionItem: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.NotFound), "UpdateActionItem answers success or NotFound (removed)", "UpdateActionItem: %v", errs[1])
			r.want(errs[1] != nil || !reported.Removed, "a removed item takes no progress report",
				"UpdateActionItem answered success with the item already removed: %+v", reported.Updates)
			_, listed := items(tb, notice)[it.ID]
			r.want(!listed, "a removed item leaves the resolution's items", "still listed")
			return r
		}},
		{"RemoveVsCorrect", func(tb testing.TB, v *pairVillage) (r rules) {
			it := v.item(tb, notice)
			title := "平整空地"
			var corrected deliberation.ActionItem
			errs := domaintest.AtOnce(
				func() error {
					_, err := v.svc.RemoveActionItem(as(v.committee), it.ID, "与第一项重复")
					return err
				},
				func() (err error) {
					corrected, err = v.svc.CorrectActionItem(as(v.committee2), deliberation.ItemCorrection{ItemID: it.ID, Title: &title, Reason: "名称写错了"})
					return err
				},
			)
			r.want(errs[0] == nil, "the item is removed", "RemoveActionItem: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.NotFound), "CorrectActionItem answers success or NotFound (removed)", "CorrectActionItem: %v", errs[1])
			r.want(errs[1] != nil || !corrected.Removed, "a removed item takes no correction", "CorrectActionItem answered success on a removed item")
			return r
		}},
		{"CloseVsProgressReport", func(tb testing.TB, v *pairVillage) (r rules) {
			res, it := v.effectiveResolution(tb)
			errs := domaintest.AtOnce(
				func() error {
					_, err := v.svc.CloseResolution(as(v.committee), res.ID, deliberation.ClosingInput{Summary: "临时停车场已启用。"})
					return err
				},
				func() error {
					_, err := v.svc.UpdateActionItem(as(v.worker), it.ID, 80, "标线需返工", "")
					return err
				},
			)
			r.want(domaintest.CodeIn(errs[0], "", domain.Invalid), "CloseResolution answers success or Invalid (items not done, and no reason)", "CloseResolution: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Conflict), "the report answers success, or Conflict once the resolution closed", "UpdateActionItem: %v", errs[1])
			r.want(errs[0] != nil || errs[1] != nil, "one of them is refused: a close with the items done and a report reopening one cannot both stand", "both answered success")
			got := must(v.svc.Resolution(as(v.committee), res.ID))
			r.want((errs[0] == nil) == (!got.ClosedAt.IsZero() && got.Summary == "临时停车场已启用。"), "the resolution is closed exactly when CloseResolution said so",
				"CloseResolution %v, closed at %v, summary %q", errs[0], got.ClosedAt, got.Summary)
			after := items(tb, res)[it.ID]
			r.want((errs[1] == nil) == (after.Progress == 80 && noted(after, "标线需返工")), "the report is kept exactly when it answered success", "report %v, progress %d, updates %+v", errs[1], after.Progress, after.Updates)
			r.want(got.ClosedAt.IsZero() || after.Progress == 100 || got.UnfinishedReason != "", "a closed resolution has its items done or a reason", "closed at %v, progress %d", got.ClosedAt, after.Progress)
			return r
		}},
		{"CloseVsClose", func(tb testing.TB, v *pairVillage) (r rules) {
			res, _ := v.effectiveResolution(tb)
			summaries := []string{"临时停车场已启用。", "村口通行顺畅。"}
			errs := domaintest.AtOnce(
				func() error {
					_, err := v.svc.CloseResolution(as(v.committee), res.ID, deliberation.ClosingInput{Summary: summaries[0]})
					return err
				},
				func() error {
					_, err := v.svc.CloseResolution(as(v.committee2), res.ID, deliberation.ClosingInput{Summary: summaries[1]})
					return err
				},
			)
			won := -1
			for i, err := range errs {
				r.want(domaintest.CodeIn(err, "", domain.Conflict), "CloseResolution answers success or Conflict (closed already)", "CloseResolution: %v", err)
				if err == nil {
					won = i
				}
			}
			r.want((errs[0] == nil) != (errs[1] == nil), "a resolution closes once", "%v, %v", errs[0], errs[1])
			got := must(v.svc.Resolution(as(v.committee), res.ID))
			r.want(!got.ClosedAt.IsZero() && won >= 0 && got.Summary == summaries[won], "the summary is the one close's that answered success",
				"closed at %v, summary %q, successful close %d", got.ClosedAt, got.Summary, won)
			return r
		}},
		{"TwoProgressReportsToDone", func(tb testing.TB, v *pairVillage) (r rules) {
			res := v.resolution(tb)
			a, b := v.item(tb, res), v.item(tb, res)
			errs := domaintest.AtOnce(
				func() error { _, err := v.svc.UpdateActionItem(as(v.worker), a.ID, 100, "已划线", ""); return err },
				func() error {
					_, err := v.svc.UpdateActionItem(as(v.committee), b.ID, 100, "已装牌", "")
					return err
				},
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			got := must(v.svc.ActionItems(as(v.committee), res.ID))
			r.want(deliberation.Progress(got) == 100, "both items are done", "progress %d", deliberation.Progress(got))
			asked := 0
			for _, it := range v.rec.live(notify.KindSatisfaction) {
				if it.Subject == "resolution:"+string(res.ID) {
					asked++
				}
			}
			r.want(asked > 0, "when the last items are done at once, the residents are asked to rate", "%d satisfaction requests", asked)
			return r
		}},
		{"RateTwice", func(tb testing.TB, v *pairVillage) (r rules) {
			res, _ := v.doneResolution(tb)
			rater := v.residents[5]
			errs := domaintest.AtOnce(
				func() error { return v.svc.Rate(as(rater), res.ID, 2) },
				func() error { return v.svc.Rate(as(rater), res.ID, 5) },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both answer success", "%v, %v", errs[0], errs[1])
			sat := must(v.svc.Satisfaction(as(v.committee), res.ID))
			mine := must(v.svc.MyRating(as(rater), res.ID))
			r.want(sat.Count == 1 && (mine == 2 || mine == 5) && sat.Average == float64(mine), "one rating per resident, the one they see",
				"%d ratings averaging %v, mine %d", sat.Count, sat.Average, mine)
			return r
		}},
		{"AdoptTwice", func(tb testing.TB, v *pairVillage) (r rules) {
			m := v.closedMotion(tb)
			got := make([]deliberation.Resolution, 2)
			errs := domaintest.AtOnce(
				func() (err error) { got[0], err = v.svc.Adopt(as(v.committee), m.ID); return err },
				func() (err error) { got[1], err = v.svc.Adopt(as(v.committee2), m.ID); return err },
			)
			r.want(errs[0] == nil && errs[1] == nil, "adopting twice answers success", "%v, %v", errs[0], errs[1])
			n := 0
			for _, res := range must(v.svc.Resolutions(as(v.committee), v.c.ID)) {
				if res.TopicID == m.TopicID {
					n++
				}
			}
			r.want(n == 1, "one resolution per motion", "%d resolutions", n)
			r.want(got[0].ID == got[1].ID && got[0].AdoptedAt.Equal(got[1].AdoptedAt), "both are told of the same resolution", "%+v, %+v", got[0], got[1])
			r.want(v.events(tb, m.TopicID, "resolution_adopted", "") == 1, "the adoption is on the timeline once", "%d events", v.events(tb, m.TopicID, "resolution_adopted", ""))
			return r
		}},
	})
}

func TestConcurrentVote(t *testing.T) {
	v := newPairVillage(t)
	setUp := func(tb testing.TB) ([]domain.ID, deliberation.Motion) {
		topic := v.topic(tb)
		members := v.panel(tb, topic, 3, 0, 3, 3)
		return members, must(v.svc.OpenMotion(as(v.committee), v.motionInput(topic)))
	}
	// published checks that the closed motion's published result is what a
	// recount gives, and returns it.
	published := func(tb testing.TB, r *rules, m deliberation.Motion) deliberation.Result {
		pub := must(v.svc.Result(as(v.committee), m.ID))
		again := must(v.svc.Recompute(as(v.committee), m.ID))
		r.want(pub.Yes == again.Yes && pub.No == again.No && pub.Abstain == again.Abstain && pub.Passed == again.Passed && pub.Quorum == again.Quorum,
			"the published result equals a recount", "published %d/%d/%d, recount %d/%d/%d", pub.Yes, pub.No, pub.Abstain, again.Yes, again.No, again.Abstain)
		return pub
	}
	runPairs(t, v, []pair{
		{"VoteVsClose", func(tb testing.TB, v *pairVillage) (r rules) {
			members, m := setUp(tb)
			must(0, v.svc.Vote(as(members[0]), m.ID, deliberation.Yes))
			errs := domaintest.AtOnce(
				func() error { return v.svc.Vote(as(members[1]), m.ID, deliberation.Yes) },
				func() error { _, err := v.svc.CloseMotion(as(v.committee), m.ID); return err },
			)
			r.want(domaintest.CodeIn(errs[0], "", domain.Conflict), "Vote answers success or Conflict (closed)", "Vote: %v", errs[0])
			r.want(errs[1] == nil, "the vote closes", "CloseMotion: %v", errs[1])
			pub := published(tb, &r, m)
			r.want((errs[0] == nil) == (pub.Yes == 2), "a vote is either counted or refused", "Vote %v, published %d yes", errs[0], pub.Yes)
			mine := must(v.svc.MyVote(as(members[1]), m.ID))
			r.want((mine == deliberation.Yes) == (pub.Yes == 2), "a stored vote is counted", "my vote %q, published %d yes", mine, pub.Yes)
			return r
		}},
		{"ChangeVoteVsClose", func(tb testing.TB, v *pairVillage) (r rules) {
			members, m := setUp(tb)
			must(0, v.svc.Vote(as(members[0]), m.ID, deliberation.Yes))
			must(0, v.svc.Vote(as(members[1]), m.ID, deliberation.Yes))
			errs := domaintest.AtOnce(
				func() error { return v.svc.Vote(as(members[1]), m.ID, deliberation.No) },
				func() error { _, err := v.svc.CloseMotion(as(v.committee), m.ID); return err },
			)
			r.want(domaintest.CodeIn(errs[0], "", domain.Conflict), "Vote answers success or Conflict (closed)", "Vote: %v", errs[0])
			r.want(errs[1] == nil, "the vote closes", "CloseMotion: %v", errs[1])
			pub := published(tb, &r, m)
			want := [2]int{2, 0}
			if errs[0] == nil {
				want = [2]int{1, 1}
			}
			r.want(pub.Yes == want[0] && pub.No == want[1], "a change is either counted or refused", "Vote %v, published %d yes %d no", errs[0], pub.Yes, pub.No)
			mine := must(v.svc.MyVote(as(members[1]), m.ID))
			r.want((mine == deliberation.No) == (errs[0] == nil), "the voter sees the vote that counts", "Vote %v, my vote %q", errs[0], mine)
			return r
		}},
		{"VoteTwice", func(tb testing.TB, v *pairVillage) (r rules) {
			members, m := setUp(tb)
			errs := domaintest.AtOnce(
				func() error { return v.svc.Vote(as(members[0]), m.ID, deliberation.Yes) },
				func() error { return v.svc.Vote(as(members[0]), m.ID, deliberation.No) },
			)
			r.want(errs[0] == nil && errs[1] == nil, "both votes answer success", "%v, %v", errs[0], errs[1])
			count := must(v.svc.CountNow(as(v.committee), m.ID))
			mine := must(v.svc.MyVote(as(members[0]), m.ID))
			r.want(count.Yes+count.No+count.Abstain == 1, "one vote per voter", "%d yes %d no %d abstain", count.Yes, count.No, count.Abstain)
			r.want((mine == deliberation.Yes && count.Yes == 1) || (mine == deliberation.No && count.No == 1), "the latest vote counts, the one the voter sees",
				"my vote %q, count %d yes %d no", mine, count.Yes, count.No)
			must(v.svc.CloseMotion(as(v.committee), m.ID))
			published(tb, &r, m)
			return r
		}},
		{"CloseVsClose", func(tb testing.TB, v *pairVillage) (r rules) {
			members, m := setUp(tb)
			must(0, v.svc.Vote(as(members[0]), m.ID, deliberation.Yes))
			must(0, v.svc.Vote(as(members[1]), m.ID, deliberation.No))
			got := make([]deliberation.Result, 2)
			errs := domaintest.AtOnce(
				func() (err error) { got[0], err = v.svc.CloseMotion(as(v.committee), m.ID); return err },
				func() (err error) { got[1], err = v.svc.CloseMotion(as(v.committee2), m.ID); return err },
			)
			ok := 0
			for _, err := range errs {
				r.want(domaintest.CodeIn(err, "", domain.Conflict), "CloseMotion answers success or Conflict (closed)", "CloseMotion: %v", err)
				if err == nil {
					ok++
				}
			}
			r.want(ok == 1, "one close publishes the result", "%d closes answered success", ok)
			pub := published(tb, &r, m)
			r.want(pub.Yes == 1 && pub.No == 1, "the published result counts the votes", "%d yes %d no", pub.Yes, pub.No)
			return r
		}},
		{"AssistedVsOwnVote", func(tb testing.TB, v *pairVillage) (r rules) {
			members, m := setUp(tb)
			voter := members[0] // an assisted resident of grid 1, the worker's
			must(0, v.svc.RecordAssistedVote(as(v.worker), m.ID, voter, deliberation.Abstain, "章美芳"))
			errs := domaintest.AtOnce(
				func() error { return v.svc.Vote(as(voter), m.ID, deliberation.No) },
				func() error {
					return v.svc.RecordAssistedVote(as(v.worker), m.ID, voter, deliberation.Yes, "章美芳")
				},
			)
			r.want(errs[0] == nil, "the member's own vote is taken", "Vote: %v", errs[0])
			r.want(domaintest.CodeIn(errs[1], "", domain.Conflict), "RecordAssistedVote answers success or Conflict (voted themself)", "RecordAssistedVote: %v", errs[1])
			mine := must(v.svc.MyVote(as(voter), m.ID))
			count := must(v.svc.CountNow(as(v.committee), m.ID))
			r.want(mine == deliberation.No && count.No == 1 && count.Yes+count.Abstain == 0, "an assisted vote never replaces one the member cast themself",
				"my vote %q, count %d yes %d no %d abstain", mine, count.Yes, count.No, count.Abstain)
			return r
		}},
	})
}
