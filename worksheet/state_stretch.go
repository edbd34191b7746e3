package worksheet

import "github.com/raftsheet/raftsheet/page"

// stateSheets lays out a Raft State sheet for every server. When every
// sheet fits on a page with room to spare, the Raft Log gains spare rows
// to fill it (so that how many rows it has does not tell how long the
// longest log grows), and the rows students write in grow (up to
// maxSheetCell) into what is left.
func (l *layout) stateSheets() {
	g := l.newSheetGrid()
	cell := l.st.cell
	defer func() { l.st.cell = cell }()
	if l.shared.sheetCell == 0 { // the same in every pass
		l.shared.leaderLines = l.leaderLines(g)
		g.leaderLines = l.shared.leaderLines
		l.shared.logRows = l.fillLogRows(g)
		g.setLogRows(l, l.shared.logRows)
		l.shared.sheetCell = l.sheetCell(g)
	}
	g.setLogRows(l, l.shared.logRows)
	g.leaderLines = l.shared.leaderLines
	l.st.cell = l.shared.sheetCell
	for _, h := range g.histories {
		if l.part.hasServer(h.id) {
			l.stateSheet(g, h)
		}
	}
}

// leaderLines is how many lines the leader's nextIndex and matchIndex
// boxes have: two at least when the sheets still fit on their pages (a
// back-off's history takes them, and boxes only as high as this run needs
// would say how long its back-offs are), more if some history needs them.
func (l *layout) leaderLines(g *sheetGrid) int {
	need := g.leaderLines
	if need >= 2 {
		return need
	}
	g.leaderLines = 2
	defer func() { g.leaderLines = need }()
	if s, rows := l.sheetRoom(g, l.st.cell); s >= 0 && rows > 0 {
		return 2
	}
	return need
}

// fillLogRows is how many rows the Raft Log has: as many as fill the page
// at the template's row height, in no more columns than the run's logs
// need, up to maxExtraLogRows more than that.
func (l *layout) fillLogRows(g *sheetGrid) int {
	base := g.logRows
	defer g.setLogRows(l, base)
	fits := func(n int) bool {
		g.setLogRows(l, n)
		s, rows := l.sheetRoom(g, l.st.cell)
		return s >= 0 && rows > 0
	}
	if !fits(base) {
		return base
	}
	g.fixLogCols = true
	defer func() { g.fixLogCols = false }()
	lo, hi := base, base+maxExtraLogRows
	if fits(hi) {
		return hi
	}
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// maxSheetCell is the tallest a Raft State sheet's write-in row grows.
const maxSheetCell = 9.5

// sheetCell is the height of the sheets' write-in rows: the template's,
// or as much more (up to maxSheetCell) as keeps every sheet on its page,
// found by halving the difference.
func (l *layout) sheetCell(g *sheetGrid) float64 {
	base := l.st.cell
	fits := func(cell float64) bool { s, rows := l.sheetRoom(g, cell); return s >= 0 && rows > 0 }
	if !fits(base) {
		return base
	}
	g.fixLogCols = true // as many columns of the log as at the template's size, no more
	defer func() { g.fixLogCols = false }()
	if fits(maxSheetCell) {
		return max(base, maxSheetCell)
	}
	lo, hi := base, maxSheetCell
	for hi-lo > 0.05 {
		if mid := (lo + hi) / 2; fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// sheetRoom lays the sheets out on scratch pages with write-in rows of
// height cell and says how much room the fullest one leaves on its page
// (negative: some sheet needs a second page) and how many such rows it has.
func (l *layout) sheetRoom(g *sheetGrid, cell float64) (slack float64, rows int) {
	slack = l.Body.H
	for _, h := range g.histories {
		scratch := *l
		scratch.Doc = &page.Document{Paper: l.Doc.Paper, Area: l.Doc.Area}
		scratch.Page = nil
		scratch.st.cell = cell
		scratch.stateSheet(g, h)
		if len(scratch.Doc.Pages) > 1 {
			return -1, 0
		}
		slack = min(slack, scratch.Room())
		rows = max(rows, writeRows(scratch.Page, cell))
	}
	return slack, rows
}

// writeRows counts the rows of write-in boxes of height cell on a page.
func writeRows(p *page.Page, cell float64) int {
	ys := map[float64]bool{}
	for _, b := range p.Boxes {
		if b.Write && b.R.H > cell-page.Tolerance && b.R.H < cell+page.Tolerance {
			ys[b.R.Y] = true
		}
	}
	return len(ys)
}
