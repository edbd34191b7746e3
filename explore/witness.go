package explore

import (
	"encoding/json"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// WitnessStep is one step of a witness: the event, and the event in words
// with the message it concerns ("deliver #12 RequestVote S5→S3 (term 5)").
type WitnessStep struct {
	Event Event
	Words string
}

// Witness is a schedule that shows an answer: steps to put after step N of
// the exercise's script, in place of the steps that follow it.
type Witness []WitnessStep

// Steps are the witness as the runner plays it.
func (w Witness) Steps() []engine.Step {
	out := make([]engine.Step, len(w))
	for i, s := range w {
		out[i] = s.Event.Step()
	}
	return out
}

// Format is the witness as an exercise's `steps:` list.
func (w Witness) Format() []any {
	out := make([]any, len(w))
	for i, s := range w {
		out[i] = s.Event.Format()
	}
	return out
}

// MarshalJSON writes the witness as a list of steps in the exercise format.
func (w Witness) MarshalJSON() ([]byte, error) { return json.Marshal(w.Format()) }

// describe words ev as played on c, naming the messages it picks.
func describe(c *engine.Cluster, ev Event) string {
	switch ev.Kind {
	case engine.StepDeliver, engine.StepDrop, engine.StepDuplicate:
		var parts []string
		for _, sel := range ev.Selection {
			m, ok := c.Message(sel.ID)
			if sel.ID == 0 || !ok {
				return ev.String()
			}
			parts = append(parts, engine.Describe(m))
		}
		return ev.Kind.String() + " " + strings.Join(parts, ", ")
	}
	return ev.String()
}

// Words is the witness in words, one step after another.
func (w Witness) Words() string {
	parts := make([]string, len(w))
	for i, s := range w {
		parts[i] = s.Words
	}
	return strings.Join(parts, "; ")
}
