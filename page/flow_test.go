package page

import "testing"

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
