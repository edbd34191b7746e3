package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/fonts"
)

// stepHeading is "Step n", in a timed exercise the time it happens at,
// and what the step does in plain words, with its note under it; band
// shades it as the head of a trace step's block.
func (l *layout) stepHeading(n int, ms *int, said, note string, band bool) []row {
	return l.stepHeadingText(n, ms, l.sentence(said), note, band)
}

// continuedHeading heads the page a step's block runs on to.
func (l *layout) continuedHeading(n int) []row {
	rows := l.stepHeadingText(n, l.tr.Steps[n-1].TimeMs, l.lbl.Continued, "", true)
	rows[len(rows)-1].h += 1
	return rows
}

func (l *layout) stepHeadingText(n int, ms *int, said, note string, band bool) []row {
	st := l.st
	size := st.body
	name := fill(l.lbl.Step, "n", itoa(n))
	nameW := l.fitWidth(fonts.Bold, size, fill(l.lbl.Step, "n", itoa(len(l.tr.Steps))))
	timeW := l.timeColumnW(size)
	x, w := l.body.X+nameW+timeW, l.body.W-nameW-timeW
	lines := l.wrapIn(words(said, Print), fonts.Regular, size, w)
	var noteLines []Line
	if note = strings.TrimSpace(note); note != "" {
		noteLines = l.wrapIn(words("“"+note+"”", Print), fonts.Regular, st.small, w)
	}
	saidH := l.textH(len(lines), size)
	noteH := 0.0
	if noteLines != nil {
		noteH = l.textH(len(noteLines), st.small)
	}
	h := saidH + noteH
	return []row{{h: h + 0.5, keepNext: true, draw: func(p *Page, y float64) {
		if band {
			p.box(Box{R: Rect{l.body.X, y, l.body.W, h}, Fill: Band})
		}
		l.text(p, Rect{l.body.X, y, nameW, l.textH(1, size)}, []Line{plain(name)}, fonts.Bold, size, Left, false)
		if ms != nil {
			l.text(p, Rect{l.body.X + nameW, y, timeW, l.textH(1, size)}, []Line{plain(l.msText(*ms))}, fonts.Bold, size, RightAlign, false)
		}
		l.text(p, Rect{x, y, w, saidH}, lines, fonts.Regular, size, Left, false)
		if noteLines != nil {
			l.text(p, Rect{x, y + saidH, w, noteH}, noteLines, fonts.Regular, st.small, Left, false)
		}
	}}}
}

// msText is a time as the sheets print it: "190 ms".
func (l *layout) msText(ms int) string { return fill(l.lbl.Ms, "ms", itoa(ms)) }

// timeColumnW is the width of the time column of a timed exercise's step
// lists (0 for an untimed one, which has none): the latest time, and a
// gap before the words.
func (l *layout) timeColumnW(size float64) float64 {
	if l.tr.Timing == nil {
		return 0
	}
	return l.fitWidth(fonts.Bold, size, l.msText(l.lastTime())) + 3
}
