package page

import (
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/fonts"
)

func TestWrapKeepsEveryCharacterWithinWidth(t *testing.T) {
	m, err := fonts.NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	text := "S2 rejects AppendEntries from S1: its log has no entry at prevLogIndex 4 (§5.3) averyveryveryverylongwordwithoutanyspaceatall\nnext"
	for _, width := range []float64{15, 30, 80} {
		lines := Wrap(m, Words(text, Answer), fonts.Regular, 9, width)
		got := ""
		for _, l := range lines {
			if w := LineWidth(m, l, fonts.Regular, 9); w > width+1e-9 {
				t.Errorf("width %g: line %q is %.2f mm wide", width, lineText(l), w)
			}
			for _, r := range l {
				if r.S != " " {
					got += r.S
				}
			}
		}
		want := ""
		for _, r := range text {
			if r != ' ' && r != '\n' {
				want += string(r)
			}
		}
		if got != want {
			t.Errorf("width %g: wrapping lost characters:\n got %q\nwant %q", width, got, want)
		}
		if last := lines[len(lines)-1]; lineText(last) != "next" {
			t.Errorf("width %g: the line break was not kept: last line %q", width, lineText(last))
		}
	}
}

func TestWrapKeepsGluedRunsTogether(t *testing.T) {
	m, err := fonts.NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	role := []Run{{S: "C"}, {S: "→", Glue: true}, {S: "L", Glue: true}}
	lines := Wrap(m, role, fonts.Regular, 9, 50)
	if len(lines) != 1 || lineText(lines[0]) != "C→L" {
		t.Errorf("glued runs wrapped as %v", lines)
	}
}

// breakToken breaks a word exactly where measuring every longer piece
// anew (the obvious, quadratic way) breaks it, at every width, in every
// face, for text with characters of every width and some the fonts lack.
func TestBreakTokenBreaksWhereMeasuringDoes(t *testing.T) {
	m, err := fonts.NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	word := strings.Repeat("Wil1.—ЖΩ→x\u0378mm", 40)
	for _, face := range []fonts.Face{fonts.Regular, fonts.Italic} {
		for _, width := range []float64{0.5, 3, 7.3, 20, 61.7} {
			got := breakToken(m, Run{S: word}, face, 9, width)
			var want []string
			var piece []rune
			for _, r := range word {
				if len(piece) > 0 && m.Width(face, 9, string(append(piece, r))) > width {
					want = append(want, string(piece))
					piece = nil
				}
				piece = append(piece, r)
			}
			want = append(want, string(piece))
			if len(got) != len(want) {
				t.Fatalf("face %v width %g: %d pieces, want %d", face, width, len(got), len(want))
			}
			for i := range got {
				if got[i].S != want[i] {
					t.Fatalf("face %v width %g: piece %d is %q, want %q", face, width, i, got[i].S, want[i])
				}
			}
		}
	}
}

// BenchmarkWrapLongWord wraps a title of one 128,000-character word (the
// loader now refuses such a title; wrapping must still be linear: it took
// 20 s when each piece was measured anew).
func BenchmarkWrapLongWord(b *testing.B) {
	m, err := fonts.NewMeasurer()
	if err != nil {
		b.Fatal(err)
	}
	word := Words(strings.Repeat("A", 128_000), Print)
	for b.Loop() {
		Wrap(m, word, fonts.Regular, 9, 150)
	}
}

// Words splits as it always did: lines at "\n", each into strings.Fields.
func TestWordsSplitAsFieldsDo(t *testing.T) {
	fields := func(s string, ink Ink) []Run {
		var out []Run
		for i, line := range strings.Split(strings.ReplaceAll(s, "\t", " "), "\n") {
			if i > 0 {
				out = append(out, Run{})
			}
			for _, w := range strings.Fields(line) {
				out = append(out, Run{S: w, Ink: ink})
			}
		}
		return out
	}
	for _, s := range []string{"", " ", "\n", "a", " a  b\tc ", "a\nb", "a\n\nb\n", "x\r\ny", "non\u00a0breaking", "\u2003em\u2003space", "bad \xff byte", "José García → 3"} {
		got, want := Words(s, Answer), fields(s, Answer)
		if len(got) != len(want) || (len(got) > 0 && !slices.Equal(got, want)) {
			t.Errorf("Words(%q) = %v, want %v", s, got, want)
		}
	}
}
