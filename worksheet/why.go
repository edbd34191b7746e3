package worksheet

import (
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// whyLines is how many lines of reasons one Why? box holds at most; more
// go on in a further box, so a box never outgrows a page.
const whyLines = 14

// whyBox is the Why? box: on the worksheet a labelled box to write the
// rules in, on the key the reasons the engine gave, one per line. Its
// height comes from the key's reasons, so both show the same box.
func (l *layout) whyBox(reasons []string, x, w float64) []page.Row {
	size := l.st.small
	var tokens []page.Run
	for i, r := range reasons {
		if i > 0 {
			tokens = append(tokens, page.Run{})
		}
		tokens = append(tokens, page.Words(r, page.Answer)...)
	}
	indent := l.fitWidth(fonts.Regular, size, l.lbl.Why) // room for the label
	lines := l.wrapIn(tokens, fonts.Italic, size, w-indent)
	var rows []page.Row
	for start := 0; start < len(lines) || start == 0; start += whyLines {
		chunk := lines[start:min(len(lines), start+whyLines)]
		first := start == 0
		h := max(l.st.cell*1.5, l.textH(len(chunk), size)+1, l.textH(1, size))
		rows = append(rows, page.Row{H: h, Draw: func(p *page.Page, y float64) {
			r := page.Rect{X: x, Y: y, W: w, H: h}
			p.AddBox(page.Box{R: r, Stroke: page.Thin, Write: true, Free: true})
			if first {
				l.text(p, page.Rect{X: x, Y: y, W: indent, H: l.textH(1, size)}, []page.Line{inked(l.lbl.Why, page.WorksheetOnly)}, fonts.Regular, size, page.Left, false)
			}
			l.text(p, page.Rect{X: x + indent, Y: y, W: w - indent, H: h}, chunk, fonts.Regular, size, page.Left, false)
		}})
		if len(lines) == 0 {
			break
		}
	}
	return rows
}
