package worksheet

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

// TestRebuildIsByteIdentical: the same exercise gives the same bytes.
func TestRebuildIsByteIdentical(t *testing.T) {
	for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
		a := freshBuild(t, "partition", kind, "a4")
		b := freshBuild(t, "partition", kind, "a4")
		if !bytes.Equal(a.pdfs.Worksheet, b.pdfs.Worksheet) || !bytes.Equal(a.pdfs.Key, b.pdfs.Key) {
			t.Errorf("%s: two builds of partition differ", kind)
		}
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
		alone := buildExercise(t, names[i], templates.KindRoleplay, "a4")
		for f, want := range map[string][]byte{"worksheet.pdf": alone.pdfs.Worksheet, "key.pdf": alone.pdfs.Key} {
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
