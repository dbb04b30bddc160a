package match_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain/volunteer/match"
)

// baseNeed is Tuesday 14:00-16:00 in 一网格-1, needing 助老 at level 2 and
// preferring 驾驶.
func baseNeed(loc *time.Location) match.Need {
	return match.Need{
		ID: "n1", Start: at(loc, 1, 14, 0), End: at(loc, 1, 16, 0), Zone: loc,
		Grid: "一网格", MicroGrid: "一网格-1",
		Required:  []match.SkillNeed{{Name: "助老", Level: 2}},
		Preferred: []match.SkillNeed{{Name: "驾驶"}},
		Slots:     1,
	}
}

// baseVol is eligible for baseNeed.
func baseVol(id string) match.Volunteer {
	return match.Volunteer{
		ID:       id,
		Skills:   []match.Skill{{Name: "助老", Level: 3}},
		Verified: true,
		Weekly:   []match.Slot{{Day: time.Tuesday, Start: 13 * 60, End: 18 * 60}},
		HomeGrid: "一网格", HomeMicroGrid: "一网格-1",
		RecentMinutes: 150, MaxWeekMinutes: 480,
	}
}

func codes(rs []match.Reason) []match.Code {
	var out []match.Code
	for _, r := range rs {
		out = append(out, r.Code)
	}
	return out
}

// rankOne ranks a single volunteer and returns their candidate entry or
// their exclusion reasons.
func rankOne(tb testing.TB, n match.Need, v match.Volunteer) (*match.Candidate, []match.Reason) {
	tb.Helper()
	rk := match.Rank(n, []match.Volunteer{v})
	if rk.Invalid != nil {
		tb.Fatalf("need invalid: %v", rk.Invalid)
	}
	if len(rk.Candidates)+len(rk.Excluded) != 1 {
		tb.Fatalf("got %d candidates and %d excluded, want one in all", len(rk.Candidates), len(rk.Excluded))
	}
	if len(rk.Candidates) == 1 {
		return &rk.Candidates[0], nil
	}
	return nil, rk.Excluded[0].Reasons
}

