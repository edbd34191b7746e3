package pdf

import (
	"encoding/binary"
	"slices"
	"sync"
	"sync/atomic"
)

// subsetTables are the TrueType tables a PDF's CIDFontType2 needs (ISO
// 32000 9.9): the outlines and metrics, and the hinting programs and
// their settings.
var subsetTables = []string{"OS/2", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// program is a face's font program as a PDF embeds it: compressed, its
// length before, and the name of the subset.
type program struct {
	data   []byte
	length int
	tag    string
}

// commonText are characters (nearly) every document prints: a subset
// always has them, so that most documents need the same subset, made and
// compressed once per process.
const commonText = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~–—“”‘’…→×·§"

// maxPrograms bounds the subsets a process keeps: a class set's variants
// mostly share a few (their names and values are ASCII).
const maxPrograms = 64

var programs struct {
	cache sync.Map // face and glyphs → *program
	n     atomic.Int32
}

// program is the face's font program for a document that uses glyphs
// (sorted): the glyphs of commonText and those, from the cache when a
// document needed the same before.
func (t *ttf) program(glyphs []uint16) *program {
	keep := make(map[uint16]bool, len(glyphs)+len(commonText))
	for _, r := range commonText {
		keep[t.glyph(r)] = true
	}
	for _, g := range glyphs {
		keep[g] = true
	}
	ids := make([]uint16, 0, len(keep))
	for g := range keep {
		ids = append(ids, g)
	}
	slices.Sort(ids)
	key := make([]byte, 1, 1+2*len(ids))
	key[0] = byte(t.face)
	for _, g := range ids {
		key = append(key, byte(g>>8), byte(g))
	}
	if p, ok := programs.cache.Load(string(key)); ok {
		return p.(*program)
	}
	file := t.subset(keep)
	p := &program{data: deflate(file), length: len(file), tag: subsetTag(t.face, string(key))}
	if programs.n.Add(1) <= maxPrograms {
		programs.cache.Store(string(key), p)
	}
	return p
}

// subset is the font with only the glyphs used (and glyph 0, and the
// parts of composite glyphs) keeping their outlines: every other glyph
// is empty but keeps its number, so text drawn with the font's own glyph
// numbers draws the same with any subset that has its glyphs.
func (t *ttf) subset(used map[uint16]bool) []byte {
	keep := make([]bool, len(t.glyphs))
	var mark func(g uint16)
	mark = func(g uint16) {
		if int(g) >= len(keep) || keep[g] {
			return
		}
		keep[g] = true
		for _, part := range components(t.glyphs[g]) {
			mark(part)
		}
	}
	mark(0)
	for g := range used {
		mark(g)
	}
	var glyf []byte
	loca := make([]byte, 4*(len(t.glyphs)+1))
	for g, data := range t.glyphs {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if keep[g] {
			glyf = append(glyf, data...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*len(t.glyphs):], uint32(len(glyf)))
	head := slices.Clone(t.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // indexToLocFormat: long offsets
	tables := map[string][]byte{"glyf": glyf, "loca": loca, "head": head}
	for _, tag := range subsetTables {
		if tables[tag] == nil && t.tables[tag] != nil {
			tables[tag] = t.tables[tag]
		}
	}
	font := sfntFile(tables)
	at := headOffset(font)
	binary.BigEndian.PutUint32(font[at+8:], 0xB1B0AFBA-checksum(font))
	return font
}

// components are the glyphs a composite glyph is made of (none for a
// simple glyph).
func components(g []byte) []uint16 {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	const (
		argsAreWords = 0x0001
		haveScale    = 0x0008
		moreParts    = 0x0020
		haveXYScale  = 0x0040
		haveTwoByTwo = 0x0080
	)
	var out []uint16
	for at := 10; at+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[at:])
		out = append(out, binary.BigEndian.Uint16(g[at+2:]))
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreParts == 0 {
			break
		}
	}
	return out
}

// sfntFile writes tables as a TrueType font file: the table directory,
// sorted by tag, then each table padded to four bytes.
func sfntFile(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	n := len(tags)
	pow := 1
	for pow*2 <= n {
		pow *= 2
	}
	log2 := 0
	for 1<<log2 < pow {
		log2++
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out[0:], 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*pow))
	binary.BigEndian.PutUint16(out[8:], uint16(log2))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*pow))
	for i, tag := range tags {
		data := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// headOffset is where the head table starts in a font file.
func headOffset(font []byte) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n; i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) == "head" {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	return 0
}

// checksum is the TrueType checksum: the sum of the data as big-endian
// 32-bit words, the last one padded with zeros.
func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var w [4]byte
		copy(w[:], data[i:min(i+4, len(data))])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
