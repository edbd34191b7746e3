package fonts

import (
	"fmt"
	"unicode"
)

// Unprintable says why s cannot be printed, or "" if it can: gofpdf
// handles only the Basic Multilingual Plane, control characters have no
// glyph (but for line breaks and tabs in multiline text), and the faces
// have glyphs for Latin, Greek, Cyrillic and common symbols.
func (m *Measurer) Unprintable(s string, multiline bool) string {
	for _, r := range s {
		switch {
		case r > 0xFFFF:
			return fmt.Sprintf("has the character %q (U+%04X), which the PDF fonts cannot print (only the Basic Multilingual Plane)", r, r)
		case unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t')):
			return fmt.Sprintf("has the control character U+%04X, which cannot be printed", r)
		case unicode.IsControl(r) || r == ' ':
		default:
			for f := Face(0); f < NumFaces; f++ {
				if m.runeWidth(f, r) < 0 {
					return fmt.Sprintf("has the character %q (U+%04X), which the sheets' Go fonts have no glyph for", r, r)
				}
			}
		}
	}
	return ""
}

// Unprintable says why the sheets cannot print s (a character the fonts
// have no glyph for), or "" if they can.
func Unprintable(s string) string {
	m, err := NewMeasurer()
	if err != nil {
		return err.Error()
	}
	return m.Unprintable(s, false)
}
