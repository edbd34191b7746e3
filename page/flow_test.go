package page

import (
	"fmt"
	"testing"
)

// A gap at the end of a block that does not fit on the page fills it; it
// never starts a page of its own (which would be empty).
func TestTrailingGapStartsNoPage(t *testing.T) {
	f := &Flow{Doc: &Document{}, Body: Rect{X: 0, Y: 0, W: 100, H: 50}}
	f.StartPage("x")
	box := Row{H: 48, Draw: func(p *Page, y float64) { p.AddBox(Box{R: Rect{0, y, 10, 48}}) }}
	f.Place(Block{Rows: []Row{box, Gap(5)}})
	if len(f.Doc.Pages) != 1 {
		t.Fatalf("%d pages, want 1", len(f.Doc.Pages))
	}
	f.Place(Block{Rows: []Row{{H: 10, Draw: func(*Page, float64) {}}}})
	if len(f.Doc.Pages) != 2 || f.Y != 10 {
		t.Errorf("the next block: %d pages, y %.0f; want it at the top of page 2", len(f.Doc.Pages), f.Y)
	}
}

// A flow that measures places rows where a drawing flow draws them,
// pages, repeated headers and all, draws nothing, and keeps where the
// rows with boxes to write in went.
func TestMeasuringPlacesAsDrawing(t *testing.T) {
	lay := func(measure bool) (*Flow, []RowAt) {
		f := &Flow{Doc: &Document{}, Body: Rect{X: 0, Y: 0, W: 100, H: 50}, Measure: measure}
		var drawn []RowAt
		row := func(h float64, writes bool) Row {
			return Row{H: h, Writes: writes, Draw: func(p *Page, y float64) {
				if measure {
					t.Fatal("a measuring flow drew a row")
				}
				p.AddBox(Box{R: Rect{0, y, 10, h}, Write: writes})
				if writes {
					drawn = append(drawn, RowAt{Y: y, H: h})
				}
			}}
		}
		f.StartPage("x")
		f.Place(Block{Rows: []Row{row(20, false), row(15, true), row(20, true)},
			Repeat: func() []Row { return []Row{row(4, false)} }})
		f.Place(Block{Rows: []Row{row(30, true)}, Keep: true})
		f.Put(row(5, true), f.Y)
		return f, drawn
	}
	m, _ := lay(true)
	d, drawn := lay(false)
	if len(m.Doc.Pages) != len(d.Doc.Pages) || m.Y != d.Y || len(d.Doc.Pages) != 3 {
		t.Fatalf("measured: %d pages, y %.0f; drawn: %d pages, y %.0f (want 3 pages)", len(m.Doc.Pages), m.Y, len(d.Doc.Pages), d.Y)
	}
	for _, p := range m.Doc.Pages {
		if len(p.Boxes)+len(p.Texts) > 0 {
			t.Errorf("a measured page holds %d boxes and %d texts", len(p.Boxes), len(p.Texts))
		}
	}
	if fmt.Sprint(m.WriteRows) != fmt.Sprint(drawn) || len(drawn) != 4 {
		t.Errorf("rows to write in: measured %v, drawn %v", m.WriteRows, drawn)
	}
}
