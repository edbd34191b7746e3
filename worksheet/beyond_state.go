package worksheet

import (
	"maps"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// The Raft State sheet's boxes for the parts of Raft beyond Figure 2,
// each only when the run shows it: the snapshot (§7), the session table
// (§8), the reads a leader answers (§8) and the configuration in use (§6).

// snapshotNumbers are the successive values of a number of the snapshot
// (lastIncludedIndex or lastIncludedTerm), from the first snapshot on.
func (h *history) snapshotNumbers(f func(*engine.SnapshotState) int) []change {
	return h.changes(func(s engine.ServerState) (string, bool) {
		if s.Snapshot == nil {
			return "", false
		}
		return itoa(f(s.Snapshot)), true
	})
}

// snapshotData is the history of the snapshot's data, struck as a newer
// snapshot replaces it; at is the step of its last change.
func (l *layout) snapshotDataHistory(h *history) (box held, at int) {
	cs := h.changes(func(s engine.ServerState) (string, bool) {
		if s.Snapshot == nil {
			return "", false
		}
		return strings.Join(l.snapshotData(s.Snapshot), " "), true
	})
	if len(cs) == 0 {
		return holding(l.lbl.None, page.Answer), 0
	}
	return sequence(cs, true).widened(), cs[len(cs)-1].at
}

// configHistory is the history of the configuration the server uses, the
// latest in its log (§6); at is the step of its last change.
func (l *layout) configHistory(h *history) (box held, at int) {
	cs := h.changes(func(s engine.ServerState) (string, bool) { return l.configText(s), s.Config != nil })
	if len(cs) == 0 {
		return holding(l.lbl.None, page.Answer), 0
	}
	return sequence(cs, true).widened(), cs[len(cs)-1].at
}

// configText is the configuration a server uses as the sheets write it,
// "{S1,S2,S3}" or "{S1,S2,S3}+{S2,S3,S4}"; "–" before it knows one.
func (l *layout) configText(s engine.ServerState) string {
	if s.Config == nil || s.Config.IsZero() {
		return l.lbl.None
	}
	return l.values.command(engine.Entry{Config: s.Config.String()})
}

// clients are every client with a session in the run, in order.
func (l *layout) clients() []string {
	seen := map[string]bool{}
	visit := func(s engine.ServerState) {
		for c := range s.Sessions {
			seen[c] = true
		}
	}
	for _, id := range l.tr.Servers {
		visit(l.tr.Initial[id])
		for _, st := range l.tr.Steps {
			visit(st.Servers[id])
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// sessionHistory is the history of a client's entry in the server's
// session table: the serial number of its last command executed, and that
// command's answer (§8).
func (l *layout) sessionHistory(h *history, client string) (seq, answer held, at int) {
	part := func(f func(engine.Session) string) ([]change, bool) {
		cs := h.changes(func(s engine.ServerState) (string, bool) {
			se, ok := s.Sessions[client]
			return f(se), ok
		})
		_, holds := h.final().Sessions[client]
		return cs, holds
	}
	seqs, holds := part(func(se engine.Session) string { return itoa(se.Seq) })
	answers, _ := part(func(se engine.Session) string { return l.values.short(se.Response) })
	if len(seqs) == 0 {
		none := holding(l.lbl.None, page.Answer)
		return none, none, 0
	}
	seq, answer = sequence(seqs, holds).widened(), sequence(answers, holds).widened()
	if !holds { // lost in a crash, until the log or a snapshot restores it
		seq.add(l.lbl.None, page.Answer, false)
		answer.add(l.lbl.None, page.Answer, false)
	}
	return seq, answer, h.lastChange(func(s engine.ServerState) string {
		se, ok := s.Sessions[client]
		return map[bool]string{true: itoa(se.Seq) + "\x00" + se.Response}[ok]
	})
}

// readText is a read's outcome as the sheets write it: "r1: x" for a read
// answered x, "r3: not answered" for one its leader gave up.
func (l *layout) readText(r engine.ReadResult) string {
	if !r.Served {
		return r.ID + ": " + l.lbl.ReadRefused
	}
	return r.ID + ": " + l.readValue(r.Value)
}

// readValue is a read's answer, "–" for an empty register.
func (l *layout) readValue(v string) string {
	if v == "" {
		return l.lbl.None
	}
	return l.values.short(v)
}

// readsHistory is what the server answered to the reads it held, in
// order; at is the step of the last.
func (l *layout) readsHistory(h *history) (box held, at int) {
	var texts []string
	for _, st := range l.tr.Steps {
		for _, r := range st.ReadResults {
			if r.Server == h.id {
				texts, at = append(texts, l.readText(r)), st.N
			}
		}
	}
	if len(texts) == 0 {
		return holding(l.lbl.None, page.Answer), 0
	}
	box.addWords(strings.Join(texts, ", "), page.Answer)
	return box, at
}

// beyondBlock is the state sheet's boxes for what the run shows beyond
// Figure 2: the snapshot, the session table, the reads and the
// configuration. Every box has as many lines on every server's sheet (the
// most any server's answer takes), so that no box's size tells what the
// key writes in it.
func (l *layout) beyondBlock(g *sheetGrid, h *history) []page.Row {
	lbl, st := l.lbl, l.st
	var rows []page.Row
	wideW := l.Body.W - g.labelW
	// lines is the most lines of the answers of some box, over every sheet.
	lines := func(w float64, box func(*history) held) int {
		n := 1
		for _, o := range g.histories {
			n = max(n, len(l.wrapIn(box(o).runs, fonts.Regular, st.body, w)))
		}
		return n
	}
	wide := func(name string, box held, f *field.Field, n int) page.Row {
		return l.tableRow(l.Body.X, []float64{g.labelW, wideW},
			[]cell{leftLabel(name).sized(st.small), ask(box).changeable(f)}, st.body, l.rowH(n))
	}
	if l.has.snapshots {
		rows = append(rows, l.heading(lbl.SnapshotTitle, st.body)...)
		index := h.snapshotNumbers(func(sn *engine.SnapshotState) int { return sn.LastIncludedIndex })
		term := h.snapshotNumbers(func(sn *engine.SnapshotState) int { return sn.LastIncludedTerm })
		rows = append(rows, l.historyBoxes(g, h, lbl.SnapshotTitle, lbl.LastIncludedIndex, "lastIncludedIndex", g.snapCells, index, field.KindNumber, topicSnapshot)...)
		rows = append(rows, l.historyBoxes(g, h, lbl.SnapshotTitle, lbl.LastIncludedTerm, "lastIncludedTerm", g.snapCells, term, field.KindNumber, topicSnapshot)...)
		data, at := l.snapshotDataHistory(h)
		n := lines(wideW, func(o *history) held { b, _ := l.snapshotDataHistory(o); return b })
		rows = append(rows, wide(lbl.Data, data, l.sheetField(h, field.SnapshotDataID(h.id), field.KindValues, data, at, topicSnapshot, lbl.SnapshotTitle, lbl.Data), n))
		rows = append(rows, page.Gap(st.gap))
	}
	if l.has.sessions {
		rows = append(rows, l.heading(lbl.SessionsTitle, st.body)...)
		colW := wideW / 2
		widths := []float64{g.labelW, colW, colW}
		rows = append(rows, l.tableRow(l.Body.X, widths, []cell{label(lbl.Client).sized(st.small),
			label(lbl.LastCommand).sized(st.small), label(lbl.Answer).sized(st.small)}, st.body, 5))
		rows[len(rows)-1].KeepNext = true
		for _, c := range l.clients() {
			seq, answer, at := l.sessionHistory(h, c)
			n := lines(colW, func(o *history) held { s, a, _ := l.sessionHistory(o, c); return held{runs: append(s.runs, a.runs...)} })
			where := lbl.SessionsTitle
			fs := l.sheetField(h, field.SessionID(h.id, c, "seq"), field.KindNumber, seq, at, topicSessions, where, lbl.Client+" "+c+", "+lbl.LastCommand)
			fa := l.sheetField(h, field.SessionID(h.id, c, "answer"), field.KindValues, answer, at, topicSessions, where, lbl.Client+" "+c+", "+lbl.Answer)
			rows = append(rows, l.tableRow(l.Body.X, widths, []cell{boldLabel(c).sized(st.small), ask(seq).changeable(fs), ask(answer).changeable(fa)}, st.body, l.rowH(n)))
		}
		rows = append(rows, page.Gap(st.gap))
	}
	if l.has.reads {
		reads, at := l.readsHistory(h)
		n := lines(wideW, func(o *history) held { b, _ := l.readsHistory(o); return b })
		rows = append(rows, wide(lbl.Reads, reads, l.sheetField(h, field.ReadsID(h.id), field.KindValues, reads, at, topicReads, lbl.Volatile, lbl.Reads), n))
		rows = append(rows, page.Gap(st.gap))
	}
	if l.has.config {
		rows = append(rows, l.heading(lbl.ConfigTitle, st.body)...)
		cfg, at := l.configHistory(h)
		n := lines(wideW, func(o *history) held { b, _ := l.configHistory(o); return b })
		rows = append(rows, wide(lbl.Config, cfg, l.sheetField(h, field.ConfigID(h.id), field.KindValues, cfg, at, topicConfig, lbl.ConfigTitle, lbl.Config), n))
		rows = append(rows, page.Gap(st.gap))
	}
	return rows
}
