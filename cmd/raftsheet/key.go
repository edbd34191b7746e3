package main

import (
	"fmt"
	"path/filepath"

	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/spf13/cobra"
)

func keyCmd() *cobra.Command {
	var out, exercise string
	var template *templateFlag
	var paper *choice
	cmd := &cobra.Command{
		Use:   "key CODE",
		Short: "Rebuild one variant's answer key from its code",
		Long: `Rebuild the answer key of one student's variant from the code printed on
every page of its sheets (such as ` + exampleCode + `), into DIR/<name>/<CODE>-key.pdf:
byte for byte the key of that student in the class set.

A code names a built-in exercise and its variant; for an exercise of your
own, name its FILE with --exercise. Give the class set's --template and
--paper if it was built with others than the exercise's own.`,
		Example:           "  raftsheet key " + exampleCode + "\n  raftsheet key " + exampleOwnCode + " --exercise my-exercise.yaml -o keys",
		Args:              needs(1, 1, "one variant CODE, as printed on the sheets"),
		ValidArgsFunction: firstArg(completeCode),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := pipeline.Locate(args[0], exercise)
			if err != nil {
				return err
			}
			if t.Code == "" {
				return usagef("%q is an exercise, not a variant code; `raftsheet build %s` makes its key", args[0], args[0])
			}
			sheet, err := t.Open(template.value, paper.value, "")
			if err != nil {
				return err
			}
			key, err := pdf.Render(sheet.Doc, true)
			if err != nil {
				return err
			}
			dir, err := pipeline.OutputFolder(out, t.Exercise.Name)
			if err != nil {
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
	template = addTemplateFlag(cmd)
	paper = paperFlag(cmd, "a4 or letter (default: the exercise's)")
	cmd.MarkFlagDirname("out")
	cmd.RegisterFlagCompletionFunc("exercise", completeYAMLFile)
	return cmd
}
