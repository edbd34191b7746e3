package class

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/raftsheet/raftsheet/variant"
	"github.com/raftsheet/raftsheet/worksheet"
)

// Checker grades answer files, rebuilding each file's sheet once however
// many files share it.
//
// An answer file is a student's: check never opens a path it names. Its
// `exercise:` and `template:` may name a built-in exercise or template,
// or else the teacher's own, given to the Checker (--exercise,
// --template): by the path the teacher gives, or by its name.
type Checker struct {
	Exercise string // the exercise FILE of the teacher's own exercise (--exercise); "" for the built-in ones
	Template string // the template FILE the teacher's class sets were built with (--template); "" for the built-in ones

	mu     sync.Mutex
	sheets map[string]*sheetResult
	own    struct {
		once     sync.Once
		exercise *exercise.Exercise
		template *templates.Template
		err      error
	}
}

type sheetResult struct {
	once  sync.Once
	sheet *pipeline.Sheet
	err   error
}

// CheckFile reads and grades one answer file. An error (not YAML, an
// unknown code or exercise) names the file and line.
func (c *Checker) CheckFile(path string) (*Grade, error) {
	a, err := ReadAnswersFile(path)
	if err != nil {
		return nil, err
	}
	sheet, err := c.sheetOf(a)
	if err != nil {
		return nil, err
	}
	g := GradeAnswers(a, sheet.Doc.Fields(), &sheet.Options.Template.Labels)
	g.Sheet = sheet
	return g, nil
}

// loadOwn reads the teacher's --exercise and --template, once.
func (c *Checker) loadOwn() error {
	c.own.once.Do(func() {
		if c.Exercise != "" {
			c.own.exercise, c.own.err = exercises.Load(c.Exercise)
		}
		if c.own.err == nil && c.Template != "" {
			c.own.template, c.own.err = templates.Load(c.Template)
		}
	})
	return c.own.err
}

// sheetOf rebuilds the sheet an answer file says it answers.
func (c *Checker) sheetOf(a *AnswerFile) (*pipeline.Sheet, error) {
	if err := c.loadOwn(); err != nil {
		return nil, err
	}
	h := a.Header
	fail := func(key string, err error) error {
		return diag.Diagnostics{{File: a.File, Line: max(1, a.Lines[key]), Msg: err.Error()}}
	}
	t, key, err := c.target(h)
	if err != nil {
		return nil, fail(key, err)
	}
	tpl, err := c.template(h.Template, t.Exercise)
	if err != nil {
		return nil, fail("template", err)
	}
	id := t.Ref + "|" + t.Code + "|" + tpl.Source + "|" + h.Paper
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
	r.once.Do(func() { r.sheet, r.err = open(t, tpl, h.Paper) })
	if r.err != nil {
		return nil, fail(settingOf(r.err, a), r.err)
	}
	return r.sheet, nil
}

// target is the sheet the header's exercise and code name, and the
// header key an error is about.
func (c *Checker) target(h Header) (pipeline.Target, string, error) {
	if len(h.Code) > 20 {
		return pipeline.Target{}, "code", fmt.Errorf("%s is not a variant code (codes look like PAR7-1KQ2)", textsafe.Quote(h.Code, 20))
	}
	ex, err := c.exercise(h.Exercise)
	if err != nil {
		return pipeline.Target{}, "exercise", err
	}
	if h.Code == "" {
		if ex == nil {
			return pipeline.Target{}, "exercise", errors.New("the file names no exercise")
		}
		return pipeline.Target{Exercise: ex, Ref: c.refOf(ex)}, "", nil
	}
	candidates := exercises.Names()
	if c.own.exercise != nil && (ex == nil || ex == c.own.exercise) {
		candidates = []string{c.own.exercise.Name}
	}
	name, n, err := variant.Resolve(h.Code, candidates)
	if err != nil {
		if c.own.exercise != nil && len(candidates) == 1 {
			err = fmt.Errorf("%w (--exercise %s is the exercise %s)", err, c.Exercise, c.own.exercise.Name)
		}
		return pipeline.Target{}, "code", err
	}
	if ex != nil && ex.Name != name {
		return pipeline.Target{}, "code", fmt.Errorf("the code %s is a variant of %s, but the file says exercise %s", h.Code, name, ex.Name)
	}
	if ex == nil {
		if ex, err = c.exercise(name); err != nil {
			return pipeline.Target{}, "code", err
		}
	}
	return pipeline.Target{Exercise: ex, Ref: c.refOf(ex), Code: variant.Code(name, n), Number: n}, "", nil
}

// exercise is the exercise an answer file's `exercise:` names: the
// teacher's own when it names that (by path or name), else a built-in
// one; nil when it names none. No path the file gives is opened.
func (c *Checker) exercise(named string) (*exercise.Exercise, error) {
	switch {
	case named == "":
		return nil, nil
	case c.own.exercise != nil && sameFile(named, c.Exercise, c.own.exercise.Name):
		return c.own.exercise, nil
	case slices.Contains(exercises.Names(), named):
		return exercises.Builtin(named)
	case c.Exercise != "":
		return nil, fmt.Errorf("the file names the exercise %s, but --exercise is %s (the exercise %s); grade it with its own --exercise",
			textsafe.Quote(named, 60), c.Exercise, c.own.exercise.Name)
	}
	return nil, fmt.Errorf("the file names the exercise %s, which is not a built-in one; give that exercise's FILE with --exercise (check never opens a file an answer file names)",
		textsafe.Quote(named, 60))
}

// template is the template an answer file's `template:` names: the
// exercise's own for none, a built-in one, or the teacher's --template
// when it names that (by path or name). No path the file gives is opened.
func (c *Checker) template(named string, ex *exercise.Exercise) (*templates.Template, error) {
	switch {
	case named == "" && c.own.template != nil:
		return c.own.template, nil
	case named == "":
		return templates.Builtin(ex.Worksheet.Template)
	case c.own.template != nil && sameFile(named, c.Template, strings.TrimSuffix(filepath.Base(c.Template), filepath.Ext(c.Template))):
		return c.own.template, nil
	case slices.Contains(templates.Names(), named):
		return templates.Builtin(named)
	case c.Template != "":
		return nil, fmt.Errorf("the file names the template %s, but --template is %s; grade it with its own --template", textsafe.Quote(named, 60), c.Template)
	}
	return nil, fmt.Errorf("the file names the template %s, which is not a built-in one; give that template's FILE with --template (check never opens a file an answer file names)",
		textsafe.Quote(named, 60))
}

// sameFile reports whether an answer file's named names the teacher's
// file given as path, whose name (file name without .yaml) is name: the
// same path, the same name, or a path to a file of that name.
func sameFile(named, path, name string) bool {
	base := filepath.Base(strings.ReplaceAll(named, `\`, "/"))
	return named == path || named == name || strings.TrimSuffix(base, filepath.Ext(base)) == name
}

// refOf is how answer files and the cache name an exercise: the
// teacher's FILE, or a built-in NAME.
func (c *Checker) refOf(ex *exercise.Exercise) string {
	if ex == c.own.exercise {
		return c.Exercise
	}
	return ex.Name
}

// open lays out the target in tpl on the paper named ("" for the
// exercise's own).
func open(t pipeline.Target, tpl *templates.Template, paper string) (*pipeline.Sheet, error) {
	if paper == "" {
		paper = t.Exercise.Worksheet.Paper
	}
	p, err := page.ParsePaper(paper)
	if err != nil {
		return nil, &pipeline.SettingError{Setting: "paper", Err: err}
	}
	return t.LayOut(worksheet.Options{Template: tpl, Paper: p}, "")
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
