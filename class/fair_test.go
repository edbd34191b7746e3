package class

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/pipeline"
)

// keyFileWith is the key's answer file with some fields' answers
// replaced (an empty value leaves the field blank).
func keyFileWith(t *testing.T, s *pipeline.Sheet, answers map[string]string) []byte {
	t.Helper()
	src := keyFile(t, s)
	for id, v := range answers {
		src = setAnswer(t, src, id, v)
	}
	return src
}

// A fully correct paper that leaves every box whose key is "nothing" (–)
// blank scores 100 %, in every built-in exercise and both templates: the
// sheets tell students a blank box counts as –.
func TestBlankNothingBoxesScoreFull(t *testing.T) {
	nothing := 0
	for _, name := range exercises.Names() {
		for _, template := range []string{"roleplay", "trace"} {
			s, err := mustLocate(t, name).Open(template, "", "")
			if err != nil {
				t.Fatal(err)
			}
			blank := map[string]string{}
			for _, f := range s.Doc.Fields() {
				if keyIsNone(f) {
					blank[f.ID] = ""
				}
			}
			nothing += len(blank)
			full := grade(t, name+".yaml", keyFile(t, s))
			g := grade(t, name+".yaml", keyFileWith(t, s, blank))
			if g.Score() != 100 || g.Counted() != full.Counted() || g.Right != full.Right {
				t.Errorf("%s/%s: %d nothing boxes left blank score %.1f%% (%d right of %d), want 100%% of %d",
					name, template, len(blank), g.Score(), g.Right, g.Counted(), full.Counted())
			}
		}
	}
	if nothing < 100 {
		t.Errorf("only %d boxes whose key is nothing in all the built-ins: the test tests little", nothing)
	}
}

// A blank box whose key is a value is missing; a "nothing" box with a
// value written in it is wrong; a file with nothing written at all is
// blank and scores 0, even where blanks would be right.
func TestBlanksWhereTheKeyHasSomething(t *testing.T) {
	s, err := mustLocate(t, "partition").Open("roleplay", "", "")
	if err != nil {
		t.Fatal(err)
	}
	var value, none *field.Field
	for _, f := range s.Doc.Fields() {
		switch {
		case value == nil && !f.Spare() && !keyIsNone(f):
			value = f
		case none == nil && keyIsNone(f) && f.Kind == field.KindServer:
			none = f
		}
	}
	g := grade(t, "a.yaml", keyFileWith(t, s, map[string]string{value.ID: "", none.ID: "S3"}))
	if g.Missing != 1 || g.Wrong != 1 {
		t.Errorf("%s blank and %s written S3: %d missing, %d wrong; want 1, 1", value.ID, none.ID, g.Missing, g.Wrong)
	}
	empty := grade(t, "b.yaml", []byte("exercise: partition\nanswers:\n"))
	if !empty.Blank || empty.Score() != 0 || empty.Right != 0 {
		t.Errorf("an empty file: blank %v, %d right, %.1f%%", empty.Blank, empty.Right, empty.Score())
	}
}

// A box where the key strikes earlier values through: the final value
// alone is "final right, history missing", half a point, not wrong.
func TestFinalWithoutHistoryIsPartial(t *testing.T) {
	s, err := mustLocate(t, "partition").Open("roleplay", "", "")
	if err != nil {
		t.Fatal(err)
	}
	var f *field.Field
	for _, fl := range s.Doc.Fields() {
		if fl.ID == "S1.log[2].value" {
			f = fl
		}
	}
	if f == nil || len(f.Final) != 1 || len(f.Canon) != 2 {
		t.Fatalf("S1.log[2].value: %+v; want a struck value and a final one", f)
	}
	full := grade(t, "a.yaml", keyFile(t, s))
	for written, want := range map[string]Verdict{
		f.Final[0]:                        Partial, // tom
		f.Canon[0] + " " + f.Final[0]:     Right,   // bob tom
		"~~" + f.Canon[0] + "~~ " + "tom": Right,
		f.Canon[0]:                        Wrong, // bob: the value it lost
		"sally":                           Wrong,
	} {
		g := grade(t, "b.yaml", keyFileWith(t, s, map[string]string{f.ID: `"` + written + `"`}))
		got := markOf(t, g, f.ID)
		if got.Verdict != want {
			t.Errorf("%s written %q: %s, want %s", f.ID, written, got.Verdict, want)
		}
		if want == Partial && (g.Score() != 100*(float64(full.Counted())-0.5)/float64(full.Counted()) || g.Partial != 1) {
			t.Errorf("history missing scores %.3f%% (%d partial), want half a point off", g.Score(), g.Partial)
		}
	}
}

// The Terms grid prints the first role of a term when the student had it
// already; the key's answer is the rest (→×→F). Writing the whole story
// (F→×→F) is right too; a wrong first role is wrong.
func TestWholeRoleStoryIsRight(t *testing.T) {
	s, err := mustLocate(t, "leader-crash").Open("roleplay", "", "")
	if err != nil {
		t.Fatal(err)
	}
	var f *field.Field
	for _, fl := range s.Doc.Fields() {
		if fl.Kind == field.KindRoles && len(fl.Given) == 1 && strings.HasPrefix(fl.KeyText(), "→") {
			f = fl
			break
		}
	}
	if f == nil {
		t.Fatal("leader-crash has no Terms grid box whose first role is given")
	}
	given := strings.ToUpper(f.Given[0])
	other := "L"
	if given == "L" {
		other = "F"
	}
	for written, want := range map[string]Verdict{
		f.KeyText():                          Right, // →×→F
		strings.TrimPrefix(f.KeyText(), "→"): Right, // ×→F
		given + f.KeyText():                  Right, // F→×→F
		other + f.KeyText():                  Wrong,
	} {
		g := grade(t, "a.yaml", keyFileWith(t, s, map[string]string{f.ID: `"` + written + `"`}))
		if got := markOf(t, g, f.ID).Verdict; got != want {
			t.Errorf("%s (given %s, key %s) written %q: %s, want %s", f.ID, given, f.KeyText(), written, got, want)
		}
	}
}

