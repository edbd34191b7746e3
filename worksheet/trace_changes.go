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
	at map[string][]int // server + "." + attr → per step (index n), the last change up to n; 0: never
}

// traceAttrs read the attributes of the trace template's columns.
var traceAttrs = map[string]func(engine.ServerState) string{
	"role": func(s engine.ServerState) string {
		return itoa(int(s.Role)) + map[bool]string{true: "", false: " down"}[s.Up]
	},
	"term":     func(s engine.ServerState) string { return itoa(s.Term) },
	"votedFor": func(s engine.ServerState) string { return votedFor(&templates.Labels{None: "-"}, s) },
	"log": func(s engine.ServerState) string {
		var b strings.Builder
		b.WriteString(itoa(s.Base()) + "\x00")
		for _, e := range s.Log {
			b.WriteString(itoa(e.Term) + ":" + e.Value + "\x00")
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
	"data":         func(s engine.ServerState) string { return fmt.Sprint(s.Snapshot) },
	"config":       func(s engine.ServerState) string { return fmt.Sprint(s.Config) },
	"sessions":     func(s engine.ServerState) string { return fmt.Sprint(s.Sessions) },
	"reads":        func(s engine.ServerState) string { return fmt.Sprint(s.Reads) },
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
	c := &traceChanges{at: map[string][]int{}}
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
	if l.shared.changes == nil {
		l.shared.changes = newTraceChanges(l.tr)
	}
	return l.shared.changes
}
