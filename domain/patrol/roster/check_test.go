package roster_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/patrol/roster"
)

func txt(zh, en string) domain.Text { return domain.Text{ZH: zh, EN: en} }

// TestCheck plants each kind of violation in a sound roster.
func TestCheck(t *testing.T) {
	loc := shanghai(t)
	v2 := allWeek("v2") // limited: no nights, Wednesdays off, away on Thursday 5 March, one shift a week
	v2.NoNights, v2.DaysOff, v2.MaxPerWeek = true, []time.Weekday{time.Wednesday}, 1
	v2.DatesOff = []roster.Date{{Year: 2026, Month: 3, Day: 5}}
	v3 := roster.Member{ID: "v3", Weekly: []roster.Slot{{Day: time.Tuesday, Start: 8 * 60, End: 9 * 60}}}
	optional := func(sh roster.Shift) roster.Shift { sh.Min, sh.Max = 0, 2; return sh }
	in := roster.Input{Zone: loc, Members: []roster.Member{allWeek("v1"), v2, v3}, Shifts: []roster.Shift{
		shift(loc, "a", 1, 8, 2), // Tuesday 08:00-10:00, one position, needed
		optional(shift(loc, "b", 1, 9, 2)),
		func() roster.Shift { sh := optional(night(loc, "c", 0)); sh.Max = 1; return sh }(), // Monday night
		optional(shift(loc, "d", 2, 8, 2)),                                                  // Wednesday
		optional(shift(loc, "e", 3, 8, 2)),                                                  // Thursday 5 March
		optional(shift(loc, "f", 1, 14, 2)),                                                 // Tuesday afternoon
		optional(shift(loc, "g", 4, 8, 2)),                                                  // Friday
	}}
	sound := roster.Roster{Assignments: []roster.Assignment{{ShiftID: "a", MemberID: "v1"}}}
	if v := roster.Check(sound, in); len(v) > 0 {
		t.Fatalf("sound roster: got %+v", v)
	}
	short := roster.Unfilled{ShiftID: "a", Missing: 1, Reason: roster.Reason{Code: roster.AtLimit}}
	as := func(pairs ...string) []roster.Assignment {
		var out []roster.Assignment
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, roster.Assignment{ShiftID: pairs[i], MemberID: pairs[i+1]})
		}
		return out
	}
	tests := []struct {
		name     string
		add      []roster.Assignment
		drop     bool // drop a's assignment
		unfilled []roster.Unfilled
		want     []roster.Code
	}{
		{name: "UnknownShift", add: as("zz", "v1"), want: []roster.Code{roster.UnknownShift}},
		{name: "UnknownMember", add: as("b", "zz"), want: []roster.Code{roster.UnknownMember}},
		{name: "Duplicate", add: as("a", "v1"), want: []roster.Code{roster.Duplicate}},
		{name: "Unavailable", add: as("b", "v3"), want: []roster.Code{roster.Unavailable}},
		{name: "NoNights", add: as("c", "v2"), want: []roster.Code{roster.NoNights}},
		{name: "DayOff", add: as("d", "v2"), want: []roster.Code{roster.DayOff}},
		{name: "DateOff", add: as("e", "v2"), want: []roster.Code{roster.DateOff}},
		{name: "WeeklyLimit", add: as("f", "v2", "g", "v2"), want: []roster.Code{roster.WeeklyLimit}},
		{name: "Overlap", add: as("b", "v1"), want: []roster.Code{roster.Overlap}},
		{name: "Rest", add: as("c", "v1"), want: []roster.Code{roster.Rest}},
		{name: "OverMax", add: as("a", "v2"), want: []roster.Code{roster.OverMax}},
		{name: "UnderMin", drop: true, unfilled: []roster.Unfilled{short}, want: []roster.Code{roster.UnderMin}},
		{name: "Unreported", drop: true, want: []roster.Code{roster.Unreported, roster.UnderMin}},
		{name: "ReportedNotShort", unfilled: []roster.Unfilled{short}, want: []roster.Code{roster.Unreported}},
		{name: "ReportedTwice", drop: true, unfilled: []roster.Unfilled{short, short}, want: []roster.Code{roster.Unreported, roster.UnderMin}},
		{name: "WrongMissing", drop: true, unfilled: []roster.Unfilled{{ShiftID: "a", Missing: 2, Reason: short.Reason}}, want: []roster.Code{roster.Unreported, roster.UnderMin}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := roster.Roster{Assignments: slices.Clone(sound.Assignments), Unfilled: tt.unfilled}
			if tt.drop {
				r.Assignments = nil
			}
			r.Assignments = append(r.Assignments, tt.add...)
			var got []roster.Code
			for _, v := range roster.Check(r, in) {
				got = append(got, v.Code)
				if v.Text.ZH == "" || v.Text.EN == "" {
					t.Errorf("violation %+v has no text", v)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCheckAgrees checks Check's verdict against the test's naive checker on
// rosters of random teams with random assignments added, removed or moved,
// and Unfilled kept in step.
func TestCheckAgrees(t *testing.T) {
	loc := shanghai(t)
	r := rand.New(rand.NewPCG(9, 9))
	var broken int
	for range 300 {
		in := genTeam(r, loc, genConfig{members: 2 + r.IntN(8), days: 3 + r.IntN(10), perDay: 1 + r.IntN(4), maxPos: 3})
		rs, err := roster.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		for range 1 + r.IntN(2) {
			sh := in.Shifts[r.IntN(len(in.Shifts))].ID
			mb := in.Members[r.IntN(len(in.Members))].ID
			switch k := r.IntN(len(rs.Assignments) + 1); {
			case k == len(rs.Assignments) || r.IntN(2) == 0:
				rs.Assignments = append(rs.Assignments, roster.Assignment{ShiftID: sh, MemberID: mb})
			case r.IntN(2) == 0:
				rs.Assignments = slices.Delete(rs.Assignments, k, k+1)
			default:
				rs.Assignments[k].MemberID = mb
			}
		}
		// Keep Unfilled in step, so that what breaks is a hard constraint.
		count := map[string]int{}
		for _, a := range rs.Assignments {
			count[a.ShiftID]++
		}
		rs.Unfilled = nil
		for _, sh := range in.Shifts {
			if count[sh.ID] < sh.Min {
				rs.Unfilled = append(rs.Unfilled, roster.Unfilled{ShiftID: sh.ID, Missing: sh.Min - count[sh.ID], Reason: roster.Reason{Code: roster.AtLimit, Text: txt("x", "x")}})
			}
		}
		check, naive := roster.Check(rs, in), naiveViolations(in, rs)
		// Check also reports a short shift a member could join, which the
		// naive checker does not look for.
		check = slices.DeleteFunc(check, func(v roster.Violation) bool { return v.Code == roster.UnderMin })
		if (len(check) == 0) != (len(naive) == 0) {
			t.Fatalf("Check found %+v, the naive checker %q", check, naive)
		}
		if len(check) > 0 {
			broken++
		}
	}
	t.Logf("%d of 300 changed rosters broke a constraint", broken)
}
