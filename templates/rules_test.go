package templates

import (
	"strings"
	"testing"
)

// A translated reason may use only the values its sentence has, and name
// only sentences and rules that exist; each mistake names its line.
func TestTemplateRejectsUnknownRulesAndReasons(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"kind: trace\nrules:\n  comit: x\n", "deutsch.yaml:3:3: rules: there is no rule `comit` (did you mean `commit`?)"},
		{"kind: trace\nreasons:\n  grant: \"{server} {voter}\"\n", "deutsch.yaml:3:10: reasons.grant has {voter}, which that sentence does not have"},
		{"kind: trace\nreasons:\n  grnat: x\n", "deutsch.yaml:3:3: reasons: there is no sentence `grnat` (did you mean `grant`?)"},
		{"kind: trace\nrules:\n  commit: \"\"\n", "rules.commit must not be empty"},
	} {
		_, err := Parse("deutsch.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.yaml, err, c.want)
		}
	}
}
