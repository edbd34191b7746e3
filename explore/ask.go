package explore

import (
	"errors"
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// Kinds are the questions `raftsheet ask` answers.
var Kinds = []string{"who-can-win", "committed", "reachable", "goal", "mutant"}

// Question is what to ask about an exercise after one of its steps.
type Question struct {
	Kind   string  // one of Kinds
	Goal   string  // goal: the condition, in the goal language (goal.go)
	Bounds *Bounds // goal, mutant and committed searches: nil for the defaults

	// ArgueFromLogs makes committed prove an entry committed from the logs
	// (the Figure 8 argument, step 2) before it takes a server's
	// commitIndex as the proof (step 1): an exam's figure leaves
	// commitIndex out, so its key argues from what the student sees.
	ArgueFromLogs bool
}

// Answers are the answers to one question: the JSON contract of `raftsheet
// ask --format json` (docs/EXPLORE.md).
type Answers struct {
	Question string `json:"question"`
	After    int    `json:"after"`
	Answers  []any  `json:"answers"`
	Exercise string `json:"exercise"` // extension: the exercise's title
}

// Ask answers q about the state of ex after step after (0: the initial
// state). Every witness in the answers has been replayed through the
// runner and shows what it claims.
func Ask(ex *exercise.Exercise, after int, q Question) (*Answers, error) {
	if ex.Timing != nil {
		return nil, fmt.Errorf("%s runs on a clock (timing:); ask explores untimed exercises only, where any event may come next", ex.File)
	}
	if beyond := ex.BeyondFigure2(); beyond != nil {
		return nil, fmt.Errorf("%s uses %s, beyond Figure 2; ask explores Figure 2's rules only", ex.File, strings.Join(beyond, ", "))
	}
	c, tr, err := engine.RunTo(&ex.Script, after)
	var se *engine.ScriptError
	if errors.As(err, &se) {
		return nil, diag.Diagnostics{{File: ex.File, Line: se.Line, Col: se.Col, Msg: se.Msg, Hint: se.Hint, Err: se}}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ex.File, err)
	}
	out := &Answers{Question: q.Kind, After: after, Exercise: ex.Title}
	if q.Kind == "goal" {
		out.Question = "goal " + q.Goal
	}
	switch q.Kind {
	case "who-can-win":
		if err := refuseMutants(ex, q.Kind); err != nil {
			return nil, err
		}
		for _, a := range whoCanWin(c) {
			if a.Witness != nil {
				cand := a.Server
				if err := mustShow(ex, after, a.Witness, cand+" wins", func(c *engine.Cluster, _ *engine.Trace) bool {
					return c.Server(cand).Role == engine.Leader
				}); err != nil {
					return nil, err
				}
			}
			out.Answers = append(out.Answers, a)
		}
	case "committed":
		if err := refuseMutants(ex, q.Kind); err != nil {
			return nil, err
		}
		answers, err := committed(ex, after, c, boundsOr(q.Bounds, defaultCommittedBounds), q.ArgueFromLogs)
		if err != nil {
			return nil, err
		}
		for _, a := range answers {
			out.Answers = append(out.Answers, a)
		}
	case "reachable":
		a, err := reachable(ex)
		if err != nil {
			return nil, err
		}
		out.Answers = append(out.Answers, a)
	case "goal":
		a, err := goal(ex, after, c, tr, q.Goal, boundsOr(q.Bounds, defaultGoalBounds))
		if err != nil {
			return nil, err
		}
		out.Answers = append(out.Answers, a)
	case "mutant":
		a, err := mutant(ex, after, c, boundsOr(q.Bounds, defaultMutantBounds))
		if err != nil {
			return nil, err
		}
		out.Answers = append(out.Answers, a)
	default:
		return nil, fmt.Errorf("unknown question %q; ask one of: %s", q.Kind, strings.Join(Kinds, ", "))
	}
	return out, nil
}

// refuseMutants: the decision procedures of who-can-win and committed are
// theorems of Raft, which a mutated engine breaks.
func refuseMutants(ex *exercise.Exercise, kind string) error {
	if len(ex.Config.Options.Mutate) > 0 {
		return fmt.Errorf("%s breaks rules on purpose (mutate: %s); %s answers rest on Raft's theorems, which then do not hold: ask `mutant` instead",
			ex.File, ex.Config.Options.Mutate, kind)
	}
	return nil
}

func boundsOr(b *Bounds, def Bounds) Bounds {
	if b != nil {
		return *b
	}
	return def
}

// GoalHelp is the goal language in one line, for help texts.
const GoalHelp = goalHelp

// DefaultBounds are the bounds a kind of question searches within.
func DefaultBounds(kind string) Bounds {
	switch kind {
	case "goal":
		return defaultGoalBounds
	case "committed":
		return defaultCommittedBounds
	}
	return defaultMutantBounds
}
