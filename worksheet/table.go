package worksheet

import (
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// cell is one box of a table row: its content as tokens, wrapped to the
// column's width, and how the box looks.
type cell struct {
	runs  []page.Run
	face  fonts.Face
	fill  page.Fill
	write bool // a box the student writes in
	align page.Align
	size  float64      // 0: the row's size
	field *field.Field // the box's field id, when the key fills it in
	fixed bool         // its lines stay where a given value sits (changeable)
}

// given, ask and label make the common cells: a printed value, a box to
// fill in (the key prints the answer), a header.
func given(s string) cell { return cell{runs: page.Words(s, page.Print), align: page.Center} }
func ask(b held) cell     { return cell{runs: b.runs, write: true, align: page.Center} }
func label(s string) cell {
	return cell{runs: page.Words(s, page.Print), fill: page.Header, align: page.Center}
}
func shaded() cell { return cell{fill: page.Shade} }
func boldLabel(s string) cell {
	return cell{runs: page.Words(s, page.Print), fill: page.Header, face: fonts.Bold, align: page.Center}
}
func leftLabel(s string) cell {
	return cell{runs: page.Words(s, page.Print), fill: page.Header, align: page.Left}
}
func (c cell) left() cell            { c.align = page.Left; return c }
func (c cell) sized(pt float64) cell { c.size = pt; return c }

// changeable is c as a box whose value may change in the run: it has its
// field id whatever the key writes in it (a spare box too, or one whose
// given value stays), and its lines sit left, from the box's first line,
// so that a given value is drawn alike in every such box and tells
// nothing of what the key adds to it.
func (c cell) changeable(f *field.Field) cell {
	c.field, c.fixed, c.align = f, true, page.Left
	return c
}

// tableRow is a row of cells at x with the given column widths; it is as
// tall as its fullest cell, and never less than minH.
func (l *layout) tableRow(x float64, widths []float64, cells []cell, size, minH float64) page.Row {
	lines := make([][]page.Line, len(cells))
	h := minH
	writes := false
	for i, c := range cells {
		writes = writes || c.write
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
	return page.Row{H: h, Writes: writes, Draw: func(p *page.Page, y float64) {
		cx := x
		for i, c := range cells {
			r := page.Rect{X: cx, Y: y, W: widths[i], H: h}
			p.AddBox(page.Box{R: r, Stroke: page.Thin, Fill: c.fill, Write: c.write})
			if c.field != nil && c.fixed {
				l.fixedFieldText(p, r, c.field, lines[i], c.face, sz(c))
			} else if c.field != nil {
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

// plain is one run of print as a line.
func plain(s string) page.Line { return page.Line{{S: s}} }

// inked is s as a line of the given ink.
func inked(s string, ink page.Ink) page.Line { return page.Line{{S: s, Ink: ink}} }
