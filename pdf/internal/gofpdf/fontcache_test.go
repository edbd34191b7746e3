package gofpdf

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// The patched font id is upstream's, so the PDFs keep their bytes.
func TestUTF8FontIDIsUpstreams(t *testing.T) {
	for name, ttf := range map[string][]byte{"goregular": goregular.TTF, "gobold": gobold.TTF} {
		p, err := parseUTF8Font(name, ttf, "")
		if err != nil {
			t.Fatal(err)
		}
		want, err := generateFontID(p.def)
		if err != nil {
			t.Fatal(err)
		}
		if p.def.i != want {
			t.Errorf("%s: id %s, upstream's %s", name, p.def.i, want)
		}
		def := p.def
		def.Cw = append([]int(nil), def.Cw...)
		def.Cw[66] = 1 // another width: another id
		if utf8FontID(def) == p.def.i {
			t.Errorf("%s: the id does not depend on the widths", name)
		}
	}
}

// Documents share a font's bytes, so cutting a subset must never write
// into them (upstream did, in generateChecksum and getMetrics), and one
// document's subset must not change another's.
func TestSubsetsLeaveTheFontAlone(t *testing.T) {
	ttf := append([]byte(nil), goregular.TTF...)
	var all []rune
	for r := rune(32); r < 0x2000; r++ {
		all = append(all, r)
	}
	texts := []string{"S1 term 2", string(all), "Ωμέγα × → ≥ José"}
	first := map[string][]byte{}
	for round := 0; round < 2; round++ {
		for _, s := range texts {
			pdf := New("P", "mm", "A4", "")
			pdf.SetCatalogSort(true)
			pdf.SetCreationDate(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
			pdf.SetModificationDate(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
			pdf.AddUTF8FontFromBytes("goregular", "", ttf)
			pdf.AddPage()
			pdf.SetFont("goregular", "", 10)
			pdf.Text(10, 10, s)
			var out bytes.Buffer
			if err := pdf.Output(&out); err != nil {
				t.Fatal(err)
			}
			if round == 0 {
				first[s] = out.Bytes()
			} else if !bytes.Equal(first[s], out.Bytes()) {
				t.Errorf("%.20q: another PDF after other subsets were cut", s)
			}
			p, err := cachedUTF8Font(getFontKey("goregular", ""), ttf, "")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(p.ttf, goregular.TTF) || !bytes.Equal(ttf, goregular.TTF) {
				t.Fatalf("%.20q: cutting the subset wrote into the font", s)
			}
		}
	}
}

// The two places upstream wrote into the font file, each on bytes where
// the write would show (the Go fonts happen not to take these paths).
func TestCutNeverWritesIntoTheFont(t *testing.T) {
	file := []byte{1, 2, 3, 4, 5, 9, 9, 9}
	utf := newUTF8Font(&fileReader{array: file})
	got := utf.generateChecksum(file[:5]) // a table of 5 bytes, padded to 8
	if want := []int{0x0102 + 0x0500, 0x0304}; got[0] != want[0] || got[1] != want[1] {
		t.Errorf("checksum %x, want %x", got, want)
	}
	if !bytes.Equal(file, []byte{1, 2, 3, 4, 5, 9, 9, 9}) {
		t.Errorf("generateChecksum wrote into the font: % x", file)
	}

	// hmtx at 0: two long metrics (advance, bearing), then the bearings of
	// glyphs 2, 3 and 4.
	hmtx := []byte{0, 10, 0, 1, 0, 20, 0, 2, 0, 3, 0, 4, 0, 5}
	utf = newUTF8Font(&fileReader{array: hmtx})
	utf.tableDescriptions = map[string]*tableDescription{"hmtx": {name: "hmtx", position: 0, size: len(hmtx)}}
	m := utf.getMetrics(2, 3) // glyph 3: the last advance, its own bearing
	if !bytes.Equal(m, []byte{0, 20, 0, 4}) {
		t.Errorf("metrics % x", m)
	}
	if !bytes.Equal(hmtx, []byte{0, 10, 0, 1, 0, 20, 0, 2, 0, 3, 0, 4, 0, 5}) {
		t.Errorf("getMetrics wrote into the font: % x", hmtx)
	}
}

// The patched operators are the bytes fmt wrote (fastfmt.go).
func TestOperatorsAsFmtWroteThem(t *testing.T) {
	nums := []float64{0, -0.0, 1, -1, 0.005, 0.015, 2.675, -2.675, 56.69291338, 785.1968503, -14.17322835, 1e-9, -1e-9, 123456.789, 0.125, 0.375}
	for _, a := range nums {
		for _, b := range nums[:6] {
			if got, want := textOp(a, b, "Raft"), fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", a, b, "Raft"); got != want {
				t.Errorf("textOp(%v, %v): %q, fmt %q", a, b, got, want)
			}
			if got, want := string(rectOp(nil, a, b, b, a, "S")), fmt.Sprintf("%.2f %.2f %.2f %.2f re %s", a, b, b, a, "S"); got != want {
				t.Errorf("rectOp: %q, fmt %q", got, want)
			}
			if got, want := string(lineOp(nil, a, b, a, b)), fmt.Sprintf("%.2f %.2f m %.2f %.2f l S", a, b, a, b); got != want {
				t.Errorf("lineOp: %q, fmt %q", got, want)
			}
			if got, want := string(fontOp([]byte("left over"), "04cb8b70", a)), "left over"+fmt.Sprintf("BT /F%s %.2f Tf ET", "04cb8b70", a); got != want {
				t.Errorf("fontOp: %q, fmt %q", got, want)
			}
		}
	}
}

// The cut tables take the character-to-glyph map the parse read instead
// of reading it again: it is the map generateCMAP reads.
func TestCutTablesTakeTheParsedCharacterMap(t *testing.T) {
	for name, ttf := range map[string][]byte{"goregular": goregular.TTF, "gobold": gobold.TTF} {
		p, err := parseUTF8Font(name, ttf, "")
		if err != nil {
			t.Fatal(err)
		}
		fromParse, ok := readCutTables(p.forDocument(nil).utf8File, p.charSymbols)
		if !ok || len(p.charSymbols) < 600 {
			t.Fatalf("%s: %d characters from the parse", name, len(p.charSymbols))
		}
		read, ok := readCutTables(p.forDocument(nil).utf8File, nil)
		if !ok || !maps.Equal(fromParse.charSymbolDictionary, read.charSymbolDictionary) ||
			!slices.Equal(fromParse.symbolPosition, read.symbolPosition) || fromParse.metricsCount != read.metricsCount {
			t.Errorf("%s: the cut tables from the parse's map differ from those read again", name)
		}
	}
}
