package explore

import (
	"errors"
	"fmt"
	"slices"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// Showing is what a schedule someone wrote (a student's answer to an exam
// question) shows when it is played after step N of the exercise, through
// the runner `raftsheet run` uses: it is judged by what it does, never by
// comparing it with the witness the explorer found.
type Showing struct {
	Holds bool // the claim holds after one of its steps (or before the first)
	At    int  // after how many of its steps the claim first holds
	// Broken is the safety property the schedule broke, and BrokenAt the
	// step that broke it (mutant questions).
	Broken   string
	BrokenAt int
	// Stopped is why the schedule could not be played to its end: a step
	// that cannot happen (a server that is down, no message to deliver),
	// naming the step; nil when it played.
	Stopped error
}

// MaxWrittenSteps bounds a written schedule: every prefix is replayed.
const MaxWrittenSteps = 60

// Shows plays steps after step `after` of ex and reports whether goal (in
// the goal language, goal.go) holds after one of them. An error is a goal
// that cannot be read, or an exercise that cannot run to step after.
func Shows(ex *exercise.Exercise, after int, steps []engine.Step, goal string) (Showing, error) {
	g, err := parseGoal(goal, ex.Config.Servers)
	if err != nil {
		return Showing{}, err
	}
	return play(ex, after, steps, func(c *engine.Cluster, tr *engine.Trace) bool {
		return g.Holds(c, acksOf(tr))
	})
}

// Breaks plays steps after step `after` of ex and reports whether one of
// them breaks a safety property (the runner stops there): the claim a
// mutant question asks for.
func Breaks(ex *exercise.Exercise, after int, steps []engine.Step) (Showing, error) {
	return play(ex, after, steps, nil)
}

// play replays the script to step after, then each prefix of steps, and
// checks claim (nil: only watch for a broken property) after each.
func play(ex *exercise.Exercise, after int, steps []engine.Step, claim func(*engine.Cluster, *engine.Trace) bool) (Showing, error) {
	var out Showing
	if len(steps) > MaxWrittenSteps {
		out.Stopped = fmt.Errorf("%d steps are too many to check (at most %d)", len(steps), MaxWrittenSteps)
		return out, nil
	}
	if after < 0 || after > len(ex.Steps) {
		return out, fmt.Errorf("%s has %d steps, not %d", ex.File, len(ex.Steps), after)
	}
	cp := *ex
	cp.Steps = append(slices.Clone(ex.Steps[:after]), steps...)
	for k := 0; k <= len(steps); k++ {
		c, tr, err := engine.RunTo(&cp.Script, after+k)
		var inv *engine.InvariantError
		switch {
		case k == 0 && err != nil:
			return out, fmt.Errorf("%s: the script does not run to step %d: %w", ex.File, after, err)
		case errors.As(err, &inv):
			out.Broken, out.BrokenAt = string(inv.Property), k
			return out, nil
		case err != nil:
			out.Stopped = fmt.Errorf("step %d (%s) cannot happen: %s", k, steps[k-1].Kind, stepProblem(err))
			return out, nil
		}
		if claim != nil && claim(c, tr) {
			out.Holds, out.At = true, k
			return out, nil
		}
	}
	return out, nil
}

// stepProblem is what the runner said about a step, without the line of a
// script the student never saw.
func stepProblem(err error) string {
	var se *engine.ScriptError
	if errors.As(err, &se) {
		if se.Hint != "" {
			return se.Msg + " (" + se.Hint + ")"
		}
		return se.Msg
	}
	return err.Error()
}
