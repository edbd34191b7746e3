package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// classSet builds a class set in dir with the given flags and returns its
// manifest.
func classSet(t *testing.T, dir string, args ...string) manifest {
	t.Helper()
	out, errOut, code := raftsheet(t, dir, append([]string{"build"}, args...)...)
	if code != 0 {
		t.Fatalf("build %v: exit %d\n%s", args, code, errOut)
	}
	if errOut != "" {
		t.Errorf("stderr is not a terminal, yet the build wrote to it: %q", errOut)
	}
	if !strings.Contains(out, "class/") {
		t.Errorf("the output does not say where the class set is: %q", out)
	}
	var m manifest
	name := strings.TrimSuffix(filepath.Base(args[0]), ".yaml")
	b, err := os.ReadFile(filepath.Join(dir, "out", name, "class", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

type manifest struct {
	ExerciseFile              string `json:"exercise_file"`
	Exercise, Grade, Grouping string
	Worksheets, Keys          string
	Groups                    []struct {
		Group                           int
		Code, Hash, Key, Slips, Answers string
		Unplayed                        []string
	}
	Students []struct {
		ID, Name, Plays, Code, Worksheet, Key, Answers string
		Group                                          int
	}
}

const roster = "Student,Name,ID\n1,Ada Lovelace,s101\n2,\"Hopper, Grace\",s102\n3,Émilie du Châtelet,s103\n"

// A roster's class set in the trace template: one worksheet, key and
// answer template each, the merged PDFs, the manifest in CSV and JSON;
// the code on every page of every worksheet and key, and each student's
// name on their worksheet.
func TestClassSetFromRoster(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "roster.csv"), []byte(roster), 0o644)
	m := classSet(t, dir, "partition", "--class", "roster.csv", "--seed", "2026", "--template", "trace")
	if len(m.Students) != 3 || m.Students[1].Name != "Hopper, Grace" || m.Students[1].Worksheet != "s102-worksheet.pdf" || m.Students[1].Plays != "cluster" {
		t.Fatalf("manifest: %+v", m)
	}
	class := filepath.Join(dir, "out", "partition", "class")
	rows, err := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(class, "manifest.csv")))).ReadAll()
	if err != nil || len(rows) != 4 || strings.Join(rows[0], ",") != "id,name,group,plays,code,worksheet,key,answers" {
		t.Errorf("manifest.csv: %v %v", rows, err)
	}
	if !hasTools("qpdf", "pdftotext", "pdffonts") {
		t.Skip("install qpdf and poppler-utils for the PDF checks")
	}
	counts := map[string]int{} // pages of each student's worksheet and key
	for _, s := range m.Students {
		for _, f := range []string{s.Worksheet, s.Key} {
			path := filepath.Join(class, f)
			mustRun(t, "qpdf", "--check", path)
			fontsEmbedded(t, path)
			pages := pdfPages(t, path)
			counts[f] = len(pages)
			for i, p := range pages {
				if !strings.Contains(p, s.Code) {
					t.Errorf("%s: page %d lacks the code %s", f, i+1, s.Code)
				}
			}
			hasName := strings.Contains(strings.Join(pages, "\n"), s.Name)
			if isKey := f == s.Key; hasName == isKey {
				t.Errorf("%s: the name %q printed: %v (the worksheet has it, the key does not)", f, s.Name, hasName)
			}
		}
	}
	for _, merged := range []struct {
		file string
		key  bool
	}{{m.Worksheets, false}, {m.Keys, true}} {
		path := filepath.Join(class, merged.file)
		mustRun(t, "qpdf", "--check", path)
		fontsEmbedded(t, path)
		pages := pdfPages(t, path)
		want := 0
		for i, s := range m.Students {
			n := counts[s.Worksheet]
			if merged.key {
				n = counts[s.Key]
			}
			if i == 1 && (!strings.Contains(pages[want], "page 1 of ") || !strings.Contains(pages[want], s.Code)) {
				t.Errorf("%s: the second student's part does not start on page %d, a front, with its code:\n%s", merged.file, want+1, pages[want])
			}
			want += (n + 1) / 2 * 2 // each student's pages, and a blank back if they are odd
		}
		if len(pages) != want {
			t.Errorf("%s has %d pages, want %d: the students' own files, one after the other, each from a front", merged.file, len(pages), want)
		}
	}
}

