package roster_test

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/patrol/roster"
)

// allWeek is a member free at any time.
func allWeek(id string) roster.Member {
	mb := roster.Member{ID: id}
	for d := range 7 {
		mb.Weekly = append(mb.Weekly, roster.Slot{Day: time.Weekday(d), Start: 0, End: 1440})
	}
	return mb
}

// shift is a one-position shift of weight 1, day days after Monday 2 March
// 2026, from hh:00 for hours hours.
func shift(loc *time.Location, id string, day, hh, hours int) roster.Shift {
	start := at(loc, day, hh, 0)
	return roster.Shift{ID: id, RouteID: "东街", TemplateID: "t", Start: start, End: start.Add(time.Duration(hours) * time.Hour), Min: 1, Max: 1, Weight: 1}
}

func night(loc *time.Location, id string, day int) roster.Shift {
	sh := shift(loc, id, day, 22, 8)
	sh.Night, sh.Weight = true, 2
	return sh
}

func build(tb testing.TB, in roster.Input) roster.Roster {
	tb.Helper()
	r, err := roster.Build(in)
	if err != nil {
		tb.Fatal(err)
	}
	if v := roster.Check(r, in); len(v) > 0 {
		tb.Fatalf("Check: %+v", v)
	}
	naiveCheck(tb, in, r)
	return r
}

func unfilledCodes(r roster.Roster) []roster.Code {
	var out []roster.Code
	for _, u := range r.Unfilled {
		out = append(out, u.Reason.Code)
	}
	return out
}

