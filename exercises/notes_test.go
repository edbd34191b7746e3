package exercises

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// A step's note is what students read with the step; a section of the
// paper there would answer the Why? it asks. Citations belong in explain,
// which only the key prints.
func TestNotesCiteNoSection(t *testing.T) {
	for _, name := range Names() {
		ex, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, st := range ex.Script.Steps {
			if strings.Contains(st.Note, "§") {
				t.Errorf("%s step %d: the note cites a section: %q", name, i+1, st.Note)
			}
		}
	}
}

// The sheets write "lost" for a message that could not reach its receiver
// (down or cut off) and "drop" for one the network dropped (the "How to
// fill in" box, the key's legend): what students read of a drop step, its
// words and its note, says "drops", never "lost" or "loses", or a student
// who writes what the step says is marked wrong.
func TestDropStepsSayDrop(t *testing.T) {
	for _, name := range Names() {
		ex, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, st := range ex.Script.Steps {
			if st.Kind != engine.StepDrop {
				continue
			}
			words := st.Words(ex.Script.Config.Servers)
			if !strings.Contains(words, "drops") {
				t.Errorf("%s step %d reads %q: not \"drops\"", name, i+1, words)
			}
			for _, w := range []string{"lost", "loses", "lose"} {
				if strings.Contains(strings.ToLower(st.Note), w) {
					t.Errorf("%s step %d, a drop, has the note %q: say the network drops them", name, i+1, st.Note)
				}
				if strings.Contains(strings.ToLower(st.Explain), w) {
					t.Errorf("%s step %d, a drop, explains %q: say the network drops them (the key's grid says drop)", name, i+1, st.Explain)
				}
			}
		}
	}
}
