package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/class"
)

// readmeCommand is one command line of the README's sh blocks.
type readmeCommand struct {
	line int    // in README.md
	sh   string // as a shell runs it
}

// readmeCommands are the README's raftsheet commands, in order, as a
// newcomer would type them: `go run ./cmd/raftsheet` is raftsheet, and
// the lines that install or test raftsheet itself (go, apt-get, brew) are
// left to those tools, and the mutant search to explore's tests.
func readmeCommands(t *testing.T) []readmeCommand {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []readmeCommand
	inSh := false
	for i, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "```sh"):
			inSh = true
			continue
		case strings.HasPrefix(line, "```"):
			inSh = false
			continue
		case !inSh:
			continue
		}
		line = trailingComment.ReplaceAllString(line, "")
		line = strings.TrimSpace(strings.Replace(line, "go run ./cmd/raftsheet", "raftsheet", 1))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		for len(fields) > 1 && strings.Contains(fields[0], "=") { // CGO_ENABLED=0 go install …
			fields = fields[1:]
		}
		switch fields[0] {
		case "go", "apt-get", "brew":
			continue
		}
		if strings.HasPrefix(line, "raftsheet ask ") && strings.Contains(line, " mutant") {
			continue // seconds of search; explore's own tests run it
		}
		out = append(out, readmeCommand{line: i + 1, sh: line})
	}
	return out
}

// trailingComment is a comment after a command: two spaces or more, then #.
var trailingComment = regexp.MustCompile(`\s{2,}#.*$`)

// The README's commands work as written, in the order written, in an
// empty folder with nothing but the installed binary: a newcomer who
// types them in turn gets no error.
func TestReadmeCommandsRunAsWritten(t *testing.T) {
	cmds := readmeCommands(t)
	if len(cmds) < 20 {
		t.Fatalf("found only %d commands in README.md's sh blocks", len(cmds))
	}
	dir, home := t.TempDir(), t.TempDir()
	env := append(os.Environ(), "PATH="+filepath.Dir(binary)+string(os.PathListSeparator)+os.Getenv("PATH"), "HOME="+home)
	for _, c := range cmds {
		sh := exec.Command("sh", "-c", c.sh)
		sh.Dir, sh.Env = dir, env
		var stderr bytes.Buffer
		sh.Stderr = &stderr
		if err := sh.Run(); err != nil {
			t.Fatalf("README.md:%d: %s: %v\n%s", c.line, c.sh, err, stderr.String())
		}
	}
	for _, f := range []string{"out/partition/key.pdf", "out/my-exercise/worksheet.pdf", "out/partition/report/scores.csv", "handouts/election/key.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("after the README's commands: %v", err)
		}
	}
	// The code the README gives Ada is the one her class set gave her.
	b, err := os.ReadFile(filepath.Join(dir, "out/partition/class/manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m class.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	readme, _ := os.ReadFile("../../README.md")
	if len(m.Students) == 0 || m.Students[0].ID != "ada" || !bytes.Contains(readme, []byte("raftsheet key "+m.Students[0].Code)) {
		t.Fatalf("the README's `raftsheet key CODE` is not Ada's code in the class set it builds (%+v)", m.Students)
	}
	// The README's answer-file example is Ada's, as the key answers it.
	key, errOut, code := raftsheet(t, dir, "answers", m.Students[0].Code, "--key")
	if code != 0 {
		t.Fatalf("answers --key: exit %d: %s", code, errOut)
	}
	examples := regexp.MustCompile(`(?m)^  ([A-Za-z]+\.\w+\[\d+\]): (\S+) `).FindAllStringSubmatch(string(readme), -1)
	if len(examples) == 0 {
		t.Fatal("README.md has no answer-file example")
	}
	for _, e := range examples {
		if !strings.Contains(key, "  "+e[1]+": "+e[2]+" ") && !strings.Contains(key, "  "+e[1]+": \""+e[2]+"\" ") {
			t.Errorf("README.md's answer file has %s: %s; the key of %s does not", e[1], e[2], m.Students[0].Code)
		}
	}
}
