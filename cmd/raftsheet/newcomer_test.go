package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/class"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/variant"
	"github.com/spf13/cobra"
)

// raftsheetWith runs the binary in dir with stdin as its standard input.
func raftsheetWith(t *testing.T, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
}

// --version says the module version and, for a build from a clone, the
// VCS revision; the binary says what its build info says.
func TestVersion(t *testing.T) {
	out, _, code := raftsheet(t, t.TempDir(), "--version")
	if code != 0 || !regexp.MustCompile(`^raftsheet (\(devel\)|v\S+) \((revision [0-9a-f]{7,12}( with local changes)?( of \S+)?, )?built with go1\.\d+`).MatchString(out) {
		t.Errorf("exit %d, --version printed %q", code, out)
	}
	bi := &debug.BuildInfo{GoVersion: "go1.24.0", Main: debug.Module{Version: "v0.4.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "1f4941f0c8d2b7a5e3f1"}, {Key: "vcs.time", Value: "2026-11-20T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := describeBuild(bi), "v0.4.0 (revision 1f4941f0c8d2 with local changes of 2026-11-20T10:00:00Z, built with go1.24.0)"; got != want {
		t.Errorf("describeBuild = %q, want %q", got, want)
	}
	bi = &debug.BuildInfo{GoVersion: "go1.26.8"}
	if got, want := describeBuild(bi), "(devel) (built with go1.26.8)"; got != want {
		t.Errorf("describeBuild = %q, want %q", got, want)
	}
}

// complete asks the binary for completions as the shells do (cobra's
// hidden __complete command) and returns the values and the directive.
func complete(t *testing.T, dir string, args ...string) ([]string, string) {
	t.Helper()
	out, errOut, code := raftsheet(t, dir, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %v: exit %d: %s", args, code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var values []string
	for _, l := range lines[:len(lines)-1] {
		name, _, _ := strings.Cut(l, "\t")
		values = append(values, name)
	}
	return values, lines[len(lines)-1]
}

// Completion offers what each argument and flag can be: exercises (the
// built-in names and the YAML files and folders here), templates, papers,
// formats, commands, and the codes of the class sets in out/.
func TestCompletion(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"mine.yaml", "notes.txt", "sub/other.yml", "out/partition/class/manifest.json"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), []byte("{}"), 0o644)
	}
	manifest := `{"exercise": "partition", "students": [{"id": "ada", "name": "Ada", "code": "PARD-ANJC"}, {"id": "alan", "code": "PARD-YS5B"}]}`
	os.WriteFile(filepath.Join(dir, "out/partition/class/manifest.json"), []byte(manifest), 0o644)

	const noFiles, noFilesNoSpace = ":4", ":6"
	for _, c := range []struct {
		args      []string
		want      []string
		directive string
	}{
		{[]string{"run", "par"}, []string{"partition", "partition-timed"}, noFiles},
		{[]string{"run", "partition", ""}, nil, noFiles},
		{[]string{"validate", "m"}, []string{"mine.yaml"}, noFiles},
		{[]string{"validate", "s"}, []string{"slips", "snapshot", "split-vote", "split-vote-timed", "stale-leader", "stale-read", "sub/"}, noFilesNoSpace},
		{[]string{"build", "sub/"}, []string{"sub/other.yml"}, noFiles},
		{[]string{"build", "--paper", ""}, []string{"a4", "letter"}, noFiles},
		{[]string{"build", "--template", ""}, []string{"exam", "roleplay", "trace", "mine.yaml", "out/", "sub/"}, noFilesNoSpace},
		{[]string{"show", "--template", ""}, []string{"exam", "roleplay", "trace"}, noFiles},
		{[]string{"list", "--format", ""}, []string{"text", "json"}, noFiles},
		{[]string{"key", ""}, []string{"PARD-ANJC", "PARD-YS5B"}, noFiles},
		{[]string{"key", "pard-a"}, []string{"PARD-ANJC"}, noFiles},
		{[]string{"answers", "PARD-Y"}, []string{"PARD-YS5B"}, noFiles},
		{[]string{"help", "bu"}, []string{"build"}, noFiles},
		{[]string{"bu"}, []string{"build"}, noFiles},
	} {
		got, directive := complete(t, dir, c.args...)
		if strings.Join(got, " ") != strings.Join(c.want, " ") || directive != c.directive {
			t.Errorf("raftsheet %s<TAB>: %q %s, want %q %s", strings.Join(c.args, " "), got, directive, c.want, c.directive)
		}
	}
}