func TestBuildHardConstraints(t *testing.T) {
	loc := shanghai(t)
	with := func(mb roster.Member, change func(*roster.Member)) roster.Member { change(&mb); return mb }
	tuesdayMorning := shift(loc, "a", 1, 8, 2)
	tests := []struct {
		name     string
		members  []roster.Member
		shifts   []roster.Shift
		want     []roster.Assignment
		unfilled []roster.Code
		text     string // in the first reason's Chinese text
	}{
		{name: "OK", members: []roster.Member{allWeek("v1")}, shifts: []roster.Shift{tuesdayMorning},
			want: []roster.Assignment{{ShiftID: "a", MemberID: "v1"}}},
		{name: "Unavailable", members: []roster.Member{{ID: "v1", Weekly: []roster.Slot{{Day: time.Tuesday, Start: 8 * 60, End: 9 * 60}}}},
			shifts: []roster.Shift{tuesdayMorning}, unfilled: []roster.Code{roster.NoneAvailable}, text: "没有队员能上这一班（不在可巡逻时段 1 人）"},
		{name: "SlotsJoin", members: []roster.Member{{ID: "v1", Weekly: []roster.Slot{{Day: time.Tuesday, Start: 9 * 60, End: 10 * 60}, {Day: time.Tuesday, Start: 8 * 60, End: 9 * 60}}}},
			shifts: []roster.Shift{tuesdayMorning}, want: []roster.Assignment{{ShiftID: "a", MemberID: "v1"}}},
		{name: "NightAcrossMidnight", members: []roster.Member{{ID: "v1", Weekly: []roster.Slot{{Day: time.Monday, Start: 20 * 60, End: 1440}, {Day: time.Tuesday, Start: 0, End: 8 * 60}}}},
			shifts: []roster.Shift{night(loc, "n", 0)}, want: []roster.Assignment{{ShiftID: "n", MemberID: "v1"}}},
		{name: "NightFirstDayOnly", members: []roster.Member{{ID: "v1", Weekly: []roster.Slot{{Day: time.Monday, Start: 20 * 60, End: 1440}}}},
			shifts: []roster.Shift{night(loc, "n", 0)}, unfilled: []roster.Code{roster.NoneAvailable}},
		{name: "NoNights", members: []roster.Member{with(allWeek("v1"), func(m *roster.Member) { m.NoNights = true })},
			shifts: []roster.Shift{night(loc, "n", 0)}, unfilled: []roster.Code{roster.NoneAvailable}, text: "不上夜班 1 人"},
		{name: "DayOffNextMorning", members: []roster.Member{with(allWeek("v1"), func(m *roster.Member) { m.DaysOff = []time.Weekday{time.Tuesday} })},
			shifts: []roster.Shift{night(loc, "n", 0)}, unfilled: []roster.Code{roster.NoneAvailable}, text: "当天休息 1 人"},
		{name: "DayOffAfterMidnightEnd", members: []roster.Member{with(allWeek("v1"), func(m *roster.Member) { m.DaysOff = []time.Weekday{time.Tuesday} })},
			shifts: []roster.Shift{shift(loc, "a", 0, 22, 2)}, want: []roster.Assignment{{ShiftID: "a", MemberID: "v1"}}},
		{name: "DateOff", members: []roster.Member{with(allWeek("v1"), func(m *roster.Member) { m.DatesOff = []roster.Date{{Year: 2026, Month: 3, Day: 3}} })},
			shifts: []roster.Shift{tuesdayMorning, shift(loc, "b", 2, 8, 2)}, want: []roster.Assignment{{ShiftID: "b", MemberID: "v1"}},
			unfilled: []roster.Code{roster.NoneAvailable}, text: "当天请假 1 人"},
		{name: "WeeklyLimit", members: []roster.Member{with(allWeek("v1"), func(m *roster.Member) { m.MaxPerWeek = 1 })},
			shifts: []roster.Shift{tuesdayMorning, shift(loc, "b", 2, 8, 2)}, want: []roster.Assignment{{ShiftID: "a", MemberID: "v1"}},
			unfilled: []roster.Code{roster.AtLimit}, text: "本周班次已满 1 人"},
		{name: "WeeklyLimitNextWeek", members: []roster.Member{with(allWeek("v1"), func(m *roster.Member) { m.MaxPerWeek = 1 })},
			shifts: []roster.Shift{shift(loc, "sun", 6, 8, 2), shift(loc, "mon", 7, 8, 2)},
			want:   []roster.Assignment{{ShiftID: "sun", MemberID: "v1"}, {ShiftID: "mon", MemberID: "v1"}}},
		{name: "NightCountsInItsStartWeek", members: []roster.Member{with(allWeek("v1"), func(m *roster.Member) { m.MaxPerWeek = 1 })},
			shifts: []roster.Shift{night(loc, "sun", 6), shift(loc, "mon", 7, 19, 2)},
			want:   []roster.Assignment{{ShiftID: "sun", MemberID: "v1"}, {ShiftID: "mon", MemberID: "v1"}}},
		{name: "Overlap", members: []roster.Member{allWeek("v1")}, shifts: []roster.Shift{tuesdayMorning, shift(loc, "b", 1, 9, 2)},
			want: []roster.Assignment{{ShiftID: "a", MemberID: "v1"}}, unfilled: []roster.Code{roster.AtLimit}, text: "同时段已有班次 1 人"},
		{name: "BackToBack", members: []roster.Member{allWeek("v1")}, shifts: []roster.Shift{tuesdayMorning, shift(loc, "b", 1, 10, 2)},
			want: []roster.Assignment{{ShiftID: "a", MemberID: "v1"}, {ShiftID: "b", MemberID: "v1"}}},
		{name: "RestAfterNight", members: []roster.Member{allWeek("v1")}, shifts: []roster.Shift{night(loc, "n", 0), shift(loc, "b", 1, 14, 2)},
			want: []roster.Assignment{{ShiftID: "n", MemberID: "v1"}}, unfilled: []roster.Code{roster.AtLimit}, text: "夜班后休息不足 12 小时 1 人"},
		{name: "RestTwelveHours", members: []roster.Member{allWeek("v1")}, shifts: []roster.Shift{night(loc, "n", 0), shift(loc, "b", 1, 18, 2)},
			want: []roster.Assignment{{ShiftID: "n", MemberID: "v1"}, {ShiftID: "b", MemberID: "v1"}}},
		{name: "RestBeforeNightNotNeeded", members: []roster.Member{allWeek("v1")}, shifts: []roster.Shift{shift(loc, "b", 0, 19, 2), night(loc, "n", 0)},
			want: []roster.Assignment{{ShiftID: "b", MemberID: "v1"}, {ShiftID: "n", MemberID: "v1"}}},
		{name: "FewAvailable", members: []roster.Member{allWeek("v1"), allWeek("v2"), {ID: "v3"}},
			shifts: []roster.Shift{func() roster.Shift { s := tuesdayMorning; s.Min, s.Max = 3, 4; return s }()},
			want:   []roster.Assignment{{ShiftID: "a", MemberID: "v1"}, {ShiftID: "a", MemberID: "v2"}}, unfilled: []roster.Code{roster.FewAvailable},
			text: "只有 2 位队员能上这一班，都已排上"},
		{name: "MinZero", members: []roster.Member{allWeek("v1")}, shifts: []roster.Shift{func() roster.Shift { s := tuesdayMorning; s.Min = 0; return s }()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := roster.Input{Members: tt.members, Shifts: tt.shifts, Zone: loc, Seed: "s"}
			r := build(t, in)
			if !slices.Equal(r.Assignments, tt.want) {
				t.Errorf("got %+v, want %+v", r.Assignments, tt.want)
			}
			if got := unfilledCodes(r); !slices.Equal(got, tt.unfilled) {
				t.Errorf("got unfilled %+v, want %v", r.Unfilled, tt.unfilled)
			}
			if tt.text != "" && !strings.Contains(r.Unfilled[0].Reason.Text.ZH, tt.text) {
				t.Errorf("got text %q, want it to contain %q", r.Unfilled[0].Reason.Text.ZH, tt.text)
			}
		})
	}
}

