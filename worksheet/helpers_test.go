package worksheet

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/templates"
)

// needTools skips the test when poppler-utils or qpdf are missing (CI
// installs them; see .ci/run).
func needTools(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: install poppler-utils and qpdf to run the PDF checks", tool)
		}
	}
}

// built is an exercise built in one template and paper.
type built struct {
	ex   *exercise.Exercise
	tr   *engine.Trace
	doc  *page.Document
	pdfs *pdfs
}

// testBuilds caches the built-in exercises' builds for the tests: several
// read the same PDFs, and under -race a build is slow.
var testBuilds = struct {
	sync.Mutex
	m map[string]*cachedBuild
}{m: map[string]*cachedBuild{}}

type cachedBuild struct {
	once sync.Once
	b    built
	err  error
}

func buildExercise(t testing.TB, name, kind, paper string) built {
	t.Helper()
	key := name + "/" + kind + "/" + paper
	testBuilds.Lock()
	c := testBuilds.m[key]
	if c == nil {
		c = &cachedBuild{}
		testBuilds.m[key] = c
	}
	testBuilds.Unlock()
	c.once.Do(func() {
		ex, err := exercises.Load(name)
		if err != nil {
			c.err = err
			return
		}
		c.b, c.err = buildLoaded(ex, kind, paper)
	})
	if c.err != nil {
		t.Fatal(c.err)
	}
	return c.b
}

// freshBuild builds without the cache.
func freshBuild(t testing.TB, name, kind, paper string) built {
	t.Helper()
	ex, err := exercises.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	b, err := buildLoaded(ex, kind, paper)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func buildLoaded(ex *exercise.Exercise, kind, paper string) (built, error) {
	tr, err := exercise.Run(ex)
	if err != nil {
		return built{}, err
	}
	tpl, err := templates.Builtin(kind)
	if err != nil {
		return built{}, err
	}
	p, err := page.ParsePaper(paper)
	if err != nil {
		return built{}, err
	}
	doc, pdfs, err := draw(ex, tr, Options{Template: tpl, Paper: p})
	return built{ex, tr, doc, pdfs}, err
}

// pdfs are a document drawn as the worksheet and as the key.
type pdfs struct{ Worksheet, Key []byte }

// draw lays out an exercise's run and draws the worksheet and the key.
func draw(ex *exercise.Exercise, tr *engine.Trace, opt Options) (*page.Document, *pdfs, error) {
	doc, err := Layout(ex, tr, opt)
	if err != nil {
		return nil, nil, err
	}
	var out pdfs
	if out.Worksheet, err = pdf.Render(doc, false); err != nil {
		return nil, nil, err
	}
	if out.Key, err = pdf.Render(doc, true); err != nil {
		return nil, nil, err
	}
	return doc, &out, nil
}

// writePDF puts a PDF in a file for the command-line tools.
func writePDF(t testing.TB, dir, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String()
}

// pageTexts is the text of every page of a PDF, as pdftotext -layout
// extracts it.
func pageTexts(t testing.TB, path string) []string {
	t.Helper()
	pages := strings.Split(run(t, "pdftotext", "-layout", path, "-"), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// answer is one run of an answer as a line.
func answer(s string) page.Line { return page.Line{{S: s, Ink: page.Answer}} }

// forEveryLayout runs check, as parallel subtests, for every built-in
// exercise laid out in the role-play and the trace template (and the
// exam template for the exam- exercises, when exam is set): with the
// options of the whole sheets and, in role-play, those of a student's
// part (cover, the first server's sheet, debrief, stamped). It returns
// when every check has.
func forEveryLayout(t *testing.T, exam bool, check func(t *testing.T, ex *exercise.Exercise, tr *engine.Trace, opt Options)) {
	t.Helper()
	paper, _ := page.ParsePaper("a4")
	t.Run("builtins", func(t *testing.T) {
		for _, name := range exercises.Names() {
			kinds := []string{templates.KindRoleplay, templates.KindTrace}
			if exam && strings.HasPrefix(name, "exam-") {
				kinds = append(kinds, templates.KindExam)
			}
			for _, kind := range kinds {
				t.Run(name+"/"+kind, func(t *testing.T) {
					t.Parallel()
					ex, tr := loadRun(t, name)
					tpl, err := templates.Builtin(kind)
					if err != nil {
						t.Fatal(err)
					}
					check(t, ex, tr, Options{Template: tpl, Paper: paper})
					if kind == templates.KindRoleplay { // a class set's parts: a student's pack, the group's slips
						check(t, ex, tr, Options{Template: tpl, Paper: paper, Part: &Part{Sections: []string{"cover", "state", "debrief"}, Server: tr.Servers[0]}, Stamp: Stamp{Code: "TEST", Name: "Ada"}})
						check(t, ex, tr, Options{Template: tpl, Paper: paper, Part: &Part{Sections: []string{"slips"}}, Stamp: Stamp{Code: "TEST"}})
					}
				})
			}
		}
	})
}

// loadRun loads a built-in exercise and runs it.
func loadRun(t *testing.T, name string) (*exercise.Exercise, *engine.Trace) {
	t.Helper()
	ex, err := exercises.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	return ex, tr
}

func a4(t *testing.T) page.Paper {
	t.Helper()
	p, err := page.ParsePaper("a4")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
