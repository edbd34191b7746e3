package pipeline

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/raftsheet/raftsheet/worksheet"
	"golang.org/x/sync/errgroup"
)

// BatchOptions are a `raftsheet build` run's choices. Template and Paper
// are "" to take each exercise's own default.
type BatchOptions struct {
	OutDir   string
	Template string // roleplay, trace or a template FILE
	Paper    string // a4, letter
	Jobs     int    // builds at once; 0: one per CPU
}

// BatchResult is what became of one exercise.
type BatchResult struct {
	Arg       string // as named on the command line
	Dir       string // where its PDFs are
	Template  string
	Paper     string
	Pages     int // of the worksheet
	KeyPages  int // of the key: the same and the teacher's notes
	Worksheet int // sizes in bytes
	Key       int
	Err       error
}

// BuildAll builds every exercise named, several at once. A failing one
// does not stop the others; each result says what became of its exercise.
// An error means nothing could be built (an unreadable --template).
func BuildAll(args []string, opt BatchOptions) ([]BatchResult, error) {
	// Reading the fonts is a fifth of a small build's time: done on the
	// side while the exercises are loaded and laid out, it is ready when
	// the first PDF is drawn.
	go pdf.Prepare()
	var forced *templates.Template
	if opt.Template != "" {
		t, err := templates.Load(opt.Template)
		if err != nil {
			return nil, err
		}
		forced = t
	}
	if opt.Paper != "" {
		if _, err := page.ParsePaper(opt.Paper); err != nil {
			return nil, fmt.Errorf("--paper: %w", err)
		}
	}
	// The built-in templates, each read when an exercise first needs it
	// (most builds need one of them).
	builtins := map[string]func() (*templates.Template, error){}
	for _, kind := range templates.Names() {
		builtins[kind] = sync.OnceValues(func() (*templates.Template, error) { return templates.Builtin(kind) })
	}

	results := make([]BatchResult, len(args))
	loaded := make([]*exercise.Exercise, len(args))
	Parallel(len(args), opt.Jobs, func(i int) {
		results[i].Arg = args[i]
		loaded[i], results[i].Err = exercises.Load(args[i])
	})
	claimed := map[string]string{} // output folder → the argument that writes it
	for i, ex := range loaded {
		if ex == nil {
			continue
		}
		dir, err := OutputFolder(opt.OutDir, ex.Name)
		if err != nil {
			results[i].Err = fmt.Errorf("%s: %w", args[i], err)
			loaded[i] = nil
			continue
		}
		if other, dup := claimed[strings.ToLower(dir)]; dup { // the same folder where case is ignored
			results[i].Err = fmt.Errorf("%s: both %s and %s would write %s; build them one at a time", args[i], other, args[i], dir)
			loaded[i] = nil
			continue
		}
		claimed[strings.ToLower(dir)] = args[i]
		results[i].Dir = dir
	}
	Parallel(len(args), opt.Jobs, func(i int) {
		if loaded[i] == nil {
			return
		}
		results[i] = buildOne(loaded[i], results[i], forced, builtins, opt)
	})
	return results, nil
}

func buildOne(ex *exercise.Exercise, res BatchResult, forced *templates.Template, builtins map[string]func() (*templates.Template, error), opt BatchOptions) BatchResult {
	tpl := forced
	if tpl == nil {
		if builtin, ok := builtins[ex.Worksheet.Template]; ok {
			t, err := builtin()
			if err != nil {
				res.Err = err
				return res
			}
			tpl = t
		}
	}
	if tpl == nil {
		res.Err = fmt.Errorf("%s: unknown worksheet template %q", ex.File, ex.Worksheet.Template)
		return res
	}
	paperName := opt.Paper
	if paperName == "" {
		paperName = ex.Worksheet.Paper
	}
	paper, err := page.ParsePaper(paperName)
	if err != nil {
		res.Err = fmt.Errorf("%s: %w", ex.File, err)
		return res
	}
	res.Template, res.Paper = tpl.Kind, paper.Name
	sheet, err := Target{Exercise: ex, Ref: res.Arg}.LayOut(worksheet.Options{Template: tpl, Paper: paper}, "")
	if err != nil {
		res.Err = err
		return res
	}
	pdfs, err := sheet.DrawInto(res.Dir)
	if err != nil {
		res.Err = err
		return res
	}
	res.Pages, res.KeyPages, res.Worksheet, res.Key = pdfs.Pages, pdfs.KeyPages, len(pdfs.Worksheet), len(pdfs.Key)
	return res
}

// Parallel runs f(0) … f(n-1), jobs at a time (one per CPU when jobs is 0),
// and returns when all have.
func Parallel(n, jobs int, f func(i int)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var g errgroup.Group
	g.SetLimit(jobs)
	for i := range n {
		g.Go(func() error { f(i); return nil })
	}
	_ = g.Wait() // f reports its own failures: no call returns an error
}
