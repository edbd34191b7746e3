package main

import (
	"fmt"
	"strings"
	"unicode"
)

// roff builds a man(7) page. Its text methods take help text as written
// and escape it, so that no character of it reads as roff.
type roff struct {
	strings.Builder
}

// macro writes a request or macro call such as .TH or .SH with its
// arguments, quoted where they need to be.
func (r *roff) macro(name string, args ...string) {
	r.WriteString("." + name)
	for _, arg := range args {
		r.WriteString(" " + roffArg(arg))
	}
	r.WriteString("\n")
}

func (r *roff) section(title string) { r.macro("SH", title) }

// line writes a line of roff already escaped. One that starts with a
// control character ("." or "'") would be a request: \& keeps it text.
func (r *roff) line(s string) {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	r.WriteString(s + "\n")
}

// proseLine writes a line of running text, to be filled into a paragraph.
// A leading space would break the line: it is dropped.
func (r *roff) proseLine(s string) {
	s = strings.TrimSpace(s)
	if s != "" {
		r.line(roffProse(s))
	}
}

// text writes help text: paragraphs of running text, split at blank
// lines, and the lines indented by two spaces (or a tab) as literal
// blocks, which keep their lines as they are.
func (r *roff) text(s string) {
	for i, block := range textBlocks(s) {
		if i > 0 {
			r.macro("PP")
		}
		if block.literal {
			r.literal(block.lines)
			continue
		}
		for _, line := range block.lines {
			r.proseLine(line)
		}
	}
}

// literal writes lines as a block set in from the text, unfilled, less
// the indentation that marked them as literal in the help text.
func (r *roff) literal(lines []string) {
	r.macro("RS", "2")
	r.macro("nf")
	for _, line := range lines {
		r.line(roffCode(strings.TrimPrefix(strings.TrimPrefix(line, "\t"), "  ")))
	}
	r.macro("fi")
	r.macro("RE")
}

// textBlock is a paragraph of help text, or a block of literal lines.
type textBlock struct {
	literal bool
	lines   []string
}

// textBlocks splits help text into its paragraphs and literal blocks: a
// blank line ends either, and so does a change from one to the other.
func textBlocks(s string) []textBlock {
	var blocks []textBlock
	open := false
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			open = false
			continue
		}
		literal := strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "\t")
		if !open || blocks[len(blocks)-1].literal != literal {
			blocks = append(blocks, textBlock{literal: literal})
			open = true
		}
		last := &blocks[len(blocks)-1]
		last.lines = append(last.lines, line)
	}
	return blocks
}

// roffCode escapes text to be read and typed exactly as written: a
// command line, an option, a file name. Every hyphen is a hyphen-minus.
func roffCode(s string) string {
	return roffEscape(s, `\-`)
}

// roffProse escapes running text. A hyphen within a word stays a hyphen,
// where a line may break; a word that starts with one, such as --out, is
// an option: written as code, and never hyphenated.
func roffProse(s string) string {
	words := strings.Split(s, " ")
	for i, word := range words {
		if strings.HasPrefix(strings.TrimLeft(word, `("'`), "-") {
			words[i] = `\%` + roffCode(word)
		} else {
			words[i] = roffEscape(word, "-")
		}
	}
	return strings.Join(words, " ")
}

// roffArg is a macro argument: quoted, when it is empty or has spaces, with
// its quotes escaped.
func roffArg(s string) string {
	s = roffCode(s)
	if s != "" && !strings.ContainsAny(s, " \"") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `\(dq`) + `"`
}

// roffEscape escapes what roff would read as something other than the
// character written: the backslash that starts an escape, the quotes
// that roff turns typographic, and any non-ASCII character, named by its
// code point so that the page is ASCII and reads the same whatever the
// input encoding groff assumes.
func roffEscape(s, hyphen string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '\\':
			b.WriteString(`\e`)
		case c == '-':
			b.WriteString(hyphen)
		case c == '\'':
			b.WriteString(`\(aq`)
		case c == '`':
			b.WriteString(`\(ga`)
		case c > unicode.MaxASCII:
			fmt.Fprintf(&b, `\[u%04X]`, c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
