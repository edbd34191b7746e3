package exercise

import (
	"fmt"
	"regexp"
	"slices"
	"sync"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/yaml"
)

// The options beyond Figure 2 and their steps: log compaction (§7),
// client sessions and reads (§8), membership changes (§6), the guard
// against disruptive servers (§6), PreVote and CheckQuorum (the
// dissertation's §9.6), and the fast log backup (§5.3). Each is off unless
// the exercise turns it on.

var beyondOptionKeys = []string{"snapshot_after", "sessions", "reads", "ignore_disruptive_votes", "prevote", "check_quorum", "backup"}

// loadBeyondOption reads one of beyondOptionKeys.
func (l *loader) loadBeyondOption(p pair) {
	o := &l.ex.Config.Options
	switch p.key {
	case "snapshot_after":
		o.SnapshotAfter, _ = l.integer(p.v, "snapshot_after", 0, engine.MaxLogLength)
	case "sessions":
		o.Sessions, _ = l.boolean(p.v, "sessions")
	case "reads":
		if s, ok := l.choice(p.v, "reads", []string{"read_index", "lease"}); ok {
			o.Reads, _ = engine.ParseReads(s)
		}
	case "ignore_disruptive_votes":
		o.VoteGuard, _ = l.boolean(p.v, "ignore_disruptive_votes")
	case "prevote":
		o.PreVote, _ = l.boolean(p.v, "prevote")
	case "check_quorum":
		o.CheckQuorum, _ = l.boolean(p.v, "check_quorum")
	case "backup":
		if s, ok := l.choice(p.v, "backup", []string{"decrement", "conflict_term"}); ok {
			o.Backup, _ = engine.ParseBackup(s)
		}
	}
}

// checkBeyondOptions checks what options need of each other and of the
// steps: a lease needs the clock, and keeps the followers that acknowledge
// it from voting too soon; read steps need reads on.
func (l *loader) checkBeyondOptions(options *yaml.Node) {
	o := &l.ex.Config.Options
	if o.Reads == engine.ReadLease {
		if l.ex.Timing == nil {
			l.at(options, "add a `timing:` section: a lease is a time (§8)", "reads: lease needs a clock, but this exercise has no `timing:` section")
		}
		o.VoteGuard = true // a lease is safe only if followers disregard votes within it
	}
	for _, st := range l.ex.Steps {
		if st.Kind == engine.StepRead && o.Reads == engine.ReadsOff {
			l.atStep(st, "turn them on with `options: {reads: read_index}` (or `lease`)", "read steps need reads on")
			return
		}
	}
	for _, st := range l.ex.Steps {
		if st.Kind == engine.StepConfig && l.ex.Config.Members == nil {
			l.ex.Config.Members = l.ex.Config.Servers // every server is a member at first
		}
	}
}

// loadMembers reads the initial configuration (§6): the servers that are
// members before step 1. The others of `servers` join later, by a config
// step; until then they have an empty log and know no configuration.
func (l *loader) loadMembers(n *yaml.Node) {
	if n == nil {
		return
	}
	hint := "write `members: [S1, S2, S3]`: the servers of the initial configuration; the others join later"
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		l.at(n, hint, "members must be a non-empty list of servers, not %s", kindName(n))
		return
	}
	members := []string{}
	for _, c := range n.Content {
		id, ok := l.server(l.resolve(c), "members")
		if !ok {
			continue
		}
		if slices.Contains(members, id) {
			l.errorf(c, "members names %s twice", id)
			continue
		}
		members = append(members, id)
	}
	// In cluster order, as every listing is.
	var ordered []string
	for _, id := range l.ex.Config.Servers {
		if slices.Contains(members, id) {
			ordered = append(ordered, id)
		}
	}
	l.ex.Config.Members = ordered
}

// configArgument reads a membership change: `{server: S1, add: S6}`,
// `{server: S1, remove: S2}` (one server at a time, the dissertation's
// §4.1), or `{server: S1, joint: [[S1, S2, S3], [S2, S3, S4]]}` (C_old and
// C_new, by joint consensus, §6).
func (l *loader) configArgument(st *engine.Step, v *yaml.Node) {
	hint := "write `config: {server: S1, add: S4}`, `{server: S1, remove: S2}` or `{server: S1, joint: [[S1, S2, S3], [S2, S3, S4]]}`"
	if v.Kind != yaml.MappingNode {
		l.at(v, hint, "config must be a mapping, not %s", kindName(v))
		return
	}
	changes := 0
	for _, p := range l.mapping(v, "config", []string{"server", "add", "remove", "joint"}) {
		switch p.key {
		case "server":
			st.Server, _ = l.server(p.v, "config")
		case "add":
			st.Change.Add, _ = l.server(p.v, "config add")
			changes++
		case "remove":
			st.Change.Remove, _ = l.server(p.v, "config remove")
			changes++
		case "joint":
			st.Change.From, st.Change.Joint = l.jointConfigs(p.v)
			changes++
		}
	}
	switch {
	case !l.hasKeys(v, "server"):
		l.at(v, hint, "config needs the server it is sent to")
	case changes != 1:
		l.at(v, hint, "config needs exactly one of add, remove and joint")
	}
}

