package exercise

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/yaml"
)

var initialKeys = []string{"term", "voted_for", "role", "log", "commit"}

// loadInitial reads the state servers start in, for setups such as the
// paper's Figures 6, 7 and 8. Servers it does not list start empty.
func (l *loader) loadInitial(n *yaml.Node) {
	if n == nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "initial must map server names to their state, not %s", kindName(n))
		return
	}
	byID := l.statesByServer(n, "initial", l.initialState)
	leaderOf := map[int]string{}
	for _, id := range l.ex.Config.Servers {
		st, ok := byID[id]
		if !ok {
			continue
		}
		if st.Role == engine.Leader {
			if other, two := leaderOf[st.Term]; two {
				l.at(n, "Election Safety allows one leader per term (§5.2)", "initial makes both %s and %s leader of term %d", other, id, st.Term)
			}
			leaderOf[st.Term] = id
		}
		l.ex.Initial = append(l.ex.Initial, st)
	}
	l.checkInitialCommits(n)
	if len(l.diags) == 0 { // the election check assumes a state otherwise sound
		l.checkInitialElections(n)
	}
}

// checkInitialElections: an entry of term t was written by the leader of
// term t, and that leader was elected by a majority, each of which then
// has term t and voted for it, or a later term (§5.2). Without such a
// majority, a server still before term t could later be elected leader of
// term t too, which Raft never allows. (When no server is before term t,
// nobody can stand for term t and nothing more is needed.)
func (l *loader) checkInitialElections(n *yaml.Node) {
	state := map[string]engine.InitialState{}
	for _, in := range l.ex.Initial {
		state[in.ID] = in.InitialState
	}
	leaderOf := map[int]string{}
	why := map[int]string{}
	for _, id := range l.ex.Config.Servers {
		st := state[id]
		if st.Role == engine.Leader {
			leaderOf[st.Term] = id
			why[st.Term] = fmt.Sprintf("%s leads term %d", id, st.Term)
		}
		for _, e := range st.Log {
			if _, ok := why[e.Term]; !ok {
				why[e.Term] = fmt.Sprintf("%s's log has an entry of term %d, which only a leader of term %d could have written", id, e.Term, e.Term)
			}
		}
	}
	for _, t := range slices.Sorted(maps.Keys(why)) {
		var before []string
		for _, id := range l.ex.Config.Servers {
			if state[id].Term < t {
				before = append(before, id)
			}
		}
		if len(before) == 0 || l.electedBy(state, t, leaderOf[t]) {
			continue
		}
		who := "that leader"
		if leaderOf[t] != "" {
			who = leaderOf[t]
		}
		l.at(n, fmt.Sprintf("give a majority of the servers term %d and voted_for: %s, or a later term", t, who),
			"%s, elected by a majority (%d of %d), yet %s still before term %d and too few servers voted in it: a second leader of term %d could be elected",
			why[t], l.ex.Config.Majority(), len(l.ex.Config.Servers), isAre(before), t, t)
	}
}

// electedBy reports whether a majority holds a later term than t, or term
// t with its vote for leader (for any one server, when leader is "").
func (l *loader) electedBy(state map[string]engine.InitialState, t int, leader string) bool {
	candidates := l.ex.Config.Servers
	if leader != "" {
		candidates = []string{leader}
	}
	for _, c := range candidates {
		n := 0
		for _, id := range l.ex.Config.Servers {
			st := state[id]
			if st.Term > t || (st.Term == t && st.VotedFor == c) {
				n++
			}
		}
		if n >= l.ex.Config.Majority() {
			return true
		}
	}
	return false
}

func isAre(ids []string) string {
	if len(ids) == 1 {
		return ids[0] + " is"
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1] + " are"
}

// checkInitialCommits: an entry is committed only once a majority stores it
// (§5.3), so each server's commit index must be held, with the same term,
// by a majority of the servers' initial logs.
func (l *loader) checkInitialCommits(n *yaml.Node) {
	logs := map[string]engine.Log{}
	for _, in := range l.ex.Initial {
		logs[in.ID] = in.Log
	}
	for _, in := range l.ex.Initial {
		c := in.Commit
		if c == 0 || c > in.Log.LastIndex() {
			continue
		}
		var holders []string
		for _, id := range l.ex.Config.Servers {
			if logs[id].LastIndex() >= c && logs[id].TermAt(c) == in.Log.TermAt(c) {
				holders = append(holders, id)
			}
		}
		if len(holders) < l.ex.Config.Majority() {
			l.at(n, fmt.Sprintf("an entry is committed only once a majority (%d of %d) stores it; add it to more logs or lower the commit", l.ex.Config.Majority(), len(l.ex.Config.Servers)),
				"%s's commit %d covers entry %d, which only %s hold", in.ID, c, c, strings.Join(holders, ", "))
		}
	}
}

