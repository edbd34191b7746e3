//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/raftsheet/raftsheet/variant"
)

// The hostile files of issue 13 are fixtures in class/testdata/hostile
// (rosters, answer files) and templates/testdata/hostile; FIFOs,
// /dev/zero and symbolic links are made by the tests.

// fixture is the absolute path of a hostile fixture.
func fixture(t *testing.T, pkg, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", pkg, "testdata", "hostile", name))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// raftsheetWithin is raftsheet that fails the test, instead of hanging
// it, when the command takes longer than a minute.
func raftsheetWithin(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("raftsheet %v hangs", args)
	}
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "panic:") {
		t.Fatalf("raftsheet %v panicked:\n%s", args, stderr.String())
	}
	return stdout.String(), stderr.String(), code
}

// assertSafeForATerminal fails if out has a control character (but line
// breaks and tabs) or an invisible one.
func assertSafeForATerminal(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if textsafe.Unsafe(r) && r != '\n' && r != '\t' {
			t.Errorf("%s prints U+%04X raw: %q", what, r, out)
			return
		}
	}
}

// 1. check never opens a path an answer file names: not /etc/passwd, not
// a secret beside it, not /dev/zero, not a FIFO; it says to use
// --exercise or --template, and prints nothing of the file.
func TestCheckNeverOpensAPathFromAnAnswerFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "secret.yaml"), []byte("TOPSECRET: 42\nssh-ed25519 AAAA\n"), 0o600)
	syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644)
	head := "exercise: partition\ntemplate: roleplay\npaper: a4\nanswers:\n  S1.vote[1]: S1\n"
	files := map[string]string{
		"passwd.yaml":      strings.Replace(head, "exercise: partition", "exercise: /etc/passwd", 1),
		"secret.yaml.ans":  strings.Replace(head, "exercise: partition", "exercise: secret.yaml", 1),
		"abs-secret.yaml":  strings.Replace(head, "exercise: partition", "exercise: "+filepath.Join(dir, "secret.yaml"), 1),
		"code-secret.yaml": strings.Replace(head, "exercise: partition", "exercise: secret.yaml\ncode: SECR-1KQ2", 1),
		"zero.yaml":        strings.Replace(head, "template: roleplay", "template: /dev/zero", 1),
		"fifo-tpl.yaml":    strings.Replace(head, "template: roleplay", "template: fifo.yaml", 1),
		"secret-tpl.yaml":  strings.Replace(head, "template: roleplay", "template: secret.yaml", 1),
	}
	for name, src := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644)
	}
	for _, name := range []string{"names-passwd.yaml", "names-passwd-code.yaml", "names-shadow-template.yaml", "names-zero-template.yaml", "names-relative.yaml"} {
		files[name] = ""
		b, _ := os.ReadFile(fixture(t, "class", name))
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	passwd, _ := os.ReadFile("/etc/passwd")
	firstLine, _, _ := strings.Cut(string(passwd), "\n")
	for name := range files {
		for _, extra := range [][]string{nil, {"--exercise", filepath.Join(dir, "secret.yaml")}} {
			out, errOut, code := raftsheetWithin(t, dir, append([]string{"check", name}, extra...)...)
			all := out + errOut
			if code != 1 || strings.Contains(all, "TOPSECRET") || strings.Contains(all, "ssh-ed25519") || (firstLine != "" && strings.Contains(all, firstLine)) {
				t.Errorf("check %s %v: exit %d\n%s", name, extra, code, all)
			}
			if extra == nil && !strings.Contains(all, "check never opens a file an answer file names") {
				t.Errorf("check %s: does not say why:\n%s", name, all)
			}
		}
	}
}

// An answer file of the teacher's own exercise, graded with its
// --exercise, still works: by the path the build was given, or another
// path to the same file.
func TestCheckGradesTheTeachersOwnExercise(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join("..", "..", "exercises", "election.yaml"))
	os.MkdirAll(filepath.Join(dir, "course"), 0o755)
	os.WriteFile(filepath.Join(dir, "course", "mine.yaml"), src, 0o644)
	if _, errOut, code := raftsheetWithin(t, dir, "build", "course/mine.yaml", "--variants", "1"); code != 0 {
		t.Fatal(errOut)
	}
	answers := filepath.Join(dir, "out", "mine", "class", "1-answers.yaml")
	for _, exercise := range []string{"course/mine.yaml", filepath.Join(dir, "course", "mine.yaml")} {
		if out, errOut, code := raftsheetWithin(t, dir, "check", answers, "--exercise", exercise); code != 0 || !strings.Contains(out, "missing of") {
			t.Errorf("--exercise %s: exit %d\n%s%s", exercise, code, out, errOut)
		}
	}
}

