//go:build unix

package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A staged folder replaces the old one whole; one given up leaves it as
// it was; nothing of raftsheet's own is left beside either.
func TestStageSwapsAFolderWhole(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "class")
	writeVersion(t, dir, "v1", 3, true)
	writeVersion(t, dir, "v2", 2, true)
	if v, n := versionOf(t, dir); v != "v2" || n != 2 {
		t.Fatalf("after the second commit: %s × %d", v, n)
	}
	s, err := Stage(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("f0", []byte("v3"))
	s.Abort()
	if v, n := versionOf(t, dir); v != "v2" || n != 2 {
		t.Fatalf("after an abort: %s × %d", v, n)
	}
	assertOnlyEntries(t, parent, "class")
}

// Staged files join a folder's others; a failing commit changes none.
func TestStageFilesKeepsTheOthers(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "class"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("old"), 0o644)
	s, err := StageFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("a.pdf", []byte("new"))
	s.WriteFile("b.pdf", []byte("new"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"a.pdf", "b.pdf"} {
		if b, _ := os.ReadFile(filepath.Join(dir, f)); string(b) != "new" {
			t.Errorf("%s is %q", f, b)
		}
	}
	assertOnlyEntries(t, dir, "a.pdf", "b.pdf", "class")
}

// Names that are not plain file names never leave the staging folder.
func TestStagePathRefusesPaths(t *testing.T) {
	s, err := StageFiles(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, name := range []string{"", ".", "..", "...", "../key.pdf", "a/b", `a\b`, ".raftsheet.lock", "a\x00b"} {
		if p, err := s.Path(name); err == nil {
			t.Errorf("Path(%q) = %s", name, p)
		}
	}
}

// OutputFolder refuses names made of dots, and folders below the output
// folder that are symbolic links; the output folder itself may be one.
func TestOutputFolderStaysInside(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	elsewhere := filepath.Join(root, "elsewhere")
	os.MkdirAll(filepath.Join(out, "p"), 0o755)
	os.Mkdir(elsewhere, 0o755)
	os.Symlink(elsewhere, filepath.Join(out, "linked"))
	os.Symlink(elsewhere, filepath.Join(out, "p", "class"))
	os.Symlink(out, filepath.Join(root, "outlink"))
	for _, c := range []struct {
		names []string
		want  string
	}{
		{[]string{".."}, "only dots"}, {[]string{"..."}, "only dots"}, {[]string{""}, "only dots"}, {[]string{"."}, "only dots"},
		{[]string{"a/../.."}, "separator"}, {[]string{"linked"}, "is a symbolic link"}, {[]string{"p", "class"}, "is a symbolic link"},
	} {
		if dir, err := OutputFolder(out, c.names...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("OutputFolder(out, %q) = %q, %v; want an error saying %q", c.names, dir, err, c.want)
		}
	}
	if dir, err := OutputFolder(filepath.Join(root, "outlink"), "p", "class2"); err != nil || dir != filepath.Join(root, "outlink", "p", "class2") {
		t.Errorf("through a linked output folder: %q, %v", dir, err)
	}
	if _, err := Stage(filepath.Join(out, "p", "class")); err == nil {
		t.Error("Stage follows a symbolic link")
	}
}

// A write that fails names the file it was for, never a hidden temporary
// one, and says what to do.
func TestWriteErrorsNameTheRealFile(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("x", 300) + ".pdf" // longer than a file name may be
	err := WriteFiles(map[string][]byte{filepath.Join(dir, "key.pdf"): []byte("x"), filepath.Join(dir, long): []byte("x")})
	if err == nil || strings.Contains(err.Error(), ".tmp") || strings.Contains(err.Error(), stagingPrefix) ||
		!strings.Contains(err.Error(), filepath.Join(dir, long)) || !strings.Contains(err.Error(), "choose another folder") {
		t.Errorf("error %v", err)
	}
	assertOnlyEntries(t, dir)
}

// failRename makes the nth rename from now on fail, for the test.
func failRename(t *testing.T, nth int) {
	t.Helper()
	calls := 0
	rename = func(a, b string) error {
		if calls++; calls == nth {
			return &os.LinkError{Op: "rename", Old: a, New: b, Err: syscall.EPERM}
		}
		return os.Rename(a, b)
	}
	t.Cleanup(func() { rename = os.Rename })
}

// A commit that fails half way (a file cannot be replaced: a locked
// key.pdf) is an error, and leaves every old file in place: none of the
// new ones is left beside them.
func TestFailedCommitKeepsTheOldFiles(t *testing.T) {
	for nth := 1; nth <= 4; nth++ {
		dir := t.TempDir()
		writeVersion(t, dir, "v1", 2, false)
		failRename(t, nth)
		s, _ := StageFiles(dir)
		s.WriteFile("f0", []byte("v2"))
		s.WriteFile("f1", []byte("v2"))
		if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "the files there are as they were") {
			t.Errorf("rename %d failing: %v", nth, err)
		}
		rename = os.Rename
		if v, n := versionOf(t, dir); v != "v1" || n != 2 {
			t.Errorf("rename %d failing: the folder has %s × %d", nth, v, n)
		}
	}
}

