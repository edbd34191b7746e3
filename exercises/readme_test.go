package exercises

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README's library table lists every built-in exercise, once, with
// its number of servers; every exercise has a one-line goal.
func TestReadmeLibraryTable(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "## The exercise library\n")
	if !ok {
		t.Fatal(`README.md has no "## The exercise library" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	rows := map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\| (\\d+) \\|").FindAllStringSubmatch(section, -1) {
		if _, dup := rows[m[1]]; dup {
			t.Errorf("README lists %s twice", m[1])
		}
		rows[m[1]] = m[2]
	}
	for _, name := range Names() {
		ex, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		if ex.Goal == "" {
			t.Errorf("%s has no goal", name)
		}
		want := fmt.Sprint(len(ex.Config.Servers))
		switch got, ok := rows[name]; {
		case !ok:
			t.Errorf("README's library table lacks %s", name)
		case got != want:
			t.Errorf("README gives %s %s servers, want %s", name, got, want)
		}
		delete(rows, name)
	}
	for name := range rows {
		t.Errorf("README lists %s, which is not a built-in exercise", name)
	}
}