// snapshot is every file under dir, by path, with its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[rel] = string(b)
		}
		return nil
	})
	return files
}

// 2. An exercise named ...yaml or ..yaml writes nothing, inside the
// output folder or out of it: its name names no folder.
func TestDotNamedExercisesWriteNothing(t *testing.T) {
	root := t.TempDir()
	work := filepath.Join(root, "teacher", "work")
	os.MkdirAll(work, 0o755)
	os.WriteFile(filepath.Join(root, "teacher", "key.pdf"), []byte("the teacher's own file"), 0o644)
	src, _ := os.ReadFile(filepath.Join("..", "..", "exercises", "election.yaml"))
	for _, name := range []string{"...yaml", "..yaml", ".yaml"} {
		os.WriteFile(filepath.Join(work, name), src, 0o644)
	}
	before := snapshot(t, root)
	for _, name := range []string{"...yaml", "..yaml", ".yaml"} {
		for _, args := range [][]string{{"build", name}, {"build", name, "--variants", "2"}, {"build", name, "-o", "."}, {"key", "ELEC-0000", "--exercise", name}, {"answers", "ELEC-0000", "--exercise", name}} {
			_, errOut, code := raftsheetWithin(t, work, args...)
			if code != 1 || !strings.Contains(errOut, "gives the exercise no name") {
				t.Errorf("%v: exit %d: %s", args, code, errOut)
			}
		}
	}
	if after := snapshot(t, root); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("files changed: before %d files, after %d", len(before), len(after))
	}
}

// 3. A symbolic link below the output folder (out/<name>, or
// out/<name>/class) is refused, and nothing lands where it points.
func TestSymlinkedOutputFoldersAreRefused(t *testing.T) {
	root := t.TempDir()
	elsewhere := filepath.Join(root, "elsewhere")
	os.MkdirAll(elsewhere, 0o755)
	os.MkdirAll(filepath.Join(root, "a"), 0o755)
	os.Symlink(elsewhere, filepath.Join(root, "a", "election"))
	os.MkdirAll(filepath.Join(root, "b", "election"), 0o755)
	os.Symlink(elsewhere, filepath.Join(root, "b", "election", "class"))
	for _, args := range [][]string{
		{"build", "election", "-o", "a"}, {"build", "election", "--variants", "2", "-o", "a"},
		{"build", "election", "--variants", "2", "-o", "b"}, {"key", variant.Code("election", 7), "-o", "a"},
	} {
		_, errOut, code := raftsheetWithin(t, root, args...)
		if code != 1 || !strings.Contains(errOut, "is a symbolic link") || !strings.Contains(errOut, "name the folder it points to with -o") {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("files landed in the link's target: %v", entries)
	}
	if _, errOut, code := raftsheetWithin(t, root, "build", "election", "-o", elsewhere); code != 0 {
		t.Errorf("building into the target itself: %s", errOut)
	}
}

// 4. No cell of manifest.csv or scores.csv starts like a formula, however
// the roster or the answer files name the students.
func TestCSVCellsNeverStartWithAFormula(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := raftsheetWithin(t, dir, "build", "election", "--class", fixture(t, "class", "formula.csv")); code != 0 {
		t.Fatal(errOut)
	}
	class := filepath.Join(dir, "out", "election", "class")
	answers, _ := filepath.Glob(filepath.Join(class, "*-answers.yaml"))
	formula, _ := os.ReadFile(fixture(t, "class", "formula-student.yaml"))
	os.WriteFile(filepath.Join(dir, "formula-student.yaml"), bytes.Replace(formula, []byte("exercise: partition"), []byte("exercise: election"), 1), 0o644)
	answers = append(answers, filepath.Join(dir, "formula-student.yaml"))
	if _, errOut, code := raftsheetWithin(t, dir, append([]string{"check", "--report", "report"}, answers...)...); code != 0 {
		t.Fatal(errOut)
	}
	for _, f := range []string{filepath.Join(class, "manifest.csv"), filepath.Join(dir, "report", "scores.csv")} {
		rows, err := csv.NewReader(bytes.NewReader(mustRead(t, f))).ReadAll()
		if err != nil || len(rows) < 5 {
			t.Fatalf("%s: %d rows, %v", f, len(rows), err)
		}
		for _, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: the cell %q starts like a formula", filepath.Base(f), cell)
				}
			}
		}
		if !bytes.Contains(mustRead(t, f), []byte("'=HYPERLINK(")) {
			t.Errorf("%s: the neutralised formula is not there:\n%s", f, mustRead(t, f))
		}
	}
}

