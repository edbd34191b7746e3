// Package fonts is the sheets' type faces (the Go fonts, embedded) and
// their measures: how wide a text prints in each face, exactly as gofpdf
// computes it, and which characters the faces cannot print. The layout
// measures with it and never needs a PDF to know what fits.
package fonts

import (
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomediumitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// Face is a type face of the sheets.
type Face int

const (
	// Regular is the print: labels, given values, running text.
	Regular Face = iota
	// Bold is for headings and slip numbers.
	Bold
	// Italic is the key's face for answers: an italic, so the answers
	// read apart from the print even in black and white.
	Italic
	NumFaces // how many faces there are
)

// Family is the name a face is registered under in a PDF.
func (f Face) Family() string {
	return [...]string{"goregular", "gobold", "gomediumitalic"}[f]
}

// TTF is the face's TrueType font, shared: nobody may write into it (the
// gofpdf raftsheet carries never does).
func (f Face) TTF() []byte {
	switch f {
	case Bold:
		return gobold.TTF
	case Italic:
		return gomediumitalic.TTF
	}
	return goregular.TTF
}
