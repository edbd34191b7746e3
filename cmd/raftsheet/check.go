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

A blank or unreadable answer is missing, not an error, but where the key
has nothing (–: no vote, a follower's nextIndex) a blank is right. The
final value of a box without the values struck before it is half right
(history missing). Spelling is forgiving (case, quotes, "-" or "none" for
nothing, L for leader, yes/ok/✓, 1:sally for sally; see the README). A
spare box (one the key leaves empty) counts only if something is written
in it; on the trace, where blank means unchanged, the unchanged value
written again does not count either. A file with nothing written is blank and scores 0.

An answer file names its exercise, never a path: for an exercise of your
own, name its file with --exercise or its class set with --class. With
--class, the class set's manifest also says which variant, which part
(the server a student plays) and which fields each student is graded on,
and the report lists the students with no file. Grading refuses (exit 1)
a variant whose exercise or engine now gives other answers than when its
sheets were made.

--report DIR also writes DIR/scores.csv (a row per file and per absent
student) and DIR/report.pdf: one page of what the class got wrong, by
the rule behind it, wrong answers first, blanks apart. --format json
prints every file's result; --format gradescope prints Gradescope's
results.json (a test per rule; see the README).`,
		Example: "  raftsheet check ada.yaml\n  raftsheet check out/partition/class/*-answers.yaml --class out/partition/class --report out/partition/report\n" +
			"  raftsheet check submission/*.yaml --class class --format gradescope > results/results.json",
		Args:              needs(1, -1, "answer files (ANSWERS.yaml)"),
		ValidArgsFunction: completeYAMLFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, args, opt)
		},
	}
	cmd.Flags().StringVar(&opt.exercise, "exercise", "", "the exercise FILE the codes of your own exercise belong to")
	cmd.Flags().StringVar(&opt.template, "template", "", "the course template FILE the sheets were built with (check never opens a file an answer file names)")
	cmd.Flags().StringVar(&opt.class, "class", "", "the class set's folder (or its manifest.json) the files belong to")
	cmd.Flags().StringVar(&opt.grade, "grade", "", "the fields to grade: all, asked, or id patterns such as 'S*.log[*].term, step1?.*' (default: as the class set says)")
	cmd.Flags().StringVar(&opt.report, "report", "", "also write DIR/scores.csv and DIR/report.pdf")
	opt.paper = choiceFlag(cmd, "paper", "a4", "the report's paper: a4 or letter", papers...)
	opt.format = choiceFlag(cmd, "format", "text", "text, json, or gradescope (results.json)", "text", "json", "gradescope")
	cmd.MarkFlagDirname("report")
	cmd.MarkFlagDirname("class")
	cmd.RegisterFlagCompletionFunc("exercise", completeYAMLFile)
	cmd.RegisterFlagCompletionFunc("template", completeYAMLFile)
	cmd.Flags().Float64Var(&opt.points, "points", 0, "gradescope: scale the score to N points (default: a point a field)")
	cmd.Flags().BoolVar(&opt.summary, "summary", false, "one line per file")
	cmd.Flags().BoolVarP(&opt.verbose, "verbose", "v", false, "list the right answers too")
	return cmd
}

type checkOptions struct {
	exercise, template, class, grade, report string
	paper, format                            *choice
	points                                   float64
	summary, verbose                         bool
}

func runCheck(cmd *cobra.Command, files []string, opt checkOptions) error {
	paper, err := page.ParsePaper(opt.paper.value)
	if err != nil {
		return fmt.Errorf("--paper: %w", err)
	}
	checker := &class.Checker{Exercise: opt.exercise, Template: opt.template}
	if opt.class != "" {
		if checker.Class, err = class.ReadManifest(opt.class); err != nil {
			return err
		}
	}
	if opt.grade != "" {
		sel, err := class.ParseSelection(opt.grade)
		if err != nil {
			return fmt.Errorf("--grade: %w", err)
		}
		checker.Grade = &sel
	}
	grades := make([]*class.Grade, len(files))
	errs := make([]error, len(files))
	pipeline.Parallel(len(files), 0, func(i int) { grades[i], errs[i] = checker.CheckFile(files[i]) })
	var ok []*class.Grade
	failed := map[string]error{}
	for i, g := range grades {
		if errs[i] != nil {
			failed[files[i]] = errs[i]
			continue
		}
		ok = append(ok, g)
	}
	absent := class.Absent(checker.Class, ok)
	out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
	switch opt.format.value {
	case "gradescope":
		if err := writeJSON(cmd, class.Gradescope(ok, failed, opt.points)); err != nil {
			return err
		}
	case "json":
		results := []class.FileResult{}
		for i := range files {
			if errs[i] != nil {
				results = append(results, class.ErrorResult(files[i], errs[i]))
			} else {
				results = append(results, class.Result(grades[i], opt.verbose))
			}
		}
		if err := writeJSON(cmd, struct {
			Files  []class.FileResult    `json:"files"`
			Absent []class.ManifestEntry `json:"absent"`
		}{results, append([]class.ManifestEntry{}, absent...)}); err != nil {
			return err
		}
	default:
		for i, g := range grades {
			if errs[i] != nil {
				reportError(errOut, errs[i])
				continue
			}
			for _, w := range g.Warnings {
				warn(errOut, "%s", w)
			}
			printGrade(textsafe.Writer{W: out}, g, opt.verbose, opt.summary)
		}
		printClass(textsafe.Writer{W: out}, ok, absent)
	}
	if opt.report != "" && len(ok) > 0 {
		if err := writeReport(cmd, opt.report, ok, absent, paper, opt.format.value == "text"); err != nil {
			return err
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d answer files could not be graded", len(failed), len(files))
	}
	return nil
}

// printGrade prints a file's score, then (unless summary) each field not
// right (every one when verbose) with the key's answer and its rule.
// What it quotes of the student's file is clipped (and w escapes it).
func printGrade(w io.Writer, g *class.Grade, verbose, summary bool) {
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
	if g.Part != "" {
		who += " · " + g.Part
	}
	fmt.Fprintf(w, "%s: %s · %s\n", g.File, who, class.SummaryLine(g))
	if summary || g.Blank {
		return
	}
	for _, m := range g.Marks {
		if m.Verdict == class.Skipped || (m.Verdict == class.Right && !verbose) {
			continue
		}
		key := class.KeyText(m.Field)
		line := fmt.Sprintf("  %-7s %s", m.Verdict, m.Field.ID)
		if m.Line > 0 {
			line += fmt.Sprintf(" (line %d)", m.Line)
		}
		switch {
		case m.Verdict == class.Partial:
			fmt.Fprintf(w, "%s: wrote %s: the final value is right, the values before it are missing (key %s, all but the last struck through: strike old values, never erase)\n", line, textsafe.Quote(m.Written, 80), key)
			continue
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

// printClass sums up a class when several files were graded: the scores,
// the blank and absent (of the class set named), the rules most often
// got wrong.
func printClass(w io.Writer, grades []*class.Grade, absent []class.ManifestEntry) {
	if len(grades) < 2 {
		return
	}
	r := class.ReportData("", grades, absent)
	fmt.Fprintf(w, "\nclass: %d graded · mean %.1f%% (lowest %.1f%%, median %.1f%%, highest %.1f%%)", r.Files, r.Mean, r.Lowest, r.Median, r.Highest)
	if len(r.Blank) > 0 {
		fmt.Fprintf(w, " · %d blank", len(r.Blank))
	}
	if len(r.Absent) > 0 {
		fmt.Fprintf(w, " · %d absent", len(r.Absent))
	}
	fmt.Fprintln(w)
	for i, rule := range r.Rules {
		if i == 5 {
			fmt.Fprintf(w, "  … and %d more rules\n", len(r.Rules)-i)
			break
		}
		fmt.Fprintf(w, "  %d wrong, %d blank of %d · %s\n", rule.Wrong, rule.Blank, rule.Of, rule.Rule)
	}
	if len(r.History) > 0 {
		fmt.Fprintf(w, "  final value right, history missing: %d boxes\n", len(r.History))
	}
	for _, g := range []struct {
		what  string
		names []string
	}{{"blank", r.Blank}, {"absent", r.Absent}} {
		if len(g.names) > 0 {
			fmt.Fprintf(w, "  %s: %s\n", g.what, joinSome(g.names, 10))
		}
	}
}

func joinSome(names []string, n int) string {
	s := ""
	for i, name := range names {
		if i == n {
			return s + fmt.Sprintf(", and %d more", len(names)-n)
		}
		if i > 0 {
			s += ", "
		}
		s += name
	}
	return s
}

func writeReport(cmd *cobra.Command, dir string, grades []*class.Grade, absent []class.ManifestEntry, paper page.Paper, say bool) error {
	csv, err := class.ScoresCSV(grades, absent)
	if err != nil {
		return err
	}
	report, err := class.ReportPDF(grades, absent, paper)
	if err != nil {
		return err
	}
	files := map[string][]byte{filepath.Join(dir, "scores.csv"): csv, filepath.Join(dir, "report.pdf"): report}
	if err := pipeline.WriteFiles(files); err != nil {
		return errors.Join(errors.New("writing the report"), err)
	}
	if say {
		fmt.Fprintf(cmd.OutOrStdout(), "%s/scores.csv and report.pdf: %d files, %d absent\n", dir, len(grades), len(absent))
	}
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
