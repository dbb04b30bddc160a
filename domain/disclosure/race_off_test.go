//go:build !race

package disclosure_test

// pairRounds is how often each concurrent test runs its racers (fewer
// under the race detector: race_on_test.go).
const pairRounds = 12
