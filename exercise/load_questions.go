package exercise

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/yaml"
)

var questionKeys = []string{"ask", "after", "servers", "entries", "goal", "state", "events", "points", "text"}

// maxQuestions bounds an exam: each question is explored and drawn.
const maxQuestions = 40

// loadQuestions reads questions: the exam questions, each asked after a
// step of the script. It runs after the steps are read, to check `after`.
func (l *loader) loadQuestions(n *yaml.Node) {
	if n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		l.at(n, "write `questions: [{ask: who-can-win, after: 1}]`", "questions must be a non-empty list of questions, not %s", kindName(n))
		return
	}
	if len(n.Content) > maxQuestions {
		l.at(n.Content[maxQuestions], "split them into several exercises", "the exercise has %d questions; an exam holds at most %d", len(n.Content), maxQuestions)
		return
	}
	if l.ex.Timing != nil {
		l.at(n, "leave timing: out: exam questions explore every event that could come next, which a clock would decide",
			"exam questions need an untimed exercise")
		return
	}
	for _, c := range n.Content {
		if q, ok := l.question(l.resolve(c)); ok {
			l.ex.Questions = append(l.ex.Questions, q)
		}
	}
}

func (l *loader) question(n *yaml.Node) (Question, bool) {
	q := Question{Line: n.Line, Col: n.Column}
	errs := len(l.diags)
	pairs := l.mapping(n, "a question", questionKeys)
	if n.Kind != yaml.MappingNode {
		return q, false
	}
	byKey := map[string]*yaml.Node{}
	for _, p := range pairs {
		byKey[p.key] = p.v
	}
	kind := byKey["ask"]
	if kind == nil {
		l.at(n, "the kinds are "+strings.Join(QuestionKinds, ", "), "this question does not say what it asks: add `ask: who-can-win` or another kind")
		return q, false
	}
	var ok bool
	if q.Kind, ok = l.choice(kind, "ask", QuestionKinds); !ok {
		return q, false
	}
	for _, p := range pairs {
		switch p.key {
		case "after":
			q.After, _ = l.integer(p.v, "after", 0, len(l.ex.Steps))
		case "servers":
			q.Servers = l.questionServers(p.v)
		case "entries":
			q.Indexes = l.questionIndexes(p.v)
		case "goal":
			q.Goal, _ = l.text(p.v, "goal", false)
		case "state":
			q.State = l.questionState(p.v)
		case "events":
			q.Events = l.questionEvents(p.v, q.Kind)
		case "points":
			q.Points, _ = l.integer(p.v, "points", 0, 100)
		case "text":
			q.Text, _ = l.text(p.v, "text", true)
		}
	}
	l.checkQuestion(n, byKey, q)
	return q, len(l.diags) == errs
}

// checkQuestion reports keys that do not fit the question's kind, and
// kinds that do not fit the exercise.
func (l *loader) checkQuestion(n *yaml.Node, byKey map[string]*yaml.Node, q Question) {
	fits := map[string][]string{
		"who-can-win": {"servers", "events"},
		"committed":   {"servers", "entries", "events"},
		"reachable":   {"state"},
		"goal":        {"goal"},
		"mutant":      {},
	}[q.Kind]
	for _, k := range []string{"servers", "entries", "goal", "state", "events"} {
		if byKey[k] != nil && !slices.Contains(fits, k) {
			l.at(byKey[k], "", "a %s question has no `%s`", q.Kind, k)
		}
	}
	switch {
	case q.Kind == "goal" && byKey["goal"] == nil && !l.misspelt["goal"]:
		l.at(n, "write the condition, such as `goal: two-leaders` (see raftsheet ask --help)", "a goal question needs `goal:`")
	case q.Kind == "mutant" && !l.ex.Mutated():
		l.at(n, "add `options: {mutate: [...]}`: the rules the cluster breaks", "a mutant question needs an exercise that breaks rules on purpose")
	case q.Kind != "mutant" && q.Kind != "goal" && l.ex.Mutated():
		l.at(n, "ask `mutant` (or a goal) of an exercise that breaks rules", "a %s question rests on Raft's theorems, which this exercise breaks on purpose (options.mutate)", q.Kind)
	case q.Kind == "reachable" && byKey["after"] != nil && q.After != 0:
		l.at(byKey["after"], "leave after: out, or write 0", "a reachable question asks about a state before step 1, not after step %d", q.After)
	}
}

