package fonts

import (
	"fmt"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// MMPerPt converts a font size in points to millimetres.
const MMPerPt = 25.4 / 72

// Measurer gives the printed width of text exactly as gofpdf computes it
// (advance widths rounded to thousandths of an em), without a PDF. It
// caches per rune and is not safe for concurrent use: each build has its own.
type Measurer struct {
	fonts  [NumFaces]*sfnt.Font
	upem   [NumFaces]float64
	buf    sfnt.Buffer
	widths [NumFaces]map[rune]int // thousandths of an em; -1 when the font has no glyph
	common [NumFaces][]int32      // the same for runes below commonRunes, +1 so that 0 is unknown: the fast path
}

// commonRunes covers Latin, Greek, Cyrillic, punctuation and arrows.
const commonRunes = 0x2200

// NewMeasurer reads the faces' fonts.
func NewMeasurer() (*Measurer, error) {
	m := &Measurer{}
	for f := Face(0); f < NumFaces; f++ {
		fnt, err := sfnt.Parse(f.TTF())
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", f.Family(), err)
		}
		m.fonts[f] = fnt
		m.upem[f] = float64(fnt.UnitsPerEm())
		m.widths[f] = map[rune]int{}
		m.common[f] = make([]int32, commonRunes)
	}
	return m, nil
}

// runeWidth is r's advance in thousandths of an em, or -1 if face has no
// glyph for it.
func (m *Measurer) runeWidth(face Face, r rune) int {
	if r >= 0 && r < commonRunes {
		if w := m.common[face][r]; w != 0 {
			return int(w) - 1
		}
		w := m.glyphWidth(face, r)
		m.common[face][r] = int32(w + 1)
		return w
	}
	if w, ok := m.widths[face][r]; ok {
		return w
	}
	w := m.glyphWidth(face, r)
	m.widths[face][r] = w
	return w
}

// glyphWidth reads r's advance from the font.
func (m *Measurer) glyphWidth(face Face, r rune) int {
	w := -1
	fnt := m.fonts[face]
	if idx, err := fnt.GlyphIndex(&m.buf, r); err == nil && idx != 0 {
		ppem := fixed.Int26_6(m.upem[face] * 64)
		if adv, err := fnt.GlyphAdvance(&m.buf, idx, ppem, font.HintingNone); err == nil {
			w = int(math.Round(1000 * float64(adv) / 64 / m.upem[face]))
		}
	}
	return w
}

// Width is the printed width of s in millimetres at size points.
func (m *Measurer) Width(face Face, size float64, s string) float64 {
	total := 0
	for _, r := range s {
		if w := m.runeWidth(face, r); w > 0 {
			total += w
		}
	}
	return float64(total) * size * MMPerPt / 1000
}

// Advance is r's advance in thousandths of an em (0 where the face has
// no glyph), the unit Width sums: adding advances one rune at a time and
// converting with MM gives exactly what Width gives for the whole text.
func (m *Measurer) Advance(face Face, r rune) int {
	return max(m.runeWidth(face, r), 0)
}

// MM is a sum of advances in millimetres at size points.
func MM(advance int, size float64) float64 {
	return float64(advance) * size * MMPerPt / 1000
}

// Missing is the first rune of s the face cannot draw, if any.
func (m *Measurer) Missing(face Face, s string) (rune, bool) {
	for _, r := range s {
		if r == ' ' {
			continue
		}
		if m.runeWidth(face, r) < 0 {
			return r, true
		}
	}
	return 0, false
}
