// Package moodle writes exam questions as Moodle XML, so that the same
// questions run online: one category per exercise, and in it one Cloze
// ("embedded answers") question per variant holding all of the exercise's
// questions, so that a quiz's random question from the category gives each
// student a variant. Each answer box becomes an embedded answer Moodle
// grades: multiple choice (yes or no, committed or at risk, a rule of the
// menu), numerical (how many votes a candidate would get) or short answer
// (a server that can win). A sequence of events cannot be graded by
// Moodle, so those boxes stay on paper; the general feedback gives the
// key's witnesses and rules.
//
// The format is Moodle's "Moodle XML" (docs.moodle.org, Moodle XML
// format): <quiz>, a <question type="category"> naming the category as
// $course$/…, then <question type="cloze"> with <name>, <questiontext
// format="html"> (in CDATA), <generalfeedback>, <penalty>, <hidden> and
// <idnumber>. The embedded answers follow the Cloze syntax
// ({1:MULTICHOICE:=right~wrong}), as Moodle's own parser reads it
// (question/type/multianswer/questiontype.php, ANSWER_REGEX).
package moodle

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/raftsheet/raftsheet/variant"
)

// Set is one exercise's exams: the exercise itself or its variants, each
// with the code that names it ("" for the exercise itself).
type Set struct {
	Name  string // the exercise's NAME: its category
	Title string
	Exams []Variant
}

// Variant is one variant's exam.
type Variant struct {
	Code string
	Exam *exam.Exam
}

// quiz is the XML document.
type quiz struct {
	XMLName   xml.Name   `xml:"quiz"`
	Questions []question `xml:"question"`
}

type question struct {
	Type            string `xml:"type,attr"`
	Category        *text  `xml:"category,omitempty"`
	Info            *html  `xml:"info,omitempty"`
	Name            *text  `xml:"name,omitempty"`
	QuestionText    *html  `xml:"questiontext,omitempty"`
	GeneralFeedback *html  `xml:"generalfeedback,omitempty"`
	Penalty         string `xml:"penalty,omitempty"`
	Hidden          string `xml:"hidden,omitempty"`
	IDNumber        string `xml:"idnumber,omitempty"`
}

type text struct {
	Text string `xml:"text"`
}

type html struct {
	Format string `xml:"format,attr"`
	Text   cdata  `xml:"text"`
}

type cdata struct {
	Text string `xml:",cdata"`
}

// Write writes the sets as one Moodle XML file, worded with the exam
// template tpl.
func Write(w io.Writer, sets []Set, tpl *templates.Template) error {
	var q quiz
	for _, s := range sets {
		q.Questions = append(q.Questions, question{Type: "category",
			Category: &text{Text: "$course$/top/raftsheet/" + s.Name},
			Info:     &html{Format: "html", Text: cdata{Text: "<p>" + escape(s.Title) + "</p>"}}})
		seen := map[string]bool{}
		for _, v := range s.Exams {
			body := questionText(v.Exam, tpl)
			if seen[body] {
				continue // variants that change nothing (variants: false) are one question
			}
			seen[body] = true
			name := s.Title
			if v.Code != "" {
				name += " · " + v.Code
			}
			q.Questions = append(q.Questions, question{Type: "cloze",
				Name:            &text{Text: name},
				QuestionText:    &html{Format: "html", Text: cdata{Text: body}},
				GeneralFeedback: &html{Format: "html", Text: cdata{Text: feedback(v.Exam, tpl)}},
				Penalty:         "0.3333333", Hidden: "0", IDNumber: idNumber(s.Name, v.Code)})
		}
	}
	out, err := xml.MarshalIndent(q, "", "  ")
	if err != nil {
		return err
	}
	// Moodle wants the XML declaration alone on the first line.
	if _, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"); err != nil {
		return err
	}
	if _, err := w.Write(out); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// idNumber identifies a question in its bank: the variant's code, or the
// exercise's name.
func idNumber(name, code string) string {
	if code != "" {
		return code
	}
	return "raftsheet-" + name
}

// escape writes s as HTML text.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// para is s as an HTML paragraph.
func para(s string) string { return "<p>" + escape(s) + "</p>\n" }

// MaxVariants bounds the variants one exercise exports: each is explored.
const MaxVariants = 200

// SetOf is the exam of ex, or of its variants 1 to n (n > 0), each with
// its code.
func SetOf(ex *exercise.Exercise, n int) (Set, error) {
	s := Set{Name: ex.Name, Title: ex.Title}
	if n > MaxVariants {
		return s, fmt.Errorf("%d variants is too many to export at once (at most %d)", n, MaxVariants)
	}
	if n <= 0 {
		e, err := exam.Build(ex)
		if err != nil {
			return s, err
		}
		s.Exams = append(s.Exams, Variant{Exam: e})
		return s, nil
	}
	for i := 1; i <= n; i++ {
		v := variant.Apply(ex, uint16(i))
		e, err := exam.Build(v)
		if err != nil {
			return s, fmt.Errorf("variant %s: %w", variant.Code(ex.Name, uint16(i)), err)
		}
		s.Exams = append(s.Exams, Variant{Code: variant.Code(ex.Name, uint16(i)), Exam: e})
	}
	return s, nil
}
