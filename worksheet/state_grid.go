package worksheet

import (
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// sheetGrid is the geometry every Raft State sheet shares, so that the
// sheets of one exercise are drawn alike, box for box: the label column,
// the Terms grid's columns, the rows of history boxes, the number of log
// rows, and how many lines each kind of row has room for — the most any
// server's answers need. No box is taller or wider on one sheet than on
// another, so no box's size tells what the key writes in it.
type sheetGrid struct {
	labelW        float64
	firstTerm     int
	bands         []termBand // the Terms grid's bands of columns, all of one width
	rolePt        float64    // the size of the role stories, the same in every cell
	roleLines     int        // and the lines they take
	histCells     int        // boxes for commitIndex and lastApplied
	snapCells     int        // boxes for the snapshot's lastIncludedIndex and lastIncludedTerm (§7)
	timerCells    int        // boxes for the times the timers fire (timed exercises)
	histPerBand   int
	histColW      float64
	logRows       int
	maxLogRows    int     // the most it may grow to: the columns are wide enough for its ids
	logCols       int     // the most columns a sheet's Raft Log took
	fixLogCols    bool    // take no more than that: rows that grow must not squeeze the log
	logTermW      float64 // the Raft Log's term column: the widest history of any server
	leaderPerBand int     // peers side by side in the leader's block
	leaderColW    float64 // the width of a peer's column of nextIndex and matchIndex
	leaderLines   int     // lines of those boxes: long back-offs take two
	smLines       int     // lines of the state machine's box
	histories     []*history
	rooms         map[roomKey]room // sheetRoom's answers, by what they depend on
}

func (l *layout) newSheetGrid() *sheetGrid {
	lbl, st := l.lbl, l.st
	g := &sheetGrid{}
	g.labelW = l.fitWidth(fonts.Bold, st.small, lbl.Term, lbl.Vote, lbl.Role, lbl.CommitIndex, lbl.LastApplied,
		lbl.StateMachine, lbl.NextIndex, lbl.MatchIndex)
	if l.tr.Timing != nil {
		g.labelW = max(g.labelW, l.fitWidth(fonts.Bold, st.small, lbl.ElectionAt, lbl.HeartbeatAt))
	}
	if l.has.snapshots {
		g.labelW = max(g.labelW, l.fitWidth(fonts.Bold, st.small, lbl.LastIncludedIndex, lbl.LastIncludedTerm, lbl.Data))
	}
	if l.has.sessions {
		g.labelW = max(g.labelW, l.fitWidth(fonts.Bold, st.small, append([]string{lbl.Client}, l.clients()...)...))
	}
	if l.has.reads || l.has.config {
		g.labelW = max(g.labelW, l.fitWidth(fonts.Bold, st.small, lbl.Reads, lbl.Config))
	}
	g.firstTerm = 1 << 30
	for _, id := range l.tr.Servers {
		g.histories = append(g.histories, newHistory(l.tr, id))
		g.firstTerm = min(g.firstTerm, l.tr.Initial[id].Term)
	}
	g.firstTerm = max(1, g.firstTerm)
	last := l.tr.MaxTerm() + l.tpl.Sizes.SpareTerms
	// Columns as wide as a vote (a server's name) and the ids of their
	// boxes; a term with a longer role story ("C→L→×→F") gets a wider
	// column, and its story a smaller font, so that it stays on one line.
	texts := append([]string{lbl.None, lbl.FollowerShort, lbl.CandidateShort, lbl.LeaderShort, lbl.DownShort}, l.tr.Servers...)
	if l.has.prevote {
		texts = append(texts, lbl.PreCandidateShort)
	}
	maxT := last + 60 // as many digits as any column's term: spare columns have ids too
	base := max(9, l.fitWidth(fonts.Italic, st.body, texts...), l.fitWidth(fonts.Bold, st.small, itoa(maxT)),
		l.idWidth(l.everyServer(func(s string) []string { return []string{field.VoteID(s, maxT), field.RoleID(s, maxT)} })...))
	// Every column as wide as the longest role story of any term needs
	// (a wider column for one term would say that something happened in
	// it), and every story in the size at which the longest fits.
	colW := base
	for t := g.firstTerm; t <= l.tr.MaxTerm(); t++ {
		for _, h := range g.histories {
			colW = max(colW, l.roleColumnW(h.termCell(lbl, t).role.runs, base))
		}
	}
	g.bands = l.termBands(g.labelW, colW, nil, g.firstTerm, last)
	g.rolePt, g.roleLines = st.body, 1
	for _, b := range g.bands {
		for i, t := range b.terms {
			for _, h := range g.histories {
				g.rolePt = min(g.rolePt, l.roleSize(h.termCell(lbl, t).role.runs, b.widths[i]))
			}
		}
	}
	for _, b := range g.bands {
		for i, t := range b.terms {
			for _, h := range g.histories {
				g.roleLines = max(g.roleLines, len(l.wrapIn(h.termCell(lbl, t).role.runs, fonts.Regular, g.rolePt, b.widths[i])))
			}
		}
	}
	hist, timers, snaps := 0, 0, 0
	for _, h := range g.histories {
		hist = max(hist, len(h.numbers(commitIndex)), len(h.numbers(lastApplied)))
		if l.has.snapshots {
			snaps = max(snaps, len(h.snapshotNumbers(func(sn *engine.SnapshotState) int { return sn.LastIncludedIndex })),
				len(h.snapshotNumbers(func(sn *engine.SnapshotState) int { return sn.LastIncludedTerm })))
		}
		if l.tr.Timing != nil {
			timers = max(timers, len(h.timers(electionTimer)), len(h.timers(heartbeatTimer)), 1)
		}
	}
	k := max(hist, timers) + 60 // as many digits as any box's number, spare ones too
	histIDs := l.everyServer(func(s string) []string {
		ids := []string{field.BoxID(s, "commitIndex", k), field.BoxID(s, "lastApplied", k)}
		if timers > 0 {
			ids = append(ids, field.BoxID(s, "electionAt", k), field.BoxID(s, "heartbeatAt", k))
		}
		if l.has.snapshots {
			ids = append(ids, field.BoxID(s, "lastIncludedIndex", k), field.BoxID(s, "lastIncludedTerm", k))
		}
		return ids
	})
	g.histPerBand, g.histColW = l.band(g.labelW, max(9, l.fitWidth(fonts.Italic, st.body, itoa(l.tr.MaxLogLength()+100), itoa(l.lastTime()+1000)), l.idWidth(histIDs...)))
	g.histCells = roundUp(hist+2, g.histPerBand)
	if timers > 0 {
		g.timerCells = roundUp(timers+2, g.histPerBand)
	}
	if l.has.snapshots {
		g.snapCells = roundUp(snaps+1, g.histPerBand)
	}
	g.logRows = max(l.tr.MaxLogLength()+l.tpl.Sizes.SpareLogRows, 1)
	g.maxLogRows = g.logRows + maxExtraLogRows
	g.setLogRows(l, g.logRows)
	termTexts := []string{}
	for _, h := range g.histories {
		for _, c := range h.logCells {
			termTexts = append(termTexts, runsText(c.term.runs))
		}
	}
	g.logTermW = max(l.fitWidth(fonts.Bold, st.small, lbl.Term), l.fitWidth(fonts.Italic, st.body, termTexts...), 10,
		l.idWidth(l.everyServer(func(s string) []string { return []string{field.LogID(s, g.maxLogRows, "term")} })...))
	leaderMin := 0.0
	for _, peer := range l.tr.Servers {
		leaderMin = max(leaderMin, l.idWidth(l.everyServer(func(s string) []string {
			return []string{field.LeaderIndexID(s, "matchIndex", peer), field.LeaderIndexID(s, "nextIndex", peer)}
		})...))
	}
	if peers := len(l.tr.Servers) - 1; peers > 0 {
		g.leaderPerBand, g.leaderColW = l.band(g.labelW, max(leaderMin, (l.Body.W-g.labelW)/float64(peers)))
	}
	g.leaderLines, g.smLines = 1, 1
	for _, h := range g.histories {
		for _, peer := range l.tr.Servers {
			for _, next := range []bool{true, false} {
				if peer != h.id {
					box, _ := h.leaderIndex(lbl, peer, next)
					g.leaderLines = max(g.leaderLines, len(l.wrapIn(box.runs, fonts.Regular, st.body, g.leaderColW)))
				}
			}
		}
		sm, _ := h.stateMachine(lbl, l.values)
		g.smLines = max(g.smLines, len(l.wrapIn(sm.runs, fonts.Regular, st.body, l.Body.W-g.labelW)))
	}
	return g
}

// maxExtraLogRows is how many spare rows the Raft Log may gain to fill
// its page.
const maxExtraLogRows = 40

// setLogRows gives every sheet's Raft Log n rows: the history of each
// index, blank past the longest log.
func (g *sheetGrid) setLogRows(l *layout, n int) {
	g.logRows = n
	for _, h := range g.histories {
		h.logCells = make([]logCell, n)
		for i := range h.logCells {
			h.logCells[i] = h.logCell(l.lbl, l.values, i+1)
		}
	}
}

// maxLogCols is the most columns the Raft Log may take.
func (g *sheetGrid) maxLogCols() int {
	if g.fixLogCols && g.logCols > 0 {
		return g.logCols
	}
	return 3
}

// rowH is the height of a row of write-in boxes with room for n lines of
// the body size: never less than a box is high.
func (l *layout) rowH(n int) float64 { return max(l.st.cell, l.fieldH(n, l.st.body)) }

// everyServer are the ids ids gives for each server, in cluster order:
// what a column must be wide enough for.
func (l *layout) everyServer(ids func(server string) []string) []string {
	var out []string
	for _, id := range l.tr.Servers {
		out = append(out, ids(id)...)
	}
	return out
}

// band fits columns at least colW wide beside a label column: how many
// fit across the page, and their width when they fill it.
func (l *layout) band(labelW, colW float64) (int, float64) {
	n := max(1, int((l.Body.W-labelW)/colW))
	return n, (l.Body.W - labelW) / float64(n)
}

// roundUp is n rounded up to a multiple of m.
func roundUp(n, m int) int { return (n + m - 1) / m * m }

func commitIndex(s engine.ServerState) int { return s.CommitIndex }
func lastApplied(s engine.ServerState) int { return s.LastApplied }

// runsText is the text of runs as one line, spaces between.
func runsText(runs []page.Run) string {
	s := ""
	for i, r := range runs {
		if i > 0 && !r.Glue {
			s += " "
		}
		s += r.S
	}
	return s
}
