package field

import "github.com/raftsheet/raftsheet/engine"

// Rule is the rule of the Raft paper behind an answer, as the sheets and
// grading name it: the engine's rule (a catalogue entry), its name in the
// template's language (a teacher groups mistakes by it), and where the
// paper says it.
type Rule struct {
	ID   engine.Rule `json:"-"`
	Name string      `json:"name"`
	Cite string      `json:"cite"`
}

func (r Rule) String() string {
	if r.Cite == "" {
		return r.Name
	}
	return r.Name + " (" + r.Cite + ")"
}

// Key is the rule's stable key (engine.Rule.Key).
func (r Rule) Key() string { return r.ID.Key() }
