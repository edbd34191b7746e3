package worksheet

import (
	"sync"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

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
		l.shared.rooms = g.rooms
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
	g.setLogRows(l, base)
	slack, rows := l.sheetRoom(g, l.st.cell)
	if slack < 0 || rows == 0 {
		return base
	}
	g.fixLogCols = true
	defer func() { g.fixLogCols = false }()
	// A row of the log table holds a row of each column: the room left
	// makes a first guess.
	guess := base + int(slack/l.rowH(1))*max(1, g.logCols)
	return largestFitting(base, base+maxExtraLogRows, guess, fits)
}

// maxSheetCell is the tallest a Raft State sheet's write-in row grows.
const maxSheetCell = 9.5

// sheetCell is the height of the sheets' write-in rows: the template's,
// or as much more (up to maxSheetCell) as keeps every sheet on its page,
// to within cellStep.
func (l *layout) sheetCell(g *sheetGrid) float64 {
	base := l.st.cell
	slack, rows := l.sheetRoom(g, base)
	if slack < 0 || rows == 0 || base >= maxSheetCell {
		return base
	}
	g.fixLogCols = true // as many columns of the log as at the template's size, no more
	defer func() { g.fixLogCols = false }()
	steps := 1
	for (maxSheetCell-base)/float64(steps) > cellStep {
		steps *= 2
	}
	cell := func(k int) float64 { return base + (maxSheetCell-base)*float64(k)/float64(steps) }
	fits := func(k int) bool { s, r := l.sheetRoom(g, cell(k)); return s >= 0 && r > 0 }
	// Every write-in row grows by as much as the cell: the room left,
	// shared among them, makes a first guess.
	guess := int(slack / float64(rows) / (maxSheetCell - base) * float64(steps))
	return cell(largestFitting(0, steps, guess, fits))
}

// cellStep is how finely sheetCell finds the write-in rows' height.
const cellStep = 0.05

// largestFitting is the largest n in [lo, hi] for which fits holds, when
// fits(lo) does and fits holds up to some n and not beyond. It starts at
// guess and gallops (1, 2, 4, … away) to where fits changes, then halves
// between: two layouts when the guess is right, about as many as halving
// [lo, hi] from the start when it is far off.
func largestFitting(lo, hi, guess int, fits func(int) bool) int {
	guess = min(max(guess, lo), hi)
	yes, no := lo, hi+1 // fits(yes); not fits(no), hi+1 standing for beyond
	up := true
	if guess > lo {
		if up = fits(guess); up {
			yes = guess
		} else {
			no = guess
		}
	}
	if up {
		for d := 1; yes+d < no; d *= 2 {
			if n := yes + d; fits(n) {
				yes = n
			} else {
				no = n
				break
			}
		}
	} else {
		for d := 1; no-d > yes; d *= 2 {
			if n := no - d; fits(n) {
				yes = n
				break
			} else {
				no = n
			}
		}
	}
	for no-yes > 1 {
		if mid := (yes + no) / 2; fits(mid) {
			yes = mid
		} else {
			no = mid
		}
	}
	return yes
}

// sheetRoom lays the sheets out on scratch pages with write-in rows of
// height cell and says how much room the fullest one leaves on its page
// (negative: some sheet needs a second page) and how many such rows it has.
func (l *layout) sheetRoom(g *sheetGrid, cell float64) (slack float64, rows int) {
	// The searches ask some sheets more than once (fillLogRows starts
	// where leaderLines ended): a sheet's room depends only on these.
	key := roomKey{g.logRows, cell, g.leaderLines, g.fixLogCols, 0}
	if g.fixLogCols {
		key.logCols = g.logCols // maxLogCols reads it only then
	}
	if r, ok := g.rooms[key]; ok {
		g.logCols = max(g.logCols, r.logCols) // as the call would leave it: logCols only grows
		return r.slack, r.rows
	}
	defer func() {
		if g.rooms == nil {
			g.rooms = map[roomKey]room{}
		}
		g.rooms[key] = room{slack, rows, g.logCols}
	}()
	// The sheets are laid out two at a time, half on another goroutine
	// with a measurer of its own, and read in order as one loop would:
	// the first sheet on two pages ends it.
	sheets := make([]scratchSheet, len(g.histories))
	half := len(sheets) / 2
	var wg sync.WaitGroup
	if helper := l.shared.helperMeasurer(); helper != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := half; i < len(sheets); i++ {
				sheets[i] = l.scratchSheet(g, g.histories[i], cell, helper)
			}
		}()
	} else {
		half = len(sheets)
	}
	for i := 0; i < half; i++ {
		sheets[i] = l.scratchSheet(g, g.histories[i], cell, l.m)
	}
	wg.Wait()
	slack = l.Body.H
	for _, sh := range sheets {
		g.logCols = max(g.logCols, sh.logCols)
		if sh.pages > 1 {
			return -1, 0
		}
		slack = min(slack, sh.room)
		rows = max(rows, sh.rows)
	}
	return slack, rows
}

// scratchSheet is what sheetRoom needs of one sheet laid out on scratch
// pages.
type scratchSheet struct {
	pages, rows, logCols int
	room                 float64
}

// scratchSheet lays h's sheet out with write-in rows of height cell,
// measuring with m, on scratch pages and a copy of the grid: the log
// columns it takes are returned, not written. (The copy reads as the
// grid would: with fixLogCols the columns no sheet may exceed stay put,
// and without it maxLogCols does not read them.) The scratch layout only
// measures: its rows take their room and are not drawn.
func (l *layout) scratchSheet(g *sheetGrid, h *history, cell float64, m *fonts.Measurer) scratchSheet {
	scratch := *l
	scratch.m = m
	scratch.Doc = &page.Document{Paper: l.Doc.Paper, Area: l.Doc.Area}
	scratch.Page = nil
	scratch.Measure, scratch.WriteRows = !l.shared.drawScratch, nil
	scratch.st.cell = cell
	grid := *g
	scratch.stateSheet(&grid, h)
	rows := writeRows(scratch.WriteRows, cell)
	if !scratch.Measure {
		rows = drawnWriteRows(scratch.Page, cell)
	}
	return scratchSheet{pages: len(scratch.Doc.Pages), rows: rows, logCols: grid.logCols, room: scratch.Room()}
}

// writeRows counts the rows of write-in boxes of height cell (only a
// sheet on one page has its rows counted).
func writeRows(placed []page.RowAt, cell float64) int {
	ys := map[float64]bool{}
	for _, r := range placed {
		if r.H > cell-page.Tolerance && r.H < cell+page.Tolerance {
			ys[r.Y] = true
		}
	}
	return len(ys)
}

// drawnWriteRows counts them on a page drawn (Options.drawScratch): its
// write-in boxes are the rows writeRows counts.
func drawnWriteRows(p *page.Page, cell float64) int {
	var placed []page.RowAt
	for _, b := range p.Boxes {
		if b.Write {
			placed = append(placed, page.RowAt{Y: b.R.Y, H: b.R.H})
		}
	}
	return writeRows(placed, cell)
}

// roomKey is what a sheet's room depends on, beyond the run and the
// template: the sheetGrid's settings the searches change.
type roomKey struct {
	logRows     int
	cell        float64
	leaderLines int
	fixLogCols  bool
	logCols     int
}

// room is what sheetRoom said, and the log columns it left.
type room struct {
	slack   float64
	rows    int
	logCols int
}
