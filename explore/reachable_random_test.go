package explore

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// Every state the engine itself reaches is never called unreachable: the
// rules are theorems. Random schedules (a fixed seed) of 3 and 5 servers
// end in states that are then asked about as initial states; the
// construction builds most of them, and each schedule it builds is
// replayed and compared by reachable itself.
func TestReachedStatesAreNeverUnreachable(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2026))
	built, total := 0, 0
	runs := 120
	if raceEnabled {
		runs = 40
	}
	for run := 0; run < runs; run++ {
		n := 3 + 2*(run%2)
		cfg := engine.Config{}
		for i := 1; i <= n; i++ {
			cfg.Servers = append(cfg.Servers, fmt.Sprintf("S%d", i))
		}
		c := engine.NewCluster(cfg)
		s := newSearch(c, Bounds{Clients: 3, Crashes: 2}, nil)
		values := 0
		for step := 0; step < 60; step++ {
			evs := s.events(&node{c: c, used: used{clients: values}})
			if len(evs) == 0 {
				break
			}
			ev := evs[rng.IntN(len(evs))]
			if ev.Kind == engine.StepClient {
				values++
			}
			if err := ev.Apply(c); err != nil {
				t.Fatal(err)
			}
			c.TakeOutcome()
			if err := c.CheckSafety(); err != nil {
				t.Fatalf("run %d: %v", run, err)
			}
		}
		ex := &exercise.Exercise{Name: "reached", File: "reached.yaml", Script: engine.Script{Config: cfg}}
		for _, sv := range c.Servers() {
			st := engine.InitialState{Term: sv.CurrentTerm, VotedFor: sv.VotedFor, Role: sv.Role, Log: sv.Log.Clone(), Commit: sv.CommitIndex}
			if !sv.Up {
				st.Role, st.Commit = engine.Follower, 0
			}
			ex.Initial = append(ex.Initial, engine.InitialServer{ID: sv.ID, InitialState: st})
		}
		p, err := reachable(ex)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		total++
		switch {
		case p.Possible == nil:
			t.Logf("run %d: %s", run, p.Because)
		case !*p.Possible:
			t.Errorf("run %d: a state the engine reached is called unreachable: %s", run, p.Because)
		default:
			built++
		}
	}
	t.Logf("%d of %d reached states got a schedule", built, total)
	if built < total*9/10 {
		t.Errorf("only %d of %d reached states got a schedule", built, total)
	}
}
