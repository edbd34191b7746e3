package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/spf13/cobra"
)

// listEntry is one built-in exercise as `list --format json` prints it.
type listEntry struct {
	Name     string   `json:"name"`
	Title    string   `json:"title"`
	Goal     string   `json:"goal"`
	Servers  []string `json:"servers"`
	Template string   `json:"template"` // the exercise's own worksheet template
	Paper    string   `json:"paper"`
}

func listCmd() *cobra.Command {
	var format *choice
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the built-in exercises",
		Long: `List the built-in exercises: each one's NAME, number of servers and
teaching goal. "raftsheet show NAME" prints one's YAML; with --format json,
a JSON array of {name, title, goal, servers, template, paper}.`,
		Args: needs(0, 0, ""),
		RunE: func(cmd *cobra.Command, args []string) error {
			var entries []listEntry
			for _, name := range exercises.Names() {
				ex, err := exercises.Builtin(name)
				if err != nil {
					return err
				}
				entries = append(entries, listEntry{Name: name, Title: ex.Title, Goal: ex.Goal, Servers: ex.Config.Servers,
					Template: ex.Worksheet.Template, Paper: ex.Worksheet.Paper})
			}
			if format.value == "json" {
				return writeJSON(cmd, entries)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tSERVERS\tTEACHING GOAL")
			for _, e := range entries {
				goal := e.Goal
				if goal == "" {
					goal = e.Title
				}
				fmt.Fprintf(tw, "%s\t%d\t%s\n", e.Name, len(e.Servers), goal)
			}
			return tw.Flush()
		},
	}
	format = formatFlag(cmd, "output format: text or json")
	return cmd
}

// writeJSON prints v as indented JSON on the standard output.
func writeJSON(cmd *cobra.Command, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = cmd.OutOrStdout().Write(append(b, '\n'))
	return err
}
