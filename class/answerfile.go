package class

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/infile"
	"github.com/raftsheet/raftsheet/yaml"
)

// AnswerFile is a student's answers as read from YAML.
type AnswerFile struct {
	File    string
	Header  Header
	Answers map[string]Answer // by field id
	Order   []string          // field ids in the file's order
	Lines   map[string]int    // where each header key is

	canonicalID map[string]string // a field id in lower case → as the sheet spells it
	lowerID     map[string]string // a field id in lower case → as the file spells it
}

// lookup finds a field's answer by its id, or by its id in another case
// (s1.vote[1] for S1.vote[1]).
func (a *AnswerFile) lookup(id string) (Answer, bool) {
	if ans, ok := a.Answers[id]; ok {
		return ans, true
	}
	if a.lowerID == nil {
		a.lowerID = map[string]string{}
		for _, other := range a.Order {
			a.lowerID[strings.ToLower(other)] = other
		}
	}
	if other, ok := a.lowerID[strings.ToLower(id)]; ok {
		return a.Answers[other], true
	}
	return Answer{}, false
}

// Answer is what a student wrote for one field.
type Answer struct {
	Text   string // the value; "" for an explicit empty string
	Blank  bool   // nothing written (no value, or null): the field is missing
	Unread string // why the value could not be read (a mapping, say): missing too
	Line   int
}

// loneDashes are answers written as a bare "-", which YAML would read as
// a list: they mean none, so they are quoted first (lines stay put).
var loneDashes = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^([ \t]+[^\s#:-][^\n:]*:)[ \t]+-[ \t]*(\s#.*)?$`)
})

var headerKeys = []string{"exercise", "code", "hash", "template", "paper", "part", "grade", "student", "answers"}

// Limits of an answer file.
const (
	// MaxAnswerFileSize is the largest answer file read, checked before
	// reading: the worked answer file (--key) of a 500-step exercise of
	// nine servers in the trace template, the largest sheet there is, is
	// 3 MB, and a student's typed from paper is smaller.
	MaxAnswerFileSize = 4 << 20
	// MaxAnswers is the most answers a file may hold: that same sheet has
	// 23,000 fields.
	MaxAnswers = 50_000
)

// ReadAnswersFile reads the answer file at path: a regular file of at
// most MaxAnswerFileSize bytes.
func ReadAnswersFile(path string) (*AnswerFile, error) {
	src, err := infile.Read(path, MaxAnswerFileSize)
	if err != nil {
		return nil, err
	}
	return ReadAnswers(path, src)
}

