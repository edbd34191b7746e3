// Command raftsheet turns YAML-scripted Raft exercises into printable
// worksheets and answer keys.
package main

import (
	"io"
	"os"

	"github.com/raftsheet/raftsheet/shortrun"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/spf13/cobra"
)

func main() {
	// A command's heap in huge pages: a third fewer page faults (package
	// shortrun says why); where the kernel has none, nothing changes.
	shortrun.HugePages()
	os.Exit(execute(rootCmd(), os.Args[1:], os.Stderr))
}

// execute runs the command line args and reports what went wrong on
// stderr: exit status 0, 1 (the work failed) or 2 (a command line
// raftsheet does not take, followed by the command's usage line).
func execute(root *cobra.Command, args []string, stderr io.Writer) int {
	// Errors and warnings quote files (a student's answers, a roster): no
	// control character or bidirectional control reaches the terminal.
	stderr = textsafe.Writer{W: stderr}
	root.SetErr(stderr)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return 0
	}
	reportError(stderr, err)
	status := exitStatus(err)
	if status == exitUsage && cmd != nil {
		reportUsage(stderr, cmd)
	}
	return status
}

func rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "raftsheet",
		Short: "Printable Raft worksheets and answer keys from YAML-scripted exercises",
		Long: `raftsheet turns a YAML-scripted Raft exercise into printable PDF worksheets
and matching answer keys, computed by a Raft engine faithful to Figure 2 of
the Raft paper.

Start here:
  raftsheet list                                the built-in exercises
  raftsheet build partition                     out/partition/worksheet.pdf and key.pdf
  raftsheet show partition > my-exercise.yaml   a copy to make your own
  raftsheet validate my-exercise.yaml           check it: every problem at once
  raftsheet build my-exercise.yaml              its worksheet and key`,
		Version: version(),
		// Any words that are no command come here, to be told so.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownCommand(cmd, args[0])
			}
			return cmd.Help()
		},
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("raftsheet {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.SetHelpCommand(helpCmd())
	root.AddCommand(runCmd(), listCmd(), showCmd(), validateCmd(), schemaCmd(), buildCmd(), keyCmd(), answersCmd(), checkCmd(), askCmd(), exportCmd(), manCmd())
	markFailures(root)
	return root
}
