package exercise

import "github.com/raftsheet/raftsheet/engine"

// QuestionKinds are the exam questions an exercise may ask: the questions
// `raftsheet ask` answers (explore.Kinds; a test keeps the two lists equal).
var QuestionKinds = []string{"who-can-win", "committed", "reachable", "goal", "mutant"}

// Question is one exam question (the exam template, questions:): what it
// asks, after which script step, about which servers or entries, for how
// many points. The answers come from exploring every possible future
// (package explore); the exam sheets draw the cluster as it is after the
// step and the boxes the kind needs.
type Question struct {
	Kind  string // one of QuestionKinds
	After int    // the script step after which it is asked; 0: the state before step 1
	// Servers: who-can-win, the candidates asked about; committed, whose
	// log entries. Nil: every server.
	Servers []string
	// Indexes: committed, the log indexes asked about; nil: all.
	Indexes []int
	// Goal: goal, the condition in the goal language of `raftsheet ask`.
	Goal string
	// State: reachable, the cluster state asked about, as initial: writes
	// one but read as written (it may break Raft's rules: that is the
	// question); nil asks about the exercise's own initial state.
	State []engine.InitialServer
	// Events are the answers whose proof the student writes as a sequence
	// of events: who-can-win, candidates (how does it win?); committed,
	// entries (how is it lost?). goal and mutant always ask for one.
	Events []EventTarget
	Points int    // the question's points; 0: one per answer box
	Text   string // the question in the teacher's words, on the worksheet; "": worded from its kind
	// Line and Col are where the exercise has it, for diagnostics.
	Line, Col int
}

// EventTarget names an answer a question asks the events of: a candidate
// (who-can-win), or an entry by index, and term when the asked logs hold
// different entries there (committed).
type EventTarget struct {
	Server      string
	Index, Term int
}

// Mutated reports whether the exercise breaks rules on purpose.
func (ex *Exercise) Mutated() bool { return len(ex.Config.Options.Mutate) > 0 }
