package class

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/raftsheet/raftsheet/worksheet"
)

// Options are a class set's choices.
type Options struct {
	Dir      string // the class set's folder, e.g. out/partition/class
	Exercise string // the exercise as named on the command line: NAME or FILE
	Template string // roleplay, trace or a template FILE; "" takes the exercise's own
	Paper    string // a4, letter; "" takes the exercise's own
	Seed     uint64
	Grade    Selection // the fields graded, which the answer files hold
	Jobs     int       // groups built at once; 0: one per CPU
	// Progress, if set, is told how many of the students' sheets are
	// done; it is called from one goroutine at a time.
	Progress func(done, total int)
}

// Set is a built class set: how the students were grouped, its manifest
// and the size of the merged PDFs.
type Set struct {
	Dir                   string
	Plan                  Plan
	Manifest              *Manifest
	Pages, KeyPages       int // of the merged worksheets and keys, blank backs included
	Worksheets, Keys      int64
	WorksheetPDFs, Blanks int // the students' and groups' parts of the merged worksheets, and the blank backs among its pages
}

// Build makes a class set of ex for the students (see MakePlan for who
// plays what): for each student a pack of their sheets with their name,
// and an answer template of the fields graded; for each variant its key;
// the whole class's worksheets and keys as two print-ready PDFs, where
// every student's (and group's) part starts on a new sheet of paper
// printed on both sides; and the manifest. Groups are built on every CPU
// and streamed into the merged PDFs in roster order as they come, a few
// at a time, so memory does not grow with the class. The set is built
// beside the folder and swapped in for it whole (pipeline.Stage): a
// reader sees the old set or the new one, never a mix, and none of the
// old set's files survive; a folder holding files the build did not
// write, or answer files edited since, is refused (checkReplaceable).
func Build(ex *exercise.Exercise, students []Student, opt Options) (*Set, error) {
	if len(students) < 1 || len(students) > MaxStudents {
		return nil, fmt.Errorf("a class set has 1 to %d students, not %d", MaxStudents, len(students))
	}
	go pdf.Prepare() // the fonts, read on the side while the first variants are laid out
	base, err := pipeline.Options(ex, opt.Template, opt.Paper)
	if err != nil {
		return nil, err
	}
	if opt.Grade.asked && !exerciseAsks(ex) {
		return nil, fmt.Errorf("--grade asked: %s has no step with ask:, so it would grade nothing; grade all the fields, or name them with patterns (--grade 'S1.*')", ex.File)
	}
	roleplay := base.Template.Kind == templates.KindRoleplay
	b := &builder{ex: ex, opt: opt, base: base, plan: MakePlan(ex, roleplay, opt.Seed, students), total: len(students)}
	b.names = fileNames(students)
	b.manifest, err = newManifest(ex, opt, base, b.plan)
	if err != nil {
		return nil, err
	}
	set := &Set{Dir: opt.Dir, Plan: b.plan, Manifest: b.manifest}
	stage, err := pipeline.Stage(opt.Dir)
	if err != nil {
		return nil, err
	}
	defer stage.Abort()
	if err := checkReplaceable(opt.Dir); err != nil { // under Stage's lock: no other build is writing it
		return nil, err
	}
	b.stage = stage
	if err := b.build(set); err != nil {
		return nil, err
	}
	if err := stage.Commit(); err != nil {
		return nil, err
	}
	return set, nil
}

func exerciseAsks(ex *exercise.Exercise) bool {
	for _, st := range ex.Steps {
		if st.AskSet && len(st.Ask) > 0 {
			return true
		}
	}
	return false
}

// newManifest is the manifest's header: the exercise and where it is,
// the template, the paper, the fields graded.
func newManifest(ex *exercise.Exercise, opt Options, base worksheet.Options, plan Plan) (*Manifest, error) {
	m := &Manifest{Exercise: ex.Name, Title: ex.Title, Seed: opt.Seed, Template: base.Template.Kind, Paper: base.Paper.Name,
		Grade: opt.Grade.String(), Grouping: plan.Note, Worksheets: "worksheets.pdf", Keys: "keys.pdf"}
	if st, err := os.Stat(opt.Exercise); err == nil && !st.IsDir() { // an exercise of the teacher's own
		abs, err := filepath.Abs(opt.Exercise)
		if err != nil {
			return nil, err
		}
		m.ExerciseFile = abs
	}
	if !builtinTemplate(base.Template) { // a course template's file
		abs, err := filepath.Abs(base.Template.Source)
		if err != nil {
			return nil, err
		}
		m.Template = abs
	}
	return m, nil
}

// builder makes one class set.
type builder struct {
	ex       *exercise.Exercise
	opt      Options
	base     worksheet.Options
	plan     Plan
	names    map[string]string // file name stems by student id
	manifest *Manifest
	stage    *pipeline.Staging // the set's files are written there, then swapped in

	done, total int
}

// built is one group's (or trace student's) sheets, ready for the merged
// PDFs: the parts of the worksheets in order, and the key.
type built struct {
	parts    [][]byte // each a PDF of its own, as written to the student's file
	oneSided []byte   // the group's slips: each page on a sheet of its own, to be cut apart
	key      []byte
	group    ManifestGroup
	students []ManifestEntry
	err      error
}

