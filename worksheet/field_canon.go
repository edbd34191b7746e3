package worksheet

import (
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/templates"
)

// canon is the key's answer, as printed with the template's labels, in
// the words grading compares in (see Field.Canon).
func (l *layout) canon(kind FieldKind, texts []string) []string {
	if len(texts) == 0 {
		return nil
	}
	words := l.canonWords(kind)
	if w, ok := words[strings.Join(texts, " ")]; ok {
		return []string{w} // a label of several words: "none (heartbeat)"
	}
	var out []string
	for _, t := range texts {
		for _, tok := range CanonTokens(kind, t) {
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
func (l *layout) canonWords(kind FieldKind) map[string]string {
	if l.shared.canonWords == nil {
		l.shared.canonWords = map[FieldKind]map[string]string{}
	}
	m, ok := l.shared.canonWords[kind]
	if !ok {
		m = CanonWords(kind, l.lbl)
		l.shared.canonWords[kind] = m
	}
	return m
}

// CanonWords map the labels a kind of field prints, as a template spells
// them, to the words grading compares in: "–" to "-", "L" and "leader"
// to "L", "drop" to "drop".
func CanonWords(kind FieldKind, lbl *templates.Labels) map[string]string {
	m := map[string]string{lbl.None: "-"}
	switch kind {
	case KindRoles:
		for w, c := range map[string]string{lbl.Follower: "F", lbl.FollowerShort: "F", lbl.Candidate: "C", lbl.CandidateShort: "C",
			lbl.Leader: "L", lbl.LeaderShort: "L", lbl.Down: "×", lbl.DownShort: "×"} {
			m[w] = c
		}
	case KindAnswer:
		for w, c := range map[string]string{lbl.Yes: "yes", lbl.No: "no", lbl.Lost: "lost", lbl.Dropped: "drop", lbl.InFlight: "…"} {
			m[w] = c
		}
	case KindEntries:
		m[lbl.Heartbeat] = "-"
	case KindMessage:
		m[lbl.NoMessages] = "-"
	}
	delete(m, "")
	return m
}

// CanonTokens splits one printed or written value into the tokens grading
// compares: roles at their arrows, values and entries at spaces and
// commas; anything else is one token.
func CanonTokens(kind FieldKind, s string) []string {
	switch kind {
	case KindRoles:
		s = roleSeparators.Replace(s)
	case KindValues, KindEntries, KindNumber:
		s = valueSeparators.Replace(s)
	default:
		return []string{strings.TrimSpace(s)}
	}
	return strings.Fields(s)
}

var (
	roleSeparators  = strings.NewReplacer("→", " ", "->", " ", "=>", " ", ">", " ", ",", " ", "/", " ")
	valueSeparators = strings.NewReplacer(",", " ", ";", " ", "→", " ", "->", " ")
)

// MessageCanon is a message group as grading compares it: its type, who
// sends it to whom, and its fields by Figure 2's names.
func MessageCanon(typ engine.MessageType, from, to []string, fields map[string]string) string {
	lower := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = strings.ToLower(id)
		}
		sort.Strings(out)
		return out
	}
	f, t := lower(from), lower(to)
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := []string{strings.ToLower(typ.String()), strings.Join(f, ",") + ">" + strings.Join(t, ",")}
	for _, n := range names {
		parts = append(parts, strings.ToLower(n+"="+fields[n]))
	}
	return strings.Join(parts, " ")
}

// messageFields are a message's fields as grading compares them.
func (l *layout) messageFields(m engine.Message) map[string]string {
	out := map[string]string{"term": itoa(m.Term)}
	switch m.Type {
	case engine.RequestVote:
		out["lastlogindex"], out["lastlogterm"] = itoa(m.LastLogIndex), itoa(m.LastLogTerm)
	case engine.RequestVoteReply:
		out["result"] = choose(m.VoteGranted, "yes", "no")
	case engine.AppendEntries:
		out["prevlogindex"], out["prevlogterm"], out["leadercommit"] = itoa(m.PrevLogIndex), itoa(m.PrevLogTerm), itoa(m.LeaderCommit)
		entries := make([]string, len(m.Entries))
		for i, e := range m.Entries {
			entries[i] = engine.EntryText(e.Term, e.Value)
		}
		out["entries"] = strings.Join(entries, " ")
		if len(entries) == 0 {
			out["entries"] = "-"
		}
	case engine.AppendEntriesReply:
		out["result"] = choose(m.Success, "yes", "no")
		if m.Success {
			out["matchindex"] = itoa(m.MatchIndex)
		}
	}
	return out
}
