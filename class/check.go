package class

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/raftsheet/raftsheet/variant"
	"github.com/raftsheet/raftsheet/worksheet"
)

// Checker grades answer files, rebuilding each variant's sheet once
// however many files share it. An answer file is the student's: it names
// its exercise, variant and template, but whatever check opens comes from
// the teacher: Exercise (--exercise), Template (--template) or the class
// set's manifest (--class), which is also the word on who has which
// variant, which part they play and which fields are graded.
type Checker struct {
	Exercise string     // an exercise FILE whose variants the codes are; "" for the built-in ones
	Template string     // a course template FILE the sheets were built with
	Class    *Manifest  // the class set the files belong to; nil if none is named
	Grade    *Selection // the fields to grade; nil: as the class set (or the file) says

	mu      sync.Mutex
	targets map[string]*targetResult
	sheets  map[string]*sheetResult
}

type targetResult struct {
	once   sync.Once
	target pipeline.Target
	err    error
}

type sheetResult struct {
	once  sync.Once
	sheet *pipeline.Sheet
	hash  string
	err   error
}

// ChangedError is an answer file whose variant's answers are no longer
// those of its sheets: the exercise's file, the built-in or the engine's
// answers changed since the code was issued.
type ChangedError struct {
	File, Code, Exercise, Source string
	Then, Now                    string // the content hashes
	Line                         int
}

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s:%d: variant %s of %s (%s) now gives other answers than when its sheets were made (%s then, %s now): "+
		"grade it with the raftsheet and the exercise file the class set was built with, or rebuild the class set and hand out its new sheets",
		e.File, e.Line, e.Code, e.Exercise, e.Source, e.Then, e.Now)
}

// CheckFile reads and grades one answer file. An error (not YAML, an
// unknown code or exercise, an exercise changed since) names the file and
// line.
func (c *Checker) CheckFile(path string) (*Grade, error) {
	a, err := ReadAnswersFile(path)
	if err != nil {
		return nil, err
	}
	return c.Check(a)
}

// Check grades an answer file that has been read.
func (c *Checker) Check(a *AnswerFile) (*Grade, error) {
	sheet, err := c.sheetOf(a)
	if err != nil {
		return nil, err
	}
	part, sel, err := c.grading(a)
	if err != nil {
		return nil, err
	}
	fields, err := partFields(sheet.Doc, part)
	if err != nil {
		return nil, a.fail("part", err)
	}
	g := GradeAnswers(a, sel.Of(sheet, fields), &sheet.Options.Template.Labels)
	g.Sheet, g.Part, g.Selection = sheet, part, sel
	return g, nil
}

// fail is an error at a header key's line of the file.
func (a *AnswerFile) fail(key string, err error) error {
	return diag.Diagnostics{{File: a.File, Line: max(1, a.Lines[key]), Msg: err.Error()}}
}

// grading is which part of the sheets the file answers and which of its
// fields are graded: as the class set's manifest says for the student,
// else as the file says; --grade over both.
func (c *Checker) grading(a *AnswerFile) (string, Selection, error) {
	part, grade := a.Header.Part, a.Header.Grade
	if c.Class != nil {
		grade = c.Class.Grade
		if e, ok := c.Class.Student(a.Header.Student.ID); ok && e.Code == a.Header.Code {
			part = partOf(e.Plays)
		}
	}
	if c.Grade != nil {
		return part, *c.Grade, nil
	}
	sel, err := ParseSelection(grade)
	if err != nil {
		return "", Selection{}, a.fail("grade", err)
	}
	return part, sel, nil
}

// partOf is the part of a role-play group's sheets a player answers.
func partOf(plays string) string {
	switch plays {
	case "cluster", "":
		return ""
	case "network":
		return "slips"
	}
	return "server " + plays
}

// partFields are the fields of a part of the sheets: a server's Raft State
// sheets ("server S3"), the group's slips ("slips"), or all ("").
func partFields(doc *page.Document, part string) ([]*field.Field, error) {
	if part == "" {
		return doc.Fields(), nil
	}
	server, isServer := strings.CutPrefix(part, "server ")
	if !isServer && part != "slips" {
		return nil, fmt.Errorf("part %q is neither `server NAME` nor `slips`", part)
	}
	var out []*field.Field
	found := false
	for _, p := range doc.Pages {
		switch {
		case isServer && p.Section == "state" && p.Server == server:
		case !isServer && slices.Contains(sharedSections, p.Section):
		default:
			continue
		}
		found = true
		out = append(out, p.Fields...)
	}
	if !found && isServer {
		return nil, fmt.Errorf("the sheets have no Raft State sheet of %q", server)
	}
	return out, nil
}