// build makes every group, a few at once, and writes them into the merged
// PDFs in order as they come: at most window groups are held in memory.
func (b *builder) build(set *Set) error {
	worksheets, err := b.newMerged(b.manifest.Worksheets, b.ex.Title+" · class set")
	if err != nil {
		return err
	}
	defer worksheets.abandon()
	keys, err := b.newMerged(b.manifest.Keys, b.ex.Title+" · class set · answer keys")
	if err != nil {
		return err
	}
	defer keys.abandon()

	jobs := b.opt.Jobs
	if jobs <= 0 {
		jobs = pipelineJobs()
	}
	queue := make(chan chan built, 2*jobs) // in roster order; its capacity bounds the groups held
	var stop atomic.Bool
	go func() {
		sem := make(chan struct{}, jobs)
		for i := range b.plan.Groups {
			result := make(chan built, 1)
			queue <- result
			if stop.Load() {
				result <- built{err: errStopped}
				continue
			}
			sem <- struct{}{}
			go func(g *Group) {
				defer func() { <-sem }()
				result <- b.group(g)
			}(&b.plan.Groups[i])
		}
		close(queue)
	}()
	var first error
	for result := range queue {
		r := <-result
		if first != nil {
			continue // drain: the producer and the workers finish
		}
		if first = r.err; first == nil {
			first = b.merge(r, worksheets, keys, set)
		}
		if first != nil {
			stop.Store(true)
		}
	}
	if first != nil {
		return first
	}
	if set.Worksheets, err = worksheets.close(); err != nil {
		return err
	}
	if set.Keys, err = keys.close(); err != nil {
		return err
	}
	set.Pages, set.KeyPages = worksheets.m.Pages(), keys.m.Pages()
	return b.writeManifest()
}

var errStopped = errors.New("stopped")

// merge writes a group's parts and key into the merged PDFs, each on a
// new sheet of paper, and records its lines of the manifest.
func (b *builder) merge(r built, worksheets, keys *merged, set *Set) error {
	for _, part := range r.parts {
		blank, err := worksheets.addPart(part)
		if err != nil {
			return err
		}
		set.WorksheetPDFs++
		if blank {
			set.Blanks++
		}
	}
	if r.oneSided != nil {
		blanks, err := worksheets.addOneSided(r.oneSided)
		if err != nil {
			return err
		}
		set.WorksheetPDFs++
		set.Blanks += blanks
	}
	if _, err := keys.addPart(r.key); err != nil {
		return err
	}
	b.manifest.Groups = append(b.manifest.Groups, r.group)
	b.manifest.Students = append(b.manifest.Students, r.students...)
	if b.opt.Progress != nil {
		b.done += len(r.students)
		b.opt.Progress(b.done, b.total)
	}
	return nil
}

// writeManifest writes the manifest as JSON and CSV.
func (b *builder) writeManifest() error {
	js, err := b.manifest.JSON()
	if err != nil {
		return err
	}
	csv, err := b.manifest.CSV()
	if err != nil {
		return err
	}
	if err := b.write("manifest.json", js); err != nil {
		return err
	}
	return b.write("manifest.csv", csv)
}

// write writes one file of the set into the staging folder.
func (b *builder) write(name string, data []byte) error {
	return b.stage.WriteFile(name, data)
}

// merged is one of the class set's merged PDFs, written as it grows.
type merged struct {
	f *os.File
	m *pdf.Merger
}

// newMerged starts the merged PDF name in the staging folder.
func (b *builder) newMerged(name, title string) (*merged, error) {
	path, err := b.stage.Path(name)
	if err != nil {
		return nil, err
	}
	m, err := createMerged(path, title, b.base.Paper)
	if err != nil {
		return nil, &pipeline.WriteError{Path: filepath.Join(b.stage.Dir(), name), Err: err}
	}
	return m, nil
}

// createMerged starts a merged PDF in a new file at path.
func createMerged(path, title string, paper page.Paper) (*merged, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	return &merged{f: f, m: pdf.NewMerger(f, title, paper)}, nil
}

// addPart adds a student's or a group's pages, and a blank back when they
// end on a front, so that the next part starts on a new sheet of paper
// printed on both sides. It reports whether it added one.
func (m *merged) addPart(part []byte) (bool, error) {
	if err := m.m.Add(part); err != nil {
		return false, err
	}
	if m.m.Pages()%2 == 0 {
		return false, nil
	}
	return true, m.m.Blank()
}

// addOneSided adds pages to be printed on one side: each gets a blank
// back. It says how many blank pages it added.
func (m *merged) addOneSided(part []byte) (int, error) {
	before := m.m.Pages()
	if err := m.m.AddOneSided(part); err != nil {
		return 0, err
	}
	return (m.m.Pages() - before) / 2, nil
}

// close finishes the PDF, durably, and says its size.
func (m *merged) close() (int64, error) {
	err := m.m.Close()
	if err == nil {
		err = m.f.Sync()
	}
	st, statErr := m.f.Stat()
	err = errors.Join(err, statErr, m.f.Close())
	m.f = nil
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// abandon closes the file of a PDF left unfinished (the staging folder
// goes with it).
func (m *merged) abandon() {
	if m.f != nil {
		m.f.Close()
	}
}
