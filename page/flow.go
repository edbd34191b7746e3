package page

import "fmt"

// Flow places blocks of rows down the pages of a document, between the
// header and the footer, starting a new page whenever the next row would
// not fit.
type Flow struct {
	Doc     *Document
	Body    Rect      // the area between header and footer
	Page    *Page     // the page being filled
	Section string    // the section it belongs to: cover, state, slips, debrief, steps
	Y       float64   // how far down the page the flow is
	TooTall []TooTall // rows taller than a page: the template's sizes leave too little room
	KeyOnly bool      // pages started while it is set are the key's alone (Page.KeyOnly)
	// Measure places rows without drawing them: a scratch layout that
	// asks only where things end. It keeps WriteRows instead of the boxes.
	Measure   bool
	WriteRows []RowAt // rows holding boxes to write in, when measuring
}

// RowAt is where a row was placed: how far down its page, and how tall
// it is.
type RowAt struct{ Y, H float64 }

// TooTall is a row taller than a page: on which page (counted from 1) of
// which section, how tall it is and how tall a page's body is, in mm.
type TooTall struct {
	Page       int
	Section    string
	Need, Have float64
}

func (t TooTall) String() string {
	return fmt.Sprintf("page %d (%s) needs a part %.0f mm tall, but a page has %.0f mm", t.Page, t.Section, t.Need, t.Have)
}

// Row is a horizontal strip of a page: its height and how to draw it at y.
// KeepNext keeps it on the page of the row after it (a heading, say).
type Row struct {
	H        float64
	Draw     func(p *Page, y float64)
	KeepNext bool
	Gap      bool // empty space (Gap): at the end of a block it never starts a page
	Writes   bool // it holds boxes to write in, as tall as the row (Flow.WriteRows)
}

// Block is rows placed one under the other. Keep asks to start a new page
// rather than split it, when it fits on one; Repeat gives the rows that
// head each page it continues on (a table's header, say).
type Block struct {
	Rows   []Row
	Keep   bool
	Repeat func() []Row
}

// Height is the height of the block's rows.
func (b Block) Height() float64 {
	h := 0.0
	for _, r := range b.Rows {
		h += r.H
	}
	return h
}

// StartPage begins a new page of the current section.
func (l *Flow) StartPage(section string) {
	server := ""
	if l.Page != nil && l.Page.Section == section {
		server = l.Page.Server // a sheet that runs on
	}
	l.Section = section
	l.Page = &Page{Section: section, Server: server, KeyOnly: l.KeyOnly}
	l.Doc.Pages = append(l.Doc.Pages, l.Page)
	l.Y = l.Body.Y
}

// Room is the height left on the page.
func (l *Flow) Room() float64 { return l.Body.Bottom() - l.Y }

// Place puts a block on the pages, starting new ones as it needs.
func (l *Flow) Place(b Block) {
	if b.Keep && b.Height() > l.Room()+Eps && b.Height() <= l.Body.H {
		l.StartPage(l.Section)
	}
	for i, r := range b.Rows {
		need := r.H // with the rows it keeps with, a chain of them
		for j := i; b.Rows[j].KeepNext && j+1 < len(b.Rows); j++ {
			need += b.Rows[j+1].H
		}
		need = min(need, l.Body.H)
		if r.Gap && i == len(b.Rows)-1 && need > l.Room()+Eps {
			l.Y = l.Body.Bottom() // a gap after the last row: the page is full
			continue
		}
		if need > l.Room()+Eps && l.Y > l.Body.Y+Eps {
			l.StartPage(l.Section)
			if b.Repeat != nil {
				for _, hr := range b.Repeat() {
					l.Put(hr, l.Y)
					l.Y += hr.H
				}
			}
		}
		if r.H > l.Body.H+Eps {
			l.TooTall = append(l.TooTall, TooTall{Page: len(l.Doc.Pages), Section: l.Section, Need: r.H, Have: l.Body.H})
		}
		l.Put(r, l.Y)
		l.Y += r.H
	}
}

// Put draws r at y on the page being filled, or only notes where it
// went when measuring. Place puts rows with it; a layout that sets rows
// side by side itself (table columns) puts them with it too.
func (l *Flow) Put(r Row, y float64) {
	if !l.Measure {
		r.Draw(l.Page, y)
		return
	}
	if r.Writes {
		l.WriteRows = append(l.WriteRows, RowAt{Y: y, H: r.H})
	}
}

// Space leaves a gap, unless at the top of a page.
func (l *Flow) Space(h float64) {
	if l.Y > l.Body.Y+Eps {
		l.Y = min(l.Y+h, l.Body.Bottom())
	}
}

// Eps absorbs floating-point rounding when rows are placed, in mm.
const Eps = 1e-6

// Gap is empty space; it stays with what follows it.
func Gap(h float64) Row { return Row{H: h, KeepNext: true, Gap: true, Draw: func(*Page, float64) {}} }
