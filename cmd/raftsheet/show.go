package main

import (
	"fmt"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/spf13/cobra"
)

// schemaLine is the first line of an exercise that `show` prints: editors
// with the YAML language server check the file as it is typed against the
// schema `raftsheet schema` writes.
const schemaLine = "# yaml-language-server: $schema=raftsheet.schema.json\n" +
	"# (for checking as you type: raftsheet schema > raftsheet.schema.json, beside this file)\n"

func showCmd() *cobra.Command {
	var template choice
	template.allowed = templates.Names()
	cmd := &cobra.Command{
		Use:   "show NAME | --template KIND",
		Short: "Print a built-in exercise or template, to start your own from",
		Long: `Print the YAML of a built-in exercise (see "raftsheet list"), or with
--template that of a built-in worksheet template: the way to start your
own. The exercise starts with a line that lets editors with the YAML
language server check it as you type, against the schema that
"raftsheet schema" writes.`,
		Example: "  raftsheet show partition > my-exercise.yaml\n" +
			"  raftsheet show partition | raftsheet validate -\n" +
			"  raftsheet show --template trace > my-trace.yaml",
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 || cmd.Flags().Changed("template") {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return builtinNames(toComplete), cobra.ShellCompDirectiveNoFileComp
		},
		Args: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("template") {
				if len(args) > 0 {
					return usagef("show --template prints a template, and takes no exercise (was given %s)", quoteAll(args))
				}
				return nil
			}
			return needs(1, 1, "one built-in exercise NAME (see raftsheet list), or --template roleplay|trace")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if template.value != "" {
				src, err := templates.Source(template.value)
				if err != nil {
					return err
				}
				_, err = cmd.OutOrStdout().Write(src)
				return err
			}
			src, err := exercises.BuiltinSource(args[0])
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), schemaLine+string(src))
			return err
		},
	}
	cmd.Flags().Var(&template, "template", "print the built-in template roleplay or trace instead")
	cmd.RegisterFlagCompletionFunc("template", cobra.FixedCompletions(templates.Names(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
