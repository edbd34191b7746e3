package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// traceBox is one box of a trace step at a fixed height: a field to fill
// in, or a given value (shaded), or a label. Nothing in it decides how
// tall it is: every box of a kind looks the same on the worksheet, and
// the key fits its answer into it.
type traceBox struct {
	w     float64
	label string       // the field id's last part, printed in the corner ("term")
	f     *field.Field // nil: nothing to write in
	runs  []page.Run   // what the box holds: answers, print, or key-only marks
	face  fonts.Face
	fill  page.Fill
	left  bool
	note  string // the key's alone, in the corner opposite the label: a message row's numbers
}

// minFitPt is the smallest size the key writes an answer at on one line
// to fit it into its box; minWrapPt the smallest on two, for the rare
// answer that is longer still (seven servers of eight letters).
const (
	minFitPt  = 5.0
	minWrapPt = 4.0
)

// traceRowH is the height of a line of trace boxes: room for one line of
// writing, under the id strip when ids are printed.
func (l *layout) traceRowH() float64 {
	if !l.tpl.FieldIDs {
		return max(6, l.textH(1, l.st.body))
	}
	return max(6, l.fieldH(1, l.st.body))
}

// labelStrip is the height of the strip atop a box that holds its id; 0
// when the template hides ids.
func (l *layout) labelStrip() float64 {
	if !l.tpl.FieldIDs {
		return 0
	}
	return l.idStrip()
}

// boxLine is a row of boxes side by side from x.
func (l *layout) boxLine(x, h float64, boxes []traceBox) page.Row {
	return page.Row{H: h, Draw: func(p *page.Page, y float64) {
		cx := x
		for _, b := range boxes {
			l.drawTraceBox(p, page.Rect{X: cx, Y: y, W: b.w, H: h}, b)
			cx += b.w
		}
	}}
}

// drawTraceBox draws b in r: its outline, its id's last part in the
// corner, and what it holds under the strip, at the body size or smaller
// until it fits. A box to write in is drawn the same whatever it holds.
func (l *layout) drawTraceBox(p *page.Page, r page.Rect, b traceBox) {
	p.AddBox(page.Box{R: r, Stroke: page.Thin, Fill: b.fill, Write: b.f != nil})
	strip := l.labelStrip()
	if b.f != nil {
		p.Fields = append(p.Fields, b.f)
	}
	if size, note := l.noteFit(b, r.W); b.note != "" && strip > 0 && note != "" {
		p.AddText(page.Text{R: page.Rect{X: r.X, Y: r.Y, W: r.W, H: strip}, Lines: []page.Line{inked(note, page.KeyOnly)},
			Face: fonts.Regular, Size: size, LineH: lh(size), Align: page.RightAlign, PadX: idPadX, PadY: idPadY})
	}
	runs := b.runs
	if b.f != nil {
		if strip > 0 && b.label != "" {
			p.AddText(page.Text{R: page.Rect{X: r.X, Y: r.Y, W: r.W, H: strip}, Lines: []page.Line{inked(b.label, page.Faint)},
				Face: fonts.Regular, Size: l.st.id, LineH: lh(l.st.id), PadX: idPadX, PadY: idPadY})
		}
	}
	if len(runs) == 0 {
		return
	}
	body := page.Rect{X: r.X, Y: r.Y + strip, W: r.W, H: r.H - strip}
	if b.fill == page.Header {
		body = r // a row's name, centred in it
	}
	size, lines := l.fitted(runs, b.face, l.st.body, body.W, body.H-2*fieldPadY)
	align := page.Center
	if b.left {
		align = page.Left
	}
	p.AddText(page.Text{R: body, Lines: lines, Face: b.face, Size: size, LineH: lh(size), Align: align, Middle: true,
		PadX: l.st.pad, PadY: fieldPadY})
}

// fitted lays runs into a box w wide with room h for lines: on one line
// at the largest size from maxPt down to minFitPt that takes it, else
// on several lines broken between words, else at minFitPt the lines
// that fit and "…".
func (l *layout) fitted(runs []page.Run, face fonts.Face, maxPt, w, h float64) (float64, []page.Line) {
	for size := maxPt; size >= minFitPt; size -= 0.25 {
		if lines := l.wrapIn(runs, face, size, w); len(lines) == 1 && lh(size) <= h+page.Tolerance {
			return size, lines
		}
	}
	for size := maxPt; size >= minWrapPt; size -= 0.25 {
		lines := l.wrapIn(runs, face, size, w)
		if float64(len(lines))*lh(size) <= h+page.Tolerance && l.wordsFit(runs, face, size, w) {
			return size, lines
		}
	}
	lines := l.wrapIn(runs, face, minFitPt, w)
	n := max(1, int((h+page.Tolerance)/lh(minFitPt)))
	if len(lines) > n {
		lines = lines[:n]
		last := lines[n-1]
		ink := page.Print // the "…" in the ink of what it cuts short
		for _, r := range last {
			if strings.TrimSpace(r.S) != "" {
				ink = r.Ink
			}
		}
		for len(last) > 0 && page.LineWidth(l.m, append(append(page.Line{}, last...), page.Run{S: "…", Ink: ink}), face, minFitPt) > w-2*l.st.pad {
			last = shorten(last)
		}
		lines[n-1] = append(append(page.Line{}, last...), page.Run{S: "…", Ink: ink})
	}
	return minFitPt, lines
}

// wordsFit reports whether every word of runs fits a line of width w,
// so that wrapping never breaks one.
func (l *layout) wordsFit(runs []page.Run, face fonts.Face, size, w float64) bool {
	for _, word := range page.GluedWords(runs) {
		if word != nil && page.LineWidth(l.m, word, face, size) > w-2*l.st.pad {
			return false
		}
	}
	return true
}

// noteFit is a box's note as it prints in its strip, right of its
// label: at the ids' size or smaller, down to minNotePt, and there cut
// short with "…" if need be (the key's message numbers: a help to find
// them in the teacher's notes, not an answer). The template's hidden ids
// hide the notes too.
func (l *layout) noteFit(b traceBox, w float64) (float64, string) {
	room := w - 2*idPadX - 1.5
	if b.label != "" {
		room -= l.m.Width(fonts.Regular, l.st.id, b.label)
	}
	for size := l.st.id; size >= minNotePt; size -= 0.25 {
		if l.m.Width(fonts.Regular, size, b.note) <= room {
			return size, b.note
		}
	}
	note := []rune(b.note)
	for len(note) > 0 && l.m.Width(fonts.Regular, minNotePt, string(note)+"…") > room {
		note = note[:len(note)-1]
	}
	if len(note) == 0 {
		return minNotePt, "" // no room beside the label at all
	}
	return minNotePt, string(note) + "…"
}

// minNotePt is the smallest a box's note prints.
const minNotePt = 3.5
