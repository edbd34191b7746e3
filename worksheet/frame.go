package worksheet

import (
	"strconv"

	"github.com/raftsheet/raftsheet/fonts"
)

// nameBoxW is the width of the Name box, where the key says ANSWER KEY.
const nameBoxW = 68

// frame adds to every page what every page carries: the exercise title,
// the Name box (ANSWER KEY on the key), and "page x of y".
func (l *layout) frame() {
	for i, p := range l.doc.Pages {
		l.header(p)
		l.footer(p, i+1, len(l.doc.Pages))
		for _, f := range p.Fields {
			f.Page = i + 1
		}
	}
}

func (l *layout) header(p *Page) {
	a := l.doc.Area
	boxH := 10.0
	name := Rect{a.Right() - nameBoxW, a.Y, nameBoxW, boxH}
	p.box(Box{R: name, Stroke: Thick, Write: true, Free: true})
	l.text(p, name, []Line{inked(l.lbl.Name, WorksheetOnly)}, fonts.Regular, l.st.small, Left, false)
	l.text(p, name, []Line{inked(l.lbl.AnswerKey, KeyOnly)}, fonts.Bold, 12, Center, true)
	if student := l.stamp.Name; student != "" {
		labelW := l.fitWidth(fonts.Regular, l.st.small, l.lbl.Name)
		r := Rect{name.X + labelW, name.Y, name.W - labelW, boxH}
		size, lines := l.studentName(student, r)
		l.text(p, r, lines, fonts.Regular, size, Left, true)
	}

	titleW := a.W - nameBoxW - 4
	if code := l.stamp.Code; code != "" {
		codeW := l.fitWidth(fonts.Bold, codeSize, code)
		l.text(p, Rect{a.Right() - nameBoxW - 2 - codeW, a.Y, codeW, boxH}, []Line{plain(code)}, fonts.Bold, codeSize, RightAlign, true)
		titleW -= codeW + 2
	}
	size, lines := l.runningHead(titleW, boxH)
	l.text(p, Rect{a.X, a.Y, titleW, boxH}, lines, fonts.Bold, size, Left, true)
	p.box(Box{R: Rect{a.X, a.Y + l.st.headerH - 1.5, a.W, 0}, Stroke: Thin})
}

// codeSize is the font size of the variant code in the running head.
const codeSize = 11.0

// studentName is a student's name for the Name box r: on one line, or
// two at a smaller size (a roster's names have 60 characters at most).
func (l *layout) studentName(s string, r Rect) (float64, []Line) {
	for _, size := range []float64{10, 9, 8, 7, 6} {
		lines := l.wrapIn(words(s, WorksheetOnly), fonts.Regular, size, r.W)
		if l.textH(len(lines), size) <= r.H+tolerance && len(lines) <= 2 {
			return size, lines
		}
	}
	return 6, l.wrapIn(words(s, WorksheetOnly), fonts.Regular, 6, r.W)[:2]
}

// runningHead is the exercise title for the top of every page: on one
// line, or two at a smaller size; a title longer still is shortened here
// with "…" (the cover prints it in full).
func (l *layout) runningHead(w, h float64) (float64, []Line) {
	tokens := words(l.tr.Title, Print)
	fits := func(size float64) int { return int((h - 2*l.st.padY + tolerance) / lh(size)) }
	for _, size := range []float64{10, 8} {
		if lines := l.wrapIn(tokens, fonts.Bold, size, w); len(lines) <= fits(size) {
			return size, lines
		}
	}
	size := 8.0
	lines := l.wrapIn(tokens, fonts.Bold, size, w)[:fits(size)]
	last := lines[len(lines)-1]
	for len(last) > 0 && lineWidth(l.m, append(append(Line{}, last...), Run{S: "…"}), fonts.Bold, size) > w-2*l.st.pad {
		last = shorten(last)
	}
	lines[len(lines)-1] = append(append(Line{}, last...), Run{S: "…"})
	return size, lines
}

// shorten drops the last character of a line.
func shorten(ln Line) Line {
	ln = append(Line{}, ln...)
	last := []rune(ln[len(ln)-1].S)
	if len(last) <= 1 {
		return ln[:len(ln)-1]
	}
	ln[len(ln)-1].S = string(last[:len(last)-1])
	return ln
}

func (l *layout) footer(p *Page, n, total int) {
	a := l.doc.Area
	r := Rect{a.X, a.Bottom() - l.st.footH + 1, a.W, l.st.footH - 1}
	p.box(Box{R: Rect{a.X, r.Y, a.W, 0}, Stroke: Thin})
	size := l.st.small
	pageText := fill(l.lbl.Page, "page", strconv.Itoa(n), "pages", strconv.Itoa(total))
	pw := l.fitWidth(fonts.Regular, size, pageText)
	l.text(p, Rect{r.Right() - pw, r.Y, pw, r.H}, []Line{plain(pageText)}, fonts.Regular, size, RightAlign, true)

	// Which PDF this is, after where it comes from: the exercise's name is
	// left out when it is too long to fit (the header has the title).
	whichW := l.fitWidth(fonts.Bold, size, l.lbl.Worksheet, l.lbl.Key)
	room := r.W - pw - whichW - 2
	from := "raftsheet · " + l.ex.Name + " · " + l.tpl.Kind + " ·"
	if l.fitWidth(fonts.Regular, size, from) > room {
		from = "raftsheet · " + l.tpl.Kind + " ·"
	}
	fw := l.fitWidth(fonts.Regular, size, from)
	l.text(p, Rect{r.X, r.Y, fw, r.H}, []Line{plain(from)}, fonts.Regular, size, Left, true)
	which := Rect{r.X + fw - 2*l.st.pad + 0.8, r.Y, whichW, r.H}
	l.text(p, which, []Line{inked(l.lbl.Worksheet, WorksheetOnly)}, fonts.Regular, size, Left, true)
	l.text(p, which, []Line{inked(l.lbl.Key, KeyOnly)}, fonts.Bold, size, Left, true)
}