// Long values are printed abbreviated; in a trace sheet's state machine
// each is followed by a comma (x=1, y=2). Each may be written in full or
// as printed, the one way or the other.
func TestLongValuesInFullOrAsPrinted(t *testing.T) {
	file := filepath.Join(t.TempDir(), "longkv.yaml")
	os.WriteFile(file, []byte(`title: Long values
servers: 3
state_machine: kv
worksheet: {template: trace}
steps:
  - timeout: S1
  - deliver: all
  - deliver: all
  - client: {server: S1, value: "name=alexandria"}
  - client: {server: S1, value: "city=constantinople"}
  - heartbeat: S1
  - stabilize
  - heartbeat: S1
  - stabilize
`), 0o644)
	full := filepath.Join(t.TempDir(), "full.yaml") // the rows ask every server's whole state, its state machine too
	os.WriteFile(full, []byte("kind: trace\ntrace_rows: full\n"), 0o644)
	target, err := pipeline.Locate(file, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := target.Open(full, "", "")
	if err != nil {
		t.Fatal(err)
	}
	var f *field.Field
	for _, fl := range s.Doc.Fields() {
		if strings.HasSuffix(fl.ID, ".stateMachine") && len(fl.Answer) == 2 {
			f = fl
		}
	}
	if f == nil || f.Answer[0] != "city=consta…," || f.Full[0] != "city=constantinople," {
		t.Fatalf("the last state machine box: %+v; want city=consta…, printed, in full city=constantinople,", f)
	}
	c := &Checker{Exercise: file, Template: full}
	for _, written := range []string{"city=constantinople, name=alexandria", "city=consta…, name=alexan…", "city=constantinople, name=alexan…", "city=consta…, name=alexandria"} {
		path := filepath.Join(t.TempDir(), "a.yaml")
		os.WriteFile(path, setAnswer(t, keyFile(t, s), f.ID, `"`+written+`"`), 0o644)
		g, err := c.CheckFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := markOf(t, g, f.ID).Verdict; got != Right {
			t.Errorf("%s written %q: %s, want right", f.ID, written, got)
		}
	}
}

func markOf(t *testing.T, g *Grade, id string) Mark {
	t.Helper()
	for _, m := range g.Marks {
		if m.Field.ID == id {
			return m
		}
	}
	t.Fatalf("no mark of %s", id)
	return Mark{}
}

// A variant code belongs to the answers it was issued with: once the
// exercise's file gives other answers (the last round of messages never
// delivered), check
// refuses its answer files, naming the exercise and what to do; a change
// of words alone (a note) does not count.
func TestChangedExerciseIsRefused(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "fourway.yaml")
	src := "title: Four\nservers: 3\nsteps:\n  - timeout: S1\n  - stabilize\n  - client: {server: S1, value: sally}\n    note: a client writes\n  - heartbeat: S1\n  - stabilize\n"
	os.WriteFile(file, []byte(src), 0o644)
	ex, err := exercises.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	set, err := Build(ex, Numbered(2), Options{Dir: filepath.Join(dir, "class"), Exercise: file, Seed: 1, Template: "trace"})
	if err != nil {
		t.Fatal(err)
	}
	s := set.Manifest.Students[0]
	answers := filepath.Join(set.Dir, s.Answers)
	for name, check := range map[string]*Checker{"manifest": {Class: set.Manifest}, "--exercise": {Exercise: file}} {
		os.WriteFile(file, []byte(strings.Replace(src, "note: a client writes", "note: a client writes its name", 1)), 0o644)
		if _, err := check.CheckFile(answers); err != nil {
			t.Errorf("%s: a note changed, and check refuses: %v", name, err)
		}
		os.WriteFile(file, []byte(strings.TrimSuffix(src, "  - stabilize\n")), 0o644)
		check.sheets, check.targets = nil, nil
		_, err := check.CheckFile(answers)
		var changed *ChangedError
		if !asChanged(err, &changed) || changed.Exercise != "fourway" || !strings.Contains(err.Error(), "rebuild the class set") {
			t.Errorf("%s: the answers changed, and check says %v", name, err)
		}
		os.WriteFile(file, []byte(src), 0o644)
	}
	// Neither the exercise's file nor the class set: say how to name it.
	_, err = (&Checker{}).CheckFile(answers)
	if err == nil || !strings.Contains(err.Error(), "name its file with --exercise FILE") {
		t.Errorf("no exercise named: %v", err)
	}
	if b, _ := os.ReadFile(answers); regexp.MustCompile(`(?m)^exercise: .*[/\\]`).Match(b) {
		t.Errorf("the answer file holds a path:\n%s", b)
	}
}

func asChanged(err error, target **ChangedError) bool { return errors.As(err, target) }
