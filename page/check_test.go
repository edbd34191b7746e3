package page

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/fonts"
)

// TestProblemsFindsWhatBreaksTheLayout makes sure the check that every
// build runs can fail: each broken promise is reported.
func TestProblemsFindsWhatBreaksTheLayout(t *testing.T) {
	m, err := fonts.NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	area := Rect{12, 12, 186, 273}
	lineH := 9 * fonts.MMPerPt * 1.25
	cases := []struct {
		name string
		page Page
		want string
	}{
		{"box off the page", Page{Boxes: []Box{{R: Rect{190, 20, 20, 10}, Stroke: Thin}}}, "outside the printable area"},
		{"box into the bottom margin", Page{Boxes: []Box{{R: Rect{20, 280, 20, 10}, Stroke: Thin}}}, "outside the printable area"},
		{"box too low to write in", Page{Boxes: []Box{{R: Rect{20, 20, 20, 5}, Write: true}}}, "only 5.0 mm high"},
		{"text too wide", Page{Texts: []Text{{R: Rect{20, 20, 10, 8}, Lines: []Line{Line{{S: "a value much too wide"}}}, Size: 9, LineH: lineH, PadX: 1}}}, "mm wide but the box"},
		{"too many lines", Page{Texts: []Text{{R: Rect{20, 20, 50, 5}, Lines: []Line{Line{{S: "one"}}, Line{{S: "two"}}}, Size: 9, LineH: lineH}}}, "2 lines"},
		{"an answer too wide", Page{Texts: []Text{{R: Rect{20, 20, 12, 8}, Lines: []Line{Line{{S: "MMMMMM", Ink: Answer}}}, Size: 9, LineH: lineH}}}, "mm wide but the box"},
		{"no glyph", Page{Texts: []Text{{R: Rect{20, 20, 50, 8}, Lines: []Line{Line{{S: "日本"}}}, Size: 9, LineH: lineH}}}, "no glyph"},
	}
	for _, c := range cases {
		doc := &Document{Area: area, Pages: []*Page{&c.page}}
		got := strings.Join(doc.Problems(m), "\n")
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: problems say %q, want %q", c.name, got, c.want)
		}
	}
	fine := &Document{Area: area, Pages: []*Page{{
		Boxes: []Box{{R: Rect{12, 12, 186, 6}, Write: true}},
		Texts: []Text{{R: Rect{12, 12, 60, 6}, Lines: []Line{Line{{S: "fits"}}, Line{{S: "fits too", Ink: Answer}}}, Size: 7, LineH: 2.5}},
	}}}
	if p := fine.Problems(m); len(p) > 0 {
		t.Errorf("a layout that fits has problems: %v", p)
	}
}
