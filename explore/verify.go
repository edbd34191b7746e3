package explore

import (
	"errors"
	"fmt"
	"slices"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// replay runs the exercise's script up to step after and then the witness,
// through the runner that `raftsheet run` uses, and returns the cluster it
// ends in and the trace. Every witness is replayed so before it is given
// out: a witness that does not show its claim is a bug, never an answer.
func replay(ex *exercise.Exercise, after int, w Witness) (*engine.Cluster, *engine.Trace, error) {
	cp := *ex
	cp.Steps = append(slices.Clone(ex.Steps[:after]), w.Steps()...)
	return engine.RunTo(&cp.Script, len(cp.Steps))
}

// mustShow replays w and checks claim on the cluster it ends in.
func mustShow(ex *exercise.Exercise, after int, w Witness, what string, claim func(*engine.Cluster, *engine.Trace) bool) error {
	c, tr, err := replay(ex, after, w)
	if err != nil {
		return fmt.Errorf("explore: the witness that %s fails when replayed: %w", what, err)
	}
	if !claim(c, tr) {
		return fmt.Errorf("explore: the witness that %s does not show it when replayed", what)
	}
	return nil
}

// mentions reports whether the runner stopped with property p broken.
func mentions(err error, p engine.Property) bool {
	var inv *engine.InvariantError
	return errors.As(err, &inv) && inv.Property == p
}
