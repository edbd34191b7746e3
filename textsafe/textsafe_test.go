package textsafe

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile are texts a student or a stranger's file may hold: ESC
// sequences that hide or recolour what follows, a carriage return that
// overwrites the line, bidirectional overrides, C1 controls, a NUL, bytes
// that are not UTF-8.
var hostile = []string{
	"Ada \x1b[8m100%\x1b[0m", "score: 3%\r100%", "admin\u202Egnp.exe", "x\u2067y\u2069", "\u200Fright to left",
	"a\x9b31mred", "nul\x00byte", "bad \xff\xfe bytes", "bell\a", "del\x7f", "zero\u200Bwidth", "\ufeffbom",
}

// No unsafe character survives Terminal, Line, Quote or Cell, and the
// rest of the text is kept.
func TestNothingUnsafeSurvives(t *testing.T) {
	for _, s := range hostile {
		for name, out := range map[string]string{"Terminal": Terminal(s), "Line": Line(s), "Quote": Quote(s, 80), "Cell": Cell(s)} {
			if !utf8.ValidString(out) {
				t.Errorf("%s(%q) is not UTF-8: %q", name, s, out)
			}
			for _, r := range out {
				if Unsafe(r) && !(name == "Terminal" && (r == '\n' || r == '\t')) {
					t.Errorf("%s(%q) = %q keeps U+%04X", name, s, out, r)
				}
			}
		}
	}
	if got := Terminal("Ada \x1b[8m100%"); got != `Ada \x1b[8m100%` {
		t.Errorf("ESC is written %q", got)
	}
	if got := Terminal("admin\u202Egnp.exe"); got != `admin\u202egnp.exe` {
		t.Errorf("RLO is written %q", got)
	}
	if got := Terminal("two\nlines\tand a tab, Émilie"); got != "two\nlines\tand a tab, Émilie" {
		t.Errorf("plain text changed: %q", got)
	}
	if got := Line("two\nlines"); got != `two\nlines` {
		t.Errorf("Line kept a line break: %q", got)
	}
}

func TestQuoteCutsLongValues(t *testing.T) {
	long := strings.Repeat("x", 10000)
	if got := Quote(long, 40); utf8.RuneCountInString(got) != 42 || !strings.HasSuffix(got, `…"`) {
		t.Errorf("Quote of 10,000 characters is %d long: %q", utf8.RuneCountInString(got), got)
	}
	if got := Quote(`say "hi"`, 40); got != `"say \"hi\""` {
		t.Errorf("quotes inside: %s", got)
	}
}

// A cell never starts with a character a spreadsheet reads as a formula.
func TestCellsNeverStartWithAFormula(t *testing.T) {
	for _, s := range []string{"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=1\n=2"} {
		c := Cell(s)
		if strings.ContainsRune("=+-@\t\r", rune(c[0])) || c[0] != '\'' {
			t.Errorf("Cell(%q) = %q", s, c)
		}
		if !strings.Contains(c, strings.TrimLeft(Line(s), `\`)[1:]) {
			t.Errorf("Cell(%q) = %q lost the text", s, c)
		}
	}
	for _, s := range []string{"Ada Lovelace", "s101", "Hopper, Grace", "'quoted", "3.5"} {
		if Cell(s) != s {
			t.Errorf("Cell(%q) = %q: a plain value changed", s, Cell(s))
		}
	}
}

func TestWriterEscapes(t *testing.T) {
	var b bytes.Buffer
	n, err := Writer{&b}.Write([]byte("a\x1b[2Jb\n"))
	if err != nil || n != 7 || b.String() != "a\\x1b[2Jb\n" {
		t.Errorf("wrote %d, %v: %q", n, err, b.String())
	}
}
