package worksheet

import (
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
)

// cell is one box of a table row: its content as tokens, wrapped to the
// column's width, and how the box looks.
type cell struct {
	runs  []Run
	face  fonts.Face
	fill  Fill
	write bool // a box the student writes in
	align Align
	size  float64      // 0: the row's size
	field *field.Field // the box's field id, when the key fills it in
}

// given, ask and label make the common cells: a printed value, a box to
// fill in (the key prints the answer), a header.
func given(s string) cell      { return cell{runs: words(s, Print), align: Center} }
func ask(runs []Run) cell      { return cell{runs: runs, write: true, align: Center} }
func label(s string) cell      { return cell{runs: words(s, Print), fill: Header, align: Center} }
func shaded() cell             { return cell{fill: Shade} }
func answerCell(s string) cell { return ask([]Run{{S: s, Ink: Answer}}) }
func boldLabel(s string) cell {
	return cell{runs: words(s, Print), fill: Header, face: fonts.Bold, align: Center}
}
func leftLabel(s string) cell        { return cell{runs: words(s, Print), fill: Header, align: Left} }
func (c cell) left() cell            { c.align = Left; return c }
func (c cell) sized(pt float64) cell { c.size = pt; return c }

// asking is c as a field: its id printed in its corner. Every box left
// blank on the worksheet gets one, spare boxes too, so that which boxes
// have ids gives nothing away; a box the worksheet fills in gets none.
func (c cell) asking(f *field.Field) cell {
	if f != nil && (len(c.runs) == 0 || hasAnswer(c.runs)) {
		c.field = f
	}
	return c
}

// tableRow is a row of cells at x with the given column widths; it is as
// tall as its fullest cell, and never less than minH.
func (l *layout) tableRow(x float64, widths []float64, cells []cell, size, minH float64) row {
	lines := make([][]Line, len(cells))
	h := minH
	for i, c := range cells {
		sz := size
		if c.size > 0 {
			sz = c.size
		}
		if len(c.runs) > 0 {
			lines[i] = l.wrapIn(c.runs, c.face, sz, widths[i])
			h = max(h, l.textH(len(lines[i]), sz))
		}
		if c.field != nil {
			h = max(h, l.fieldH(max(len(lines[i]), 1), sz))
		}
	}
	sz := func(c cell) float64 {
		if c.size > 0 {
			return c.size
		}
		return size
	}
	return row{h: h, draw: func(p *Page, y float64) {
		cx := x
		for i, c := range cells {
			r := Rect{cx, y, widths[i], h}
			p.box(Box{R: r, Stroke: Thin, Fill: c.fill, Write: c.write})
			if c.field != nil {
				l.fieldText(p, r, c.field, lines[i], c.face, sz(c), c.align)
			} else if lines[i] != nil {
				sz := size
				if c.size > 0 {
					sz = c.size
				}
				l.text(p, r, lines[i], c.face, sz, c.align, true)
			}
			cx += widths[i]
		}
	}}
}

// spread divides width among columns: fixed ones keep their width, the
// flexible ones (0) share the rest equally.
func spread(width float64, fixed ...float64) []float64 {
	out := append([]float64(nil), fixed...)
	used, flex := 0.0, 0
	for _, w := range fixed {
		if w == 0 {
			flex++
		}
		used += w
	}
	for i, w := range out {
		if w == 0 {
			out[i] = (width - used) / float64(flex)
		}
	}
	return out
}