// The same for a class set, where the system cannot swap folders at once
// (so the old set is moved aside first), and where it can (with the set
// made immutable, as `chattr +i` does, so that the swap fails).
func TestFailedCommitKeepsTheOldSet(t *testing.T) {
	exchangeFolders = func(a, b string) error { return errNoExchange }
	defer func() { exchangeFolders = exchange }()
	for nth := 1; nth <= 2; nth++ {
		parent := t.TempDir()
		dir := filepath.Join(parent, "class")
		writeVersion(t, dir, "v1", 3, true)
		failRename(t, nth)
		s, _ := Stage(dir)
		s.WriteFile("f0", []byte("v2"))
		if err := s.Commit(); err == nil {
			t.Errorf("rename %d failing: the commit succeeded", nth)
		}
		rename = os.Rename
		if v, n := versionOf(t, dir); v != "v1" || n != 3 {
			t.Errorf("rename %d failing: the set is %s × %d", nth, v, n)
		}
		assertOnlyEntries(t, parent, "class")
	}
	exchangeFolders = exchange
	parent := t.TempDir()
	dir := filepath.Join(parent, "class")
	writeVersion(t, dir, "v1", 3, true)
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("chattr +i: %v %s", err, out)
	}
	defer exec.Command("chattr", "-i", dir).Run()
	s, _ := Stage(dir)
	s.WriteFile("f0", []byte("v2"))
	if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "cannot put the new files in place in "+dir) {
		t.Errorf("an immutable set: %v", err)
	}
	if v, n := versionOf(t, dir); v != "v1" || n != 3 {
		t.Errorf("an immutable set is now %s × %d", v, n)
	}
}

// A commit killed half way, after its marker, is finished by the next
// build: the folder then holds every new file (a killed commit is
// simulated by one whose renames stop after the first).
func TestNextBuildFinishesAKilledCommit(t *testing.T) {
	dir := t.TempDir()
	writeVersion(t, dir, "v1", 3, false)
	s, _ := StageFiles(dir)
	for i := 0; i < 3; i++ {
		s.WriteFile(fmt.Sprintf("f%d", i), []byte("v2"))
	}
	writeMarker(s.tmp, "files")
	os.Rename(filepath.Join(s.tmp, "f0"), filepath.Join(dir, "f0")) // as far as the killed one got
	s.lock.unlock()
	s.lock, s.tmp = nil, "" // killed: nothing tidied
	if v, _ := versionOf(t, dir); !strings.HasPrefix(v, "mixed") {
		t.Fatalf("before the next build: %s, not a mix", v)
	}
	next, err := StageFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	next.Abort()
	if v, n := versionOf(t, dir); v != "v2" || n != 3 {
		t.Errorf("after the next build: %s × %d", v, n)
	}
}

