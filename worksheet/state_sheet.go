package worksheet

// stateSheet is one server's Raft State sheet: its id, the Terms grid,
// the Raft Log, the volatile state, the leader's indexes and where it ends.
func (l *layout) stateSheet(g *sheetGrid, h *history) {
	l.startPage("state")
	l.page.Server = h.id
	l.sheetTitle(h.id)
	l.termsGrid(g, h)
	rest := l.volatileBlock(g, h)
	rest = append(rest, l.leaderBlock(g, h)...)
	rest = append(rest, l.atEndBlock(h)...)
	l.logTable(g, h, block{rows: rest}.height())
	l.place(block{rows: rest})
}

// sheetTitle is "Raft State" with the server's id in a box, large.
func (l *layout) sheetTitle(id string) {
	size := l.st.heading + 4
	idSize := 18.0
	labelH := l.textH(1, l.st.small)
	boxW := max(30, l.fitWidth(Bold, idSize, id)+6, l.fitWidth(Regular, l.st.small, l.lbl.Server))
	boxH := max(13, l.textH(1, size), labelH+l.textH(1, idSize)-3)
	l.place(block{rows: []row{{h: boxH + l.st.gap, draw: func(p *Page, y float64) {
		b := l.body
		l.text(p, Rect{b.X, y, b.W - boxW - 2, boxH}, []Line{plain(l.lbl.StateTitle)}, Bold, size, Left, true)
		r := Rect{b.Right() - boxW, y, boxW, boxH}
		p.box(Box{R: r, Stroke: Thick})
		l.text(p, Rect{r.X, r.Y, r.W, labelH}, []Line{plain(l.lbl.Server)}, Regular, l.st.small, Left, false)
		l.text(p, Rect{r.X, r.Y + labelH - 3, r.W, r.H - labelH + 3}, []Line{plain(id)}, Bold, idSize, Center, true)
	}}}})
}

// termsGrid is the seed's Terms grid: a column per term, the student's
// vote and role in each term under it; bands when the terms are many.
func (l *layout) termsGrid(g *sheetGrid, h *history) {
	lbl, st := l.lbl, l.st
	rows := l.heading(lbl.Terms, st.body)
	for first := 0; first < g.terms; first += g.perBand {
		n := min(g.perBand, g.terms-first)
		widths := []float64{g.labelW}
		terms, votes, roles := []cell{boldLabel(lbl.Term).sized(st.small)}, []cell{leftLabel(lbl.Vote).sized(st.small)}, []cell{leftLabel(lbl.Role).sized(st.small)}
		for i := 0; i < n; i++ {
			t := g.firstTerm + first + i
			widths = append(widths, g.colW)
			terms = append(terms, label(itoa(t)).sized(st.small))
			c := h.termCell(lbl, t)
			switch {
			case c.before:
				votes, roles = append(votes, shaded()), append(roles, shaded())
			default:
				votes, roles = append(votes, ask(c.vote)), append(roles, ask(c.role))
			}
		}
		if first > 0 {
			rows = append(rows, gapRow(1.5))
		}
		rows = append(rows,
			l.tableRow(l.body.X, widths, terms, st.body, 5),
			l.tableRow(l.body.X, widths, votes, st.body, st.cell),
			l.tableRow(l.body.X, widths, roles, st.body, st.cell))
		rows[len(rows)-3].keepNext, rows[len(rows)-2].keepNext = true, true
	}
	l.place(block{rows: rows})
	l.space(st.gap)
}

// historyBoxes is a row of boxes a value such as commitIndex is written
// in, one after the other as it changes.
func (l *layout) historyBoxes(g *sheetGrid, name string, cs []change) []row {
	var rows []row
	for first := 0; first < g.histCells; first += g.histPerBand {
		n := min(g.histPerBand, g.histCells-first)
		widths := []float64{g.labelW}
		cells := []cell{leftLabel(name).sized(l.st.small)}
		if first > 0 {
			cells[0] = leftLabel("").sized(l.st.small)
		}
		for i := first; i < first+n; i++ {
			widths = append(widths, g.histColW)
			c := ask(nil)
			if i < len(cs) {
				c = ask([]Run{{S: cs[i].s, Ink: cs[i].ink}})
			}
			cells = append(cells, c)
		}
		rows = append(rows, l.tableRow(l.body.X, widths, cells, l.st.body, l.st.cell))
	}
	return rows
}

// volatileBlock is commitIndex, lastApplied and the state machine.
func (l *layout) volatileBlock(g *sheetGrid, h *history) []row {
	lbl, st := l.lbl, l.st
	rows := l.heading(lbl.Volatile, st.body)
	rows = append(rows, l.historyBoxes(g, lbl.CommitIndex, h.numbers(commitIndex))...)
	rows = append(rows, l.historyBoxes(g, lbl.LastApplied, h.numbers(lastApplied))...)
	widths := []float64{g.labelW, l.body.W - g.labelW}
	rows = append(rows, l.tableRow(l.body.X, widths,
		[]cell{leftLabel(lbl.StateMachine).sized(st.small), ask(h.stateMachine(lbl, l.values)).left()}, st.body, st.cell))
	return append(rows, gapRow(st.gap))
}

// leaderBlock is the leader's nextIndex and matchIndex for each peer.
func (l *layout) leaderBlock(g *sheetGrid, h *history) []row {
	lbl, st := l.lbl, l.st
	var peers []string
	for _, id := range l.tr.Servers {
		if id != h.id {
			peers = append(peers, id)
		}
	}
	if len(peers) == 0 {
		return nil
	}
	rows := l.heading(lbl.LeaderTitle, st.body)
	colW := (l.body.W - g.labelW) / float64(len(peers))
	widths := []float64{g.labelW}
	head := []cell{label("").sized(st.small)}
	next := []cell{leftLabel(lbl.NextIndex).sized(st.small)}
	match := []cell{leftLabel(lbl.MatchIndex).sized(st.small)}
	for _, p := range peers {
		widths = append(widths, colW)
		head = append(head, boldLabel(p).sized(st.small))
		next = append(next, ask(h.leaderIndex(lbl, p, true)))
		match = append(match, ask(h.leaderIndex(lbl, p, false)))
	}
	rows = append(rows, l.tableRow(l.body.X, widths, head, st.body, 5))
	rows[len(rows)-1].keepNext = true
	rows = append(rows, l.tableRow(l.body.X, widths, next, st.body, st.cell), l.tableRow(l.body.X, widths, match, st.body, st.cell))
	return append(rows, gapRow(st.gap))
}

// atEndBlock is where the server ends: role, term, vote and commitIndex.
func (l *layout) atEndBlock(h *history) []row {
	lbl, st := l.lbl, l.st
	f := h.final()
	names := []string{lbl.Role, lbl.CurrentTerm, lbl.VotedFor, lbl.CommitIndex}
	values := []string{roleWord(lbl, f), itoa(f.Term), votedFor(lbl, f), itoa(f.CommitIndex)}
	var widths []float64
	var cells []cell
	labelsW := 0.0
	for _, n := range names {
		labelsW += l.fitWidth(Regular, st.small, n)
	}
	valueW := (l.body.W - labelsW) / float64(len(names))
	for i, n := range names {
		widths = append(widths, l.fitWidth(Regular, st.small, n), valueW)
		cells = append(cells, label(n).sized(st.small), answerCell(values[i]))
	}
	rows := l.heading(lbl.AtEnd, st.body)
	return append(rows, l.tableRow(l.body.X, widths, cells, st.body, st.cell))
}
