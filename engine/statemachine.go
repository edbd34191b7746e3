package engine

import (
	"maps"
	"sort"
	"strings"
)

// StateMachineKind is what the servers' state machines compute from the
// committed log (§2, Figure 1).
type StateMachineKind int

const (
	// Register holds the value of the last applied command.
	Register StateMachineKind = iota
	// KV is a key-value store; commands are "key=value" or "key←value".
	KV
)

func (k StateMachineKind) String() string {
	if k == KV {
		return "kv"
	}
	return "register"
}

// ParseStateMachineKind reads the names String prints.
func ParseStateMachineKind(s string) (StateMachineKind, bool) {
	switch s {
	case "register":
		return Register, true
	case "kv":
		return KV, true
	}
	return Register, false
}

// kvAssignments are the spellings of "set key to value": Figure 6 writes x←3.
var kvAssignments = []string{"←", "<-", "="}

// ParseKV splits a kv command such as "x=3" or "x←3" into key and value.
func ParseKV(cmd string) (key, value string, ok bool) {
	for _, op := range kvAssignments {
		if k, v, found := strings.Cut(cmd, op); found {
			k = strings.TrimSpace(k)
			return k, strings.TrimSpace(v), k != ""
		}
	}
	return "", "", false
}

// StateMachine is a server's state machine. It is volatile: a crash loses
// it and the server rebuilds it by applying the committed log again (§5.1,
// Figure 2's lastApplied).
type StateMachine struct {
	Kind     StateMachineKind
	register string
	kv       map[string]string
	sessions map[string]Session // §8: per client, the last command executed
}

// Apply executes one committed entry's command, and reports whether it
// did. A command-less entry (a no-op, a configuration) changes nothing; a
// command its client's session shows already executed is not executed
// again (§8).
func (sm *StateMachine) Apply(e Entry) bool {
	if e.Config != "" {
		return true
	}
	if e.Client == "" {
		sm.apply(e.Value)
		return true
	}
	if _, done := sm.Executed(e.Client, e.Seq); done {
		return false
	}
	sm.apply(e.Value)
	if sm.sessions == nil {
		sm.sessions = map[string]Session{}
	}
	sm.sessions[e.Client] = Session{Seq: e.Seq, Response: sm.response(e.Value)}
	return true
}

func (sm *StateMachine) apply(cmd string) {
	if cmd == "" {
		return
	}
	if sm.Kind == Register {
		sm.register = cmd
		return
	}
	if k, v, ok := ParseKV(cmd); ok {
		if sm.kv == nil {
			sm.kv = map[string]string{}
		}
		sm.kv[k] = v
	}
}

// Clone is a copy that shares no memory with sm.
func (sm StateMachine) Clone() StateMachine {
	if sm.kv != nil {
		sm.kv = maps.Clone(sm.kv)
	}
	if sm.sessions != nil {
		sm.sessions = maps.Clone(sm.sessions)
	}
	return sm
}

// Reset empties the state machine, as after a crash.
func (sm *StateMachine) Reset() { sm.register, sm.kv, sm.sessions = "", nil, nil }

// key is the whole state, sessions included, to tell whether it changed.
func (sm *StateMachine) key() string {
	if len(sm.sessions) == 0 {
		return sm.String()
	}
	return sm.String() + "\x00" + SessionsText(sm.Sessions())
}

// Value is the register's value ("" before anything is applied) or a copy
// of the key-value map.
func (sm *StateMachine) Value() any {
	if sm.Kind == Register {
		return sm.register
	}
	m := make(map[string]string, len(sm.kv))
	for k, v := range sm.kv {
		m[k] = v
	}
	return m
}

// String shows the state as a person would write it: the register's value,
// or "x=3, y=1" with keys in order.
func (sm *StateMachine) String() string {
	if sm.Kind == Register {
		return sm.register
	}
	keys := make([]string, 0, len(sm.kv))
	for k := range sm.kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + sm.kv[k]
	}
	return strings.Join(parts, ", ")
}

func sortStrings(s []string) { sort.Strings(s) }