// writeVersion commits n files holding version into dir.
func writeVersion(t testing.TB, dir, version string, n int, whole bool) {
	t.Helper()
	stage := Stage
	if !whole {
		stage = StageFiles
	}
	s, err := stage(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for i := 0; i < n; i++ {
		if err := s.WriteFile(fmt.Sprintf("f%d", i), []byte(version)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

// versionOf reads a folder as one snapshot (through an open handle of
// it, so that a swap while reading cannot mix two): the one version all
// its files hold and how many there are, or "mixed".
func versionOf(t testing.TB, dir string) (string, int) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return "", 0
	}
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	f, err := root.Open(".")
	if err != nil {
		t.Fatal(err)
	}
	names, err := f.Readdirnames(-1)
	f.Close()
	if errors.Is(err, fs.ErrNotExist) { // swapped out and removed while read
		return versionOf(t, dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	version, files := "", 0
	for _, name := range names {
		if strings.HasPrefix(name, ".raftsheet") {
			continue // a staging folder of StageFiles, a lock
		}
		files++
		f, err := root.Open(name)
		if errors.Is(err, fs.ErrNotExist) { // the folder was swapped out and removed while read
			return versionOf(t, dir)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if version != "" && string(b) != version {
			return fmt.Sprintf("mixed (%s and %s)", version, b), len(names)
		}
		version = string(b)
	}
	if !stillAt(root, dir) { // read the folder a swap moved away, while it was removed
		return versionOf(t, dir)
	}
	return version, files
}

// stillAt reports whether root is still the folder at dir: a reader that
// opened the old folder just before a swap sees it emptied file by file.
func stillAt(root *os.Root, dir string) bool {
	read, err := root.Stat(".")
	if err != nil {
		return false
	}
	now, err := os.Stat(dir)
	return err == nil && os.SameFile(read, now)
}

func assertOnlyEntries(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// The writer mode of this test binary: commit version after version of a
// folder until killed (RAFTSHEET_STAGE_WRITER=dir:mode:prefix).
func init() {
	spec := os.Getenv("RAFTSHEET_STAGE_WRITER")
	if spec == "" {
		return
	}
	parts := strings.SplitN(spec, ":", 3)
	dir, whole, prefix := parts[0], parts[1] == "whole", parts[2]
	for v := 0; ; v++ {
		s, err := map[bool]func(string) (*Staging, error){true: Stage, false: StageFiles}[whole](dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		n := 40
		if whole {
			n = 20 + v%7 // a set's size changes with its version
		}
		for i := 0; i < n; i++ {
			if err := s.WriteFile(fmt.Sprintf("f%02d", i), []byte(prefix+strconv.Itoa(v))); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
		if err := s.Commit(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		time.Sleep(time.Millisecond) // flock is not fair: leave the other writer a moment, as real builds do
	}
}

func startWriter(t *testing.T, dir string, whole bool, prefix string) *exec.Cmd {
	t.Helper()
	mode := "files"
	if whole {
		mode = "whole"
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "RAFTSHEET_STAGE_WRITER="+dir+":"+mode+":"+prefix)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// A writer killed (kill -9) at random moments leaves the folder whole:
// every file of one version. A class set (whole) is whole at once; a
// folder of files is once the next build has swept it.
func TestKilledWritersLeaveAWholeSet(t *testing.T) {
	for _, setWhole := range []bool{true, false} {
		t.Run(fmt.Sprint("whole=", setWhole), func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "class")
			rng := rand.New(rand.NewPCG(1, 2))
			existed := false
			whole := func(round int, when string) {
				v, n := versionOf(t, dir)
				if strings.HasPrefix(v, "mixed") || (v != "" && n < 20) || (v == "" && existed) {
					t.Fatalf("round %d, %s: the set is %q × %d", round, when, v, n)
				}
				existed = existed || v != ""
			}
			for round := 0; round < 15; round++ {
				w := startWriter(t, dir, setWhole, "v")
				time.Sleep(time.Duration(20+rng.IntN(80)) * time.Millisecond)
				w.Process.Signal(syscall.SIGKILL)
				w.Wait()
				if setWhole {
					whole(round, "killed")
				}
				s, err := Stage(filepath.Join(parent, "other")) // sweeps dir's folder
				if !setWhole {
					s.Abort()
					s, err = StageFiles(dir) // sweeps (and finishes) dir itself
				}
				if err != nil {
					t.Fatal(err)
				}
				s.Abort()
				whole(round, "swept")
			}
			entries, _ := os.ReadDir(parent)
			for _, e := range entries {
				if e.Name() != "class" {
					t.Errorf("left beside the set: %s", e.Name())
				}
			}
		})
	}
}

// Two writers committing the same folder at once take turns: a reader
// sees one whole version at every moment.
func TestConcurrentWritersTakeTurns(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "class")
	a, b := startWriter(t, dir, true, "a"), startWriter(t, dir, true, "b")
	defer func() {
		a.Process.Signal(syscall.SIGKILL)
		b.Process.Signal(syscall.SIGKILL)
		a.Wait()
		b.Wait()
	}()
	seen := map[byte]bool{}
	deadline := time.Now().Add(2 * time.Second)
	for reads := 0; time.Now().Before(deadline); reads++ {
		v, n := versionOf(t, dir)
		if strings.HasPrefix(v, "mixed") || (v != "" && n < 20) || (v == "" && len(seen) > 0) {
			t.Fatalf("read %d: %s × %d", reads, v, n)
		}
		if v != "" {
			seen[v[0]] = true
		}
	}
	if !seen['a'] || !seen['b'] {
		t.Errorf("only one writer ever committed: %v", seen)
	}
}

// A folder of the user's choice that is a symbolic link (answers -o
// link/ada.yaml, check --report link) is written through.
func TestStageFilesWritesThroughALinkedFolder(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, "real"), 0o755)
	os.Symlink(filepath.Join(root, "real"), filepath.Join(root, "link"))
	if err := WriteFiles(map[string][]byte{filepath.Join(root, "link", "ada.yaml"): []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "real", "ada.yaml")); string(b) != "x" {
		t.Errorf("ada.yaml is %q", b)
	}
}

// The next build removes the temporary files an earlier raftsheet left
// beside a build's files, and nothing else hidden.
func TestSweepRemovesOldTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".key.pdf.123456.tmp", ".worksheet.pdf.99.tmp", ".PAR7-1KQ2-key.pdf.5.tmp", ".notes.yaml.123.tmp", ".bashrc"} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	}
	s, err := StageFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Abort()
	assertOnlyEntries(t, dir, ".bashrc", ".notes.yaml.123.tmp")
}
