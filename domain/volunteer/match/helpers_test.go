package match_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // Asia/Shanghai on machines without a zone database

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/volunteer/match"
)

func txt(zh, en string) domain.Text { return domain.Text{ZH: zh, EN: en} }

// shanghai is the community's zone in the tests.
func shanghai(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// at returns day days after Monday at hh:mm in loc.
func at(loc *time.Location, day, hh, mm int) time.Time {
	return time.Date(2026, 3, 2+day, hh, mm, 0, 0, loc)
}

// oracleEligible applies the hard constraints of one need the slow, plain
// way: minute by minute for availability. It shares no code with the package.
func oracleEligible(n match.Need, v match.Volunteer) bool {
	if v.Paused || slices.Contains(n.Claimed, v.ID) {
		return false
	}
	for _, r := range n.Required {
		ok := false
		for _, s := range v.Skills {
			credential := n.Sensitive && r.Credentialed
			if s.Name == r.Name && max(s.Level, 1) >= r.Level && (!credential || s.Verified) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if n.Sensitive && !v.Verified {
		return false
	}
	minutes := int(n.End.Sub(n.Start) / time.Minute)
	if v.MaxWeekMinutes > 0 && v.WeekMinutes+minutes > v.MaxWeekMinutes {
		return false
	}
	for _, p := range v.Busy {
		if p.Start.Before(n.End) && n.Start.Before(p.End) {
			return false
		}
	}
	loc := n.Zone
	if loc == nil {
		loc = time.FixedZone("UTC+8", 8*3600)
	}
	for t := n.Start; t.Before(n.End); t = t.Add(time.Minute) {
		lt := t.In(loc)
		m := lt.Hour()*60 + lt.Minute()
		free := false
		for _, s := range v.Weekly {
			if s.Day == lt.Weekday() && s.Start <= m && m < s.End {
				free = true
			}
		}
		for _, p := range v.Away {
			if t.Before(p.End) && p.Start.Before(t.Add(time.Minute)) {
				free = false
			}
		}
		if free {
			return true
		}
	}
	return false
}

// genConfig shapes a random week.
type genConfig struct {
	needs, vols int
	skills      []string // the skills in play; the first ones are the most common
	maxSlots    int
	dense       bool // long weekly slots and easy skills: more contention
}

// genWeek returns a random week of needs and volunteers in loc, all its
// windows on whole minutes.
func genWeek(r *rand.Rand, loc *time.Location, cfg genConfig) ([]match.Need, []match.Volunteer) {
	skill := func() string { // skewed: low indexes are common
		k := len(cfg.skills)
		return cfg.skills[min(r.IntN(k), r.IntN(k))]
	}
	grids := []string{"一网格", "二网格", "三网格", "四网格", "五网格", "六网格"}
	period := func(day, startMin, minutes int) match.Period {
		s := at(loc, day, 0, startMin)
		return match.Period{Start: s, End: s.Add(time.Duration(minutes) * time.Minute)}
	}

	vols := make([]match.Volunteer, cfg.vols)
	for j := range vols {
		v := match.Volunteer{
			ID:            fmt.Sprintf("v%04d", j),
			Verified:      r.IntN(10) < 8,
			RecentMinutes: r.IntN(4) * r.IntN(600),
			NoShows:       max(r.IntN(8)-5, 0),
			LateCancels:   max(r.IntN(6)-3, 0),
			Paused:        r.IntN(40) == 0,
		}
		for range 1 + r.IntN(3) {
			v.Skills = append(v.Skills, match.Skill{Name: skill(), Level: 1 + r.IntN(5), Verified: r.IntN(10) < 7})
		}
		for range 1 + r.IntN(6) {
			start, hours := (6+r.IntN(15))*60, 2+r.IntN(7)
			if cfg.dense {
				start, hours = (6+r.IntN(6))*60, 6+r.IntN(12)
			}
			v.Weekly = append(v.Weekly, match.Slot{Day: time.Weekday(r.IntN(7)), Start: start, End: min(start+hours*60, 1440)})
		}
		if r.IntN(7) == 0 {
			v.Away = append(v.Away, period(r.IntN(7), r.IntN(24)*60, (1+r.IntN(48))*60))
		}
		if r.IntN(7) == 0 {
			v.Busy = append(v.Busy, period(r.IntN(7), (7+r.IntN(14))*60, 120))
		}
		g := r.IntN(len(grids))
		v.HomeGrid = grids[g]
		v.HomeMicroGrid = fmt.Sprintf("%s-%d", grids[g], r.IntN(4))
		v.Grids = []string{grids[g]}
		if r.IntN(3) == 0 {
			v.Grids = append(v.Grids, grids[r.IntN(len(grids))])
		}
		if r.IntN(4) != 0 {
			v.MaxWeekMinutes = (2 + r.IntN(9)) * 60
			v.WeekMinutes = r.IntN(4) * 60
		}
		vols[j] = v
	}

	needs := make([]match.Need, cfg.needs)
	for i := range needs {
		start := at(loc, r.IntN(7), 7+r.IntN(15), 30*r.IntN(2))
		n := match.Need{
			ID:    fmt.Sprintf("n%03d", i),
			Start: start,
			End:   start.Add(time.Duration(60+30*r.IntN(7)) * time.Minute),
			Zone:  loc,
			Slots: 1 + r.IntN(cfg.maxSlots),
		}
		g := r.IntN(len(grids))
		n.Grid, n.MicroGrid = grids[g], fmt.Sprintf("%s-%d", grids[g], r.IntN(4))
		credentialed := func(name string) bool { return name == "医疗护理" || name == "法律咨询" }
		for range r.IntN(3) {
			name := skill()
			n.Required = append(n.Required, match.SkillNeed{Name: name, Level: r.IntN(4), Credentialed: credentialed(name)})
		}
		if cfg.dense && len(n.Required) > 1 {
			n.Required = n.Required[:1]
			n.Required[0].Level = 0
		}
		if r.IntN(2) == 0 {
			name := skill()
			n.Preferred = append(n.Preferred, match.SkillNeed{Name: name, Credentialed: credentialed(name)})
		}
		n.Sensitive = r.IntN(8) == 0
		if r.IntN(10) == 0 {
			n.Claimed = []string{vols[r.IntN(len(vols))].ID}
		}
		needs[i] = n
	}
	return needs, vols
}
