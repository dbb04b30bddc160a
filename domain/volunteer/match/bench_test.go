package match_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain/volunteer/match"
)

// benchSkills are a village's volunteer skills, commonest first.
var benchSkills = []string{
	"助老", "助餐", "陪诊", "清洁", "环境整治", "巡逻", "驾驶", "维修", "电脑手机",
	"教育辅导", "文艺", "理发", "心理疏导", "电工", "医疗护理", "法律咨询", "手语", "应急救援",
}

// p50 reports the median of the times taken, in milliseconds.
func p50(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2])/1e6, "p50-ms")
}

// BenchmarkRank ranks 10,000 volunteers for one need (goal: p50 under 20
// ms): an afternoon's elder care, for which a few hundred qualify, and a need
// open to anyone free then, which most volunteers are, each with six
// explained factors.
func BenchmarkRank(b *testing.B) {
	loc := shanghai(b)
	_, vols := genWeek(rand.New(rand.NewPCG(1, 1)), loc, genConfig{needs: 1, vols: 10_000, skills: benchSkills, maxSlots: 1})
	elderCare := match.Need{
		ID: "n", Start: at(loc, 1, 14, 0), End: at(loc, 1, 16, 0), Zone: loc,
		Grid: "一网格", MicroGrid: "一网格-1",
		Required:  []match.SkillNeed{{Name: "助老", Level: 2}},
		Preferred: []match.SkillNeed{{Name: "陪诊"}},
		Slots:     2,
	}
	anyone := elderCare
	anyone.Required = nil
	free := slices.Clone(vols)
	for i := range free { // free on Tuesdays too
		free[i].Weekly = append(slices.Clip(free[i].Weekly), match.Slot{Day: time.Tuesday, Start: 0, End: 24 * 60})
	}
	for _, bc := range []struct {
		name string
		need match.Need
		vols []match.Volunteer
	}{{"ElderCare", elderCare, vols}, {"Anyone", anyone, free}} {
		b.Run(bc.name, func(b *testing.B) {
			var took []time.Duration
			var rk match.Ranking
			for b.Loop() {
				start := time.Now()
				rk = match.Rank(bc.need, bc.vols)
				took = append(took, time.Since(start))
			}
			p50(b, took)
			b.ReportMetric(float64(len(rk.Candidates)), "candidates")
		})
	}
}

// BenchmarkPropose proposes a week of 500 needs (1-3 slots, 1-4 hours) for
// 2,000 volunteers and reports its coverage as a share of Optimum's bound
// (goal: at least 98 %).
func BenchmarkPropose(b *testing.B) {
	loc := shanghai(b)
	needs, vols := genWeek(rand.New(rand.NewPCG(2, 2)), loc, genConfig{needs: 500, vols: 2000, skills: benchSkills, maxSlots: 3})
	start := time.Now()
	bound := match.Optimum(needs, vols)
	optTook := time.Since(start)
	var took []time.Duration
	var p match.Proposal
	for b.Loop() {
		start := time.Now()
		p = match.Propose(needs, vols)
		took = append(took, time.Since(start))
	}
	p50(b, took)
	b.ReportMetric(100*p.Share(bound), "%-of-optimum")
	b.ReportMetric(float64(p.Covered), "covered")
	b.ReportMetric(float64(bound.Slots), "bound")
	b.ReportMetric(float64(p.Open), "open")
	b.ReportMetric(float64(optTook)/1e6, "optimum-ms")
	b.ReportMetric(p.FairnessCost, "fairness-h²")
	b.ReportMetric(bound.FairnessCost, "bound-fairness-h²")
	if !bound.Exact {
		b.Log("the bound is a relaxation's, not an exact optimum")
	}
}
