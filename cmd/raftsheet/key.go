package main

import (
	"fmt"
	"path/filepath"

	"github.com/raftsheet/raftsheet/class"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/spf13/cobra"
)

func keyCmd() *cobra.Command {
	var out, exercise, classDir string
	var template *templateFlag
	var paper *choice
	cmd := &cobra.Command{
		Use:   "key CODE",
		Short: "Rebuild one variant's answer key from its code",
		Long: `Rebuild the answer key of one student's variant from the code printed on
every page of its sheets (such as ` + exampleCode + `), into DIR/<name>/<CODE>-key.pdf:
byte for byte the key of that student in the class set.

A code names a built-in exercise and its variant; for an exercise of your
own, name its FILE with --exercise, or its class set with --class. Give
the class set's --template and --paper if it was built with others than
the exercise's own (--class says them).

The class set's manifest (--class DIR, else DIR/<name>/class under -o when
there is one) records the answers each code was issued with: key refuses
(exit 1) to rebuild a variant whose exercise or engine now gives other
answers, as the key would not be the one the students' sheets were made
with.`,
		Example:           "  raftsheet key " + exampleCode + "\n  raftsheet key " + exampleOwnCode + " --exercise my-exercise.yaml -o keys",
		Args:              needs(1, 1, "one variant CODE, as printed on the sheets"),
		ValidArgsFunction: firstArg(completeCode),
		RunE: func(cmd *cobra.Command, args []string) error {
			var set *class.Manifest
			if classDir != "" {
				m, err := class.ReadManifest(classDir)
				if err != nil {
					return err
				}
				set = m
				if exercise == "" {
					exercise = m.ExerciseFile
				}
			}
			t, err := pipeline.Locate(args[0], exercise)
			if err != nil {
				return err
			}
			if t.Code == "" {
				return usagef("%q is an exercise, not a variant code; `raftsheet build %s` makes its key", args[0], args[0])
			}
			if set == nil { // the class set a build with the same -o made, if any
				classDir = filepath.Join(out, t.Exercise.Name, "class")
				set, _ = class.ReadManifest(classDir)
			}
			tpl, pap := template.value, paper.value
			if set != nil && set.Exercise == t.Exercise.Name {
				if tpl == "" {
					tpl = set.Template
				}
				if pap == "" {
					pap = set.Paper
				}
			}
			sheet, err := t.Open(tpl, pap, "")
			if err != nil {
				return err
			}
			if set != nil && set.Exercise == t.Exercise.Name {
				if g, ok := set.Group(t.Code); ok && g.Hash != "" && g.Hash != class.ContentHash(sheet.Trace) {
					return fmt.Errorf("variant %s of %s (%s) now gives other answers than when the class set %s was built (%s then, %s now): its key would not be the students' sheets' key; rebuild it with the raftsheet and the exercise file the class set was built with, or rebuild the class set and hand out its new sheets",
						t.Code, t.Exercise.Name, t.Ref, classDir, g.Hash, class.ContentHash(sheet.Trace))
				}
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
	cmd.Flags().StringVar(&classDir, "class", "", "the class set's folder: its manifest gives the exercise, template, paper and the answers the code was issued with")
	cmd.MarkFlagDirname("out")
	cmd.MarkFlagDirname("class")
	cmd.RegisterFlagCompletionFunc("exercise", completeYAMLFile)
	return cmd
}
