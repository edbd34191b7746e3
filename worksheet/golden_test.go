package worksheet

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

var update = flag.Bool("update", false, "rewrite the golden key dumps in testdata/golden")

// TestGoldenKeys holds every graded field of every built-in × template —
// its id, the key's answer and the rule behind it — against a dump
// checked in under testdata/golden, so that a change in any key answer or
// any rule shows in review. Run with -update to accept a change.
func TestGoldenKeys(t *testing.T) {
	for _, name := range exercises.Names() {
		kinds := []string{"roleplay", "trace"}
		if strings.HasPrefix(name, "exam-") { // the built-in exams: their exam sheets too
			kinds = append(kinds, "exam")
		}
		for _, kind := range kinds {
			t.Run(name+"/"+kind, func(t *testing.T) {
				t.Parallel()
				got := goldenDump(t, name, kind)
				path := filepath.Join("testdata", "golden", name+"."+kind+".txt")
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -run TestGoldenKeys -update to write it)", err)
				}
				if got != string(want) {
					t.Errorf("the key of %s (%s) differs from %s:\n%s", name, kind, path, firstDiff(string(want), got))
				}
			})
		}
	}
}

// goldenDump is one line per field: id, kind, step, the key's answer (its
// values separated by " | "; "(spare)" for a box the key leaves empty) and
// the rule.
func goldenDump(t *testing.T, name, kind string) string {
	ex, tr := loadRun(t, name)
	tpl, err := templates.Builtin(kind)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Layout(ex, tr, Options{Template: tpl, Paper: page.Papers()[0]})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s, %s template: field\tkind\tstep\tanswer\trule\n", name, kind)
	for _, f := range doc.Fields() {
		ans := strings.Join(f.Answer, " | ")
		if f.Spare() {
			ans = "(spare)"
		}
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\t%s\n", f.ID, f.Kind, f.Step, ans, f.Rule)
	}
	return b.String()
}

// firstDiff shows the first lines where two dumps differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < max(len(w), len(g)) && len(out) < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			out = append(out, fmt.Sprintf("line %d\n  want %s\n  got  %s", i+1, wl, gl))
		}
	}
	return strings.Join(out, "\n")
}

// TestRulesComeFromStructuredReasons builds every built-in × template
// again with the words of every reason replaced: the rule of every graded
// field must stay the same, so no rule is ever read from a sentence.
func TestRulesComeFromStructuredReasons(t *testing.T) {
	for _, name := range exercises.Names() {
		for _, kind := range []string{"roleplay", "trace"} {
			t.Run(name+"/"+kind, func(t *testing.T) {
				t.Parallel()
				b := buildExercise(t, name, kind, "a4")
				blind := scrambleReasons(b.tr)
				doc, err := Layout(b.ex, blind, Options{Template: mustTemplate(t, kind), Paper: page.Papers()[0]})
				if err != nil {
					t.Fatal(err)
				}
				want, got := b.doc.Fields(), doc.Fields()
				if len(want) != len(got) {
					t.Fatalf("%d fields, then %d", len(want), len(got))
				}
				for i := range want {
					if want[i].ID != got[i].ID || want[i].Rule != got[i].Rule {
						t.Errorf("%s: rule %q became %s %q when the reasons' words changed", want[i].ID, want[i].Rule, got[i].ID, got[i].Rule)
					}
				}
			})
		}
	}
}

// scrambleReasons is a copy of tr whose reasons say nothing: every text
// and sentence is a placeholder; their data stay.
func scrambleReasons(tr *engine.Trace) *engine.Trace {
	cp := *tr
	cp.Steps = append([]engine.StepRecord(nil), tr.Steps...)
	for i := range cp.Steps {
		st := &cp.Steps[i]
		st.Reasons = make([]string, len(st.Reasons))
		st.Why = append([]engine.Reason(nil), st.Why...)
		for j := range st.Why {
			st.Reasons[j] = "lorem ipsum"
			st.Why[j].Text, st.Why[j].Sentence, st.Why[j].Args = "lorem ipsum", "", nil
		}
	}
	return &cp
}

func mustTemplate(t *testing.T, kind string) *templates.Template {
	tpl, err := templates.Builtin(kind)
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}
