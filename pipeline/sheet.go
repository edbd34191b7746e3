package pipeline

import (
	"fmt"
	"regexp"
	"sync"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/variant"
	"github.com/raftsheet/raftsheet/worksheet"
)

// Target is the sheet a NAME, FILE or CODE names: an exercise, and which
// of its variants (none for the exercise itself).
type Target struct {
	Exercise *exercise.Exercise // as loaded, before any variant
	Ref      string             // the exercise as named: NAME or FILE
	Code     string             // "" for the exercise itself
	Number   uint16
}

var codeShape = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*[0-9A-Za-z]{4}[- ]?[0-9A-Za-z]{4}\s*$`) })

// Locate finds what arg names: a variant CODE (of a built-in exercise, or
// of the exercise in file when it is given), or else an exercise NAME or
// FILE.
func Locate(arg, file string) (Target, error) {
	if file != "" {
		ex, err := exercises.Load(file)
		if err != nil {
			return Target{}, err
		}
		if !codeShape().MatchString(arg) {
			return Target{}, fmt.Errorf("%q is not a variant code (codes look like PARD-6XMT)", arg)
		}
		name, n, err := variant.Resolve(arg, []string{ex.Name})
		if err != nil {
			return Target{}, fmt.Errorf("%w (%s is the exercise %s)", err, file, ex.Name)
		}
		return Target{Exercise: ex, Ref: file, Code: variant.Code(name, n), Number: n}, nil
	}
	if codeShape().MatchString(arg) {
		if _, err := exercises.Find(arg); err != nil { // not a file that looks like a code
			name, n, err := variant.Resolve(arg, exercises.Names())
			if err != nil {
				return Target{}, err
			}
			ex, err := exercises.Builtin(name)
			if err != nil {
				return Target{}, err
			}
			return Target{Exercise: ex, Ref: name, Code: variant.Code(name, n), Number: n}, nil
		}
	}
	ex, err := exercises.Load(arg)
	if err != nil {
		return Target{}, err
	}
	return Target{Exercise: ex, Ref: arg}, nil
}

// LocateCode finds the variant a code names, of a built-in exercise or
// of the exercise in file when it is given.
func LocateCode(code, file string) (Target, error) {
	if !codeShape().MatchString(code) {
		return Target{}, fmt.Errorf("%q is not a variant code (codes look like PARD-6XMT)", code)
	}
	return Locate(code, file)
}

// Sheet is a target laid out: its run and its pages, from which the key
// is drawn and the fields read.
type Sheet struct {
	Target
	Variant *exercise.Exercise // the exercise as the variant has it
	Trace   *engine.Trace
	Options worksheet.Options
	Doc     *page.Document
}

// Open lays out the target's sheets in the template and paper named (""
// takes the exercise's own), the student's name in the Name box.
func (t Target) Open(template, paper, student string) (*Sheet, error) {
	opt, err := Options(t.Exercise, template, paper)
	if err != nil {
		return nil, err
	}
	return t.LayOut(opt, student)
}

// LayOut is the pipeline after loading: the target's variant (when it
// has a code), run through the engine, laid out on pages in opt's
// template and paper, stamped with its code and the student's name.
func (t Target) LayOut(opt worksheet.Options, student string) (*Sheet, error) {
	v := t.Exercise
	if t.Code != "" {
		v = variant.Apply(t.Exercise, t.Number)
	}
	tr, err := exercise.Run(v)
	if err != nil {
		return nil, err
	}
	opt.Stamp = worksheet.Stamp{Code: t.Code, Name: student}
	doc, err := worksheet.Layout(v, tr, opt)
	if err != nil {
		return nil, err
	}
	return &Sheet{Target: t, Variant: v, Trace: tr, Options: opt, Doc: doc}, nil
}
