package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// manPages runs "raftsheet man" into a new folder and returns the folder.
func manPages(t *testing.T) string {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := filepath.Join(t.TempDir(), "man1")
	if _, errOut, code := raftsheet(t, t.TempDir(), "man", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	return dir
}

// pagedCommands are the commands a user sees in help, by their pages'
// names: raftsheet itself and every command under it that is not hidden,
// completion included (cobra adds it when the command line runs), help
// not.
func pagedCommands() map[string]*cobra.Command {
	root := rootCmd()
	root.InitDefaultCompletionCmd()
	pages := map[string]*cobra.Command{}
	var walk func(*cobra.Command)
	walk = func(cmd *cobra.Command) {
		pages[strings.ReplaceAll(cmd.CommandPath(), " ", "-")+".1"] = cmd
		for _, c := range cmd.Commands() {
			if !c.Hidden && c.Name() != "help" {
				walk(c)
			}
		}
	}
	walk(root)
	return pages
}

func fileNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestManWritesAPageForEachCommand: a page for raftsheet and each
// command, no more, each with the sections a man page has, the date
// SOURCE_DATE_EPOCH gives, and every flag the command takes.
func TestManWritesAPageForEachCommand(t *testing.T) {
	dir := manPages(t)
	want := pagedCommands()
	for _, name := range []string{"raftsheet.1", "raftsheet-build.1", "raftsheet-check.1", "raftsheet-completion-bash.1"} {
		if want[name] == nil {
			t.Fatalf("no command for %s among %v", name, want)
		}
	}
	got := fileNames(t, dir)
	var wantNames []string
	for name := range want {
		wantNames = append(wantNames, name)
	}
	slices.Sort(wantNames)
	if !slices.Equal(got, wantNames) {
		t.Errorf("pages %v, want %v", got, wantNames)
	}
	for _, name := range got {
		cmd := want[name]
		if cmd == nil {
			continue
		}
		page := string(mustRead(t, filepath.Join(dir, name)))
		for _, part := range []string{`.TH RAFTSHEET 1 "Nov 2023" "raftsheet `, "\n.SH NAME\n", "\n.SH SYNOPSIS\n", "\n.SH DESCRIPTION\n", `\fB\-\-help\fR`} {
			if !strings.Contains(page, part) {
				t.Errorf("%s has no %q:\n%s", name, part, page)
			}
		}
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if option := `\fB\-\-` + strings.ReplaceAll(f.Name, "-", `\-`) + `\fR`; !f.Hidden && !strings.Contains(page, option) {
				t.Errorf("%s has no %s", name, option)
			}
		})
	}
}

// TestManPagesHaveNoGroffWarnings: groff, with every warning on, finds
// nothing to say about any page.
func TestManPagesHaveNoGroffWarnings(t *testing.T) {
	needGroff(t)
	dir := manPages(t)
	for _, name := range fileNames(t, dir) {
		if warnings := groff(t, filepath.Join(dir, name), "-ww", "-z"); warnings != "" {
			t.Errorf("%s:\n%s", name, warnings)
		}
	}
}

// TestManPageShowsHostileTextAsWritten: help text that roff would read as
// requests, escapes or font changes comes out as written, in running text
// and in literal blocks alike; a hidden command gets no page.
func TestManPageShowsHostileTextAsWritten(t *testing.T) {
	running := []string{
		".TH not a request",
		"'br not a request either",
		`a back\slash, \fBnot bold\fR and C:\new`,
		`\\ two backslashes and \" no comment`,
		"é → – … ✓ non-ASCII",
		"--option and 'quoted' and `ticked`",
	}
	literal := []string{
		".literal dot",
		"'literal quote",
		`literal back\slash \fBnot bold`,
		"raftsheet build my-exercise.yaml --paper letter",
	}
	root := &cobra.Command{Use: "demo", Short: "a demo"}
	tricky := &cobra.Command{
		Use:   "tricky",
		Short: `tricky \fB text`,
		Long:  strings.Join(running, "\n\n") + "\n\n  " + strings.Join(literal, "\n  "),
		Run:   func(*cobra.Command, []string) {},
	}
	tricky.Flags().String("weird-flag", `a\b`, `usage with \fIno italics\fR`)
	secret := &cobra.Command{Use: "secret", Hidden: true, Run: func(*cobra.Command, []string) {}}
	root.AddCommand(tricky, secret)

	dir := t.TempDir()
	if err := writeManTree(root, manHeader{Title: "DEMO", Section: "1", Date: "Nov 2023", Source: "demo", Manual: "demo manual"}, dir); err != nil {
		t.Fatal(err)
	}
	if got := fileNames(t, dir); !slices.Equal(got, []string{"demo-tricky.1", "demo.1"}) {
		t.Errorf("pages %v, want demo.1 and demo-tricky.1 (none for the hidden command)", got)
	}
	needGroff(t)
	page := filepath.Join(dir, "demo-tricky.1")
	if warnings := groff(t, page, "-ww", "-z"); warnings != "" {
		t.Errorf("groff warns:\n%s", warnings)
	}
	text := plainMinus(groff(t, page, "-P-cbou")) // no bold, no underline
	words := strings.Join(strings.Fields(text), " ")
	for _, s := range append(running, `tricky \fB text`, `--weird-flag="a\\b"`, `usage with \fIno italics\fR`) {
		if !strings.Contains(words, s) {
			t.Errorf("the page does not show %q:\n%s", s, text)
		}
	}
	lines := strings.Split(text, "\n")
	for _, s := range literal {
		if !slices.ContainsFunc(lines, func(line string) bool { return strings.TrimSpace(line) == s }) {
			t.Errorf("the page does not show the line %q:\n%s", s, text)
		}
	}
}

// needGroff skips the rest of the test when groff is not installed.
func needGroff(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("groff is not installed")
	}
}

// groff formats a man page for a UTF-8 terminal and returns what it
// printed, its warnings included.
func groff(t *testing.T, page string, options ...string) string {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command("groff", append(append([]string{"-man", "-Tutf8"}, options...), page)...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("groff %s: %v\n%s", page, err, out.String())
	}
	return out.String()
}

// plainMinus is text with the minus signs groff may print for \- (where
// the system's man setup does not map them to "-") made hyphen-minus.
func plainMinus(s string) string {
	return strings.ReplaceAll(s, "\u2212", "-")
}
