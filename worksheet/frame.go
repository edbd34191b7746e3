package worksheet

import (
	"strconv"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// nameBoxW is the width of the Name box, where the key says ANSWER KEY.
const nameBoxW = 68

// frame adds to every page what every page carries: the exercise title,
// the Name box (ANSWER KEY on the key), and "page x of y".
func (l *layout) frame() {
	sheets, all := len(l.Doc.Of(false)), len(l.Doc.Pages)
	for i, p := range l.Doc.Pages {
		l.header(p)
		l.footer(p, i+1, sheets, all)
		for _, f := range p.Fields {
			f.Page = i + 1
		}
	}
}

func (l *layout) header(p *page.Page) {
	a := l.Doc.Area
	boxH := 10.0
	name := page.Rect{X: a.Right() - nameBoxW, Y: a.Y, W: nameBoxW, H: boxH}
	p.AddBox(page.Box{R: name, Stroke: page.Thick, Write: true, Free: true})
	l.text(p, name, []page.Line{inked(l.lbl.Name, page.WorksheetOnly)}, fonts.Regular, l.st.small, page.Left, false)
	l.text(p, name, []page.Line{inked(l.lbl.AnswerKey, page.KeyOnly)}, fonts.Bold, 12, page.Center, true)
	if student := l.stamp.Name; student != "" {
		labelW := l.fitWidth(fonts.Regular, l.st.small, l.lbl.Name)
		r := page.Rect{X: name.X + labelW, Y: name.Y, W: name.W - labelW, H: boxH}
		size, lines := l.studentName(student, r)
		l.text(p, r, lines, fonts.Regular, size, page.Left, true)
	}

	titleW := a.W - nameBoxW - 4
	if code := l.stamp.Code; code != "" {
		if l.stamp.Group != "" {
			code += " · " + l.stamp.Group
		}
		codeW := l.fitWidth(fonts.Bold, codeSize, code)
		l.text(p, page.Rect{X: a.Right() - nameBoxW - 2 - codeW, Y: a.Y, W: codeW, H: boxH}, []page.Line{plain(code)}, fonts.Bold, codeSize, page.RightAlign, true)
		titleW -= codeW + 2
	}
	size, lines := l.runningHead(titleW, boxH)
	l.text(p, page.Rect{X: a.X, Y: a.Y, W: titleW, H: boxH}, lines, fonts.Bold, size, page.Left, true)
	p.AddBox(page.Box{R: page.Rect{X: a.X, Y: a.Y + l.st.headerH - 1.5, W: a.W, H: 0}, Stroke: page.Thin})
}

// codeSize is the font size of the variant code in the running head.
const codeSize = 11.0

// studentName is a student's name for the Name box r: on one line, or
// two at a smaller size (a roster's names have 60 characters at most).
func (l *layout) studentName(s string, r page.Rect) (float64, []page.Line) {
	for _, size := range []float64{10, 9, 8, 7, 6} {
		lines := l.wrapIn(page.Words(s, page.WorksheetOnly), fonts.Regular, size, r.W)
		if l.textH(len(lines), size) <= r.H+page.Tolerance && len(lines) <= 2 {
			return size, lines
		}
	}
	return 6, l.wrapIn(page.Words(s, page.WorksheetOnly), fonts.Regular, 6, r.W)[:2]
}

// runningHead is the exercise title for the top of every page: on one
// line, or two at a smaller size; a title longer still is shortened here
// with "…" (the cover prints it in full).
func (l *layout) runningHead(w, h float64) (float64, []page.Line) {
	tokens := page.Words(l.tr.Title, page.Print)
	fits := func(size float64) int { return int((h - 2*l.st.padY + page.Tolerance) / lh(size)) }
	for _, size := range []float64{10, 8} {
		if lines := l.wrapIn(tokens, fonts.Bold, size, w); len(lines) <= fits(size) {
			return size, lines
		}
	}
	size := 8.0
	lines := l.wrapIn(tokens, fonts.Bold, size, w)[:fits(size)]
	last := lines[len(lines)-1]
	for len(last) > 0 && page.LineWidth(l.m, append(append(page.Line{}, last...), page.Run{S: "…"}), fonts.Bold, size) > w-2*l.st.pad {
		last = shorten(last)
	}
	lines[len(lines)-1] = append(append(page.Line{}, last...), page.Run{S: "…"})
	return size, lines
}

// shorten drops the last character of a line.
func shorten(ln page.Line) page.Line {
	ln = append(page.Line{}, ln...)
	last := []rune(ln[len(ln)-1].S)
	if len(last) <= 1 {
		return ln[:len(ln)-1]
	}
	ln[len(ln)-1].S = string(last[:len(last)-1])
	return ln
}

// footer is "page n of …": of the worksheet's pages on the worksheet, of
// all pages on the key, which has the teacher's notes after them.
func (l *layout) footer(p *page.Page, n, sheets, all int) {
	a := l.Doc.Area
	r := page.Rect{X: a.X, Y: a.Bottom() - l.st.footH + 1, W: a.W, H: l.st.footH - 1}
	p.AddBox(page.Box{R: page.Rect{X: a.X, Y: r.Y, W: a.W, H: 0}, Stroke: page.Thin})
	size := l.st.small
	pageOf := func(total int) string {
		return fill(l.lbl.Page, "page", strconv.Itoa(n), "pages", strconv.Itoa(total))
	}
	pw := l.fitWidth(fonts.Regular, size, pageOf(all))
	at := page.Rect{X: r.Right() - pw, Y: r.Y, W: pw, H: r.H}
	if sheets == all {
		l.text(p, at, []page.Line{plain(pageOf(all))}, fonts.Regular, size, page.RightAlign, true)
	} else {
		if !p.KeyOnly {
			l.text(p, at, []page.Line{inked(pageOf(sheets), page.WorksheetOnly)}, fonts.Regular, size, page.RightAlign, true)
		}
		l.text(p, at, []page.Line{inked(pageOf(all), page.KeyOnly)}, fonts.Regular, size, page.RightAlign, true)
	}

	// Which PDF this is, after where it comes from: the exercise's name is
	// left out when it is too long to fit (the header has the title), and
	// on an exam, where a name such as exam-figure8 points a student with
	// the paper at hand to the figure that answers it.
	whichW := l.fitWidth(fonts.Bold, size, l.lbl.Worksheet, l.lbl.Key)
	room := r.W - pw - whichW - 2
	from := "raftsheet · " + l.ex.Name + " · " + l.tpl.Kind + " ·"
	if l.fitWidth(fonts.Regular, size, from) > room || l.tpl.Kind == templates.KindExam {
		from = "raftsheet · " + l.tpl.Kind + " ·"
	}
	fw := l.fitWidth(fonts.Regular, size, from)
	l.text(p, page.Rect{X: r.X, Y: r.Y, W: fw, H: r.H}, []page.Line{plain(from)}, fonts.Regular, size, page.Left, true)
	which := page.Rect{X: r.X + fw - 2*l.st.pad + 0.8, Y: r.Y, W: whichW, H: r.H}
	l.text(p, which, []page.Line{inked(l.lbl.Worksheet, page.WorksheetOnly)}, fonts.Regular, size, page.Left, true)
	l.text(p, which, []page.Line{inked(l.lbl.Key, page.KeyOnly)}, fonts.Bold, size, page.Left, true)
}
