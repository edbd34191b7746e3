package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

// TestBuildAllKeepsGoingAndReports: a failing exercise stops no other, and
// each failure says file:line: what.
func TestBuildAllKeepsGoingAndReports(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("title: Bad\nservers: 3\nsteps:\n  - heartbeat: S1\n"), 0o644)
	results, err := BuildAll([]string{"election", "nonesuch", bad, "split-vote", "election"}, BatchOptions{OutDir: filepath.Join(dir, "out")})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 3} {
		if results[i].Err != nil {
			t.Errorf("%s: %v", results[i].Arg, results[i].Err)
		}
		for _, f := range []string{"worksheet.pdf", "key.pdf"} {
			if _, err := os.Stat(filepath.Join(results[i].Dir, f)); err != nil {
				t.Errorf("%s: %v", results[i].Arg, err)
			}
		}
	}
	wants := map[int]string{
		1: `"nonesuch" is neither a file nor a built-in exercise`,
		2: bad + ":4:",
		4: "both election and election would write",
	}
	for i, want := range wants {
		if results[i].Err == nil || !strings.Contains(results[i].Err.Error(), want) {
			t.Errorf("%s: error %v, want one with %q", results[i].Arg, results[i].Err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "bad")); !os.IsNotExist(err) {
		t.Errorf("a failed exercise left a folder: %v", err)
	}
}

// TestFailedBuildLeavesThePreviousOne: rebuilding an exercise that now
// fails keeps the last good PDFs, and no temporary file is left behind.
func TestFailedBuildLeavesThePreviousOne(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	src := filepath.Join(dir, "mine.yaml")
	os.WriteFile(src, []byte("title: Mine\nservers: 3\nsteps:\n  - timeout: S1\n  - deliver: all\n"), 0o644)
	if r, _ := BuildAll([]string{src}, BatchOptions{OutDir: out}); r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	before, _ := os.ReadFile(filepath.Join(out, "mine", "key.pdf"))
	os.WriteFile(src, []byte("title: Mine\nservers: 3\nsteps:\n  - heartbeat: S1\n"), 0o644)
	if r, _ := BuildAll([]string{src}, BatchOptions{OutDir: out}); r[0].Err == nil {
		t.Fatal("a script that cannot run built")
	}
	after, _ := os.ReadFile(filepath.Join(out, "mine", "key.pdf"))
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed the previous key")
	}
	assertOnly(t, filepath.Join(out, "mine"), "key.pdf", "worksheet.pdf")
}

func TestWriteFilesAtomicallyAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.pdf")
	os.WriteFile(a, []byte("old"), 0o644)
	err := WriteFiles(map[string][]byte{a: []byte("new"), filepath.Join(dir, "missing", "b.pdf"): []byte("new")})
	if err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	if got, _ := os.ReadFile(a); string(got) != "old" {
		t.Errorf("a.pdf is %q after a failed write, want the old content", got)
	}
	assertOnly(t, dir, "a.pdf")
	if err := WriteFiles(map[string][]byte{a: []byte("new")}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(a); string(got) != "new" {
		t.Errorf("a.pdf is %q, want new", got)
	}
	assertOnly(t, dir, "a.pdf")
}

// assertOnly checks that dir holds exactly the named files (no temporary
// ones left behind).
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if !e.IsDir() {
			got = append(got, e.Name())
		}
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// TestParallelBuildsAreCleanAndIdentical builds every built-in exercise,
// several at once, and compares each with the same build made alone.
// Under -race it finds any state builds share (gofpdf writes into the
// font bytes it is given, for one).
func TestParallelBuildsAreCleanAndIdentical(t *testing.T) {
	names := exercises.Names()
	dir := t.TempDir()
	results, err := BuildAll(names, BatchOptions{OutDir: dir, Template: templates.KindRoleplay, Paper: "a4", Jobs: 4})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		alone := drawAlone(t, names[i], templates.KindRoleplay, "a4")
		for f, want := range map[string][]byte{"worksheet.pdf": alone.Worksheet, "key.pdf": alone.Key} {
			got, err := os.ReadFile(filepath.Join(dir, names[i], f))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s/%s differs between a parallel build and one made alone", names[i], f)
			}
		}
	}
}

// drawAlone draws a built-in exercise's worksheet and key, one at a time.
func drawAlone(t *testing.T, name, template, paper string) *PDFs {
	t.Helper()
	target, err := Locate(name, "")
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := target.Open(template, paper, "")
	if err != nil {
		t.Fatal(err)
	}
	pdfs, err := sheet.DrawInto(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return pdfs
}
