package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// stepHeading is "Step n", in a timed exercise the time it happens at,
// and what the step does in plain words, with its note under it; band
// shades it as the head of a trace step's block.
func (l *layout) stepHeading(n int, ms *int, said, note string, band bool) []page.Row {
	return l.stepHeadingText(n, ms, l.sentence(said), note, band)
}

// continuedHeading heads the page a step's block runs on to; a time the
// student works out stays unprinted.
func (l *layout) continuedHeading(n int) []page.Row {
	s := l.tr.Steps[n-1]
	ms := s.TimeMs
	if l.timeAsked(s) {
		ms = nil
	}
	rows := l.stepHeadingText(n, ms, l.lbl.Continued, "", true)
	rows[len(rows)-1].H += 1
	return rows
}

// traceHeading heads a trace step's block: "Step n", when it happens and
// what, in words; for an event of a timed run the script asks about,
// boxes for the time and the event instead. The note goes under it.
func (l *layout) traceHeading(s engine.StepRecord, rowH float64) []page.Row {
	if !l.timeAsked(s) {
		return l.stepHeadingText(s.N, s.TimeMs, l.stepWords(s), s.Note, true)
	}
	st := l.st
	size := st.body
	nameW := l.fitWidth(fonts.Bold, size, fill(l.lbl.Step, "n", itoa(len(l.tr.Steps))))
	timeW := max(l.timeColumnW(size), 14, l.idWidth("time"))
	x, w := l.Body.X+nameW+timeW, l.Body.W-nameW-timeW
	var noteLines []page.Line
	noteH := 0.0
	if note := strings.TrimSpace(s.Note); note != "" {
		noteLines = l.wrapIn(page.Words("“"+note+"”", page.Print), fonts.Regular, st.small, w)
		noteH = l.textH(len(noteLines), st.small)
	}
	time, event, tf, ef := l.eventFields(s)
	boxes := []traceBox{{w: timeW, label: "time", f: tf, runs: time.runs}, {w: w, label: "event", f: ef, runs: event.runs, left: true}}
	name := fill(l.lbl.Step, "n", itoa(s.N))
	h := rowH + noteH
	return []page.Row{{H: h + 0.5, KeepNext: true, Draw: func(p *page.Page, y float64) {
		p.AddBox(page.Box{R: page.Rect{X: l.Body.X, Y: y, W: l.Body.W, H: h}, Fill: page.Band})
		l.text(p, page.Rect{X: l.Body.X, Y: y, W: nameW, H: rowH}, []page.Line{plain(name)}, fonts.Bold, size, page.Left, true)
		l.boxLine(l.Body.X+nameW, rowH, boxes).Draw(p, y)
		if noteLines != nil {
			l.text(p, page.Rect{X: x, Y: y + rowH, W: w, H: noteH}, noteLines, fonts.Regular, st.small, page.Left, false)
		}
	}}}
}

func (l *layout) stepHeadingText(n int, ms *int, said, note string, band bool) []page.Row {
	return l.stepHeadingNamed(fill(l.lbl.Step, "n", itoa(n)), ms, said, note, band)
}

// stepHeadingNamed is stepHeadingText under any name: "Steps 12–14".
func (l *layout) stepHeadingNamed(name string, ms *int, said, note string, band bool) []page.Row {
	st := l.st
	size := st.body
	nameW := max(l.fitWidth(fonts.Bold, size, fill(l.lbl.Step, "n", itoa(len(l.tr.Steps)))), l.fitWidth(fonts.Bold, size, name))
	timeW := l.timeColumnW(size)
	x, w := l.Body.X+nameW+timeW, l.Body.W-nameW-timeW
	lines := l.wrapIn(page.Words(said, page.Print), fonts.Regular, size, w)
	var noteLines []page.Line
	if note = strings.TrimSpace(note); note != "" {
		noteLines = l.wrapIn(page.Words("“"+note+"”", page.Print), fonts.Regular, st.small, w)
	}
	saidH := l.textH(len(lines), size)
	noteH := 0.0
	if noteLines != nil {
		noteH = l.textH(len(noteLines), st.small)
	}
	h := saidH + noteH
	return []page.Row{{H: h + 0.5, KeepNext: true, Draw: func(p *page.Page, y float64) {
		if band {
			p.AddBox(page.Box{R: page.Rect{X: l.Body.X, Y: y, W: l.Body.W, H: h}, Fill: page.Band})
		}
		l.text(p, page.Rect{X: l.Body.X, Y: y, W: nameW, H: l.textH(1, size)}, []page.Line{plain(name)}, fonts.Bold, size, page.Left, false)
		if ms != nil {
			l.text(p, page.Rect{X: l.Body.X + nameW, Y: y, W: timeW, H: l.textH(1, size)}, []page.Line{plain(l.msText(*ms))}, fonts.Bold, size, page.RightAlign, false)
		}
		l.text(p, page.Rect{X: x, Y: y, W: w, H: saidH}, lines, fonts.Regular, size, page.Left, false)
		if noteLines != nil {
			l.text(p, page.Rect{X: x, Y: y + saidH, W: w, H: noteH}, noteLines, fonts.Regular, st.small, page.Left, false)
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