// A role-play roster's class set is groups: the manifest says who plays
// which server of which group's variant, and who plays the network; the
// build says how the students were grouped.
func TestRoleplayClassSetFromRoster(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("name,id\n")
	for i := 1; i <= 11; i++ {
		fmt.Fprintf(&b, "Student %d,s%d\n", i, i)
	}
	os.WriteFile(filepath.Join(dir, "roster.csv"), []byte(b.String()), 0o644)
	out, errOut, code := raftsheet(t, dir, "build", "partition", "--class", "roster.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "11 students in 2 groups") || !strings.Contains(out, "group 2 has a student more, who plays the network") {
		t.Errorf("the build does not say how the students were grouped:\n%s", out)
	}
	var m manifest
	json.Unmarshal(mustRead(t, filepath.Join(dir, "out", "partition", "class", "manifest.json")), &m)
	plays := map[int][]string{}
	for _, s := range m.Students {
		plays[s.Group] = append(plays[s.Group], s.Plays)
		if s.Code != m.Groups[s.Group-1].Code {
			t.Errorf("%s plays in group %d but has the code %s", s.ID, s.Group, s.Code)
		}
	}
	if len(plays[1]) != 5 || len(plays[2]) != 6 || plays[2][5] != "network" || m.Grouping == "" {
		t.Errorf("groups: %v; grouping %q", plays, m.Grouping)
	}
	if last := m.Students[10]; last.Worksheet != "s11-worksheet.pdf" || last.Answers != m.Groups[1].Answers || m.Groups[1].Slips == "" {
		t.Errorf("the network player's files: %+v, want its own pack and the group's slips' answers (%+v)", last, m.Groups[1])
	}
}

// key CODE rebuilds that student's key byte for byte; the same seed gives
// the same files.
func TestKeyFromCodeAndReproducibility(t *testing.T) {
	dir := t.TempDir()
	m := classSet(t, dir, "partition", "--variants", "3", "--seed", "7", "--template", "trace", "--paper", "letter")
	s := m.Students[2]
	out, errOut, code := raftsheet(t, dir, "key", strings.ToLower(s.Code), "-o", "keys", "--template", "trace", "--paper", "letter")
	if code != 0 {
		t.Fatalf("key: exit %d: %s", code, errOut)
	}
	rebuilt := mustRead(t, filepath.Join(dir, "keys", "partition", s.Code+"-key.pdf"))
	if !bytes.Equal(rebuilt, mustRead(t, filepath.Join(dir, "out", "partition", "class", s.Key))) {
		t.Errorf("the key rebuilt from %s differs from the class set's (%s)", s.Code, out)
	}
	again := t.TempDir()
	classSet(t, again, "partition", "--variants", "3", "--seed", "7", "--template", "trace", "--paper", "letter")
	entries, _ := os.ReadDir(filepath.Join(dir, "out", "partition", "class"))
	for _, e := range entries {
		a := mustRead(t, filepath.Join(dir, "out", "partition", "class", e.Name()))
		b := mustRead(t, filepath.Join(again, "out", "partition", "class", e.Name()))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds with seed 7", e.Name())
		}
	}
	_, errOut, code = raftsheet(t, dir, "key", "PARX-ZZZZ")
	if code != 1 || !strings.Contains(errOut, "no exercise has the variant code PARX-ZZZZ") {
		t.Errorf("an unknown code: exit %d, %q", code, errOut)
	}
}

