// Package pdf draws laid-out documents (package page) as PDF, the only
// package that knows gofpdf. One layout is drawn twice: as the worksheet,
// where the answers' places stay blank, and as the key, where they print
// in the answer face and colour; everything else stands where it stands
// on the other. The Go fonts are embedded from bytes (subsets, parsed once
// per process by our copy of gofpdf, internal/gofpdf); the dates are
// fixed and the catalogue sorted, so the same layout always gives the
// same bytes.
//
// gofpdf holds a whole document in memory until it is written, so a
// class set's merged PDFs are not one gofpdf document: each student's
// part is drawn as a document of its own, and Merger concatenates the
// parts into one file as they come, keeping only where each object
// starts and which objects are pages.
package pdf

import (
	"fmt"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf/internal/gofpdf"
)

// PDF is a worksheet or key PDF being drawn: one gofpdf document, of one
// laid-out document or of several one after the other (each keeping its
// own "page x of y"). Not safe for concurrent use.
type PDF struct {
	pdf   *gofpdf.Fpdf
	m     *fonts.Measurer
	pen   pen
	key   bool
	paper page.Paper
}

// gofpdfSizes are gofpdf's names for the papers' sizes.
var gofpdfSizes = map[string]string{"a4": "A4", "letter": "Letter"}

// New starts a PDF titled title on paper: the worksheet, or the key.
func New(title string, paper page.Paper, key bool) (*PDF, error) {
	m, err := fonts.BorrowMeasurer()
	if err != nil {
		return nil, err
	}
	date, err := documentDate()
	if err != nil {
		return nil, err
	}
	pdf := gofpdf.New("P", "mm", gofpdfSizes[paper.Name], "")
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetTitle(title, true)
	pdf.SetCreator("raftsheet", true)
	faces := []fonts.Face{fonts.Regular, fonts.Bold}
	if key {
		faces = append(faces, fonts.Italic)
	}
	for _, f := range faces {
		// Our gofpdf parses each font once per process and never writes
		// into its bytes (internal/gofpdf/PATCHES.md); prepare gives it
		// the id we know.
		prepare(f)
		pdf.AddUTF8FontFromBytes(f.Family(), "", f.TTF())
	}
	return &PDF{pdf: pdf, m: m, key: key, paper: paper}, nil
}

// Add draws a document's pages after those already drawn.
func (p *PDF) Add(doc *page.Document) error {
	if doc.Paper.Name != p.paper.Name {
		return fmt.Errorf("cannot draw %s pages into a %s PDF", doc.Paper.Name, p.paper.Name)
	}
	pages := doc.Of(p.key)
	if err := beyondBMP(pages); err != nil {
		return err
	}
	for _, pg := range pages {
		p.pdf.AddPage()
		for _, b := range pg.Boxes {
			drawBox(p.pdf, &p.pen, b)
		}
		for _, t := range pg.Texts {
			drawText(p.pdf, &p.pen, p.m, t, p.key)
		}
	}
	return nil
}

// beyondBMP refuses text with a character above U+FFFF, which gofpdf
// cannot encode and panics on. The layout refuses such text first
// (worksheet.ErrUnprintable); this keeps a bug there from crashing.
func beyondBMP(pages []*page.Page) error {
	for i, pg := range pages {
		for _, t := range pg.Texts {
			for _, line := range t.Lines {
				for _, r := range line {
					for _, c := range r.S {
						if c > 0xFFFF {
							return fmt.Errorf("page %d: %q has the character U+%04X, which the PDFs cannot print (only the Basic Multilingual Plane)", i+1, r.S, c)
						}
					}
				}
			}
		}
	}
	return nil
}

// Bytes finishes the PDF.
func (p *PDF) Bytes() ([]byte, error) {
	fonts.ReturnMeasurer(p.m) // the drawing is done
	p.m = nil
	if err := p.pdf.Error(); err != nil {
		return nil, fmt.Errorf("drawing the PDF: %w", err)
	}
	b, err := p.pdf.OutputBytes()
	if err != nil {
		return nil, fmt.Errorf("writing the PDF: %w", err)
	}
	return b, nil
}