func (l *loader) initialState(id string, n *yaml.Node) (engine.InitialState, bool) {
	var st engine.InitialState
	errs := len(l.diags)
	var termNode, commitNode, voteNode *yaml.Node
	for _, p := range l.mapping(n, "the initial state of "+id, initialKeys) {
		switch p.key {
		case "term":
			st.Term, _ = l.integer(p.v, id+"'s term", 0, engine.MaxTerm)
			termNode = p.v
		case "voted_for":
			voteNode = p.v
			if p.v.ShortTag() != "!!null" {
				st.VotedFor, _ = l.server(p.v, id+"'s voted_for")
			}
		case "role":
			if s, ok := l.choice(p.v, id+"'s role", []string{"follower", "candidate", "leader"}); ok {
				st.Role, _ = engine.ParseRole(s)
			}
		case "log":
			st.Log = l.initialLog(id, p.v)
		case "commit":
			st.Commit, _ = l.integer(p.v, id+"'s commit", 0, 100_000)
			commitNode = p.v
		}
	}
	if len(l.diags) > errs {
		return st, false
	}
	if t := st.Log.LastTerm(); st.Term < t {
		l.at(orNode(termNode, n), fmt.Sprintf("a server's currentTerm is at least the term of every entry it stores; give %s term %d or more", id, t),
			"%s's term %d is below the term %d of its last log entry", id, st.Term, t)
	}
	if st.Commit > st.Log.LastIndex() {
		l.at(commitNode, "commitIndex counts entries of the server's own log", "%s's commit %d is beyond its log of %d entries", id, st.Commit, st.Log.LastIndex())
	}
	if st.Role != engine.Follower {
		if st.VotedFor != "" && st.VotedFor != id {
			l.at(voteNode, "a candidate votes for itself when it starts an election (§5.2)", "%s is a %s but voted for %s", id, st.Role, st.VotedFor)
		}
		st.VotedFor = id
		if st.Term == 0 {
			l.at(orNode(termNode, n), "elections start at term 1", "%s cannot be a %s in term 0", id, st.Role)
		}
	}
	return st, len(l.diags) == errs
}

func orNode(a, b *yaml.Node) *yaml.Node {
	if a != nil {
		return a
	}
	return b
}

// initialLog reads log entries in any of the three notations: 3 (term
// only), "3:x=2" and {term: 3, value: x=2}.
func (l *loader) initialLog(id string, n *yaml.Node) engine.Log {
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "%s's log must be a list of entries, not %s", id, kindName(n))
		return nil
	}
	if len(n.Content) > engine.MaxLogLength {
		l.at(n, fmt.Sprintf("the sheets hold at most %d entries per log; shorten it", engine.MaxLogLength),
			"%s's log has %d entries", id, len(n.Content))
		return nil
	}
	var log engine.Log
	for i, c := range n.Content {
		c = l.resolve(c)
		what := fmt.Sprintf("%s's log entry %d", id, i+1)
		e, ok := l.entry(c, what)
		if !ok {
			continue
		}
		if t := log.LastTerm(); e.Term < t {
			l.at(c, "terms in a log never decrease (§5.3)", "%s has term %d, after an entry of term %d", what, e.Term, t)
		}
		log = append(log, e)
	}
	return log
}

func (l *loader) entry(n *yaml.Node, what string) (engine.Entry, bool) {
	var e engine.Entry
	switch {
	case n.Kind == yaml.MappingNode:
		ok := true
		hasTerm := false
		for _, p := range l.mapping(n, what, []string{"term", "value"}) {
			switch p.key {
			case "term":
				e.Term, ok = l.integer(p.v, what+"'s term", 1, engine.MaxTerm)
				hasTerm = true
			case "value":
				var good bool
				e.Value, good = l.text(p.v, what+"'s value", false)
				ok = ok && good
			}
		}
		if !hasTerm {
			l.errorf(n, "%s has no term", what)
			return e, false
		}
		return e, ok && l.command(n, what, e.Value)
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int":
		t, ok := l.integer(n, what+"'s term", 1, engine.MaxTerm)
		return engine.Entry{Term: t}, ok
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str":
		termText, value, _ := strings.Cut(n.Value, ":")
		t, err := strconv.Atoi(strings.TrimSpace(termText))
		if err != nil {
			l.at(n, `write "term:value", such as "2:x=2", or {term: 2, value: x=2}`, "%s %q does not start with a term", what, n.Value)
			return e, false
		}
		if t < 1 || t > engine.MaxTerm {
			l.errorf(n, "%s's term must be between 1 and %d, not %d", what, engine.MaxTerm, t)
			return e, false
		}
		e = engine.Entry{Term: t, Value: value}
		return e, l.printable(n, what, value, false) && l.command(n, what, value)
	}
	l.errorf(n, "%s must be a term, \"term:value\" or {term, value}, not %s", what, kindName(n))
	return e, false
}

// command checks a client value: a kv state machine needs "key=value".
func (l *loader) command(n *yaml.Node, what, value string) bool {
	if len([]rune(value)) > engine.MaxValueRunes {
		l.errorf(n, "%s is %d characters long; keep values under %d", what, len([]rune(value)), engine.MaxValueRunes)
		return false
	}
	if value == "" || l.ex.Config.StateMachine != engine.KV {
		return true
	}
	if _, _, ok := engine.ParseKV(value); !ok {
		l.at(n, `a kv state machine takes commands such as "x=3" or "x←3"`, "%s %q is not a key-value command", what, value)
		return false
	}
	return true
}

// statesByServer reads a mapping of server names to states (initial:, a
// question's state:) with read, naming what in its errors: each server
// once, the line of its name kept.
func (l *loader) statesByServer(n *yaml.Node, what string, read func(id string, v *yaml.Node) (engine.InitialState, bool)) map[string]engine.InitialServer {
	byID := map[string]engine.InitialServer{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := l.resolve(n.Content[i]), l.resolve(n.Content[i+1])
		id, ok := l.server(k, what)
		if !ok {
			continue
		}
		if _, dup := byID[id]; dup {
			l.errorf(k, "%s lists %s twice", what, id)
			continue
		}
		if st, ok := read(id, v); ok {
			byID[id] = engine.InitialServer{ID: id, Line: k.Line, InitialState: st}
		}
	}
	return byID
}
