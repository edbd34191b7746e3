package exercise

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The hostile exercises of issue 13 (testdata/hostile) are each refused
// with a diagnostic at the line of what is wrong, saying what to do; a
// huge text is refused by its length before anything else reads it.
func TestHostileExercisesAreRefusedAtTheirLine(t *testing.T) {
	cases := map[string]string{
		"bidi-title.yaml":    "bidi-title.yaml:1:8: title has the invisible character U+202E (a direction or zero-width control) at position 6 (remove it",
		"bidi-value.yaml":    "bidi-value.yaml:7:33: the client's value has the invisible character U+2067",
		"rlm-note.yaml":      "rlm-note.yaml:5:11: note has the invisible character U+200F",
		"nul.yaml":           "nul.yaml:2:11: the file has the control character U+0000 here, which YAML does not allow",
		"two-documents.yaml": "two-documents.yaml:5: a second YAML document starts here (after `---`)",
		"case-servers.yaml":  `case-servers.yaml:2:18: server names "alice" and "Alice" differ only in case`,
		"log-301.yaml":       "log-301.yaml:6:10: S1's log has 301 entries (the sheets hold at most 300 entries per log",
		"note-20000.yaml":    "note-20000.yaml:5:11: note is 19999 characters long (shorten it to at most 1000 characters",
		"escape-key.yaml":    `escape-key.yaml:2:1: unknown key ` + "`\\x1b[31mevil`",
	}
	for file, want := range cases {
		src, err := os.ReadFile(filepath.Join("testdata", "hostile", file))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Load(file, "x", src)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s:\n got %v\nwant %s…", file, err, want)
		}
	}
	huge := map[string]string{
		"title":   "title: " + strings.Repeat("A", 500_000) + "\nservers: 3\nsteps:\n  - timeout: S1\n",
		"summary": "title: t\nsummary: " + strings.Repeat("word ", 100_000) + "\nservers: 3\nsteps:\n  - timeout: S1\n",
		"file":    "title: t\nsummary: " + strings.Repeat("word ", 10_000_000) + "\n",
	}
	for what, src := range huge {
		_, err := Load("huge.yaml", "huge", []byte(src))
		want := "huge.yaml:1:8: title is 500000 characters long"
		switch what {
		case "summary":
			want = "huge.yaml:2:10: summary is 499999 characters long"
		case "file":
			want = "huge.yaml: the file is larger than 2 MB"
		}
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("a huge %s: %v", what, err)
		}
	}
}