func TestRankHardConstraints(t *testing.T) {
	loc := shanghai(t)
	tests := []struct {
		name     string
		need     func(*match.Need)
		vol      func(*match.Volunteer)
		want     []match.Code // nil: eligible
		wantText string       // in the first reason's Chinese text
	}{
		{name: "OK"},
		{name: "Paused", vol: func(v *match.Volunteer) { v.Paused = true }, want: []match.Code{match.Paused}, wantText: "暂停"},
		{name: "Claimed", need: func(n *match.Need) { n.Claimed = []string{"x", "v1"} }, want: []match.Code{match.Claimed}},
		{name: "MissingSkill", vol: func(v *match.Volunteer) { v.Skills = []match.Skill{{Name: "驾驶", Level: 5}} },
			want: []match.Code{match.MissingSkill}, wantText: "缺少必需技能 助老（2级）"},
		{name: "SkillLevelTooLow", vol: func(v *match.Volunteer) { v.Skills[0].Level = 1 },
			want: []match.Code{match.MissingSkill}, wantText: "助老（需2级，现为1级）"},
		{name: "SkillLevelZeroCountsAsOne", need: func(n *match.Need) { n.Required[0].Level = 1 },
			vol: func(v *match.Volunteer) { v.Skills[0].Level = 0 }},
		{name: "SensitiveUnverified", need: func(n *match.Need) { n.Sensitive = true },
			vol: func(v *match.Volunteer) { v.Verified = false }, want: []match.Code{match.Unverified}},
		{name: "SensitiveVerified", need: func(n *match.Need) { n.Sensitive = true }},
		{name: "SensitiveUnverifiedCredential",
			need: func(n *match.Need) {
				n.Sensitive, n.Required = true, []match.SkillNeed{{Name: "medical_care", Label: txt("医疗护理", "medical care"), Credentialed: true}}
			},
			vol:  func(v *match.Volunteer) { v.Skills = []match.Skill{{Name: "medical_care", Level: 4}} },
			want: []match.Code{match.UnverifiedCredential}, wantText: "医疗护理 资质尚未核验"},
		{name: "SensitiveVerifiedCredential",
			need: func(n *match.Need) {
				n.Sensitive, n.Required = true, []match.SkillNeed{{Name: "法律咨询", Credentialed: true}}
			},
			vol: func(v *match.Volunteer) { v.Skills = []match.Skill{{Name: "法律咨询", Level: 2, Verified: true}} }},
		{name: "CredentialNotAskedWhenNotSensitive",
			need: func(n *match.Need) { n.Required = []match.SkillNeed{{Name: "医疗护理", Credentialed: true}} },
			vol:  func(v *match.Volunteer) { v.Skills = []match.Skill{{Name: "医疗护理", Level: 1}} }},
		{name: "OrdinarySkillNeedsNoCredential", need: func(n *match.Need) { n.Sensitive = true },
			vol: func(v *match.Volunteer) { v.Skills[0].Verified = false }},
		{name: "NoSlotThatDay", vol: func(v *match.Volunteer) { v.Weekly[0].Day = time.Wednesday },
			want: []match.Code{match.Unavailable}, wantText: "不在可服务时间"},
		{name: "SlotEndsAtStart", vol: func(v *match.Volunteer) { v.Weekly[0].End = 14 * 60 },
			want: []match.Code{match.Unavailable}},
		{name: "Away", vol: func(v *match.Volunteer) {
			v.Away = []match.Period{{Start: at(loc, 1, 0, 0), End: at(loc, 2, 0, 0)}}
		}, want: []match.Code{match.Unavailable}, wantText: "外出"},
		{name: "AwayPartly", vol: func(v *match.Volunteer) {
			v.Away = []match.Period{{Start: at(loc, 1, 15, 0), End: at(loc, 2, 0, 0)}}
		}},
		{name: "Busy", vol: func(v *match.Volunteer) {
			v.Busy = []match.Period{{Start: at(loc, 1, 15, 30), End: at(loc, 1, 17, 0)}}
		}, want: []match.Code{match.Busy}},
		{name: "BusyRightAfter", vol: func(v *match.Volunteer) {
			v.Busy = []match.Period{{Start: at(loc, 1, 16, 0), End: at(loc, 1, 18, 0)}}
		}},
		{name: "BusyRightBefore", vol: func(v *match.Volunteer) {
			v.Busy = []match.Period{{Start: at(loc, 1, 12, 0), End: at(loc, 1, 14, 0)}}
		}},
		{name: "OverWeeklyLimit", vol: func(v *match.Volunteer) { v.WeekMinutes = 361 },
			want: []match.Code{match.WeeklyLimit}, wantText: "超过上限 8 小时"},
		{name: "AtWeeklyLimit", vol: func(v *match.Volunteer) { v.WeekMinutes = 360 }},
		{name: "NoWeeklyLimit", vol: func(v *match.Volunteer) { v.MaxWeekMinutes, v.WeekMinutes = 0, 6000 }},
		{name: "Several", need: func(n *match.Need) { n.Sensitive = true }, vol: func(v *match.Volunteer) {
			v.Paused, v.Verified, v.Skills, v.WeekMinutes = true, false, nil, 400
		}, want: []match.Code{match.Paused, match.MissingSkill, match.Unverified, match.WeeklyLimit}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, v := baseNeed(loc), baseVol("v1")
			if tt.need != nil {
				tt.need(&n)
			}
			if tt.vol != nil {
				tt.vol(&v)
			}
			c, reasons := rankOne(t, n, v)
			if got := codes(reasons); !slices.Equal(got, tt.want) {
				t.Fatalf("got reasons %v, want %v", got, tt.want)
			}
			if tt.want == nil && c == nil {
				t.Fatal("got excluded, want a candidate")
			}
			for _, r := range reasons {
				if r.Text.ZH == "" || r.Text.EN == "" {
					t.Errorf("reason %s has text %+v, want both languages", r.Code, r.Text)
				}
			}
			if tt.wantText != "" && !strings.Contains(reasons[0].Text.ZH, tt.wantText) {
				t.Errorf("got text %q, want it to contain %q", reasons[0].Text.ZH, tt.wantText)
			}
			if got := oracleEligible(n, v); got != (tt.want == nil) {
				t.Errorf("the test's oracle says eligible=%v", got)
			}
		})
	}
}

