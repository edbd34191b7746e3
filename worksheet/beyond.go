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

// features are the parts of Raft beyond Figure 2 a run shows (the
// exercise's options that are on and do something): the sheets add their
// slips, boxes and columns only then, so an exercise that uses none of
// them prints exactly as before.
type features struct {
	snapshots bool // §7: a server holds a snapshot, or InstallSnapshot is sent
	prevote   bool // dissertation §9.6: a pre-candidate, or a PreVote
	sessions  bool // §8: a command carries a client session
	config    bool // §6: the servers read their configuration from their logs
	reads     bool // §8: a leader holds or answers a read-only request
	hints     bool // §5.3: a rejection carries the fast backup's hints
}

// any reports whether the run shows anything beyond Figure 2.
func (f features) any() bool {
	return f.snapshots || f.prevote || f.sessions || f.config || f.reads || f.hints
}

func featuresOf(tr *engine.Trace) features {
	var f features
	state := func(s engine.ServerState) {
		f.snapshots = f.snapshots || s.Snapshot != nil
		f.prevote = f.prevote || s.Role == engine.PreCandidate
		f.sessions = f.sessions || len(s.Sessions) > 0
		f.config = f.config || s.Config != nil
		f.reads = f.reads || len(s.Reads) > 0
		for _, e := range s.Log {
			f.sessions = f.sessions || e.Client != ""
		}
	}
	for _, s := range tr.Initial {
		state(s)
	}
	for _, st := range tr.Steps {
		for _, s := range st.Servers {
			state(s)
		}
		f.reads = f.reads || len(st.ReadResults) > 0
		for _, m := range st.Messages {
			switch m.Type {
			case engine.InstallSnapshot:
				f.snapshots = true
			case engine.PreVote:
				f.prevote = true
			case engine.AppendEntriesReply:
				f.hints = f.hints || m.Hinted
			}
		}
	}
	return f
}

// beyondColumns are the columns of a trace step's second server table,
// for the state beyond Figure 2 the run shows: the snapshot (§7), the
// configuration in use (§6), the session table and the reads (§8). None
// when the run shows none of them.
func (l *layout) beyondColumns() traceColumns {
	lbl, st := l.lbl, l.st
	n := len(l.tr.Steps)
	c := traceColumns{serverW: max(l.fitWidth(fonts.Bold, st.small, append([]string{lbl.Server}, l.tr.Servers...)...), 10)}
	fixed := func(attr, head string, kind field.Kind, topic ruleTopic, texts ...string) traceColumn {
		return traceColumn{attr: attr, head: head, kind: kind, topic: topic,
			w: max(l.fitWidth(fonts.Bold, st.small, head), l.fitWidth(fonts.Italic, st.body, texts...), l.idWidth(l.stepIDs(n, attr)...), 12)}
	}
	var wide []int // the columns that share what is left
	if l.has.snapshots {
		c.cols = append(c.cols,
			fixed("lastIncludedIndex", lbl.LastIncludedIndex, field.KindNumber, topicSnapshot, itoa(l.tr.MaxLogLength())),
			fixed("lastIncludedTerm", lbl.LastIncludedTerm, field.KindNumber, topicSnapshot, itoa(l.tr.MaxTerm())),
			traceColumn{attr: "data", head: lbl.Data, left: true, kind: field.KindValues, topic: topicSnapshot})
		wide = append(wide, len(c.cols)-1)
	}
	if l.has.config {
		c.cols = append(c.cols, traceColumn{attr: "config", head: lbl.Config, left: true, kind: field.KindValues, topic: topicConfig})
		wide = append(wide, len(c.cols)-1)
	}
	if l.has.sessions {
		c.cols = append(c.cols, traceColumn{attr: "sessions", head: lbl.SessionsTitle, left: true, kind: field.KindValues, topic: topicSessions})
		wide = append(wide, len(c.cols)-1)
	}
	if l.has.reads {
		c.cols = append(c.cols, traceColumn{attr: "reads", head: lbl.Reads, left: true, kind: field.KindValues, topic: topicReads})
		wide = append(wide, len(c.cols)-1)
	}
	if len(c.cols) == 0 {
		return c
	}
	used := c.serverW
	for _, col := range c.cols {
		used += col.w
	}
	for _, i := range wide {
		c.cols[i].w = (l.Body.W - used) / float64(len(wide))
	}
	return c
}

// beyondValue is what a server's cell of a column of beyondColumns holds
// after a step.
func (l *layout) beyondValue(attr, id string, s engine.StepRecord, ink page.Ink) held {
	lbl, sv := l.lbl, s.Servers[id]
	var box held
	switch attr {
	case "lastIncludedIndex", "lastIncludedTerm":
		if sv.Snapshot == nil {
			return holding(lbl.None, ink)
		}
		if attr == "lastIncludedTerm" {
			return holding(itoa(sv.Snapshot.LastIncludedTerm), ink)
		}
		return holding(itoa(sv.Snapshot.LastIncludedIndex), ink)
	case "data":
		if sv.Snapshot == nil {
			return holding(lbl.None, ink)
		}
		for _, v := range l.snapshotData(sv.Snapshot) {
			box.add(v, ink, false)
		}
	case "config":
		return holding(l.configText(sv), ink)
	case "sessions":
		if len(sv.Sessions) == 0 {
			return holding(lbl.None, ink)
		}
		clients := slices.Sorted(maps.Keys(sv.Sessions))
		for i, c := range clients {
			v := c + "." + itoa(sv.Sessions[c].Seq) + ":" + l.values.short(sv.Sessions[c].Response)
			if i < len(clients)-1 {
				v += ","
			}
			box.add(v, ink, false)
		}
	case "reads":
		var texts []string // the reads answered or given up in the step, then those that wait
		for _, r := range s.ReadResults {
			if r.Server == id {
				texts = append(texts, l.readText(r))
			}
		}
		for _, r := range sv.Reads {
			texts = append(texts, r.ID+": "+lbl.ReadWaits)
		}
		if len(texts) == 0 {
			return holding(lbl.None, ink)
		}
		box.addWords(strings.Join(texts, ", "), ink)
	}
	return box
}