func (l *loader) questionServers(n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		l.at(n, "write `servers: [S1, S3]`", "servers must list servers of the exercise, not %s", kindName(n))
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if id, ok := l.server(l.resolve(c), "servers"); ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (l *loader) questionIndexes(n *yaml.Node) []int {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		l.at(n, "write `entries: [1, 2]`: the log indexes asked about", "entries must list log indexes, not %s", kindName(n))
		return nil
	}
	var out []int
	for _, c := range n.Content {
		if i, ok := l.integer(l.resolve(c), "an entry's index", 1, engine.MaxLogLength); ok && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// questionEvents reads whose events the student writes: candidates for
// who-can-win, entries (an index, or {index, term}) for committed.
func (l *loader) questionEvents(n *yaml.Node, kind string) []EventTarget {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		l.at(n, "write `events: [S1]` (who-can-win) or `events: [2]` (committed)", "events must be a non-empty list, not %s", kindName(n))
		return nil
	}
	var out []EventTarget
	for _, c := range n.Content {
		c = l.resolve(c)
		var t EventTarget
		ok := false
		switch {
		case kind == "who-can-win":
			t.Server, ok = l.server(c, "events")
		case c.Kind == yaml.MappingNode:
			ok = true
			for _, p := range l.mapping(c, "an entry of events", []string{"index", "term"}) {
				var good bool
				if p.key == "index" {
					t.Index, good = l.integer(p.v, "events index", 1, engine.MaxLogLength)
				} else {
					t.Term, good = l.integer(p.v, "events term", 1, engine.MaxTerm)
				}
				ok = ok && good
			}
			if ok && t.Index == 0 {
				l.at(c, "write {index: 2, term: 3}", "an entry of events needs its index")
				ok = false
			}
		default:
			t.Index, ok = l.integer(c, "events: an entry's index", 1, engine.MaxLogLength)
		}
		if ok && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// questionState reads a reachable question's state: initial:'s notation,
// read as written. Only the format is checked here: whether Raft could
// reach it is the question.
func (l *loader) questionState(n *yaml.Node) []engine.InitialServer {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		l.at(n, "write it as initial: is written: `S1: {term: 2, log: [1, 2]}`", "state must map servers to their state, not %s", kindName(n))
		return nil
	}
	byID := l.statesByServer(n, "state", func(id string, v *yaml.Node) (engine.InitialState, bool) { return l.rawState(id, v), true })
	var out []engine.InitialServer
	for _, id := range l.ex.Config.Servers {
		if s, ok := byID[id]; ok {
			out = append(out, s)
		}
	}
	return out
}

// rawState is one server's state as written, its format checked only.
func (l *loader) rawState(id string, n *yaml.Node) engine.InitialState {
	var st engine.InitialState
	for _, p := range l.mapping(n, "the state of "+id, initialKeys) {
		switch p.key {
		case "term":
			st.Term, _ = l.integer(p.v, id+"'s term", 0, engine.MaxTerm)
		case "voted_for":
			if p.v.ShortTag() != "!!null" {
				st.VotedFor, _ = l.server(p.v, id+"'s voted_for")
			}
		case "role":
			if s, ok := l.choice(p.v, id+"'s role", []string{"follower", "candidate", "leader"}); ok {
				st.Role, _ = engine.ParseRole(s)
			}
		case "log":
			if p.v.Kind != yaml.SequenceNode {
				l.errorf(p.v, "%s's log must be a list of entries, not %s", id, kindName(p.v))
				continue
			}
			for i, c := range p.v.Content {
				if e, ok := l.entry(l.resolve(c), fmt.Sprintf("%s's log entry %d", id, i+1)); ok {
					st.Log = append(st.Log, e)
				}
			}
		case "commit":
			st.Commit, _ = l.integer(p.v, id+"'s commit", 0, engine.MaxLogLength)
		}
	}
	return st
}
