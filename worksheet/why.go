package worksheet

import "github.com/raftsheet/raftsheet/fonts"

// whyLines is how many lines of reasons one Why? box holds at most; more
// go on in a further box, so a box never outgrows a page.
const whyLines = 14

// whyBox is the Why? box: on the worksheet a labelled box to write the
// rules in, on the key the reasons the engine gave, one per line. Its
// height comes from the key's reasons, so both show the same box.
func (l *layout) whyBox(reasons []string, x, w float64) []row {
	size := l.st.small
	var tokens []Run
	for i, r := range reasons {
		if i > 0 {
			tokens = append(tokens, Run{})
		}
		tokens = append(tokens, words(r, Answer)...)
	}
	indent := l.fitWidth(fonts.Regular, size, l.lbl.Why) // room for the label
	lines := l.wrapIn(tokens, fonts.Italic, size, w-indent)
	var rows []row
	for start := 0; start < len(lines) || start == 0; start += whyLines {
		chunk := lines[start:min(len(lines), start+whyLines)]
		first := start == 0
		h := max(l.st.cell*1.5, l.textH(len(chunk), size)+1, l.textH(1, size))
		rows = append(rows, row{h: h, draw: func(p *Page, y float64) {
			r := Rect{x, y, w, h}
			p.box(Box{R: r, Stroke: Thin, Write: true, Free: true})
			if first {
				l.text(p, Rect{x, y, indent, l.textH(1, size)}, []Line{inked(l.lbl.Why, WorksheetOnly)}, fonts.Regular, size, Left, false)
			}
			l.text(p, Rect{x + indent, y, w - indent, h}, chunk, fonts.Regular, size, Left, false)
		}})
		if len(lines) == 0 {
			break
		}
	}
	return rows
}
