// Command raftsheet turns YAML-scripted Raft exercises into printable
// worksheets and answer keys.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/spf13/cobra"
)

func main() {
	if err := rootCmd().Execute(); err != nil {
		reportError(err)
		os.Exit(1)
	}
}

func rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "raftsheet",
		Short: "Printable Raft worksheets and answer keys from YAML-scripted exercises",
		Long: `raftsheet turns a YAML-scripted Raft exercise into printable PDF worksheets
and matching answer keys, computed by a Raft engine faithful to Figure 2 of
the Raft paper.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// Errors and warnings quote files (a student's answers, a roster):
	// no control character or bidirectional override reaches the terminal.
	root.SetErr(textsafe.Writer{W: os.Stderr})
	root.AddCommand(runCmd(), listCmd(), validateCmd(), schemaCmd(), buildCmd(), keyCmd(), answersCmd(), checkCmd())
	return root
}

// reportError prints an error for a person: problems in an exercise file
// already start with file:line; anything else is prefixed with the
// command's name.
func reportError(err error) {
	stderr := textsafe.Writer{W: os.Stderr}
	var diags diag.Diagnostics
	if errors.As(err, &diags) && !isSilent(err) {
		fmt.Fprintln(stderr, err)
		return
	}
	fmt.Fprintln(stderr, "raftsheet:", err)
}