// 5. No raw control character or bidirectional control reaches the
// terminal, from a student's name, a roster's header, an exercise's
// unknown key or title, a template's key.
func TestNoRawControlCharacterReachesTheTerminal(t *testing.T) {
	dir := t.TempDir()
	esc, _ := os.ReadFile(fixture(t, "class", "escape-student.yaml"))
	os.WriteFile(filepath.Join(dir, "escape-student.yaml"), esc, 0o644)
	os.WriteFile(filepath.Join(dir, "evil-key.yaml"), []byte("title: t\n\"\\e[31mevil\\e[0m\": 1\nservers: 3\nsteps:\n  - timeout: S1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bidi.yaml"), []byte("title: \"admin\\u202Egnp.exe\"\nservers: 3\nsteps:\n  - timeout: S1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "evil name\x1b[2J.yaml"), []byte("title: x\n"), 0o644)
	for _, args := range [][]string{
		{"check", "escape-student.yaml"}, {"check", "escape-student.yaml", "-v"},
		{"build", "election", "--class", fixture(t, "class", "escape-header.csv")},
		{"build", "election", "--class", fixture(t, "class", "escape.csv")},
		{"build", "election", "--class", fixture(t, "class", "bidi.csv")},
		{"validate", "evil-key.yaml"}, {"validate", "bidi.yaml"}, {"run", "bidi.yaml"}, {"build", "bidi.yaml"},
		{"validate", "evil name\x1b[2J.yaml"},
		{"build", "election", "--template", fixture(t, "templates", "escape-key.yaml")},
		{"build", "election", "--template", fixture(t, "templates", "bidi-label.yaml")},
	} {
		out, errOut, _ := raftsheetWithin(t, dir, args...)
		assertSafeForATerminal(t, fmt.Sprint(args), out+errOut)
		if out+errOut == "" {
			t.Errorf("%v says nothing", args)
		}
	}
	if out, _, _ := raftsheetWithin(t, dir, "check", "escape-student.yaml"); !strings.Contains(out, `Ada \x1b[8m100%\x1b[0m \u202e`) {
		t.Errorf("the student's name is not shown escaped: %q", out)
	}
}

// classSetFiles is a class set's files, or nil when there is none.
func classSetFiles(t *testing.T, class string) map[string]string {
	t.Helper()
	if _, err := os.Stat(class); err != nil {
		return nil
	}
	return snapshot(t, class)
}

// sameSet reports which reference set the files are, whole: 0 for none.
func sameSet(files map[string]string, refs ...map[string]string) int {
	for i, ref := range refs {
		if fmt.Sprint(files) == fmt.Sprint(ref) {
			return i + 1
		}
	}
	return 0
}

// referenceSets builds the class set of election for seeds 1 and 2, to
// compare with, and says how long a build takes.
func referenceSets(t *testing.T) (map[string]string, map[string]string, time.Duration) {
	t.Helper()
	dir := t.TempDir()
	var refs [2]map[string]string
	start := time.Now()
	for i, seed := range []string{"1", "2"} {
		out := filepath.Join(dir, seed)
		if _, errOut, code := raftsheetWithin(t, dir, "build", "election", "--variants", "3", "--seed", seed, "-o", out); code != 0 {
			t.Fatal(errOut)
		}
		refs[i] = snapshot(t, filepath.Join(out, "election", "class"))
	}
	if len(refs[0]) != len(refs[1]) || sameSet(refs[0], refs[1]) != 0 {
		t.Fatal("the seeds give the same set")
	}
	return refs[0], refs[1], time.Since(start) / 2
}

// assertNothingLeft checks that out/election holds only the class set.
func assertNothingLeft(t *testing.T, out string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(out, "election"))
	for _, e := range entries {
		if e.Name() != "class" {
			t.Errorf("left in %s: %s", out, e.Name())
		}
	}
	entries, _ = os.ReadDir(filepath.Join(out, "election", "class"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left in the class set: %s", e.Name())
		}
	}
}

// 6. A class set rebuilt while another build of it runs is always one
// whole set, the first build's or the second's, and both succeed.
func TestClassSetRebuiltWhileAnotherBuildRuns(t *testing.T) {
	a, b, _ := referenceSets(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	class := filepath.Join(out, "election", "class")
	for round := 0; round < 4; round++ {
		var cmds []*exec.Cmd
		var errs []*bytes.Buffer
		for _, seed := range []string{"1", "2", "1"} {
			cmd := exec.Command(binary, "build", "election", "--variants", "3", "--seed", seed, "-o", out)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds, errs = append(cmds, cmd), append(errs, &stderr)
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("round %d: a build failed: %v %s", round, err, errs[i])
			}
		}
		if sameSet(classSetFiles(t, class), a, b) == 0 {
			t.Fatalf("round %d: the class set is a mix of two builds", round)
		}
	}
	assertNothingLeft(t, out)
}

// 6. A class set build killed (kill -9) at a random moment leaves the old
// set or the new one, whole; the next build removes what it left.
func TestClassSetKilledAtRandomMoments(t *testing.T) {
	a, b, took := referenceSets(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	class := filepath.Join(out, "election", "class")
	rng := rand.New(rand.NewPCG(13, 6))
	built := 0
	for round := 0; round < 12; round++ {
		cmd := exec.Command(binary, "build", "election", "--variants", "3", "--seed", fmt.Sprint(1+round%2), "-o", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(took/4 + time.Duration(rng.Int64N(int64(took)*7/4))) // from a quarter of a build to well past its end
		cmd.Process.Signal(syscall.SIGKILL)
		if cmd.Wait() == nil {
			built++
		}
		files := classSetFiles(t, class)
		if files != nil && sameSet(files, a, b) == 0 {
			t.Fatalf("round %d: the killed build left a mix, or part of a set (%d files)", round, len(files))
		}
	}
	if _, errOut, code := raftsheetWithin(t, dir, "build", "election", "--variants", "3", "--seed", "2", "-o", out); code != 0 {
		t.Fatal(errOut)
	}
	if sameSet(classSetFiles(t, class), b) != 1 {
		t.Error("the build after the killed ones is not whole")
	}
	assertNothingLeft(t, out)
	t.Logf("%d of 12 builds finished before the kill", built)
}

// 7. A folder, a FIFO, /dev/zero or a file over the cap, given as an
// exercise, a template, a roster or an answer file, is refused at once
// and says which.
func TestReadersRefuseWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "folder"), 0o755)
	syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644)
	os.WriteFile(filepath.Join(dir, "huge"), bytes.Repeat([]byte("title: x\n"), 6<<20/9), 0o644)
	want := map[string]string{"folder": "is a folder", "fifo": "is not a regular file", "/dev/zero": "is not a regular file", "huge": "is larger than"}
	for file, says := range want {
		for _, args := range [][]string{
			{"validate", file}, {"build", file}, {"run", file},
			{"build", "election", "--template", file}, {"build", "election", "--class", file},
			{"check", file},
		} {
			_, errOut, code := raftsheetWithin(t, dir, args...)
			if code != 1 || !strings.Contains(errOut, says) {
				t.Errorf("%v: exit %d, %q; want it to say %q", args, code, errOut, says)
			}
		}
	}
}

