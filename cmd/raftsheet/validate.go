package main

import (
	"errors"
	"fmt"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/spf13/cobra"
)

func validateCmd() *cobra.Command {
	var format *choice
	cmd := &cobra.Command{
		Use:   "validate FILE|NAME|-...",
		Short: "Check exercises without writing anything",
		Long: `Check exercises as run and build would, without writing anything: the
YAML, every key and value, the initial state, the whole run, and the sheets
laid out in the exercise's own template and paper. Every problem is
reported as file:line:col with what to do; the exit status is 0 when all
exercises are valid and 1 otherwise. - reads an exercise from the standard
input.

With --format json, a JSON array with one object per exercise: exercise,
file, builtin, ok, and either the run's size (servers, steps,
highest_term, longest_log, template, paper, pages, key_pages) or its
problems (file, line, col, message, hint).`,
		Example: "  raftsheet validate my-exercise.yaml\n  raftsheet validate exercises/*.yaml\n" +
			"  raftsheet show partition | raftsheet validate -",
		Args:              needs(1, -1, exerciseArg),
		ValidArgsFunction: completeExercise,
		RunE: func(cmd *cobra.Command, args []string) error {
			results := make([]validation, len(args))
			failed := 0
			for i, arg := range args {
				results[i] = validate(arg)
				if !results[i].OK {
					failed++
				}
			}
			if format.value == "json" {
				if err := writeJSON(cmd, results); err != nil {
					return err
				}
			} else {
				for _, r := range results {
					if r.err != nil {
						reportError(cmd.ErrOrStderr(), r.err)
						continue
					}
					fmt.Fprintln(cmd.OutOrStdout(), r.summary())
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d exercises have problems", failed, len(args))
			}
			return nil
		},
	}
	format = formatFlag(cmd, "output format: text, or json (one object per exercise)")
	return cmd
}

// validation is what validate found about one exercise; as JSON, what
// `validate --format json` prints for it.
type validation struct {
	Exercise    string    `json:"exercise"` // as named on the command line
	File        string    `json:"file,omitempty"`
	Builtin     bool      `json:"builtin"`
	OK          bool      `json:"ok"`
	Servers     int       `json:"servers,omitempty"`
	Steps       int       `json:"steps,omitempty"` // of the trace
	HighestTerm int       `json:"highest_term,omitempty"`
	LongestLog  int       `json:"longest_log,omitempty"`
	Template    string    `json:"template,omitempty"`
	Paper       string    `json:"paper,omitempty"`
	Pages       int       `json:"pages,omitempty"`     // of the worksheet
	KeyPages    int       `json:"key_pages,omitempty"` // of the key: the same and the teacher's notes
	Problems    []problem `json:"problems,omitempty"`
	err         error
}

// problem is one problem of an exercise, as JSON.
type problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

// validate loads and runs one exercise, and lays out its worksheet and
// key in memory with its own template and paper, as build would: that
// catches what only the sheets can (a character the fonts lack, an
// exercise too big for a template).
func validate(arg string) validation {
	v := validation{Exercise: arg}
	src, err := exercises.Find(arg)
	if err != nil {
		return v.failed(err)
	}
	v.File, v.Builtin = src.File, src.Builtin
	ex, err := exercise.Load(src.File, src.Name, src.Bytes)
	if err != nil {
		return v.failed(err)
	}
	opt, err := pipeline.Options(ex, "", "")
	if err != nil {
		return v.failed(err)
	}
	sheet, err := pipeline.Target{Exercise: ex, Ref: arg}.LayOut(opt, "")
	if err != nil {
		return v.failed(err)
	}
	tr := sheet.Trace
	v.OK = true
	v.Servers, v.Steps, v.HighestTerm, v.LongestLog = len(tr.Servers), len(tr.Steps), tr.MaxTerm(), tr.MaxLogLength()
	v.Template, v.Paper, v.Pages = opt.Template.Kind, opt.Paper.Name, len(sheet.Doc.Of(false))
	v.KeyPages = len(sheet.Doc.Of(true))
	return v
}

func (v validation) failed(err error) validation {
	v.err = err
	var ds diag.Diagnostics
	var d diag.Diagnostic
	switch {
	case errors.As(err, &ds):
		for _, d := range ds {
			v.Problems = append(v.Problems, problem{File: d.File, Line: d.Line, Col: d.Col, Message: d.Msg, Hint: d.Hint})
		}
	case errors.As(err, &d):
		v.Problems = []problem{{File: d.File, Line: d.Line, Col: d.Col, Message: d.Msg, Hint: d.Hint}}
	default:
		v.Problems = []problem{{Message: err.Error()}}
	}
	return v
}

// summary is the line validate prints for a valid exercise.
func (v validation) summary() string {
	what := v.File
	if v.Builtin {
		what = v.Exercise + " (the built-in exercise)"
	}
	return fmt.Sprintf("%s: ok (%d servers, %d steps, highest term %d, longest log %d; %s sheets of %d pages)",
		what, v.Servers, v.Steps, v.HighestTerm, v.LongestLog, v.Template, v.Pages)
}
