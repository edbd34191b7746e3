package worksheet

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
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
		for _, kind := range []string{"roleplay", "trace"} {
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
	ex, err := exercises.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
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
