package worksheet

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/templates"
)

// examNames are the built-in exams.
func examNames(t *testing.T) []string {
	var out []string
	for _, name := range exercises.Names() {
		if strings.HasPrefix(name, "exam-") {
			out = append(out, name)
		}
	}
	if len(out) < 4 {
		t.Fatalf("%d built-in exams", len(out))
	}
	return out
}

// Every built-in exam lays out on both papers, every box to write in has
// its field id in its corner, every field is a box of the exam with the
// key's answer printed in it on the key, and the fields are the exam's
// boxes, each once.
func TestExamSheetsHaveEveryBox(t *testing.T) {
	for _, name := range examNames(t) {
		for _, paper := range []string{"a4", "letter"} {
			t.Run(name+"/"+paper, func(t *testing.T) {
				t.Parallel()
				b := buildExercise(t, name, templates.KindExam, paper)
				e, err := exam.Build(b.ex)
				if err != nil {
					t.Fatal(err)
				}
				var want []string
				for _, q := range e.Questions {
					for _, box := range q.Boxes() {
						want = append(want, box.ID)
					}
				}
				var got []string
				for _, p := range b.doc.Of(false) {
					ids := map[[2]float64]string{}
					for _, tx := range p.Texts {
						if tx.IsFieldID() {
							ids[[2]float64{tx.R.X, tx.R.Y}] = tx.String()
						}
					}
					for _, box := range p.Boxes {
						if !box.Write || box.Free {
							continue
						}
						id, ok := ids[[2]float64{box.R.X, box.R.Y}]
						if !ok {
							t.Errorf("a box to write in at %s has no field id", box.R)
							continue
						}
						if !printsInside(p, box.R, true) {
							t.Errorf("the key writes nothing in %s", id)
						}
						if printsInside(p, page.Rect{X: box.R.X, Y: box.R.Y + 2.5, W: box.R.W, H: box.R.H - 2.5}, false) {
							t.Errorf("the worksheet prints something in %s", id)
						}
						got = append(got, id)
					}
					for _, f := range p.Fields {
						if len(f.Canon) == 0 || f.KeyText() == "" {
							t.Errorf("%s has no answer", f.ID)
						}
					}
				}
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("the boxes on the pages:\n%v\nthe exam's:\n%v", got, want)
				}
			})
		}
	}
}

// The worksheet gives nothing away: with every answer of the exam
// changed — yes for no, committed for at risk, other rules, longer and
// shorter witnesses, none where there was one — and the key-only texts
// changed, the worksheet is the same, byte for byte; the key is not.
func TestExamWorksheetIgnoresAnswers(t *testing.T) {
	for _, name := range examNames(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ex, err := exercises.Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := exercise.Run(ex)
			if err != nil {
				t.Fatal(err)
			}
			tpl, _ := templates.Builtin(templates.KindExam)
			worksheet := func(e *exam.Exam, summary string) ([]byte, []byte) {
				t.Helper()
				tr.Summary, tr.Goal = summary, summary
				doc, err := Layout(ex, tr, Options{Template: tpl, Paper: page.Papers()[0], exam: e})
				if err != nil {
					t.Fatal(err)
				}
				w, err := pdf.Render(doc, false)
				if err != nil {
					t.Fatal(err)
				}
				k, err := pdf.Render(doc, true)
				if err != nil {
					t.Fatal(err)
				}
				return w, k
			}
			e1, err := exam.Build(ex)
			if err != nil {
				t.Fatal(err)
			}
			w1, k1 := worksheet(e1, tr.Summary)
			e2, _ := exam.Build(ex)
			changeEveryAnswer(e2)
			w2, k2 := worksheet(e2, "another story altogether, longer than the first one by far, to move everything after it")
			if !bytes.Equal(w1, w2) {
				t.Error("the worksheet changes with the answers")
			}
			if bytes.Equal(k1, k2) {
				t.Error("the key does not change with the answers: the test changes nothing")
			}
		})
	}
}

// changeEveryAnswer turns every answer of an exam into another.
func changeEveryAnswer(e *exam.Exam) {
	other := map[string]string{exam.Yes: exam.No, exam.No: exam.Yes, exam.Committed: exam.AtRisk, exam.AtRisk: exam.Committed, "-": "A", "A": "L"}
	for _, q := range e.Questions {
		q.Because += " and a good deal more"
		for _, c := range q.Candidates {
			c.Because += ", said at length"
			c.Witness = append(c.Witness, "timeout "+c.Server)
		}
		for _, en := range q.Entries {
			en.Because = ""
		}
		for _, b := range q.Boxes() {
			switch {
			case b.Kind == field.KindEvents && len(b.Events) > 0:
				b.Events, b.Answer = nil, exam.None
			case b.Kind == field.KindEvents:
				b.Events = strings.Split(strings.Repeat("deliver all;", 14), ";")[:14]
				b.Answer = strings.Join(b.Events, "; ")
			case other[b.Answer] != "":
				b.Answer = other[b.Answer]
			default:
				b.Answer = "B"
			}
		}
	}
}

