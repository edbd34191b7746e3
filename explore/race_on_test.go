//go:build race

package explore

// raceEnabled: the race detector slows the engine several times over, so
// the exhaustive runs of the unit tests go one event less deep.
const raceEnabled = true
