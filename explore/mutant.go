package explore

import (
	"fmt"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// Mutant answers what goes wrong when the exercise breaks a rule on
// purpose (options: {mutate: [...]}): the shortest schedule, after step N,
// to a broken safety property, which property, and at which step.
type Mutant struct {
	Mutations []string  `json:"mutations"`
	Broken    *bool     `json:"broken"` // true with a witness; null: none within the bounds
	Property  string    `json:"property,omitempty"`
	Step      int       `json:"step,omitempty"` // the script step that breaks it: N + the witness's length
	Detail    string    `json:"detail,omitempty"`
	Witness   Witness   `json:"witness,omitempty"`
	Because   string    `json:"because"`
	Explored  *Explored `json:"explored,omitempty"`
}

// defaultMutantBounds: one client value, one crash and one copied message
// are enough for each mutation's classic counterexample from a prepared state.
var defaultMutantBounds = Bounds{Depth: 12, MaxStates: 100_000, Clients: 1, Crashes: 1, Duplicates: 1}

// mutant searches breadth-first for the shortest schedule that breaks a
// safety property, checked after every event as the runner checks it.
func mutant(ex *exercise.Exercise, after int, c *engine.Cluster, b Bounds) (Mutant, error) {
	ms := ex.Config.Options.Mutate
	a := Mutant{Mutations: make([]string, len(ms))}
	for i, m := range ms {
		a.Mutations[i] = string(m)
	}
	r := newSearch(c, b, nil).run(c, nil)
	a.Explored = explored(b, r)
	if r.Violation == nil {
		a.Because = fmt.Sprintf("no schedule within %s breaks a safety property (%d distinct states, depth %d)", b, r.States, r.Depth)
		if len(ms) == 0 {
			a.Because += "; Raft's rules are all in force, and its safety proof (§5.4.3) says none ever will"
		}
		return a, nil
	}
	a.Broken, a.Property, a.Detail, a.Witness = boolPtr(true), string(r.Violation.Property), r.Violation.Detail, r.Witness
	a.Step = after + len(r.Witness)
	if err := mustBreak(ex, after, r.Witness, r.Violation.Property); err != nil {
		return a, err
	}
	a.Because = fmt.Sprintf("%s breaks at step %d, after %d step(s): %s", r.Violation.Property, a.Step, len(r.Witness), r.Violation.Detail)
	return a, nil
}

// mustBreak replays w and checks that the runner stops at its last step
// with property p broken.
func mustBreak(ex *exercise.Exercise, after int, w Witness, p engine.Property) error {
	_, _, err := replay(ex, after, w[:len(w)-1])
	if err != nil {
		return fmt.Errorf("explore: the counterexample fails before its last step when replayed: %w", err)
	}
	_, _, err = replay(ex, after, w)
	if err == nil {
		return fmt.Errorf("explore: the counterexample breaks nothing when replayed")
	}
	if !mentions(err, p) {
		return fmt.Errorf("explore: the counterexample, replayed, fails otherwise: %w", err)
	}
	return nil
}
