package class

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/raftsheet/raftsheet/variant"
	"github.com/raftsheet/raftsheet/worksheet"
)

// ScoresCSV is one row per graded file: who, which variant, and how many
// fields were right, wrong and missing, with the score. What comes from
// the answer files is made safe (textsafe.Cell): a student field that
// starts like a formula is shown as text, never run.
func ScoresCSV(grades []*Grade) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"student", "name", "code", "file", "right", "wrong", "missing", "score %"})
	for _, g := range grades {
		w.Write(append(textsafe.Row(g.Header.Student.ID, g.Header.Student.Name, g.Header.Code, g.File),
			fmt.Sprint(g.Right), fmt.Sprint(g.Wrong), fmt.Sprint(g.Missing), fmt.Sprintf("%.1f", g.Score())))
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// RuleMisses are the fields a class missed (wrong or missing) under one
// rule of the paper.
type RuleMisses struct {
	Rule   field.Rule
	Missed int // answers under the rule that were missed
	Of     int // answers under the rule, over all files
	Fields []FieldMisses
}

// FieldMisses is one field, named as the exercise's own servers name it
// (so that the variants' fields line up), and how many files missed it.
type FieldMisses struct {
	ID     string
	Missed int
	Of     int
}

// Misses groups the missed answers of all files by the rule behind them,
// most missed first; within a rule, the fields most missed first.
func Misses(grades []*Grade) []RuleMisses {
	byRule := map[field.Rule]*RuleMisses{}
	fields := map[field.Rule]map[string]*FieldMisses{}
	for _, g := range grades {
		rename := originalNames(g.Sheet)
		for _, m := range g.Marks {
			if m.Verdict == Skipped {
				continue
			}
			r := m.Field.Rule
			if byRule[r] == nil {
				byRule[r] = &RuleMisses{Rule: r}
				fields[r] = map[string]*FieldMisses{}
			}
			id := rename(m.Field.ID)
			f := fields[r][id]
			if f == nil {
				f = &FieldMisses{ID: id}
				fields[r][id] = f
			}
			byRule[r].Of++
			f.Of++
			if m.Verdict != Right {
				byRule[r].Missed++
				f.Missed++
			}
		}
	}
	var out []RuleMisses
	for r, rm := range byRule {
		for _, f := range fields[r] {
			if f.Missed > 0 {
				rm.Fields = append(rm.Fields, *f)
			}
		}
		sort.Slice(rm.Fields, func(i, j int) bool {
			a, b := rm.Fields[i], rm.Fields[j]
			if a.Missed != b.Missed {
				return a.Missed > b.Missed
			}
			return a.ID < b.ID
		})
		if rm.Missed > 0 {
			out = append(out, *rm)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Missed != b.Missed {
			return a.Missed > b.Missed
		}
		return a.Rule.String() < b.Rule.String()
	})
	return out
}

// originalNames renames a variant's field ids back to the exercise's
// server names: ada.log[2].term is S3.log[2].term when ada plays S3.
func originalNames(s *pipeline.Sheet) func(string) string {
	if s == nil || s.Code == "" {
		return func(id string) string { return id }
	}
	back := map[string]string{}
	for orig, v := range variant.Servers(s.Exercise, s.Number) {
		back[v] = orig
	}
	return func(id string) string {
		parts := strings.Split(id, ".")
		for i, p := range parts {
			name, rest, _ := strings.Cut(p, "[")
			if o, ok := back[name]; ok {
				name = o
			}
			if idx, ok := strings.CutSuffix(rest, "]"); ok {
				if o, ok := back[idx]; ok {
					idx = o
				}
				parts[i] = name + "[" + idx + "]"
				continue
			}
			parts[i] = name
		}
		return strings.Join(parts, ".")
	}
}

// ReportPDF is the class report of the grades, on one page of paper: the
// rules behind the answers the class missed most. The same grades give
// the same bytes.
func ReportPDF(grades []*Grade, paper page.Paper) ([]byte, error) {
	doc, err := worksheet.ReportPage(ReportData(reportTitle(grades), grades, Misses(grades)), paper)
	if err != nil {
		return nil, err
	}
	return pdf.Render(doc, false)
}

// reportTitle is the title of the exercise the grades are of: its own
// words, not one variant's, or "several exercises".
func reportTitle(grades []*Grade) string {
	title := grades[0].Sheet.Variant.Title
	if grades[0].Sheet.Code != "" {
		title = grades[0].Sheet.Exercise.Title
	}
	for _, g := range grades {
		if g.Sheet.Exercise.Name != grades[0].Sheet.Exercise.Name {
			title = "several exercises"
		}
	}
	return title
}

// ReportData is the class report's content, for its one-page PDF.
func ReportData(title string, grades []*Grade, misses []RuleMisses) worksheet.Report {
	r := worksheet.Report{Title: title, Files: len(grades)}
	scores := make([]float64, len(grades))
	total := 0.0
	for i, g := range grades {
		scores[i] = g.Score()
		total += scores[i]
	}
	if n := len(scores); n > 0 {
		sort.Float64s(scores)
		r.Mean, r.Lowest, r.Highest = total/float64(n), scores[0], scores[n-1]
		r.Median = (scores[(n-1)/2] + scores[n/2]) / 2
	}
	for _, m := range misses {
		rr := worksheet.ReportRule{Rule: m.Rule, Missed: m.Missed, Of: m.Of}
		for _, f := range m.Fields {
			rr.Fields = append(rr.Fields, worksheet.ReportField{ID: f.ID, Missed: f.Missed, Of: f.Of})
		}
		r.Rules = append(r.Rules, rr)
	}
	return r
}
