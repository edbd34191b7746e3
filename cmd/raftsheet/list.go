package main

import (
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/spf13/cobra"
)

func listCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in exercises",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tSERVERS\tTEACHING GOAL")
			for _, name := range exercises.Names() {
				ex, err := exercises.Builtin(name)
				if err != nil {
					return err
				}
				goal := ex.Goal
				if goal == "" {
					goal = ex.Title
				}
				fmt.Fprintf(tw, "%s\t%d\t%s\n", name, len(ex.Config.Servers), goal)
			}
			return tw.Flush()
		},
	}
}
