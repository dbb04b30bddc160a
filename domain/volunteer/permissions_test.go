package volunteer_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// TestPermissionMatrix calls every mutation of the volunteer area as every
// role (a resident, a confirmed volunteer, a team leader, a grid worker,
// the committee, the admin), an outsider, another community's committee
// and an anonymous client, and checks that exactly the designed callers
// pass the permission gate. A call passes when it fails with anything but
// Unauthenticated, Forbidden or NotFound: a Conflict or Invalid means the
// rules looked at the request. Each call acts on records of its own, made
// just before it.
func TestPermissionMatrix(t *testing.T) {
	v := newVillage(t)
	ctx := context.Background()
	outsider := must(v.accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: "outsider@example.com", Password: "password1", Name: "外人"})).User.ID
	vol := v.volunteer(t, "志愿者", "elderly_care")
	callers := []struct {
		name string
		ctx  context.Context
	}{
		{"resident", as(v.residents[0])}, {"volunteer", as(vol)}, {"leader", as(v.leader)}, {"grid_worker", as(v.worker)},
		{"committee", as(v.committee)}, {"admin", as(v.admin)}, {"outsider", as(outsider)}, {"other_committee", as(v.otherCommittee)},
		{"anonymous", ctx},
	}
	members := []string{"resident", "volunteer", "leader", "grid_worker", "committee", "admin"}
	coordinators := []string{"leader", "committee", "admin"}
	only := func(names ...string) []string { return names }

	// Fresh records for each call.
	n := 0
	need := func() volunteer.Need {
		n++
		in := v.needInput(3)
		in.Title = fmt.Sprintf("需求%d", n)
		in.Start, in.End = v.clock.Now().Add(2*time.Hour), v.clock.Now().Add(3*time.Hour)
		return must(v.svc.PostNeed(as(v.committee), in))
	}
	occurrence := func() volunteer.Occurrence { return v.firstOccurrence(t, need()) }
	claim := func() *volunteer.Claim { return must(v.svc.Claim(as(vol), occurrence().ID)).Claim }
	pendingNeed := func() volunteer.Need {
		in := v.needInput(1)
		in.Start, in.End = v.clock.Now().Add(2*time.Hour), v.clock.Now().Add(3*time.Hour)
		return must(v.svc.PostNeed(as(v.residents[2]), in))
	}
	newcomer := func() domain.ID {
		id := v.member(t, "新志愿者", v.micro1.ID, "", "")
		must(v.svc.Join(as(id), volunteer.ProfileInput{CommunityID: v.c.ID, TeamID: v.team.ID, MaxMinutesPerWeek: 60,
			Skills: []volunteer.SkillLevel{{Code: "medical_care", Level: 2, Credential: "证书"}}}))
		return id
	}
	started := func(c *volunteer.Claim) *volunteer.Claim {
		v.clock.Set(c.Start.Add(10 * time.Minute))
		return c
	}
	noShow := func() *volunteer.Claim {
		c := started(claim())
		must(v.svc.MarkNoShow(as(v.committee), c.ID))
		return c
	}
	// forResident is a need a grid worker posts for the first resident.
	forResident := func(slots int) volunteer.Need {
		in := v.needInput(slots)
		in.Start, in.End = v.clock.Now().Add(2*time.Hour), v.clock.Now().Add(3*time.Hour)
		in.For = v.residents[0]
		return must(v.svc.PostNeed(as(v.worker), in))
	}
	done := func() volunteer.Occurrence {
		o := v.firstOccurrence(t, forResident(1))
		c := must(v.svc.Claim(as(vol), o.ID)).Claim
		v.clock.Set(c.Start.Add(10 * time.Minute))
		must(v.svc.CheckIn(as(v.committee), c.ID, ""))
		v.clock.Set(c.End)
		must(v.svc.CheckOut(as(v.committee), c.ID, ""))
		must(v.svc.ConfirmHours(as(v.committee), c.ID, 60))
		return o
	}
	// full is an occurrence whose one slot another volunteer holds, with
	// the volunteer waiting.
	other := v.volunteer(t, "另一位志愿者", "elderly_care")
	full := func() volunteer.Occurrence {
		o := v.firstOccurrence(t, forResident(1))
		must(v.svc.Claim(as(other), o.ID))
		if r := must(v.svc.Claim(as(vol), o.ID)); r.Claim != nil {
			t.Fatalf("the full occurrence took a second claim: %+v", r)
		}
		return o
	}
	// familyNeed is the volunteer's need for a family member, paid from the
	// credit of a task done just before.
	familyNeed := func() volunteer.Need {
		must(v.svc.SetSettings(as(v.committee), v.c.ID, volunteer.Settings{Exchange: true}))
		done()
		in := v.needInput(1)
		in.Start, in.End = v.clock.Now().Add(2*time.Hour), v.clock.Now().Add(3*time.Hour)
		in.PayWithCredit, in.Family = true, "母亲 村民1"
		return must(v.svc.PostNeed(as(vol), in))
	}
	profile := volunteer.ProfileInput{CommunityID: v.c.ID, MaxMinutesPerWeek: 60, Skills: []volunteer.SkillLevel{{Code: "errands", Level: 1}}}
	ops := []struct {
		name    string
		allowed []string
		call    func(context.Context) error
	}{
		{"confirm", only("leader", "committee", "admin"), func(ctx context.Context) error { _, err := v.svc.Confirm(ctx, v.c.ID, newcomer()); return err }},
		{"pauseOther", only("committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.SetState(ctx, v.c.ID, v.volunteer(t, "另一位", "errands"), volunteer.Paused)
			return err
		}},
		{"verifyCredential", only("committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.VerifyCredential(ctx, v.c.ID, newcomer(), "medical_care")
			return err
		}},
		{"addLocalSkill", only("committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.AddLocalSkill(ctx, v.c.ID, fmt.Sprintf("技能%d", time.Now().UnixNano()%100000), false)
			return err
		}},
		{"createTeam", only("committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.CreateTeam(ctx, volunteer.TeamInput{CommunityID: v.c.ID, Name: fmt.Sprintf("队%d", time.Now().UnixNano()%100000), Leaders: []domain.ID{v.leader}})
			return err
		}},
		{"setTeamLeaders", only("committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.SetTeamLeaders(ctx, v.team.ID, []domain.ID{v.leader})
			return err
		}},
		{"postNeed", members, func(ctx context.Context) error { _, err := v.svc.PostNeed(ctx, v.needInput(1)); return err }},
		{"postNeedForResident", only("grid_worker", "committee", "admin"), func(ctx context.Context) error {
			in := v.needInput(1)
			in.For = v.residents[1]
			_, err := v.svc.PostNeed(ctx, in)
			return err
		}},
		{"decideNeed", only("grid_worker", "committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.DecideNeed(ctx, pendingNeed().ID, true, "")
			return err
		}},
		{"approveForFamily", only("grid_worker", "committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.ApproveForFamily(ctx, familyNeed().ID, v.residents[0])
			return err
		}},
		{"cancelNeed", coordinators, func(ctx context.Context) error {
			_, err := v.svc.CancelNeed(ctx, need().ID, "不需要了")
			return err
		}},
		{"cancelNeedForResident", only("resident", "grid_worker", "leader", "committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.CancelNeed(ctx, forResident(1).ID, "不需要了")
			return err
		}},
		{"claim", only("volunteer"), func(ctx context.Context) error { _, err := v.svc.Claim(ctx, occurrence().ID); return err }},
		{"cancelClaim", only("volunteer", "leader", "committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.CancelClaim(ctx, claim().ID)
			return err
		}},
		{"checkInForThem", only("leader", "grid_worker", "committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.CheckIn(ctx, started(claim()).ID, "")
			return err
		}},
		{"checkOutForThem", only("leader", "grid_worker", "committee", "admin"), func(ctx context.Context) error {
			c := started(claim())
			must(v.svc.CheckIn(as(v.committee), c.ID, ""))
			_, err := v.svc.CheckOut(ctx, c.ID, "")
			return err
		}},
		{"leaveWaitlist", only("volunteer"), func(ctx context.Context) error { return v.svc.LeaveWaitlist(ctx, full().ID) }},
		{"disputeNoShow", only("volunteer"), func(ctx context.Context) error {
			_, err := v.svc.DisputeNoShow(ctx, noShow().ID, "我到了，但是没扫码")
			return err
		}},
		{"decideDispute", coordinators, func(ctx context.Context) error {
			c := noShow()
			must(v.svc.DisputeNoShow(as(vol), c.ID, "我到了，但是没扫码"))
			_, err := v.svc.DecideDispute(ctx, c.ID, true)
			return err
		}},
		{"rate", only("resident", "grid_worker"), func(ctx context.Context) error {
			_, err := v.svc.Rate(ctx, done().ID, 5, "很好")
			return err
		}},
		{"markNoShow", coordinators, func(ctx context.Context) error { _, err := v.svc.MarkNoShow(ctx, started(claim()).ID); return err }},
		{"confirmHours", coordinators, func(ctx context.Context) error {
			_, err := v.svc.ConfirmHours(ctx, started(claim()).ID, 60)
			return err
		}},
		{"correctHours", coordinators, func(ctx context.Context) error {
			c := started(claim())
			must(v.svc.ConfirmHours(as(v.committee), c.ID, 60))
			_, err := v.svc.CorrectHours(ctx, c.ID, 10, "补记")
			return err
		}},
		{"candidates", append(slices.Clone(coordinators), "grid_worker"), func(ctx context.Context) error {
			_, err := v.svc.Candidates(ctx, occurrence().ID)
			return err
		}},
		{"invite", append(slices.Clone(coordinators), "grid_worker"), func(ctx context.Context) error {
			_, err := v.svc.Invite(ctx, occurrence().ID, []domain.ID{vol})
			return err
		}},
		{"weekProposal", coordinators, func(ctx context.Context) error { _, err := v.svc.WeekProposal(ctx, v.c.ID, v.clock.Now()); return err }},
		{"certificateOfOther", coordinators, func(ctx context.Context) error {
			_, err := v.svc.IssueCertificate(ctx, v.c.ID, v.residents[1], "2026-01-01", "2026-12-01")
			return err
		}},
		{"settings", only("committee", "admin"), func(ctx context.Context) error {
			_, err := v.svc.SetSettings(ctx, v.c.ID, volunteer.Settings{})
			return err
		}},
		// Last, since everyone who passes has a profile after it.
		{"join", members, func(ctx context.Context) error { _, err := v.svc.Join(ctx, profile); return err }},
		{"updateProfile", members, func(ctx context.Context) error { _, err := v.svc.UpdateProfile(ctx, profile); return err }},
	}
	var wrong []string
	for _, op := range ops {
		for _, c := range callers {
			err := op.call(c.ctx)
			code := domain.ErrorCode(err)
			if code == domain.Internal {
				t.Fatalf("%s as %s: %v", op.name, c.name, err)
			}
			passed := code != domain.Unauthenticated && code != domain.Forbidden && code != domain.NotFound
			if want := slices.Contains(op.allowed, c.name); passed != want {
				wrong = append(wrong, fmt.Sprintf("%s as %s: passed=%v (%v), want %v", op.name, c.name, passed, err, want))
			}
			v.clock.Set(start)
		}
	}
	sort.Strings(wrong)
	if len(wrong) > 0 {
		t.Errorf("%d cells differ from the design:\n%s", len(wrong), strings.Join(wrong, "\n"))
	}
}
