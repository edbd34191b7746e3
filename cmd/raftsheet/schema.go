package main

import (
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/spf13/cobra"
)

func schemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the exercise format",
		Long: `Print a JSON Schema (draft 2020-12) of the exercise format, with a
description of every key, for editors that check YAML as you type. Save it
and point your editor at it, e.g. with the YAML language server:

  raftsheet schema > raftsheet.schema.json
  # yaml-language-server: $schema=raftsheet.schema.json   (first line of the exercise)`,
		Args: needs(0, 0, ""),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := cmd.OutOrStdout().Write(exercise.Schema)
			return err
		},
	}
}
