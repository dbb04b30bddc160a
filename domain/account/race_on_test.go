//go:build race

package account_test

// pairRounds is how often each concurrent pair runs. The race detector
// slows the pairs about sixfold, so under it (make test) they run fewer
// rounds; the races they look for showed in a quarter or more of the
// rounds before the fixes.
const pairRounds = 8