// TestBuildZone checks that weekly slots, weekdays and weeks are read on the
// team's clock, and that no zone means China Standard Time.
func TestBuildZone(t *testing.T) {
	loc := shanghai(t)
	// Tuesday 08:00-10:00 in Shanghai is Tuesday 00:00-02:00 UTC.
	mb := roster.Member{ID: "v1", Weekly: []roster.Slot{{Day: time.Tuesday, Start: 8 * 60, End: 10 * 60}}}
	for _, tt := range []struct {
		name string
		zone *time.Location
		want int
	}{{"Shanghai", loc, 1}, {"NilIsChinaTime", nil, 1}, {"UTC", time.UTC, 0}} {
		t.Run(tt.name, func(t *testing.T) {
			sh := shift(loc, "a", 1, 8, 2)
			sh.Start, sh.End = sh.Start.UTC(), sh.End.UTC()
			r, err := roster.Build(roster.Input{Members: []roster.Member{mb}, Shifts: []roster.Shift{sh}, Zone: tt.zone})
			if err != nil || len(r.Assignments) != tt.want {
				t.Errorf("got %+v, %v; want %d assignments", r.Assignments, err, tt.want)
			}
		})
	}
}

func TestBuildFair(t *testing.T) {
	loc := shanghai(t)
	t.Run("EqualShifts", func(t *testing.T) {
		in := roster.Input{Zone: loc, Members: []roster.Member{allWeek("v1"), allWeek("v2"), allWeek("v3"), allWeek("v4")}}
		for d := range 8 {
			in.Shifts = append(in.Shifts, shift(loc, string(rune('a'+d)), d, 8, 2))
		}
		r := build(t, in)
		for _, l := range r.Loads {
			if l.Shifts != 2 || !l.Counted {
				t.Errorf("got %+v, want two shifts each", l)
			}
		}
		if r.Spread != 0 || r.LowerBound != 0 {
			t.Errorf("got spread %v, bound %v; want 0 and 0", r.Spread, r.LowerBound)
		}
		if want := "负担差 0（下界 0）：4 位可排班队员每人承担 2"; r.Fairness.ZH != want {
			t.Errorf("got %q, want %q", r.Fairness.ZH, want)
		}
	})
	t.Run("Weights", func(t *testing.T) {
		// 2 + 1 + 1: one member takes the heavy shift, the other both light ones.
		heavy := shift(loc, "h", 5, 8, 2)
		heavy.Weight = 2
		in := roster.Input{Zone: loc, Members: []roster.Member{allWeek("v1"), allWeek("v2")},
			Shifts: []roster.Shift{heavy, shift(loc, "a", 0, 8, 2), shift(loc, "b", 1, 8, 2)}}
		for _, seed := range []string{"a", "b", "c", "d"} {
			in.Seed = seed
			if r := build(t, in); r.Spread != 0 {
				t.Errorf("seed %s: got spread %v, loads %+v; want 0", seed, r.Spread, r.Loads)
			}
		}
	})
	t.Run("NightsBound", func(t *testing.T) {
		// Two night owls share three nights: one takes two, carrying 4; the
		// member who takes no night can carry only the day shift, 1.
		owl := allWeek("owl1")
		owl2 := allWeek("owl2")
		day := allWeek("day")
		day.NoNights = true
		in := roster.Input{Zone: loc, Members: []roster.Member{owl, owl2, day},
			Shifts: []roster.Shift{night(loc, "n1", 0), night(loc, "n2", 2), night(loc, "n3", 4), shift(loc, "d", 6, 8, 2)}}
		r := build(t, in)
		if r.Spread != 3 || r.LowerBound != 3 {
			t.Errorf("got spread %v, bound %v; want 3 and 3", r.Spread, r.LowerBound)
		}
		if want := "spread 3 (lower bound 3): 3 members who can patrol carry 1 to 4 each"; r.Fairness.EN != want {
			t.Errorf("got %q, want %q", r.Fairness.EN, want)
		}
	})
	t.Run("LeftAtMinimum", func(t *testing.T) {
		sh := shift(loc, "a", 1, 8, 2)
		sh.Min, sh.Max = 2, 3
		in := roster.Input{Zone: loc, Members: []roster.Member{allWeek("v1"), allWeek("v2"), allWeek("v3")}, Shifts: []roster.Shift{sh}}
		if r := build(t, in); len(r.Assignments) != 2 {
			t.Errorf("got %+v, want two members, the minimum", r.Assignments)
		}
	})
	t.Run("NotCounted", func(t *testing.T) {
		// v2 can take no shift: their 0 does not count in the spread.
		in := roster.Input{Zone: loc, Members: []roster.Member{allWeek("v1"), {ID: "v2"}}, Shifts: []roster.Shift{shift(loc, "a", 0, 8, 2)}}
		r := build(t, in)
		want := []roster.Load{{MemberID: "v1", Weight: 1, Shifts: 1, Counted: true}, {MemberID: "v2"}}
		if !reflect.DeepEqual(r.Loads, want) || r.Spread != 0 {
			t.Errorf("got %+v, spread %v; want %+v, 0", r.Loads, r.Spread, want)
		}
	})
}

