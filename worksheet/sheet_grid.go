package worksheet

import (
	"github.com/raftsheet/raftsheet/engine"
)

// sheetGrid is the geometry every Raft State sheet shares, so the sheets
// of one exercise look alike: the label column, the Terms grid's columns
// (also used by the rows of history boxes) and the number of log rows.
type sheetGrid struct {
	labelW      float64
	firstTerm   int
	terms       int // columns of the Terms grid
	colW        float64
	perBand     int // columns per band across the page
	histCells   int // boxes for commitIndex and lastApplied
	histPerBand int
	histColW    float64
	logRows     int
	logTermW    float64 // the Raft Log's term column: the widest history of any server
	histories   []*history
}

func (l *layout) newSheetGrid() *sheetGrid {
	lbl, st := l.lbl, l.st
	g := &sheetGrid{}
	g.labelW = l.fitWidth(Bold, st.small, lbl.Term, lbl.Vote, lbl.Role, lbl.CommitIndex, lbl.LastApplied,
		lbl.StateMachine, lbl.NextIndex, lbl.MatchIndex)
	g.firstTerm = 1 << 30
	for _, id := range l.tr.Servers {
		g.histories = append(g.histories, newHistory(l.tr, id))
		g.firstTerm = min(g.firstTerm, l.tr.Initial[id].Term)
	}
	g.firstTerm = max(1, g.firstTerm)
	last := l.tr.MaxTerm() + l.tpl.Sizes.SpareTerms
	// Columns as wide as a vote (a server's name) and half the longest
	// role story ("F→×→F→×→F" takes two lines), so one crash-prone server
	// does not widen every column.
	texts := append([]string{lbl.None, lbl.FollowerShort, lbl.CandidateShort, lbl.LeaderShort, lbl.DownShort}, l.tr.Servers...)
	roles := 0.0
	for _, h := range g.histories {
		for t := g.firstTerm; t <= l.tr.MaxTerm(); t++ {
			roles = max(roles, l.m.width(Italic, st.body, runsText(h.termCell(lbl, t).role)))
		}
	}
	g.colW = max(9, l.fitWidth(Italic, st.body, texts...), l.fitWidth(Bold, st.small, itoa(last+60)), roles/2+2*st.pad+2)
	g.perBand, g.colW = l.band(g.labelW, g.colW)
	g.terms = roundUp(last-g.firstTerm+1, g.perBand) // full bands: the spare columns cost nothing
	hist := 0
	for _, h := range g.histories {
		hist = max(hist, len(h.numbers(commitIndex)), len(h.numbers(lastApplied)))
	}
	g.histPerBand, g.histColW = l.band(g.labelW, max(9, l.fitWidth(Italic, st.body, itoa(l.tr.MaxLogLength()+100))))
	g.histCells = roundUp(hist+2, g.histPerBand)
	g.logRows = max(l.tr.MaxLogLength()+l.tpl.Sizes.SpareLogRows, 1)
	termTexts := []string{}
	for _, h := range g.histories {
		h.logCells = make([]logCell, g.logRows)
		for i := range h.logCells {
			h.logCells[i] = h.logCell(lbl, l.values, i+1)
			termTexts = append(termTexts, runsText(h.logCells[i].term))
		}
	}
	g.logTermW = max(l.fitWidth(Bold, st.small, lbl.Term), l.fitWidth(Italic, st.body, termTexts...), 10)
	return g
}

// band fits columns at least colW wide beside a label column: how many
// fit across the page, and their width when they fill it.
func (l *layout) band(labelW, colW float64) (int, float64) {
	n := max(1, int((l.body.W-labelW)/colW))
	return n, (l.body.W - labelW) / float64(n)
}

// roundUp is n rounded up to a multiple of m.
func roundUp(n, m int) int { return (n + m - 1) / m * m }

func commitIndex(s engine.ServerState) int { return s.CommitIndex }
func lastApplied(s engine.ServerState) int { return s.LastApplied }

// runsText is the text of runs as one line, spaces between.
func runsText(runs []Run) string {
	s := ""
	for i, r := range runs {
		if i > 0 && !r.Glue {
			s += " "
		}
		s += r.S
	}
	return s
}
