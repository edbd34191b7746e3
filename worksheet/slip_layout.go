package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// slipStyle is the geometry all slips of an exercise share.
type slipStyle struct {
	cols       int
	w          float64 // a slip's width
	gap        float64
	inner      float64 // width inside the slip's padding
	fieldW     float64 // the field labels' column
	gridLabelW float64
	gridSize   float64 // font size of the response grid's answers
	entriesH   float64 // height of the entries box (the longest entries of the run)
}

const slipPad = 2.5

func (l *layout) newSlipStyle(slips []*slip) slipStyle {
	lbl, st := l.lbl, l.st
	ss := slipStyle{gap: 5}
	ss.fieldW = l.fitWidth(Regular, st.small, lbl.Term, lbl.LeaderID, lbl.PrevLogIndex, lbl.PrevLogTerm, lbl.Entries,
		lbl.LeaderCommit, lbl.CandidateID, lbl.LastLogIndex, lbl.LastLogTerm)
	ss.gridLabelW = l.fitWidth(Bold, st.small, lbl.ID, lbl.Term, lbl.OK, lbl.Match)
	n := float64(len(l.tr.Servers))
	answers := []string{lbl.Yes, lbl.No, lbl.None, lbl.Lost, lbl.Dropped, lbl.InFlight, itoa(l.tr.MaxTerm()), itoa(l.tr.MaxLogLength())}
	for ss.cols = l.tpl.Sizes.SlipColumns; ; ss.cols-- {
		ss.w = (l.body.W - ss.gap*float64(ss.cols-1)) / float64(ss.cols)
		ss.inner = ss.w - 2*slipPad
		colW := (ss.inner - ss.gridLabelW) / n
		names := l.fitWidth(Bold, st.small, l.tr.Servers...)
		ss.gridSize = st.body
		if l.fitWidth(Italic, st.body, answers...) > colW {
			ss.gridSize = st.small
		}
		if ss.cols == 1 || (names <= colW && l.fitWidth(Italic, ss.gridSize, answers...) <= colW) {
			break
		}
	}
	boxW := ss.inner - ss.fieldW
	ss.entriesH = st.cell
	for _, s := range slips {
		if s.msg.Type == engine.AppendEntries {
			lines := l.wrapIn(l.entryRuns(s.msg), Italic, st.body, boxW)
			ss.entriesH = max(ss.entriesH, l.textH(len(lines), st.body))
		}
	}
	return ss
}

// entryRuns are an AppendEntries' entries as answers, "none (heartbeat)"
// when it carries none.
func (l *layout) entryRuns(m engine.Message) []Run {
	if len(m.Entries) == 0 {
		return words(l.lbl.Heartbeat, Answer)
	}
	var out []Run
	for _, e := range m.Entries {
		out = append(out, Run{S: l.values.entry(e.Term, e.Value), Ink: Answer})
	}
	return out
}

// slipPages lays out every slip, cols to a row, cut lines around each.
func (l *layout) slipPages(slips []*slip) {
	l.startPage("slips")
	st := l.st
	rows := l.heading(l.lbl.SlipsTitle, st.heading)
	rows = append(rows, l.paragraph(words(l.lbl.SlipsIntro, Print), Regular, st.small, l.body.X, l.body.W)...)
	rows = append(rows, gapRow(2))
	l.place(block{rows: rows})
	ss := l.newSlipStyle(slips)
	for i := 0; i < len(slips); i += ss.cols {
		var drawers []func(p *Page, x, y, h float64)
		h := 0.0
		for c := 0; c < ss.cols && i+c < len(slips); c++ {
			sh, draw := l.slip(ss, slips[i+c])
			h = max(h, sh)
			drawers = append(drawers, draw)
		}
		l.place(block{rows: []row{{h: h + ss.gap, draw: func(p *Page, y float64) {
			for c, d := range drawers {
				d(p, l.body.X+float64(c)*(ss.w+ss.gap), y, h)
			}
		}}}})
	}
}