// 9. A class set has at most 2,000 students, by roster or by --variants.
func TestClassSizeIsCapped(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("name,id\n")
	for i := 1; i <= 2001; i++ {
		fmt.Fprintf(&b, "Student %d,s%d\n", i, i)
	}
	os.WriteFile(filepath.Join(dir, "big.csv"), []byte(b.String()), 0o644)
	if _, errOut, code := raftsheetWithin(t, dir, "build", "election", "--class", "big.csv"); code != 1 || !strings.Contains(errOut, "big.csv:2002: the roster lists more than 2000 students") {
		t.Errorf("a roster of 2,001: exit %d %s", code, errOut)
	}
	if _, errOut, code := raftsheetWithin(t, dir, "build", "election", "--variants", "2001"); code == 0 || !strings.Contains(errOut, "between 1 and 2000") {
		t.Errorf("--variants 2001: exit %d %s", code, errOut)
	}
}

// 10. An answer file over 4 MB, or with more than 50,000 answers, is
// refused before it is graded.
func TestAnswerFilesAreCapped(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("exercise: election\nanswers:\n")
	for i := 0; i < 50_001; i++ {
		fmt.Fprintf(&b, "  f%d: 1\n", i)
	}
	os.WriteFile(filepath.Join(dir, "many.yaml"), []byte(b.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "big.yaml"), append([]byte("exercise: election\nanswers:\n"), bytes.Repeat([]byte("  # padding\n"), 5<<20/12)...), 0o644)
	for file, says := range map[string]string{"many.yaml": "many.yaml:3:3: `answers` has 50001 answers", "big.yaml": "is larger than 4 MB"} {
		if _, errOut, code := raftsheetWithin(t, dir, "check", file); code != 1 || !strings.Contains(errOut, says) {
			t.Errorf("%s: exit %d %s", file, code, errOut)
		}
	}
}