// jointConfigs reads [[C_old…], [C_new…]].
func (l *loader) jointConfigs(n *yaml.Node) (old, nw []string) {
	hint := "write `joint: [[S1, S2, S3], [S2, S3, S4]]`: the configuration in force, then the new one"
	if n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		l.at(n, hint, "joint must be a list of two configurations, C_old and C_new")
		return nil, nil
	}
	var halves [2][]string
	for i, c := range n.Content {
		c = l.resolve(c)
		if c.Kind != yaml.SequenceNode || len(c.Content) == 0 {
			l.at(c, hint, "each configuration of joint must be a non-empty list of servers, not %s", kindName(c))
			return nil, nil
		}
		halves[i] = []string{}
		for _, s := range c.Content {
			if id, ok := l.server(l.resolve(s), "joint"); ok && !slices.Contains(halves[i], id) {
				halves[i] = append(halves[i], id)
			}
		}
	}
	return halves[0], halves[1]
}

// snapshotArgument reads `snapshot: S1` (through lastApplied) or
// `snapshot: {server: S1, index: 4}` (§7).
func (l *loader) snapshotArgument(st *engine.Step, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		st.Server, _ = l.server(v, "snapshot")
		return
	}
	for _, p := range l.mapping(v, "snapshot", []string{"server", "index"}) {
		switch p.key {
		case "server":
			st.Server, _ = l.server(p.v, "snapshot")
		case "index":
			st.Index, _ = l.integer(p.v, "snapshot index", 1, engine.MaxLogLength)
		}
	}
	if !l.hasKeys(v, "server") {
		l.at(v, "write `snapshot: S1` or `snapshot: {server: S1, index: 4}`", "snapshot needs a server")
	}
}

// atStep reports a problem with a step, at its place.
func (l *loader) atStep(st engine.Step, hint, format string, args ...any) {
	l.diags = append(l.diags, diag.Diagnostic{File: l.file, Line: st.Line, Col: st.Col, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// readArgument reads `read: S1` (a register) or `read: {server: S1, key:
// x}` (a kv store).
func (l *loader) readArgument(st *engine.Step, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		st.Server, _ = l.server(v, "read")
		if l.ex.Config.StateMachine == engine.KV {
			l.at(v, "write `read: {server: S1, key: x}`", "a kv store is read by key")
		}
		return
	}
	for _, p := range l.mapping(v, "read", []string{"server", "key"}) {
		switch p.key {
		case "server":
			st.Server, _ = l.server(p.v, "read")
		case "key":
			if k, ok := l.text(p.v, "read key", false); ok {
				st.Key = k
			}
		}
	}
	if !l.hasKeys(v, "server") {
		l.at(v, "write `read: S1` or `read: {server: S1, key: x}`", "read needs a server")
	}
	if st.Key == "" && l.ex.Config.StateMachine == engine.KV {
		l.at(v, "write `read: {server: S1, key: x}`", "a kv store is read by key")
	}
	if st.Key != "" && l.ex.Config.StateMachine != engine.KV {
		l.at(v, "a register holds one value: write `read: S1`", "a register has no keys")
	}
}

var sessionName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,7}$`) })

// numberCommand gives a session's command its serial number (§8): the one
// the step says (a retry repeats one), or the client's next.
func (l *loader) numberCommand(st *engine.Step, v *yaml.Node) {
	if st.Session == "" {
		if st.Seq != 0 {
			l.at(v, "add `session: c1`: a serial number belongs to a client's session", "seq needs a session")
		}
		return
	}
	if l.lastSeq == nil {
		l.lastSeq = map[string]int{}
	}
	if st.Seq == 0 {
		st.Seq = l.lastSeq[st.Session] + 1
	}
	l.lastSeq[st.Session] = max(l.lastSeq[st.Session], st.Seq)
}
