package class

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/templates"
)

// Verdict is what became of one field of an answer file.
type Verdict int

const (
	Right   Verdict = iota
	Wrong           // written, and not the key's answer
	Missing         // left blank, or unreadable
	Skipped         // a spare box left blank, as the key leaves it: not counted
)

var verdictNames = [...]string{"right", "wrong", "missing", "skipped"}

func (v Verdict) String() string { return verdictNames[v] }

// Mark is one field's grade.
type Mark struct {
	Field   *field.Field
	Written string // as the file has it; "" when blank
	Verdict Verdict
	Note    string // why a written value counts as missing (unreadable)
	Line    int    // where the file has it; 0 when it is not in the file
}

// Grade is one answer file's result.
type Grade struct {
	File                  string
	Header                Header
	Sheet                 *pipeline.Sheet // the sheet it was graded against
	Marks                 []Mark          // every field of the sheet, in the sheets' order
	Warnings              []string
	Right, Wrong, Missing int
}

// Counted is how many fields count towards the score.
func (g *Grade) Counted() int { return g.Right + g.Wrong + g.Missing }

// Score is the share of counted fields answered right, in percent.
func (g *Grade) Score() float64 {
	if g.Counted() == 0 {
		return 0
	}
	return 100 * float64(g.Right) / float64(g.Counted())
}

// GradeAnswers compares an answer file with the fields of its sheet. A
// spare box (the key leaves it empty) counts only if something is
// written in it, and then as wrong; ids the sheet does not have are
// warnings, not errors.
func GradeAnswers(a *AnswerFile, fields []*field.Field, labels *templates.Labels) *Grade {
	g := &Grade{File: a.File, Header: a.Header}
	known := map[string]bool{}
	var ids []string
	a.canonicalID = map[string]string{}
	for _, f := range fields {
		a.canonicalID[strings.ToLower(f.ID)] = f.ID
	}
	for _, f := range fields {
		known[f.ID] = true
		ids = append(ids, f.ID)
		ans, present := a.lookup(f.ID)
		m := Mark{Field: f, Line: ans.Line, Written: ans.Text}
		switch {
		case !present || ans.Blank:
			m.Verdict, m.Written = Missing, ""
		case ans.Unread != "":
			m.Verdict, m.Note = Missing, "unreadable: "+ans.Unread
		case matches(f, field.Normalize(f.Kind, ans.Text, labels)):
			m.Verdict = Right
		default:
			m.Verdict = Wrong
		}
		if f.Spare() && m.Verdict != Wrong {
			m.Verdict = Skipped // blank, or "-": as the key leaves it
		}
		g.count(m.Verdict)
		g.Marks = append(g.Marks, m)
	}
	unknown := 0
	for _, id := range a.Order {
		if known[id] || known[a.canonicalID[strings.ToLower(id)]] {
			continue
		}
		if unknown++; unknown > maxUnknownWarnings {
			continue
		}
		w := fmt.Sprintf("%s:%d: the sheet has no field %s; its answer is not graded", a.File, a.Answers[id].Line, clip(id, 60))
		if s := nearestID(id, ids); s != "" {
			w += fmt.Sprintf(" (did you mean %s?)", s)
		}
		g.Warnings = append(g.Warnings, w)
	}
	if more := unknown - maxUnknownWarnings; more > 0 {
		g.Warnings = append(g.Warnings, fmt.Sprintf("%s: %d more answers have ids the sheet does not have (is it the answer file of another exercise?)", a.File, more))
	}
	judgeWritten(g, a)
	return g
}

// maxUnknownWarnings is how many unknown field ids are each warned about
// with a "did you mean": comparing an id with every field of a large
// sheet is costly, and past a few the file is likely another sheet's.
const maxUnknownWarnings = 10

func (g *Grade) count(v Verdict) {
	switch v {
	case Right:
		g.Right++
	case Wrong:
		g.Wrong++
	case Missing:
		g.Missing++
	}
}

// matches reports whether what was written, normalized, is the key's
// answer in full or as printed.
func matches(f *field.Field, got []string) bool {
	if f.Spare() {
		return len(got) == 1 && got[0] == "-"
	}
	return equalFold(got, f.Canon) || equalFold(got, f.Alt)
}

func equalFold(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if !strings.EqualFold(strings.TrimSpace(a[i]), strings.TrimSpace(b[i])) {
			return false
		}
	}
	return true
}

// nearestID is the field id closest to a mistyped one, if one is close.
func nearestID(id string, ids []string) string {
	return diag.Suggest(id, slices.Sorted(slices.Values(ids)))
}
