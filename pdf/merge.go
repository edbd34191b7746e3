package pdf

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"

	"github.com/raftsheet/raftsheet/page"
)

// Merger concatenates PDFs that Render wrote into one PDF, written as it
// grows: a class set's merged worksheets and keys. gofpdf holds a whole
// document in memory, so a class of a thousand students cannot be one
// gofpdf document; each student's (or group's) part is a gofpdf document
// of its own, and the merger copies its objects, renumbered, to the
// output at once. Only each object's offset and the pages' numbers stay
// in memory; the page tree, the catalogue and the cross-reference table
// are written at Close.
//
// The fonts of a part that another part had already (the same subset of
// the same face, byte for byte) are not written again: the part's pages
// use the earlier copy. Not safe for concurrent use.
type Merger struct {
	out      *bufio.Writer
	at       int64   // bytes written so far
	offsets  []int64 // where each object starts, by number from 1; the page tree's (1) at Close
	kids     []int   // the page objects, in order
	shared   map[[sha256.Size]byte]int
	mediaBox string
	title    string
	err      error
}

const (
	// mergedVersion is the PDF version gofpdf writes, and the merger.
	mergedVersion = "1.3"
	// treeObject is the merged page tree's number: every page's /Parent.
	treeObject = 1
	// maxShared bounds the objects remembered for sharing, so that memory
	// does not grow with a class whose every part had fonts of its own.
	maxShared = 1024
)

// NewMerger starts a PDF titled title, of pages of paper, written to w.
func NewMerger(w io.Writer, title string, paper page.Paper) *Merger {
	m := &Merger{out: bufio.NewWriterSize(w, 256<<10), offsets: make([]int64, 1), shared: map[[sha256.Size]byte]int{}, title: title,
		mediaBox: fmt.Sprintf("/MediaBox [0 0 %.2f %.2f]", paper.W*72/25.4, paper.H*72/25.4)}
	m.write("%PDF-" + mergedVersion + "\n%\xe2\xe3\xcf\xd3\n") // the second line: the file has binary data
	return m
}

// Add appends every page of a PDF that Render wrote.
func (m *Merger) Add(pdf []byte) error { return m.add(pdf, false) }

// AddOneSided appends the pages of a PDF that Render wrote, each with a
// blank back when the merged PDF is printed on both sides: pages to be
// cut apart.
func (m *Merger) AddOneSided(pdf []byte) error { return m.add(pdf, true) }

// Blank appends an empty page: the back of a part's last page when
// printed on both sides, so that the next part starts on a new sheet.
func (m *Merger) Blank() error {
	n := m.newObject()
	m.startObject(n)
	m.write("<</Type /Page /Parent 1 0 R /Resources <<>>>>\nendobj\n")
	m.kids = append(m.kids, n)
	return m.err
}

// Pages is how many pages the merged PDF has so far.
func (m *Merger) Pages() int { return len(m.kids) }

func (m *Merger) add(pdf []byte, oneSided bool) error {
	if m.err != nil {
		return m.err
	}
	p, err := readPart(pdf)
	if err != nil {
		return err
	}
	if p.version > mergedVersion {
		return fmt.Errorf("merging PDFs: a part is PDF %s, newer than the merged PDF's %s", p.version, mergedVersion)
	}
	if p.mediaBox != m.mediaBox {
		return fmt.Errorf("merging PDFs: a part's pages are %s, the merged PDF's %s", p.mediaBox, m.mediaBox)
	}
	number, write := m.number(p)
	for _, o := range p.objects {
		if !write[o.num] {
			continue
		}
		m.startObject(number[o.num])
		m.writeRenumbered(o, number)
		if o.data != nil {
			m.writeBytes(o.data)
			m.write("\nendstream\n")
		}
		m.write("endobj\n")
	}
	for _, pg := range p.pages {
		m.kids = append(m.kids, number[pg])
		if oneSided && len(m.kids)%2 == 1 {
			m.Blank()
		}
	}
	return m.err
}

// number gives each object of a part its number in the merged PDF, and
// says which are to be written: not the part's page tree, catalogue and
// information (the merged PDF has its own), nor what an earlier part
// wrote already.
func (m *Merger) number(p *part) (number map[int]int, write map[int]bool) {
	number, write = map[int]int{p.tree: treeObject}, map[int]bool{}
	hashes := p.sharable()
	for _, o := range p.objects {
		if o.num == p.tree || o.num == p.root || o.num == p.info {
			continue
		}
		h, sharable := hashes[o.num]
		if n, ok := m.shared[h]; sharable && ok {
			number[o.num] = n
			continue
		}
		number[o.num], write[o.num] = m.newObject(), true
		if sharable && len(m.shared) < maxShared {
			m.shared[h] = number[o.num]
		}
	}
	return number, write
}

