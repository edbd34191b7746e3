package pdf

import (
	"encoding/binary"
	"fmt"
	"math"
	"sync"

	"github.com/raftsheet/raftsheet/fonts"
)

// A face's TrueType font as the PDFs embed it: read once per process (a
// class set draws thousands of documents with the same three fonts), then
// shared read-only by every document. Each document embeds a subset of
// it that keeps the font's own glyph numbers, so a page drawn once can go
// into any PDF (a student's own and the whole class's).

// ttf is one face's font, parsed.
type ttf struct {
	face    fonts.Face
	tables  map[string][]byte // by tag, each a slice of the font's bytes
	glyphs  [][]byte          // glyf data by glyph number; empty for none
	advance []uint16          // advance width by glyph number, in font units
	upem    float64

	// The font descriptor's metrics, in thousandths of an em.
	ascent, descent, capHeight, italicAngle int
	bbox                                    [4]int
}

var (
	ttfOnce sync.Once
	ttfs    [fonts.NumFaces]*ttf
	ttfErr  error
)

// fontOf is a face's font, read on first use.
func fontOf(face fonts.Face) (*ttf, error) {
	ttfOnce.Do(func() {
		for f := fonts.Face(0); f < fonts.NumFaces; f++ {
			t, err := parseTTF(f)
			if err != nil {
				ttfErr = fmt.Errorf("font %s: %w", f.Family(), err)
				return
			}
			ttfs[f] = t
		}
	})
	return ttfs[face], ttfErr
}

// parseTTF reads the tables a PDF embeds from a face's TrueType font.
func parseTTF(face fonts.Face) (*ttf, error) {
	b := face.TTF()
	if len(b) < 12 {
		return nil, fmt.Errorf("not a TrueType font")
	}
	t := &ttf{face: face, tables: map[string][]byte{}}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if int(off)+int(size) > len(b) {
			return nil, fmt.Errorf("table %s lies outside the file", rec[:4])
		}
		t.tables[string(rec[:4])] = b[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "OS/2", "post"} {
		if t.tables[tag] == nil {
			return nil, fmt.Errorf("no %s table", tag)
		}
	}
	head, hhea, maxp := t.tables["head"], t.tables["hhea"], t.tables["maxp"]
	t.upem = float64(binary.BigEndian.Uint16(head[18:]))
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	loca, glyf := t.tables["loca"], t.tables["glyf"]
	at := func(i int) int {
		if longLoca {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	t.glyphs = make([][]byte, numGlyphs)
	for g := range t.glyphs {
		from, to := at(g), at(g+1)
		if from > to || to > len(glyf) {
			return nil, fmt.Errorf("glyph %d lies outside the glyf table", g)
		}
		t.glyphs[g] = glyf[from:to]
	}
	metrics := int(binary.BigEndian.Uint16(hhea[34:]))
	hmtx := t.tables["hmtx"]
	t.advance = make([]uint16, numGlyphs)
	for g := range t.advance {
		t.advance[g] = binary.BigEndian.Uint16(hmtx[4*min(g, metrics-1):])
	}
	units := func(v int16) int { return int(math.Round(1000 * float64(v) / t.upem)) }
	os2, post := t.tables["OS/2"], t.tables["post"]
	t.ascent = units(int16(binary.BigEndian.Uint16(hhea[4:])))
	t.descent = units(int16(binary.BigEndian.Uint16(hhea[6:])))
	if len(os2) >= 90 {
		t.capHeight = units(int16(binary.BigEndian.Uint16(os2[88:])))
	} else {
		t.capHeight = t.ascent
	}
	t.italicAngle = int(int32(binary.BigEndian.Uint32(post[4:])) >> 16)
	for i := range t.bbox {
		t.bbox[i] = units(int16(binary.BigEndian.Uint16(head[36+2*i:])))
	}
	return t, nil
}

// glyph is the font's glyph number for r (fonts.Glyph); 0, the font's
// "missing" box, when it has none.
func (t *ttf) glyph(r rune) uint16 { return fonts.Glyph(t.face, r) }

// width is a glyph's advance in thousandths of an em, rounded as the
// layout's measurer rounds it (fonts.Measurer), so that text drawn
// here takes exactly the room the layout gave it.
func (t *ttf) width(g uint16) int {
	return int(math.Round(1000 * float64(t.advance[g]) / t.upem))
}
