package gofpdf

// raftsheet patch (see PATCHES.md): two streams every UTF-8 font of every
// document embeds, made with less work. The ToUnicode map is the same
// text for every font: it is compressed once per process. The
// CIDToGIDMap is 128 KB, nearly all zeros: it is filled in a reused
// array (a new one was 32 fresh pages of memory per font per document),
// which is cleared again where it was filled. The bytes are the same.

import "sync"

var compressedToUnicode = sync.OnceValue(func() []byte { return sliceCompress([]byte(toUnicode)) })

// cidMaps are CIDToGIDMap arrays, all zeros, no document is using.
var cidMaps = keep[*[256 * 256 * 2]byte]{make: func() *[256 * 256 * 2]byte { return new([256 * 256 * 2]byte) }}

// compressedCIDToGIDMap is the compressed map of the font's characters
// (code → glyph) as upstream's putfonts made it.
func compressedCIDToGIDMap(codeGlyph map[int]int) []byte {
	m := cidMaps.get()
	for cc, glyph := range codeGlyph {
		m[cc*2] = byte(glyph >> 8)
		m[cc*2+1] = byte(glyph & 0xFF)
	}
	out := sliceCompress(m[:])
	for cc := range codeGlyph {
		m[cc*2], m[cc*2+1] = 0, 0
	}
	cidMaps.put(m)
	return out
}
