package worksheet

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// FuzzBuild loads arbitrary bytes as an exercise, runs it, and lays out and
// renders its worksheet and key with one of the templates. Whatever loads must
// build or fail with a clear error; nothing may panic.
func FuzzBuild(f *testing.F) {
	files, _ := filepath.Glob("../exercises/*.yaml")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, src := range []string{
		"title: t\nservers: 1\nsteps: [heal]\n",
		"title: \"ǅ ﬁ ꙮ ∀ →\"\nservers: [ab-c, d_e]\nsteps:\n  - client: {server: ab-c, value: \"\\u00a0x\\u200b\"}\n",
		"title: t\nservers: 9\nstate_machine: kv\ntiming:\nsteps:\n  - run: 2s\n  - client: {server: S1, value: \"k=" + strings.Repeat("v", 150) + "\"}\n",
	} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ex, err := exercise.Load("fuzz.yaml", "fuzz", src)
		if err != nil {
			return // FuzzLoad checks load errors
		}
		tr, err := exercise.Run(ex)
		if err != nil {
			return
		}
		// One template per input, chosen by the input, halves the cost of an
		// execution; the fuzzer still explores both.
		for _, template := range []string{[]string{"roleplay", "trace"}[len(src)%2]} {
			tpl, err := templates.Builtin(template)
			if err != nil {
				t.Fatal(err)
			}
			paper, _ := page.ParsePaper("a4")
			_, _, err = draw(ex, tr, Options{Template: tpl, Paper: paper})
			if err == nil || glyphless(err) {
				continue // only a character the fonts lack may stop a valid run
			}
			t.Fatalf("%s: a valid run does not build: %v", template, err)
		}
	})
}

// glyphless reports the one refusal a valid exercise may meet: a character
// the Go fonts have no glyph for.
func glyphless(err error) bool {
	var ds diag.Diagnostics
	return errors.Is(err, ErrUnprintable) && errors.As(err, &ds) && ds[0].File == "fuzz.yaml"
}
