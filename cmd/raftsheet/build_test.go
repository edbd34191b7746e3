package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// build runs `raftsheet build args…` in dir, in process.
func build(t *testing.T, dir string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	root := rootCmd()
	root.SetArgs(append([]string{"build"}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err = root.Execute()
	return out.String(), errOut.String(), err
}

// TestBuildWithoutArgumentsBuildsPartition is the README's first command
// on a fresh clone: out/partition/worksheet.pdf and key.pdf.
func TestBuildWithoutArgumentsBuildsPartition(t *testing.T) {
	dir := t.TempDir()
	out, errOut, err := build(t, dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
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
	_, errOut, err := build(t, dir, "broken.yaml", "election", "-o", "handouts", "--paper", "letter", "--template", "trace")
	if err == nil || !strings.Contains(err.Error(), "1 of 2 exercises failed") {
		t.Errorf("error %v, want 1 of 2 failed", err)
	}
	if !strings.HasPrefix(errOut, "broken.yaml:4:") {
		t.Errorf("the failure is not reported as file:line: %q", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "handouts", "election", "key.pdf")); err != nil {
		t.Errorf("the good exercise was not built: %v", err)
	}
}

func TestBuildRejectsBadFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--paper", "a3"}, "paper must be a4 or letter"},
		{[]string{"--template", "poster"}, "neither a template file nor a built-in template"},
	} {
		_, errOut, err := build(t, t.TempDir(), c.args...)
		if err == nil || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: error %v, stderr %q, want %q", c.args, err, errOut, c.want)
		}
	}
}
