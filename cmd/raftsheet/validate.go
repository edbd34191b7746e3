package main

import (
	"errors"
	"fmt"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/spf13/cobra"
)

func validateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE|NAME...",
		Short: "Check exercises without writing anything",
		Long: `Check exercises as run and build would, without writing anything: the
YAML, every key and value, the initial state, and the whole run. Every
problem is reported as file:line:col with what to do; the exit status is 0
when all exercises are valid and 1 otherwise.`,
		Example: "  raftsheet validate my-exercise.yaml\n  raftsheet validate exercises/*.yaml",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			failed := 0
			for _, arg := range args {
				summary, err := validate(arg)
				if err != nil {
					failed++
					reportError(err)
					continue
				}
				fmt.Println(summary)
			}
			if failed > 0 {
				return errSilent{fmt.Errorf("%d of %d exercises have problems", failed, len(args))}
			}
			return nil
		},
	}
}

// validate loads and runs one exercise, and lays out its worksheet and
// key in memory with its own template and paper, as build would: that
// catches what only the sheets can (a character the fonts lack, an
// exercise too big for a template). It says what it found.
func validate(arg string) (string, error) {
	src, err := exercises.Find(arg)
	if err != nil {
		return "", err
	}
	ex, err := exercise.Load(src.File, src.Name, src.Bytes)
	if err != nil {
		return "", err
	}
	opt, err := pipeline.Options(ex, "", "")
	if err != nil {
		return "", err
	}
	sheet, err := pipeline.Target{Exercise: ex, Ref: arg}.LayOut(opt, "")
	if err != nil {
		return "", err
	}
	tr := sheet.Trace
	return fmt.Sprintf("%s: ok (%d servers, %d steps, highest term %d, longest log %d; %s sheets of %d pages)",
		src.File, len(tr.Servers), len(tr.Steps), tr.MaxTerm(), tr.MaxLogLength(), ex.Worksheet.Template, len(sheet.Doc.Of(false))), nil
}

// errSilent is a failure already reported in full: main prints only its
// one-line summary.
type errSilent struct{ error }

func isSilent(err error) bool {
	var s errSilent
	return errors.As(err, &s)
}
