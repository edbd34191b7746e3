package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/raftsheet/raftsheet/templates"
	"github.com/spf13/cobra"
)

// choice is a flag whose value is one of a few words, taken in any case
// (--paper A4 is --paper a4). Its values are also its completions.
type choice struct {
	value   string
	allowed []string
}

func (c *choice) String() string { return c.value }
func (c *choice) Type() string   { return strings.Join(c.allowed, "|") }

func (c *choice) Set(s string) error {
	for _, a := range c.allowed {
		if strings.EqualFold(strings.TrimSpace(s), a) {
			c.value = a
			return nil
		}
	}
	return choiceError{allowed: c.allowed, got: s}
}

// choiceError is a value a choice flag does not take.
type choiceError struct {
	allowed []string
	got     string
}

func (e choiceError) Error() string {
	return fmt.Sprintf("must be %s, not %q", orList(e.allowed), e.got)
}

// orList is "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// choiceFlag defines a choice flag on cmd, with completion of its values.
func choiceFlag(cmd *cobra.Command, name, value, usage string, allowed ...string) *choice {
	c := &choice{value: value, allowed: allowed}
	cmd.Flags().Var(c, name, usage)
	cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// The choices several commands share.
var (
	papers  = []string{"a4", "letter"}
	formats = []string{"text", "json"}
)

// paperFlag is --paper: a4 or letter, or "" for the exercise's own.
func paperFlag(cmd *cobra.Command, usage string) *choice {
	return choiceFlag(cmd, "paper", "", usage, papers...)
}

// formatFlag is --format: text (the default) or json.
func formatFlag(cmd *cobra.Command, usage string) *choice {
	return choiceFlag(cmd, "format", "text", usage, formats...)
}

// templateFlag is --template: a built-in template, named in any case, or
// a template FILE.
type templateFlag struct{ value string }

func (t *templateFlag) String() string { return t.value }
func (t *templateFlag) Type() string   { return "roleplay|trace|exam|FILE" }

// Set keeps a file's name as it is; any other value that is a built-in
// template's name in another case becomes that name (--template Trace).
func (t *templateFlag) Set(s string) error {
	t.value = s
	if _, err := os.Stat(s); err == nil {
		return nil
	}
	for _, name := range templates.Names() {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			t.value = name
		}
	}
	return nil
}

// addTemplateFlag defines --template on cmd, completing the built-in
// templates and YAML files.
func addTemplateFlag(cmd *cobra.Command) *templateFlag {
	t := &templateFlag{}
	cmd.Flags().Var(t, "template", "roleplay, trace, exam, or a template FILE (default: the exercise's)")
	cmd.RegisterFlagCompletionFunc("template", completeTemplate)
	return t
}