func TestRankExplains(t *testing.T) {
	loc := shanghai(t)
	c, _ := rankOne(t, baseNeed(loc), baseVol("v1"))
	if c == nil {
		t.Fatal("base volunteer excluded")
	}
	want := []match.Factor{
		{Key: match.KeySkills, Points: 11, Max: 25, Detail: txt("具备必需技能 助老（3级）；缺少优选技能 驾驶", "has required skill 助老 (level 3); lacks preferred skill 驾驶")},
		{Key: match.KeyAvailability, Points: 20, Max: 20, Detail: txt("整个时段有空", "available for the whole window")},
		{Key: match.KeyDistance, Points: 20, Max: 20, Detail: txt("住在同一微网格", "lives in the same micro-grid")},
		{Key: match.KeyFairness, Points: 13.8, Max: 15, Detail: txt("近30天服务 2.5 小时，较少", "served 2.5 h in the last 30 days (little)")},
		{Key: match.KeyReliability, Points: 10, Max: 10, Detail: txt("无爽约或临时取消记录", "no no-shows or late cancellations")},
		{Key: match.KeyWeeklyLimit, Points: 7.5, Max: 10, Detail: txt("本周已承诺 0 小时，加上本次共 2 小时（上限 8 小时）", "0 h committed this week, 2 h with this need (limit 8 h)")},
	}
	if !reflect.DeepEqual(c.Factors, want) {
		t.Errorf("got factors\n%+v\nwant\n%+v", c.Factors, want)
	}
	if got, want := c.Score, 82.3; got != want {
		t.Errorf("got score %v, want %v", got, want)
	}
}

