// Package roster builds fair patrol rosters.
//
// It is the roster generation of the patrol area, for teams such as the
// 武林大妈 volunteer patrols: pure functions over plain values, with no
// storage and no clock. Build staffs a team's shifts for a period (a month, a
// quarter) fairly; RoundRobin staffs them naively, for comparison; Check
// verifies any roster against the hard constraints, independently of Build,
// before it is published.
//
// # Hard constraints
//
// A member is only on shifts that their weekly slots cover entirely (slots
// of consecutive days join at midnight, so a night shift needs both), that
// touch none of their weekdays or dates off, and that are not night shifts
// if they take none; never on two overlapping shifts, nor on a shift that
// starts less than 12 hours after the end of their night shift; and on no
// more shifts in a week (Monday to Sunday in the team's zone, a shift
// counting in the week it starts) than their limit. No shift has more
// members than its maximum. Each shift has its minimum where the team allows
// it; a shift left short is listed in Roster.Unfilled with the positions
// missing and a coded reason: nobody can take it at all ([NoneAvailable],
// with how many members each cause keeps off), fewer members can take it
// than its minimum, all of them on it ([FewAvailable]), or the others who
// could are at their weekly limit, on an overlapping shift or resting after
// a night ([AtLimit]).
//
// # Objective
//
// In order:
//
//  1. Fairness: the smallest spread of weighted load, the largest load less
//     the smallest over the counted members, those who can take at least one
//     of the shifts on their own. A member's load is the sum of the weights of
//     their shifts; weights are counted to a thousandth, so loads add up
//     exactly.
//  2. Preferences: the most preference points, one for each assignment on a
//     weekday its member prefers and one for each on a template they prefer.
//  3. Continuity: the most pairs on a shift who patrolled its route together
//     before, as partners (Member.Partners) or on an earlier shift of the
//     same roster; for each pair on a route sharing c shifts that is c, less
//     one if they were not partners.
//
// Build fills each shift up to its minimum and no further: the positions
// between Min and Max are left for members who sign up on their own. Filling
// them "where the spread does not rise" would bring every member up to the
// busiest one's load: on a team whose few night owls must each carry three
// nights, everyone else's load would rise towards theirs. Fairness is thus
// measured on the work the captain asked for.
//
// # Algorithm
//
// Build runs in phases, each deterministic given the seed. (1) Greedy: the
// shifts, scarcest first (fewest members able to take them per position),
// are filled up to their minimums, each position by the least loaded member
// free for it, ties broken by preference points and then by a seeded order of
// the members. (2) Augmenting chains fill the positions left open: breadth
// first, a member free for a short shift takes it, or moves to it from
// another shift that a further member then takes, as in bipartite matching.
// (3) Balance: a local search lowers the sum of the squared loads by
// transfers of a position to a less loaded member, swaps of a heavier and a
// lighter shift between two members, and chains of up to three transfers from
// the most loaded members or to the least loaded; every move keeps the loads
// it changes between the smallest and the largest, so the spread never
// rises. (4) Search: while the spread is above the lower bound, an iterated
// local search kicks the roster (a few random moves at the extremes, which
// may overshoot for a while), balances it again, and keeps the best roster by
// spread, then by how many members sit at the thinner extreme, then by the
// sum of squares; it stops after 25 kicks in a row without progress, after
// 200, or after a fixed number of checks, so the roster never depends on the
// machine's speed. (5) Preferences and then (6) continuity improve by moves
// that keep every load value: swaps of shifts of equal weight, and transfers
// between two members whose loads differ by exactly the shift's weight,
// which trade their loads; fairness is untouched, and a continuity move never
// costs a preference point. When these moves free a member for a shift still
// short, (2) to (6) run again.
//
// # Lower bound
//
// Roster.LowerBound is proved for every roster that keeps the hard
// constraints and has as many members on each shift as the roster itself
// (f(t) on shift t). Let x and y be the smallest and largest load of such a
// roster over the counted members, elig(t) the members who can take shift t
// on their own, and cap(m) the most load member m could carry alone: week by
// week, the heaviest set of their shifts with no two in conflict and at most
// their weekly limit of them, by weighted interval scheduling (each night
// shift stretched by the 12 hours' rest, which makes the rest an overlap;
// conflicts across weeks are ignored, which only raises cap). For a set S of
// counted members:
//
//   - The others hold at most |elig(t) \ S| positions of t, so the members
//     of S hold at least P(S) = Σ max(0, f(t) - |elig(t) \ S|) positions,
//     weighing need(S) in all and each at least wmin(S). One of them holds
//     ⌈P(S)/|S|⌉ of those positions: y ≥ ⌈P(S)/|S|⌉·wmin(S). And as each
//     carries at most min(cap(m), y), y is at least the least level with
//     Σ over S of min(cap(m), level) ≥ need(S).
//   - The members of S hold at most min(f(t), |elig(t) ∩ S|) positions of t,
//     so one of them carries at most the average of that load:
//     x ≤ ⌊Σ min(f(t), |elig(t) ∩ S|)·w(t) / |S|⌋; and x ≤ cap(m) for each m.
//   - A shift with f(t) = |elig(t)| needs everyone who can take it: y is at
//     least the load of such shifts any one member must take.
//
// The spread y - x is therefore at least the largest of the bounds on y less
// the smallest of the bounds on x, taken over S = all counted members and,
// for every shift s, S = elig(s) and S = the counted members not in elig(s).
// It is a simple bound: it sees neither that loads move in steps of the
// weights nor most of the interplay of limits and overlaps, and is often
// below the best spread (the tests compare it with brute force on small
// teams).
//
// # Determinism and times
//
// The same input and seed give the same roster, in whatever order the
// members and shifts come: members are sorted by ID and shifts by start and
// ID, and the seed, hashed with SHA-256, seeds a PCG generator (math/rand/v2)
// that orders ties and drives the kicks. Shift times are absolute; weekly
// slots, weekdays, dates and weeks are read on the clock of the team's zone,
// a shift's minutes rounded outwards.
package roster
