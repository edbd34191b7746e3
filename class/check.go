package class

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/worksheet"
)

// Checker grades answer files, rebuilding each file's sheet once however
// many files share it.
type Checker struct {
	Exercise string // an exercise FILE whose variants the codes are (--exercise); "" for the built-in ones

	mu     sync.Mutex
	sheets map[string]*sheetResult
}

type sheetResult struct {
	once  sync.Once
	sheet *pipeline.Sheet
	err   error
}

// CheckFile reads and grades one answer file. An error (not YAML, an
// unknown code or exercise) names the file and line.
func (c *Checker) CheckFile(path string) (*Grade, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	a, err := ReadAnswers(path, src)
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

// sheetOf rebuilds the sheet an answer file says it answers.
func (c *Checker) sheetOf(a *AnswerFile) (*pipeline.Sheet, error) {
	h := a.Header
	at := func(key string) int { return max(1, a.Lines[key]) }
	fail := func(key string, err error) error {
		return diag.Diagnostics{{File: a.File, Line: at(key), Msg: err.Error()}}
	}
	file := c.Exercise
	if file == "" && h.Code != "" && h.Exercise != "" && !slices.Contains(exercises.Names(), h.Exercise) {
		file = h.Exercise // the code of a FILE exercise
	}
	t, err := pipeline.Locate(h.Exercise, "")
	key := "exercise"
	if h.Code != "" {
		t, err = pipeline.LocateCode(h.Code, file)
		key = "code"
	}
	if err != nil {
		return nil, fail(key, err)
	}
	if h.Code != "" && h.Exercise != "" && slices.Contains(exercises.Names(), h.Exercise) && h.Exercise != t.Exercise.Name {
		return nil, fail("code", fmt.Errorf("the code %s is a variant of %s, but the file says exercise %s", h.Code, t.Exercise.Name, h.Exercise))
	}
	id := t.Ref + "|" + t.Code + "|" + h.Template + "|" + h.Paper
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
	r.once.Do(func() { r.sheet, r.err = t.Open(h.Template, h.Paper, "") })
	if r.err != nil {
		return nil, fail(settingOf(r.err, a), r.err)
	}
	return r.sheet, nil
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
