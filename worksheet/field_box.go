package worksheet

import (
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// A field's id is printed small in the top left corner of its box, in a
// strip of its own above the room to write in, so that it never runs into
// what the student writes or the key answers. A template may leave the
// ids out (field_ids: false): then there is no strip, and the boxes are
// that much lower.

const (
	idPadX     = 0.5 // room left of an id
	idPadY     = 0.1 // room above an id
	fieldPadY  = 0.2 // room above and below the answer under an id
	idMinSpace = 0.3 // slack a column keeps beside its widest id
)

// showIDs reports whether the sheets print field ids.
func (l *layout) showIDs() bool { return l.tpl.FieldIDs }

// writeCell is the height of a box to write in: the template's cell_mm,
// which counts the id's strip; less that strip when the ids are hidden,
// but never less than a box must be to write in.
func (l *layout) writeCell() float64 {
	if l.showIDs() {
		return l.st.cell
	}
	return max(minWriteCell, l.st.cell-lh(l.st.id)-2*idPadY)
}

// minWriteCell is the least height of a box to write in (page checks it).
const minWriteCell = 6.0

// idStrip is the height of the strip atop a box that holds its id.
func (l *layout) idStrip() float64 {
	if !l.showIDs() {
		return 0
	}
	return lh(l.st.id) + 2*idPadY
}

// fieldH is the height of a box with an id and n lines of size pt.
func (l *layout) fieldH(n int, pt float64) float64 {
	return l.idStrip() + float64(n)*lh(pt) + 2*fieldPadY
}

// idWidth is the width a box needs for the widest of some ids; none when
// the ids are not printed.
func (l *layout) idWidth(ids ...string) float64 {
	if !l.showIDs() {
		return 0
	}
	w := 0.0
	for _, id := range ids {
		w = max(w, l.m.Width(fonts.Regular, l.st.id, id))
	}
	return w + 2*idPadX + idMinSpace
}

// fieldText draws a field's id atop box r and its answer under it, and
// records the field on the page.
func (l *layout) fieldText(p *page.Page, r page.Rect, f *field.Field, lines []page.Line, face fonts.Face, size float64, align page.Align) {
	strip := l.fieldID(p, r, f)
	if len(lines) == 0 {
		return
	}
	p.AddText(page.Text{R: page.Rect{X: r.X, Y: r.Y + strip, W: r.W, H: r.H - strip}, Lines: lines, Face: face, Size: size, LineH: lh(size),
		Align: align, Middle: true, PadX: l.st.pad, PadY: fieldPadY})
}

// fixedFieldText is fieldText for a box whose given value must not move
// with the key's answer: the lines are left-aligned and placed from the
// first of the lines the box has room for, so that a value the worksheet
// prints sits in the same place in every box of its height, whatever the
// key writes after it.
func (l *layout) fixedFieldText(p *page.Page, r page.Rect, f *field.Field, lines []page.Line, face fonts.Face, size float64) {
	strip := l.fieldID(p, r, f)
	if len(lines) == 0 {
		return
	}
	room := r.H - strip
	fit := max(1, int((room-2*fieldPadY+page.Tolerance)/lh(size)))
	p.AddText(page.Text{R: page.Rect{X: r.X, Y: r.Y + strip, W: r.W, H: room}, Lines: lines, Face: face, Size: size, LineH: lh(size),
		Align: page.Left, PadX: l.st.pad, PadY: max(0, (room-float64(fit)*lh(size))/2)})
}

// fieldID prints f's id atop r, when the template shows ids, records the
// field on the page, and says how high the id's strip is.
func (l *layout) fieldID(p *page.Page, r page.Rect, f *field.Field) float64 {
	p.Fields = append(p.Fields, f)
	if !l.showIDs() {
		return 0
	}
	strip := l.idStrip()
	p.AddText(page.Text{R: page.Rect{X: r.X, Y: r.Y, W: r.W, H: strip}, Lines: []page.Line{inked(f.ID, page.Faint)}, Face: fonts.Regular,
		Size: l.st.id, LineH: lh(l.st.id), PadX: idPadX, PadY: idPadY})
	return strip
}