// A misspelt exercise, command or flag gets the nearest names, not a
// list of everything; a missing NAME.yaml points at the built-in NAME.
func TestTyposGetTheNearestNames(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"run", "partiton"}, 1, `raftsheet: "partiton" is neither a file nor a built-in exercise (did you mean partition?); raftsheet list shows the built-in ones`},
		{[]string{"run", "figure7"}, 1, "(did you mean figure7-election or figure7-repair?)"},
		{[]string{"run", "Figure8"}, 1, "(did you mean figure8?)"},
		{[]string{"build", "partition.yaml"}, 1, "raftsheet: partition.yaml: no such file; the built-in exercise partition is named without .yaml (`raftsheet show partition > partition.yaml` makes a copy of it to edit)"},
		{[]string{"show", "electon"}, 1, `"electon" is not a built-in exercise (did you mean election?)`},
		{[]string{"biuld"}, 2, `raftsheet: "biuld" is not a raftsheet command (did you mean build?)`},
		{[]string{"build", "--papr", "a4"}, 2, "raftsheet: unknown flag: --papr (did you mean --paper?)"},
	} {
		_, errOut, code := raftsheet(t, dir, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("raftsheet %s: exit %d, stderr\n%s\nwant exit %d and %q", strings.Join(c.args, " "), code, errOut, c.code, c.want)
		}
		if strings.Contains(errOut, "election, election-timed") {
			t.Errorf("raftsheet %s lists every exercise:\n%s", strings.Join(c.args, " "), errOut)
		}
	}
}

// `show NAME` prints a built-in exercise that `validate -` reads back
// from a pipe, with the line editors need for the schema; validate says
// it validated the built-in one when given its NAME.
func TestShowPipedIntoValidate(t *testing.T) {
	dir := t.TempDir()
	yaml, errOut, code := raftsheet(t, dir, "show", "partition")
	if code != 0 || !strings.HasPrefix(yaml, "# yaml-language-server: $schema=raftsheet.schema.json\n") {
		t.Fatalf("exit %d, %s\nshow printed:\n%.200s", code, errOut, yaml)
	}
	out, errOut, code := raftsheetWith(t, dir, yaml, "validate", "-")
	if code != 0 || !strings.HasPrefix(out, "<stdin>: ok (5 servers, 33 steps") {
		t.Errorf("validate -: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = raftsheet(t, dir, "validate", "partition")
	if code != 0 || !strings.HasPrefix(out, "partition (the built-in exercise): ok (5 servers, 33 steps") {
		t.Errorf("validate partition: exit %d, stdout %q", code, out)
	}
	broken := strings.Replace(yaml, "- timeout: S1", "- timout: S1", 1)
	_, errOut, code = raftsheetWith(t, dir, broken, "validate", "-")
	line := strings.Count(broken[:strings.Index(broken, "- timout: S1")], "\n") + 1
	if want := fmt.Sprintf("raftsheet: <stdin>:%d:5: unknown step `timout` (did you mean `timeout`?)", line); code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("validate - of a broken exercise: exit %d, stderr %q", code, errOut)
	}
	tpl, _, code := raftsheet(t, dir, "show", "--template", "Trace")
	if code != 0 || !strings.Contains(tpl, "\nkind: trace\n") {
		t.Errorf("show --template Trace: exit %d:\n%.300s", code, tpl)
	}
}

// list and validate speak JSON for scripts.
func TestFormatJSON(t *testing.T) {
	dir := t.TempDir()
	out, _, code := raftsheet(t, dir, "list", "--format", "json")
	var list []struct {
		Name, Title, Goal, Template, Paper string
		Servers                            []string
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 {
		t.Fatalf("list --format json: exit %d, %v:\n%s", code, err, out)
	}
	election := slices.IndexFunc(list, func(e struct {
		Name, Title, Goal, Template, Paper string
		Servers                            []string
	}) bool {
		return e.Name == "election"
	})
	if len(list) != len(exercises.Names()) || election < 0 || len(list[election].Servers) != 3 || list[election].Goal == "" || list[election].Template != "roleplay" {
		t.Errorf("list --format json: %+v", list)
	}
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("title: x\nservers: 3\nsteps:\n  - timout: S1\n"), 0o644)
	out, _, code = raftsheet(t, dir, "validate", "--format", "json", "election", "bad.yaml")
	var results []struct {
		Exercise string
		Builtin  bool
		OK       bool
		Steps    int
		Pages    int
		Problems []struct {
			File      string
			Line, Col int
			Message   string
			Hint      string
		}
	}
	if err := json.Unmarshal([]byte(out), &results); err != nil || code != 1 || len(results) != 2 {
		t.Fatalf("validate --format json: exit %d, %v:\n%s", code, err, out)
	}
	if r := results[0]; r.Exercise != "election" || !r.Builtin || !r.OK || r.Steps == 0 || r.Pages == 0 || len(r.Problems) != 0 {
		t.Errorf("election: %+v", r)
	}
	if r := results[1]; r.OK || r.Builtin || len(r.Problems) != 1 || r.Problems[0].Line != 4 || r.Problems[0].Col != 5 ||
		r.Problems[0].Message != "unknown step `timout`" || r.Problems[0].Hint != "did you mean `timeout`?" {
		t.Errorf("bad.yaml: %+v", r)
	}
}

// Flag values are words, taken in any case.
func TestFlagValuesInAnyCase(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := raftsheet(t, dir, "build", "election", "--paper", "LETTER", "--template", "Trace", "-o", "x")
	if code != 0 || !strings.Contains(out, "trace, letter") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = raftsheet(t, dir, "run", "election", "--format", "Json")
	if code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("run --format Json: exit %d, not JSON", code)
	}
}

