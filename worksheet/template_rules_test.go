package worksheet

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercises"
)

// A template may rename the rules and write the reasons in its own
// language: the key's Why? boxes and every field's rule follow it.
func TestTemplateTranslatesRulesAndReasons(t *testing.T) {
	tpl, err := ParseTemplate("deutsch.yaml", []byte(`kind: trace
rules:
  grant-vote: "Stimme für einen aktuellen Kandidaten"
reasons:
  grant: "{server} gibt {candidate} seine Stimme für Term {term} (§5.2)"
  timeout: "{server} läuft ab und kandidiert in Term {term}"
reason_words: {candidate: Kandidat}
`))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := exercises.Load("election")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := engine.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Layout(ex, tr, Options{Template: tpl, Paper: Papers()[0]})
	if err != nil {
		t.Fatal(err)
	}
	var keyText strings.Builder
	for _, p := range doc.Pages {
		for _, tx := range p.Texts {
			for _, ln := range tx.Lines {
				for _, r := range ln {
					keyText.WriteString(r.S)
				}
				keyText.WriteString(" ")
			}
		}
	}
	if !strings.Contains(keyText.String(), "S2 gibt S1 seine Stimme") {
		t.Errorf("the key does not print the translated reason")
	}
	renamed := 0
	for _, f := range doc.Fields() {
		if f.Rule.ID == engine.RuleGrantVote {
			renamed++
			if f.Rule.Name != "Stimme für einen aktuellen Kandidaten" {
				t.Errorf("%s: rule %q, want the template's name", f.ID, f.Rule.Name)
			}
		}
	}
	if renamed == 0 {
		t.Error("no field's rule is the granted vote; the test shows nothing")
	}
}

// A translated reason may use only the values its sentence has, and name
// only sentences and rules that exist; each mistake names its line.
func TestTemplateRejectsUnknownRulesAndReasons(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"kind: trace\nrules:\n  comit: x\n", "deutsch.yaml:3:3: rules: there is no rule `comit` (did you mean `commit`?)"},
		{"kind: trace\nreasons:\n  grant: \"{server} {voter}\"\n", "deutsch.yaml:3:10: reasons.grant has {voter}, which that sentence does not have"},
		{"kind: trace\nreasons:\n  grnat: x\n", "deutsch.yaml:3:3: reasons: there is no sentence `grnat` (did you mean `grant`?)"},
		{"kind: trace\nrules:\n  commit: \"\"\n", "rules.commit must not be empty"},
	} {
		_, err := ParseTemplate("deutsch.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.yaml, err, c.want)
		}
	}
}
