package main

import (
	"fmt"
	"path/filepath"

	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/spf13/cobra"
)

func keyCmd() *cobra.Command {
	var out, exercise, template, paper string
	cmd := &cobra.Command{
		Use:   "key CODE",
		Short: "Rebuild one variant's answer key from its code",
		Long: `Rebuild the answer key of one student's variant from the code printed on
every page of its sheets (such as PAR7-1KQ2), into DIR/<name>/<CODE>-key.pdf:
byte for byte the key of that student in the class set.

A code names a built-in exercise and its variant; for an exercise of your
own, name its FILE with --exercise. Give the class set's --template and
--paper if it was built with others than the exercise's own.`,
		Example: "  raftsheet key PAR7-1KQ2\n  raftsheet key MYE3-0K2J --exercise my-exercise.yaml -o keys",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := pipeline.Locate(args[0], exercise)
			if err != nil {
				return err
			}
			if t.Code == "" {
				return fmt.Errorf("%q is an exercise, not a variant code; `raftsheet build %s` makes its key", args[0], args[0])
			}
			sheet, err := t.Open(template, paper, "")
			if err != nil {
				return err
			}
			key, err := pdf.Render(sheet.Doc, true)
			if err != nil {
				return err
			}
			dir := filepath.Join(out, t.Exercise.Name)
			if err := pipeline.MakeOutputDir(dir); err != nil {
				return err
			}
			path := filepath.Join(dir, t.Code+"-key.pdf")
			if err := pipeline.WriteFiles(map[string][]byte{path: key}); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s  %d pages, %s, %s (%d KB): the key of variant %s of %s\n",
				path, len(sheet.Doc.Of(true)), sheet.Options.Template.Kind, sheet.Options.Paper.Name, (len(key)+1023)/1024, t.Code, t.Exercise.Name)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "out", "folder to write into: DIR/<name>/<CODE>-key.pdf")
	cmd.Flags().StringVar(&exercise, "exercise", "", "the exercise FILE a code of your own exercise belongs to")
	cmd.Flags().StringVar(&template, "template", "", "roleplay, trace, or a template FILE (default: the exercise's)")
	cmd.Flags().StringVar(&paper, "paper", "", "a4 or letter (default: the exercise's)")
	return cmd
}
