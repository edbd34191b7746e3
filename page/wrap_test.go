package page

import (
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
