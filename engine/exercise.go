package engine

import (
	"strings"
	"unicode/utf8"
)

// Exercise is a loaded, checked YAML exercise (DESIGN.md, "Exercise format").
type Exercise struct {
	Name      string // the file name without .yaml; a built-in's NAME
	File      string // the path errors name
	Title     string
	Goal      string // the teaching goal in one line, for `raftsheet list`
	Summary   string
	Config    Config
	Initial   []InitialServer // in cluster order; servers not listed start empty
	Worksheet WorksheetSettings
	Timing    *Timing // nil: the exercise has no clock
	Variants  VariantPolicy
	Steps     []Step
	Source    []byte // the YAML it was loaded from, to point at a place in it
}

// Position is the line and column (1-based) where s first appears in the
// exercise's source, or 0, 0 when it does not.
func (ex *Exercise) Position(s string) (line, col int) {
	i := strings.Index(string(ex.Source), s)
	if i < 0 || s == "" {
		return 0, 0
	}
	before := string(ex.Source[:i])
	line = strings.Count(before, "\n") + 1
	return line, utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
}

// VariantPolicy says what per-student variants of the exercise may change.
type VariantPolicy struct {
	Names  bool // rename the servers from the name pool
	Values bool // replace client values from the word list
	Roles  bool // swap servers a step's vary: hint calls interchangeable
	Timing bool // draw the random timeouts from another seed
}

// AllVariation lets a variant change everything; the default.
var AllVariation = VariantPolicy{Names: true, Values: true, Roles: true, Timing: true}

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
	Log      Log
	Commit   int
}

// WorksheetSettings are the exercise's defaults for its sheets.
type WorksheetSettings struct {
	Template string // roleplay | trace
	Paper    string // a4 | letter
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
)

// StepKinds are the keys of the YAML step kinds, in StepKind order.
var StepKinds = []string{"timeout", "deliver", "drop", "duplicate", "client", "heartbeat", "stabilize", "partition", "heal", "crash", "restart", "run"}

func (k StepKind) String() string { return StepKinds[k] }

// Step is one scripted event with its narrative.
type Step struct {
	Kind      StepKind
	Line, Col int
	Server    string    // timeout, client, heartbeat, crash, restart
	Value     string    // client
	Selection Selection // deliver, drop, duplicate
	Groups    [][]string
	Note      string
	Ask       []string // servers the student fills in; nil means all
	AskSet    bool     // whether the script said ask at all
	At        *int     // a timed exercise: when the step happens (ms)
	Vary      []string // servers interchangeable here, for per-student variants
	// run: how long the clock advances, or until when.
	RunFor, RunUntil int
	RunIsUntil       bool
}
