package graph_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/patrol"
)

// BenchmarkPatrolPages measures, through the HTTP handler, a team of 40
// with a published month of three shifts a day and five dropped places:
// the query of a member's 巡防 page (their shifts of this month and the
// next with the checkpoints passed, the swaps offered, the open places
// with who may take them, the loads and the rosters' shifts with who is
// on them), p50 and p95; then one check-in at a checkpoint by its code,
// p50.
// Run: go test ./graph -run '^$' -bench PatrolPages -benchtime 20x
func BenchmarkPatrolPages(b *testing.B) {
	dv := newDisclosureVillage(b)
	e, v := dv.e, dv.v
	ps := e.patrols
	team := must(ps.CreateTeam(v.admin, v.c.ID, "古城武林大妈巡防队", v.adminID))
	var free []patrol.Slot
	for d := time.Sunday; d <= time.Saturday; d++ {
		free = append(free, patrol.Slot{Weekday: d, Start: 6 * 60, End: 23 * 60})
	}
	must(ps.SetMember(v.admin, patrol.MemberInput{TeamID: team.ID, Weekly: free, MaxPerWeek: 7}))
	var tokens []string
	var memberIDs []domain.ID
	for i := range 39 {
		tok, id := e.register(b, fmt.Sprintf("p%02d@example.com", i), fmt.Sprintf("队员%02d", i))
		memberIDs = append(memberIDs, id)
		r := must(e.comms.RequestToJoin(as(id), community.JoinInput{CommunityID: v.c.ID, GridID: v.grid.ID}))
		must(e.comms.ApproveJoinRequest(v.admin, r.ID))
		must(ps.Join(as(id), patrol.MemberInput{TeamID: team.ID, Weekly: free, MaxPerWeek: 7}))
		tokens = append(tokens, tok)
	}
	route := must(ps.AddRoute(v.admin, team.ID, v.grid.ID, "古城线", []patrol.CheckpointInput{{Name: "村口", MicroGridID: v.micro.ID},
		{Name: "古桥", MicroGridID: v.micro.ID}}))
	every := []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	for i, t := range [][2]int{{8, 10}, {14, 16}, {19, 21}} {
		must(ps.AddTemplate(v.admin, patrol.TemplateInput{TeamID: team.ID, RouteID: route.ID, Name: fmt.Sprintf("班%d", i), Days: every,
			Start: t[0] * 60, End: t[1] * 60, Min: 2, Max: 3, Weight: 1 + float64(i)/2}))
	}
	must(ps.GenerateRoster(v.admin, team.ID, "2026-11"))
	must(ps.PublishRoster(v.admin, team.ID, "2026-11"))
	for _, id := range []int{1, 2, 3, 4, 5} {
		held := must(ps.MyShifts(as(memberIDs[id]), team.ID, "2026-11"))
		must(ps.Drop(as(memberIDs[id]), held[len(held)-1].ID))
	}
	// The query of the 巡防 page (frontend/src/pages/patrol.tsx), for this
	// month and the next.
	const q = `query($t: ID!) { node(id: $t) { ... on PatrolTeam {
		mine: myShifts(month: "2026-11") { ...mine } mineNext: myShifts(month: "2026-12") { ...mine }
		offered: offeredPositions(month: "2026-11") { ...place } offeredNext: offeredPositions(month: "2026-12") { ...place }
		open: openPositions(month: "2026-11") { ...place candidates { shifts user { id name } } }
		openNext: openPositions(month: "2026-12") { ...place candidates { shifts user { id name } } }
		loads(month: "2026-11") { user { name } weight shifts }
		roster(month: "2026-11") { ...mates } rosterNext: roster(month: "2026-12") { ...mates } } } }
	fragment mine on PatrolPosition { id state start end night weight pendingTaker { name } passed { checkpoint at } route { name checkpoints { name } } }
	fragment place on PatrolPosition { id start end night user { name } route { name } }
	fragment mates on PatrolRoster { published shifts { start route { id } assigned { id name } } }`
	teamID := gid("PatrolTeam", team.ID)
	b.Run("MyShifts", func(b *testing.B) {
		timed(b, func() {
			r := e.do(b, call{query: q, vars: map[string]any{"t": teamID}, token: tokens[0]})
			if len(r.Errors) > 0 {
				b.Fatal(r.Errors)
			}
		})
	})
	// Check-ins: each on a fresh shift of the admin's, on its own day.
	mine := must(ps.MyShifts(v.admin, team.ID, "2026-11"))
	const checkIn = `mutation($p: ID!, $c: String) { checkInPatrol(input: {positionId: $p, code: $c}) { position { state } } }`
	b.Run("CheckIn", func(b *testing.B) {
		i := 0
		timed(b, func() {
			p := mine[i%len(mine)]
			i++
			e.clock.Set(p.Start.Add(5 * time.Minute))
			r := e.do(b, call{query: checkIn, vars: map[string]any{"p": gid("PatrolPosition", p.ID), "c": route.Checkpoints[0].Code}, token: dv.committeeTok})
			if len(r.Errors) > 0 && r.code() != "CONFLICT" {
				b.Fatal(r.Errors)
			}
		})
	})

}
