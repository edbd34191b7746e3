package worksheet

import (
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// stateSheet is one server's Raft State sheet: its id, the Terms grid,
// the Raft Log, the volatile state, the leader's indexes and where it ends.
func (l *layout) stateSheet(g *sheetGrid, h *history) {
	l.StartPage("state")
	l.Page.Server = h.id
	l.sheetTitle(h.id)
	l.termsGrid(g, h)
	l.clockBlock(g, h)
	rest := l.volatileBlock(g, h)
	rest = append(rest, l.beyondBlock(g, h)...)
	rest = append(rest, l.leaderBlock(g, h)...)
	rest = append(rest, l.atEndBlock(h)...)
	rest = append(rest, l.sheetHowToFill()...)
	l.logTable(g, h, page.Block{Rows: rest}.Height())
	l.Place(page.Block{Rows: rest})
}

// sheetTitle is "Raft State" with the server's id in a box, large.
func (l *layout) sheetTitle(id string) {
	size := l.st.heading + 4
	idSize := 18.0
	labelH := l.textH(1, l.st.small)
	boxW := max(30, l.fitWidth(fonts.Bold, idSize, id)+6, l.fitWidth(fonts.Regular, l.st.small, l.lbl.Server))
	boxH := max(13, l.textH(1, size), labelH+l.textH(1, idSize)-3)
	l.Place(page.Block{Rows: []page.Row{{H: boxH + l.st.gap, Draw: func(p *page.Page, y float64) {
		b := l.Body
		l.text(p, page.Rect{X: b.X, Y: y, W: b.W - boxW - 2, H: boxH}, []page.Line{plain(l.lbl.StateTitle)}, fonts.Bold, size, page.Left, true)
		r := page.Rect{X: b.Right() - boxW, Y: y, W: boxW, H: boxH}
		p.AddBox(page.Box{R: r, Stroke: page.Thick})
		l.text(p, page.Rect{X: r.X, Y: r.Y, W: r.W, H: labelH}, []page.Line{plain(l.lbl.Server)}, fonts.Regular, l.st.small, page.Left, false)
		l.text(p, page.Rect{X: r.X, Y: r.Y + labelH - 3, W: r.W, H: r.H - labelH + 3}, []page.Line{plain(id)}, fonts.Bold, idSize, page.Center, true)
	}}}})
}

// termsGrid is the seed's Terms grid: a column per term, the student's
// vote and role in each term under it; bands when the terms are many.
func (l *layout) termsGrid(g *sheetGrid, h *history) {
	lbl, st := l.lbl, l.st
	rows := l.heading(lbl.Terms, st.body)
	for b, band := range g.bands {
		widths := []float64{g.labelW}
		terms, votes, roles := []cell{boldLabel(lbl.Term).sized(st.small)}, []cell{leftLabel(lbl.Vote).sized(st.small)}, []cell{leftLabel(lbl.Role).sized(st.small)}
		for i, t := range band.terms {
			widths = append(widths, band.widths[i])
			terms = append(terms, label(itoa(t)).sized(st.small))
			c := h.termCell(lbl, t)
			switch {
			case c.before:
				votes, roles = append(votes, shaded()), append(roles, shaded())
			default:
				term := ", " + lbl.Term + " " + itoa(t)
				vote := l.sheetField(h, field.VoteID(h.id, t), field.KindServer, c.vote, c.voteAt, topicVote, lbl.Terms, lbl.Vote+term)
				role := l.sheetField(h, field.RoleID(h.id, t), field.KindRoles, c.role, c.roleAt, topicRole, lbl.Terms, lbl.Role+term)
				votes = append(votes, ask(c.vote).changeable(vote))
				roles = append(roles, ask(c.role).changeable(role).sized(g.rolePt))
			}
		}
		if b > 0 {
			rows = append(rows, page.Gap(1.5))
		}
		rows = append(rows,
			l.tableRow(l.Body.X, widths, terms, st.body, 5),
			l.tableRow(l.Body.X, widths, votes, st.body, st.cell),
			l.tableRow(l.Body.X, widths, roles, st.body, max(st.cell, l.fieldH(g.roleLines, g.rolePt))))
		rows[len(rows)-3].KeepNext, rows[len(rows)-2].KeepNext = true, true
	}
	l.Place(page.Block{Rows: rows})
	l.Space(st.gap)
}

// historyBoxes is a row of boxes a value such as commitIndex is written
// in, one after the other as it changes; box k is the field id[k]. The
// first holds the value the run starts with, given: it never changes, so
// it is printed, not a box to write in (a value that starts unknown, such
// as a heartbeat timer before the server leads, is the first to write).
func (l *layout) historyBoxes(g *sheetGrid, h *history, part, name, id string, cells int, cs []change, kind field.Kind, topic ruleTopic) []page.Row {
	var rows []page.Row
	for first := 0; first < cells; first += g.histPerBand {
		n := min(g.histPerBand, cells-first)
		widths := []float64{g.labelW}
		cells := []cell{leftLabel(name).sized(l.st.small)}
		if first > 0 {
			cells[0] = leftLabel("").sized(l.st.small)
		}
		for i := first; i < first+n; i++ {
			widths = append(widths, g.histColW)
			var box held
			at := 0
			if i < len(cs) {
				box, at = holding(cs[i].s, cs[i].ink), cs[i].at
			}
			if i == 0 && !box.asked() && len(box.runs) > 0 {
				cells = append(cells, given(runsText(box.runs)))
				continue
			}
			f := l.sheetField(h, field.BoxID(h.id, id, i+1), kind, box, at, topic, part, fill(name+", box {k}", "k", itoa(i+1)))
			cells = append(cells, ask(box).changeable(f))
		}
		rows = append(rows, l.tableRow(l.Body.X, widths, cells, l.st.body, l.st.cell))
	}
	return rows
}

// volatileBlock is commitIndex, lastApplied and the state machine.
func (l *layout) volatileBlock(g *sheetGrid, h *history) []page.Row {
	lbl, st := l.lbl, l.st
	rows := l.heading(lbl.Volatile, st.body)
	rows = append(rows, l.historyBoxes(g, h, lbl.Volatile, lbl.CommitIndex, "commitIndex", g.histCells, h.numbers(commitIndex), field.KindNumber, topicCommit)...)
	rows = append(rows, l.historyBoxes(g, h, lbl.Volatile, lbl.LastApplied, "lastApplied", g.histCells, h.numbers(lastApplied), field.KindNumber, topicApplied)...)
	widths := []float64{g.labelW, l.Body.W - g.labelW}
	sm, smAt := h.stateMachine(lbl, l.values)
	f := l.sheetField(h, field.StateMachineID(h.id), field.KindValues, sm, smAt, topicStateMachine, lbl.Volatile, lbl.StateMachine)
	rows = append(rows, l.tableRow(l.Body.X, widths,
		[]cell{leftLabel(lbl.StateMachine).sized(st.small), ask(sm).changeable(f)}, st.body, l.rowH(g.smLines)))
	return append(rows, page.Gap(st.gap))
}

// leaderBlock is the leader's nextIndex and matchIndex for each peer, in
// bands of peers when their columns would be too narrow for the ids.
func (l *layout) leaderBlock(g *sheetGrid, h *history) []page.Row {
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
	perBand, colW := g.leaderPerBand, g.leaderColW
	for first := 0; first < len(peers); first += perBand {
		band := peers[first:min(len(peers), first+perBand)]
		widths := []float64{g.labelW}
		head := []cell{label("").sized(st.small)}
		next := []cell{leftLabel(lbl.NextIndex).sized(st.small)}
		match := []cell{leftLabel(lbl.MatchIndex).sized(st.small)}
		for _, p := range band {
			widths = append(widths, colW)
			head = append(head, boldLabel(p).sized(st.small))
			next = append(next, l.leaderCell(h, p, true))
			match = append(match, l.leaderCell(h, p, false))
		}
		if first > 0 {
			rows = append(rows, page.Gap(1.5))
		}
		rows = append(rows, l.tableRow(l.Body.X, widths, head, st.body, 5))
		rows[len(rows)-1].KeepNext = true
		rows = append(rows, l.tableRow(l.Body.X, widths, next, st.body, l.rowH(g.leaderLines)), l.tableRow(l.Body.X, widths, match, st.body, l.rowH(g.leaderLines)))
		rows[len(rows)-2].KeepNext = true
	}
	return append(rows, page.Gap(st.gap))
}

// leaderCell is the box of nextIndex or matchIndex for a peer.
func (l *layout) leaderCell(h *history, peer string, next bool) cell {
	box, at := h.leaderIndex(l.lbl, peer, next)
	name, label := "matchIndex", l.lbl.MatchIndex
	if next {
		name, label = "nextIndex", l.lbl.NextIndex
	}
	f := l.sheetField(h, field.LeaderIndexID(h.id, name, peer), field.KindNumber, box, at, leaderTopic(peer, next), l.lbl.LeaderTitle, label+", "+peer)
	return ask(box).changeable(f)
}

// atEndBlock is where the server ends: role, term, vote and commitIndex.
func (l *layout) atEndBlock(h *history) []page.Row {
	lbl, st := l.lbl, l.st
	f := h.final()
	names := []string{lbl.Role, lbl.CurrentTerm, lbl.VotedFor, lbl.CommitIndex}
	values := []string{roleWord(lbl, f), itoa(f.Term), votedFor(lbl, f), itoa(f.CommitIndex)}
	ids := []string{field.EndID(h.id, "role"), field.EndID(h.id, "term"), field.EndID(h.id, "votedFor"), field.EndID(h.id, "commitIndex")}
	kinds := []field.Kind{field.KindRoles, field.KindNumber, field.KindServer, field.KindNumber}
	topics := []ruleTopic{topicRole, topicTerm, topicVote, topicCommit}
	steps := []int{
		h.lastChange(func(s engine.ServerState) string { return roleWord(lbl, s) }),
		h.lastChange(func(s engine.ServerState) string { return itoa(s.Term) }),
		h.lastChange(func(s engine.ServerState) string { return votedFor(lbl, s) }),
		h.lastChange(func(s engine.ServerState) string { return itoa(s.CommitIndex) }),
	}
	var widths []float64
	var cells []cell
	labelsW := 0.0
	for _, n := range names {
		labelsW += l.fitWidth(fonts.Regular, st.small, n)
	}
	valueW := (l.Body.W - labelsW) / float64(len(names))
	for i, n := range names {
		widths = append(widths, l.fitWidth(fonts.Regular, st.small, n), valueW)
		box := holding(values[i], page.Answer)
		fld := l.sheetField(h, ids[i], kinds[i], box, steps[i], topics[i], lbl.AtEnd, n)
		cells = append(cells, label(n).sized(st.small), ask(box).changeable(fld))
	}
	rows := l.heading(lbl.AtEnd, st.body)
	return append(rows, l.tableRow(l.Body.X, widths, cells, st.body, st.cell))
}

// sheetHowToFill is the "How to fill in" box at the foot of a Raft State
// sheet, after a gap.
func (l *layout) sheetHowToFill() []page.Row {
	rows := l.howToFill()
	if len(rows) == 0 {
		return nil
	}
	return append([]page.Row{page.Gap(l.st.gap)}, rows...)
}
