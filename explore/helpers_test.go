package explore

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
)

func builtin(t testing.TB, name string) *exercise.Exercise {
	t.Helper()
	ex, err := exercises.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func load(t testing.TB, src string) *exercise.Exercise {
	t.Helper()
	ex, err := exercise.Load("test.yaml", "test", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// ask asks a question and runs every witness in the answers through the
// loader and the runner, checking that it shows what its answer claims.
func ask(t testing.TB, ex *exercise.Exercise, after int, q Question) *Answers {
	t.Helper()
	a, err := Ask(ex, after, q)
	if err != nil {
		t.Fatalf("ask %s after %d: %v", q.Kind, after, err)
	}
	for _, x := range a.Answers {
		checkWitness(t, ex, after, q, x)
	}
	return a
}

// checkWitness replays one answer's witness via YAML and checks its claim.
func checkWitness(t testing.TB, ex *exercise.Exercise, after int, q Question, x any) {
	t.Helper()
	switch x := x.(type) {
	case WhoCanWin:
		if x.Witness != nil {
			cand := x.Server
			shows(t, ex, after, x.Witness, cand+" wins", func(st map[string]engine.ServerState) bool {
				return st[cand].Role == engine.Leader
			})
		}
	case Committed:
		if x.Witness != nil {
			leader, i, term := x.Leader, x.Index, x.Term
			shows(t, ex, after, x.Witness, leader+" leads without entry "+fmt.Sprint(i), func(st map[string]engine.ServerState) bool {
				return st[leader].Role == engine.Leader && st[leader].Term > term && lacks(st[leader], i, term)
			})
		}
	case Mutant:
		if x.Witness != nil {
			if _, err := viaYAML(t, ex, after, x.Witness); err == nil || !mentions(err, engine.Property(x.Property)) {
				t.Errorf("the counterexample does not stop the runner with %s: %v", x.Property, err)
			}
		}
	case Possibility:
		if x.Possible == nil || !*x.Possible {
			return
		}
		if q.Kind == "reachable" {
			empty := *ex
			empty.Initial, empty.Steps = nil, nil
			if _, err := viaYAML(t, &empty, 0, x.Witness); err != nil {
				t.Errorf("the schedule from an empty cluster fails: %v", err)
			}
			return // TestReachableFigures compares the state it ends in
		}
		g, err := parseGoal(q.Goal, ex.Config.Servers)
		if err != nil {
			t.Fatal(err)
		}
		c, tr := viaYAMLCluster(t, ex, after, x.Witness)
		if !g.Holds(c, acksOf(tr)) {
			t.Errorf("the witness does not reach %q", q.Goal)
		}
	}
}

// viaYAMLCluster is viaYAML, returning the cluster the run ends in.
func viaYAMLCluster(t testing.TB, ex *exercise.Exercise, after int, w Witness) (*engine.Cluster, *engine.Trace) {
	t.Helper()
	steps, _ := json.Marshal(w)
	names, _ := json.Marshal(ex.Config.Servers)
	parsed, err := exercise.Load("witness.yaml", "witness", []byte(fmt.Sprintf("title: w\nservers: %s\nsteps: %s\n", names, steps)))
	if err != nil {
		t.Fatalf("the witness does not load as exercise steps: %v", err)
	}
	cp := *ex
	cp.Steps = append(slices.Clone(ex.Steps[:after]), parsed.Steps...)
	c, tr, err := engine.RunTo(&cp.Script, len(cp.Steps))
	if err != nil {
		t.Fatalf("the witness fails under the runner: %v", err)
	}
	return c, tr
}

// viaYAML runs a witness the way a teacher would: its JSON form is read
// back as the `steps:` of an exercise by the real loader, put in place of
// the script's steps after step after, and the whole script runs through
// the real runner. It returns the trace, or the runner's error.
func viaYAML(t testing.TB, ex *exercise.Exercise, after int, w Witness) (*engine.Trace, error) {
	t.Helper()
	steps, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := json.Marshal(ex.Config.Servers)
	src := fmt.Sprintf("title: witness\nservers: %s\nstate_machine: %s\nsteps: %s\n", names, ex.Config.StateMachine, steps)
	parsed, err := exercise.Load("witness.yaml", "witness", []byte(src))
	if err != nil {
		t.Fatalf("the witness does not load as exercise steps: %v\n%s", err, src)
	}
	cp := *ex
	cp.Steps = append(slices.Clone(ex.Steps[:after]), parsed.Steps...)
	return exercise.Run(&cp)
}

// shows runs a witness via YAML and checks claim on the final state.
func shows(t testing.TB, ex *exercise.Exercise, after int, w Witness, what string, claim func(map[string]engine.ServerState) bool) {
	t.Helper()
	if len(w) == 0 {
		t.Errorf("%s: no witness", what)
		return
	}
	tr, err := viaYAML(t, ex, after, w)
	if err != nil {
		t.Errorf("%s: the witness fails under the runner: %v", what, err)
		return
	}
	if !claim(tr.Final()) {
		t.Errorf("%s: the witness does not show it; it ends in %v", what, tr.Final())
	}
}

func lacks(st engine.ServerState, index, term int) bool {
	return index > len(st.Log) || st.Log[index-1].Term != term
}

func must[T any](t testing.TB, x any) T {
	t.Helper()
	v, ok := x.(T)
	if !ok {
		t.Fatalf("answer is %T", x)
	}
	return v
}

func words(w Witness) string { return strings.ReplaceAll(w.Words(), "; ", "\n") }