// sharable is the hash of each object another part may share: those that
// hold no page and no page's content (fonts and the resources naming
// them), hashed with everything they refer to, so that equal hashes mean
// equal objects whatever their numbers.
func (p *part) sharable() map[int][sha256.Size]byte {
	apart := map[int]bool{p.tree: true, p.root: true, p.info: true}
	for _, n := range p.pages {
		apart[n] = true
		pg, _ := p.object(n)
		if c := partContents().FindSubmatch(pg.head); c != nil {
			k, _ := strconv.Atoi(string(c[1]))
			apart[k] = true
		}
	}
	hashes := map[int][sha256.Size]byte{}
	const busy = -1 // being hashed: a cycle, which is not shared
	state := map[int]int{}
	var hash func(n int) bool
	hash = func(n int) bool {
		switch state[n] {
		case busy:
			return false
		case 1:
			_, ok := hashes[n]
			return ok
		}
		state[n] = busy
		defer func() { state[n] = 1 }()
		if apart[n] {
			return false
		}
		o, _ := p.object(n)
		h := sha256.New()
		from := 0
		for _, r := range o.refs {
			if !hash(r.num) {
				return false
			}
			h.Write(o.head[from:r.at])
			target := hashes[r.num]
			h.Write([]byte("<" + hex.EncodeToString(target[:]) + ">"))
			from = r.end
		}
		h.Write(o.head[from:])
		h.Write(o.data)
		var sum [sha256.Size]byte
		h.Sum(sum[:0])
		hashes[n] = sum
		return true
	}
	for _, o := range p.objects {
		hash(o.num)
	}
	return hashes
}

func (m *Merger) newObject() int {
	m.offsets = append(m.offsets, 0)
	return len(m.offsets)
}

func (m *Merger) startObject(n int) {
	m.offsets[n-1] = m.at
	m.write(strconv.Itoa(n) + " 0 obj\n")
}

// writeRenumbered writes an object's value with its references renumbered.
func (m *Merger) writeRenumbered(o object, number map[int]int) {
	from := 0
	for _, r := range o.refs {
		m.writeBytes(o.head[from:r.at])
		m.write(strconv.Itoa(number[r.num]) + " 0 R")
		from = r.end
	}
	m.writeBytes(o.head[from:])
}

func (m *Merger) write(s string) {
	if m.err != nil {
		return
	}
	n, err := m.out.WriteString(s)
	m.at += int64(n)
	m.err = err
}

func (m *Merger) writeBytes(b []byte) {
	if m.err != nil {
		return
	}
	n, err := m.out.Write(b)
	m.at += int64(n)
	m.err = err
}

// Close writes the page tree, the document information, the catalogue,
// the cross-reference table and the trailer, and flushes the output.
func (m *Merger) Close() error {
	if m.err != nil {
		return m.err
	}
	date, err := documentDate()
	if err != nil {
		return err
	}
	m.startObject(treeObject)
	m.write("<</Type /Pages\n/Kids [")
	for i, k := range m.kids {
		if i > 0 {
			m.write(" ")
		}
		m.write(strconv.Itoa(k) + " 0 R")
	}
	m.write("]\n/Count " + strconv.Itoa(len(m.kids)) + "\n" + m.mediaBox + "\n>>\nendobj\n")
	info := m.newObject()
	m.startObject(info)
	stamp := "(D:" + date.Format("20060102150405") + ")"
	m.write("<</Title " + textString(m.title) + " /Creator (raftsheet) /Producer (raftsheet) /CreationDate " + stamp + " /ModDate " + stamp + ">>\nendobj\n")
	catalog := m.newObject()
	m.startObject(catalog)
	m.write("<</Type /Catalog /Pages 1 0 R>>\nendobj\n")

	xref := m.at
	m.write("xref\n0 " + strconv.Itoa(len(m.offsets)+1) + "\n0000000000 65535 f \n")
	for _, o := range m.offsets {
		m.write(fmt.Sprintf("%010d 00000 n \n", o))
	}
	m.write(fmt.Sprintf("trailer\n<</Size %d /Root %d 0 R /Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(m.offsets)+1, catalog, info, xref))
	if m.err != nil {
		return m.err
	}
	return m.out.Flush()
}

// textString is s as a PDF text string: UTF-16 with a byte order mark,
// in hex.
func textString(s string) string {
	b := []byte("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b = fmt.Appendf(b, "%04X", u)
	}
	return string(append(b, '>'))
}
