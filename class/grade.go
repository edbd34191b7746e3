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
	Partial         // the final value right, the struck values before it (its history) missing: half a point
	Wrong           // written, and not the key's answer
	Missing         // left blank where the key has something, or unreadable
	Skipped         // a spare box left blank, as the key leaves it: not counted
)

var verdictNames = [...]string{"right", "partial", "wrong", "missing", "skipped"}

func (v Verdict) String() string { return verdictNames[v] }

// Mark is one field's grade.
type Mark struct {
	Field   *field.Field
	Written string // as the file has it; "" when blank
	Verdict Verdict
	Note    string // why a written value counts as missing (unreadable), or that a blank is right
	Line    int    // where the file has it; 0 when it is not in the file
}

// Grade is one answer file's result.
type Grade struct {
	File      string
	Header    Header
	Sheet     *pipeline.Sheet // the sheet it was graded against
	Part      string          // the part of the sheets graded ("" all)
	Selection Selection       // the fields graded
	Marks     []Mark          // every field graded, in the sheets' order
	Warnings  []string
	// Blank is a file with nothing written in it at all: it scores 0, and
	// the class report lists it apart.
	Blank                          bool
	Right, Partial, Wrong, Missing int
}

// Counted is how many fields count towards the score.
func (g *Grade) Counted() int { return g.Right + g.Partial + g.Wrong + g.Missing }

// Points are the file's points: one per right field, half per field whose
// final value is right and its history missing.
func (g *Grade) Points() float64 { return float64(g.Right) + float64(g.Partial)/2 }

// Score is the share of the points a file can have, in percent.
func (g *Grade) Score() float64 {
	if g.Counted() == 0 {
		return 0
	}
	return 100 * g.Points() / float64(g.Counted())
}

// GradeAnswers compares an answer file with the fields graded.
//
// A box whose key is "nothing" (–: no vote, a follower's nextIndex, the
// term of a reply that was lost) may be left blank: blank is right there,
// as the sheets tell students ("a box you leave blank counts as –"). A
// spare box (the key leaves it empty) counts only if something is
// written in it, and then as wrong. Writing again what the sheet prints
// in a box (F of F→×→F) is right; writing the final value alone where the
// key strikes earlier ones is partial: final right, history missing. A
// file with nothing written at all is blank and scores 0. Ids the sheet
// does not have are warnings, not errors.
func GradeAnswers(a *AnswerFile, fields []*field.Field, labels *templates.Labels) *Grade {
	g := &Grade{File: a.File, Header: a.Header, Blank: true}
	for _, id := range a.Order {
		if ans := a.Answers[id]; !ans.Blank {
			g.Blank = false
		}
	}
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
		m := mark(f, ans, present, labels)
		if g.Blank && m.Verdict != Skipped {
			m.Verdict, m.Note = Missing, ""
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

// mark grades one field.
func mark(f *field.Field, ans Answer, present bool, labels *templates.Labels) Mark {
	m := Mark{Field: f, Line: ans.Line, Written: ans.Text}
	blank := !present || ans.Blank
	switch {
	case f.Spare():
		m.Verdict = Skipped // blank, or "-": as the key leaves it
		if got := field.Normalize(f.Kind, ans.Text, labels); !blank && ans.Unread == "" && !matches(got, []string{"-"}) {
			m.Verdict = Wrong
			if matches(got, f.Unchanged) { // blank = unchanged, and it is
				m.Verdict, m.Note = Skipped, "the unchanged value: blank would do"
			}
		}
		if blank {
			m.Written = ""
		}
	case blank && keyIsNone(f):
		m.Verdict, m.Written, m.Note = Right, "", "blank: nothing, as the key"
	case blank:
		m.Verdict, m.Written = Missing, ""
	case ans.Unread != "":
		m.Verdict, m.Note = Missing, "unreadable: "+ans.Unread
	default:
		m.Verdict = judge(f, field.Normalize(f.Kind, ans.Text, labels))
	}
	return m
}

// keyIsNone reports whether the key's answer is "nothing" (–).
func keyIsNone(f *field.Field) bool { return len(f.Canon) == 1 && f.Canon[0] == "-" }

// judge compares what was written, read into the key's words, with the
// key's answer: each value in full or as printed, with what the sheet
// gives before it or without; or only its final value.
func judge(f *field.Field, got []string) Verdict {
	if answers(got, f.Given, f.Canon, f.Alt) {
		return Right
	}
	if len(f.Final) > 0 && answers(got, f.Given, f.Final, f.FinalAlt) {
		return Partial
	}
	return Wrong
}

// answers reports whether got is the answer, each value in full or as
// printed (abbreviated), with what the sheet gives before it or without.
func answers(got, given, full, printed []string) bool {
	if sameAnswer(got, full, printed) {
		return true
	}
	n := len(given)
	return n > 0 && len(got) > n && matches(got[:n], given) && sameAnswer(got[n:], full, printed)
}

func sameAnswer(got, full, printed []string) bool {
	return matches(got, full) || matches(got, printed) || eachMatches(got, full, printed)
}

// eachMatches reports whether every value of got is the same value of
// full or of printed: one long value written in full, another as printed.
func eachMatches(got, full, printed []string) bool {
	if len(got) == 0 || len(got) != len(full) || len(full) != len(printed) {
		return false
	}
	for i := range got {
		if !matches(got[i:i+1], full[i:i+1]) && !matches(got[i:i+1], printed[i:i+1]) {
			return false
		}
	}
	return true
}

// maxUnknownWarnings is how many unknown field ids are each warned about
// with a "did you mean": comparing an id with every field of a large
// sheet is costly, and past a few the file is likely another sheet's.
const maxUnknownWarnings = 10

func (g *Grade) count(v Verdict) {
	switch v {
	case Right:
		g.Right++
	case Partial:
		g.Partial++
	case Wrong:
		g.Wrong++
	case Missing:
		g.Missing++
	}
}

// matches reports whether two answers in the key's words are the same.
func matches(a, b []string) bool {
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
