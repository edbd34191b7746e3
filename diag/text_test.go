package diag

import (
	"strings"
	"testing"
)

// Text a YAML reader would refuse without a line is blamed on its line
// and column.
func TestCheckTextNamesTheLine(t *testing.T) {
	cases := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"title: x\nsummary: a\x00b\n", 2, 11, "U+0000"},
		{"title: x\n\x1b[8mhidden: 1\n", 2, 1, "U+001B"},
		{"a: 1\nb: caf\xe9\n", 2, 7, "not valid UTF-8"},
		{"\xff\xfet\x00i\x00", 0, 0, "UTF-16"},
	}
	for _, c := range cases {
		d := CheckText("f.yaml", []byte(c.src))
		if d == nil || d.Line != c.line || d.Col != c.col || !strings.Contains(d.Msg, c.msg) {
			t.Errorf("CheckText(%q) = %+v, want line %d col %d saying %q", c.src, d, c.line, c.col, c.msg)
		}
	}
	for _, ok := range []string{"title: Émilie\r\n\tnote: ok\n", "a: \u202e\n", ""} {
		if d := CheckText("f.yaml", []byte(ok)); d != nil {
			t.Errorf("CheckText(%q) = %v", ok, d)
		}
	}
}

// A diagnostic never prints a control character or a bidirectional
// override it quotes from a file.
func TestDiagnosticIsSafeForATerminal(t *testing.T) {
	d := Diagnostic{File: "a\x1b[2J.yaml", Line: 3, Msg: "unknown key `\x1b[8mx\u202e`", Hint: "did you mean `\r`?"}
	got := d.Error()
	if strings.ContainsAny(got, "\x1b\r\u202e") {
		t.Errorf("raw control characters in %q", got)
	}
	if !strings.Contains(got, `\x1b[8mx\u202e`) {
		t.Errorf("the escaped key is not shown: %q", got)
	}
}
