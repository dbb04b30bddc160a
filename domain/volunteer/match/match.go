// Package match ranks volunteers for a need and proposes a week's assignment.
//
// It is the explained matching of the volunteer area: pure functions over
// plain values, with no storage and no clock. Rank lists the candidates for
// one occurrence of a need with the points each factor gave them and why, and
// the volunteers it excluded with coded reasons. Propose suggests who could
// take the open slots of a week's needs; it never assigns anyone itself.
// Optimum bounds what any proposal could cover, so a proposal can be judged by
// its share of that bound.
//
// # Hard constraints
//
// A volunteer is excluded from a need, with a Reason, when they are paused
// ([Paused]), already claimed it ([Claimed]), lack a required skill at its
// level ([MissingSkill]), are not verified for a sensitive need
// ([Unverified]), hold a required credentialed skill whose credential is not
// verified for a sensitive need ([UnverifiedCredential]), have no weekly slot
// in the window or are away for all of it ([Unavailable]), already committed
// to something overlapping it ([Busy]), or would go over their weekly limit
// ([WeeklyLimit]).
//
// Sensitive needs: a need marked Sensitive takes only volunteers whose
// identity the committee verified (Volunteer.Verified). On such a need a
// credentialed skill (SkillNeed.Credentialed: 医疗护理, 法律咨询, and any a
// community marks so) counts only when the volunteer's credential for it is
// verified (Skill.Verified); unverified, it does not count: a required one
// excludes the volunteer ([UnverifiedCredential]), a preferred one earns no
// points. On other needs credentials are not asked for.
//
// # Scoring
//
// A candidate's score is the sum of six factors, 100 points at most:
//
//   - skills, 25: 10 for holding every required skill at its level; +1 for
//     each level above a required minimum (summed over required skills, at
//     most 5); +10 times the share of preferred skills held at their level
//     (10 when the need names none).
//   - availability, 20: 20 times the share of the window the volunteer's
//     weekly slots cover, less the time they are away.
//   - distance, 20: 20 when the volunteer lives in the need's micro-grid, 12
//     in its grid, 6 when the need's grid is among the grids they said they
//     will serve, 0 otherwise; 20 for everyone when the need names no grid.
//   - fairness, 15: 15 for no service in the last 30 days, falling linearly to
//     0 at 30 hours.
//   - reliability, 10: 10 less 4 per no-show and 1 per late cancellation, at
//     least 0.
//   - weekly_limit, 10: 10 times the share of the weekly limit left after this
//     need; 10 when the volunteer set no limit.
//
// Points are rounded to one decimal. Equal scores are ordered by volunteer ID.
//
// # Times
//
// Windows are absolute times; weekly slots are read on the clock of the
// need's zone (Need.Zone), so a window that spans midnight is matched against
// the slots of both days.
package match

import (
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Need is one occurrence of a need: a window in time that wants volunteers.
type Need struct {
	ID    string
	Start time.Time // the window's start
	End   time.Time // the window's end, after Start; the window may span midnight
	// Zone is the community's time zone, in which volunteers' weekly slots are
	// read; nil means China Standard Time (UTC+8, which has no daylight saving).
	Zone      *time.Location
	Grid      string      // the grid the need is in; "" for the whole community
	MicroGrid string      // the micro-grid the need is in, if known
	Required  []SkillNeed // skills every volunteer must have
	Preferred []SkillNeed // skills that raise a volunteer's rank
	Sensitive bool        // only verified volunteers and verified credentials count
	Slots     int         // open slots: how many more volunteers it takes (Propose only)
	Claimed   []string    // IDs of volunteers who already claimed it
}

// SkillNeed is a skill a need asks for.
type SkillNeed struct {
	Name  string      // matched against Skill.Name
	Level int         // the minimum level; 0 for any
	Label domain.Text // the skill's name in explanations; Name when empty
	// Credentialed says the skill needs a verified credential to count on a
	// sensitive need (医疗护理, 法律咨询).
	Credentialed bool
}

// Skill is a skill a volunteer has.
type Skill struct {
	Name     string
	Level    int  // 1 (beginner) to 5 (expert); 0 counts as 1
	Verified bool // the committee checked the credential behind it
}

// Slot is a weekly time a volunteer is available, on the clock of the
// community's zone: Start and End are minutes of the day, 0 to 1440.
type Slot struct {
	Day   time.Weekday
	Start int
	End   int
}

// Period is a span of absolute time, [Start, End).
type Period struct {
	Start time.Time
	End   time.Time
}

// Volunteer is what matching knows of a volunteer.
type Volunteer struct {
	ID       string
	Skills   []Skill
	Verified bool     // the committee verified their identity (for sensitive needs)
	Weekly   []Slot   // when they are usually available
	Away     []Period // exceptions: dates they are away
	Busy     []Period // times already committed elsewhere (their other claims)
	// HomeGrid and HomeMicroGrid are where they live; Grids are the grids they
	// said they will serve.
	HomeGrid      string
	HomeMicroGrid string
	Grids         []string
	RecentMinutes int  // minutes served in the last 30 days
	NoShows       int  // no-shows in the recent record the caller keeps
	LateCancels   int  // late cancellations in the same record
	Paused        bool // they paused volunteering
	// WeekMinutes are minutes already committed in the week of the need (of
	// the needs, for Propose); MaxWeekMinutes is their weekly limit, 0 for none.
	WeekMinutes    int
	MaxWeekMinutes int
}

// Code identifies why a volunteer was excluded or why a slot stayed open.
type Code string

// Reasons for excluding a volunteer from a need.
const (
	Paused               Code = "paused"
	Claimed              Code = "claimed"
	MissingSkill         Code = "missing_skill"
	Unverified           Code = "unverified"
	UnverifiedCredential Code = "unverified_credential"
	Unavailable          Code = "unavailable"
	Busy                 Code = "busy"
	WeeklyLimit          Code = "weekly_limit"
)

// Reasons about a need itself, or why its slots stayed open.
const (
	InvalidWindow Code = "invalid_window" // End is not at least a minute after Start
	NoSlots       Code = "no_slots"       // the need has no open slot
	DuplicateNeed Code = "duplicate_need" // an earlier need has the same ID
	NoCandidates  Code = "no_candidates"  // nobody meets the need's hard constraints
	Taken         Code = "taken"          // everyone eligible is proposed elsewhere or at their limit
)

// Reason is a coded explanation in both languages.
type Reason struct {
	Code Code
	Text domain.Text
}

// Factor keys, stable for clients.
const (
	KeySkills       = "skills"
	KeyAvailability = "availability"
	KeyDistance     = "distance"
	KeyFairness     = "fairness"
	KeyReliability  = "reliability"
	KeyWeeklyLimit  = "weekly_limit"
)