// Exit status 2 for a command line raftsheet does not take, with the
// command's usage line; 1 when the work fails; 0 otherwise.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("title: x\nservers: 3\nsteps:\n  - heartbeat: S1\n"), 0o644)
	for _, c := range []struct {
		args  []string
		code  int
		usage string // the usage line printed with a usage error
		want  string
	}{
		{[]string{"run"}, 2, "usage: raftsheet run FILE|NAME|- [flags]", "raftsheet: run needs an exercise"},
		{[]string{"run", "election", "partition"}, 2, "usage: raftsheet run", `was given 2: "election" "partition"`},
		{[]string{"list", "extra"}, 2, "usage: raftsheet list [flags]", `list takes no arguments, and was given "extra"`},
		{[]string{"build", "--paper", "a3"}, 2, "usage: raftsheet build", `raftsheet: --paper must be a4 or letter, not "a3"`},
		{[]string{"build", "--variants", "0"}, 2, "usage: raftsheet build", "raftsheet: --variants must be between 1 and 2000, not 0"},
		{[]string{"build", "--variants", "many"}, 2, "usage: raftsheet build", `"many"`},
		{[]string{"help", "nonexistent"}, 2, "usage: raftsheet help", `raftsheet: "nonexistent" is not a raftsheet command`},
		{[]string{"nonexistent"}, 2, "usage: raftsheet COMMAND [flags]", `raftsheet: "nonexistent" is not a raftsheet command`},
		{[]string{"key", "partition"}, 2, "usage: raftsheet key CODE", `"partition" is an exercise, not a variant code`},
		{[]string{"run", "bad.yaml"}, 1, "", "raftsheet: bad.yaml:4:5: step 1 (heartbeat S1)"},
		{[]string{"validate", "no-such.yaml"}, 1, "", "raftsheet: no-such.yaml: no such file"},
		{[]string{"key", "PARD-0000"}, 1, "", "PARD-0000"},
		{[]string{"help", "build"}, 0, "", ""},
		{[]string{"list"}, 0, "", ""},
	} {
		_, errOut, code := raftsheet(t, dir, c.args...)
		name := "raftsheet " + strings.Join(c.args, " ")
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stderr\n%s\nwant exit %d and %q", name, code, errOut, c.code, c.want)
		}
		if hasUsage := strings.Contains(errOut, "\nusage: "); hasUsage != (c.usage != "") || !strings.Contains(errOut, c.usage) {
			t.Errorf("%s: stderr\n%s\nwant the usage line %q", name, errOut, c.usage)
		}
		for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
			if line != "" && !strings.HasPrefix(line, "raftsheet: ") && !strings.HasPrefix(line, "usage: ") && !strings.HasPrefix(line, "more: ") {
				t.Errorf("%s: an error line without the raftsheet: prefix: %q", name, line)
			}
		}
	}
}

// The variant codes in the help, the README and the messages are real:
// each names a built-in exercise or my-exercise, and the help's are
// those the help's own class sets give student 1.
func TestExampleCodesAreReal(t *testing.T) {
	for _, c := range []struct{ exercise, code string }{{"partition", exampleCode}, {"my-exercise", exampleOwnCode}} {
		if got := class.GroupCode(c.exercise, 2026); got != c.code {
			t.Errorf("student 1 of %s --variants 40 --seed 2026 has the code %s, not %s", c.exercise, got, c.code)
		}
	}
	texts := map[string]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		texts["raftsheet help "+c.CommandPath()] = c.Long + "\n" + c.Example
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(rootCmd())
	for _, f := range []string{"../../README.md", "../../docs/ARCHITECTURE.md"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(b)
	}
	_, errOut, _ := raftsheet(t, t.TempDir(), "key", "X", "--exercise", "partition")
	texts["key X --exercise partition"] = errOut
	names := append(exercises.Names(), "my-exercise")
	codes := regexp.MustCompile(`\b[0-9A-Z]{4}-[0-9A-Z]{4}\b`)
	found := 0
	for where, text := range texts {
		for _, code := range codes.FindAllString(text, -1) {
			found++
			if _, _, err := variant.Resolve(code, names); err != nil {
				t.Errorf("%s: %s is no variant code: %v", where, code, err)
			}
		}
	}
	if found < 8 {
		t.Errorf("found only %d codes in the help, the README and the messages", found)
	}
}
