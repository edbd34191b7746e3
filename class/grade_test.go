package class

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/variant"
)

// keyFile is the answer file of a sheet with the key's answers: what a
// perfect student writes.
func keyFile(t *testing.T, s *pipeline.Sheet) []byte {
	t.Helper()
	return AnswerTemplate(HeaderOf(s, Student{ID: "s1", Name: "Ada"}), s.Doc.Fields(), KeyAnswer)
}

// grade reads an answer file and grades it against its sheet.
func grade(t *testing.T, file string, src []byte) *Grade {
	t.Helper()
	path := filepath.Join(t.TempDir(), file)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := (&Checker{}).CheckFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// A file with the key's answers scores 100 %, for every built-in
// exercise in both templates, and for a variant.
func TestPerfectAnswersScoreFull(t *testing.T) {
	targets := map[string]pipeline.Target{}
	for _, name := range exercises.Names() {
		targets[name] = mustLocate(t, name)
	}
	targets["variant"] = mustLocate(t, variant.Code("partition", 4242))
	for name, target := range targets {
		for _, template := range []string{"roleplay", "trace"} {
			s, err := target.Open(template, "", "")
			if err != nil {
				t.Fatal(err)
			}
			g := grade(t, name+".yaml", keyFile(t, s))
			if g.Wrong != 0 || g.Missing != 0 || g.Right == 0 || g.Score() != 100 || len(g.Warnings) > 0 {
				t.Errorf("%s/%s: the key's own answers score %d right, %d wrong, %d missing (%.1f%%), warnings %v",
					name, template, g.Right, g.Wrong, g.Missing, g.Score(), g.Warnings)
				for _, m := range g.Marks {
					if m.Verdict == Wrong || m.Verdict == Missing {
						t.Logf("  %s: wrote %q, key %v", m.Field.ID, m.Written, m.Field.Canon)
					}
				}
			}
		}
	}
}

// setAnswer replaces a field's line of an answer file.
func setAnswer(t *testing.T, src []byte, id, value string) []byte {
	t.Helper()
	re := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(id) + `:.*$`)
	if !re.Match(src) {
		t.Fatalf("the answer file has no field %s", id)
	}
	return re.ReplaceAll(src, []byte("  "+id+": "+value))
}

// A file with known mistakes scores exactly what it should, and each
// mistake names the rule behind the key's answer.
func TestKnownMistakesScoreExactly(t *testing.T) {
	s, err := mustLocate(t, "figure8").Open("trace", "", "")
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	figure8 := ""
	for _, f := range s.Doc.Fields() {
		if !f.Spare() {
			total++
		}
		if f.Rule.Name == "Figure 8 commit rule" && figure8 == "" {
			figure8 = f.ID // a commitIndex the Figure 8 rule decides
			if f.Spare() {
				total++ // the trace asks what changes: "does not commit" is a blank, and writing in it counts
			}
		}
	}
	if figure8 == "" {
		t.Fatal("no field of figure8's trace has the Figure 8 commit rule")
	}
	src := keyFile(t, s)
	src = setAnswer(t, src, figure8, `"99"`)
	src = setAnswer(t, src, "step2.S5.term", "7")
	src = setAnswer(t, src, "step4.S5.role", "follower")
	src = setAnswer(t, src, "step2.S5.votedFor", "")          // blank: missing
	src = setAnswer(t, src, "step7.S5.commitIndex", "{a: b}") // unreadable: missing
	g := grade(t, "mistakes.yaml", src)
	if g.Right != total-5 || g.Wrong != 3 || g.Missing != 2 || g.Counted() != total {
		t.Fatalf("%d right, %d wrong, %d missing of %d; want %d, 3, 2 of %d", g.Right, g.Wrong, g.Missing, g.Counted(), total-5, total)
	}
	if want := 100 * float64(total-5) / float64(total); g.Score() != want {
		t.Errorf("score %.2f, want %.2f", g.Score(), want)
	}
	rules := map[string]string{}
	for _, m := range g.Marks {
		if m.Verdict == Wrong || m.Verdict == Missing {
			rules[m.Field.ID] = m.Verdict.String() + " " + m.Field.Rule.String()
		}
	}
	for id, want := range map[string]string{
		figure8:                "wrong Figure 8 commit rule (§5.4.2)",
		"step2.S5.term":        "wrong Election timeout: new term, vote for itself (§5.2)",
		"step4.S5.role":        "wrong A majority of votes wins the election (§5.2)",
		"step2.S5.votedFor":    "missing Election timeout: new term, vote for itself (§5.2)",
		"step7.S5.commitIndex": "missing Crash: term, vote and log survive, the rest is lost (Figure 2)",
	} {
		if rules[id] != want {
			t.Errorf("%s: %q, want %q", id, rules[id], want)
		}
	}
}

