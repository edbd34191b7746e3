package main

import (
	"fmt"

	"github.com/raftsheet/raftsheet/class"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/shortrun"
	"github.com/spf13/cobra"
)

func buildCmd() *cobra.Command {
	var opt pipeline.BatchOptions
	var cls classFlags
	var template *templateFlag
	var paper *choice
	cmd := &cobra.Command{
		Use:   "build [FILE|NAME|- ...]",
		Short: "Build printable worksheets and answer keys (PDF)",
		Long: `Build, for each exercise, DIR/<name>/worksheet.pdf and DIR/<name>/key.pdf:
the worksheet students fill in and the answer key, with the same pages.

NAME is a built-in exercise (see "raftsheet list"); FILE is a YAML exercise;
- reads one from the standard input (into DIR/stdin/). With no exercise
named, the built-in "partition" is built. The template and the paper
default to the exercise's own (worksheet: in its YAML); a template FILE is
a built-in template edited (labels in another language, other sizes):
"raftsheet show --template roleplay" prints one to start from.

With --variants N or --class ROSTER.csv, build a class set of one exercise
instead, in DIR/<name>/class/. Role-play: groups of as many students as the
exercise has servers share a variant, each student playing one server
(students left over play the network); trace: a variant per student.
  <id>-worksheet.pdf, <id>-answers.yaml   a student's pack and answer template
  group-N-key.pdf, group-N-slips.pdf      a role-play group's key and slips
  <id>-key.pdf                            a trace student's key
  worksheets.pdf, keys.pdf                the whole class, ready to print on both sides
  manifest.csv, manifest.json             who plays what, with which variant, in which files
The roster is a CSV with a header line naming at least the columns name
and id. The same --seed gives the same variants, byte for byte.`,
		Example: "  raftsheet build\n  raftsheet build election partition -o handouts --paper letter\n  raftsheet build my-exercise.yaml --template trace\n" +
			"  raftsheet build partition --variants 40 --seed 2026\n  raftsheet build partition --class roster.csv --seed 2026",
		ValidArgsFunction: completeExercise,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"partition"}
			}
			opt.Template, opt.Paper = template.value, paper.value
			if cmd.Flags().Changed("variants") && (cls.variants < 1 || cls.variants > class.MaxStudents) {
				return usagef("--variants must be between 1 and %d, not %d", class.MaxStudents, cls.variants)
			}
			if cls.wanted(cmd) || cmd.Flags().Changed("seed") {
				// A class set streams its groups to disk, a few at a time:
				// the live heap stays small whatever the class, and
				// collecting it less often saves time.
				shortrun.CollectLess(400)
				return buildClass(cmd, args, opt, cls)
			}
			// A short run that makes a few PDFs and exits: a build
			// allocates some 14 MB (partition) in the heap's huge pages
			// and ends before the collector would have freed any of it.
			shortrun.NoCollectionFor(shortrun.HeapRegion)
			results, err := pipeline.BuildAll(args, opt)
			if err != nil { // a bad --template: its FILE:LINE: lines
				reportError(cmd.ErrOrStderr(), err)
				return fmt.Errorf("nothing was built")
			}
			failed := 0
			for _, r := range results {
				if r.Err != nil {
					failed++
					reportError(cmd.ErrOrStderr(), r.Err)
					continue
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s/{worksheet,key}.pdf  %d and %d pages (the key ends with the teacher's notes), %s, %s (%d KB, %d KB)\n",
					r.Dir, r.Pages, r.KeyPages, r.Template, r.Paper, (r.Worksheet+1023)/1024, (r.Key+1023)/1024)
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d exercises failed", failed, len(results))
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&opt.OutDir, "out", "o", "out", "folder to write into: DIR/<name>/worksheet.pdf and key.pdf")
	template = addTemplateFlag(cmd)
	paper = paperFlag(cmd, "a4 or letter (default: the exercise's)")
	cls.register(cmd)
	cmd.MarkFlagDirname("out")
	cmd.RegisterFlagCompletionFunc("class", cobra.FixedCompletions([]string{"csv"}, cobra.ShellCompDirectiveFilterFileExt))
	return cmd
}
