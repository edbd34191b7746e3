package gofpdf

import (
	"bytes"
	"maps"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

// textFast writes what upstream's Text writes, in the places it writes:
// for texts whose UTF-16 bytes hold what a PDF string must escape
// (Ĩ is 01 28, ⠩ 28 29, 尀 5C 00, ഠ 0D 20), in colour and not, and it
// leaves the same characters marked as used.
func TestTextFastIsGeneral(t *testing.T) {
	texts := []string{"", "Raft", "S1 (leader) \\ back\rslash", "José García → 3", "Ĩ ⠩ 尀 ഠ", "term:value, x@c1.1 {S1,S2}"}
	page := func(colour bool, text func(f *Fpdf, x, y float64, s string)) (string, map[int]int) {
		f := New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes("goregular", "", goregular.TTF)
		f.SetFont("goregular", "", 11)
		f.AddPage()
		if colour {
			f.SetTextColor(16, 58, 170)
		}
		start := f.pages[f.page].Len()
		for i, s := range texts {
			text(f, 12.5+float64(i), 280.123-float64(i)*7.77, s)
		}
		if f.Err() {
			t.Fatal(f.Error())
		}
		return f.pages[f.page].String()[start:], maps.Clone(f.currentFont.usedRunes)
	}
	for _, colour := range []bool{false, true} {
		fast, fastRunes := page(colour, func(f *Fpdf, x, y float64, s string) {
			if !f.textFast(x, y, s) {
				t.Fatal("textFast declined a UTF-8 text")
			}
		})
		general, generalRunes := page(colour, (*Fpdf).textGeneral)
		if fast != general {
			t.Errorf("colour %v: textFast wrote\n%q\nupstream's Text\n%q", colour, fast, general)
		}
		if !maps.Equal(fastRunes, generalRunes) {
			t.Errorf("colour %v: characters used %v, upstream's %v", colour, fastRunes, generalRunes)
		}
		if colour && !bytes.Contains([]byte(fast), []byte("q 0.063 0.227 0.667 rg BT")) {
			t.Errorf("no colour in %q", fast)
		}
	}
}
