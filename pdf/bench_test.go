package pdf

import (
	"testing"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// BenchmarkRenderFloor is what any gofpdf document costs, whatever it
// holds: a page of one line in the regular and the bold face, drawn as
// the worksheet (two fonts embedded) and as the key (three: the answer
// face too). Upstream gofpdf parsed each font anew for every document and
// marshalled its widths to JSON for its id (13 and 17 ms here); our copy
// parses each once per process (internal/gofpdf/PATCHES.md), and what is
// left is subsetting and compressing the fonts when the document is
// written: the floor under every PDF raftsheet writes.
func BenchmarkRenderFloor(b *testing.B) {
	p, _ := page.ParsePaper("a4")
	d := &page.Document{Title: "floor", Paper: p}
	pg := &page.Page{}
	pg.AddText(page.Text{R: page.Rect{X: 20, Y: 20, W: 120, H: 12}, Lines: []page.Line{{{S: "S1 term 2"}}}, Face: fonts.Regular, Size: 12, LineH: 6})
	pg.AddText(page.Text{R: page.Rect{X: 20, Y: 40, W: 120, H: 12}, Lines: []page.Line{{{S: "Raft State"}}}, Face: fonts.Bold, Size: 12, LineH: 6})
	d.Pages = append(d.Pages, pg)
	for _, c := range []struct {
		name string
		key  bool
	}{{"worksheet", false}, {"key", true}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Render(d, c.key); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
