package worksheet

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// A template may rename the rules and write the reasons in its own
// language: the key's Why? boxes and every field's rule follow it.
func TestTemplateTranslatesRulesAndReasons(t *testing.T) {
	tpl, err := templates.Parse("deutsch.yaml", []byte(`kind: trace
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
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Layout(ex, tr, Options{Template: tpl, Paper: page.Papers()[0]})
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
