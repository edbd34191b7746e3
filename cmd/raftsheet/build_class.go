package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/raftsheet/raftsheet/class"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/spf13/cobra"
)

// classFlags are build's flags for a class set.
type classFlags struct {
	variants int
	roster   string
	seed     uint64
	grade    string
}

func (c *classFlags) register(cmd *cobra.Command) {
	cmd.Flags().IntVar(&c.variants, "variants", 0, "build a class set of N variants (students numbered 1…N)")
	cmd.Flags().StringVar(&c.roster, "class", "", "build a class set for the students of a roster CSV (columns name and id)")
	cmd.Flags().Uint64Var(&c.seed, "seed", 1, "which variants a class set gets: the same seed gives the same files")
	cmd.Flags().StringVar(&c.grade, "grade", "", "the fields a class set grades, which its answer files hold: all, asked, or id patterns such as 'S*.log[*].term, step1?.*'")
}

// wanted reports whether the flags ask for a class set.
func (c *classFlags) wanted(cmd *cobra.Command) bool {
	return cmd.Flags().Changed("variants") || c.roster != "" || c.grade != ""
}

// students are the class: the roster's, or N numbered ones.
func (c *classFlags) students() ([]class.Student, error) {
	switch {
	case c.roster == "" && c.variants == 0:
		return nil, errors.New("--seed is for class sets: add --variants N or --class ROSTER.csv")
	case c.roster != "" && c.variants != 0:
		return nil, errors.New("give --class or --variants, not both")
	case c.roster != "":
		return class.ReadRosterFile(c.roster)
	case c.variants < 1 || c.variants > class.MaxStudents:
		return nil, fmt.Errorf("--variants must be between 1 and %d, not %d", class.MaxStudents, c.variants)
	}
	return class.Numbered(c.variants), nil
}

func buildClass(cmd *cobra.Command, args []string, opt pipeline.BatchOptions, c classFlags) error {
	if len(args) != 1 {
		return fmt.Errorf("a class set is of one exercise; build %d exercises one at a time", len(args))
	}
	students, err := c.students()
	if err != nil {
		return err
	}
	grade, err := class.ParseSelection(c.grade)
	if err != nil {
		return fmt.Errorf("--grade: %w", err)
	}
	ex, err := exercises.Load(args[0])
	if err != nil {
		return err
	}
	dir, err := pipeline.OutputFolder(opt.OutDir, ex.Name, "class")
	if err != nil {
		return err
	}
	progress := newProgress(os.Stderr, fmt.Sprintf("building the sheets of %d students", len(students)))
	set, err := class.Build(ex, students, class.Options{
		Dir: dir, Exercise: args[0], Template: opt.Template, Paper: opt.Paper,
		Seed: c.seed, Grade: grade, Progress: progress.update,
	})
	progress.done()
	if err != nil {
		return err
	}
	if ex.Variants == (class.NoVariation) {
		fmt.Fprintf(cmd.ErrOrStderr(), "note: %s forbids variation (variants: false); every student gets the same sheets under another code\n", ex.Name)
	}
	kb := func(n int64) int64 { return (n + 1023) / 1024 }
	if set.Plan.Roleplay {
		groups := fmt.Sprintf("%d groups", len(set.Plan.Groups))
		if len(set.Plan.Groups) == 1 {
			groups = "one group"
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%s/  %d students in %s, seed %d: worksheets.pdf (%d pages, %d KB: each student's pack, each group's slips) and keys.pdf (%d pages, %d KB: each group's key), ready to print on both sides; each student's worksheet and answer template, each group's key, slips and slips' answer template; manifest.csv and manifest.json\n  %s\n",
			set.Dir, len(set.Manifest.Students), groups, c.seed, set.Pages, kb(set.Worksheets), set.KeyPages, kb(set.Keys), set.Plan.Note)
	} else {
		fmt.Fprintf(cmd.OutOrStdout(), "%s/  %d students, seed %d: worksheets.pdf (%d pages, %d KB) and keys.pdf (%d pages, %d KB), ready to print on both sides; one worksheet, key and answer template each; manifest.csv and manifest.json\n",
			set.Dir, len(set.Manifest.Students), c.seed, set.Pages, kb(set.Worksheets), set.KeyPages, kb(set.Keys))
	}
	if g := set.Manifest.Grade; g != "all" {
		fmt.Fprintf(cmd.OutOrStdout(), "  graded fields: %s\n", g)
	}
	return nil
}