// slip measures one slip and returns how to draw it at x, y with height h
// (the tallest slip of its row, so cut lines align).
func (l *layout) slip(ss slipStyle, s *slip) (float64, func(p *Page, x, y, h float64)) {
	lbl, st := l.lbl, l.st
	m := s.msg
	kind := lbl.RequestVote
	if m.Type == engine.AppendEntries {
		kind = lbl.AppendEntries
	}
	number := idList(s.ids)
	numW := l.fitWidth(Bold, 11, number)
	kindW := ss.inner - numW
	kindLines := l.wrapIn(words(kind, Print), Bold, st.body+1, kindW)
	titleH := max(7, l.textH(len(kindLines), st.body+1))

	route := lbl.From + " " + m.From + " · " + lbl.To + " " + strings.Join(s.to, ", ")
	if m.DuplicateOf != 0 {
		route += " · " + fill(lbl.CopyOf, "id", itoa(m.DuplicateOf))
	}
	routeLines := l.wrapIn(words(route, Print), Regular, st.small, ss.inner)
	routeH := l.textH(len(routeLines), st.small)

	type field struct {
		name string
		runs []Run
		h    float64
	}
	a := func(n int) []Run { return []Run{{S: itoa(n), Ink: Answer}} }
	fields := []field{{lbl.Term, a(m.Term), st.cell}}
	if m.Type == engine.AppendEntries {
		fields = append(fields, field{lbl.LeaderID, []Run{{S: m.LeaderID, Ink: Answer}}, st.cell},
			field{lbl.PrevLogIndex, a(m.PrevLogIndex), st.cell}, field{lbl.PrevLogTerm, a(m.PrevLogTerm), st.cell},
			field{lbl.Entries, l.entryRuns(m), ss.entriesH}, field{lbl.LeaderCommit, a(m.LeaderCommit), st.cell})
	} else {
		fields = append(fields, field{lbl.CandidateID, []Run{{S: m.CandidateID, Ink: Answer}}, st.cell},
			field{lbl.LastLogIndex, a(m.LastLogIndex), st.cell}, field{lbl.LastLogTerm, a(m.LastLogTerm), st.cell})
	}
	const fieldGap = 1.2
	fieldsH := 0.0
	for _, f := range fields {
		fieldsH += f.h + fieldGap
	}
	responseH := l.textH(1, st.small)
	gridH := responseH + block{rows: l.responseGrid(ss, s, 0)}.height()
	height := slipPad + titleH + routeH + 1 + fieldsH + gridH + slipPad

	return height, func(p *Page, x, y, h float64) {
		p.box(Box{R: Rect{x, y, ss.w, h}, Stroke: Dashed})
		ix, cy := x+slipPad, y+slipPad
		l.text(p, Rect{ix, cy, kindW, titleH}, kindLines, Bold, st.body+1, Left, true)
		l.text(p, Rect{ix + kindW, cy, numW, titleH}, []Line{plain(number)}, Bold, 11, RightAlign, true)
		cy += titleH
		l.text(p, Rect{ix, cy, ss.inner, routeH}, routeLines, Regular, st.small, Left, false)
		cy += routeH + 1
		for _, f := range fields {
			l.text(p, Rect{ix, cy, ss.fieldW, st.cell}, []Line{plain(f.name)}, Regular, st.small, RightAlign, true)
			r := Rect{ix + ss.fieldW, cy, ss.inner - ss.fieldW, f.h}
			p.box(Box{R: r, Stroke: Thin, Write: true})
			l.text(p, r, l.wrapIn(f.runs, Italic, st.body, r.W), Regular, st.body, Left, true)
			cy += f.h + fieldGap
		}
		l.text(p, Rect{ix, cy, ss.inner, responseH}, []Line{plain(lbl.Response)}, Bold, st.small, Center, true)
		cy += responseH
		for _, r := range l.responseGrid(ss, s, ix) {
			r.draw(p, cy)
			cy += r.h
		}
	}
}

// responseGrid is the seed's response grid at x: a column per server;
// the receivers fill in their term and answer (and, for AppendEntries, the
// index they now match); the other columns are shaded.
func (l *layout) responseGrid(ss slipStyle, s *slip, x float64) []row {
	lbl, st := l.lbl, l.st
	colW := (ss.inner - ss.gridLabelW) / float64(len(l.tr.Servers))
	widths := []float64{ss.gridLabelW}
	ids := []cell{boldLabel(lbl.ID).sized(st.small)}
	terms := []cell{leftLabel(lbl.Term).sized(st.small)}
	oks := []cell{leftLabel(lbl.OK).sized(st.small)}
	matches := []cell{leftLabel(lbl.Match).sized(st.small)}
	for _, id := range l.tr.Servers {
		widths = append(widths, colW)
		ids = append(ids, boldLabel(id).sized(st.small))
		f, addressed := s.fate[id]
		if !addressed {
			terms, oks, matches = append(terms, shaded()), append(oks, shaded()), append(matches, shaded())
			continue
		}
		term, ok, match := l.responseAnswers(f)
		terms = append(terms, answerCell(term))
		oks = append(oks, answerCell(ok))
		matches = append(matches, answerCell(match))
	}
	rows := []row{
		l.tableRow(x, widths, ids, ss.gridSize, 5),
		l.tableRow(x, widths, terms, ss.gridSize, st.cell),
		l.tableRow(x, widths, oks, ss.gridSize, st.cell),
	}
	if s.msg.Type == engine.AppendEntries {
		rows = append(rows, l.tableRow(x, widths, matches, ss.gridSize, st.cell))
	}
	return rows
}

// responseAnswers are what a receiver writes in its column: its term, its
// answer, and the index it matches; or what became of the request.
func (l *layout) responseAnswers(f outcome) (term, ok, match string) {
	lbl := l.lbl
	switch f.fate {
	case lost:
		return lbl.None, lbl.Lost, lbl.None
	case dropped:
		return lbl.None, lbl.Dropped, lbl.None
	case pending:
		return lbl.None, lbl.InFlight, lbl.None
	}
	r := f.reply
	ok, match = lbl.No, lbl.None
	if r.VoteGranted || r.Success {
		ok = lbl.Yes
	}
	if r.Type == engine.AppendEntriesReply && r.Success {
		match = itoa(r.MatchIndex)
	}
	return itoa(r.Term), ok, match
}