// TestRankExplainsLabels checks that explanations name skills by their labels
// and that an unverified credential earns a preferred skill nothing on a
// sensitive need.
func TestRankExplainsLabels(t *testing.T) {
	loc := shanghai(t)
	n := baseNeed(loc)
	n.Sensitive = true
	n.Required = []match.SkillNeed{{Name: "elderly_care", Level: 2, Label: txt("助老", "elderly care")}}
	n.Preferred = []match.SkillNeed{
		{Name: "medical_care", Label: txt("医疗护理", "medical care"), Credentialed: true},
		{Name: "driving", Label: txt("驾驶", "")},
	}
	v := baseVol("v1")
	v.Skills = []match.Skill{{Name: "elderly_care", Level: 2}, {Name: "medical_care", Level: 3}, {Name: "driving", Level: 1}}
	c, reasons := rankOne(t, n, v)
	if c == nil {
		t.Fatalf("excluded: %v", reasons)
	}
	want := match.Factor{Key: match.KeySkills, Points: 15, Max: 25, Detail: txt(
		"具备必需技能 助老（2级）；优选技能 医疗护理 资质未核验；具备优选技能 驾驶（1级）",
		"has required skill elderly care (level 2); credential for preferred skill medical care not verified; has preferred skill 驾驶 (level 1)")}
	if got := c.Factors[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	v.Skills[1].Verified = true
	if c, _ := rankOne(t, n, v); c.Factors[0].Points != 20 {
		t.Errorf("verified: got %v points, want 20", c.Factors[0].Points)
	}
}

// TestRankOrder checks that each factor orders candidates who differ in it
// alone.
func TestRankOrder(t *testing.T) {
	loc := shanghai(t)
	tests := []struct {
		name string
		vols map[string]func(*match.Volunteer)
		want []string
	}{
		{name: "Distance", vols: map[string]func(*match.Volunteer){
			"a": func(v *match.Volunteer) {
				v.HomeGrid, v.HomeMicroGrid, v.Grids = "二网格", "二网格-1", []string{"二网格"}
			},
			"b": func(v *match.Volunteer) { v.HomeMicroGrid = "一网格-2" },
			"c": func(v *match.Volunteer) {},
			"d": func(v *match.Volunteer) {
				v.HomeGrid, v.HomeMicroGrid, v.Grids = "二网格", "二网格-1", []string{"二网格", "一网格"}
			},
		}, want: []string{"c", "b", "d", "a"}},
		{name: "Fairness", vols: map[string]func(*match.Volunteer){
			"a": func(v *match.Volunteer) { v.RecentMinutes = 1200 },
			"b": func(v *match.Volunteer) { v.RecentMinutes = 60 },
			"c": func(v *match.Volunteer) { v.RecentMinutes = 600 },
		}, want: []string{"b", "c", "a"}},
		{name: "Reliability", vols: map[string]func(*match.Volunteer){
			"a": func(v *match.Volunteer) { v.NoShows = 2 },
			"b": func(v *match.Volunteer) {},
			"c": func(v *match.Volunteer) { v.LateCancels = 1 },
			"d": func(v *match.Volunteer) { v.NoShows = 1 },
		}, want: []string{"b", "c", "d", "a"}},
		{name: "PreferredSkill", vols: map[string]func(*match.Volunteer){
			"a": func(v *match.Volunteer) {},
			"b": func(v *match.Volunteer) { v.Skills = append(v.Skills, match.Skill{Name: "驾驶", Level: 1}) },
		}, want: []string{"b", "a"}},
		{name: "SkillLevel", vols: map[string]func(*match.Volunteer){
			"a": func(v *match.Volunteer) { v.Skills[0].Level = 2 },
			"b": func(v *match.Volunteer) { v.Skills[0].Level = 5 },
		}, want: []string{"b", "a"}},
		{name: "Availability", vols: map[string]func(*match.Volunteer){
			"a": func(v *match.Volunteer) { v.Weekly[0].Start = 15 * 60 },
			"b": func(v *match.Volunteer) {},
			"c": func(v *match.Volunteer) { v.Away = []match.Period{{Start: at(loc, 1, 14, 0), End: at(loc, 1, 14, 30)}} },
		}, want: []string{"b", "c", "a"}},
		{name: "WeeklyLimit", vols: map[string]func(*match.Volunteer){
			"a": func(v *match.Volunteer) { v.WeekMinutes = 300 },
			"b": func(v *match.Volunteer) { v.MaxWeekMinutes = 0 },
			"c": func(v *match.Volunteer) { v.WeekMinutes = 60 },
		}, want: []string{"b", "c", "a"}},
		{name: "TiesByID", vols: map[string]func(*match.Volunteer){
			"c": func(v *match.Volunteer) {}, "a": func(v *match.Volunteer) {}, "b": func(v *match.Volunteer) {},
		}, want: []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var vols []match.Volunteer
			for id, change := range tt.vols {
				v := baseVol(id)
				change(&v)
				vols = append(vols, v)
			}
			rk := match.Rank(baseNeed(loc), vols)
			var got []string
			for _, c := range rk.Candidates {
				got = append(got, c.VolunteerID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v (excluded %v)", got, tt.want, rk.Excluded)
			}
		})
	}
}

func TestRankDeterministic(t *testing.T) {
	loc := shanghai(t)
	r := rand.New(rand.NewPCG(1, 2))
	needs, vols := genWeek(r, loc, genConfig{needs: 5, vols: 300, skills: []string{"助老", "陪诊", "驾驶"}, maxSlots: 2})
	for _, n := range needs {
		want := match.Rank(n, vols)
		if len(want.Candidates) < 10 {
			t.Fatalf("need %s has %d candidates; the test wants more", n.ID, len(want.Candidates))
		}
		for range 3 {
			shuffled := slices.Clone(vols)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			if got := match.Rank(n, shuffled); !reflect.DeepEqual(got, want) {
				t.Fatalf("need %s: ranking changed with the volunteers' order", n.ID)
			}
		}
		for i := 1; i < len(want.Candidates); i++ {
			a, b := want.Candidates[i-1], want.Candidates[i]
			if a.Score < b.Score || a.Score == b.Score && a.VolunteerID > b.VolunteerID {
				t.Fatalf("need %s: %s (%v) before %s (%v)", n.ID, a.VolunteerID, a.Score, b.VolunteerID, b.Score)
			}
		}
	}
}

// TestRankMatchesOracle checks Rank's split into candidates and excluded
// against the test's own reading of the hard constraints on random weeks.
func TestRankMatchesOracle(t *testing.T) {
	loc := shanghai(t)
	r := rand.New(rand.NewPCG(3, 4))
	for range 40 {
		needs, vols := genWeek(r, loc, genConfig{needs: 10, vols: 40, skills: []string{"助老", "医疗护理", "法律咨询", "驾驶"}, maxSlots: 2})
		for _, n := range needs {
			rk := match.Rank(n, vols)
			ok := map[string]bool{}
			for _, c := range rk.Candidates {
				ok[c.VolunteerID] = true
			}
			for _, v := range vols {
				if want := oracleEligible(n, v); ok[v.ID] != want {
					t.Fatalf("need %+v, volunteer %+v: got eligible %v, want %v", n, v, ok[v.ID], want)
				}
			}
			if len(rk.Candidates)+len(rk.Excluded) != len(vols) {
				t.Fatalf("got %d+%d volunteers, want %d", len(rk.Candidates), len(rk.Excluded), len(vols))
			}
		}
	}
}

func TestRankTimes(t *testing.T) {
	loc := shanghai(t)
	late := match.Need{ID: "late", Start: at(loc, 0, 23, 0), End: at(loc, 1, 1, 0), Zone: loc} // Monday 23:00 to Tuesday 01:00
	mon := match.Slot{Day: time.Monday, Start: 22 * 60, End: 24 * 60}
	tue := match.Slot{Day: time.Tuesday, Start: 0, End: 60}
	morning := baseNeed(loc)
	morning.Start, morning.End = at(loc, 1, 9, 0), at(loc, 1, 11, 0)
	nineToEleven := match.Slot{Day: time.Tuesday, Start: 9 * 60, End: 11 * 60}
	tests := []struct {
		name  string
		need  match.Need
		zone  *time.Location
		slots []match.Slot
		want  float64 // availability points; -1: excluded
		away  []match.Period
	}{
		{"MidnightBothDays", late, loc, []match.Slot{mon, tue}, 20, nil},
		{"MidnightFirstDay", late, loc, []match.Slot{mon}, 10, nil},
		{"MidnightSecondDay", late, loc, []match.Slot{tue}, 10, nil},
		{"MidnightOverlappingSlots", late, loc, []match.Slot{mon, tue, {Day: time.Monday, Start: 23*60 + 30, End: 24 * 60}}, 20, nil},
		{"MidnightNeither", late, loc, []match.Slot{{Day: time.Monday, Start: 8 * 60, End: 12 * 60}}, -1, nil},
		{"ZoneShanghai", morning, loc, []match.Slot{nineToEleven}, 20, nil},
		{"ZoneNilIsChinaTime", morning, nil, []match.Slot{nineToEleven}, 20, nil},
		{"ZoneUTC", morning, time.UTC, []match.Slot{nineToEleven}, -1, nil},
		{"ZoneUTCEarlyHours", morning, time.UTC, []match.Slot{{Day: time.Tuesday, Start: 60, End: 3 * 60}}, 20, nil},
		{"BadSlotsIgnored", morning, loc, []match.Slot{{Day: time.Tuesday, Start: 11 * 60, End: 9 * 60}, {Day: 9, Start: 0, End: 1440}, {Day: time.Tuesday, Start: -60, End: 10 * 60}}, 10, nil},
		// Away to 09:00:30 takes the whole first minute: 119 of 120 minutes left.
		{"AwayRoundsOut", morning, loc, []match.Slot{nineToEleven}, 19.8, []match.Period{{Start: at(loc, 0, 0, 0), End: at(loc, 1, 9, 0).Add(30 * time.Second)}}},
		{"AwayAfterwards", morning, loc, []match.Slot{nineToEleven}, 20, []match.Period{{Start: at(loc, 1, 11, 0), End: at(loc, 3, 0, 0)}}},
		{"AwayBackwardsIgnored", morning, loc, []match.Slot{nineToEleven}, 20, []match.Period{{Start: at(loc, 1, 11, 0), End: at(loc, 1, 9, 0)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.need
			n.Zone = tt.zone
			v := baseVol("v1")
			v.Weekly, v.Away = tt.slots, tt.away
			c, reasons := rankOne(t, n, v)
			got := -1.0
			if c != nil {
				got = c.Factors[1].Points
			}
			if got != tt.want {
				t.Errorf("got availability %v (reasons %v), want %v", got, codes(reasons), tt.want)
			}
		})
	}
}

func TestRankBadInput(t *testing.T) {
	loc := shanghai(t)
	tests := []struct {
		name  string
		start time.Time
		end   time.Time
	}{
		{"EndBeforeStart", at(loc, 1, 16, 0), at(loc, 1, 14, 0)},
		{"Empty", at(loc, 1, 16, 0), at(loc, 1, 16, 0)},
		{"UnderAMinute", at(loc, 1, 16, 0), at(loc, 1, 16, 0).Add(59 * time.Second)},
		{"LongerThanAWeek", at(loc, 1, 16, 0), at(loc, 9, 16, 0)},
		{"ZeroTimes", time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := baseNeed(loc)
			n.Start, n.End = tt.start, tt.end
			rk := match.Rank(n, []match.Volunteer{baseVol("v1")})
			if rk.Invalid == nil || rk.Invalid.Code != match.InvalidWindow || len(rk.Candidates)+len(rk.Excluded) != 0 {
				t.Errorf("got %+v, want an invalid window and no lists", rk)
			}
		})
	}
	t.Run("ZeroSlotsStillRanked", func(t *testing.T) {
		n := baseNeed(loc)
		n.Slots = 0
		if rk := match.Rank(n, []match.Volunteer{baseVol("v1")}); len(rk.Candidates) != 1 {
			t.Errorf("got %+v, want one candidate", rk)
		}
	})
	t.Run("DuplicateVolunteer", func(t *testing.T) {
		second := baseVol("v1")
		second.Paused = true
		rk := match.Rank(baseNeed(loc), []match.Volunteer{baseVol("v1"), second, {}})
		if len(rk.Candidates) != 1 || len(rk.Excluded) != 1 || rk.Excluded[0].VolunteerID != "" {
			t.Errorf("got %+v, want v1 once as a candidate and the empty volunteer excluded", rk)
		}
	})
}
