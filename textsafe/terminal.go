package textsafe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Invisible reports whether r changes how text around it reads without
// showing itself: the bidirectional controls (which can reverse what a
// line appears to say, CVE-2021-42574), zero-width characters and the
// byte order mark.
func Invisible(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F: // Arabic letter mark, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF: // zero widths, word joiner, BOM
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	}
	return false
}

// Control reports whether r is a control character: C0 (including ESC
// and carriage return), DEL or C1 (whose 0x9B starts an escape sequence
// on some terminals).
func Control(r rune) bool {
	return r < 0x20 || (r >= 0x7F && r < 0xA0)
}

// Unsafe reports whether r must not reach a terminal as it is.
func Unsafe(r rune) bool { return Control(r) || Invisible(r) }

// Terminal is s with every control and invisible character written as an
// escape (\x1b, \r, \u202e) and every byte that is not UTF-8 as \xff:
// what a terminal then shows is exactly what the text holds. Line breaks
// and tabs stay, so that a message of several lines still reads as one.
func Terminal(s string) string { return escape(s, true) }

// Line is Terminal for a value that must stay on one line: line breaks
// and tabs are escaped too.
func Line(s string) string { return escape(s, false) }

func escape(s string, keepLayout bool) string {
	if !needsEscape(s, keepLayout) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLayout && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && Control(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case Unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string, keepLayout bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (Unsafe(r) && !(keepLayout && (r == '\n' || r == '\t'))) {
			return true
		}
		i += size
	}
	return false
}

// Quote is s as a value inside a message: in double quotes, on one line,
// every unsafe character escaped, and cut to at most max characters
// (with "…" saying so) so that a huge value cannot swamp the message.
func Quote(s string, max int) string {
	if max > 1 && utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max-1])
		return `"` + strings.ReplaceAll(Line(s), `"`, `\"`) + `…"`
	}
	return `"` + strings.ReplaceAll(Line(s), `"`, `\"`) + `"`
}

// Writer escapes, as Terminal does, everything written to it before
// passing it on: for a stream that reaches a terminal.
type Writer struct{ W io.Writer }

func (w Writer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.W, Terminal(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