// ReadAnswers reads an answer file. Errors are diag.Diagnostics naming
// the file and line: not YAML, not a mapping, an unknown or repeated key,
// no exercise or code, more than MaxAnswers answers.
func ReadAnswers(file string, src []byte) (*AnswerFile, error) {
	if len(src) > MaxAnswerFileSize {
		return nil, diag.Diagnostics{{File: file, Msg: "the file is larger than " + infile.Size(MaxAnswerFileSize),
			Hint: "an answer file is the one `raftsheet answers` writes, filled in; is it the right file?"}}
	}
	if d := diag.CheckText(file, src); d != nil {
		return nil, diag.Diagnostics{*d}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(loneDashes().ReplaceAll(src, []byte(`$1 "-"$2`))))
	if err := dec.Decode(&doc); err != nil {
		return nil, yamlDiag(file, err)
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		return nil, diag.Diagnostics{{File: file, Line: max(1, second.Line), Msg: "a second YAML document starts here (after `---`), and an answer file is one document",
			Hint: "remove the `---` line; put another student's answers in a file of their own"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlDiag(file, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, diag.Diagnostics{{File: file, Line: max(1, firstLine(&doc)), Msg: "an answer file must be a YAML mapping with the keys exercise, code, template and answers",
			Hint: "start from the file `raftsheet answers NAME|CODE` writes"}}
	}
	a := &AnswerFile{File: file, Answers: map[string]Answer{}, Lines: map[string]int{}}
	var diags diag.Diagnostics
	fail := func(n *yaml.Node, hint, format string, args ...any) {
		diags = append(diags, diag.Diagnostic{File: file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...), Hint: hint})
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if _, dup := a.Lines[k.Value]; dup {
			fail(k, "", "`%s` is also on line %d", k.Value, a.Lines[k.Value])
			continue
		}
		a.Lines[k.Value] = k.Line
		switch k.Value {
		case "exercise", "code", "hash", "template", "paper", "part", "grade":
			if v.Kind != yaml.ScalarNode {
				fail(v, "", "`%s` must be a single value", k.Value)
				continue
			}
			*headerField(&a.Header, k.Value) = strings.TrimSpace(v.Value)
		case "student":
			a.readStudent(v, fail)
		case "answers":
			a.readAnswers(v, fail)
		default:
			hint := ""
			if s := diag.Suggest(k.Value, headerKeys); s != "" {
				hint = fmt.Sprintf("did you mean `%s`?", s)
			}
			fail(k, hint, "unknown key `%s` (an answer file has: %s)", clip(k.Value, 40), strings.Join(headerKeys, ", "))
		}
	}
	if a.Header.Exercise == "" && a.Header.Code == "" {
		diags = append(diags, diag.Diagnostic{File: file, Line: 1, Msg: "the file names neither an exercise nor a variant code",
			Hint: "add `exercise: NAME` or `code: XXXX-XXXX` as on the sheet"})
	}
	if _, ok := a.Lines["answers"]; !ok && len(diags) == 0 {
		diags = append(diags, diag.Diagnostic{File: file, Line: 1, Msg: "the file has no `answers:`",
			Hint: "start from the file `raftsheet answers NAME|CODE` writes"})
	}
	if len(diags) > 0 {
		return nil, diags
	}
	return a, nil
}

// clip is a text of a file as a message quotes it: at most n
// characters (diag escapes what a terminal must not see).
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func headerField(h *Header, key string) *string {
	return map[string]*string{"exercise": &h.Exercise, "code": &h.Code, "hash": &h.Hash, "template": &h.Template,
		"paper": &h.Paper, "part": &h.Part, "grade": &h.Grade}[key]
}

type failFunc func(n *yaml.Node, hint, format string, args ...any)

func (a *AnswerFile) readStudent(v *yaml.Node, fail failFunc) {
	if v.Kind == yaml.ScalarNode { // student: Ada Lovelace
		a.Header.Student.Name = strings.TrimSpace(v.Value)
		return
	}
	if v.Kind != yaml.MappingNode {
		fail(v, "", "`student` must be a mapping with id and name")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch {
		case val.Kind != yaml.ScalarNode:
			fail(val, "", "student %s must be a single value", clip(k.Value, 40))
		case k.Value == "id":
			a.Header.Student.ID = strings.TrimSpace(val.Value)
		case k.Value == "name":
			a.Header.Student.Name = strings.TrimSpace(val.Value)
		default:
			fail(k, "", "unknown key `%s` in student (it has id and name)", clip(k.Value, 40))
		}
	}
	a.Header.Student.Line = v.Line
}

func (a *AnswerFile) readAnswers(v *yaml.Node, fail failFunc) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return // answers: with nothing under it
	}
	if v.Kind != yaml.MappingNode {
		fail(v, "write one `field id: answer` per line under it", "`answers` must be a mapping of field ids to answers")
		return
	}
	if len(v.Content)/2 > MaxAnswers {
		fail(v, "an answer file has one line per box of the sheet, as `raftsheet answers` writes it", "`answers` has %d answers; no sheet has more than %d boxes", len(v.Content)/2, MaxAnswers)
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		id := strings.TrimSpace(k.Value)
		if prev, dup := a.Answers[id]; dup {
			fail(k, "keep one of them", "the field %s is also on line %d", clip(id, 60), prev.Line)
			continue
		}
		a.Answers[id] = readAnswer(val, k.Line)
		a.Order = append(a.Order, id)
	}
}

// readAnswer reads one value: a scalar as written, a list as its items
// one after the other; null is blank, a mapping unreadable.
func readAnswer(v *yaml.Node, line int) Answer {
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return Answer{Blank: true, Line: line}
	case v.Kind == yaml.ScalarNode:
		return Answer{Text: v.Value, Line: line, Blank: v.Style == 0 && strings.TrimSpace(v.Value) == ""}
	case v.Kind == yaml.SequenceNode:
		var parts []string
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode {
				return Answer{Unread: "a list inside a list", Line: line}
			}
			parts = append(parts, c.Value)
		}
		return Answer{Text: strings.Join(parts, " "), Line: line, Blank: len(parts) == 0}
	case v.Kind == yaml.AliasNode:
		return readAnswer(v.Alias, line)
	}
	return Answer{Unread: "a mapping, where one value was expected", Line: line}
}

// yamlDiag turns yaml.v3's errors into FILE:LINE: diagnostics.
func yamlDiag(file string, err error) error {
	if errors.Is(err, io.EOF) { // no YAML document at all
		return diag.Diagnostics{{File: file, Line: 1, Msg: "the file is empty", Hint: "start from the file `raftsheet answers NAME|CODE` writes"}}
	}
	ds := diag.FromYAML(file, err, "not valid YAML: ")
	for i := range ds {
		ds[i].Line = max(1, ds[i].Line)
		ds[i].Hint = "check the quotes and the indentation on this line"
	}
	return ds
}

func firstLine(n *yaml.Node) int {
	if len(n.Content) > 0 {
		return n.Content[0].Line
	}
	return n.Line
}
