package exercise

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/yaml"
)

// stepExtras are keys any step may carry beside its kind.
var stepExtras = []string{"note", "explain", "note_on", "ask", "why", "at", "vary"}

func (l *loader) loadSteps(root, n *yaml.Node) {
	if n == nil && l.misspelt["steps"] {
		return
	}
	if n == nil {
		l.at(root, "add `steps:` with a list of events such as `- timeout: S1`", "the exercise has no `steps`")
		return
	}
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "steps must be a list of events, not %s", kindName(n))
		return
	}
	if len(n.Content) == 0 {
		l.at(n, "add events such as `- timeout: S1`", "steps is empty")
		return
	}
	if len(n.Content) > engine.MaxScriptSteps {
		l.at(n.Content[engine.MaxScriptSteps], "split it into several exercises", "the exercise has %d steps; the sheets hold at most %d", len(n.Content), engine.MaxScriptSteps)
		return
	}
	var nodes []*yaml.Node
	for _, c := range n.Content {
		if l.tooBig() {
			l.errorf(c, "the exercise is too large to read (more than %d YAML nodes, perhaps through aliases)", maxNodes)
			return
		}
		c = l.resolve(c)
		if st, vary, ok := l.step(c); ok {
			l.ex.Steps = append(l.ex.Steps, st)
			l.ex.Vary = append(l.ex.Vary, vary)
			nodes = append(nodes, c)
		}
	}
	l.checkTimedSteps(nodes)
}

// step reads one step, and the servers its vary: hint lets a variant
// swap (nil when it has none).
func (l *loader) step(n *yaml.Node) (engine.Step, []string, bool) {
	st := engine.Step{Line: n.Line, Col: n.Column}
	var vary []string
	errs := len(l.diags)
	switch n.Kind {
	case yaml.ScalarNode: // a step with no argument: "- stabilize", "- heal"
		kind, ok := l.stepKind(n, n.Value)
		if !ok {
			return st, vary, false
		}
		st.Kind = kind
		if kind != engine.StepStabilize && kind != engine.StepHeal {
			l.at(n, fmt.Sprintf("write it as `- %s: ...`", n.Value), "the step `%s` needs an argument", n.Value)
		}
		return st, vary, len(l.diags) == errs
	case yaml.MappingNode:
	default:
		l.at(n, "write a step as `- timeout: S1`, `- deliver: all`, `- heal`, …", "a step must be an event, not %s", kindName(n))
		return st, vary, false
	}
	var kinds []pair
	var noteOn *yaml.Node
	for _, p := range l.mappingOf(n, "a step", "step", append(append([]string{}, engine.StepKinds...), stepExtras...)) {
		switch p.key {
		case "note":
			st.Note, _ = l.text(p.v, "note", true)
		case "explain":
			st.Explain, _ = l.text(p.v, "explain", true)
		case "note_on":
			noteOn = p.v
		case "ask":
			st.Ask, st.AskSet = l.ask(p.v), true
		case "why":
			st.AskWhy, st.WhyRules = l.why(p.v)
		case "at":
			if v, ok := l.millis(p.v, "at", 0); ok {
				st.At = &v
			}
		case "vary":
			vary = l.vary(p.v)
		default:
			kinds = append(kinds, p)
		}
	}
	switch len(kinds) {
	case 0:
		if len(l.diags) == errs {
			l.at(n, "the kinds are "+strings.Join(engine.StepKinds, ", "), "this step says no event")
		}
		return st, vary, false
	case 1:
	default:
		l.at(kinds[1].k, "split them into two steps, one after the other", "a step holds one event, but this one has both `%s` and `%s`", kinds[0].key, kinds[1].key)
		return st, vary, false
	}
	k, _ := l.stepKind(kinds[0].k, kinds[0].key)
	st.Kind = k
	l.stepArgument(&st, kinds[0].v)
	if noteOn != nil {
		st.NoteOn = l.noteOn(noteOn, st)
	}
	if vary != nil && st.Server != "" && !slices.Contains(vary, st.Server) {
		l.at(n, fmt.Sprintf("list %s too: vary names the servers that may take its place", st.Server),
			"vary does not include %s, the server of this step", st.Server)
	}
	return st, vary, len(l.diags) == errs
}

func (l *loader) stepKind(n *yaml.Node, word string) (engine.StepKind, bool) {
	for i, k := range engine.StepKinds {
		if k == word {
			return engine.StepKind(i), true
		}
	}
	hint := "the kinds are " + strings.Join(engine.StepKinds, ", ")
	if g := diag.Suggest(word, engine.StepKinds); g != "" {
		hint = fmt.Sprintf("did you mean `%s`?", g)
	}
	l.at(n, hint, "unknown step `%s`", word)
	return 0, false
}

