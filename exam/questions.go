package exam

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/exercise"
)

// placed is a question of the exam before it is answered.
type placed struct {
	exercise.Question
	derived bool
}

// questionsOf are the exam's questions: the exercise's questions: as
// written; without them, questions placed by the steps' ask: — after each
// step that asks about some servers, who among them can win and which of
// their entries are committed — or, when no step asks, the same about
// every server after the last step. A mutated exercise asks instead what
// breaks, after the first such step (or before step 1).
func questionsOf(ex *exercise.Exercise) ([]placed, error) {
	if ex.Timing != nil {
		return nil, diag.Diagnostics{{File: ex.File, Msg: "the exam template needs an untimed exercise: its questions explore every event that could come next, which a clock would decide",
			Hint: "use the roleplay or trace template for a timed exercise"}}
	}
	if beyond := ex.BeyondFigure2(); beyond != nil {
		return nil, diag.Diagnostics{{File: ex.File, Msg: "the exam template needs an exercise of Figure 2: its questions explore every event that could come next under Figure 2's rules, and this one uses " + strings.Join(beyond, ", ") + ", beyond Figure 2",
			Hint: "use the roleplay or trace template for an exercise beyond Figure 2"}}
	}
	if len(ex.Questions) > 0 {
		out := make([]placed, len(ex.Questions))
		for i, q := range ex.Questions {
			out[i] = placed{Question: q}
		}
		return out, nil
	}
	var at []int
	var servers [][]string
	for i, st := range ex.Steps {
		if st.AskSet && len(st.Ask) > 0 {
			at = append(at, i+1)
			servers = append(servers, st.Ask)
		}
	}
	if len(at) == 0 {
		at, servers = []int{len(ex.Steps)}, [][]string{nil}
	}
	if ex.Mutated() {
		return []placed{{Question: exercise.Question{Kind: "mutant", After: 0, Line: 1}, derived: true}}, nil
	}
	var out []placed
	for i, n := range at {
		line := ex.Steps[n-1].Line
		out = append(out,
			placed{Question: exercise.Question{Kind: "who-can-win", After: n, Servers: servers[i], Line: line}, derived: true},
			placed{Question: exercise.Question{Kind: "committed", After: n, Servers: servers[i], Line: line}, derived: true})
	}
	if len(out) > 2*maxDerivedPlaces {
		return nil, diag.Diagnostics{{File: ex.File, Msg: fmt.Sprintf("%d steps ask about servers; an exam made from ask: takes at most %d", len(at), maxDerivedPlaces),
			Hint: "write the exam's questions: instead"}}
	}
	return out, nil
}

// maxDerivedPlaces bounds the steps ask: may turn into questions.
const maxDerivedPlaces = 10
