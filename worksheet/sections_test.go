package worksheet

import (
	"errors"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// The sections after the cover are laid out at once, each in a flow of its
// own (sections.go): every built-in, in both templates, whole and as a
// student's part, comes out as when they are laid out one after the other;
// and pages too small for a part say where, counted in the whole document.
func TestSectionsAtOnceAsInTurn(t *testing.T) {
	forEveryLayout(t, false, func(t *testing.T, ex *exercise.Exercise, tr *engine.Trace, opt Options) {
		atOnce, err := Layout(ex, tr, opt)
		if err != nil {
			t.Fatal(err)
		}
		opt.inTurn = true
		inTurn, err := Layout(ex, tr, opt)
		if err != nil {
			t.Fatal(err)
		}
		if diff := firstDocDiff(atOnce, inTurn); diff != "" {
			t.Errorf("part %v: laid out at once, the sheets differ from those laid out in turn: %s", opt.Part, diff)
		}
	})
}

func TestSectionsAtOnceCountPagesTooSmallInTheWholeDocument(t *testing.T) {
	paper, _ := page.ParsePaper("a4")
	ex, err := exercises.Load("partition")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := templates.Builtin(templates.KindRoleplay)
	if err != nil {
		t.Fatal(err)
	}
	tpl := *builtin
	tpl.Sizes.MarginMM = 100 // a page's body a few centimetres high
	var got [2]string
	for i, inTurn := range []bool{false, true} {
		_, err := Layout(ex, tr, Options{Template: &tpl, Paper: paper, inTurn: inTurn})
		var small *TooSmallError
		if !errors.As(err, &small) {
			t.Fatalf("in turn %v: %v, want the pages too small", inTurn, err)
		}
		got[i] = strings.Join(small.Parts, "\n")
	}
	if got[0] != got[1] {
		t.Errorf("pages too small, laid out at once:\n%s\nin turn:\n%s", got[0], got[1])
	}
	if !strings.Contains(got[0], "(slips)") {
		t.Errorf("no part of the slips too tall, so the test says little:\n%s", got[0])
	}
}
