package pipeline

import (
	"fmt"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/raftsheet/raftsheet/worksheet"
)

// Options are the options of a build of ex: the template and paper
// named ("" takes the exercise's own, from its worksheet: settings, which
// name a built-in template), with no stamp.
func Options(ex *exercise.Exercise, template, paper string) (worksheet.Options, error) {
	load := templates.Load
	if template == "" {
		template, load = ex.Worksheet.Template, templates.Builtin
	}
	tpl, err := load(template)
	if err != nil {
		return worksheet.Options{}, &SettingError{Setting: "template", Err: err}
	}
	if paper == "" {
		paper = ex.Worksheet.Paper
	}
	p, err := page.ParsePaper(paper)
	if err != nil {
		return worksheet.Options{}, &SettingError{Setting: "paper", Err: fmt.Errorf("%s: %w", ex.File, err)}
	}
	return worksheet.Options{Template: tpl, Paper: p}, nil
}

// SettingError is a template or paper a build cannot use.
type SettingError struct {
	Setting string // "template" or "paper"
	Err     error
}

func (e *SettingError) Error() string { return e.Err.Error() }

func (e *SettingError) Unwrap() error { return e.Err }
