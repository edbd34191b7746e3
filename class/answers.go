package class

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/pipeline"
)

// Header says which sheet an answer file answers: what check needs to
// rebuild its key. An answer file is the student's, so it names the
// exercise and a course's template, never a path that check would open:
// a file of the teacher's (--exercise, --template or the class set's
// manifest) says where they are.
type Header struct {
	Exercise string // the exercise's NAME
	Code     string // the variant's code; "" for the exercise itself
	Hash     string // the variant's answers when the file was made (ContentHash); "" if unknown
	Template string // roleplay, trace, or a course template's file name
	Paper    string
	Part     string // the part of a role-play group's sheets: "server S3", "slips"; "" for all of them
	Grade    string // the fields graded (a Selection); "" all
	Title    string
	Student  Student
}

// HeaderOf is the answer file header of a sheet, for a student: every
// field of it graded.
func HeaderOf(s *pipeline.Sheet, student Student) Header {
	return Header{Exercise: s.Exercise.Name, Code: s.Code, Hash: ContentHash(s.Trace), Template: templateName(s.Options.Template),
		Paper: s.Options.Paper.Name, Title: s.Trace.Title, Student: student}
}

// answerHelp is the answer template's preamble: how to write answers.
const answerHelp = `# Write each answer after its field id, as you wrote it on the sheet (the
# id is printed small in the corner of each box). Spelling is forgiving:
#   numbers 3 · servers S1 (any case) · roles F, C, L, × (or follower,
#   candidate, leader, down; C→L or "C L" for several) · yes/no, lost,
#   drop, … · values as on the sheet (1:sally or sally) · entries 1:x 2:y
#   · "-", "none" or "" for nothing (no vote, nothing applied).
# A box with several values (one struck through, then the new one): all
# of them, oldest first, e.g. 1 2. A box you left empty on the sheet
# stays empty here: where the key has nothing (–), empty is right.
# Grade it with: raftsheet check FILE`

// AnswerTemplate is the YAML answer file of a sheet: its header and every
// field, page by page, in the sheets' order, with a comment saying where
// the box is. answer, if not nil, fills each field in (a key's answers).
func AnswerTemplate(h Header, fields []*field.Field, answer func(*field.Field) string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# raftsheet answers: %s\n", oneLine(h.Title))
	if h.Code != "" {
		fmt.Fprintf(&b, "# variant %s · %d boxes\n", h.Code, len(fields))
	} else {
		fmt.Fprintf(&b, "# %d boxes\n", len(fields))
	}
	b.WriteString("#\n" + answerHelp + "\n")
	if hasExamBoxes(fields) {
		b.WriteString(examAnswerHelp + "\n")
	}
	fmt.Fprintf(&b, "exercise: %s\n", quote(h.Exercise))
	if h.Code != "" {
		fmt.Fprintf(&b, "code: %s\n", h.Code)
	}
	if h.Hash != "" {
		fmt.Fprintf(&b, "hash: %s\n", h.Hash)
	}
	fmt.Fprintf(&b, "template: %s\n", quote(h.Template))
	fmt.Fprintf(&b, "paper: %s\n", h.Paper)
	if h.Part != "" {
		fmt.Fprintf(&b, "part: %s\n", quote(h.Part))
	}
	if h.Grade != "" && h.Grade != "all" {
		fmt.Fprintf(&b, "grade: %s\n", quote(h.Grade))
	}
	b.WriteString("student:\n")
	fmt.Fprintf(&b, "  id: %s\n", quote(h.Student.ID))
	fmt.Fprintf(&b, "  name: %s\n", quote(h.Student.Name))
	b.WriteString("answers:\n")
	width := 0
	for _, f := range fields {
		width = max(width, len(f.ID))
	}
	group, page := "", 0
	for _, f := range fields {
		if f.Page != page || f.Part != group {
			fmt.Fprintf(&b, "  # page %d · %s\n", f.Page, f.Part)
			group, page = f.Part, f.Page
		}
		value := ""
		if answer != nil {
			value = answer(f)
		}
		line := fmt.Sprintf("  %s: %s", f.ID, value)
		if value == "" {
			line = fmt.Sprintf("  %s:", f.ID)
		}
		fmt.Fprintf(&b, "%-*s # %s\n", width+5, line, f.Box)
	}
	return []byte(b.String())
}

// KeyAnswer is a field's answer as the key gives it, quoted for YAML: a
// perfect answer file. A spare box stays empty.
func KeyAnswer(f *field.Field) string {
	if f.Spare() {
		return ""
	}
	return quote(strings.Join(f.Full, " "))
}

// quote writes s as a YAML scalar that reads back as s: JSON's string
// syntax is YAML's double-quoted one.
func quote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
