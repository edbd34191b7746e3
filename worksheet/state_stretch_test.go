package worksheet

import (
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/fonts"
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
	var asked atomic.Int64
	forEveryLayout(t, false, func(t *testing.T, ex *exercise.Exercise, tr *engine.Trace, opt Options) {
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
			t.Errorf("part %v: the sheets differ: %s", opt.Part, diff)
		}
		if *measured != *drawn || !reflect.DeepEqual(measuredAsked, drawnAsked) {
			t.Errorf("part %v: measured scratch sheets answered\n%+v %v\nnot as drawn ones\n%+v %v", opt.Part, *measured, measuredAsked, *drawn, drawnAsked)
		}
		asked.Add(int64(len(measuredAsked)))
	})
	t.Logf("%d answers compared", asked.Load())
	if asked.Load() < 100 {
		t.Errorf("only %d answers of sheetRoom compared", asked.Load())
	}
}

// The cover's styles are tried on scratch pages that only measure: in
// every style, for every built-in with both templates and a student's
// pack, the cover takes as many pages, and fills its last as far, as when
// its scratch pages are drawn.
func TestCoverStylesMeasureAsDrawn(t *testing.T) {
	var tried atomic.Int64
	forEveryLayout(t, false, func(t *testing.T, ex *exercise.Exercise, tr *engine.Trace, opt Options) {
		if !opt.Part.has("cover") {
			return
		}
		m, err := fonts.BorrowMeasurer()
		if err != nil {
			t.Fatal(err)
		}
		defer fonts.ReturnMeasurer(m)
		fates, err := matchReplies(tr)
		if err != nil {
			t.Fatal(err)
		}
		shared := &passShared{debriefRoom: -1}
		p := layoutOnce(ex, tr, opt, m, fates, pageRanges{}, shared, nil)
		for _, cs := range coverStyles {
			shared.drawScratch = false
			pages, fill := p.l.tryCover(cs)
			shared.drawScratch = true
			drawnPages, drawnFill := p.l.tryCover(cs)
			if pages != drawnPages || fill != drawnFill {
				t.Errorf("part %v, style %+v: measured %d pages, the last %.4f full; drawn %d, %.4f", opt.Part, cs, pages, fill, drawnPages, drawnFill)
			}
			tried.Add(1)
		}
	})
	if tried.Load() < 100 {
		t.Errorf("only %d cover styles tried", tried.Load())
	}
}
