package worksheet

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/templates"
)

// traceChanges knows, for every server, attribute and step, the last step
// up to it that changed the attribute: where the trace template's answer
// got its value, and so the reason behind it.
type traceChanges struct {
	at   map[string][]int    // server + "." + attr → per step (index n), the last change up to n; 0: never
	sent map[int]sentMessage // every message by number, and the step that sent it
}

// traceAttrs read the attributes of the trace template's columns.
var traceAttrs = map[string]func(engine.ServerState) string{
	"role": func(s engine.ServerState) string {
		return itoa(int(s.Role)) + map[bool]string{true: "", false: " down"}[s.Up]
	},
	"term": func(s engine.ServerState) string { return itoa(s.Term) },
	// A vote is a vote in a term: a newer term asks for it again, even
	// when it goes to the same server (a candidate votes for itself anew).
	"votedFor": func(s engine.ServerState) string {
		return votedFor(&templates.Labels{None: "-"}, s) + "@" + itoa(s.Term)
	},
	"log": func(s engine.ServerState) string {
		var b strings.Builder
		b.WriteString(itoa(s.Base()) + "\x00")
		for _, e := range s.Log {
			b.WriteString(itoa(e.Term) + ":" + e.Value + "@" + e.Client + "." + itoa(e.Seq) + "{" + e.Config + "}\x00")
		}
		return b.String()
	},
	"commitIndex": func(s engine.ServerState) string { return itoa(s.CommitIndex) },
	// Beyond Figure 2 (§6–§8).
	"lastIncludedIndex": func(s engine.ServerState) string { return itoa(s.Base()) },
	"lastIncludedTerm": func(s engine.ServerState) string {
		if s.Snapshot == nil {
			return ""
		}
		return itoa(s.Snapshot.LastIncludedTerm)
	},
	"data":     func(s engine.ServerState) string { return fmt.Sprint(s.Snapshot) },
	"config":   func(s engine.ServerState) string { return fmt.Sprint(s.Config) },
	"sessions": func(s engine.ServerState) string { return fmt.Sprint(s.Sessions) },
	"reads": func(s engine.ServerState) string { // the reads it holds, as the sheet writes them: which wait
		var ids []string
		for _, r := range s.Reads {
			ids = append(ids, r.ID)
		}
		return strings.Join(ids, "\x00")
	},
	"stateMachine": func(s engine.ServerState) string { return strings.Join(stateMachineValues(s.StateMachine), "\x00") },
	"timer": func(s engine.ServerState) string {
		out := ""
		for _, p := range []*int{s.ElectionTimerMs, s.HeartbeatMs} {
			if p != nil {
				out += itoa(*p)
			}
			out += "/"
		}
		return out
	},
}

func newTraceChanges(tr *engine.Trace) *traceChanges {
	c := &traceChanges{at: map[string][]int{}, sent: map[int]sentMessage{}}
	for _, s := range tr.Steps {
		for _, m := range s.Messages {
			c.sent[m.ID] = sentMessage{msg: m, step: s.N}
		}
	}
	for _, id := range tr.Servers {
		for attr, f := range traceAttrs {
			at := make([]int, len(tr.Steps)+1)
			prev := f(tr.Initial[id])
			for i, st := range tr.Steps {
				v := f(st.Servers[id])
				at[i+1] = at[i]
				if v != prev {
					at[i+1] = i + 1
				}
				prev = v
			}
			c.at[id+"."+attr] = at
		}
	}
	return c
}

// lastChange is the last step up to n that changed server's attr.
func (c *traceChanges) lastChange(server, attr string, n int) int {
	at := c.at[server+"."+attr]
	if n < 0 || n >= len(at) {
		return 0
	}
	return at[n]
}

// traceChanges are the run's changes, worked out once per build.
func (l *layout) traceChanges() *traceChanges {
	l.shared.mu.Lock() // sections are laid out at once (sections.go)
	defer l.shared.mu.Unlock()
	if l.shared.changes == nil {
		l.shared.changes = newTraceChanges(l.tr)
	}
	return l.shared.changes
}

// changed reports whether step n changed server's attr.
func (c *traceChanges) changed(server, attr string, n int) bool {
	return n >= 1 && c.lastChange(server, attr, n) == n
}

// before is every server's state before step n.
func (l *layout) before(n int) map[string]engine.ServerState {
	if n <= 1 {
		return l.tr.Initial
	}
	return l.tr.Steps[n-2].Servers
}

// logChange is how a step changed a log: from the first index that
// differs, the entries it now holds to its end (added) and those it held
// there before (deleted). Raft only ever replaces a log's suffix (§5.3).
// Indexes a snapshot covers, before or after the step, are the
// snapshot's, not the log's (§7): a snapshot that replaces entries changes
// the snapshot's boxes, not the log's.
type logChange struct {
	from           int
	added, deleted []engine.LogEntry
}

func newLogChange(before, after engine.ServerState) (logChange, bool) {
	i := max(before.Base(), after.Base())
	for i < before.LastIndex() && i < after.LastIndex() && entryAt(before, i+1) == entryAt(after, i+1) {
		i++
	}
	if i >= before.LastIndex() && i >= after.LastIndex() {
		return logChange{}, false
	}
	return logChange{from: i + 1, added: entriesFrom(after, i+1), deleted: entriesFrom(before, i+1)}, true
}

// entryAt is a server's log entry at index i, which its log holds.
func entryAt(s engine.ServerState, i int) engine.LogEntry { return s.Log[i-s.Base()-1] }

// entriesFrom are a server's log entries from index i on (none if its log
// ends before i).
func entriesFrom(s engine.ServerState, i int) []engine.LogEntry {
	if i > s.LastIndex() {
		return nil
	}
	return s.Log[i-s.Base()-1:]
}
