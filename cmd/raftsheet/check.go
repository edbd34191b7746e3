package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/raftsheet/raftsheet/class"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/spf13/cobra"
)

func checkCmd() *cobra.Command {
	var opt checkOptions
	cmd := &cobra.Command{
		Use:   "check ANSWERS.yaml...",
		Short: "Grade answer files against their variants' keys",
		Long: `Grade each answer file (written from "raftsheet answers", or a class set's
<id>-answers.yaml) against the key of the sheet it names (its exercise,
code, template and paper): every field right, wrong or missing, with the
key's answer and the rule of the Raft paper behind it, and a score.

A blank or unreadable answer is missing, not an error; spelling is
forgiving (case, quotes, "-" or "none" for nothing, L for leader, yes/ok/✓,
1:sally for sally; see the README). A spare box (one the key leaves empty)
counts only if something is written in it. With --report DIR, also write
DIR/scores.csv (a row per file) and DIR/report.pdf, one page of the fields
the class missed most, grouped by the rule behind them.`,
		Example:           "  raftsheet check ada.yaml\n  raftsheet check out/partition/class/*-answers.yaml --report out/partition/report",
		Args:              needs(1, -1, "answer files (ANSWERS.yaml)"),
		ValidArgsFunction: completeYAMLFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, args, opt)
		},
	}
	cmd.Flags().StringVar(&opt.exercise, "exercise", "", "the exercise FILE the codes of your own exercise belong to")
	cmd.Flags().StringVar(&opt.template, "template", "", "the template FILE the sheets of your own template were built with")
	cmd.Flags().StringVar(&opt.report, "report", "", "also write DIR/scores.csv and DIR/report.pdf")
	opt.paper = choiceFlag(cmd, "paper", "a4", "the report's paper: a4 or letter", papers...)
	cmd.MarkFlagDirname("report")
	cmd.RegisterFlagCompletionFunc("exercise", completeYAMLFile)
	cmd.RegisterFlagCompletionFunc("template", completeYAMLFile)
	cmd.Flags().BoolVarP(&opt.verbose, "verbose", "v", false, "list the right answers too")
	return cmd
}

type checkOptions struct {
	exercise, template, report string
	paper                      *choice
	verbose                    bool
}

func runCheck(cmd *cobra.Command, files []string, opt checkOptions) error {
	paper, err := page.ParsePaper(opt.paper.value)
	if err != nil {
		return fmt.Errorf("--paper: %w", err)
	}
	checker := &class.Checker{Exercise: opt.exercise, Template: opt.template}
	grades := make([]*class.Grade, len(files))
	errs := make([]error, len(files))
	pipeline.Parallel(len(files), 0, func(i int) { grades[i], errs[i] = checker.CheckFile(files[i]) })
	var ok []*class.Grade
	for i, g := range grades {
		if errs[i] != nil {
			reportError(cmd.ErrOrStderr(), errs[i])
			continue
		}
		for _, w := range g.Warnings {
			warn(cmd.ErrOrStderr(), "%s", w)
		}
		printGrade(textsafe.Writer{W: cmd.OutOrStdout()}, g, opt.verbose)
		ok = append(ok, g)
	}
	if opt.report != "" && len(ok) > 0 {
		if err := writeReport(cmd, opt.report, ok, paper); err != nil {
			return err
		}
	}
	if failed := len(files) - len(ok); failed > 0 {
		return fmt.Errorf("%d of %d answer files could not be graded", failed, len(files))
	}
	return nil
}

// printGrade prints a file's score, then each wrong and missing field
// (each right one too when verbose) with the key's answer and its rule.
// What it quotes of the student's file is clipped (and w escapes it).
func printGrade(w io.Writer, g *class.Grade, verbose bool) {
	who := textsafe.Line(clip(g.Header.Student.Name, 60))
	switch id := textsafe.Line(clip(g.Header.Student.ID, 60)); {
	case id != "" && who != "":
		who = fmt.Sprintf("%s (%s)", who, id)
	case id != "":
		who = "student " + id
	case who == "":
		who = "no student named"
	}
	if g.Header.Code != "" {
		who += " · " + g.Header.Code
	}
	fmt.Fprintf(w, "%s: %s · %d right, %d wrong, %d missing of %d · %.1f%%\n",
		g.File, who, g.Right, g.Wrong, g.Missing, g.Counted(), g.Score())
	for _, m := range g.Marks {
		if m.Verdict == class.Skipped || (m.Verdict == class.Right && !verbose) {
			continue
		}
		key := m.Field.KeyText()
		if m.Field.Spare() {
			key = "(nothing: a spare box)"
		}
		line := fmt.Sprintf("  %-7s %s", m.Verdict, m.Field.ID)
		if m.Line > 0 {
			line += fmt.Sprintf(" (line %d)", m.Line)
		}
		switch {
		case m.Verdict == class.Wrong:
			line += fmt.Sprintf(": wrote %s, key %s", textsafe.Quote(m.Written, 80), key)
		case m.Note != "":
			line += fmt.Sprintf(": %s; key %s", m.Note, key)
		default:
			line += ": key " + key
		}
		fmt.Fprintf(w, "%s · %s\n", line, m.Field.Rule)
	}
}

func writeReport(cmd *cobra.Command, dir string, grades []*class.Grade, paper page.Paper) error {
	csv, err := class.ScoresCSV(grades)
	if err != nil {
		return err
	}
	report, err := class.ReportPDF(grades, paper)
	if err != nil {
		return err
	}
	files := map[string][]byte{filepath.Join(dir, "scores.csv"): csv, filepath.Join(dir, "report.pdf"): report}
	if err := pipeline.WriteFiles(files); err != nil {
		return errors.Join(errors.New("writing the report"), err)
	}
	fmt.Fprintf(cmd.OutOrStdout(), "%s/scores.csv and report.pdf: %d students\n", dir, len(grades))
	return nil
}

// clip shortens what a student wrote to at most n characters for a
// line of the report.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
