package exercise

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
)

// FuzzLoad feeds arbitrary bytes to the loader, and runs whatever loads.
// It must never panic, and every failure must be Diagnostics that name
// the file and a line inside it.
func FuzzLoad(f *testing.F) {
	builtins, _ := filepath.Glob("../exercises/*.yaml")
	for _, p := range builtins {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, c := range Catalogue {
		if len(c.src) < 4000 {
			f.Add([]byte(c.src))
		}
	}
	for _, src := range everyForm {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ex, err := Load("fuzz.yaml", "fuzz", src)
		if err == nil {
			_, err = Run(ex)
		}
		if err == nil {
			return
		}
		var ds diag.Diagnostics
		if !errors.As(err, &ds) || len(ds) == 0 {
			t.Fatalf("error is not Diagnostics: %v", err)
		}
		lines := yamlLines(src)
		for _, d := range ds {
			if d.File != "fuzz.yaml" || d.Line < 0 || d.Line > lines || d.Msg == "" {
				t.Fatalf("bad diagnostic %+v for a %d-line file", d, lines)
			}
			if brokeSafety(d) {
				t.Fatalf("safety broken: %v", d)
			}
		}
	})
}

// brokeSafety reports a run that broke a safety property at a step: a
// bug in the engine (an initial state that breaks one is the exercise's
// mistake).
func brokeSafety(err error) bool {
	var se *engine.ScriptError
	var inv *engine.InvariantError
	return errors.As(err, &se) && se.Step > 0 && errors.As(se, &inv)
}

// yamlLines counts lines as YAML does: \r\n, \r, \n, NEL, LS and PS each
// end one.
func yamlLines(src []byte) int {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}
