package main

import (
	"fmt"

	"github.com/raftsheet/raftsheet/class"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/spf13/cobra"
)

func answersCmd() *cobra.Command {
	var out, exercise, template, paper string
	var key bool
	cmd := &cobra.Command{
		Use:   "answers NAME|FILE|CODE",
		Short: "Write a YAML answer template: every blank of the sheet by its field id",
		Long: `Write a YAML answer file to fill in: every box of the worksheet a student
writes in, by the field id printed small in its corner (S3.log[4].term,
step7.S2.votedFor, ae3.S2.ok), page by page in the order of the sheets,
each with a comment saying where it is. "raftsheet check" grades it.

NAME or FILE is the exercise itself; a CODE (such as PAR7-1KQ2) is one
student's variant (for an exercise of your own, name its FILE with
--exercise). A class set already has each student's file. With --key, the
key's answers are filled in: a worked answer file.`,
		Example: "  raftsheet answers partition > answers.yaml\n  raftsheet answers PAR7-1KQ2 -o ada.yaml\n  raftsheet answers figure8 --template trace --key",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := pipeline.Locate(args[0], exercise)
			if err != nil {
				return err
			}
			sheet, err := t.Open(template, paper, "")
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
	cmd.Flags().StringVar(&template, "template", "", "roleplay, trace, or a template FILE (default: the exercise's)")
	cmd.Flags().StringVar(&paper, "paper", "", "a4 or letter (default: the exercise's)")
	cmd.Flags().BoolVar(&key, "key", false, "fill in the key's answers")
	return cmd
}
