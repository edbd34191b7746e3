package exercise

import (
	"strings"
	"testing"
)

// An editor checking a misspelt step against the schema is told which
// key is not allowed, not that the step is not "stabilize" or "heal": a
// step that is a mapping is checked only as a mapping of step kinds, and
// a step that is a word only against the words a step may be.
func TestSchemaNamesAMisspeltStepKind(t *testing.T) {
	sch := compileSchema(t)
	for _, c := range []struct{ step, want, not string }{
		{"timout: S1", "'timout' not allowed", "must be one of"},
		{"timeout: S1\n    hartbeat: S2", "'hartbeat' not allowed", "must be one of"},
		{"stabilise", "must be one of 'stabilize', 'heal'", "not allowed"},
	} {
		src := "title: t\nservers: 3\nsteps:\n  - " + c.step + "\n"
		err := schemaAccepts(t, sch, src)
		if err == nil {
			t.Errorf("%q: the schema accepts it", c.step)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, c.want) || strings.Contains(msg, c.not) {
			t.Errorf("%q: the schema says\n%s\nwant it to name %q and not %q", c.step, msg, c.want, c.not)
		}
	}
}