func (l *loader) stepArgument(st *engine.Step, v *yaml.Node) {
	switch st.Kind {
	case engine.StepTimeout, engine.StepHeartbeat, engine.StepCrash, engine.StepRestart:
		st.Server, _ = l.server(v, st.Kind.String())
	case engine.StepClient:
		for _, p := range l.mapping(v, "client", []string{"server", "value", "session", "seq"}) {
			switch p.key {
			case "session":
				if !l.ex.Config.Options.Sessions {
					l.at(p.k, "turn them on with `options: {sessions: true}`", "client sessions are off in this exercise")
				} else if id, ok := l.text(p.v, "session", false); ok {
					st.Session = id
					if !sessionName().MatchString(id) {
						l.at(p.v, "name the client with a letter, then letters or digits, such as c1", "session %q is not a plain name", id)
					}
				}
			case "seq":
				st.Seq, _ = l.integer(p.v, "seq", 1, 1_000_000)
			case "server":
				st.Server, _ = l.server(p.v, "client")
			case "value":
				if s, ok := l.text(p.v, "the client's value", false); ok && l.command(p.v, "the client's value", s) {
					st.Value = s
					if s == "" {
						l.at(p.v, "give the command the client sends, such as sally or x=3", "the client's value is empty")
					}
				}
			}
		}
		if v.Kind == yaml.MappingNode && (st.Server == "" || st.Value == "") && !l.hasKeys(v, "server", "value") {
			l.at(v, "write `client: {server: S1, value: sally}`", "client needs both a server and a value")
		}
		l.numberCommand(st, v)
	case engine.StepDeliver, engine.StepDrop, engine.StepDuplicate:
		st.Selection = l.selection(v, st.Kind.String())
	case engine.StepPartition:
		st.Groups = l.groups(v)
	case engine.StepRun:
		l.runArgument(st, v)
	case engine.StepSnapshot:
		l.snapshotArgument(st, v)
	case engine.StepRead:
		l.readArgument(st, v)
	case engine.StepConfig:
		l.configArgument(st, v)
	case engine.StepStabilize, engine.StepHeal:
		if v.ShortTag() != "!!null" {
			l.at(v, fmt.Sprintf("write `- %s` on its own", st.Kind), "`%s` takes no value", st.Kind)
		}
	}
}

func (l *loader) hasKeys(n *yaml.Node, keys ...string) bool {
	found := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		if slices.Contains(keys, n.Content[i].Value) {
			found++
		}
	}
	return found == len(keys)
}

// selection reads `all`, a message number, {id: 7}, {from:, to:, type:} or
// a list of them.
func (l *loader) selection(n *yaml.Node, verb string) engine.Selection {
	if n.Kind == yaml.SequenceNode {
		if len(n.Content) == 0 {
			l.at(n, "write `all`, {id: 7} or {from: S1, to: S2}", "%s: the list of messages is empty", verb)
			return nil
		}
		var out engine.Selection
		for _, c := range n.Content {
			if sel, ok := l.selector(l.resolve(c), verb); ok {
				out = append(out, sel)
			}
		}
		return out
	}
	if sel, ok := l.selector(n, verb); ok {
		return engine.Selection{sel}
	}
	return nil
}

func (l *loader) selector(n *yaml.Node, verb string) (engine.Selector, bool) {
	hint := "write `all`, a message number such as 7, {id: 7}, or {from: S1, to: S2, type: AppendEntries}"
	switch {
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int":
		id, ok := l.integer(n, verb+": the message number", 1, 1<<30)
		return engine.Selector{ID: id}, ok
	case n.Kind == yaml.ScalarNode && n.Value == "all":
		return engine.Selector{All: true}, true
	case n.Kind != yaml.MappingNode:
		l.at(n, hint, "%s cannot pick messages by %s", verb, kindName(n))
		return engine.Selector{}, false
	}
	var sel engine.Selector
	ok := true
	pairs := l.mapping(n, verb, []string{"id", "from", "to", "type"})
	for _, p := range pairs {
		switch p.key {
		case "id":
			var good bool
			sel.ID, good = l.integer(p.v, verb+": the message id", 1, 1<<30)
			ok = ok && good
			if len(pairs) > 1 {
				l.at(p.k, "a message number picks one message; drop the other keys", "%s: `id` cannot be combined with from, to or type", verb)
				ok = false
			}
		case "from", "to":
			id, good := l.server(p.v, verb+" "+p.key)
			ok = ok && good
			if p.key == "from" {
				sel.From = id
			} else {
				sel.To = id
			}
		case "type":
			t, good := l.messageType(p.v, verb)
			sel.Type, sel.HasType = t, good
			ok = ok && good
		}
	}
	if len(pairs) == 0 && len(n.Content) == 0 {
		l.at(n, hint, "%s: the selector is empty", verb)
		ok = false
	}
	return sel, ok
}

