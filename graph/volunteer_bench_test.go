package graph_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// BenchmarkNeedsForMe measures, through the HTTP handler, the "needs for
// me" page of a volunteer in a village of 2,000 volunteers with 500 open
// needs over the next two weeks, p50 and p95.
// Run: go test ./graph -run '^$' -bench NeedsForMe -benchtime 20x
func BenchmarkNeedsForMe(b *testing.B) {
	vv := newVolunteerVillage(b)
	e, v := vv.e, vv.v
	skills := []string{"elderly_care", "errands", "traffic", "environment", "tutoring", "appliance_repair"}
	team := must(e.volunteers.Teams(v.admin, v.c.ID))[0]
	inParallel(2000, func(i int) {
		m := must(e.comms.RegisterAssistedResident(v.admin, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: v.micro.ID, Name: fmt.Sprintf("志愿者%04d", i)}))
		in := volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: team.ID, MaxMinutesPerWeek: 600,
			Skills: []volunteer.SkillLevel{{Code: skills[i%len(skills)], Level: 1 + i%3}, {Code: skills[(i+1)%len(skills)], Level: 1}}}
		for d := time.Sunday; d <= time.Saturday; d++ {
			if (i+int(d))%3 != 0 {
				in.Weekly = append(in.Weekly, volunteer.Slot{Weekday: d, Start: 8 * 60, End: 18 * 60})
			}
		}
		must(e.volunteers.Join(as(m.UserID), in))
		must(e.volunteers.Confirm(v.admin, v.c.ID, m.UserID))
	})
	day := e.clock.Now().Truncate(time.Hour).Add(24 * time.Hour)
	inParallel(500, func(i int) {
		start := day.Add(time.Duration(i%13) * 24 * time.Hour).Add(time.Duration(i%8) * time.Hour)
		must(e.volunteers.PostNeed(v.admin, volunteer.NeedInput{CommunityID: v.c.ID, Title: fmt.Sprintf("需求%03d", i), Required: []string{skills[i%len(skills)]},
			Start: start, End: start.Add(time.Duration(1+i%3) * time.Hour), MicroGridID: v.micro.ID, Address: "一组", Slots: 1 + i%4}))
	})
	const q = `query($c: ID!) { community(id: $c) { needsForMe { score occurrence { id start openSlots } need { title } factors { key points detail } } } }`
	var n int
	timed(b, func() {
		r := e.do(b, call{query: q, vars: map[string]any{"c": vv.community}, token: vv.volTokens[0]})
		if len(r.Errors) > 0 {
			b.Fatal(r.Errors)
		}
		n = len(path(r.Data, "community", "needsForMe").([]any))
	})
	b.ReportMetric(float64(n), "needs")
}
