package explore

import (
	"flag"
	"fmt"
	"testing"
	"time"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercises"
)

// -explore.depth runs the exhaustive tests deeper than the defaults, e.g.
// go test ./explore -run Truth -explore.depth 9 -v
var truthDepth = flag.Int("explore.depth", 0, "events per schedule in the exhaustive truth-of-the-engine tests (0: the defaults)")

// variants are the paper's choices the engine offers (§8, Figure 2 slips,
// when entries leave): every one is explored.
// max_entries: 1 changes nothing until a leader holds two entries to send,
// so that variant gets two client requests.
var variants = []struct {
	name    string
	opt     engine.Options
	clients int
}{
	{"default", engine.Options{}, 1},
	{"noop_on_election", engine.Options{NoopOnElection: true}, 1},
	{"max_entries_1", engine.Options{MaxEntries: 1}, 2},
	{"replicate_immediate", engine.Options{Replicate: engine.ReplicateImmediately}, 1},
}

// truthBounds are every event kind a script has, bounded where it could
// repeat for ever. Drops, partitions and lost deliveries are left out: a
// schedule with them reaches no server state a schedule without them does
// not (doc.go, "What the search need not try"), so the safety properties
// are checked on every state all schedules reach.
func truthBounds(depth int) Bounds {
	return Bounds{Depth: depth, Clients: 1, Crashes: 1, Duplicates: 1}
}

func depthOr(def int) int {
	if *truthDepth > 0 {
		return *truthDepth
	}
	if raceEnabled {
		return def - 1
	}
	return def
}

// exhaust explores every schedule of servers from the empty state and
// fails on any broken safety property.
func exhaust(t *testing.T, servers int, opt engine.Options, b Bounds) Result {
	t.Helper()
	cfg := engine.Config{Options: opt}
	for i := 1; i <= servers; i++ {
		cfg.Servers = append(cfg.Servers, fmt.Sprintf("S%d", i))
	}
	c := engine.NewCluster(cfg)
	s := newSearch(c, b, nil)
	s.onlyDeepest = true
	start := time.Now()
	r := s.run(c, nil)
	if r.Violation != nil {
		t.Fatalf("%v after: %s", r.Violation, r.Witness.Words())
	}
	if r.Truncated || r.Exhausted || r.Depth != b.Depth {
		t.Fatalf("explored to depth %d of %d (%d states, exhausted %v): the run must cover every schedule of the depth it states", r.Depth, b.Depth, r.States, r.Exhausted)
	}
	t.Logf("%d servers, %s: every schedule of %d events: %d distinct states, %d events, %v",
		servers, b, b.Depth, r.States, r.Events, time.Since(start).Round(time.Millisecond))
	return r
}

// Truth of the engine: every schedule of a 3-server cluster, to the depth
// stated, with the five safety properties checked in every state, for each
// variant. (Benchmarks go deeper; -explore.depth deeper still.)
func TestTruthThreeServers(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			b := truthBounds(depthOr(7))
			b.Clients = v.clients
			exhaust(t, 3, v.opt, b)
		})
	}
}

// The drops and partitions the truth runs leave out, explored anyway on a
// shallower run: nothing breaks there either.
func TestTruthWithDropsAndPartitions(t *testing.T) {
	b := truthBounds(depthOr(5))
	b.Drops, b.Partitions = true, 1
	exhaust(t, 3, engine.Options{}, b)
}

// Bounded 5-server runs: a leader and its followers, fewer events deep.
func TestTruthFiveServers(t *testing.T) {
	b := truthBounds(depthOr(5))
	b.Duplicates = 0
	exhaust(t, 5, engine.Options{}, b)
}

// From the state after every step of every untimed, unmutated built-in exercise (the
// paper's figures among them), every schedule a few events deep: elections
// over the figures' logs, repairs, partitions and commits, all checked.
func TestTruthFromEveryBuiltinStep(t *testing.T) {
	for _, name := range exercises.Names() {
		ex := builtin(t, name)
		// The explorer covers Figure 2's rules; a mutant breaks a rule on
		// purpose: it is TestMutantsBreakSafety's.
		if ex.Timing != nil || ex.BeyondFigure2() != nil || ex.Mutated() {
			continue
		}
		depth := depthOr(2)
		states := 0
		for n := 0; n <= len(ex.Steps); n++ {
			c, _, err := engine.RunTo(&ex.Script, n)
			if err != nil {
				t.Fatalf("%s step %d: %v", name, n, err)
			}
			s := newSearch(c, Bounds{Depth: depth, Clients: 1, Crashes: 1, Duplicates: 1}, nil)
			s.onlyDeepest = true
			r := s.run(c, nil)
			if r.Violation != nil {
				t.Fatalf("%s after step %d: %v after %s", name, n, r.Violation, r.Witness.Words())
			}
			states += r.States
		}
		t.Logf("%s: every schedule of %d events after each of its %d steps: %d states", name, depth, len(ex.Steps), states)
	}
}