// TestBuildWishes checks preferences and continuity, and that fairness comes
// first.
func TestBuildWishes(t *testing.T) {
	loc := shanghai(t)
	seeds := []string{"a", "b", "c", "d", "e", "f"}
	t.Run("Preferences", func(t *testing.T) {
		sat, tue := allWeek("sat"), allWeek("tue")
		sat.PreferDays = []time.Weekday{time.Saturday}
		tue.PreferDays = []time.Weekday{time.Tuesday}
		eve := allWeek("eve")
		eve.PreferTemplates = []string{"evening"}
		evening := shift(loc, "e", 3, 19, 2)
		evening.TemplateID = "evening"
		in := roster.Input{Zone: loc, Members: []roster.Member{sat, tue, eve},
			Shifts: []roster.Shift{shift(loc, "s", 5, 8, 2), shift(loc, "t", 1, 8, 2), evening}}
		want := []roster.Assignment{{ShiftID: "t", MemberID: "tue"}, {ShiftID: "e", MemberID: "eve"}, {ShiftID: "s", MemberID: "sat"}}
		for _, seed := range seeds {
			in.Seed = seed
			if r := build(t, in); !slices.Equal(r.Assignments, want) || r.Preferred != 3 {
				t.Errorf("seed %s: got %+v (%d points), want %+v", seed, r.Assignments, r.Preferred, want)
			}
		}
	})
	t.Run("FairnessFirst", func(t *testing.T) {
		both := allWeek("both")
		both.PreferDays = []time.Weekday{time.Tuesday, time.Saturday}
		in := roster.Input{Zone: loc, Members: []roster.Member{both, allWeek("other")},
			Shifts: []roster.Shift{shift(loc, "s", 5, 8, 2), shift(loc, "t", 1, 8, 2)}}
		for _, seed := range seeds {
			in.Seed = seed
			if r := build(t, in); r.Spread != 0 || r.Preferred != 1 {
				t.Errorf("seed %s: got %+v, want one shift each", seed, r.Assignments)
			}
		}
	})
	t.Run("Partners", func(t *testing.T) {
		a := allWeek("a")
		a.Partners = []roster.Partner{{MemberID: "b", RouteID: "东街"}, {MemberID: "gone"}}
		in := roster.Input{Zone: loc, Members: []roster.Member{a, allWeek("b"), allWeek("c"), allWeek("d")}}
		for d := range 2 {
			sh := shift(loc, string(rune('x'+d)), d, 8, 2)
			sh.Min, sh.Max = 2, 2
			in.Shifts = append(in.Shifts, sh)
		}
		for _, seed := range seeds {
			in.Seed = seed
			r := build(t, in)
			together := slices.Contains(r.Assignments, roster.Assignment{ShiftID: "x", MemberID: "a"}) == slices.Contains(r.Assignments, roster.Assignment{ShiftID: "x", MemberID: "b"})
			if !together || r.Continued != 1 {
				t.Errorf("seed %s: got %+v (continued %d), want a with b", seed, r.Assignments, r.Continued)
			}
		}
	})
	t.Run("SamePairs", func(t *testing.T) {
		// Four shifts of two on one route: the same two pairs twice each.
		in := roster.Input{Zone: loc, Members: []roster.Member{allWeek("a"), allWeek("b"), allWeek("c"), allWeek("d")}}
		for d := range 4 {
			sh := shift(loc, string(rune('w'+d)), d, 8, 2)
			sh.Min, sh.Max = 2, 2
			in.Shifts = append(in.Shifts, sh)
		}
		for _, seed := range seeds {
			in.Seed = seed
			if r := build(t, in); r.Continued != 2 || r.Spread != 0 {
				t.Errorf("seed %s: got %+v (continued %d), want two pairs twice", seed, r.Assignments, r.Continued)
			}
		}
	})
}

