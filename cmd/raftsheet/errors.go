package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit statuses: a command that failed at its work, and a command line
// that asked for something raftsheet does not take (a misspelt command or
// flag, a flag value it does not know, the wrong number of arguments).
const (
	exitFailure = 1
	exitUsage   = 2
)

// usageError is a command line raftsheet cannot take: it exits 2 and
// shows the command's usage line.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// failure is an error of a command's work: it exits 1. Every RunE's
// errors become failures (markFailures); anything cobra finds wrong
// before RunE runs is a usage error.
type failure struct{ error }

func (f failure) Unwrap() error    { return f.error }
func (u usageError) Unwrap() error { return u.error }

// exitStatus is the exit status for err.
func exitStatus(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	var f failure
	if errors.As(err, &f) {
		return exitFailure
	}
	return exitUsage
}

// markFailures makes every error a RunE of cmd or of its subcommands
// returns a failure, unless it says it is a usage error.
func markFailures(cmd *cobra.Command) {
	if run := cmd.RunE; run != nil {
		cmd.RunE = func(c *cobra.Command, args []string) error {
			err := run(c, args)
			var u usageError
			if err == nil || errors.As(err, &u) {
				return err
			}
			return failure{err}
		}
	}
	for _, sub := range cmd.Commands() {
		markFailures(sub)
	}
}

// reportError prints an error for a person, every line prefixed alike:
// "raftsheet: ", then the error (problems in a file start with
// file:line:col).
func reportError(w io.Writer, err error) {
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintln(w, "raftsheet:", line)
	}
}

// warn prints a warning line, prefixed as errors are.
func warn(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "raftsheet: warning: "+format+"\n", args...)
}

// reportUsage follows a usage error with the command's usage line and
// where to read more.
func reportUsage(w io.Writer, cmd *cobra.Command) {
	use := cmd.UseLine()
	if !cmd.HasParent() {
		use = cmd.Name() + " COMMAND [flags]"
	}
	fmt.Fprintf(w, "usage: %s\n", use)
	fmt.Fprintf(w, "more:  %s --help\n", cmd.CommandPath())
}

// flagError words a flag cobra could not read: a misspelt flag gets the
// nearest one, a value of a choice flag says which values there are.
func flagError(cmd *cobra.Command, err error) error {
	var missing *pflag.NotExistError
	if errors.As(err, &missing) {
		var names []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		if s := diag.Suggest(missing.GetSpecifiedName(), names); s != "" && missing.GetSpecifiedShortnames() == "" {
			return usagef("%v (did you mean --%s?)", err, s)
		}
		return usageError{err}
	}
	var invalid *pflag.InvalidValueError
	var bad choiceError
	if errors.As(err, &invalid) && errors.As(err, &bad) {
		return usagef("--%s %v", invalid.GetFlag().Name, bad)
	}
	return usageError{err}
}

// argsError is cobra.PositionalArgs that say what a command takes.
type argsError struct {
	min, max int    // max < 0: no limit
	what     string // "an exercise: a built-in NAME or a FILE"
}

func (a argsError) check(cmd *cobra.Command, args []string) error {
	switch {
	case len(args) < a.min && a.min == 1:
		return usagef("%s needs %s", cmd.Name(), a.what)
	case len(args) < a.min:
		return usagef("%s needs at least %d arguments: %s", cmd.Name(), a.min, a.what)
	case a.max == 0 && len(args) > 0:
		return usagef("%s takes no arguments, and was given %s", cmd.Name(), quoteAll(args))
	case a.max >= 0 && len(args) > a.max:
		return usagef("%s takes %s, and was given %d: %s", cmd.Name(), a.what, len(args), quoteAll(args))
	}
	return nil
}

// needs is the PositionalArgs of a command that takes min … max arguments
// (max < 0: any number), which what describes.
func needs(min, max int, what string) cobra.PositionalArgs {
	return argsError{min: min, max: max, what: what}.check
}

func quoteAll(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = fmt.Sprintf("%q", a)
	}
	return strings.Join(q, " ")
}

// unknownCommand is the root's reply to a word that is no command.
func unknownCommand(root *cobra.Command, word string) error {
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			names = append(names, c.Name())
			names = append(names, c.Aliases...)
		}
	}
	sort.Strings(names)
	if s := diag.Suggest(word, names); s != "" {
		return usagef("%q is not a raftsheet command (did you mean %s?)", word, s)
	}
	return usagef("%q is not a raftsheet command; the commands are: %s", word, strings.Join(names, ", "))
}
