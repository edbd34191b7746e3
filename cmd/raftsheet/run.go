package main

import (
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/spf13/cobra"
)

// exerciseArg is how the commands that take exercises say what one is.
const exerciseArg = "an exercise: a built-in NAME (see raftsheet list), a FILE, or - for the standard input"

func runCmd() *cobra.Command {
	var format *choice
	cmd := &cobra.Command{
		Use:   "run FILE|NAME|-",
		Short: "Run an exercise and print its trace, step by step",
		Long: `Run an exercise through the Raft engine and print what happens at every
step: the messages sent, delivered and lost, the reason for every change
(citing the paper), and every server's state after it.

NAME is a built-in exercise (see "raftsheet list"); FILE is a YAML exercise;
- reads one from the standard input.`,
		Example:           "  raftsheet run partition\n  raftsheet run my-exercise.yaml --format json",
		Args:              needs(1, 1, exerciseArg),
		ValidArgsFunction: firstArg(completeExercise),
		RunE: func(cmd *cobra.Command, args []string) error {
			ex, err := exercises.Load(args[0])
			if err != nil {
				return err
			}
			tr, err := exercise.Run(ex)
			if err != nil {
				return err
			}
			if format.value == "json" {
				b, err := tr.JSON()
				if err != nil {
					return err
				}
				_, err = cmd.OutOrStdout().Write(b)
				return err
			}
			return tr.WriteText(cmd.OutOrStdout())
		},
	}
	format = formatFlag(cmd, "output format: text or json (the trace contract of docs/ARCHITECTURE.md)")
	return cmd
}
