package exercises

import (
	"strings"
	"testing"
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
