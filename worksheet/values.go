package worksheet

import (
	"maps"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// valueBook abbreviates the run's values by the one rule the cover
// explains: a value longer than max characters is shortened to max: its
// first characters and "…", and, when two shortened values would read
// alike, a number after the "…" to tell them apart. It remembers the
// values it shortens, in order of first appearance, so the cover can list
// them in full.
type valueBook struct {
	max     int
	long    []string
	printed map[string]string // long value → as printed
}

// newValueBook collects every value of the run up front, so the cover,
// laid out first, can already list the long ones.
func newValueBook(tr *engine.Trace, maxChars int) *valueBook {
	b := &valueBook{max: maxChars, printed: map[string]string{}}
	visit := func(states map[string]engine.ServerState) {
		for _, id := range tr.Servers {
			s := states[id]
			for _, e := range s.Log {
				b.note(e.Value)
			}
			for _, v := range stateMachineValues(s.StateMachine) {
				b.note(v)
			}
			b.noteSnapshot(s.Snapshot)
			b.noteSessions(s.Sessions)
		}
	}
	visit(tr.Initial)
	for _, st := range tr.Steps {
		for _, m := range st.Messages {
			for _, e := range m.Entries {
				b.note(e.Value)
			}
			if m.Type == engine.InstallSnapshot {
				b.noteSnapshot(m.Data.Record())
			}
		}
		visit(st.Servers)
	}
	b.number()
	return b
}

// noteSnapshot notes the values a snapshot holds (§7).
func (b *valueBook) noteSnapshot(sn *engine.SnapshotState) {
	if sn == nil {
		return
	}
	for _, v := range stateMachineValues(sn.StateMachine) {
		b.note(v)
	}
	b.noteSessions(sn.Sessions)
}

// noteSessions notes the answers a session table holds, client by client.
func (b *valueBook) noteSessions(sessions map[string]engine.Session) {
	for _, c := range slices.Sorted(maps.Keys(sessions)) {
		b.note(sessions[c].Response)
	}
}

func (b *valueBook) note(v string) {
	if _, seen := b.printed[v]; len([]rune(v)) > b.max && !seen {
		b.printed[v] = cut(v, b.max, "")
		b.long = append(b.long, v)
	}
}

// number tells apart long values that shorten alike.
func (b *valueBook) number() {
	alike := map[string][]string{}
	for _, v := range b.long {
		alike[b.printed[v]] = append(alike[b.printed[v]], v)
	}
	for _, vs := range alike {
		if len(vs) < 2 {
			continue
		}
		for i, v := range vs {
			b.printed[v] = cut(v, b.max, itoa(i+1))
		}
	}
}

// cut is v's first characters, "…" and the suffix: max characters in all.
func cut(v string, n int, suffix string) string {
	r := []rune(v)
	keep := max(1, n-1-len([]rune(suffix)))
	return string(r[:keep]) + "…" + suffix
}

// short is v as the sheets print it.
func (b *valueBook) short(v string) string {
	if s, ok := b.printed[v]; ok {
		return s
	}
	return v
}

// command is an entry's value as the Raft Log's value column prints it:
// the value; a command of a client session with its client and serial
// number, "x@c1.1" (§8); a configuration entry's configuration,
// "{S1,S2,S3}", or "{S1,S2,S3}+{S2,S3,S4}" for C_old,new (§6).
func (b *valueBook) command(e engine.Entry) string { return commandText(e, b.short) }

// logEntry is an entry as the sheets print it: term:command, or the term
// alone for a no-op.
func (b *valueBook) logEntry(e engine.Entry) string { return entryText(e, b.short) }

// entryText writes an entry with its value as short gives it.
func entryText(e engine.Entry, short func(string) string) string {
	return engine.EntryText(e.Term, commandText(e, short))
}

func commandText(e engine.Entry, short func(string) string) string {
	switch {
	case e.Config != "":
		c := engine.ParseMembership(e.Config)
		set := func(ids []string) string { return "{" + strings.Join(ids, ",") + "}" }
		if c.Joint() {
			return set(c.Old) + "+" + set(c.New)
		}
		return set(c.New)
	case e.Client != "":
		return short(e.Value) + "@" + e.Client + "." + itoa(e.Seq)
	}
	return short(e.Value)
}

// entryOf is a log entry of a server's state as an entry.
func entryOf(e engine.LogEntry) engine.Entry {
	return engine.Entry{Term: e.Term, Value: e.Value, Client: e.Client, Seq: e.Seq, Config: e.Config}
}

// stateMachine is a state machine's value as the sheets print it: the
// register's value, or the kv pairs "k=v" in key order; nil when empty.
func (b *valueBook) stateMachine(v any) []string {
	vals := stateMachineValues(v)
	for i, s := range vals {
		vals[i] = b.short(s)
	}
	return vals
}

// stateMachineValues are the register's value, or the kv store's "k=v"
// pairs in key order.
func stateMachineValues(v any) []string {
	switch sm := v.(type) {
	case string:
		if sm != "" {
			return []string{sm}
		}
	case map[string]string:
		keys := slices.Sorted(maps.Keys(sm))
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = k + "=" + sm[k]
		}
		return out
	}
	return nil
}

// stateMachineText joins a state machine's printed values.
func (b *valueBook) stateMachineText(v any) string {
	return strings.Join(b.stateMachine(v), ", ")
}

// full undoes the abbreviation of printed values, and of the values of
// printed term:value entries, so that grading accepts either.
func (b *valueBook) full(printed []string) []string {
	if len(b.long) == 0 {
		return printed
	}
	long := make(map[string]string, len(b.printed))
	for v, p := range b.printed {
		long[p] = v
	}
	out := make([]string, len(printed))
	for i, p := range printed {
		out[i] = p
		body, comma := strings.CutSuffix(p, ",") // one value of a list: x=1, y=2
		if v, ok := long[body]; ok {
			out[i] = v
		} else if term, value, ok := strings.Cut(body, ":"); ok {
			if v, ok := long[value]; ok {
				out[i] = term + ":" + v
			}
		}
		if comma && out[i] != p {
			out[i] += ","
		}
	}
	return out
}
