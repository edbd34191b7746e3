package class

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/variant"
)

// examAnswers is the answer file of an exam sheet with the key's answers,
// with some answers replaced (by field id), graded as check grades it.
func examAnswers(t *testing.T, s *pipeline.Sheet, replace map[string]string) *Grade {
	t.Helper()
	src := AnswerTemplate(HeaderOf(s, Student{ID: "s1", Name: "Ada"}), s.Doc.Fields(), KeyAnswer)
	for id, v := range replace {
		re := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(id) + `:.*$`)
		if !re.Match(src) {
			t.Fatalf("the answer file has no field %s", id)
		}
		src = re.ReplaceAll(src, []byte("  "+id+": "+v))
	}
	path := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := (&Checker{}).CheckFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func examSheet(t *testing.T, ref string) *pipeline.Sheet {
	t.Helper()
	target, err := pipeline.Locate(ref, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := target.Open("", "", "")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// An exam's typed answers are graded box by box: the key's score 100 %,
// for a variant too; a sequence of events is judged by playing it, so a
// student's own schedule that shows the claim is right and one that does
// not is wrong; a rule box takes any rule the state breaks; a mutant's
// property follows the student's own schedule.
func TestExamAnswersAreJudged(t *testing.T) {
	for _, ref := range []string{"exam-figure8", variant.Code("exam-figure8", 7), "exam-could-it-occur", "exam-mutant"} {
		g := examAnswers(t, examSheet(t, ref), nil)
		if g.Right == 0 || g.Wrong+g.Missing != 0 || len(g.Warnings) > 0 {
			t.Errorf("%s: the key's answers: %d right, %d wrong, %d missing, %v", ref, g.Right, g.Wrong, g.Missing, g.Warnings)
		}
	}
	verdicts := func(g *Grade) map[string]Verdict {
		out := map[string]Verdict{}
		for _, m := range g.Marks {
			out[m.Field.ID] = m.Verdict
		}
		return out
	}
	s := examSheet(t, "exam-figure8")
	g := examAnswers(t, s, map[string]string{
		"q1.entry[2,2].events": `"restart S5\ntimeout S5\ntimeout S5\ndeliver all\ndeliver all"`, // another schedule: right
		"q2.S5.events":         `"timeout S5; deliver all; deliver all"`,                         // S5 is down: wrong
		"q2.S4.wins":           "yes",                                                            // wrong
		"q1.entry[2,3]":        "not committed",                                                  // at risk: right
	})
	v := verdicts(g)
	if v["q1.entry[2,2].events"] != Right || v["q2.S5.events"] != Wrong || v["q2.S4.wins"] != Wrong || v["q1.entry[2,3]"] != Right {
		t.Errorf("verdicts %v", v)
	}
	if g.Wrong != 2 || g.Right != g.Counted()-2 {
		t.Errorf("%d right, %d wrong of %d", g.Right, g.Wrong, g.Counted())
	}

	g = examAnswers(t, examSheet(t, "exam-could-it-occur"), map[string]string{
		"q1.rule":   "L",                         // the state breaks L too: right
		"q2.rule":   `"leader elected"`,          // L by its name: right
		"q3.rule":   "C",                         // wrong
		"q6.events": `"timeout S1; deliver all"`, // one candidate: wrong
	})
	v = verdicts(g)
	if v["q1.rule"] != Right || v["q2.rule"] != Right || v["q3.rule"] != Wrong || v["q6.events"] != Wrong {
		t.Errorf("verdicts %v", v)
	}

	broken := `"heartbeat S1; deliver S1→S2; deliver S2→S1; timeout S3; deliver S3→S2; deliver S2→S3"`
	g = examAnswers(t, examSheet(t, "exam-mutant"), map[string]string{"q1.events": broken, "q1.property": "A"})
	if v := verdicts(g); v["q1.events"] != Right || v["q1.property"] != Wrong {
		t.Errorf("verdicts %v", v)
	}
}

// An exam's answer file says how to write its boxes, and its example of
// events reads as events; other answer files do not carry it.
func TestExamAnswerFileSaysHowToWriteEvents(t *testing.T) {
	s := examSheet(t, "exam-figure8")
	src := string(AnswerTemplate(HeaderOf(s, Student{}), s.Doc.Fields(), nil))
	if !strings.Contains(src, examAnswerHelp) {
		t.Fatalf("no exam help in:\n%s", src[:min(len(src), 1500)])
	}
	example := regexp.MustCompile(`"(timeout [^"]*)"`).FindStringSubmatch(examAnswerHelp)
	if example == nil {
		t.Fatal("the help has no example of events")
	}
	steps, err := exam.ParseEvents(example[1], []string{"S1", "S2", "S3", "S4", "S5"})
	if err != nil || len(steps) != 3 {
		t.Errorf("the example %q reads as %d events: %v", example[1], len(steps), err)
	}
	if hasExamBoxes(nil) {
		t.Error("no fields, yet exam boxes")
	}
}
