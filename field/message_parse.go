package field

import (
	"regexp"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/templates"
)

// parseMessage reads a message as the trace sheet prints it,
//
//	AppendEntries S1 → S2, S3 · term 1 · prevLogIndex 1 · prevLogTerm 1 · entries 1:x · leaderCommit 0
//	RequestVoteReply S2 → S1 · term 1 · vote granted
//
// into MessageCanon's form. The parts after the first may come
// in any order and be parted by ·, ; or |; names are Figure 2's or the
// template's, in any case; "from S1 to S2" and -> do for S1 → S2;
// granted/success and denied/failure are the result. What it cannot read
// is kept as written, so it compares unequal.
func parseMessage(s string, labels *templates.Labels) string {
	s = strings.NewReplacer("->", "→", "=>", "→").Replace(s)
	parts := messageParts().Split(s, -1)
	m := routeLine().FindStringSubmatch(strings.TrimSpace(parts[0]))
	if m == nil {
		return strings.ToLower(s)
	}
	typ, ok := messageType(m[1], labels)
	if !ok {
		return strings.ToLower(s)
	}
	fields := map[string]string{}
	for _, p := range parts[1:] {
		name, value := fieldOf(strings.TrimSpace(p), labels)
		if name != "" {
			fields[name] = value
		}
	}
	return MessageCanon(typ, servers(m[2]), servers(m[3]), fields)
}

var (
	messageParts = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*[·;|]\s*`) })
	routeLine    = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?i)([A-Za-z ]+?)\s+(?:from\s+)?([^→]+?)\s*(?:→|\bto\b)\s*(.+)$`)
	})
)

// messageType reads a message type: Figure 2's name or the template's,
// spaces and case aside.
func messageType(s string, labels *templates.Labels) (engine.MessageType, bool) {
	key := strings.ToLower(strings.ReplaceAll(s, " ", ""))
	for i := range engine.MessageTypeNames() {
		t := engine.MessageType(i)
		names := []string{t.String(), typeLabel(t, labels)}
		for _, n := range names {
			if n != "" && key == strings.ToLower(strings.ReplaceAll(n, " ", "")) {
				return t, true
			}
		}
	}
	return 0, false
}

func typeLabel(t engine.MessageType, l *templates.Labels) string {
	return [...]string{l.RequestVoteMsg, l.RequestVoteReplyMsg, l.AppendEntriesMsg, l.AppendEntriesReplyMsg,
		l.InstallSnapshotMsg, l.InstallSnapshotReplyMsg, l.PreVoteMsg, l.PreVoteReplyMsg}[t]
}

// servers reads "S2, S3" or "S2 S3".
func servers(s string) []string {
	return strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", " ")))
}

// fieldOf reads one part: "term 1" → term, 1; "vote granted" → result, yes.
func fieldOf(p string, labels *templates.Labels) (string, string) {
	low := strings.ToLower(p)
	for _, r := range []struct {
		words []string
		value string
	}{
		{[]string{"granted", "vote granted", "success", "ok", "yes", labels.Granted, labels.Success}, "yes"},
		{[]string{"denied", "vote denied", "failure", "fail", "no", labels.Denied, labels.Failure}, "no"},
	} {
		for _, w := range r.words {
			if w != "" && low == strings.ToLower(w) {
				return "result", r.value
			}
		}
	}
	if strings.HasPrefix(low, "copy of") {
		return "", "" // a duplicate's origin: given, not graded
	}
	for _, f := range []struct{ canon, label string }{
		{"term", labels.Term}, {"lastlogindex", labels.LastLogIndex}, {"lastlogterm", labels.LastLogTerm},
		{"prevlogindex", labels.PrevLogIndex}, {"prevlogterm", labels.PrevLogTerm}, {"entries", labels.Entries},
		{"leadercommit", labels.LeaderCommit}, {"matchindex", labels.MatchIndex},
		{"lastincludedindex", labels.LastIncludedIndex}, {"lastincludedterm", labels.LastIncludedTerm}, {"data", labels.Data},
		{"conflictterm", labels.ConflictTerm}, {"conflictindex", labels.ConflictIndex},
	} {
		for _, name := range []string{f.canon, strings.ToLower(f.label)} {
			if name == "" || !strings.HasPrefix(strings.ReplaceAll(low, " ", ""), name) {
				continue
			}
			value := strings.TrimSpace(restAfter(low, name))
			switch f.canon {
			case "entries":
				return f.canon, strings.Join(Normalize(KindEntries, value, labels), " ")
			case "data":
				return f.canon, strings.Join(Normalize(KindValues, value, labels), " ")
			}
			return f.canon, Normalize(KindNumber, value, labels)[0]
		}
	}
	return low, ""
}

// restAfter is what follows name in s, where name may be written with
// spaces ("prev log index").
func restAfter(s, name string) string {
	i, j := 0, 0
	for i < len(s) && j < len(name) {
		switch {
		case s[i] == ' ':
			i++
		case s[i] == name[j]:
			i, j = i+1, j+1
		default:
			return s
		}
	}
	return s[i:]
}
