package main

import (
	"fmt"
	"os"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/spf13/cobra"
)

func runCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "run FILE|NAME",
		Short: "Run an exercise and print its trace, step by step",
		Long: `Run an exercise through the Raft engine and print what happens at every
step: the messages sent, delivered and lost, the reason for every change
(citing the paper), and every server's state after it.

NAME is a built-in exercise (see "raftsheet list"); FILE is a YAML exercise.`,
		Example: "  raftsheet run partition\n  raftsheet run my-exercise.yaml --format json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format must be text or json, not %q", format)
			}
			ex, err := exercises.Load(args[0])
			if err != nil {
				return err
			}
			tr, err := exercise.Run(ex)
			if err != nil {
				return err
			}
			if format == "json" {
				b, err := tr.JSON()
				if err != nil {
					return err
				}
				_, err = os.Stdout.Write(b)
				return err
			}
			return tr.WriteText(os.Stdout)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}
