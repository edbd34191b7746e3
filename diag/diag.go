// Package diag is how raftsheet reports a problem in a file it reads (an
// exercise, a template, an answer file, a roster): file:line:col, what is
// wrong and what to do, every independent problem at once. It also holds
// the one "did you mean" suggester and the one reading of yaml.v3's
// errors, so that every file format words these alike.
package diag

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/textsafe"
)

// Diagnostic is one problem in an exercise file, at a line and column.
type Diagnostic struct {
	File      string
	Line, Col int // 1-based; 0 when the problem has no place (an empty file)
	Msg       string
	Hint      string // what to do, when that helps
	Err       error  // the cause, when it is an error of its own: errors.Is and errors.As see it
}

// Error is the diagnostic on one line. What it quotes of the file is
// made safe for a terminal (textsafe.Terminal): a control character or a
// bidirectional override in a file never reaches the screen as it is.
func (d Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(textsafe.Line(d.File))
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(textsafe.Terminal(d.Msg))
	if d.Hint != "" {
		b.WriteString(" (" + textsafe.Terminal(d.Hint) + ")")
	}
	return b.String()
}

func (d Diagnostic) Unwrap() error { return d.Err }

// Diagnostics are every independent problem found in one file, in order of
// place. As an error it prints one per line.
type Diagnostics []Diagnostic

func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives each diagnostic, so that errors.Is and errors.As see
// their causes.
func (ds Diagnostics) Unwrap() []error {
	out := make([]error, len(ds))
	for i, d := range ds {
		out[i] = d
	}
	return out
}

// Sorted orders the diagnostics by line, then column.
func (ds Diagnostics) Sorted() Diagnostics {
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].Line != ds[j].Line {
			return ds[i].Line < ds[j].Line
		}
		return ds[i].Col < ds[j].Col
	})
	return ds
}

// Suggest is the candidate nearest to word if it is near enough to be a
// likely typo (a third of its letters wrong at most), else "". Every
// "did you mean" of raftsheet uses it.
func Suggest(word string, candidates []string) string {
	best, bestDist := "", -1
	lw := strings.ToLower(word)
	for _, c := range candidates {
		if n, m := utf8.RuneCountInString(word), utf8.RuneCountInString(c); n-m > max(1, m/3) || m-n > max(1, m/3) {
			continue // too long or short to be near enough: the distance is at least the difference
		}
		d := editDistance(lw, strings.ToLower(c))
		if d <= max(1, len([]rune(c))/3) && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of two neighbours, the
// typos people make.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
