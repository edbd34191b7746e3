package class

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
)

// buildSet builds a class set of name for n numbered students into a
// new folder.
func buildSet(t *testing.T, name string, n int, seed uint64, template string) *Set {
	t.Helper()
	ex, err := exercises.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	set, err := Build(ex, Numbered(n), Options{Dir: filepath.Join(t.TempDir(), "class"), Exercise: name, Seed: seed, Template: template})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every student's variant is another: distinct codes, and keys that
// differ from each other's. Build runs each through the engine, which
// checks the safety properties after every step; a variant that broke
// one would fail the build.
func TestClassSetVariantsDiffer(t *testing.T) {
	set := buildSet(t, "partition", 8, 2026, "")
	codes := map[string]bool{}
	keys := map[string]string{}
	for _, s := range set.Manifest.Students {
		if codes[s.Code] {
			t.Errorf("two students have the code %s", s.Code)
		}
		codes[s.Code] = true
		sheet, err := mustLocate(t, s.Code).Open("", "", "")
		if err != nil {
			t.Fatal(err)
		}
		answers := ""
		for _, f := range sheet.Doc.Fields() {
			answers += f.ID + "=" + f.KeyText() + "\n"
		}
		if other, dup := keys[answers]; dup {
			t.Errorf("%s and %s have the same answers", other, s.Code)
		}
		keys[answers] = s.Code
	}
}

func mustLocate(t *testing.T, code string) pipeline.Target {
	t.Helper()
	target, err := pipeline.Locate(code, "")
	if err != nil {
		t.Fatal(err)
	}
	return target
}

// The same seed gives the same files, byte for byte; another seed other
// variants.
func TestClassSetIsReproducible(t *testing.T) {
	a := buildSet(t, "election", 5, 7, "")
	b := buildSet(t, "election", 5, 7, "")
	entries, err := os.ReadDir(a.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 5*3+4 {
		t.Errorf("the class set has %d files, want %d", len(entries), 5*3+4)
	}
	for _, e := range entries {
		if !bytes.Equal(read(t, a.Dir, e.Name()), read(t, b.Dir, e.Name())) {
			t.Errorf("%s differs between two builds with the same seed", e.Name())
		}
	}
	c := buildSet(t, "election", 5, 8, "")
	if bytes.Equal(read(t, a.Dir, "manifest.csv"), read(t, c.Dir, "manifest.csv")) {
		t.Error("another seed gave the same variants")
	}
}

// A key rebuilt from a code alone is the class set's key, byte for byte,
// in both templates.
func TestKeyFromCodeIsTheClassSetKey(t *testing.T) {
	for _, template := range []string{"", "trace"} {
		set := buildSet(t, "partition-timed", 3, 2026, template)
		for _, s := range set.Manifest.Students {
			sheet, err := mustLocate(t, s.Code).Open(template, "", "")
			if err != nil {
				t.Fatal(err)
			}
			key, err := pdf.Render(sheet.Doc, true)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(key, read(t, set.Dir, s.Key)) {
				t.Errorf("%s: the key rebuilt from %s differs from the class set's", template, s.Code)
			}
		}
	}
}

// A student's answer template in the class set lists every field of the
// sheet, and left as it is, grades as all missing.
func TestClassSetAnswerTemplates(t *testing.T) {
	set := buildSet(t, "election", 2, 1, "")
	s := set.Manifest.Students[0]
	a, err := ReadAnswers(s.Answers, read(t, set.Dir, s.Answers))
	if err != nil {
		t.Fatal(err)
	}
	if a.Header.Code != s.Code || a.Header.Student.ID != s.ID {
		t.Errorf("the template says %+v, want code %s and student %s", a.Header, s.Code, s.ID)
	}
	c := &Checker{}
	sheet, err := c.sheetOf(a)
	if err != nil {
		t.Fatal(err)
	}
	g := GradeAnswers(a, sheet.Doc.Fields(), &sheet.Options.Template.Labels)
	if g.Right != 0 || g.Wrong != 0 || g.Missing == 0 || g.Missing != g.Counted() {
		t.Errorf("a blank template grades %d right, %d wrong, %d missing", g.Right, g.Wrong, g.Missing)
	}
	if len(a.Order) != len(sheet.Doc.Fields()) {
		t.Errorf("the template lists %d fields, the sheet has %d", len(a.Order), len(sheet.Doc.Fields()))
	}
}
