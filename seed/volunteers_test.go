package seed_test

import (
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/volunteer"
	"github.com/yishi-app/yishi/seed"
)

// checkVolunteers (TestLoad's Volunteers): the village has 助老服务队 of 15
// confirmed volunteers and one waiting, needs in every state (the parking
// resolution's action item among their sources), tasks in progress, filled
// and with the last slot open, balances from six weeks of service, and a
// ledger that sums to zero.
func checkVolunteers(t *testing.T, s seed.Services) {
	v := communityNamed(t, s, "小古城村")
	ctx, _ := login(t, s, "chen.guifang@xiaogucheng.example") // the team's leader
	teams, err := s.Volunteers.Teams(ctx, v.ID)
	if err != nil || len(teams) != 1 || teams[0].Name != "助老服务队" {
		t.Fatalf("teams = %+v, %v", teams, err)
	}
	active, pending := volunteer.Active, volunteer.Pending
	l, err := s.Volunteers.Volunteers(ctx, v.ID, volunteer.ProfileFilter{State: &active}, domain.Page{First: 50})
	if err != nil || l.TotalCount != 15 {
		t.Fatalf("active volunteers = %d, %v", l.TotalCount, err)
	}
	if l, _ := s.Volunteers.Volunteers(ctx, v.ID, volunteer.ProfileFilter{State: &pending}, domain.Page{First: 50}); l.TotalCount != 1 {
		t.Errorf("pending volunteers = %d", l.TotalCount)
	}
	committee, _ := login(t, s, "yao.jianming@xiaogucheng.example")
	needs, err := s.Volunteers.Needs(committee, v.ID, volunteer.NeedFilter{}, domain.Page{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	states, sources, occ := map[volunteer.NeedState]int{}, map[volunteer.Source]int{}, map[volunteer.OccurrenceState]int{}
	filled, lastSlot, parking := 0, 0, false
	for _, n := range needs.Items {
		states[n.State]++
		sources[n.Source]++
		parking = parking || n.Source == volunteer.SourceActionItem && n.Title == "节假日由志愿者引导停车"
		os, err := s.Volunteers.Occurrences(committee, n.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range os {
			occ[o.State]++
			if o.State == volunteer.OccurrenceOpen && o.Filled() {
				filled++
			}
			if o.State == volunteer.OccurrenceOpen && o.Slots > 1 && o.OpenSlots == 1 {
				lastSlot++
			}
		}
	}
	for _, st := range []volunteer.NeedState{volunteer.NeedPending, volunteer.NeedOpen, volunteer.NeedRejected, volunteer.NeedCancelled, volunteer.NeedDone} {
		if states[st] == 0 {
			t.Errorf("no need is %s: %v", st, states)
		}
	}
	for _, src := range []volunteer.Source{volunteer.SourceSelf, volunteer.SourceGridWorker, volunteer.SourceCommittee, volunteer.SourceActionItem} {
		if sources[src] == 0 {
			t.Errorf("no need from %s: %v", src, sources)
		}
	}
	if !parking {
		t.Errorf("no need 节假日由志愿者引导停车 from the parking resolution's action item")
	}
	for _, st := range []volunteer.OccurrenceState{volunteer.OccurrenceOpen, volunteer.OccurrenceInProgress, volunteer.OccurrenceDone, volunteer.OccurrenceCancelled} {
		if occ[st] == 0 {
			t.Errorf("no occurrence is %s: %v", st, occ)
		}
	}
	if filled == 0 || lastSlot == 0 {
		t.Errorf("filled %d, with the last slot open %d", filled, lastSlot)
	}
	sum, pool, err := s.Volunteers.LedgerSum(ctx, v.ID)
	if err != nil || sum != 0 || pool >= 0 {
		t.Errorf("ledger sum %d, pool %d, %v", sum, pool, err)
	}
	nurse, u := login(t, s, "fang.hongying@xiaogucheng.example")
	b, err := s.Volunteers.Balance(nurse, v.ID, u.ID)
	if err != nil || b.Earned != 240 {
		t.Errorf("the nurse's balance = %+v, %v", b, err)
	}
}
