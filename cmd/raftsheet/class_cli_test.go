package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
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
	b, err := os.ReadFile(filepath.Join(dir, "out", args[0], "class", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

type manifest struct {
	Worksheets, Keys string
	Students         []struct{ ID, Name, Code, Worksheet, Key, Answers string }
}

const roster = "Student,Name,ID\n1,Ada Lovelace,s101\n2,\"Hopper, Grace\",s102\n3,Émilie du Châtelet,s103\n"

// A roster's class set: one worksheet, key and answer template each, the
// merged PDFs, the manifest in CSV and JSON; the code on every page of
// every worksheet and key, and each student's name on their worksheet.
func TestClassSetFromRoster(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "roster.csv"), []byte(roster), 0o644)
	m := classSet(t, dir, "partition", "--class", "roster.csv", "--seed", "2026")
	if len(m.Students) != 3 || m.Students[1].Name != "Hopper, Grace" || m.Students[1].Worksheet != "s102-worksheet.pdf" {
		t.Fatalf("manifest: %+v", m)
	}
	class := filepath.Join(dir, "out", "partition", "class")
	rows, err := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(class, "manifest.csv")))).ReadAll()
	if err != nil || len(rows) != 4 || strings.Join(rows[0], ",") != "id,name,code,worksheet,key,answers" {
		t.Errorf("manifest.csv: %v %v", rows, err)
	}
	if !hasTools("qpdf", "pdftotext", "pdffonts") {
		t.Skip("install qpdf and poppler-utils for the PDF checks")
	}
	for _, s := range m.Students {
		for _, f := range []string{s.Worksheet, s.Key} {
			path := filepath.Join(class, f)
			mustRun(t, "qpdf", "--check", path)
			fontsEmbedded(t, path)
			pages := pdfPages(t, path)
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
	counts := map[string]int{} // pages of each student's worksheet and key
	for _, s := range m.Students {
		for _, f := range []string{s.Worksheet, s.Key} {
			counts[f] = len(pdfPages(t, filepath.Join(class, f)))
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
		want, first := 0, 0
		for i, s := range m.Students {
			n := counts[s.Worksheet]
			if merged.key {
				n = counts[s.Key]
			}
			if i == 1 {
				first = want
				if !strings.Contains(pages[first], "page 1 of ") || !strings.Contains(pages[first], s.Code) {
					t.Errorf("%s: the second student's first page does not start again at page 1 with its code:\n%s", merged.file, pages[first])
				}
			}
			want += n
		}
		if len(pages) != want {
			t.Errorf("%s has %d pages, want %d: the students' own files, one after the other", merged.file, len(pages), want)
		}
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

// answers writes a template that check grades; the key's own answers
// score 100 %, and --report writes the scores and the one-page report.
func TestAnswersCheckAndReport(t *testing.T) {
	dir := t.TempDir()
	m := classSet(t, dir, "election", "--variants", "2")
	for i, s := range m.Students {
		out, errOut, code := raftsheet(t, dir, "answers", s.Code, "--key")
		if code != 0 {
			t.Fatalf("answers: %s", errOut)
		}
		if i == 1 { // the second student gets their first vote wrong
			out = regexp.MustCompile(`(?m)^(  \S+\.vote\[1\]:) .*$`).ReplaceAllString(out, "$1 nobody")
		}
		os.WriteFile(filepath.Join(dir, s.Code+".yaml"), []byte(out), 0o644)
	}
	out, errOut, code := raftsheet(t, dir, "check", m.Students[0].Code+".yaml", m.Students[1].Code+".yaml", "--report", "report")
	if code != 0 {
		t.Fatalf("check: exit %d: %s", code, errOut)
	}
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[0], "0 wrong, 0 missing") || !strings.Contains(lines[0], "· 100.0%") {
		t.Errorf("the key's answers do not score 100%%:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^  wrong   \w+\.vote\[1\] \(line \d+\): wrote "nobody", key \w+ · Vote for a candidate with an up-to-date log \(§5\.2, §5\.4\.1\)$`).MatchString(out) {
		t.Errorf("the wrong vote is not reported with its key and rule:\n%s", out)
	}
	csvRows, _ := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(dir, "report", "scores.csv")))).ReadAll()
	if len(csvRows) != 3 || strings.Join(csvRows[0], ",") != "student,name,code,file,right,wrong,missing,score %" || csvRows[1][7] != "100.0" {
		t.Errorf("scores.csv: %v", csvRows)
	}
	if hasTools("qpdf", "pdfinfo", "pdftotext") {
		pdf := filepath.Join(dir, "report", "report.pdf")
		mustRun(t, "qpdf", "--check", pdf)
		if info := mustRun(t, "pdfinfo", pdf); !strings.Contains(info, "Pages:           1\n") {
			t.Errorf("the report is not one page:\n%s", info)
		}
		if text := strings.Join(pdfPages(t, pdf), ""); !strings.Contains(text, "S2.vote[1] 1 of 2") {
			t.Errorf("the report does not count the missed vote:\n%s", text)
		}
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