// A class set of an exercise of one's own: check and key work from any
// folder with the class set named (the answer files hold no path), and
// once the exercise gives other answers both refuse, exit 1, naming the
// exercise and what to do.
func TestOwnExerciseChangedIsRefused(t *testing.T) {
	dir := t.TempDir()
	src := "title: Mine\nservers: 3\nsteps:\n  - timeout: S1\n  - stabilize\n  - client: {server: S1, value: sally}\n  - heartbeat: S1\n  - stabilize\n"
	os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(src), 0o644)
	m := classSet(t, dir, "mine.yaml", "--variants", "2", "--template", "trace")
	if !filepath.IsAbs(m.ExerciseFile) || m.Exercise != "mine" {
		t.Errorf("the manifest names the exercise %q at %q", m.Exercise, m.ExerciseFile)
	}
	class := filepath.Join(dir, "out", "mine", "class")
	elsewhere := t.TempDir()
	answers := filepath.Join(class, m.Students[0].Answers)
	if _, errOut, code := raftsheet(t, elsewhere, "check", answers); code != 1 || !strings.Contains(errOut, "name its file with --exercise FILE, or its class set with --class DIR") {
		t.Errorf("check without the exercise: exit %d, %q", code, errOut)
	}
	if out, errOut, code := raftsheet(t, elsewhere, "check", answers, "--class", class, "--summary"); code != 0 || !strings.Contains(out, "0 right") {
		t.Errorf("check --class from elsewhere: exit %d, %q %q", code, out, errOut)
	}
	os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(strings.TrimSuffix(src, "  - stabilize\n")), 0o644)
	_, errOut, code := raftsheet(t, elsewhere, "check", answers, "--class", class)
	if code != 1 || !strings.Contains(errOut, "of mine ("+filepath.Join(dir, "mine.yaml")+") now gives other answers") || !strings.Contains(errOut, "rebuild the class set") {
		t.Errorf("check of a changed exercise: exit %d, %q", code, errOut)
	}
	_, errOut, code = raftsheet(t, dir, "key", m.Groups[0].Code, "--exercise", "mine.yaml")
	if code != 1 || !strings.Contains(errOut, "now gives other answers") {
		t.Errorf("key of a changed exercise: exit %d, %q", code, errOut)
	}
}

// A class set rebuilt into its folder leaves no student of the build
// before: 6 then 3 students is 3 answer files, and the report counts 3.
func TestRebuildLeavesNoStaleStudents(t *testing.T) {
	dir := t.TempDir()
	classSet(t, dir, "election", "--variants", "6", "--template", "trace")
	m := classSet(t, dir, "election", "--variants", "3", "--template", "trace")
	class := filepath.Join(dir, "out", "election", "class")
	files, _ := filepath.Glob(filepath.Join(class, "*-answers.yaml"))
	if len(files) != 3 || len(m.Students) != 3 {
		t.Fatalf("%d answer files, %d students in the manifest; want 3", len(files), len(m.Students))
	}
	out, errOut, code := raftsheet(t, dir, append([]string{"check", "--class", class, "--report", "report", "--summary"}, files...)...)
	if code != 0 || !strings.Contains(out, "report/scores.csv and report.pdf: 3 files, 0 absent") {
		t.Errorf("check: exit %d\n%s%s", code, out, errOut)
	}
}

// answers writes a template that check grades; the key's own answers
// score 100 %, and --report writes the scores and the one-page report;
// --summary, --format json and --format gradescope say the same.
func TestAnswersCheckAndReport(t *testing.T) {
	dir := t.TempDir()
	m := classSet(t, dir, "election", "--variants", "2", "--template", "trace")
	for i, s := range m.Students {
		out, errOut, code := raftsheet(t, dir, "answers", s.Code, "--key", "--template", "trace")
		if code != 0 {
			t.Fatalf("answers: %s", errOut)
		}
		if i == 1 { // the second student gets a vote wrong
			vote := regexp.MustCompile(`(?m)^(  step2\.\S+\.votedFor:) "\w+"`)
			at := vote.FindStringSubmatchIndex(out)
			out = out[:at[0]] + out[at[2]:at[3]] + " nobody" + out[at[1]:]
		}
		os.WriteFile(filepath.Join(dir, s.Code+".yaml"), []byte(out), 0o644)
	}
	files := []string{m.Students[0].Code + ".yaml", m.Students[1].Code + ".yaml"}
	out, errOut, code := raftsheet(t, dir, "check", files[0], files[1], "--report", "report")
	if code != 0 {
		t.Fatalf("check: exit %d: %s", code, errOut)
	}
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[0], "0 wrong, 0 missing") || !strings.Contains(lines[0], "· 100.0%") {
		t.Errorf("the key's answers do not score 100%%:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^  wrong   step2\.\w+\.votedFor \(line \d+\): wrote "nobody", key \w+ · `).MatchString(out) {
		t.Errorf("the wrong vote is not reported with its key and rule:\n%s", out)
	}
	if !strings.Contains(out, "class: 2 graded") {
		t.Errorf("no class summary:\n%s", out)
	}
	csvRows, _ := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(dir, "report", "scores.csv")))).ReadAll()
	if len(csvRows) != 3 || strings.Join(csvRows[0], ",") != "student,name,code,part,file,status,right,partial,wrong,missing,score %" || csvRows[1][10] != "100.0" {
		t.Errorf("scores.csv: %v", csvRows)
	}
	if hasTools("qpdf", "pdfinfo", "pdftotext") {
		pdf := filepath.Join(dir, "report", "report.pdf")
		mustRun(t, "qpdf", "--check", pdf)
		if info := mustRun(t, "pdfinfo", pdf); !strings.Contains(info, "Pages:           1\n") {
			t.Errorf("the report is not one page:\n%s", info)
		}
		if text := strings.Join(pdfPages(t, pdf), ""); !regexp.MustCompile(`step2\.\w+\.votedFor 1 wrong of 2`).MatchString(text) {
			t.Errorf("the report does not count the wrong vote:\n%s", text)
		}
	}
	summary, _, _ := raftsheet(t, dir, "check", files[0], files[1], "--summary")
	if n := strings.Count(summary, "\n  wrong"); n != 0 || !strings.Contains(summary, files[1]+": ") {
		t.Errorf("--summary lists fields:\n%s", summary)
	}
	js, _, code := raftsheet(t, dir, "check", files[0], files[1], "--format", "json")
	var res struct {
		Files []struct {
			File   string
			Score  float64
			Wrong  int
			Fields []struct{ ID, Verdict, Written, Key, Rule string }
		}
	}
	if err := json.Unmarshal([]byte(js), &res); err != nil || code != 0 || len(res.Files) != 2 || res.Files[0].Score != 100 ||
		res.Files[1].Wrong != 1 || len(res.Files[1].Fields) != 1 || res.Files[1].Fields[0].Written != "nobody" || res.Files[1].Fields[0].Rule == "" {
		t.Errorf("--format json: %v %+v\n%s", err, res, js)
	}
	gs, _, code := raftsheet(t, dir, "check", files[1], "--format", "gradescope", "--points", "100")
	var results struct {
		Score float64
		Tests []struct {
			Name, Status string
			Score        float64
			MaxScore     float64 `json:"max_score"`
		}
	}
	if err := json.Unmarshal([]byte(gs), &results); err != nil || code != 0 || results.Score >= 100 || results.Score < 90 || len(results.Tests) == 0 {
		t.Errorf("--format gradescope: %v %+v", err, results)
	}
}

