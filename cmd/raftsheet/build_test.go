package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// build runs `raftsheet build args…` in dir, in process, and returns
// what it printed and its exit status.
func build(t *testing.T, dir string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	root := rootCmd()
	root.SetOut(&out)
	root.SetErr(&errOut)
	status = execute(root, append([]string{"build"}, args...), &errOut)
	return out.String(), errOut.String(), status
}

// TestBuildWithoutArgumentsBuildsPartition is the README's first command
// on a fresh clone: out/partition/worksheet.pdf and key.pdf.
func TestBuildWithoutArgumentsBuildsPartition(t *testing.T) {
	dir := t.TempDir()
	out, errOut, status := build(t, dir)
	if status != 0 {
		t.Fatalf("exit %d\n%s", status, errOut)
	}
	for _, f := range []string{"worksheet.pdf", "key.pdf"} {
		b, err := os.ReadFile(filepath.Join(dir, "out", "partition", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF", f)
		}
	}
	if !strings.Contains(out, filepath.Join("out", "partition")) {
		t.Errorf("the output does not say where the PDFs are: %q", out)
	}
}

func TestBuildReportsFailuresAndBuildsTheRest(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("title: Broken\nservers: 3\nsteps:\n  - heartbeat: S1\n"), 0o644)
	_, errOut, status := build(t, dir, "broken.yaml", "election", "-o", "handouts", "--paper", "letter", "--template", "trace")
	if status != 1 || !strings.HasSuffix(errOut, "raftsheet: 1 of 2 exercises failed\n") {
		t.Errorf("exit %d, stderr %q, want 1 of 2 failed", status, errOut)
	}
	if !strings.HasPrefix(errOut, "raftsheet: broken.yaml:4:") {
		t.Errorf("the failure is not reported as file:line: %q", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "handouts", "election", "key.pdf")); err != nil {
		t.Errorf("the good exercise was not built: %v", err)
	}
}

// A paper build does not know is a usage error (exit 2); a template that
// is neither a file nor a built-in one fails the build (exit 1).
func TestBuildRejectsBadFlags(t *testing.T) {
	for _, c := range []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"--paper", "a3"}, 2, `raftsheet: --paper must be a4 or letter, not "a3"`},
		{[]string{"--template", "poster"}, 1, "neither a template file nor a built-in template"},
	} {
		_, errOut, status := build(t, t.TempDir(), c.args...)
		if status != c.status || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %d and %q", c.args, status, errOut, c.status, c.want)
		}
	}
}