// No student page of an exam prints what only the key may: the story,
// the goal, an answer's reasons, a witness, a message number.
func TestExamWorksheetsLeakNothing(t *testing.T) {
	for _, name := range examNames(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := buildExercise(t, name, templates.KindExam, "a4")
			text := studentText(b.doc, []string{"cover", "questions"})
			e, err := exam.Build(b.ex)
			if err != nil {
				t.Fatal(err)
			}
			secret := []string{b.tr.Summary, b.tr.Goal}
			for _, q := range e.Questions {
				secret = append(secret, q.Because, strings.Join(q.Witness, " "))
				for _, c := range q.Candidates {
					secret = append(secret, c.Because, strings.Join(c.Witness, " "))
				}
				for _, en := range q.Entries {
					secret = append(secret, en.Because, strings.Join(en.Witness, " "))
				}
				for _, box := range q.Boxes() {
					secret = append(secret, strings.Join(box.Events, " "))
				}
			}
			for _, s := range secret {
				if s = squash(s); len(s) >= 12 && strings.Contains(text, s) {
					t.Errorf("a student page prints a key-only text: %q", s)
				}
			}
			if m := messageNumber.FindString(text); m != "" {
				t.Errorf("a student page prints the message number %s", m)
			}
			// A name such as exam-figure8 sends a student with the paper at
			// hand to the figure whose caption answers the questions.
			if strings.Contains(text, squash(name)) {
				t.Errorf("a student page prints the exercise's name %s", name)
			}
			// The exam is the students'; what is the teacher's is said of
			// the teacher, not to "you".
			if strings.Contains(text, "for you") {
				t.Error("a student page of the exam speaks to the teacher (\"for you\")")
			}
			if !strings.Contains(text, squash(b.tr.Title)) {
				t.Error("the student pages do not read as expected: no title")
			}
			// The rule menu is printed where a box asks for a letter of it,
			// and only there.
			if menu, asks := strings.Contains(text, squash(field.RuleMenu[0].Name)), e.AsksForRules(); menu != asks {
				t.Errorf("the rule menu printed: %v; a box asks for a rule: %v", menu, asks)
			}
		})
	}
}

// An exercise without questions: gets questions from its steps' ask:,
// and every untimed built-in of Figure 2 builds as an exam; a timed one,
// or one beyond Figure 2 (the explorer knows Figure 2's rules only), is
// refused with a reason.
func TestEveryUntimedExerciseBuildsAsAnExam(t *testing.T) {
	for _, name := range exercises.Names() {
		if strings.HasPrefix(name, "exam-") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ex, err := exercises.Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			_, err = buildLoaded(ex, templates.KindExam, "a4")
			switch {
			case ex.Timing != nil && (err == nil || !strings.Contains(err.Error(), "needs an untimed exercise")):
				t.Errorf("a timed exercise: %v", err)
			case ex.Timing == nil && ex.BeyondFigure2() != nil && (err == nil || !strings.Contains(err.Error(), "beyond Figure 2")):
				t.Errorf("an exercise beyond Figure 2: %v", err)
			case ex.Timing == nil && ex.BeyondFigure2() == nil && err != nil:
				t.Error(err)
			}
		})
	}
}

// A committed question's figure has no commitIndex column: an entry at
// or below a server's commitIndex is committed, so the column would
// answer the question (Figure 8's leader, after step 5, has commitIndex
// 3); nor has a who-can-win question's, which may share the page and the
// step. The other kinds' figures keep it (a state may break "commitIndex
// lies within the log").
func TestCommittedFigureHidesCommitIndex(t *testing.T) {
	hidden := map[string]bool{"committed": true, "who-can-win": true}
	kinds := map[string]bool{}
	for _, name := range []string{"exam-figure8", "exam-could-it-occur", "exam-mutant"} {
		b := buildExercise(t, name, templates.KindExam, "a4")
		l := testLayout(t, b, mustTemplate(t, templates.KindExam))
		l.Body = page.Rect{X: 15, Y: 15, W: 180, H: 260}
		e, err := exam.Build(b.ex)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range e.Questions {
			p := &page.Page{}
			y := l.Body.Y
			for _, r := range l.examFigure(q) {
				if r.Draw != nil {
					r.Draw(p, y)
				}
				y += r.H
			}
			var text []string
			for _, tx := range p.Texts {
				for _, ln := range tx.Lines {
					for _, r := range ln {
						text = append(text, r.S)
					}
				}
			}
			if shown := slices.Contains(text, l.lbl.CommitIndex); shown == hidden[q.Kind] {
				t.Errorf("%s question %d (%s): commitIndex shown %v", name, q.N, q.Kind, shown)
			}
			kinds[q.Kind] = true
		}
	}
	if len(kinds) != 5 {
		t.Fatalf("the exams ask %v: the test needs every kind", kinds)
	}
}
