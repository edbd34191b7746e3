package gofpdf

import (
	"bytes"
	"testing"
)

// The CIDToGIDMap made in a reused array is upstream's, map after map:
// nothing of one font's characters is left for the next.
func TestCIDToGIDMapAsUpstreams(t *testing.T) {
	upstream := func(codeGlyph map[int]int) []byte {
		m := make([]byte, 256*256*2)
		for cc, glyph := range codeGlyph {
			m[cc*2] = byte(glyph >> 8)
			m[cc*2+1] = byte(glyph & 0xFF)
		}
		return sliceCompress(m)
	}
	maps := []map[int]int{
		{32: 3, 65: 36, 0x2192: 700, 0xFFFF: 1},
		{66: 37, 0x00E9: 120},
		{},
		{32: 3, 65: 36, 0x2192: 700, 0xFFFF: 1},
	}
	for i, m := range maps {
		if got, want := compressedCIDToGIDMap(m), upstream(m); !bytes.Equal(got, want) {
			t.Errorf("map %d: %d bytes, upstream's %d", i, len(got), len(want))
		}
	}
	if !bytes.Equal(compressedToUnicode(), sliceCompress([]byte(toUnicode))) {
		t.Error("the ToUnicode stream differs from upstream's, compressed")
	}
}
