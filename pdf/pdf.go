// Package pdf draws laid-out documents (package page) as PDF. One layout
// is drawn twice: as the worksheet, where the answers' places stay blank,
// and as the key, where they print in the answer face and colour;
// everything else stands where it stands on the other.
//
// The PDFs are written here, without a PDF library: the sheets need only
// rectangles, lines and text, and a writer of their own lets a class set
// stream thousands of pages into one file in little memory (Writer), and
// read the fonts once per process instead of once per document. The Go
// fonts are embedded as subsets that keep the fonts' own glyph numbers,
// so a page drawn once (Draw) goes unchanged into a student's own PDF and
// into the whole class's. No clock and no map order reach the bytes: the
// same layout always gives the same file.
package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sync"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// Drawn is pages drawn as the worksheet or the key, ready to be written
// into one PDF or several (Writer.Add).
type Drawn struct {
	Title  string
	Paper  page.Paper
	pages  [][]byte // each page's content stream, compressed
	glyphs glyphSet
}

// Pages is how many pages were drawn.
func (d *Drawn) Pages() int { return len(d.pages) }

// Page is the i-th page alone (from 0), to be written on its own.
func (d *Drawn) Page(i int) *Drawn {
	return &Drawn{Title: d.Title, Paper: d.Paper, pages: d.pages[i : i+1], glyphs: d.glyphs}
}

// Draw draws a document's pages: as the key, or as the worksheet.
func Draw(doc *page.Document, key bool) (*Drawn, error) {
	m, err := fonts.NewMeasurer() // its own: a measurer is not safe to share
	if err != nil {
		return nil, err
	}
	pages := doc.Of(key) // the key has the teacher's own pages too
	d := &Drawn{Title: doc.Title, Paper: doc.Paper, pages: make([][]byte, 0, len(pages))}
	c := &canvas{height: doc.Paper.H, used: &d.glyphs}
	for _, pg := range pages {
		*c = canvas{b: c.b[:0], height: doc.Paper.H, used: &d.glyphs}
		c.op("0 J")
		for _, b := range pg.Boxes {
			c.drawBox(b)
		}
		for _, t := range pg.Texts {
			if err := c.drawText(m, t, key); err != nil {
				return nil, err
			}
		}
		d.pages = append(d.pages, deflate(c.b))
	}
	return d, nil
}

// Render draws a document into a PDF of its own: the worksheet, or the
// key.
func Render(doc *page.Document, key bool) ([]byte, error) {
	d, err := Draw(doc, key)
	if err != nil {
		return nil, err
	}
	return d.PDF()
}

// PDF is the drawn pages as a PDF of their own.
func (d *Drawn) PDF() ([]byte, error) {
	var buf bytes.Buffer
	w := NewWriter(&buf, d.Title, d.Paper)
	if err := w.Add(d); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zlibWriters are reused: each costs about a megabyte to set up, and a
// class set compresses thousands of pages.
var zlibWriters sync.Pool

// deflate compresses data as a PDF's FlateDecode filter reads it, at
// zlib's best speed: what takes the time is making PDFs, not storing them.
func deflate(data []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(data)/3 + 64)
	w, _ := zlibWriters.Get().(*zlib.Writer)
	if w == nil {
		w, _ = zlib.NewWriterLevel(&out, zlib.BestSpeed)
	} else {
		w.Reset(&out)
	}
	w.Write(data)
	w.Close()
	zlibWriters.Put(w)
	return out.Bytes()
}

// glyphSet is the glyphs a PDF's pages use, per face, each with the
// character it draws (for the text a reader copies out).
type glyphSet [fonts.NumFaces]map[uint16]rune

func (s *glyphSet) add(face fonts.Face, g uint16, r rune) {
	if s[face] == nil {
		s[face] = map[uint16]rune{}
	}
	if _, ok := s[face][g]; !ok {
		s[face][g] = r
	}
}

func (s *glyphSet) merge(o *glyphSet) {
	for f, gs := range o {
		for g, r := range gs {
			s.add(fonts.Face(f), g, r)
		}
	}
}

// checkPaper refuses to mix papers in one PDF.
func checkPaper(want, got page.Paper) error {
	if want.Name != got.Name {
		return fmt.Errorf("cannot draw %s pages into a %s PDF", got.Name, want.Name)
	}
	return nil
}
