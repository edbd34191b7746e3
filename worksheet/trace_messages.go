package worksheet

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// sentGroup is messages of one step the trace sheet writes on one line:
// a request sent to several peers, or the same reply from several peers.
type sentGroup struct {
	ids  []int
	msg  engine.Message
	from []string
	to   []string
}

// sentGroups groups a step's messages for the trace sheet, in order: a
// request goes once to each peer and a reply comes once from each, so a
// group takes a message only if it adds a new receiver (or sender).
func sentGroups(msgs []engine.Message) []*sentGroup {
	var out []*sentGroup
	byKey := map[string]*sentGroup{}
	for _, m := range msgs {
		key := requestKey(m)
		if m.Type.IsReply() {
			key = fmt.Sprintf("%s|%s|%d|%t|%t|%d|%t|%d|%d", m.Type, m.To, m.Term, m.VoteGranted, m.Success, m.MatchIndex,
				m.Hinted, m.ConflictTerm, m.ConflictIndex)
		}
		g := byKey[key]
		if g != nil && (m.DuplicateOf != 0 || g.repeats(m)) {
			g = nil
		}
		if g == nil {
			g = &sentGroup{msg: m}
			out = append(out, g)
			if m.DuplicateOf == 0 {
				byKey[key] = g
			}
		}
		g.ids = append(g.ids, m.ID)
		if !slices.Contains(g.from, m.From) {
			g.from = append(g.from, m.From)
		}
		if !slices.Contains(g.to, m.To) {
			g.to = append(g.to, m.To)
		}
	}
	for _, g := range out {
		slices.Sort(g.ids)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ids[0] < out[j].ids[0] })
	return out
}

// repeats reports whether m would name a receiver (of a request) or a
// sender (of a reply) twice in the group.
func (g *sentGroup) repeats(m engine.Message) bool {
	if m.Type.IsReply() {
		return slices.Contains(g.from, m.From)
	}
	return slices.Contains(g.to, m.To)
}

// describe is the group's message with the fields of Figure 2:
// "RequestVote S1 → S2, S3 · term 1 · lastLogIndex 0 · lastLogTerm 0".
func (l *layout) describe(g *sentGroup) string {
	lbl, m := l.lbl, g.msg
	parts := []string{l.typeName(m.Type) + " " + strings.Join(g.from, ", ") + " → " + strings.Join(g.to, ", "),
		lbl.Term + " " + itoa(m.Term)}
	switch m.Type {
	case engine.RequestVote, engine.PreVote:
		parts = append(parts, lbl.LastLogIndex+" "+itoa(m.LastLogIndex), lbl.LastLogTerm+" "+itoa(m.LastLogTerm))
	case engine.RequestVoteReply, engine.PreVoteReply:
		parts = append(parts, choose(m.VoteGranted, lbl.Granted, lbl.Denied))
	case engine.AppendEntries:
		entries := make([]string, len(m.Entries))
		for i, e := range m.Entries {
			entries[i] = l.values.logEntry(e)
		}
		if len(entries) == 0 {
			entries = []string{lbl.None}
		}
		parts = append(parts, lbl.PrevLogIndex+" "+itoa(m.PrevLogIndex), lbl.PrevLogTerm+" "+itoa(m.PrevLogTerm),
			lbl.Entries+" "+strings.Join(entries, " "), lbl.LeaderCommit+" "+itoa(m.LeaderCommit))
	case engine.AppendEntriesReply:
		parts = append(parts, choose(m.Success, lbl.Success, lbl.Failure))
		if m.Success {
			parts = append(parts, lbl.MatchIndex+" "+itoa(m.MatchIndex))
		}
		if m.Hinted && !m.Success {
			parts = append(parts, lbl.ConflictTerm+" "+itoa(m.ConflictTerm), lbl.ConflictIndex+" "+itoa(m.ConflictIndex))
		}
	case engine.InstallSnapshot:
		parts = append(parts, lbl.LastIncludedIndex+" "+itoa(m.LastIncludedIndex), lbl.LastIncludedTerm+" "+itoa(m.LastIncludedTerm),
			lbl.Data+" "+strings.Join(l.snapshotData(m.Data.Record()), " "))
	case engine.InstallSnapshotReply:
		if m.MatchIndex > 0 {
			parts = append(parts, lbl.MatchIndex+" "+itoa(m.MatchIndex))
		}
	}
	if m.DuplicateOf != 0 {
		parts = append(parts, fill(lbl.CopyOf, "id", itoa(m.DuplicateOf)))
	}
	return strings.Join(parts, " · ")
}

func (l *layout) typeName(t engine.MessageType) string {
	lbl := l.lbl
	return [...]string{lbl.RequestVoteMsg, lbl.RequestVoteReplyMsg, lbl.AppendEntriesMsg, lbl.AppendEntriesReplyMsg,
		lbl.InstallSnapshotMsg, lbl.InstallSnapshotReplyMsg, lbl.PreVoteMsg, lbl.PreVoteReplyMsg}[t]
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

func choose(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}
