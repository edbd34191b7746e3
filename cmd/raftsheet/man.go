package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

func manCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write man pages for raftsheet and each of its commands into DIR",
		Long: `Write a man page (section 1) for raftsheet and one for each command into
DIR: raftsheet.1, raftsheet-build.1, … Read one with "man DIR/raftsheet.1",
or put DIR on your MANPATH. The pages are dated SOURCE_DATE_EPOCH when it
is set, else today.`,
		Example:           "  raftsheet man ~/.local/share/man/man1",
		Args:              needs(1, 1, "the folder DIR to write the pages into"),
		ValidArgsFunction: cobra.FixedCompletions(nil, cobra.ShellCompDirectiveFilterDirs),
		RunE: func(cmd *cobra.Command, args []string) error {
			date, err := manDate()
			if err != nil {
				return err
			}
			header := manHeader{Title: "RAFTSHEET", Section: "1", Date: date, Source: "raftsheet " + version(), Manual: "raftsheet manual"}
			dir := args[0]
			if err := writeManTree(cmd.Root(), header, dir); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s/raftsheet.1 and a page for each command\n", dir)
			return nil
		},
	}
}

// manDate is the month the pages are dated: SOURCE_DATE_EPOCH's when it is
// set, so that a packager's build is reproducible, else today's.
func manDate() (string, error) {
	now := time.Now()
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		seconds, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return "", fmt.Errorf("invalid SOURCE_DATE_EPOCH: %v", err)
		}
		now = time.Unix(seconds, 0)
	}
	return now.Format("Jan 2006"), nil
}

// writeManTree writes into dir a page for cmd and for each of its
// commands that has one, at any depth: raftsheet.1, raftsheet-build.1, …
func writeManTree(cmd *cobra.Command, header manHeader, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return walkManPages(cmd, func(c *cobra.Command) error {
		file := filepath.Join(dir, manPageName(c)+"."+header.Section)
		return os.WriteFile(file, manPage(c, header), 0o644)
	})
}

// walkManPages calls visit for cmd and each command under it that has a
// page.
func walkManPages(cmd *cobra.Command, visit func(*cobra.Command) error) error {
	if err := visit(cmd); err != nil {
		return err
	}
	for _, c := range manPageCommands(cmd) {
		if err := walkManPages(c, visit); err != nil {
			return err
		}
	}
	return nil
}

// manPageCommands are cmd's commands that have a page of their own: not
// hidden or deprecated, not help, and not a bare help topic — the
// commands "raftsheet help" lists.
func manPageCommands(cmd *cobra.Command) []*cobra.Command {
	var pages []*cobra.Command
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() && !c.IsAdditionalHelpTopicCommand() {
			pages = append(pages, c)
		}
	}
	return pages
}

// manPageName is the name of a command's page, without its section:
// "raftsheet build" is raftsheet-build.
func manPageName(cmd *cobra.Command) string {
	return strings.ReplaceAll(cmd.CommandPath(), " ", "-")
}
