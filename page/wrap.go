package page

import (
	"strings"
	"unicode"

	"github.com/raftsheet/raftsheet/fonts"
)

// FaceOf is the face a run is drawn in: answers in the answer face, the
// rest in the text's face.
func FaceOf(r Run, base fonts.Face) fonts.Face {
	if r.Ink == Answer {
		return fonts.Italic
	}
	return base
}

// LineWidth is the printed width of a line in millimetres.
func LineWidth(m *fonts.Measurer, l Line, base fonts.Face, size float64) float64 {
	w := 0.0
	for _, r := range l {
		w += m.Width(FaceOf(r, base), size, r.S)
	}
	return w
}

// Words splits text into word runs of one ink; line breaks in the text
// become breaks (nil runs) that wrap honours.
func Words(s string, ink Ink) []Run {
	out := make([]Run, 0, 1+strings.Count(s, " ")+strings.Count(s, "\n"))
	start := -1 // where the word being read began
	for i, r := range s {
		if !unicode.IsSpace(r) { // as strings.Fields splits
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, Run{S: s[start:i], Ink: ink})
			start = -1
		}
		if r == '\n' {
			out = append(out, Run{}) // a hard line break
		}
	}
	if start >= 0 {
		out = append(out, Run{S: s[start:], Ink: ink})
	}
	return out
}

// Wrap lays tokens into lines no wider than width, one space between
// words (a token and the glued tokens after it). A word is kept whole
// unless it alone is wider than a line; then it is broken between
// characters, so nothing is ever cut off. An empty token is a hard break.
func Wrap(m *fonts.Measurer, tokens []Run, base fonts.Face, size, width float64) []Line {
	var lines []Line
	// The lines' runs, one line after the other in one array; the line
	// being filled is runs[start:].
	runs := make([]Run, 0, 2*len(tokens))
	start, curW := 0, 0.0
	flush := func() {
		var line Line // nil when empty
		if len(runs) > start {
			line = runs[start:len(runs):len(runs)]
		}
		lines = append(lines, line)
		start, curW = len(runs), 0
	}
	for _, w := range GluedWords(tokens) {
		if w == nil {
			flush()
			continue
		}
		ww := LineWidth(m, w, base, size)
		space := Run{S: " ", Ink: w[0].Ink}
		sw := m.Width(FaceOf(space, base), size, " ")
		if len(runs) > start && curW+sw+ww <= width {
			runs = append(append(runs, space), w...)
			curW += sw + ww
			continue
		}
		if len(runs) > start {
			flush()
		}
		if ww <= width {
			runs, curW = append(runs, w...), ww
			continue
		}
		for _, t := range w { // too wide for any line: break it up
			face := FaceOf(t, base)
			for _, piece := range breakToken(m, t, face, size, width) {
				pw := m.Width(face, size, piece.S)
				if len(runs) > start && curW+pw > width {
					flush()
				}
				runs = append(runs, piece)
				curW += pw
			}
		}
	}
	if len(runs) > start || len(lines) == 0 {
		flush()
	}
	return lines
}

// GluedWords groups tokens into words: a token and the glued ones after
// it. A hard break becomes a nil word. The words are the tokens' own
// slices (capped, so appending to one copies it): no word is allocated.
func GluedWords(tokens []Run) []Line {
	out := make([]Line, 0, len(tokens))
	for i := 0; i < len(tokens); {
		if tokens[i].S == "" {
			out = append(out, nil)
			i++
			continue
		}
		j := i + 1
		for j < len(tokens) && tokens[j].Glue && tokens[j].S != "" {
			j++
		}
		out = append(out, Line(tokens[i:j:j]))
		i = j
	}
	return out
}

// breakToken splits a token wider than width into pieces that fit, at
// least one character each. It keeps the width of the piece so far as a
// sum of advances, so a word of any length is broken in one pass (exactly
// where measuring each longer piece again would break it).
func breakToken(m *fonts.Measurer, t Run, face fonts.Face, size, width float64) []Run {
	if m.Width(face, size, t.S) <= width {
		return []Run{t}
	}
	var out []Run
	start, advance := 0, 0
	for i, r := range t.S {
		a := m.Advance(face, r)
		if i > start && fonts.MM(advance+a, size) > width {
			out = append(out, Run{S: t.S[start:i], Ink: t.Ink, Strike: t.Strike})
			start, advance = i, 0
		}
		advance += a
	}
	return append(out, Run{S: t.S[start:], Ink: t.Ink, Strike: t.Strike})
}