// sheetOf rebuilds the sheet an answer file answers, and refuses it when
// the variant's answers are no longer those its code was issued with.
func (c *Checker) sheetOf(a *AnswerFile) (*pipeline.Sheet, error) {
	h := a.Header
	t, err := c.targetOf(a)
	if err != nil {
		return nil, err
	}
	template, paper := h.Template, h.Paper
	if c.Class != nil {
		template, paper = c.Class.Template, c.Class.Paper
	}
	if template != "" && !isBuiltinTemplate(template) {
		switch {
		case c.Template != "":
			template = c.Template
		case c.Class == nil:
			return nil, a.fail("template", fmt.Errorf("the sheets were built with the course template %s: name its file with --template FILE, or the class set with --class DIR (check never opens a file an answer file names)", textsafe.Quote(template, 60)))
		}
	}
	id := t.Ref + "|" + t.Code + "|" + template + "|" + paper
	c.mu.Lock()
	if c.sheets == nil {
		c.sheets = map[string]*sheetResult{}
	}
	r := c.sheets[id]
	if r == nil {
		r = &sheetResult{}
		c.sheets[id] = r
	}
	c.mu.Unlock()
	r.once.Do(func() {
		r.sheet, r.err = t.Open(template, paper, "")
		if r.err == nil {
			r.hash = ContentHash(r.sheet.Trace)
		}
	})
	if r.err != nil {
		return nil, a.fail(settingOf(r.err, a), r.err)
	}
	then, key := h.Hash, "hash"
	if c.Class != nil {
		if g, ok := c.Class.Group(t.Code); ok && g.Hash != "" {
			then, key = g.Hash, "code"
		}
	}
	if then != "" && then != r.hash {
		source := "the built-in exercise"
		if t.Ref != t.Exercise.Name {
			source = t.Ref
		}
		return nil, &ChangedError{File: a.File, Line: max(1, a.Lines[key]), Code: t.Code, Exercise: t.Exercise.Name, Source: source, Then: then, Now: r.hash}
	}
	return r.sheet, nil
}

func isBuiltinTemplate(name string) bool { return slices.Contains(templates.Names(), name) }

// targetOf finds the exercise and variant an answer file names: a
// built-in, or the exercise file the teacher named (--exercise, or the
// class set's manifest); and checks the student's code against the class
// set's.
func (c *Checker) targetOf(a *AnswerFile) (pipeline.Target, error) {
	h := a.Header
	file := c.Exercise
	if c.Class != nil {
		if h.Exercise != "" && h.Exercise != c.Class.Exercise {
			return pipeline.Target{}, a.fail("exercise", fmt.Errorf("this file answers %s, but the class set is of %s", h.Exercise, c.Class.Exercise))
		}
		if e, ok := c.Class.Student(h.Student.ID); ok && h.Student.ID != "" && e.Code != h.Code {
			return pipeline.Target{}, a.fail("code", fmt.Errorf("student %s has the variant %s in the class set, but this file names %s", h.Student.ID, e.Code, orNone(h.Code)))
		}
		if file == "" {
			file = c.Class.ExerciseFile
		}
	}
	builtin := slices.Contains(exercises.Names(), h.Exercise)
	if file == "" && h.Exercise != "" && !builtin {
		return pipeline.Target{}, a.fail("exercise", fmt.Errorf("%s is not a built-in exercise: name its file with --exercise FILE, or its class set with --class DIR (check never opens a file an answer file names)", textsafe.Quote(h.Exercise, 60)))
	}
	key := "exercise"
	if h.Code != "" {
		key = "code"
	}
	id := file + "|" + h.Code + "|" + h.Exercise
	c.mu.Lock()
	if c.targets == nil {
		c.targets = map[string]*targetResult{}
	}
	r := c.targets[id]
	if r == nil {
		r = &targetResult{}
		c.targets[id] = r
	}
	c.mu.Unlock()
	r.once.Do(func() { r.target, r.err = locate(h, file) })
	if r.err != nil {
		return pipeline.Target{}, a.fail(key, r.err)
	}
	t := r.target
	if h.Exercise != "" && h.Exercise != t.Exercise.Name {
		what := fmt.Errorf("the code %s is a variant of %s, but the file says exercise %s", h.Code, t.Exercise.Name, h.Exercise)
		if h.Code == "" {
			what = fmt.Errorf("this file answers %s, but %s is the exercise %s", h.Exercise, file, t.Exercise.Name)
		}
		return pipeline.Target{}, a.fail(key, what)
	}
	return t, nil
}

// locate finds the exercise and variant: in the teacher's exercise file,
// or among the built-in ones by name. Nothing the answer file names is
// opened as a path (not even a file in the current folder named like a
// code or a built-in exercise).
func locate(h Header, file string) (pipeline.Target, error) {
	if len(h.Code) > 20 {
		return pipeline.Target{}, fmt.Errorf("%s is not a variant code (codes look like PAR7-1KQ2)", textsafe.Quote(h.Code, 20))
	}
	switch {
	case file != "" && h.Code != "":
		return pipeline.LocateCode(h.Code, file)
	case file != "":
		ex, err := exercises.Load(file)
		return pipeline.Target{Exercise: ex, Ref: file}, err
	case h.Code != "":
		name, n, err := variant.Resolve(h.Code, exercises.Names())
		if err != nil {
			return pipeline.Target{}, err
		}
		ex, err := exercises.Builtin(name)
		return pipeline.Target{Exercise: ex, Ref: name, Code: variant.Code(name, n), Number: n}, err
	case h.Exercise == "":
		return pipeline.Target{}, errors.New("the file names no exercise and no variant code")
	}
	ex, err := exercises.Builtin(h.Exercise)
	return pipeline.Target{Exercise: ex, Ref: h.Exercise}, err
}

func orNone(code string) string {
	if code == "" {
		return "none"
	}
	return code
}

// settingOf is the header key of the answer file an error of its sheet is
// about: the template or the paper it names, else the exercise.
func settingOf(err error, a *AnswerFile) string {
	key := "exercise"
	var setting *pipeline.SettingError
	var tooSmall *worksheet.TooSmallError
	switch {
	case errors.As(err, &setting):
		key = setting.Setting
	case errors.As(err, &tooSmall):
		key = "template"
	}
	if _, ok := a.Lines[key]; !ok {
		return "exercise"
	}
	return key
}
