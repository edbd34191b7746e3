package main

import (
	"bytes"
	"fmt"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/moodle"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/spf13/cobra"
)

func exportCmd() *cobra.Command {
	var variants int
	var out string
	tpl := &templateFlag{}
	cmd := &cobra.Command{
		Use:   "export moodle FILE|NAME... [--variants N]",
		Short: "Export exam questions to Moodle XML (Cloze questions), to run them online",
		Long: `Export the exam questions of exercises (their questions:, as the exam
template asks them) to Moodle XML: one category per exercise, holding one
Cloze question per variant (--variants N; the exercise itself without it),
so that a quiz's random question from the category gives each student a
variant. Each answer box becomes an embedded answer Moodle grades: multiple
choice (yes or no, committed or at risk, a rule), numerical (a candidate's
votes) or short answer (a server that can win); sequences of events stay on
paper, where raftsheet check runs them. The general feedback holds the key.

Import it in Moodle under Question bank → Import, format "Moodle XML",
with "Get category from file" ticked.`,
		Example:           "  raftsheet export moodle exam-figure7 exam-figure8 -o raft-exam.xml\n  raftsheet export moodle exam-figure8 --variants 20 > figure8.xml",
		Args:              needs(2, -1, "the format (moodle) and "+exerciseArg),
		ValidArgsFunction: completeExport,
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] != "moodle" {
				return usagef("export writes moodle, not %q", args[0])
			}
			if variants < 0 || variants > moodle.MaxVariants {
				return usagef("--variants must be between 0 and %d, not %d", moodle.MaxVariants, variants)
			}
			name := tpl.value
			if name == "" {
				name = templates.KindExam
			}
			t, err := templates.Load(name)
			if err != nil {
				return err
			}
			if t.Kind != templates.KindExam {
				return fmt.Errorf("--template %s is a %s template; export words the questions with an exam template", name, t.Kind)
			}
			var sets []moodle.Set
			for _, arg := range args[1:] {
				ex, err := exercises.Load(arg)
				if err != nil {
					return err
				}
				s, err := moodle.SetOf(ex, variants)
				if err != nil {
					return err
				}
				sets = append(sets, s)
			}
			var b bytes.Buffer
			if err := moodle.Write(&b, sets, t); err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err := cmd.OutOrStdout().Write(b.Bytes())
				return err
			}
			if err := pipeline.WriteFiles(map[string][]byte{out: b.Bytes()}); err != nil {
				return err
			}
			what := fmt.Sprintf("%d exercises", len(sets))
			if len(sets) == 1 {
				what = "1 exercise"
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s, Moodle XML (%d KB)\n", out, what, (b.Len()+1023)/1024)
			return nil
		},
	}
	cmd.Flags().IntVar(&variants, "variants", 0, "export variants 1…N of each exercise, one Cloze question each (default: the exercise itself)")
	cmd.Flags().StringVarP(&out, "out", "o", "", "file to write (default: the standard output)")
	cmd.Flags().Var(tpl, "template", "an exam template FILE, for the questions' words (default: the built-in exam)")
	return cmd
}

// completeExport completes the format, then exercises.
func completeExport(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return []string{"moodle"}, cobra.ShellCompDirectiveNoFileComp
	}
	return completeExercise(cmd, args, toComplete)
}
