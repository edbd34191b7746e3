package worksheet

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/templates"
)

// layout builds a Document: the pages of one exercise in one template. It
// holds the flow (the page being filled and how far down) and what every
// part needs: the trace, the labels, the measurer and the value book.
type layout struct {
	ex     *exercise.Exercise
	tr     *engine.Trace
	tpl    *templates.Template
	lbl    *templates.Labels
	m      *fonts.Measurer
	values *valueBook
	st     style
	doc    *Document
	body   Rect // the area between header and footer

	page    *Page
	section string
	y       float64
	ranges  pageRanges // pages of each section, from the previous pass

	tooTall []string // rows taller than a page: the template's sizes leave too little room
	shared  *passShared
	rules   ruleBook
	stamp   Stamp
}

// passShared is what the layout passes of one build work out once.
type passShared struct {
	sheetCell float64 // height of the Raft State sheets' write-in rows; 0 until known
	changes   *traceChanges
	// canonWords are CanonWords by kind, for the template's labels.
	canonWords map[field.Kind]map[string]string
}

// style is the template's sizes in the units the layout uses.
type style struct {
	cell                           float64 // height of a write-in box, mm
	body, small, heading, title    float64 // font sizes, pt
	id                             float64 // font size of field ids, pt
	pad, padY, gap, headerH, footH float64
}

func newStyle(s templates.Sizes) style {
	return style{cell: s.CellMM, body: s.BodyPt, small: s.SmallPt, heading: s.HeadingPt, title: s.TitlePt, id: s.IDPt,
		pad: 1.2, padY: 0.6, gap: 3, headerH: 13, footH: max(7, lh(s.SmallPt)+2.2)}
}

// lh is the line height of a font size.
func lh(pt float64) float64 { return pt * fonts.MMPerPt * 1.25 }

// textH is the height of n lines of size pt with their padding.
func (l *layout) textH(n int, pt float64) float64 { return float64(n)*lh(pt) + 2*l.st.padY }

// row is a horizontal strip of a page: its height and how to draw it at y.
// keepNext keeps it on the page of the row after it (a heading, say).
type row struct {
	h        float64
	draw     func(p *Page, y float64)
	keepNext bool
}

// block is rows placed one under the other. Keep asks to start a new page
// rather than split it, when it fits on one; repeat gives the rows that
// head each page it continues on (a table's header, say).
type block struct {
	rows   []row
	keep   bool
	repeat func() []row
}

func (b block) height() float64 {
	h := 0.0
	for _, r := range b.rows {
		h += r.h
	}
	return h
}

// startPage begins a new page of the current section.
func (l *layout) startPage(section string) {
	server := ""
	if l.page != nil && l.page.Section == section {
		server = l.page.Server // a sheet that runs on
	}
	l.section = section
	l.page = &Page{Section: section, Server: server}
	l.doc.Pages = append(l.doc.Pages, l.page)
	l.y = l.body.Y
}

func (l *layout) room() float64 { return l.body.Bottom() - l.y }

// place puts a block on the pages, starting new ones as it needs.
func (l *layout) place(b block) {
	if b.keep && b.height() > l.room()+eps && b.height() <= l.body.H {
		l.startPage(l.section)
	}
	for i, r := range b.rows {
		need := r.h // with the rows it keeps with, a chain of them
		for j := i; b.rows[j].keepNext && j+1 < len(b.rows); j++ {
			need += b.rows[j+1].h
		}
		need = min(need, l.body.H)
		if need > l.room()+eps && l.y > l.body.Y+eps {
			l.startPage(l.section)
			if b.repeat != nil {
				for _, hr := range b.repeat() {
					hr.draw(l.page, l.y)
					l.y += hr.h
				}
			}
		}
		if r.h > l.body.H+eps {
			l.tooTall = append(l.tooTall, fmt.Sprintf("page %d (%s) needs a part %.0f mm tall, but a page has %.0f mm",
				len(l.doc.Pages), l.section, r.h, l.body.H))
		}
		r.draw(l.page, l.y)
		l.y += r.h
	}
}

// space leaves a gap, unless at the top of a page.
func (l *layout) space(h float64) {
	if l.y > l.body.Y+eps {
		l.y = min(l.y+h, l.body.Bottom())
	}
}

const eps = 1e-6

// fill replaces {name} placeholders in a label.
func fill(s string, pairs ...string) string {
	return strings.NewReplacer(withBraces(pairs)...).Replace(s)
}

func withBraces(pairs []string) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		if i%2 == 0 {
			p = "{" + p + "}"
		}
		out[i] = p
	}
	return out
}

// text adds a text of wrapped lines to p in r.
func (l *layout) text(p *Page, r Rect, lines []Line, face fonts.Face, size float64, align Align, middle bool) {
	p.text(Text{R: r, Lines: lines, Face: face, Size: size, LineH: lh(size), Align: align, Middle: middle,
		PadX: l.st.pad, PadY: l.st.padY})
}

// wrapIn wraps tokens for a box of width w.
func (l *layout) wrapIn(tokens []Run, face fonts.Face, size, w float64) []Line {
	return wrap(l.m, tokens, face, size, w-2*l.st.pad)
}

// fitWidth is the width a box needs for the widest of some one-line texts.
func (l *layout) fitWidth(face fonts.Face, size float64, texts ...string) float64 {
	w := 0.0
	for _, s := range texts {
		w = max(w, l.m.Width(face, size, s))
	}
	return w + 2*l.st.pad + 0.4
}

// paragraph is running text as rows of lines, each a row of its own so
// that it breaks across pages between lines.
func (l *layout) paragraph(tokens []Run, face fonts.Face, size float64, x, w float64) []row {
	lines := l.wrapIn(tokens, face, size, w)
	rows := make([]row, len(lines))
	for i, ln := range lines {
		ln := ln
		rows[i] = row{h: lh(size), draw: func(p *Page, y float64) {
			p.text(Text{R: Rect{x, y, w, lh(size)}, Lines: []Line{ln}, Face: face, Size: size, LineH: lh(size), PadX: l.st.pad})
		}}
	}
	return rows
}

// heading is a section heading: rows that stay with what follows.
func (l *layout) heading(s string, size float64) []row {
	lines := l.wrapIn(words(s, Print), fonts.Bold, size, l.body.W)
	rows := make([]row, len(lines))
	for i, ln := range lines {
		ln := ln
		h := lh(size) + 2*l.st.padY
		rows[i] = row{h: h, keepNext: true, draw: func(p *Page, y float64) {
			l.text(p, Rect{l.body.X, y, l.body.W, h}, []Line{ln}, fonts.Bold, size, Left, false)
		}}
	}
	rows[len(rows)-1].h += 1
	return rows
}

// gapRow is empty space; it stays with what follows it.
func gapRow(h float64) row { return row{h: h, keepNext: true, draw: func(*Page, float64) {}} }
