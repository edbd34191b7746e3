package engine

import (
	"fmt"
	"strings"
)

// Script is what the runner plays (Run): the cluster, the state its
// servers start in, its clock, and the steps. The exercise format
// (package exercise) reads one from YAML, with the prose and settings
// around it.
type Script struct {
	Config  Config
	Initial []InitialServer // in cluster order; servers not listed start empty
	Timing  *Timing         // nil: the script has no clock
	Steps   []Step
}

// InitialServer is one server's state before step 1, for Figure 6/7/8-style
// setups.
type InitialServer struct {
	ID   string
	Line int
	InitialState
}

// InitialState is what an exercise may set for a server before step 1.
type InitialState struct {
	Term     int
	VotedFor string
	Role     Role
	Log      Log // the entries after the snapshot, if there is one
	Commit   int
	// Snapshot is what the server's log was compacted into before step 1
	// (§7); nil when nothing was.
	Snapshot *Snapshot
}

// StepKind is what a script step does.
type StepKind int

const (
	StepTimeout StepKind = iota
	StepDeliver
	StepDrop
	StepDuplicate
	StepClient
	StepHeartbeat
	StepStabilize
	StepPartition
	StepHeal
	StepCrash
	StepRestart
	StepRun
	StepSnapshot // §7: a server compacts its log
	StepRead     // §8: a client's read-only request
	StepConfig   // §6: a membership change
)

// StepKinds are the keys of the YAML step kinds, in StepKind order.
var StepKinds = []string{"timeout", "deliver", "drop", "duplicate", "client", "heartbeat", "stabilize", "partition", "heal", "crash", "restart", "run",
	"snapshot", "read", "config"}

func (k StepKind) String() string { return StepKinds[k] }

// Step is one scripted event with its narrative.
type Step struct {
	Kind      StepKind
	Line, Col int
	Server    string    // timeout, client, heartbeat, crash, restart, snapshot
	Value     string    // client
	Session   string    // client, with sessions: the client (§8)
	Seq       int       // client, with sessions: the command's serial number
	Index     int       // snapshot: through which index; 0 for lastApplied
	Key       string    // read, of a kv store: the key
	Change    Change    // config
	Selection Selection // deliver, drop, duplicate
	Groups    [][]string
	Note      string   // for everyone: the event as the teacher announces it, a question
	Explain   string   // for the key only: what happens and why
	NoteOn    *NoteOn  // a run step: which of its events the note describes; nil: the first
	Ask       []string // servers the student fills in; nil means all
	AskWhy    bool     // the student writes the rules behind the step
	WhyRules  []Rule   // the rules the step's question is about, when the script names them
	AskSet    bool     // whether the script said ask at all
	At        *int     // a timed exercise: when the step happens (ms)
	// run: how long the clock advances, or until when.
	RunFor, RunUntil int
	RunIsUntil       bool
}

// ScriptError is why a script cannot run to its end: a step that cannot
// happen or breaks a safety property, or an initial state Raft could
// never reach. The exercise format turns it into a Diagnostic naming the
// file.
type ScriptError struct {
	Step      int // the script step (from 1); 0 for the initial state
	Line, Col int // where the script has it; 0 when nowhere
	Msg       string
	Hint      string // what to do, when that helps
	Err       error  // the cause: an *InvariantError when a safety property broke
}

func (e *ScriptError) Error() string {
	s := fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

func (e *ScriptError) Unwrap() error { return e.Err }

// NoteOn picks the event of a `run:` step that its note describes: the
// first one at time At (if set) whose server is Server (if set) — the
// server whose timer fires, or one a message arrives at.
type NoteOn struct {
	At     *int
	Server string
}

// picks reports whether event e, with messages arriving at servers to,
// is one n describes.
func (n *NoteOn) picks(e timedEvent, to []string) bool {
	if n.At != nil && e.At != *n.At {
		return false
	}
	if n.Server == "" {
		return true
	}
	if e.Kind == arrivals {
		for _, id := range to {
			if id == n.Server {
				return true
			}
		}
		return false
	}
	return e.Server == n.Server
}

func (n *NoteOn) String() string {
	var parts []string
	if n.Server != "" {
		parts = append(parts, "server "+n.Server)
	}
	if n.At != nil {
		parts = append(parts, fmt.Sprintf("at %dms", *n.At))
	}
	return strings.Join(parts, ", ")
}
