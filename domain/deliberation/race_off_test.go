//go:build !race

package deliberation_test

// pairRounds is how often each concurrent pair runs (fewer under the race
// detector: race_on_test.go).
const pairRounds = 20
