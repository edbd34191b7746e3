package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
)

// canon is the key's answer, as printed with the template's labels, in
// the words grading compares in (see Field.Canon).
func (l *layout) canon(kind field.Kind, texts []string) []string {
	if len(texts) == 0 {
		return nil
	}
	words := l.canonWords(kind)
	if w, ok := words[strings.Join(texts, " ")]; ok {
		return []string{w} // a label of several words: "none (heartbeat)"
	}
	var out []string
	for _, t := range texts {
		for _, tok := range field.CanonTokens(kind, t) {
			if w, ok := words[tok]; ok {
				tok = w
			}
			out = append(out, strings.ToLower(tok))
		}
	}
	return out
}

// canonWords map the template's labels a kind of field prints to the
// words grading compares in, made once per kind for a layout.
func (l *layout) canonWords(kind field.Kind) map[string]string {
	if l.shared.canonWords == nil {
		l.shared.canonWords = map[field.Kind]map[string]string{}
	}
	m, ok := l.shared.canonWords[kind]
	if !ok {
		m = field.CanonWords(kind, l.lbl)
		l.shared.canonWords[kind] = m
	}
	return m
}

// messageFields are a message's fields as grading compares them.
func (l *layout) messageFields(m engine.Message) map[string]string {
	out := map[string]string{"term": itoa(m.Term)}
	switch m.Type {
	case engine.RequestVote, engine.PreVote:
		out["lastlogindex"], out["lastlogterm"] = itoa(m.LastLogIndex), itoa(m.LastLogTerm)
	case engine.RequestVoteReply, engine.PreVoteReply:
		out["result"] = choose(m.VoteGranted, "yes", "no")
	case engine.AppendEntries:
		out["prevlogindex"], out["prevlogterm"], out["leadercommit"] = itoa(m.PrevLogIndex), itoa(m.PrevLogTerm), itoa(m.LeaderCommit)
		entries := make([]string, len(m.Entries))
		for i, e := range m.Entries {
			entries[i] = entryText(e, func(v string) string { return v })
		}
		out["entries"] = strings.Join(field.Normalize(field.KindEntries, strings.Join(entries, " "), l.lbl), " ")
		if len(entries) == 0 {
			out["entries"] = "-"
		}
	case engine.AppendEntriesReply:
		out["result"] = choose(m.Success, "yes", "no")
		if m.Success {
			out["matchindex"] = itoa(m.MatchIndex)
		}
		if m.Hinted && !m.Success {
			out["conflictterm"], out["conflictindex"] = itoa(m.ConflictTerm), itoa(m.ConflictIndex)
		}
	case engine.InstallSnapshot:
		out["lastincludedindex"], out["lastincludedterm"] = itoa(m.LastIncludedIndex), itoa(m.LastIncludedTerm)
		out["data"] = strings.Join(field.Normalize(field.KindValues, strings.Join(l.snapshotData(m.Data.Record()), " "), l.lbl), " ")
	case engine.InstallSnapshotReply:
		if m.MatchIndex > 0 {
			out["matchindex"] = itoa(m.MatchIndex)
		}
	}
	return out
}
