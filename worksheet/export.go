package worksheet

import (
	"fmt"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// OptionsFor are the options of a build of ex: the template and paper
// named ("" takes the exercise's own, from its worksheet: settings), with
// no stamp.
func OptionsFor(ex *exercise.Exercise, template, paper string) (Options, error) {
	if template == "" {
		template = ex.Worksheet.Template
	}
	tpl, err := templates.Load(template)
	if err != nil {
		return Options{}, err
	}
	if paper == "" {
		paper = ex.Worksheet.Paper
	}
	p, err := page.ParsePaper(paper)
	if err != nil {
		return Options{}, fmt.Errorf("%s: %w", ex.File, err)
	}
	return Options{Template: tpl, Paper: p}, nil
}

// WriteFiles writes every file, each into place only once all are
// written: a failure leaves the files of the previous build as they were.
func WriteFiles(files map[string][]byte) error { return writeFilesAtomically(files) }
