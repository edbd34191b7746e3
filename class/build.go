package class

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/worksheet"
)

// Options are a class set's choices.
type Options struct {
	Dir      string // the class set's folder, e.g. out/partition/class
	Exercise string // the exercise as named on the command line (NAME or FILE), for the answer templates
	Template string // roleplay, trace or a template FILE; "" takes the exercise's own
	Paper    string // a4, letter; "" takes the exercise's own
	Seed     uint64
	Jobs     int // variants built at once; 0: one per CPU
	// Progress, if set, is told how many of the students' sheets are
	// done; it is called from one goroutine at a time.
	Progress func(done, total int)
}

// Set is a built class set: its manifest and the size of its files.
type Set struct {
	Dir        string
	Manifest   *Manifest
	Pages      int // of the merged worksheets (the merged keys have as many)
	Worksheets int // bytes of the merged PDFs
	Keys       int
}

// sheets is one student's laid-out and drawn sheets. The layout is
// dropped once drawn into the merged PDFs.
type sheets struct {
	doc            *page.Document
	pages          int
	worksheet, key []byte
	answers        []byte
	err            error
}

// Build makes a class set of ex for the students: for each one a variant
// (run through the engine, which checks the safety properties), its
// worksheet and key, and its answer template; the whole class's worksheets
// and keys as two print-ready PDFs; and the manifest. The students' sheets
// are built on every CPU, and drawn into the merged PDFs in roster order
// as they come. Files are written all or nothing.
func Build(ex *exercise.Exercise, students []Student, opt Options) (*Set, error) {
	if len(students) < 1 || len(students) > MaxStudents {
		return nil, fmt.Errorf("a class set has 1 to %d students, not %d", MaxStudents, len(students))
	}
	base, err := pipeline.Options(ex, opt.Template, opt.Paper)
	if err != nil {
		return nil, err
	}
	assigned := Assign(ex.Name, opt.Seed, students)
	built := make([]sheets, len(assigned))
	ready := make([]chan struct{}, len(assigned)) // closed when built[i] is
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	drawers := make([]atomic.Int32, len(assigned)) // merged PDFs still to draw each layout
	for i := range drawers {
		drawers[i].Store(2)
	}
	var merged [2][]byte
	var mergeErr [2]error
	var merging sync.WaitGroup
	title := fmt.Sprintf("%s · class set", ex.Title)
	for k := range merged {
		merging.Add(1)
		go func(key bool) {
			defer merging.Done()
			merged[k], mergeErr[k] = mergeInOrder(built, ready, drawers, title, base.Paper, key)
		}(k == 1)
	}
	var mu sync.Mutex
	done := 0
	pipeline.Parallel(len(assigned), opt.Jobs, func(i int) {
		built[i] = buildStudent(ex, opt.Exercise, assigned[i], base)
		close(ready[i])
		if opt.Progress != nil {
			mu.Lock()
			done++
			opt.Progress(done, len(assigned))
			mu.Unlock()
		}
	})
	merging.Wait()
	for i, b := range built {
		if b.err != nil {
			return nil, fmt.Errorf("variant %s (student %s): %w", assigned[i].Code, assigned[i].ID, b.err)
		}
	}
	for _, err := range mergeErr {
		if err != nil {
			return nil, err
		}
	}
	return write(ex, assigned, built, merged, base, opt)
}

// mergeInOrder draws the students' sheets into one PDF as each is built,
// in roster order: the worksheets, or the keys. Whichever of the two
// draws a layout last drops it, so layouts do not pile up.
func mergeInOrder(built []sheets, ready []chan struct{}, drawers []atomic.Int32, title string, paper page.Paper, key bool) ([]byte, error) {
	out, err := pdf.New(title, paper, key)
	if err != nil {
		return nil, err
	}
	for i := range built {
		<-ready[i]
		if built[i].err != nil {
			return nil, nil // Build reports it
		}
		if err := out.Add(built[i].doc); err != nil {
			return nil, err
		}
		if drawers[i].Add(-1) == 0 {
			built[i].doc = nil
		}
	}
	return out.Bytes()
}

// buildStudent lays out one student's variant and draws it.
func buildStudent(ex *exercise.Exercise, ref string, a Assignment, base worksheet.Options) sheets {
	sheet, err := pipeline.Target{Exercise: ex, Ref: ref, Code: a.Code, Number: a.Number}.LayOut(base, a.Name)
	if err != nil {
		return sheets{err: err}
	}
	doc := sheet.Doc
	s := sheets{doc: doc, pages: len(doc.Of(false))}
	if s.worksheet, err = pdf.Render(doc, false); err != nil {
		return sheets{err: err}
	}
	if s.key, err = pdf.Render(doc, true); err != nil {
		return sheets{err: err}
	}
	s.answers = AnswerTemplate(HeaderOf(sheet, a.Student), doc.Fields(), nil)
	return s
}

// write writes every file of the set into a fresh folder and swaps it in
// for the old set as a whole (pipeline.Stage): a reader sees the old set
// or the new one, never a mix, whatever fails or is killed on the way.
func write(ex *exercise.Exercise, assigned []Assignment, built []sheets, merged [2][]byte, base worksheet.Options, opt Options) (*Set, error) {
	m := &Manifest{Exercise: opt.Exercise, Title: ex.Title, Seed: opt.Seed, Template: templateRef(base.Template), Paper: base.Paper.Name,
		Worksheets: "worksheets.pdf", Keys: "keys.pdf"}
	files := map[string][]byte{
		m.Worksheets: merged[0],
		m.Keys:       merged[1],
	}
	names := fileNames(assigned)
	pages := 0
	for i, a := range assigned {
		e := ManifestEntry{ID: a.ID, Name: a.Name, Code: a.Code, Exercise: ex.Name,
			Worksheet: names[i] + "-worksheet.pdf", Key: names[i] + "-key.pdf", Answers: names[i] + "-answers.yaml"}
		m.Students = append(m.Students, e)
		files[e.Worksheet] = built[i].worksheet
		files[e.Key] = built[i].key
		files[e.Answers] = built[i].answers
		pages += built[i].pages
	}
	csv, err := m.CSV()
	if err != nil {
		return nil, err
	}
	js, err := m.JSON()
	if err != nil {
		return nil, err
	}
	files["manifest.csv"] = csv
	files["manifest.json"] = js
	stage, err := pipeline.Stage(opt.Dir)
	if err != nil {
		return nil, err
	}
	defer stage.Abort()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := stage.WriteFile(name, files[name]); err != nil {
			return nil, err
		}
	}
	if err := stage.Commit(); err != nil {
		return nil, err
	}
	return &Set{Dir: opt.Dir, Manifest: m, Pages: pages, Worksheets: len(merged[0]), Keys: len(merged[1])}, nil
}
