package worksheet

import (
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// termBand is one band of the Terms grid across the page: the terms of
// its columns and their widths.
type termBand struct {
	terms  []int
	widths []float64
}

// termBands lays the terms first … last out in bands beside the label
// column: each column base wide, or as wide as need says its term's role
// stories want; the last band is filled with spare columns, and every
// band is stretched to the page's width.
func (l *layout) termBands(labelW, base float64, need map[int]float64, first, last int) []termBand {
	avail := l.Body.W - labelW
	width := func(t int) float64 { return max(base, need[t]) }
	var bands []termBand
	for t := first; t <= last; {
		var b termBand
		sum := 0.0
		for len(b.terms) == 0 || sum+width(t) <= avail+page.Eps {
			b.terms = append(b.terms, t)
			b.widths = append(b.widths, width(t))
			sum += width(t)
			t++
		}
		for i := range b.widths {
			b.widths[i] *= avail / sum
		}
		bands = append(bands, b)
	}
	return bands
}

// roleColumnW is the width a Terms grid column wants for a role story:
// the story at the body size, up to comfortableRoleColW; a longer story
// gets as much more as it needs at the smallest size, up to maxRoleColW.
func (l *layout) roleColumnW(runs []page.Run, base float64) float64 {
	line := page.Line{}
	for _, w := range page.GluedWords(runs) {
		line = append(line, w...)
	}
	pad := 2*l.st.pad + 0.4
	atBody := page.LineWidth(l.m, line, fonts.Regular, l.st.body) + pad
	atSmallest := page.LineWidth(l.m, line, fonts.Regular, minRolePt) + pad
	return min(atBody, max(base, comfortableRoleColW, atSmallest), maxRoleColW)
}

const (
	comfortableRoleColW = 12.0 // a column grows this far for a story at the body size
	maxRoleColW         = 18.0 // and this far at the smallest size
)
