//go:build race

package disclosure_test

// pairRounds is how often each concurrent test runs its racers. The race
// detector slows them about sixfold, so under it they run fewer rounds.
const pairRounds = 5
