// Package page is the layout model the sheets are made of, and its rules:
// pages of boxes and texts placed in millimetres (a Document), texts as
// lines of runs in one of the inks (printed on the worksheet, the key or
// both), how runs are measured and wrapped into lines, how blocks of rows
// flow down pages, and the checks every layout must pass before it is
// drawn: everything inside the printable area, every text fitting its box,
// every box to write in tall enough, every field id once.
package page

import (
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
)

// Rect is an area of a page in millimetres from the top left corner.
type Rect struct{ X, Y, W, H float64 }

// Right and Bottom are the far edges of r.
func (r Rect) Right() float64  { return r.X + r.W }
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Ink says in which of the two PDFs a piece of text is printed.
type Ink int

const (
	// Print is on both: labels and everything the worksheet gives.
	Print Ink = iota
	// Answer is on the key only, in the answer face and colour; on the
	// worksheet its place stays blank for the student.
	Answer
	// WorksheetOnly is on the worksheet only, such as the Name box's label.
	WorksheetOnly
	// KeyOnly is on the key only but printed as print, such as "ANSWER KEY".
	KeyOnly
	// Faint is on both, small and grey: a box's field id, there to find
	// the box by, not to read with the answers.
	Faint
)

// PrintedOn reports whether a run of the ink is printed on the key (key)
// or on the worksheet.
func (ink Ink) PrintedOn(key bool) bool {
	switch ink {
	case Answer, KeyOnly:
		return key
	case WorksheetOnly:
		return !key
	}
	return true
}

// Run is a piece of text drawn in one ink, possibly struck through (a
// value that held earlier and was replaced). Glue joins it to the run
// before it with no space between, and wrapping never separates them.
type Run struct {
	S      string
	Ink    Ink
	Strike bool
	Glue   bool
}

// Line is one line of runs, drawn left to right without gaps: spaces are
// runs of their own.
type Line []Run

// Align is the horizontal placement of lines in a text's box.
type Align int

const (
	Left Align = iota
	Center
	RightAlign
)

// Text is text laid out in a box: the lines are already wrapped (or the
// values abbreviated) to fit it, and the check verifies that they do.
type Text struct {
	R      Rect
	Lines  []Line
	Face   fonts.Face // face of Print runs; Answer runs use the Answer face
	Size   float64    // points
	LineH  float64    // millimetres from one line to the next
	Align  Align
	Middle bool    // centre the lines vertically; else from the top
	PadX   float64 // room kept free left and right
	PadY   float64 // room kept free above and below
}

// Stroke is how a box's outline is drawn.
type Stroke int

const (
	NoStroke Stroke = iota
	Thin
	Thick
	Dashed // a cut line
)

// Fill is a box's background.
type Fill int

const (
	NoFill Fill = iota
	Shade       // a cell with nothing to write: not asked, not applicable
	Header      // a header cell
	Band        // a heading band
	Bar         // a bar of a chart
	// Tones shade a figure's log entries by term, lightest first: grey
	// levels that stay apart in black and white, under a black number.
	Tone1
	Tone2
	Tone3
	Tone4
)

// Tones are the term shades, in order.
var Tones = []Fill{Tone1, Tone2, Tone3, Tone4}

// Box is a rectangle on a page. Write marks a box a student writes in;
// Free, one for free text (a name, the reasons under Why?), which has no
// field id and is not graded.
type Box struct {
	R      Rect
	Stroke Stroke
	Fill   Fill
	Write  bool
	Free   bool
}

// Page is one page of the layout: boxes first, then texts on top.
type Page struct {
	Section string // cover, state, slips, debrief, steps, notes
	Server  string // whose Raft State sheet it is, on those pages
	KeyOnly bool   // a page of the key alone (the teacher's notes), after all the others
	Boxes   []Box
	Texts   []Text
	Fields  []*field.Field // the boxes with a field id, in the order they were laid out
}

// Document is the laid-out worksheet and key: the same pages for both,
// and after them the key's own pages (KeyOnly), if any.
type Document struct {
	Title string
	Paper Paper
	Area  Rect // the printable area: the page inside its margins
	Pages []*Page
}

// AddBox adds a box to the page.
func (p *Page) AddBox(b Box) { p.Boxes = append(p.Boxes, b) }

// AddText adds a text to the page, on top of its boxes.
func (p *Page) AddText(t Text) { p.Texts = append(p.Texts, t) }

// Fields are every field of the document, page by page, in the order the
// sheets have them.
func (d *Document) Fields() []*field.Field {
	var out []*field.Field
	for _, p := range d.Pages {
		out = append(out, p.Fields...)
	}
	return out
}

// Of are the pages of one PDF: the worksheet's, or the key's (all).
func (d *Document) Of(key bool) []*Page {
	if key {
		return d.Pages
	}
	out := make([]*Page, 0, len(d.Pages))
	for _, p := range d.Pages {
		if !p.KeyOnly {
			out = append(out, p)
		}
	}
	return out
}