func TestBuildDeterministic(t *testing.T) {
	loc := shanghai(t)
	r := rand.New(rand.NewPCG(3, 4))
	for range 8 {
		in := genTeam(r, loc, genConfig{members: 15, days: 28, perDay: 4, maxPos: 3, odd: true})
		want := build(t, in)
		if got := build(t, in); !reflect.DeepEqual(got, want) {
			t.Fatal("two builds of one input differ")
		}
		shuffled := in
		shuffled.Members, shuffled.Shifts = slices.Clone(in.Members), slices.Clone(in.Shifts)
		r.Shuffle(len(shuffled.Members), func(i, j int) {
			shuffled.Members[i], shuffled.Members[j] = shuffled.Members[j], shuffled.Members[i]
		})
		r.Shuffle(len(shuffled.Shifts), func(i, j int) { shuffled.Shifts[i], shuffled.Shifts[j] = shuffled.Shifts[j], shuffled.Shifts[i] })
		if got := build(t, shuffled); !reflect.DeepEqual(got, want) {
			t.Fatal("the input's order changed the roster")
		}
		in.Seed += "x"
		build(t, in) // another seed: maybe another roster, as sound
	}
}

func TestRoundRobin(t *testing.T) {
	loc := shanghai(t)
	v3 := allWeek("v3")
	v3.MaxPerWeek = 1
	in := roster.Input{Zone: loc, Members: []roster.Member{v3, allWeek("v2"), allWeek("v1")}}
	for d := range 5 {
		in.Shifts = append(in.Shifts, shift(loc, string(rune('a'+d)), d, 8, 2))
	}
	r, err := roster.RoundRobin(in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range r.Assignments {
		got = append(got, a.MemberID)
	}
	// In ID order round the team; v3's limit skips them after their first.
	if want := []string{"v1", "v2", "v3", "v1", "v2"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if r.Spread != 1 {
		t.Errorf("got spread %v, want 1", r.Spread)
	}
}

func TestBadInput(t *testing.T) {
	loc := shanghai(t)
	good := shift(loc, "a", 1, 8, 2)
	tests := []struct {
		name   string
		member func(*roster.Member)
		shift  func(*roster.Shift)
		field  string
	}{
		{name: "EndBeforeStart", shift: func(s *roster.Shift) { s.Start, s.End = s.End, s.Start }, field: "shifts[1].end"},
		{name: "EndAtStart", shift: func(s *roster.Shift) { s.End = s.Start }, field: "shifts[1].end"},
		{name: "ZeroTimes", shift: func(s *roster.Shift) { s.Start, s.End = time.Time{}, time.Time{} }, field: "shifts[1].end"},
		{name: "LongerThanADay", shift: func(s *roster.Shift) { s.End = s.Start.Add(25 * time.Hour) }, field: "shifts[1].end"},
		{name: "NoPositions", shift: func(s *roster.Shift) { s.Min, s.Max = 0, 0 }, field: "shifts[1].max"},
		{name: "MinAboveMax", shift: func(s *roster.Shift) { s.Min, s.Max = 3, 2 }, field: "shifts[1].min"},
		{name: "MinNegative", shift: func(s *roster.Shift) { s.Min = -1 }, field: "shifts[1].min"},
		{name: "WeightZero", shift: func(s *roster.Shift) { s.Weight = 0 }, field: "shifts[1].weight"},
		{name: "WeightNegative", shift: func(s *roster.Shift) { s.Weight = -1 }, field: "shifts[1].weight"},
		{name: "WeightNaN", shift: func(s *roster.Shift) { s.Weight = math.NaN() }, field: "shifts[1].weight"},
		{name: "WeightInf", shift: func(s *roster.Shift) { s.Weight = math.Inf(1) }, field: "shifts[1].weight"},
		{name: "WeightTooSmall", shift: func(s *roster.Shift) { s.Weight = 0.0004 }, field: "shifts[1].weight"},
		{name: "WeightTooLarge", shift: func(s *roster.Shift) { s.Weight = 1001 }, field: "shifts[1].weight"},
		{name: "ShiftNoID", shift: func(s *roster.Shift) { s.ID = "" }, field: "shifts[1].id"},
		{name: "ShiftDuplicate", shift: func(s *roster.Shift) { s.ID = "z" }, field: "shifts[1].id"},
		{name: "MemberNoID", member: func(m *roster.Member) { m.ID = "" }, field: "members[1].id"},
		{name: "MemberDuplicate", member: func(m *roster.Member) { m.ID = "v0" }, field: "members[1].id"},
		{name: "NegativeLimit", member: func(m *roster.Member) { m.MaxPerWeek = -1 }, field: "members[1].maxPerWeek"},
		{name: "SlotBadDay", member: func(m *roster.Member) { m.Weekly[2].Day = 7 }, field: "members[1].weekly[2]"},
		{name: "SlotBackwards", member: func(m *roster.Member) { m.Weekly[0].Start, m.Weekly[0].End = 600, 500 }, field: "members[1].weekly[0]"},
		{name: "SlotPastMidnight", member: func(m *roster.Member) { m.Weekly[0].End = 1441 }, field: "members[1].weekly[0]"},
		{name: "DayOffBadDay", member: func(m *roster.Member) { m.DaysOff = []time.Weekday{-1} }, field: "members[1].daysOff[0]"},
		{name: "PreferBadDay", member: func(m *roster.Member) { m.PreferDays = []time.Weekday{1, 9} }, field: "members[1].preferDays[1]"},
		{name: "DateOffNoSuchDay", member: func(m *roster.Member) { m.DatesOff = []roster.Date{{Year: 2026, Month: 2, Day: 30}} }, field: "members[1].datesOff[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mb, sh := allWeek("v1"), good
			if tt.member != nil {
				tt.member(&mb)
			}
			if tt.shift != nil {
				tt.shift(&sh)
			}
			z := shift(loc, "z", 2, 8, 2)
			in := roster.Input{Zone: loc, Members: []roster.Member{allWeek("v0"), mb}, Shifts: []roster.Shift{z, sh}}
			for _, f := range []func(roster.Input) (roster.Roster, error){roster.Build, roster.RoundRobin} {
				_, err := f(in)
				if e, ok := domain.AsError(err); !ok || e.Code != domain.Invalid || e.Field != tt.field || e.Message.ZH == "" {
					t.Errorf("got %v, want Invalid on %s", err, tt.field)
				}
			}
			if v := roster.Check(roster.Roster{}, in); len(v) != 1 || v[0].Code != roster.InvalidInput {
				t.Errorf("Check: got %+v, want one invalid_input", v)
			}
		})
	}
	t.Run("Empty", func(t *testing.T) {
		r, err := roster.Build(roster.Input{})
		if err != nil || len(r.Assignments)+len(r.Loads)+len(r.Unfilled) != 0 || r.Fairness.EN != "spread 0: no member can take any shift" {
			t.Errorf("got %+v, %v; want an empty roster", r, err)
		}
	})
	t.Run("NoMembers", func(t *testing.T) {
		r := build(t, roster.Input{Zone: loc, Shifts: []roster.Shift{good}})
		if got := unfilledCodes(r); !slices.Equal(got, []roster.Code{roster.NoneAvailable}) || r.Unfilled[0].Reason.Text.EN != "no member can take this shift" {
			t.Errorf("got %+v, want none_available", r.Unfilled)
		}
		if want := txt("负担差 0：没有队员能上任何一班；1 个班次人数不足", "spread 0: no member can take any shift; 1 shift short"); r.Fairness != want {
			t.Errorf("got %+v, want %+v", r.Fairness, want)
		}
	})
}
