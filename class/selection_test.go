package class

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/field"
)

// The teacher chooses the fields graded: a class set built with a
// selection has answer files of just those fields, and check grades just
// them (the manifest says which): the key's answers score 100 % of them.
func TestGradeSelection(t *testing.T) {
	for _, c := range []struct {
		name, template, grade string
		want                  *regexp.Regexp // every id, renamed to the exercise's servers
	}{
		{"partition", "", "S*.log[*].term", regexp.MustCompile(`^S\d\.log\[\d+\]\.term$`)},
		{"partition-timed", "trace", "asked", regexp.MustCompile(`^step\d+\.(S[345]\.|msg|time$|event$)`)},
		{"partition", "trace", "step1?.*, S1.*", regexp.MustCompile(`^step1\d?\.`)},
	} {
		sel, err := ParseSelection(c.grade)
		if err != nil {
			t.Fatal(err)
		}
		set := buildInto(t, filepath.Join(t.TempDir(), "class"), c.name, Numbered(5), Options{Seed: 3, Template: c.template, Grade: sel})
		if set.Manifest.Grade != sel.String() {
			t.Errorf("%s: the manifest grades %q, want %q", c.grade, set.Manifest.Grade, sel.String())
		}
		check := &Checker{Class: set.Manifest}
		for _, s := range set.Manifest.Students {
			a, err := ReadAnswers(s.Answers, read(t, set.Dir, s.Answers))
			if err != nil {
				t.Fatal(err)
			}
			g, err := check.Check(a)
			if err != nil {
				t.Fatal(err)
			}
			rename := originalNames(g.Sheet)
			for _, id := range a.Order {
				if !c.want.MatchString(rename(id)) {
					t.Errorf("%s: %s holds %s (%s), not a field selected", c.grade, s.Answers, id, rename(id))
				}
			}
			if g.Counted()+skipped(g) != len(a.Order) || g.Counted() == 0 {
				t.Errorf("%s: %s: check counts %d fields and %d spare boxes, the file has %d", c.grade, s.Answers, g.Counted(), skipped(g), len(a.Order))
			}
			// The key's answers, in a file of just the selected fields.
			key := AnswerTemplate(a.Header, sel.Of(g.Sheet, fieldsOf(t, g)), KeyAnswer)
			path := filepath.Join(t.TempDir(), "key.yaml")
			os.WriteFile(path, key, 0o644)
			kg, err := check.CheckFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if kg.Score() != 100 || kg.Counted() != g.Counted() {
				t.Errorf("%s: the key's answers score %.1f%% of %d", c.grade, kg.Score(), kg.Counted())
			}
		}
	}
}

func skipped(g *Grade) int {
	n := 0
	for _, m := range g.Marks {
		if m.Verdict == Skipped {
			n++
		}
	}
	return n
}

func fieldsOf(t *testing.T, g *Grade) []*field.Field {
	t.Helper()
	fields, err := partFields(g.Sheet.Doc, g.Part)
	if err != nil {
		t.Fatal(err)
	}
	return fields
}

// "asked" on an exercise that asks nothing is refused, as is a pattern
// with a space.
func TestGradeSelectionErrors(t *testing.T) {
	ex := mustLoad(t, "partition")
	_, err := Build(ex, Numbered(5), Options{Dir: filepath.Join(t.TempDir(), "class"), Exercise: "partition", Grade: mustSelection(t, "asked")})
	if err == nil || !strings.Contains(err.Error(), "has no step with ask:") {
		t.Errorf("asked of partition: %v", err)
	}
	if _, err := ParseSelection("S1.log S2.log"); err == nil {
		t.Error("a pattern with a space was taken")
	}
	if s := mustSelection(t, " "); !s.All() || s.String() != "all" {
		t.Errorf("an empty selection: %q", s)
	}
}

func mustSelection(t *testing.T, s string) Selection {
	t.Helper()
	sel, err := ParseSelection(s)
	if err != nil {
		t.Fatal(err)
	}
	return sel
}
