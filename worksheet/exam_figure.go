package worksheet

import (
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// The cluster a question is about, drawn as the Raft paper draws logs
// (Figures 6–8): the indexes on a ruler above, a row of boxes per server,
// the term of each entry in its box and its value under it, every box
// shaded by its term in greys that stay apart in black and white; and
// left of each row what the paper writes beside it: the server, its role
// (or down), currentTerm, votedFor and commitIndex (not where it would
// answer the question: Question.ShowsCommitIndex).

const (
	figureCellMax = 10.0 // widest a log box is drawn, mm
	figureCellMin = 5.5  // narrowest: two digits of a term at the body size
	figureGap     = 2.0  // between the left columns and the log
)

// termTone is the shade of an entry of a term: neighbouring terms always
// differ, and the number printed in the box says which term it is.
func termTone(term int) page.Fill { return page.Tones[(max(term, 1)-1)%len(page.Tones)] }

// figureColumns are the widths of the columns left of the log.
type figureColumns struct{ name, role, term, vote, commit float64 }

func (c figureColumns) total() float64 { return c.name + c.role + c.term + c.vote + c.commit }

func (l *layout) figureColumns(st exam.State, commit bool) figureColumns {
	lbl, size := l.lbl, l.st.small
	names := []string{lbl.Server}
	for _, s := range st.Servers {
		names = append(names, s.ID)
	}
	cols := figureColumns{
		name:   max(l.fitWidth(fonts.Bold, l.st.body, names...), 10),
		role:   l.fitWidth(fonts.Regular, size, lbl.Role, lbl.Follower, lbl.Candidate, lbl.Leader, l.tpl.Exam.Down),
		term:   l.fitWidth(fonts.Regular, size, lbl.Term, "999"),
		vote:   l.fitWidth(fonts.Regular, size, append([]string{lbl.VotedFor, lbl.None}, names[1:]...)...),
		commit: l.fitWidth(fonts.Regular, size, lbl.CommitIndex, "999"),
	}
	if !commit {
		cols.commit = 0
	}
	return cols
}

// examFigure is the question's state: its caption, the figure, and the
// messages in flight.
func (l *layout) examFigure(q *exam.Question) []page.Row {
	xl := &l.tpl.Exam
	caption := fill(xl.AfterStep, "n", itoa(q.After))
	switch {
	case q.State.Written && q.Question.State != nil:
		caption = xl.StateShown
	case q.After == 0:
		caption = xl.BeforeStep
	}
	rows := l.paragraph(page.Words(caption, page.Print), fonts.Bold, l.st.body, l.Body.X, l.Body.W)
	rows = append(rows, l.logFigure(q.State, q.ShowsCommitIndex())...)
	if !q.State.Written {
		rows = append(rows, page.Gap(1))
		rows = append(rows, l.inFlightList(q.State.InFlight)...)
	}
	return append(rows, page.Gap(2))
}

// logFigure is the figure itself: a ruler and a row per server, in bands
// of indexes when the logs are too long for one.
func (l *layout) logFigure(st exam.State, commit bool) []page.Row {
	cols := l.figureColumns(st, commit)
	area := l.Body.W - cols.total() - figureGap
	last := max(1, st.LastIndex())
	cellW := min(figureCellMax, max(figureCellMin, area/float64(last)))
	perBand := max(1, int(area/cellW))
	hasValues := false
	for _, s := range st.Servers {
		for _, e := range s.Log {
			hasValues = hasValues || e.Value != ""
		}
	}
	rowH := max(6.5, l.textH(1, l.st.body))
	if hasValues {
		rowH = l.textH(1, l.st.body) + lh(l.st.small)
	}
	var rows []page.Row
	for first := 1; first <= last; first += perBand {
		end := min(last, first+perBand-1)
		full := first == 1
		rows = append(rows, l.figureRuler(cols, first, end, cellW, full))
		for _, s := range st.Servers {
			rows = append(rows, l.figureRow(cols, s, first, end, cellW, rowH, full))
		}
		if end < last {
			rows = append(rows, page.Gap(2))
		}
	}
	return rows
}

// figureRuler is the row over the logs: the left columns' headings, and
// the index of each column of boxes.
func (l *layout) figureRuler(cols figureColumns, first, end int, cellW float64, full bool) page.Row {
	lbl, size := l.lbl, l.st.small
	h := l.textH(1, size)
	return page.Row{H: h, KeepNext: true, Draw: func(p *page.Page, y float64) {
		x := l.Body.X
		heads := []struct {
			w float64
			s string
		}{{cols.name, lbl.Server}, {cols.role, lbl.Role}, {cols.term, lbl.Term}, {cols.vote, lbl.VotedFor}, {cols.commit, lbl.CommitIndex}}
		for i, hd := range heads {
			if (full || i == 0) && hd.w > 0 {
				l.text(p, page.Rect{X: x, Y: y, W: hd.w, H: h}, []page.Line{plain(hd.s)}, fonts.Regular, size, page.Left, true)
			}
			x += hd.w
		}
		x += figureGap
		for i := first; i <= end; i++ {
			l.text(p, page.Rect{X: x, Y: y, W: cellW, H: h}, []page.Line{plain(itoa(i))}, fonts.Regular, size, page.Center, true)
			x += cellW
		}
	}}
}

// figureRow is one server's row: its state, then its log's boxes.
func (l *layout) figureRow(cols figureColumns, s exam.Server, first, end int, cellW, h float64, full bool) page.Row {
	lbl, size := l.lbl, l.st.small
	role := map[engine.Role]string{engine.Follower: lbl.Follower, engine.Candidate: lbl.Candidate, engine.Leader: lbl.Leader}[s.Role]
	if !s.Up {
		role = l.tpl.Exam.Down
	}
	vote := s.VotedFor
	if vote == "" {
		vote = lbl.None
	}
	return page.Row{H: h, Draw: func(p *page.Page, y float64) {
		x := l.Body.X
		cells := []struct {
			w    float64
			s    string
			face fonts.Face
			sz   float64
		}{{cols.name, s.ID, fonts.Bold, l.st.body}, {cols.role, role, fonts.Regular, size}, {cols.term, itoa(s.Term), fonts.Regular, size},
			{cols.vote, vote, fonts.Regular, size}, {cols.commit, itoa(s.Commit), fonts.Regular, size}}
		for i, c := range cells {
			r := page.Rect{X: x, Y: y, W: c.w, H: h}
			if (full || i == 0) && c.w > 0 {
				p.AddBox(page.Box{R: r, Stroke: page.Thin, Fill: page.Header})
				l.text(p, r, []page.Line{plain(c.s)}, c.face, c.sz, page.Left, true)
			}
			x += c.w
		}
		x += figureGap
		for i := first; i <= min(end, s.Log.LastIndex()); i++ {
			e := s.Log.At(i)
			r := page.Rect{X: x, Y: y, W: cellW, H: h}
			p.AddBox(page.Box{R: r, Stroke: page.Thin, Fill: termTone(e.Term)})
			lines := []page.Line{plain(itoa(e.Term))}
			if e.Value != "" {
				lines = append(lines, plain(l.clipTo(e.Value, fonts.Regular, size, cellW)))
			}
			l.figureCell(p, r, lines, size)
			x += cellW
		}
	}}
}

// figureCell writes a log box: its term bold, its value small under it.
func (l *layout) figureCell(p *page.Page, r page.Rect, lines []page.Line, size float64) {
	termH := l.textH(1, l.st.body)
	if len(lines) == 1 {
		l.text(p, r, lines, fonts.Bold, l.st.body, page.Center, true)
		return
	}
	l.text(p, page.Rect{X: r.X, Y: r.Y, W: r.W, H: termH}, lines[:1], fonts.Bold, l.st.body, page.Center, true)
	p.AddText(page.Text{R: page.Rect{X: r.X, Y: r.Y + termH - l.st.padY, W: r.W, H: r.H - termH + l.st.padY}, Lines: lines[1:], Face: fonts.Regular,
		Size: size, LineH: lh(size), Align: page.Center, PadX: 0.3})
}

// clipTo shortens s with "…" until it fits a box of width w.
func (l *layout) clipTo(s string, face fonts.Face, size, w float64) string {
	r := []rune(s)
	fits := func(t string) bool { return l.m.Width(face, size, t) <= w-0.6+page.Tolerance }
	if fits(s) {
		return s
	}
	for n := len(r) - 1; n > 0; n-- {
		if t := string(r[:n]) + "…"; fits(t) {
			return t
		}
	}
	return "…"
}

// inFlightList is the messages in flight, in words, without numbers.
func (l *layout) inFlightList(msgs []engine.Message) []page.Row {
	xl, size := &l.tpl.Exam, l.st.small
	if len(msgs) == 0 {
		return l.paragraph(page.Words(xl.NoInFlight, page.Print), fonts.Regular, size, l.Body.X, l.Body.W)
	}
	rows := l.paragraph(page.Words(xl.InFlight+":", page.Print), fonts.Bold, size, l.Body.X, l.Body.W)
	for _, m := range msgs {
		rows = append(rows, l.paragraph(page.Words("· "+exam.MessageWords(m), page.Print), fonts.Regular, size, l.Body.X+3, l.Body.W-3)...)
	}
	return rows
}
