package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var binary string

// TestMain builds the real binary once: the CLI tests run it as a user
// would, with its exit status and both output streams.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "raftsheet-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "raftsheet")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		panic("go build: " + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// raftsheet runs the binary in dir and returns stdout, stderr and the
// exit status.
func raftsheet(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
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

func TestRunJSON(t *testing.T) {
	out, errOut, code := raftsheet(t, t.TempDir(), "run", "partition", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var tr struct {
		Title string
		Steps []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if tr.Title != "Leader cut off by a partition" || len(tr.Steps) != 33 {
		t.Errorf("title %q with %d steps", tr.Title, len(tr.Steps))
	}
}

func TestRunText(t *testing.T) {
	out, _, code := raftsheet(t, t.TempDir(), "run", "election")
	if code != 0 || !strings.Contains(out, "Step 3  deliver all") || !strings.Contains(out, "S1 wins the election for term 1") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestList(t *testing.T) {
	out, _, code := raftsheet(t, t.TempDir(), "list")
	for _, name := range []string{"election", "partition", "figure8"} {
		if !strings.Contains(out, name) {
			t.Errorf("list lacks %s:\n%s", name, out)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}

// Bad input: exit status 1, the error on stderr as file:line:col, nothing
// on stdout; a flag value run does not take: exit status 2, with the usage
// line.
func TestRunBadFile(t *testing.T) {
	dir := t.TempDir()
	bad := "title: x\nservers: 3\nsteps:\n  - timeout: S1\n  - heartbeat: S2\n"
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := raftsheet(t, dir, "run", "bad.yaml")
	if code != 1 || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	want := "raftsheet: bad.yaml:5:5: step 2 (heartbeat S2): S2 is a follower in term 0; only a leader sends heartbeats (§5.2)\n"
	if errOut != want {
		t.Errorf("stderr = %q, want %q", errOut, want)
	}
	_, errOut, code = raftsheet(t, dir, "run", "no-such-exercise")
	if code != 1 || !strings.Contains(errOut, "raftsheet list shows the built-in ones") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = raftsheet(t, dir, "run", "partition", "--format", "xml")
	if code != 2 || !strings.Contains(errOut, `raftsheet: --format must be text or json, not "xml"`) || !strings.Contains(errOut, "usage: raftsheet run FILE|NAME|- [flags]") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// validate reports every problem of every file, writes nothing, and exits
// 1 when any file has problems.
func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good := "title: x\nservers: 3\nsteps:\n  - timeout: S1\n  - stabilize\n"
	bad := "title: x\nservers: 3\nstate_machine: kvv\nsteps:\n  - timout: S1\n"
	os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(bad), 0o644)
	out, errOut, code := raftsheet(t, dir, "validate", "good.yaml", "bad.yaml", "partition")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"good.yaml: ok (3 servers", "partition (the built-in exercise): ok (5 servers", "roleplay sheets of "} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	wantErr := "raftsheet: bad.yaml:3:16: state_machine cannot be \"kvv\" (did you mean `kv`?)\n" +
		"raftsheet: bad.yaml:5:5: unknown step `timout` (did you mean `timeout`?)\n" +
		"raftsheet: 1 of 3 exercises have problems\n"
	if errOut != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, wantErr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("validate wrote files: %v", entries)
	}
	if _, _, code := raftsheet(t, dir, "validate", "good.yaml"); code != 0 {
		t.Errorf("exit %d for a valid file", code)
	}
}

// validate lays the sheets out too: a character the fonts cannot draw is
// caught before anyone builds.
func TestValidateChecksTheSheets(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "cjk.yaml"), []byte("title: 漢字\nservers: 3\nsteps: [heal]\n"), 0o644)
	_, errOut, code := raftsheet(t, dir, "validate", "cjk.yaml")
	if code != 1 || !strings.Contains(errOut, "cjk.yaml:1:8: the text \"漢字\" has the character '漢' (U+6F22), which the sheets' Go fonts have no glyph for") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestSchemaIsJSON(t *testing.T) {
	out, _, code := raftsheet(t, t.TempDir(), "schema")
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != 0 {
		t.Fatalf("exit %d, not JSON: %v", code, err)
	}
	if v["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", v["$schema"])
	}
}

// An output folder that cannot be written is a clear error, exit 1, and
// nothing is left behind. (A path under a regular file fails even for
// root, who may write anywhere else.)
func TestBuildIntoAnUnwritableFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "file"), []byte("x"), 0o644)
	_, errOut, code := raftsheet(t, dir, "build", "election", "-o", "file/out")
	if code != 1 || !strings.Contains(errOut, "file/out") || !strings.Contains(errOut, "cannot write into the folder file/out/election") || !strings.Contains(errOut, "not a directory); choose another with -o") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the failed build left files: %v", entries)
	}
}
