package worksheet

import (
	"errors"
	"testing"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// A text the fonts cannot print is a diagnostic at its place in the
// exercise, with ErrUnprintable as its cause.
func TestUnprintableTextIsADiagnostic(t *testing.T) {
	ex, err := exercise.Load("cjk.yaml", "cjk", []byte("title: 漢字\nservers: 3\nsteps:\n  - timeout: S1\n"))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := templates.Builtin(templates.KindTrace)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Layout(ex, tr, Options{Template: tpl, Paper: page.Papers()[0]})
	var ds diag.Diagnostics
	if !errors.Is(err, ErrUnprintable) || !errors.As(err, &ds) || ds[0].Line != 1 || ds[0].Col != 8 {
		t.Errorf("got %v, want cjk.yaml:1:8 with ErrUnprintable", err)
	}
}