// Bad answer files and rosters get file:line errors, and exit status 1.
func TestClassErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notyaml.yaml"), []byte("exercise: election\nanswers:\n\tS1.vote[1]: S1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "badcode.yaml"), []byte("exercise: election\ncode: ELEX-0000\nanswers:\n"), 0o644)
	_, errOut, code := raftsheet(t, dir, "check", "notyaml.yaml", "badcode.yaml")
	if code != 1 || !strings.Contains(errOut, "notyaml.yaml:3: not valid YAML") || !strings.Contains(errOut, "badcode.yaml:2: ") ||
		!strings.Contains(errOut, "2 of 2 answer files could not be graded") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	for name, c := range map[string]struct{ csv, want string }{
		"missing column": {"name,number\nAda,1\n", "roster.csv:1: the roster has no \"id\" column"},
		"duplicate id":   {"name,id\nAda,7\nBob,8\nCy,7\n", "roster.csv:4: the id \"7\" is also on line 2"},
		"no glyph":       {"name,id\n漢字,1\n", "roster.csv:2: the name \"漢字\" has the character"},
	} {
		os.WriteFile(filepath.Join(dir, "roster.csv"), []byte(c.csv), 0o644)
		out, errOut, code := raftsheet(t, dir, "build", "partition", "--class", "roster.csv")
		if code != 1 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %q", name, code, out, errOut, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("a failed class build left files: %v", err)
	}
	_, errOut, code = raftsheet(t, dir, "build", "partition", "election", "--variants", "2")
	if code != 1 || !strings.Contains(errOut, "a class set is of one exercise") {
		t.Errorf("two exercises: exit %d, %q", code, errOut)
	}
}

func hasTools(tools ...string) bool {
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			return false
		}
	}
	return true
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustRun(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pdfPages is the text of each page, as pdftotext extracts it.
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	pages := strings.Split(mustRun(t, "pdftotext", "-layout", path, "-"), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// embedded matches pdffonts' line of an embedded font (its emb column).
var embedded = regexp.MustCompile(`(?m)^\S+\s+CID TrueType\s+Identity-H\s+yes\s+(yes|no)\s+(yes|no)`)

func fontsEmbedded(t *testing.T, path string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(mustRun(t, "pdffonts", path)), "\n")[2:]
	for _, l := range lines {
		if !embedded.MatchString(l) {
			t.Errorf("%s: a font is not embedded: %q", path, l)
		}
	}
}