func (l *loader) messageType(n *yaml.Node, verb string) (engine.MessageType, bool) {
	s, ok := l.text(n, verb+" type", false)
	if !ok {
		return 0, false
	}
	if t, ok := engine.ParseMessageType(s); ok {
		return t, true
	}
	hint := "the types are " + strings.Join(engine.MessageTypeNames(), ", ")
	if g := diag.Suggest(s, engine.MessageTypeNames()); g != "" {
		hint = fmt.Sprintf("did you mean `%s`?", g)
	}
	l.at(n, hint, "%s: unknown message type %q", verb, s)
	return 0, false
}

// groups reads a partition: a list of groups, each a list of servers.
func (l *loader) groups(n *yaml.Node) [][]string {
	hint := "write `partition: [[S1, S2], [S3, S4, S5]]`; servers in no group are cut off alone"
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		l.at(n, hint, "partition must be a list of groups of servers, not %s", kindName(n))
		return nil
	}
	seen := map[string]bool{}
	var out [][]string
	for _, g := range n.Content {
		g = l.resolve(g)
		if g.Kind != yaml.SequenceNode || len(g.Content) == 0 {
			l.at(g, hint, "each group of a partition must be a non-empty list of servers, not %s", kindName(g))
			continue
		}
		var group []string
		for _, c := range g.Content {
			c = l.resolve(c)
			id, ok := l.server(c, "partition")
			if !ok {
				continue
			}
			if seen[id] {
				l.at(c, "each server belongs to exactly one group", "partition names %s twice", id)
				continue
			}
			seen[id] = true
			group = append(group, id)
		}
		out = append(out, group)
	}
	return out
}

// ask reads which servers the student fills in at a step: a list of
// servers, `all`, or `none`.
func (l *loader) ask(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "all":
			return append([]string{}, l.ex.Config.Servers...)
		case "none":
			return []string{}
		}
		if id, ok := l.server(n, "ask"); ok {
			return []string{id}
		}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		l.at(n, "write `ask: [S1, S3]`, `ask: all` or `ask: none`", "ask must list servers, not %s", kindName(n))
		return nil
	}
	out := []string{}
	for _, c := range n.Content {
		if id, ok := l.server(l.resolve(c), "ask"); ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// vary reads the servers a per-student variant may swap at this step.
func (l *loader) vary(n *yaml.Node) []string {
	hint := "write `vary: [S1, S2, S3]`: the servers that may take each other's place"
	if n.Kind != yaml.SequenceNode {
		l.at(n, hint, "vary must list servers, not %s", kindName(n))
		return nil
	}
	if len(n.Content) < 2 {
		count := fmt.Sprintf("%d servers", len(n.Content))
		if len(n.Content) == 1 {
			count = "1 server"
		}
		l.at(n, hint, "vary lists %s; list two or more", count)
		return nil
	}
	out := []string{}
	for _, c := range n.Content {
		if id, ok := l.server(l.resolve(c), "vary"); ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// noteOn reads which event of a run: step its note describes: a server
// (`note_on: S3`), or `{server: S3, at: 240ms}` with either left out.
func (l *loader) noteOn(n *yaml.Node, st engine.Step) *engine.NoteOn {
	if st.Kind != engine.StepRun {
		l.at(n, "leave it out: the note of any other step is on that step", "note_on is for run: steps, whose events it picks from")
		return nil
	}
	if st.Note == "" && st.Explain == "" {
		l.at(n, "add the note, or leave note_on out", "note_on says where the note goes, but the step has no note or explain")
		return nil
	}
	on := &engine.NoteOn{}
	switch n.Kind {
	case yaml.ScalarNode:
		on.Server, _ = l.server(n, "note_on")
	case yaml.MappingNode:
		for _, p := range l.mappingOf(n, "note_on", "note_on", []string{"server", "at"}) {
			switch p.key {
			case "server":
				on.Server, _ = l.server(p.v, "note_on.server")
			case "at":
				if v, ok := l.millis(p.v, "note_on.at", 0); ok {
					on.At = &v
				}
			}
		}
	default:
		l.at(n, "write `note_on: S3` or `note_on: {server: S3, at: 240ms}`", "note_on must name a server or be a mapping, not %s", kindName(n))
		return nil
	}
	return on
}

// why reads a step's why: true or false, or the keys of the rules its
// question is about (why: [win-election, committed]), which the key then
// gives instead of every rule the engine applied in the step.
func (l *loader) why(n *yaml.Node) (bool, []engine.Rule) {
	if n.Kind != yaml.SequenceNode {
		ask, _ := l.boolean(n, "why")
		return ask, nil
	}
	if len(n.Content) == 0 {
		l.errorf(n, "why lists no rule: name at least one by its key (win-election, committed, …: the README lists them), or write why: true")
		return false, nil
	}
	var keys []string
	for _, r := range engine.Rules() {
		keys = append(keys, r.Key())
	}
	var out []engine.Rule
	for _, k := range n.Content {
		key, ok := l.choice(k, "a rule of why", keys)
		if !ok {
			continue
		}
		r, _ := engine.RuleByKey(key)
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return true, out
}
