package roster

import (
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Input is a team's roster problem: who patrols, which shifts to staff, and
// the seed that breaks ties.
type Input struct {
	Members []Member
	Shifts  []Shift
	// Seed breaks ties and orders the local search: the same Input, Seed
	// included, always gives the same roster. Any string will do, such as the
	// team's ID and the month.
	Seed string
	// Zone is the team's time zone, in which weekly slots, weekdays, dates and
	// weeks are read; nil means China Standard Time (UTC+8, which has no
	// daylight saving).
	Zone *time.Location
}

// Member is what the roster knows of a team member.
type Member struct {
	ID string
	// Weekly is when they can patrol, on the clock of the team's zone. A
	// member takes only shifts that their slots cover entirely; slots of
	// consecutive days join at midnight.
	Weekly []Slot
	// MaxPerWeek is the most shifts they take in a week, Monday to Sunday in
	// the team's zone, a shift counting in the week it starts; 0 for no
	// limit.
	MaxPerWeek int
	NoNights   bool           // they take no night shift (Shift.Night)
	DaysOff    []time.Weekday // weekdays they never patrol
	DatesOff   []Date         // days they are away
	// PreferDays and PreferTemplates are soft wishes: weekdays (of a shift's
	// start) and shift templates they would rather patrol.
	PreferDays      []time.Weekday
	PreferTemplates []string
	// Partners are whom they patrolled with before, for continuity; unknown
	// member IDs are ignored.
	Partners []Partner
}

// Slot is a weekly stretch of time, on the clock of the team's zone: Start
// and End are minutes of the day, 0 ≤ Start < End ≤ 1440.
type Slot struct {
	Day   time.Weekday
	Start int
	End   int
}

// Date is a calendar day in the team's zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Partner is a member someone patrolled with before, on a route or on any.
type Partner struct {
	MemberID string
	RouteID  string // "" for any route
}

// Shift is one patrol to staff.
type Shift struct {
	ID         string
	RouteID    string
	TemplateID string // the shift template it comes from, such as "evening"
	// Start and End are absolute; End is after Start, at most 24 hours later,
	// so a night shift may cross midnight.
	Start, End time.Time
	Min, Max   int // positions: at least Min where the team allows, never more than Max ≥ 1
	// Weight is what the shift counts for in a member's load: a positive
	// number, counted to a thousandth, at most 1000. The captain sets it:
	// night and weekend shifts weigh more.
	Weight float64
	// Night marks a night shift: members with NoNights skip it, and whoever
	// takes it rests at least 12 hours after its end before their next shift.
	Night bool
}

// Assignment puts a member on a shift.
type Assignment struct {
	ShiftID  string
	MemberID string
}

// Load is what a roster gives a member.
type Load struct {
	MemberID string
	Weight   float64 // the sum of their shifts' weights
	Shifts   int
	// Counted says the member could take at least one shift of the input on
	// their own (availability, nights, days off): only they count in Spread.
	Counted bool
}

// Unfilled is a shift left below its minimum.
type Unfilled struct {
	ShiftID string
	Missing int // positions below Min
	Reason  Reason
}

// Code identifies why a shift is short or what a roster breaks.
type Code string

// Reasons why a shift stays below its minimum.
const (
	NoneAvailable Code = "none_available" // no member can take the shift at all
	FewAvailable  Code = "few_available"  // fewer members can take it than its minimum, all on it
	AtLimit       Code = "at_limit"       // the others who could are at their weekly limit, busy or resting
)

// Hard constraints a roster may break, as Check reports them.
const (
	UnknownShift  Code = "unknown_shift"  // an assignment names no shift of the input
	UnknownMember Code = "unknown_member" // an assignment names no member of the input
	Duplicate     Code = "duplicate"      // a member twice on one shift
	Unavailable   Code = "unavailable"    // the shift is not entirely within the member's weekly slots
	DayOff        Code = "day_off"        // the shift touches one of the member's weekdays off
	DateOff       Code = "date_off"       // the shift touches one of the member's dates off
	NoNights      Code = "no_nights"      // a night shift for a member who takes none
	WeeklyLimit   Code = "weekly_limit"   // more shifts in a week than the member's limit
	Overlap       Code = "overlap"        // two overlapping shifts for one member
	Rest          Code = "rest"           // a shift less than 12 hours after the member's night shift
	OverMax       Code = "over_max"       // more members on a shift than its maximum
	UnderMin      Code = "under_min"      // a shift below its minimum that a free member could join
	Unreported    Code = "unreported"     // Unfilled does not match the shifts below their minimum
	InvalidInput  Code = "invalid_input"  // the input itself is invalid (Build's error)
)

// Reason is a coded explanation in both languages.
type Reason struct {
	Code Code
	Text domain.Text
}

// Roster is the outcome of Build or RoundRobin.
type Roster struct {
	Assignments []Assignment // by shift (start, then ID), then member ID
	Loads       []Load       // every member, by ID
	// Spread is the largest Load.Weight less the smallest, over the counted
	// members.
	Spread float64
	// LowerBound is a proved lower bound of Spread for any roster that keeps
	// the hard constraints and has as many members on each shift as this one
	// (see the package doc).
	LowerBound float64
	Unfilled   []Unfilled // shifts below their minimum, by start then ID
	// Preferred counts preference points: one for each assignment on a
	// weekday its member prefers, one for each on a template they prefer.
	Preferred int
	// Continued counts pairs on a shift who patrolled its route together
	// before: as partners, or on an earlier shift of this roster.
	Continued int
	// Fairness is the roster's fairness in one line, for the captain.
	Fairness domain.Text
}

// Build builds a fair roster for in: every shift up to its minimum where the
// team allows, with the smallest spread of weighted load it finds, then the
// most preferences kept, then the most pairs continued (see the package
// doc). It returns an Invalid *domain.Error naming the field of the first
// invalid member or shift.
func Build(in Input) (Roster, error) {
	p, err := newProblem(in)
	if err != nil {
		return Roster{}, err
	}
	pl := newPlan(p)
	pl.greedy()
	pl.fillAll()
	for { // moves may free a member for a shift still short: fill it and go again
		pl.balance()
		pl.search(p.lowerBound(pl.fill()))
		pl.prefer()
		pl.continueAll()
		if !pl.fillAll() {
			return pl.roster(), nil
		}
	}
}

// RoundRobin builds a naive roster for comparison: shifts in order of start,
// each filled up to its minimum by the next members in ID order, round the
// team, who can take it without breaking a hard constraint. It returns the
// errors Build does.
func RoundRobin(in Input) (Roster, error) {
	p, err := newProblem(in)
	if err != nil {
		return Roster{}, err
	}
	pl := newPlan(p)
	next := 0
	for s := range p.shifts {
		for n := 0; n < len(p.members) && len(pl.on[s]) < p.min[s]; n++ {
			m := int32((next + n) % len(p.members))
			if p.eligible(m, s) && !pl.isOn(m, s) && pl.fits(m, s, -1) {
				pl.add(m, s)
				next = int(m) + 1
				n = -1 // look again from the member after m
			}
		}
	}
	return pl.roster(), nil
}
