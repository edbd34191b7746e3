package worksheet

import (
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// howToFill is the "How to fill in" box for a student page: the
// template's paragraphs on the notation (entries as term:value, the role
// letters, the answers of a response grid, "–" for none and that a blank
// counts as "–"), small, framed, kept together. The sheets place it where
// students write. first are paragraphs that go before the template's (a
// sheet's own: the trace's rows ask for changes or for full rows).
func (l *layout) howToFill(first ...string) []page.Row {
	paragraphs := append(append([]string(nil), first...), l.tpl.Text.HowToFill...)
	paragraphs = append(paragraphs, l.beyondHowToFill()...)
	if len(paragraphs) == 0 {
		return nil
	}
	size, inset := l.st.small, 1.5
	x, w := l.Body.X+inset, l.Body.W-2*inset
	var lines [][]page.Line
	h := inset
	title := l.wrapIn(page.Words(l.lbl.HowToFill, page.Print), fonts.Bold, size, w)
	h += l.textH(len(title), size)
	for _, p := range paragraphs {
		ls := l.wrapIn(page.Words(l.instruction(p), page.Print), fonts.Regular, size, w)
		lines = append(lines, ls)
		h += float64(len(ls)) * lh(size)
	}
	h += inset
	return []page.Row{{H: h + l.st.gap, Draw: func(p *page.Page, y float64) {
		p.AddBox(page.Box{R: page.Rect{X: l.Body.X, Y: y, W: l.Body.W, H: h}, Stroke: page.Thin})
		cy := y + inset/2
		th := l.textH(len(title), size)
		l.text(p, page.Rect{X: x, Y: cy, W: w, H: th}, title, fonts.Bold, size, page.Left, false)
		cy += th
		for _, ls := range lines {
			ph := float64(len(ls)) * lh(size)
			p.AddText(page.Text{R: page.Rect{X: x, Y: cy, W: w, H: ph}, Lines: ls, Face: fonts.Regular, Size: size, LineH: lh(size), PadX: l.st.pad})
			cy += ph
		}
	}}}
}
