package worksheet

import (
	"reflect"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// largestFitting finds the last n that fits for every threshold and
// every guess, and in two tries when the guess is right.
func TestLargestFitting(t *testing.T) {
	for lo := 0; lo < 3; lo++ {
		for hi := lo; hi < lo+45; hi++ {
			for last := lo; last <= hi; last++ {
				for guess := lo - 2; guess <= hi+2; guess++ {
					tries := 0
					got := largestFitting(lo, hi, guess, func(n int) bool {
						if n < lo || n > hi {
							t.Fatalf("[%d, %d] guess %d: tried %d", lo, hi, guess, n)
						}
						tries++
						return n <= last
					})
					if got != last {
						t.Fatalf("[%d, %d], fits up to %d, guess %d: got %d", lo, hi, last, guess, got)
					}
					if guess == last && last > lo && tries > 2 {
						t.Errorf("[%d, %d], fits up to %d, guessed right: %d tries", lo, hi, last, tries)
					}
				}
			}
		}
	}
}

// The scratch sheets the State sheets' searches lay out are measured, not
// drawn (Flow.Measure): for every built-in, in both templates and in a
// student's part, every answer of sheetRoom and the sheets that come out
// must be the same as when the scratch sheets are drawn and their write-in
// rows counted from the boxes.
func TestScratchSheetsMeasureAsDrawn(t *testing.T) {
	paper, _ := page.ParsePaper("a4")
	asked := 0
	for _, name := range exercises.Names() {
		for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
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
			opts := []Options{{Template: tpl, Paper: paper}}
			if kind == templates.KindRoleplay {
				opts = append(opts, Options{Template: tpl, Paper: paper, Part: &Part{Sections: []string{"cover", "state"}, Server: tr.Servers[len(tr.Servers)-1]}})
			}
			for _, opt := range opts {
				measured, drawn := &Rooms{}, &Rooms{}
				measuredAsked, drawnAsked := map[roomKey]room{}, map[roomKey]room{}
				opt.Rooms, opt.asked = measured, measuredAsked
				mdoc, err := Layout(ex, tr, opt)
				if err != nil {
					t.Fatal(err)
				}
				opt.Rooms, opt.asked, opt.drawScratch = drawn, drawnAsked, true
				ddoc, err := Layout(ex, tr, opt)
				if err != nil {
					t.Fatal(err)
				}
				if diff := firstDocDiff(mdoc, ddoc); diff != "" {
					t.Errorf("%s/%s part %v: the sheets differ: %s", name, kind, opt.Part, diff)
				}
				if *measured != *drawn || !reflect.DeepEqual(measuredAsked, drawnAsked) {
					t.Errorf("%s/%s part %v: measured scratch sheets answered\n%+v %v\nnot as drawn ones\n%+v %v", name, kind, opt.Part, *measured, measuredAsked, *drawn, drawnAsked)
				}
				asked += len(measuredAsked)
			}
		}
	}
	t.Logf("%d answers compared", asked)
	if asked < 100 {
		t.Errorf("only %d answers of sheetRoom compared", asked)
	}
}
