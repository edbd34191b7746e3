package worksheet

import (
	"maps"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
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

// beyondColumns are the columns of a server's boxes in a trace step for
// the state beyond Figure 2 the run shows: the snapshot's lastIncludedIndex
// and lastIncludedTerm (§7; its data is the state machine up to there),
// the configuration in use (§6), the session table and the reads (§8).
// None when the run shows none of them.
func (l *layout) beyondColumns(col func(attr, head string, minW float64, kind field.Kind, topic ruleTopic) traceColumn) []traceColumn {
	lbl := l.lbl
	var cols []traceColumn
	wide := func(c traceColumn) traceColumn { c.left = true; return c }
	if l.has.snapshots {
		cols = append(cols, col("lastIncludedIndex", lbl.LastIncludedIndex, 9, field.KindNumber, topicSnapshot),
			col("lastIncludedTerm", lbl.LastIncludedTerm, 9, field.KindNumber, topicSnapshot))
	}
	if l.has.config {
		cols = append(cols, wide(col("config", lbl.Config, 36, field.KindValues, topicConfig))) // room to write {S1,S2,S3}+{S3,S4,S5}
	}
	if l.has.sessions {
		cols = append(cols, wide(col("sessions", lbl.SessionsTitle, 18, field.KindValues, topicSessions)))
	}
	if l.has.reads {
		cols = append(cols, wide(col("reads", lbl.Reads, 18, field.KindValues, topicReads)))
	}
	return cols
}

// beyondChanged reports whether step s changed what a column of
// beyondColumns shows for server id: a read answered or given up in the
// step changes the reads, even when the server held none before.
func (l *layout) beyondChanged(s engine.StepRecord, id, attr string) bool {
	if attr == "reads" && slices.ContainsFunc(s.ReadResults, func(r engine.ReadResult) bool { return r.Server == id }) {
		return true
	}
	return l.traceChanges().changed(id, attr, s.N)
}

// beyondValue is what a server's box of a column of beyondColumns holds
// after step s.
func (l *layout) beyondValue(attr, id string, s engine.StepRecord) held {
	lbl, sv, ink := l.lbl, s.Servers[id], page.Answer
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

// snapshotData is a snapshot's data as the sheets print it (§7): the
// state machine's values ("–" for none), each client's last command and
// answer, "c1.1:x" (§8), and the configuration, "{S1,S2,S3}" (§6).
func (l *layout) snapshotData(sn *engine.SnapshotState) []string {
	out := l.values.stateMachine(sn.StateMachine)
	if len(out) == 0 {
		out = []string{l.lbl.None}
	}
	for i := range out[:len(out)-1] {
		out[i] += ","
	}
	for _, c := range slices.Sorted(maps.Keys(sn.Sessions)) {
		out = append(out, c+"."+itoa(sn.Sessions[c].Seq)+":"+l.values.short(sn.Sessions[c].Response))
	}
	if sn.Config != nil {
		out = append(out, l.values.command(engine.Entry{Config: sn.Config.String()}))
	}
	return out
}

// beyondLegend says what a message row's columns hold for the messages
// beyond Figure 2 the run sends: an InstallSnapshot's last included entry
// and data (§7), a PreVote's (§9.6), a rejection's conflict hints (§5.3);
// "" for none.
func (l *layout) beyondLegend() string {
	var notes []string
	if l.has.snapshots {
		notes = append(notes, l.lbl.MsgSnapshotNote)
	}
	if l.has.prevote {
		notes = append(notes, l.lbl.MsgPreVoteNote)
	}
	if l.has.hints {
		notes = append(notes, l.lbl.MsgHintsNote)
	}
	return strings.Join(notes, " ")
}

// beyondHowToFill are the how-to-fill paragraphs for what the run shows
// beyond Figure 2, none when it shows none of it.
func (l *layout) beyondHowToFill() []string {
	lbl := l.lbl
	var out []string
	for _, p := range []struct {
		on   bool
		text string
	}{{l.has.snapshots, lbl.FillSnapshot}, {l.has.prevote, lbl.FillPreVote}, {l.has.sessions, lbl.FillSessions},
		{l.has.reads, lbl.FillReads}, {l.has.config, lbl.FillConfig}} {
		if p.on && p.text != "" {
			out = append(out, p.text)
		}
	}
	return out
}
