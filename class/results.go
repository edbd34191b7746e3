package class

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/field"
)

// FileResult is one answer file's grade as `check --format json` writes
// it: who, which sheet, the counts and the score, and the fields that
// were not right (every field with --verbose).
type FileResult struct {
	File      string        `json:"file"`
	StudentID string        `json:"student_id"`
	Name      string        `json:"name"`
	Exercise  string        `json:"exercise"`
	Code      string        `json:"code"`
	Part      string        `json:"part"`
	Grade     string        `json:"grade"`  // the fields graded (a Selection)
	Status    string        `json:"status"` // graded, blank, or error
	Error     string        `json:"error,omitempty"`
	Score     float64       `json:"score"` // percent
	Points    float64       `json:"points"`
	Counted   int           `json:"counted"`
	Right     int           `json:"right"`
	Partial   int           `json:"partial"`
	Wrong     int           `json:"wrong"`
	Missing   int           `json:"missing"`
	Warnings  []string      `json:"warnings"`
	Fields    []FieldResult `json:"fields"`
}

// FieldResult is one field's grade.
type FieldResult struct {
	ID       string `json:"id"`
	Verdict  string `json:"verdict"`
	Written  string `json:"written"`
	Key      string `json:"key"`
	Rule     string `json:"rule"`      // the rule's key (engine.Rule)
	RuleText string `json:"rule_text"` // its name and citation
	Line     int    `json:"line,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Result is a graded file as check --format json writes it; all marks
// when every, else those not right.
func Result(g *Grade, every bool) FileResult {
	r := FileResult{File: g.File, StudentID: g.Header.Student.ID, Name: g.Header.Student.Name, Exercise: g.Sheet.Exercise.Name,
		Code: g.Header.Code, Part: g.Part, Grade: g.Selection.String(), Status: g.Status(), Score: round(g.Score()), Points: g.Points(),
		Counted: g.Counted(), Right: g.Right, Partial: g.Partial, Wrong: g.Wrong, Missing: g.Missing,
		Warnings: append([]string{}, g.Warnings...), Fields: []FieldResult{}}
	for _, m := range g.Marks {
		if m.Verdict == Skipped && !every || m.Verdict == Right && !every {
			continue
		}
		r.Fields = append(r.Fields, FieldResult{ID: m.Field.ID, Verdict: m.Verdict.String(), Written: m.Written, Key: KeyText(m.Field),
			Rule: m.Field.Rule.Key(), RuleText: m.Field.Rule.String(), Line: m.Line, Note: m.Note})
	}
	return r
}

// ErrorResult is a file that could not be graded.
func ErrorResult(file string, err error) FileResult {
	return FileResult{File: file, Status: "error", Error: err.Error(), Warnings: []string{}, Fields: []FieldResult{}}
}

// KeyText is the key's answer as a line: "–" for nothing, "(nothing: a
// spare box)" for a box the key leaves empty, "(blank: unchanged, 1)"
// for one the step left unchanged.
func KeyText(f *field.Field) string {
	switch {
	case f.Spare() && len(f.Unchanged) > 0:
		return "(blank: unchanged, " + strings.Join(f.Unchanged, " ") + ")"
	case f.Spare():
		return "(nothing: a spare box)"
	}
	return f.KeyText()
}

func round(v float64) float64 { return math.Round(v*100) / 100 }

// Gradescope's autograder results (results.json, as its "Autograder
// Specifications" give it): a total score and one test per rule of the
// paper, whose points are the fields under that rule.

// GradescopeResults is results.json.
type GradescopeResults struct {
	Score  float64          `json:"score"`
	Output string           `json:"output"`
	Tests  []GradescopeTest `json:"tests"`
}

// GradescopeTest is one test case of results.json.
type GradescopeTest struct {
	Name     string   `json:"name"`
	Score    float64  `json:"score"`
	MaxScore float64  `json:"max_score"`
	Status   string   `json:"status"` // passed or failed
	Output   string   `json:"output"`
	Tags     []string `json:"tags"`
}

// Gradescope is the results of the graded files (a submission's answer
// files, usually one) for Gradescope: a test per rule, its points the
// fields under it, and one test of the boxes whose key strikes values
// through: such a box's point is half its final value's (under its rule)
// and half its history's, so that a final value written alone loses its
// half under "history", not under a rule the student applied right. The
// scores are scaled so that a perfect submission scores total when total
// is more than 0. failed are the files that could not be graded: they
// score nothing, and the output says why.
func Gradescope(grades []*Grade, failed map[string]error, total float64) GradescopeResults {
	type test struct {
		GradescopeTest
		order string
	}
	tests := map[string]*test{}
	history := &test{GradescopeTest: GradescopeTest{Name: historyTest, Tags: []string{"history"}}, order: "9999"}
	var out []string
	max, points := 0.0, 0.0
	for _, g := range grades {
		out = append(out, fmt.Sprintf("%s: %s%s", g.File, summaryLine(g), blankNote(g)))
		for _, m := range g.Marks {
			if m.Verdict == Skipped {
				continue
			}
			r := m.Field.Rule
			key := r.Key() + "|" + r.String()
			t := tests[key]
			if t == nil {
				t = &test{GradescopeTest: GradescopeTest{Name: r.String(), Tags: []string{r.Key()}}, order: fmt.Sprintf("%04d", int(r.ID))}
				if r.Key() == "" {
					t.Tags = []string{}
				}
				tests[key] = t
			}
			max++
			share := 1.0 // of the field's point, under its rule
			if len(m.Field.Final) > 0 {
				share = 0.5
				history.MaxScore += 0.5
				if m.Verdict == Right {
					history.Score += 0.5
				}
			}
			t.MaxScore += share
			switch m.Verdict {
			case Right:
				t.Score += share
				points++
			case Partial:
				t.Score += share
				points += 0.5
				history.Output += fmt.Sprintf("%s: wrote %q; the final value is right, the values before it are missing (key: %s, all but the last struck through)\n", m.Field.ID, m.Written, KeyText(m.Field))
			case Wrong:
				t.Output += fmt.Sprintf("%s: wrote %q, key %s\n", m.Field.ID, m.Written, KeyText(m.Field))
			case Missing:
				what := "left blank"
				if m.Note != "" {
					what = m.Note
				}
				t.Output += fmt.Sprintf("%s: %s, key %s\n", m.Field.ID, what, KeyText(m.Field))
			}
		}
	}
	files := make([]string, 0, len(failed))
	for f := range failed {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		out = append(out, fmt.Sprintf("%s could not be graded: %v", f, failed[f]))
	}
	scale := 1.0
	if total > 0 && max > 0 {
		scale = total / max
	}
	res := GradescopeResults{Score: round(points * scale), Output: strings.Join(out, "\n"), Tests: []GradescopeTest{}}
	var list []*test
	for _, t := range tests {
		list = append(list, t)
	}
	if history.MaxScore > 0 {
		list = append(list, history)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].order != list[j].order {
			return list[i].order < list[j].order
		}
		return list[i].Name < list[j].Name
	})
	for _, t := range list {
		t.Status = "failed"
		if t.Score == t.MaxScore {
			t.Status = "passed"
		}
		t.Score, t.MaxScore = round(t.Score*scale), round(t.MaxScore*scale)
		t.Output = strings.TrimSuffix(t.Output, "\n")
		res.Tests = append(res.Tests, t.GradescopeTest)
	}
	return res
}

// historyTest names the Gradescope test of the struck values.
const historyTest = "Old values struck through, not erased (Raft State sheets keep their history)"

func blankNote(g *Grade) string {
	if g.Blank {
		return " (nothing written: blank)"
	}
	return ""
}

// summaryLine is a file's counts and score on one line.
func summaryLine(g *Grade) string {
	s := fmt.Sprintf("%d right", g.Right)
	if g.Partial > 0 {
		s += fmt.Sprintf(", %d history missing", g.Partial)
	}
	return s + fmt.Sprintf(", %d wrong, %d missing of %d · %.1f%%", g.Wrong, g.Missing, g.Counted(), g.Score())
}

// SummaryLine is a file's counts and score on one line, as check prints it.
func SummaryLine(g *Grade) string { return summaryLine(g) + blankNote(g) }
