package main

import (
	"fmt"

	"github.com/raftsheet/raftsheet/class"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/spf13/cobra"
)

func answersCmd() *cobra.Command {
	var out, exercise string
	var template *templateFlag
	var paper *choice
	var key bool
	cmd := &cobra.Command{
		Use:   "answers NAME|FILE|CODE|-",
		Short: "Write a YAML answer template: every blank of the sheet by its field id",
		Long: `Write a YAML answer file to fill in: every box of the worksheet a student
writes in, by the field id printed small in its corner (S3.log[4].term,
step7.S2.votedFor, ae3.S2.ok), page by page in the order of the sheets,
each with a comment saying where it is. "raftsheet check" grades it.

NAME or FILE (or - for the standard input) is the exercise itself; a CODE
(such as ` + exampleCode + `) is one student's variant (for an exercise of your
own, name its FILE with --exercise). A class set already has each
student's file. With --key, the key's answers are filled in: a worked
answer file.`,
		Example:           "  raftsheet answers partition > answers.yaml\n  raftsheet answers " + exampleCode + " -o ada.yaml\n  raftsheet answers figure8 --template trace --key",
		Args:              needs(1, 1, "an exercise (a built-in NAME, a FILE or -) or a variant CODE"),
		ValidArgsFunction: firstArg(completeCodeOrExercise),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := pipeline.Locate(args[0], exercise)
			if err != nil {
				return err
			}
			sheet, err := t.Open(template.value, paper.value, "")
			if err != nil {
				return err
			}
			var fill func(*field.Field) string
			if key {
				fill = class.KeyAnswer
			}
			yaml := class.AnswerTemplate(class.HeaderOf(sheet, class.Student{}), sheet.Doc.Fields(), fill)
			if out == "" {
				_, err := cmd.OutOrStdout().Write(yaml)
				return err
			}
			if err := pipeline.WriteFiles(map[string][]byte{out: yaml}); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d fields\n", out, len(sheet.Doc.Fields()))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "write to FILE instead of the standard output")
	cmd.Flags().StringVar(&exercise, "exercise", "", "the exercise FILE a code of your own exercise belongs to")
	template = addTemplateFlag(cmd)
	paper = paperFlag(cmd, "a4 or letter (default: the exercise's)")
	cmd.RegisterFlagCompletionFunc("exercise", completeYAMLFile)
	cmd.Flags().BoolVar(&key, "key", false, "fill in the key's answers")
	return cmd
}
