package pdf

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// Writer writes a PDF page by page as it is given them: each page goes
// to the output at once, and only the pages' object numbers and the
// glyphs used stay in memory; the fonts, the page tree and the
// cross-reference table follow at Close. A class set writes the whole
// class into one file this way, in the memory of one student's pages.
// Not safe for concurrent use.
type Writer struct {
	out     *bufio.Writer
	at      int64   // bytes written so far
	offsets []int64 // where each object starts, by number from 1; objects 1 and 2 come last
	kids    []int   // the page objects, in order
	glyphs  glyphSet
	title   string
	paper   page.Paper
	err     error
}

// The objects every PDF has, numbered before any page: the page tree and
// the resources every page shares (the fonts).
const (
	pagesObject     = 1
	resourcesObject = 2
)

// NewWriter starts a PDF titled title on paper, written to w.
func NewWriter(w io.Writer, title string, paper page.Paper) *Writer {
	pw := &Writer{out: bufio.NewWriterSize(w, 64<<10), title: title, paper: paper, offsets: make([]int64, 2)}
	pw.write("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	return pw
}

func (w *Writer) write(s string) {
	if w.err != nil {
		return
	}
	n, err := w.out.WriteString(s)
	w.at += int64(n)
	w.err = err
}

func (w *Writer) writeBytes(b []byte) {
	if w.err != nil {
		return
	}
	n, err := w.out.Write(b)
	w.at += int64(n)
	w.err = err
}

// object starts a new object (or the reserved object n when n > 0) and
// says its number.
func (w *Writer) object(n int) int {
	if n == 0 {
		w.offsets = append(w.offsets, 0)
		n = len(w.offsets)
	}
	w.offsets[n-1] = w.at
	w.write(strconv.Itoa(n) + " 0 obj\n")
	return n
}

// stream writes an object holding a stream: dict is its dictionary's
// entries besides the length.
func (w *Writer) stream(dict string, data []byte) int {
	n := w.object(0)
	w.write("<<" + dict + "/Length " + strconv.Itoa(len(data)) + ">>\nstream\n")
	w.writeBytes(data)
	w.write("\nendstream\nendobj\n")
	return n
}

// Add writes drawn pages after those already written.
func (w *Writer) Add(d *Drawn) error {
	if err := checkPaper(w.paper, d.Paper); err != nil {
		return err
	}
	for _, content := range d.pages {
		c := w.stream("/Filter /FlateDecode", content)
		w.page(c)
	}
	w.glyphs.merge(&d.glyphs)
	return w.err
}

// Blank adds an empty page: the back of a student's last page when
// printed on both sides, so that the next student starts on a new sheet.
func (w *Writer) Blank() error {
	w.page(0)
	return w.err
}

// Pages is how many pages have been written.
func (w *Writer) Pages() int { return len(w.kids) }

func (w *Writer) page(content int) {
	n := w.object(0)
	w.write("<</Type /Page /Parent 1 0 R /Resources 2 0 R")
	if content > 0 {
		w.write(" /Contents " + strconv.Itoa(content) + " 0 R")
	}
	w.write(">>\nendobj\n")
	w.kids = append(w.kids, n)
}

// Close writes the fonts, the page tree, the document's information and
// the cross-reference table, and flushes the output.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	var names []string
	for f := fonts.Face(0); f < fonts.NumFaces; f++ {
		if len(w.glyphs[f]) == 0 {
			continue
		}
		t, err := fontOf(f)
		if err != nil {
			return err
		}
		names = append(names, fontName(f)+" "+strconv.Itoa(w.font(t, w.glyphs[f]))+" 0 R")
	}
	w.object(resourcesObject)
	w.write("<</ProcSet [/PDF /Text] /Font <<" + strings.Join(names, " ") + ">>>>\nendobj\n")

	w.object(pagesObject)
	var kids strings.Builder
	for i, k := range w.kids {
		if i > 0 {
			kids.WriteByte(' ')
		}
		kids.WriteString(strconv.Itoa(k) + " 0 R")
	}
	fmt.Fprintf(&kids, "] /Count %d /MediaBox [0 0 %.2f %.2f]>>\nendobj\n", len(w.kids), w.paper.W*ptPerMM, w.paper.H*ptPerMM)
	w.write("<</Type /Pages /Kids [" + kids.String())

	date, err := documentDate()
	if err != nil {
		return err
	}
	stamp := "D:" + date.Format("20060102150405") + "Z"
	info := w.object(0)
	w.write("<</Title " + textString(w.title) + " /Creator (raftsheet) /Producer (raftsheet) /CreationDate (" + stamp + ") /ModDate (" + stamp + ")>>\nendobj\n")
	catalog := w.object(0)
	w.write("<</Type /Catalog /Pages 1 0 R>>\nendobj\n")

	xref := w.at
	w.write("xref\n0 " + strconv.Itoa(len(w.offsets)+1) + "\n0000000000 65535 f \n")
	for _, o := range w.offsets {
		w.write(fmt.Sprintf("%010d 00000 n \n", o))
	}
	w.write(fmt.Sprintf("trailer\n<</Size %d /Root %d 0 R /Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(w.offsets)+1, catalog, info, xref))
	if w.err != nil {
		return w.err
	}
	return w.out.Flush()
}

// font writes a face's font, subset to the glyphs used, as a Type 0 font
// with Identity-H encoding: the pages' text is the font's own glyph
// numbers, two bytes each; ToUnicode maps them back to characters, so
// text can be searched and copied.
func (w *Writer) font(t *ttf, used map[uint16]rune) int {
	glyphs := make([]uint16, 0, len(used))
	for g := range used {
		glyphs = append(glyphs, g)
	}
	slices.Sort(glyphs)
	prog := t.program(glyphs)
	base := "/" + prog.tag + "+" + t.face.Family()
	fontFile := w.stream("/Filter /FlateDecode /Length1 "+strconv.Itoa(prog.length)+" ", prog.data)
	flags := 4 // symbolic: the glyphs are reached by number, not by a standard encoding
	if t.italicAngle != 0 {
		flags |= 64
	}
	desc := w.object(0)
	w.write(fmt.Sprintf("<</Type /FontDescriptor /FontName %s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV 80 /MissingWidth %d /FontFile2 %d 0 R>>\nendobj\n",
		base, flags, t.bbox[0], t.bbox[1], t.bbox[2], t.bbox[3], t.italicAngle, t.ascent, t.descent, t.capHeight, t.width(0), fontFile))
	cid := w.object(0)
	w.write("<</Type /Font /Subtype /CIDFontType2 /BaseFont " + base +
		" /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor " + strconv.Itoa(desc) +
		" 0 R /DW " + strconv.Itoa(t.width(0)) + " /W " + widths(t, glyphs) + " /CIDToGIDMap /Identity>>\nendobj\n")
	toUnicode := w.stream("/Filter /FlateDecode ", deflate([]byte(toUnicodeCMap(glyphs, used))))
	n := w.object(0)
	w.write("<</Type /Font /Subtype /Type0 /BaseFont " + base + " /Encoding /Identity-H /DescendantFonts [" +
		strconv.Itoa(cid) + " 0 R] /ToUnicode " + strconv.Itoa(toUnicode) + " 0 R>>\nendobj\n")
	return n
}

// subsetTag is the six capital letters that name a font subset (ISO
// 32000 9.6.4), from the glyphs it has: the same glyphs, the same name.
func subsetTag(face fonts.Face, key string) string {
	h := fnv.New64a()
	h.Write([]byte(face.Family()))
	h.Write([]byte(key))
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// widths is the /W array of the glyphs, runs of consecutive glyph numbers
// together: [3 [556 556] 17 [278]].
func widths(t *ttf, glyphs []uint16) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < len(glyphs); {
		j := i
		for j+1 < len(glyphs) && glyphs[j+1] == glyphs[j]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d [", glyphs[i])
		for k := i; k <= j; k++ {
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(t.width(glyphs[k])))
		}
		b.WriteString("] ")
		i = j + 1
	}
	return strings.TrimSuffix(b.String(), " ") + "]"
}

// toUnicodeCMap maps each glyph to the character it draws.
func toUnicodeCMap(glyphs []uint16, used map[uint16]rune) string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(glyphs); i += 100 {
		chunk := glyphs[i:min(i+100, len(glyphs))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune{used[g]}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.String()
}

// textString is s as a PDF text string: UTF-16 with a byte order mark,
// in hex.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