// Writing in a spare box counts as wrong; "-" or nothing there does not
// count at all.
func TestSpareBoxes(t *testing.T) {
	s, err := mustLocate(t, "election").Open("roleplay", "", "")
	if err != nil {
		t.Fatal(err)
	}
	var spare *field.Field
	for _, f := range s.Doc.Fields() {
		if f.Spare() && f.Kind == field.KindServer {
			spare = f
			break
		}
	}
	if spare == nil {
		t.Fatal("the election sheet has no spare vote box")
	}
	perfect := grade(t, "a.yaml", keyFile(t, s))
	dash := grade(t, "b.yaml", setAnswer(t, keyFile(t, s), spare.ID, "-"))
	vote := grade(t, "c.yaml", setAnswer(t, keyFile(t, s), spare.ID, "S2"))
	if dash.Counted() != perfect.Counted() || dash.Score() != 100 {
		t.Errorf("a dash in a spare box changes the score: %.1f%% of %d", dash.Score(), dash.Counted())
	}
	if vote.Wrong != 1 || vote.Counted() != perfect.Counted()+1 {
		t.Errorf("a vote in a spare box: %d wrong of %d, want 1 of %d", vote.Wrong, vote.Counted(), perfect.Counted()+1)
	}
}

// On the trace, blank means unchanged: a student who writes the
// unchanged value again in every box the key leaves blank still scores
// 100 %, and another value there is wrong.
func TestUnchangedValuesWrittenAgain(t *testing.T) {
	s, err := mustLocate(t, "partition").Open("trace", "", "")
	if err != nil {
		t.Fatal(err)
	}
	again, other := keyFile(t, s), keyFile(t, s)
	var ids []string
	for _, f := range s.Doc.Fields() {
		if f.Spare() && len(f.Unchanged) == 1 && f.Kind == field.KindNumber {
			again = setAnswer(t, again, f.ID, f.Unchanged[0])
			other = setAnswer(t, other, f.ID, f.Unchanged[0]+"1")
			ids = append(ids, f.ID)
		}
	}
	if len(ids) < 100 {
		t.Fatalf("only %d unchanged number boxes on the partition trace", len(ids))
	}
	perfect := grade(t, "a.yaml", keyFile(t, s))
	if g := grade(t, "b.yaml", again); g.Score() != 100 || g.Counted() != perfect.Counted() {
		t.Errorf("unchanged values written again: %.1f%% of %d, want 100%% of %d", g.Score(), g.Counted(), perfect.Counted())
	}
	if g := grade(t, "c.yaml", other); g.Wrong != len(ids) {
		t.Errorf("other values there: %d wrong, want %d", g.Wrong, len(ids))
	}
}

// Answer files that cannot be graded get an error naming file and line.
func TestAnswerFileErrors(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]struct{ src, want string }{
		"not yaml":        {"exercise: partition\nanswers:\n\tS1.vote[1]: S1\n", "bad.yaml:3: not valid YAML"},
		"not a mapping":   {"- a\n- b\n", "bad.yaml:1: an answer file must be a YAML mapping"},
		"empty":           {"", "bad.yaml:1: the file is empty"},
		"unknown code":    {"exercise: partition\ncode: ZZZZ-ZZZZ\nanswers:\n", "bad.yaml:2: no exercise has the variant code ZZZZ-ZZZZ"},
		"not a code":      {"code: PAR7\nanswers:\n", "bad.yaml:1: \"PAR7\" is not a variant code"},
		"no exercise":     {"answers:\n  S1.vote[1]: S1\n", "bad.yaml:1: the file names neither an exercise nor a variant code"},
		"unknown key":     {"exercise: partition\nanswres:\n", "bad.yaml:2:1: unknown key `answres`"},
		"field twice":     {"exercise: partition\nanswers:\n  S1.vote[1]: S1\n  S1.vote[1]: S2\n", "bad.yaml:4:3: the field S1.vote[1] is also on line 3"},
		"wrong exercise":  {"exercise: election\ncode: " + variant.Code("partition", 3) + "\nanswers:\n", "bad.yaml:2: the code " + variant.Code("partition", 3) + " is a variant of partition, but the file says exercise election"},
		"course template": {"exercise: partition\ntemplate: poster.yaml\nanswers:\n", "bad.yaml:2: the sheets were built with the course template \"poster.yaml\": name its file with --template FILE"},
		"own exercise":    {"exercise: fourway\nanswers:\n", "bad.yaml:1: \"fourway\" is not a built-in exercise: name its file with --exercise FILE, or its class set with --class DIR"},
		"bad grade":       {"exercise: partition\ngrade: S1 log\nanswers:\n", "bad.yaml:2: the field pattern \"S1 log\" has a space"},
		"bad part":        {"exercise: partition\npart: server S9\nanswers:\n", "bad.yaml:2: the sheets have no Raft State sheet of \"S9\""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, "bad.yaml")
			os.WriteFile(path, []byte(c.src), 0o644)
			_, err := (&Checker{}).CheckFile(path)
			if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, c.want)) {
				t.Errorf("error %v\nwant one with %s", err, filepath.Join(dir, c.want))
			}
		})
	}
}

// A field id the sheet does not have is a warning, with the id it may
// have meant.
func TestUnknownFieldIsAWarning(t *testing.T) {
	g := grade(t, "w.yaml", []byte("exercise: election\nanswers:\n  S1.vote[1]: S1\n  S1.vot[2]: S2\n"))
	if len(g.Warnings) != 1 || !strings.Contains(g.Warnings[0], "w.yaml:4: the sheet has no field S1.vot[2]") || !strings.Contains(g.Warnings[0], "did you mean S1.vote[2]?") {
		t.Errorf("warnings %v", g.Warnings)
	}
	for _, m := range g.Marks {
		if m.Field.ID == "S1.vote[1]" && m.Verdict != Right || m.Verdict == Wrong {
			t.Errorf("%s: %s", m.Field.ID, m.Verdict)
		}
	}
}
