package class

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/worksheet"
)

// buildSet builds a class set of name for n numbered students into a
// new folder.
func buildSet(t *testing.T, name string, n int, seed uint64, template string) *Set {
	t.Helper()
	return buildInto(t, filepath.Join(t.TempDir(), "class"), name, Numbered(n), Options{Seed: seed, Template: template})
}

// buildInto builds a class set into dir.
func buildInto(t *testing.T, dir, name string, students []Student, opt Options) *Set {
	t.Helper()
	ex, err := exercises.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	opt.Dir, opt.Exercise = dir, name
	set, err := Build(ex, students, opt)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func read(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// In the trace template every student's variant is another: distinct
// codes, and keys that differ from each other's. Build runs each through
// the engine, which checks the safety properties after every step; a
// variant that broke one would fail the build.
func TestClassSetVariantsDiffer(t *testing.T) {
	set := buildSet(t, "partition", 8, 2026, "trace")
	codes := map[string]bool{}
	keys := map[string]string{}
	for _, s := range set.Manifest.Students {
		if codes[s.Code] {
			t.Errorf("two students have the code %s", s.Code)
		}
		codes[s.Code] = true
		sheet, err := mustLocate(t, s.Code).Open("trace", "", "")
		if err != nil {
			t.Fatal(err)
		}
		answers := ""
		for _, f := range sheet.Doc.Fields() {
			answers += f.ID + "=" + f.KeyText() + "\n"
		}
		if other, dup := keys[answers]; dup {
			t.Errorf("%s and %s have the same answers", other, s.Code)
		}
		keys[answers] = s.Code
	}
}

// A role-play class set is made of groups: 10 students of a 5-server
// exercise are 2 groups on 2 variants; each student's pack is the cover,
// the Raft State sheet of the server they play and the debrief, with
// their name; each group's slips and key come once.
func TestRoleplayClassSetIsGroups(t *testing.T) {
	students := []Student{}
	for _, n := range []string{"Ada", "Bob", "Cy", "Di", "Ed", "Fay", "Gus", "Hal", "Ivy", "Jo"} {
		students = append(students, Student{ID: strings.ToLower(n), Name: n})
	}
	set := buildInto(t, filepath.Join(t.TempDir(), "class"), "partition", students, Options{Seed: 1})
	m := set.Manifest
	if len(m.Groups) != 2 || m.Groups[0].Code == m.Groups[1].Code {
		t.Fatalf("groups %+v, want 2 on two variants", m.Groups)
	}
	for _, s := range m.Students {
		g := m.Groups[s.Group-1]
		if s.Code != g.Code || s.Key != g.Key {
			t.Errorf("%s: code %s and key %s, not its group's %s and %s", s.ID, s.Code, s.Key, g.Code, g.Key)
		}
		a, err := ReadAnswers(s.Answers, read(t, set.Dir, s.Answers))
		if err != nil {
			t.Fatal(err)
		}
		if a.Header.Part != "server "+s.Plays || len(a.Order) == 0 {
			t.Errorf("%s plays %s, but the answer file is of part %q with %d fields", s.ID, s.Plays, a.Header.Part, len(a.Order))
		}
		for _, id := range a.Order {
			if !strings.HasPrefix(id, s.Plays+".") {
				t.Errorf("%s plays %s, but the answer file has the field %s", s.ID, s.Plays, id)
				break
			}
		}
	}
	played := map[int][]string{}
	for _, s := range m.Students {
		played[s.Group] = append(played[s.Group], s.Plays)
	}
	for g, servers := range played {
		slices.Sort(servers)
		if len(slices.Compact(servers)) != 5 {
			t.Errorf("group %d plays %v, want each of its 5 servers once", g, servers)
		}
	}
	if !hasTools("pdftotext") {
		t.Skip("install poppler-utils for the PDF checks")
	}
	for _, s := range m.Students {
		pages := pdfPages(t, filepath.Join(set.Dir, s.Worksheet))
		var states []string
		for _, p := range pages {
			if m := stateTitle.FindStringSubmatch(p); m != nil {
				states = append(states, m[1])
				if !strings.Contains(p, s.Name) {
					t.Errorf("%s: a Raft State page without the name %s", s.Worksheet, s.Name)
				}
			}
			if !strings.Contains(p, s.Code+" · group "+fmt.Sprint(s.Group)) {
				t.Errorf("%s: a page without %s · group %d", s.Worksheet, s.Code, s.Group)
			}
			if strings.Contains(p, "RPC slips") {
				t.Errorf("%s: a student's pack has the group's slips", s.Worksheet)
			}
		}
		if text := strings.Join(pages, "\n"); !strings.Contains(text, "Why? Step by step") {
			t.Errorf("%s: a student's pack without the debrief", s.Worksheet)
		} else if strings.Contains(text, "sheets of paper") {
			t.Errorf("%s: a student's pack tells what to print", s.Worksheet)
		}
		if len(states) != 1 || states[0] != s.Plays {
			t.Errorf("%s: the Raft State sheets of %v, want %s's alone", s.Worksheet, states, s.Plays)
		}
		if last := pages[len(pages)-1]; !strings.Contains(last, fmt.Sprintf("page %d of %d", len(pages), len(pages))) {
			t.Errorf("%s: pages not numbered within the pack: %q", s.Worksheet, last)
		}
	}
	for _, g := range m.Groups {
		text := strings.Join(pdfPages(t, filepath.Join(set.Dir, g.Slips)), "\n")
		if !strings.Contains(text, "RPC slips") || strings.Contains(text, "Raft State") || strings.Contains(text, "Why? Step by step") {
			t.Errorf("%s: the group's pages are its slips", g.Slips)
		}
	}
}

// slipField is a slip's field id: a page of slips has them.
var slipField = regexp.MustCompile(`slip\d+\.term`)

// stateTitle is a Raft State sheet's title and its server, as pdftotext
// lays them out.
var stateTitle = regexp.MustCompile(`(?m)^Raft State +(\S+)$`)

// Each student's (and group's) part of the merged PDFs starts on an odd
// page: a blank back follows a part of odd length, so that printed on
// both sides no part begins on the back of another's page; and the slips,
// to be cut apart, have a blank back each.
func TestMergedPDFsPrintDuplex(t *testing.T) {
	set := buildSet(t, "partition", 10, 1, "")
	if set.Pages%2 != 0 || set.KeyPages%2 != 0 || set.Blanks == 0 {
		t.Errorf("worksheets %d pages with %d blank backs, keys %d pages", set.Pages, set.Blanks, set.KeyPages)
	}
	if !hasTools("pdftotext") {
		t.Skip("install poppler-utils for the PDF checks")
	}
	for _, f := range []string{set.Manifest.Worksheets, set.Manifest.Keys} {
		pages := pdfPages(t, filepath.Join(set.Dir, f))
		starts := 0
		for i, p := range pages {
			first := strings.Contains(p, "page 1 of")
			if first {
				starts++
			}
			if first && i%2 != 0 {
				t.Errorf("%s: a part starts on page %d, a back", f, i+1)
			}
			if strings.TrimSpace(p) == "" && i%2 == 0 {
				t.Errorf("%s: page %d is blank, but a front", f, i+1)
			}
		}
		want := set.WorksheetPDFs
		if f == set.Manifest.Keys {
			want = len(set.Manifest.Groups)
		}
		if starts != want {
			t.Errorf("%s: %d parts start, want %d", f, starts, want)
		}
		for i, p := range pages {
			if f == set.Manifest.Worksheets && slipField.MatchString(p) {
				if i%2 != 0 || i+1 >= len(pages) || strings.TrimSpace(pages[i+1]) != "" {
					t.Errorf("%s: the slips' page %d has no blank back", f, i+1)
				}
			}
		}
	}
}

// The merged PDF's writer pads a part of odd length with one blank page,
// and nothing else.
func TestAddPartPadsOddParts(t *testing.T) {
	s, err := mustLocate(t, "election").Open("roleplay", "", "")
	if err != nil {
		t.Fatal(err)
	}
	one := *s.Doc
	one.Pages = s.Doc.Pages[:1]
	two := *s.Doc
	two.Pages = s.Doc.Pages[:2]
	m, err := createMerged(filepath.Join(t.TempDir(), "m.pdf"), "t", s.Doc.Paper)
	if err != nil {
		t.Fatal(err)
	}
	var blanks []bool
	for _, doc := range []*page.Document{&one, &two, &one} {
		d, err := pdf.Render(doc, false)
		if err != nil {
			t.Fatal(err)
		}
		b, err := m.addPart(d)
		if err != nil {
			t.Fatal(err)
		}
		blanks = append(blanks, b)
	}
	if _, err := m.close(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(blanks, []bool{true, false, true}) || m.m.Pages() != 2+2+2 {
		t.Errorf("blank backs %v, %d pages; want [true false true], 6", blanks, m.m.Pages())
	}
}

func mustLocate(t *testing.T, code string) pipeline.Target {
	t.Helper()
	target, err := pipeline.Locate(code, "")
	if err != nil {
		t.Fatal(err)
	}
	return target
}

// The same seed gives the same files, byte for byte; another seed other
// variants.
func TestClassSetIsReproducible(t *testing.T) {
	a := buildSet(t, "election", 5, 7, "")
	b := buildSet(t, "election", 5, 7, "")
	entries, err := os.ReadDir(a.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(a.Manifest.files()); len(entries) != want {
		t.Errorf("the class set has %d files, its manifest lists %d", len(entries), want)
	}
	for _, e := range entries {
		if !bytes.Equal(read(t, a.Dir, e.Name()), read(t, b.Dir, e.Name())) {
			t.Errorf("%s differs between two builds with the same seed", e.Name())
		}
	}
	c := buildSet(t, "election", 5, 8, "")
	if bytes.Equal(read(t, a.Dir, "manifest.csv"), read(t, c.Dir, "manifest.csv")) {
		t.Error("another seed gave the same variants")
	}
}

// A key rebuilt from a code alone is the class set's key, byte for byte,
// in both templates.
func TestKeyFromCodeIsTheClassSetKey(t *testing.T) {
	for _, template := range []string{"", "trace"} {
		set := buildSet(t, "partition-timed", 6, 2026, template)
		for _, g := range set.Manifest.Groups {
			sheet, err := mustLocate(t, g.Code).Open(template, "", "")
			if err != nil {
				t.Fatal(err)
			}
			key, err := pdf.Render(sheet.Doc, true)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(key, read(t, set.Dir, g.Key)) {
				t.Errorf("%s: the key rebuilt from %s differs from the class set's", template, g.Code)
			}
			if ContentHash(sheet.Trace) != g.Hash {
				t.Errorf("%s: the manifest's hash of %s is not its answers'", template, g.Code)
			}
		}
	}
}

// A student's answer template in the class set lists the fields of the
// part they play, and left as it is, grades as blank: all missing.
func TestClassSetAnswerTemplates(t *testing.T) {
	set := buildSet(t, "election", 3, 1, "")
	s := set.Manifest.Students[0]
	a, err := ReadAnswers(s.Answers, read(t, set.Dir, s.Answers))
	if err != nil {
		t.Fatal(err)
	}
	if a.Header.Code != s.Code || a.Header.Student.ID != s.ID || a.Header.Hash != s.Hash {
		t.Errorf("the template says %+v, want code %s, hash %s and student %s", a.Header, s.Code, s.Hash, s.ID)
	}
	g, err := (&Checker{}).Check(a)
	if err != nil {
		t.Fatal(err)
	}
	if !g.Blank || g.Right != 0 || g.Wrong != 0 || g.Missing == 0 || g.Missing != g.Counted() {
		t.Errorf("a blank template grades %d right, %d wrong, %d missing (blank %v)", g.Right, g.Wrong, g.Missing, g.Blank)
	}
	fields, _ := partFields(g.Sheet.Doc, "server "+s.Plays)
	if len(a.Order) != len(fields) || len(fields) == 0 {
		t.Errorf("the template lists %d fields, %s's sheet has %d", len(a.Order), s.Plays, len(fields))
	}
}

// A class set rebuilt into the same folder leaves no student of the build
// before it; a folder with files the build did not write, or an answer
// file edited since (a student's answers), is refused with a message
// that says what to do, and left as it was.
func TestRebuildReplacesTheWholeSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "class")
	buildInto(t, dir, "election", Numbered(6), Options{Seed: 1, Template: "trace"})
	set := buildInto(t, dir, "election", Numbered(3), Options{Seed: 1, Template: "trace"})
	entries, _ := os.ReadDir(dir)
	written := set.Manifest.files()
	for _, e := range entries {
		if !written[e.Name()] {
			t.Errorf("%s is left from the build before", e.Name())
		}
	}
	if len(entries) != len(written) || len(set.Manifest.Students) != 3 {
		t.Errorf("%d files for %d students, want %d", len(entries), len(set.Manifest.Students), len(written))
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".class.*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}

	ex, _ := exercises.Load("election")
	answers := filepath.Join(dir, set.Manifest.Students[0].Answers)
	template, _ := os.ReadFile(answers)
	for name, change := range map[string]func(){
		"a file of the teacher's": func() { os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644) },
		"an edited answer file": func() {
			os.WriteFile(answers, bytes.Replace(template, []byte("answers:\n"), []byte("answers:\n  step1.S1.role: C\n"), 1), 0o644)
		},
	} {
		before, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
		change()
		_, err := Build(ex, Numbered(4), Options{Dir: dir, Exercise: "election", Seed: 1, Template: "trace"})
		if err == nil || !strings.Contains(err.Error(), "move") || !strings.Contains(err.Error(), "-o") {
			t.Errorf("%s: rebuilding over it: %v", name, err)
		}
		if after, _ := os.ReadFile(filepath.Join(dir, "manifest.json")); !bytes.Equal(before, after) {
			t.Errorf("%s: a refused build changed the class set", name)
		}
		os.Remove(filepath.Join(dir, "notes.txt"))
		os.WriteFile(answers, template, 0o644)
		buildInto(t, dir, "election", Numbered(3), Options{Seed: 1, Template: "trace"})
	}
}

// A role-play group's parts reuse what the key's layout worked out for
// the Raft State sheets (worksheet.Rooms): each student's pack is byte
// for byte the pack laid out afresh.
func TestPartsReuseTheKeysRooms(t *testing.T) {
	for _, name := range []string{"figure8", "partition-timed"} {
		ex := mustLoad(t, name)
		base, err := pipeline.Options(ex, "roleplay", "")
		if err != nil {
			t.Fatal(err)
		}
		target := pipeline.Target{Exercise: ex, Ref: name, Code: "", Number: 0}
		rooms := &worksheet.Rooms{}
		withRooms := base
		withRooms.Rooms = rooms
		sheet, err := target.LayOut(withRooms, "")
		if err != nil {
			t.Fatal(err)
		}
		if *rooms == (worksheet.Rooms{}) {
			t.Fatalf("%s: the key's layout left the rooms unknown", name)
		}
		for _, server := range ex.Config.Servers {
			pack := func(opt worksheet.Options) []byte {
				opt.Stamp = worksheet.Stamp{Name: "Ada", Group: "group 1"}
				opt.Part = &worksheet.Part{Sections: packSections, Server: server}
				doc, err := worksheet.Layout(sheet.Variant, sheet.Trace, opt)
				if err != nil {
					t.Fatal(err)
				}
				b, err := pdf.Render(doc, false)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			if !bytes.Equal(pack(withRooms), pack(base)) {
				t.Errorf("%s: %s's pack laid out with the key's rooms differs from one laid out afresh", name, server)
			}
		}
	}
}
