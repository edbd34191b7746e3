package exercise

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
)

// Exercise is a loaded, checked YAML exercise (docs/ARCHITECTURE.md,
// "The exercise format"): the script the engine runs, with its prose and
// the settings of its sheets and variants.
type Exercise struct {
	Name    string // the file name without .yaml; a built-in's NAME
	File    string // the path errors name
	Title   string
	Goal    string // the teaching goal in one line, for `raftsheet list`
	Summary string // the story of the run, for the teacher: on the key's cover
	Brief   string // the students' introduction: on the worksheet's cover ("" : one is derived)
	engine.Script
	Worksheet WorksheetSettings
	Variants  VariantPolicy
	// Vary are the steps' vary: hints, one per step of the script (nil
	// for a step without one): the servers a variant may swap there.
	Vary [][]string
	// Questions are the exam questions (questions:), for the exam template.
	Questions []Question
	Source    []byte // the YAML it was loaded from, to point at a place in it
}

// Run plays the exercise's script (engine.Run) under its title, goal,
// summary and brief. A step that cannot happen, or an initial state Raft could never
// reach, is a Diagnostic naming the file, the line and the step.
func Run(ex *Exercise) (*engine.Trace, error) {
	tr, err := engine.Run(&ex.Script)
	var se *engine.ScriptError
	if errors.As(err, &se) {
		return nil, diag.Diagnostics{{File: ex.File, Line: se.Line, Col: se.Col, Msg: se.Msg, Hint: se.Hint, Err: se}}
	}
	if err != nil {
		return nil, err
	}
	tr.Title, tr.Goal, tr.Summary, tr.Brief = ex.Title, ex.Goal, ex.Summary, ex.Brief
	return tr, nil
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

// WorksheetSettings are the exercise's defaults for its sheets.
type WorksheetSettings struct {
	Template string // roleplay | trace | exam
	Paper    string // a4 | letter
}
