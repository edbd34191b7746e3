package worksheet

import "github.com/raftsheet/raftsheet/page"

// stateSheets lays out a Raft State sheet for every server. When every
// sheet fits on a page with room to spare, the rows students write in grow
// (up to maxSheetCell) so the room goes to handwriting.
func (l *layout) stateSheets() {
	g := l.newSheetGrid()
	cell := l.st.cell
	defer func() { l.st.cell = cell }()
	if l.shared.sheetCell == 0 { // the same in every pass
		l.shared.sheetCell = l.sheetCell(g)
	}
	l.st.cell = l.shared.sheetCell
	for _, h := range g.histories {
		if l.part.hasServer(h.id) {
			l.stateSheet(g, h)
		}
	}
}

// maxSheetCell is the tallest a Raft State sheet's write-in row grows.
const maxSheetCell = 9.5

// sheetCell is the height of the sheets' write-in rows: the template's,
// or more when the tallest sheet leaves room on its page.
func (l *layout) sheetCell(g *sheetGrid) float64 {
	base := l.st.cell
	slack, rows := l.sheetRoom(g, base)
	if slack <= 0 || rows == 0 {
		return base
	}
	grow := min(maxSheetCell-base, slack/float64(rows))
	for try := 0; try < 4 && grow > 0.2; try++ { // rows that wrap may grow more than the rest
		if s, _ := l.sheetRoom(g, base+grow); s >= 0 {
			return base + grow
		}
		grow /= 2
	}
	return base
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