// 11. Rosters as spreadsheets save them: semicolons, UTF-16; another
// encoding, or an id too long for a file name, is an error at its line
// before anything is built.
func TestRosterEncodingsAndSeparators(t *testing.T) {
	dir := t.TempDir()
	for roster, name := range map[string]string{"semicolon.csv": "Hopper, Grace", "utf16le.csv": "Émilie du Châtelet", "utf16be-nobom.csv": "Émilie du Châtelet"} {
		out := filepath.Join(dir, roster)
		if _, errOut, code := raftsheetWithin(t, dir, "build", "election", "--class", fixture(t, "class", roster), "-o", out); code != 0 {
			t.Errorf("%s: %s", roster, errOut)
			continue
		}
		if m := mustRead(t, filepath.Join(out, "election", "class", "manifest.csv")); !bytes.Contains(m, []byte(name)) {
			t.Errorf("%s: the manifest has no %q:\n%s", roster, name, m)
		}
	}
	for roster, says := range map[string]string{
		"latin1.csv": "latin1.csv:3: the roster is not UTF-8 text here", "longid.csv": "longid.csv:2: the id is 300 characters long",
		"nul.csv": "nul.csv:2: the roster has a NUL byte",
	} {
		_, errOut, code := raftsheetWithin(t, dir, "build", "election", "--class", fixture(t, "class", roster), "-o", filepath.Join(dir, "bad"))
		if code != 1 || !strings.Contains(errOut, says) {
			t.Errorf("%s: exit %d %s", roster, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bad")); err == nil {
		t.Error("a bad roster built something")
	}
}

// 11. A label too long for its box names the template, the label, its
// line and by how much; NaN sizes and a line break smuggled in by an
// alias are errors at their line.
func TestTemplateErrorsNameTheLabel(t *testing.T) {
	dir := t.TempDir()
	for tpl, says := range map[string]string{
		"wide-label.yaml":    "wide-label.yaml:3: labels.term (60 characters) is too long for its box on the roleplay sheets:",
		"nan-sizes.yaml":     "nan-sizes.yaml:3:12: sizes.cell_mm must be between 6 and 20, not NaN",
		"alias-newline.yaml": "alias-newline.yaml:4:9: labels.term has the control character U+000A",
		"two-documents.yaml": "two-documents.yaml:4: a second YAML document starts here",
		"long-label.yaml":    "long-label.yaml:3:9: labels.name is 1500 characters long",
	} {
		_, errOut, code := raftsheetWithin(t, dir, "build", "election", "--template", fixture(t, "templates", tpl))
		if code != 1 || !strings.Contains(errOut, says) || strings.Contains(errOut, "a bug in raftsheet") {
			t.Errorf("%s: exit %d %s", tpl, code, errOut)
		}
	}
}
