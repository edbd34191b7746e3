package fonts

import (
	"sync"
	"sync/atomic"

	"golang.org/x/image/font/sfnt"
)

// Glyph is the glyph number face has for r in its font, 0 (the font's
// "missing" box) when it has none: what a PDF writes to draw r. Safe for
// concurrent use; each face's font is read once per process, and a rune's
// glyph looked up once.
func Glyph(f Face, r rune) uint16 {
	g := &glyphs[f]
	common := r >= 0 && r < commonRunes
	if common {
		if n := g.common[r].Load(); n != 0 {
			return uint16(n - 1)
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if n, ok := g.rare[r]; ok && !common {
		return n
	}
	if g.font == nil {
		fnt, err := sfnt.Parse(f.TTF())
		if err != nil {
			return 0 // the embedded fonts parse: NewMeasurer says so otherwise
		}
		g.font, g.rare = fnt, map[rune]uint16{}
	}
	n := uint16(0)
	if idx, err := g.font.GlyphIndex(&g.buf, r); err == nil {
		n = uint16(idx)
	}
	if common {
		g.common[r].Store(uint32(n) + 1)
	} else {
		g.rare[r] = n
	}
	return n
}

// glyphs are each face's glyph numbers, found as they are asked for.
var glyphs [NumFaces]struct {
	common [commonRunes]atomic.Uint32 // +1, so that 0 is not yet known
	mu     sync.Mutex                 // guards the rest
	font   *sfnt.Font
	buf    sfnt.Buffer
	rare   map[rune]uint16
}
