package class

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/raftsheet/raftsheet/variant"
	"github.com/raftsheet/raftsheet/worksheet"
)

// Status is what a file (or a student of the class set) comes to: graded,
// blank (nothing written), or absent (no file).
func (g *Grade) Status() string {
	if g.Blank {
		return "blank"
	}
	return "graded"
}

// ScoresCSV is one row per graded file, and one per student of the class
// set with no file: who, which variant, what they played, how many fields
// were right, partly right, wrong and missing, and the score. What comes
// from the answer files and the roster is made safe (textsafe.Cell): a
// cell that starts like a formula is shown as text, never run.
func ScoresCSV(grades []*Grade, absent []ManifestEntry) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"student", "name", "code", "part", "file", "status", "right", "partial", "wrong", "missing", "score %"})
	for _, g := range grades {
		w.Write(append(textsafe.Row(g.Header.Student.ID, g.Header.Student.Name, g.Header.Code, g.Part, g.File), g.Status(),
			fmt.Sprint(g.Right), fmt.Sprint(g.Partial), fmt.Sprint(g.Wrong), fmt.Sprint(g.Missing), fmt.Sprintf("%.1f", g.Score())))
	}
	for _, s := range absent {
		w.Write(append(textsafe.Row(s.ID, s.Name, s.Code, partOf(s.Plays)), "", "absent", "", "", "", "", "0.0"))
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// Absent are the class set's students none of the grades is of.
func Absent(m *Manifest, grades []*Grade) []ManifestEntry {
	if m == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, g := range grades {
		seen[g.Header.Student.ID+"|"+g.Header.Code] = true
	}
	var out []ManifestEntry
	for _, s := range m.Students {
		if !seen[s.ID+"|"+s.Code] {
			out = append(out, s)
		}
	}
	return out
}

// RuleMisses are the answers a class got wrong, or left blank, under one
// rule of the paper.
type RuleMisses struct {
	Rule         field.Rule
	Wrong, Blank int // answers under the rule written wrong, and left blank (or unreadable)
	Of           int // answers under the rule, over all files
	Fields       []FieldMisses
}

// FieldMisses is one field, named as the exercise's own servers name it
// (so that the variants' fields line up), and how many files got it
// wrong, left it blank, or wrote its final value without its history.
type FieldMisses struct {
	ID                    string
	Wrong, Blank, Partial int
	Of                    int
}

// Misses are what the class missed: by the rule behind the answers,
// wrong answers first (most first), then blanks; and apart, the fields
// whose final value was right but their history missing, which says
// nothing against the rule. Blank files are left out (the report lists
// them apart).
func Misses(grades []*Grade) (rules []RuleMisses, history []FieldMisses) {
	byRule := map[engine.Rule]*RuleMisses{}
	fields := map[engine.Rule]map[string]*FieldMisses{}
	partial := map[string]*FieldMisses{}
	for _, g := range grades {
		if g.Blank {
			continue
		}
		rename := originalNames(g.Sheet)
		for _, m := range g.Marks {
			if m.Verdict == Skipped {
				continue
			}
			id := rename(m.Field.ID)
			if m.Verdict == Partial {
				if partial[id] == nil {
					partial[id] = &FieldMisses{ID: id}
				}
				partial[id].Partial++
			}
			r := m.Field.Rule.ID
			if byRule[r] == nil {
				byRule[r] = &RuleMisses{Rule: m.Field.Rule}
				fields[r] = map[string]*FieldMisses{}
			}
			f := fields[r][id]
			if f == nil {
				f = &FieldMisses{ID: id}
				fields[r][id] = f
			}
			if m.Verdict == Partial {
				continue // counted apart, not against the rule
			}
			byRule[r].Of++
			f.Of++
			switch m.Verdict {
			case Wrong:
				byRule[r].Wrong++
				f.Wrong++
			case Missing:
				byRule[r].Blank++
				f.Blank++
			}
		}
	}
	for r, rm := range byRule {
		for _, f := range fields[r] {
			if f.Wrong+f.Blank > 0 {
				rm.Fields = append(rm.Fields, *f)
			}
		}
		sort.Slice(rm.Fields, func(i, j int) bool {
			return worse(rm.Fields[i].Wrong, rm.Fields[i].Blank, rm.Fields[i].ID, rm.Fields[j].Wrong, rm.Fields[j].Blank, rm.Fields[j].ID)
		})
		if rm.Wrong+rm.Blank > 0 {
			rules = append(rules, *rm)
		}
	}
	sort.Slice(rules, func(i, j int) bool {
		return worse(rules[i].Wrong, rules[i].Blank, rules[i].Rule.String(), rules[j].Wrong, rules[j].Blank, rules[j].Rule.String())
	})
	for _, f := range partial {
		history = append(history, *f)
	}
	sort.Slice(history, func(i, j int) bool {
		if history[i].Partial != history[j].Partial {
			return history[i].Partial > history[j].Partial
		}
		return history[i].ID < history[j].ID
	})
	return rules, history
}

// worse orders misses: more wrong first, then more blank, then by name.
func worse(wrongA, blankA int, nameA string, wrongB, blankB int, nameB string) bool {
	if wrongA != wrongB {
		return wrongA > wrongB
	}
	if blankA != blankB {
		return blankA > blankB
	}
	return nameA < nameB
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
// rules behind the answers the class got wrong or left blank, the
// histories left out, the blank and absent files. The same grades give
// the same bytes.
func ReportPDF(grades []*Grade, absent []ManifestEntry, paper page.Paper) ([]byte, error) {
	doc, err := worksheet.ReportPage(ReportData(reportTitle(grades), grades, absent), paper)
	if err != nil {
		return nil, err
	}
	return pdf.Render(doc, false)
}

// reportTitle is the title of the exercise the grades are of: its own
// words, not one variant's, or "several exercises".
func reportTitle(grades []*Grade) string {
	if len(grades) == 0 {
		return ""
	}
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

// ReportData is the class report's content: the scores of the files
// graded (blank files apart), the misses, who handed in nothing.
func ReportData(title string, grades []*Grade, absent []ManifestEntry) worksheet.Report {
	r := worksheet.Report{Title: title}
	var scores []float64
	total := 0.0
	for _, g := range grades {
		if g.Blank {
			r.Blank = append(r.Blank, who(g.Header.Student.ID, g.Header.Student.Name, g.File))
			continue
		}
		scores = append(scores, g.Score())
		total += g.Score()
	}
	for _, s := range absent {
		r.Absent = append(r.Absent, who(s.ID, s.Name, ""))
	}
	r.Files = len(scores)
	if n := len(scores); n > 0 {
		sort.Float64s(scores)
		r.Mean, r.Lowest, r.Highest = total/float64(n), scores[0], scores[n-1]
		r.Median = (scores[(n-1)/2] + scores[n/2]) / 2
	}
	rules, history := Misses(grades)
	for _, m := range rules {
		rr := worksheet.ReportRule{Rule: m.Rule, Wrong: m.Wrong, Blank: m.Blank, Of: m.Of}
		for _, f := range m.Fields {
			rr.Fields = append(rr.Fields, worksheet.ReportField{ID: f.ID, Wrong: f.Wrong, Blank: f.Blank, Of: f.Of})
		}
		r.Rules = append(r.Rules, rr)
	}
	for _, f := range history {
		r.History = append(r.History, worksheet.ReportField{ID: f.ID, Partial: f.Partial})
	}
	return r
}

// who names a student: "Ada Lovelace (s101)", "s101", or the file.
func who(id, name, file string) string {
	switch {
	case id != "" && name != "":
		return fmt.Sprintf("%s (%s)", name, id)
	case id != "":
		return id
	case name != "":
		return name
	}
	return file
}
