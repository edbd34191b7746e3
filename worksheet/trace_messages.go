package worksheet

import (
	"fmt"
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
			key = fmt.Sprintf("%s|%s|%d|%t|%t|%d", m.Type, m.To, m.Term, m.VoteGranted, m.Success, m.MatchIndex)
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
	case engine.RequestVote:
		parts = append(parts, lbl.LastLogIndex+" "+itoa(m.LastLogIndex), lbl.LastLogTerm+" "+itoa(m.LastLogTerm))
	case engine.RequestVoteReply:
		parts = append(parts, choose(m.VoteGranted, lbl.Granted, lbl.Denied))
	case engine.AppendEntries:
		entries := make([]string, len(m.Entries))
		for i, e := range m.Entries {
			entries[i] = l.values.entry(e.Term, e.Value)
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
	}
	if m.DuplicateOf != 0 {
		parts = append(parts, fill(lbl.CopyOf, "id", itoa(m.DuplicateOf)))
	}
	return strings.Join(parts, " · ")
}

func (l *layout) typeName(t engine.MessageType) string {
	switch t {
	case engine.RequestVote:
		return l.lbl.RequestVoteMsg
	case engine.RequestVoteReply:
		return l.lbl.RequestVoteReplyMsg
	case engine.AppendEntries:
		return l.lbl.AppendEntriesMsg
	}
	return l.lbl.AppendEntriesReplyMsg
}

func choose(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}
