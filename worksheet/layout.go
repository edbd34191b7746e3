package worksheet

import (
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// layout builds a Document: the pages of one exercise in one template. It
// holds the flow (the page being filled and how far down) and what every
// part needs: the trace, the labels, the measurer and the value book.
type layout struct {
	page.Flow
	ex     *exercise.Exercise
	tr     *engine.Trace
	tpl    *templates.Template
	lbl    *templates.Labels
	m      *fonts.Measurer
	values *valueBook
	st     style
	ranges pageRanges // pages of each section, from the previous pass: read only in instruction, which notes the read (range_reads.go)
	shared *passShared
	rules  ruleBook
	stamp  Stamp
	part   *Part
	has    features    // what the run shows beyond Figure 2
	howTo  *howToMemo  // this pass's "How to fill in" boxes
	reads  *rangeReads // whether this pass's texts read ranges
	// inCover: the cover is being laid out (its reads of ranges are the
	// cover's; range_reads.go)
	inCover bool
}

// passShared is what the layout passes of one build work out once.
type passShared struct {
	sheetCell   float64    // height of the Raft State sheets' write-in rows; 0 until known
	coverStyle  coverStyle // how the cover sets its steps; chosen in the first pass
	debriefRoom float64    // how much taller the debrief's Why? boxes are; -1 until chosen
	logRows     int        // rows of their Raft Log, spare ones to fill the page
	leaderLines int        // lines of the leader's boxes
	whyH        float64    // height of the trace's Why? boxes; 0 until known
	changes     *traceChanges
	exam        *exam.Exam // the exam template's questions and answers, worked out once
	// canonWords are CanonWords by kind, for the template's labels.
	canonWords  map[field.Kind]map[string]string
	mu          sync.Mutex         // canonWords, changes, whyH, logLines: the sheets' scratch layouts, and sections, are laid out at once
	helperM     *fonts.Measurer    // the measurer of sheetRoom's second goroutine
	rooms       map[roomKey]room   // sheetRoom's answers in the search for the sheets' rows
	logLines    map[[4]float64]int // logLines by the Raft Log's column widths
	drawScratch bool               // Options.drawScratch
	inTurn      bool               // Options.inTurn
}

// forgetSheetFit drops how the Raft State sheets were fitted to their
// pages (their write-in rows, Raft Log rows and leader's lines), so that
// the next pass fits them again.
func (s *passShared) forgetSheetFit() {
	s.sheetCell, s.logRows, s.leaderLines, s.rooms = 0, 0, 0, nil
}

// helperMeasurer is a measurer for sheetRoom's second goroutine, made
// once per build (a measurer is not safe to share); nil if it cannot be
// made (it reads the fonts the first one read), and then there is none.
func (s *passShared) helperMeasurer() *fonts.Measurer {
	if s.helperM == nil {
		s.helperM, _ = fonts.BorrowMeasurer() // Layout returns it
	}
	return s.helperM
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

// fill replaces {name} placeholders in a label, in one pass from left to
// right (a value is never read for placeholders): what a strings.Replacer
// of the pairs does, without building one per label (a class set fills
// labels hundreds of thousands of times).
func fill(s string, pairs ...string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			break
		}
		b.WriteString(s[:open])
		s = s[open:]
		value, n, ok := placeholder(s, pairs)
		if !ok {
			b.WriteByte('{')
			s = s[1:]
			continue
		}
		b.WriteString(value)
		s = s[n:]
	}
	b.WriteString(s)
	return b.String()
}

// placeholder reads the {name} that s starts with: its value among the
// pairs, and its length.
func placeholder(s string, pairs []string) (string, int, bool) {
	end := strings.IndexByte(s, '}')
	if end < 0 {
		return "", 0, false
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if s[1:end] == pairs[i] {
			return pairs[i+1], end + 1, true
		}
	}
	return "", 0, false
}

// text adds a text of wrapped lines to p in r.
func (l *layout) text(p *page.Page, r page.Rect, lines []page.Line, face fonts.Face, size float64, align page.Align, middle bool) {
	p.AddText(page.Text{R: r, Lines: lines, Face: face, Size: size, LineH: lh(size), Align: align, Middle: middle,
		PadX: l.st.pad, PadY: l.st.padY})
}

// wrapIn wraps tokens for a box of width w.
func (l *layout) wrapIn(tokens []page.Run, face fonts.Face, size, w float64) []page.Line {
	return page.Wrap(l.m, tokens, face, size, w-2*l.st.pad)
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
func (l *layout) paragraph(tokens []page.Run, face fonts.Face, size float64, x, w float64) []page.Row {
	lines := l.wrapIn(tokens, face, size, w)
	rows := make([]page.Row, len(lines))
	for i, ln := range lines {
		ln := ln
		rows[i] = page.Row{H: lh(size), Draw: func(p *page.Page, y float64) {
			p.AddText(page.Text{R: page.Rect{X: x, Y: y, W: w, H: lh(size)}, Lines: []page.Line{ln}, Face: face, Size: size, LineH: lh(size), PadX: l.st.pad})
		}}
	}
	return rows
}

// heading is a section heading: rows that stay with what follows.
func (l *layout) heading(s string, size float64) []page.Row {
	lines := l.wrapIn(page.Words(s, page.Print), fonts.Bold, size, l.Body.W)
	rows := make([]page.Row, len(lines))
	for i, ln := range lines {
		ln := ln
		h := lh(size) + 2*l.st.padY
		rows[i] = page.Row{H: h, KeepNext: true, Draw: func(p *page.Page, y float64) {
			l.text(p, page.Rect{X: l.Body.X, Y: y, W: l.Body.W, H: h}, []page.Line{ln}, fonts.Bold, size, page.Left, false)
		}}
	}
	rows[len(rows)-1].H += 1
	return rows
}
