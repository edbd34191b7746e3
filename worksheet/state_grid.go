package worksheet

import (
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// sheetGrid is the geometry every Raft State sheet shares, so the sheets
// of one exercise look alike: the label column, the Terms grid's columns
// (also used by the rows of history boxes) and the number of log rows.
type sheetGrid struct {
	labelW      float64
	firstTerm   int
	bands       []termBand // the Terms grid's bands of columns
	histCells   int        // boxes for commitIndex and lastApplied
	snapCells   int        // boxes for the snapshot's lastIncludedIndex and lastIncludedTerm (§7)
	timerCells  int        // boxes for the times the timers fire (timed exercises)
	histPerBand int
	histColW    float64
	logRows     int
	logTermW    float64 // the Raft Log's term column: the widest history of any server
	leaderColW  float64 // the least width of a peer's column of nextIndex and matchIndex
	histories   []*history
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
	need := map[int]float64{}
	for t := g.firstTerm; t <= l.tr.MaxTerm(); t++ {
		for _, h := range g.histories {
			need[t] = max(need[t], l.roleColumnW(h.termCell(lbl, t).role.runs, base))
		}
	}
	g.bands = l.termBands(g.labelW, base, need, g.firstTerm, last)
	hist, timers, snaps := 0, 0, 0
	for _, h := range g.histories {
		hist = max(hist, len(h.numbers(commitIndex)), len(h.numbers(lastApplied)))
		if l.has.snapshots {
			snaps = max(snaps, len(h.snapshotNumbers(func(sn *engine.SnapshotState) int { return sn.LastIncludedIndex })),
				len(h.snapshotNumbers(func(sn *engine.SnapshotState) int { return sn.LastIncludedTerm })))
		}
		if l.tr.Timing != nil {
			timers = max(timers, len(h.timers(electionTimer, true)), len(h.timers(heartbeatTimer, true)), 1)
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
	termTexts := []string{}
	for _, h := range g.histories {
		h.logCells = make([]logCell, g.logRows)
		for i := range h.logCells {
			h.logCells[i] = h.logCell(lbl, l.values, i+1)
			termTexts = append(termTexts, runsText(h.logCells[i].term.runs))
		}
	}
	g.logTermW = max(l.fitWidth(fonts.Bold, st.small, lbl.Term), l.fitWidth(fonts.Italic, st.body, termTexts...), 10,
		l.idWidth(l.everyServer(func(s string) []string { return []string{field.LogID(s, g.logRows, "term")} })...))
	for _, peer := range l.tr.Servers {
		g.leaderColW = max(g.leaderColW, l.idWidth(l.everyServer(func(s string) []string {
			return []string{field.LeaderIndexID(s, "matchIndex", peer), field.LeaderIndexID(s, "nextIndex", peer)}
		})...))
	}
	return g
}

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
