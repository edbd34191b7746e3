// Command raftsheet turns YAML-scripted Raft exercises into printable
// worksheets and answer keys.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/raftsheet/raftsheet/diag"
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
	root.AddCommand(runCmd(), listCmd(), validateCmd(), schemaCmd(), buildCmd(), keyCmd(), answersCmd(), checkCmd(), askCmd())
	return root
}

// reportError prints an error for a person: problems in an exercise file
// already start with file:line; anything else is prefixed with the
// command's name.
func reportError(err error) {
	if isSilent(err) {
		fmt.Fprintln(os.Stderr, "raftsheet:", err)
		return
	}
	var diags diag.Diagnostics
	if errors.As(err, &diags) {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Fprintln(os.Stderr, "raftsheet:", err)
}
