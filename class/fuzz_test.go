package class

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/textsafe"
)

// seeds adds every hostile fixture whose name ends in ext to the corpus.
func seeds(f *testing.F, ext string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "hostile", "*"+ext))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

// checkDiagnostics insists an error is Diagnostics naming the file, at a
// line inside it, that print nothing a terminal must not see.
func checkDiagnostics(t *testing.T, err error, file string, src []byte) {
	t.Helper()
	var ds diag.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("not diagnostics: %T %v", err, err)
	}
	lines := lineBreaks(src) + 2
	for _, d := range ds {
		if d.File != file || d.Line < 0 || d.Line > lines {
			t.Fatalf("diagnostic %q is not at a line of the file (it has %d)", d.Error(), lines)
		}
		if len(d.Error()) > 2000 {
			t.Fatalf("diagnostic of %d bytes: %.200q…", len(d.Error()), d.Error())
		}
	}
	for _, r := range ds.Error() {
		if textsafe.Unsafe(r) && r != '\n' && r != '\t' { // a diagnostic keeps its layout (textsafe.Terminal)
			t.Fatalf("the error prints U+%04X raw: %q", r, ds.Error())
		}
	}
}

// lineBreaks counts line breaks as YAML does: \n, \r\n and a lone \r.
func lineBreaks(src []byte) int {
	return bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n"))
}

// FuzzReadRoster feeds arbitrary bytes to the roster reader. It never
// panics; an error is diagnostics at a line of the file; a roster read
// has 1 to MaxStudents students with unique, printable, short ids and
// printable names, in the file's order.
func FuzzReadRoster(f *testing.F) {
	f.Add([]byte("Student,Name,ID\n1,Ada Lovelace,s101\n2,\"Hopper, Grace\",s102\n"))
	f.Add([]byte("\ufeffname;id\r\nAda;1\r\n"))
	f.Add([]byte("id\tname\n7\tÉmilie\n"))
	seeds(f, ".csv")
	f.Fuzz(func(t *testing.T, src []byte) {
		students, err := ReadRoster("r.csv", bytes.NewReader(src))
		if err != nil {
			checkDiagnostics(t, err, "r.csv", src)
			return
		}
		if len(students) < 1 || len(students) > MaxStudents {
			t.Fatalf("%d students", len(students))
		}
		ids := map[string]bool{}
		last := 0
		for _, s := range students {
			if s.ID == "" || ids[s.ID] || utf8.RuneCountInString(s.ID) > MaxIDRunes || utf8.RuneCountInString(s.Name) > MaxNameRunes {
				t.Fatalf("student %+v", s)
			}
			if !printable(s.ID) || !printable(s.Name) || s.Line <= last {
				t.Fatalf("student %+v after line %d", s, last)
			}
			ids[s.ID], last = true, s.Line
		}
	})
}

// FuzzReadAnswers feeds arbitrary bytes to the answer-file reader, and
// grades what it reads against the sheet of election. It never panics;
// an error is diagnostics at a line of the file; a file read is graded
// field by field, every field once.
func FuzzReadAnswers(f *testing.F) {
	tg, err := pipeline.Locate("election", "")
	if err != nil {
		f.Fatal(err)
	}
	sheet, err := tg.Open("", "", "")
	if err != nil {
		f.Fatal(err)
	}
	fields := sheet.Doc.Fields()
	f.Add(AnswerTemplate(HeaderOf(sheet, Student{ID: "s1", Name: "Ada"}), fields, KeyAnswer))
	f.Add(AnswerTemplate(HeaderOf(sheet, Student{}), fields[:20], nil))
	f.Add([]byte("exercise: partition\nanswers:\n  S1.vote[1]: -\n  S1.term[2]: [1, 2]\n  s1.role[1]: {a: 1}\n"))
	seeds(f, ".yaml")
	f.Fuzz(func(t *testing.T, src []byte) {
		a, err := ReadAnswers("a.yaml", src)
		if err != nil {
			checkDiagnostics(t, err, "a.yaml", src)
			return
		}
		if len(a.Answers) > MaxAnswers || len(a.Order) != len(a.Answers) {
			t.Fatalf("%d answers, %d in order", len(a.Answers), len(a.Order))
		}
		g := GradeAnswers(a, fields, &sheet.Options.Template.Labels)
		skipped := 0
		for _, m := range g.Marks {
			if m.Verdict == Skipped {
				skipped++
			}
		}
		if len(g.Marks) != len(fields) || g.Counted()+skipped != len(fields) {
			t.Fatalf("%d marks, %d counted and %d skipped of %d fields", len(g.Marks), g.Counted(), skipped, len(fields))
		}
		for _, w := range g.Warnings {
			if !strings.HasPrefix(w, "a.yaml:") {
				t.Fatalf("warning %q", w)
			}
		}
	})
}
