package gofpdf

// raftsheet patch (see PATCHES.md): the operators a page is mostly made
// of — text, rectangles, lines — written without fmt, whose reflection
// was a tenth of a class set's time. strconv's 'f' format with two
// decimals is what fmt's %.2f writes (TestOperatorsAsFmtWroteThem).

import "strconv"

// appendF2 appends v as %.2f does.
func appendF2(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, v, 'f', 2, 64)
}

// appendF2s appends each number as %.2f, each followed by a space.
func appendF2s(b []byte, vs ...float64) []byte {
	for _, v := range vs {
		b = appendF2(b, v)
		b = append(b, ' ')
	}
	return b
}

// textOp is sprintf("BT %.2f %.2f Td (%s) Tj ET", x, y, txt).
func textOp(x, y float64, txt string) string {
	b := make([]byte, 0, len(txt)+32)
	b = append(b, "BT "...)
	b = appendF2s(b, x, y)
	b = append(b, "Td ("...)
	b = append(b, txt...)
	b = append(b, ") Tj ET"...)
	return string(b)
}

// rectOp appends sprintf("%.2f %.2f %.2f %.2f re %s", x, y, w, h, op).
func rectOp(b []byte, x, y, w, h float64, op string) []byte {
	b = appendF2s(b, x, y, w, h)
	b = append(b, "re "...)
	return append(b, op...)
}

// lineOp appends sprintf("%.2f %.2f m %.2f %.2f l S", x1, y1, x2, y2).
func lineOp(b []byte, x1, y1, x2, y2 float64) []byte {
	b = appendF2s(b, x1, y1)
	b = append(b, "m "...)
	b = appendF2s(b, x2, y2)
	return append(b, "l S"...)
}

// fontOp appends sprintf("BT /F%s %.2f Tf ET", id, size).
func fontOp(b []byte, id string, size float64) []byte {
	b = append(b, "BT /F"...)
	b = append(b, id...)
	b = append(b, ' ')
	b = appendF2(b, size)
	return append(b, " Tf ET"...)
}

// textFast writes Text's operator for UTF-8 text straight into the page:
// what textGeneral writes (TestTextFastIsGeneral), without the four
// strings it makes on the way (UTF-16, escaped, the operator, coloured)
// and the runes it copies. It declines (false) what it does not handle:
// a core font, right-to-left text, underline, strike-out, or no page.
func (f *Fpdf) textFast(x, y float64, txt string) bool {
	if !f.isCurrentUTF8 || f.isRTL || f.underline || f.strikeout || f.state != 2 {
		return false
	}
	buf := f.pages[f.page]
	b := buf.AvailableBuffer()
	if f.colorFlag {
		b = append(b, "q "...)
		b = append(b, f.color.text.str...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = appendF2s(b, x*f.k, (f.h-y)*f.k)
	b = append(b, "Td ("...)
	b = appendEscapedUTF16(b, txt)
	b = append(b, ") Tj ET"...)
	if f.colorFlag {
		b = append(b, " Q"...)
	}
	b = append(b, '\n')
	buf.Write(b)
	for _, r := range txt {
		f.currentFont.usedRunes[int(r)] = int(r)
	}
	return true
}

// appendEscapedUTF16 appends utf8toutf16(s, false) as escape escapes it:
// a backslash, a parenthesis or a carriage return among its bytes gets a
// backslash (the carriage return as \r). One pass does what escape's four
// replacements do, as none of them makes what a later one replaces.
func appendEscapedUTF16(b []byte, s string) []byte {
	// utf8toutf16's decoding, byte for byte.
	for i := 0; i < len(s); {
		c1 := s[i]
		i++
		switch {
		case c1 >= 224:
			c2, c3 := s[i], s[i+1]
			i += 2
			b = appendEscaped(b, ((c1&0x0F)<<4)+((c2&0x3C)>>2))
			b = appendEscaped(b, ((c2&0x03)<<6)+(c3&0x3F))
		case c1 >= 192:
			c2 := s[i]
			i++
			b = appendEscaped(b, (c1&0x1C)>>2)
			b = appendEscaped(b, ((c1&0x03)<<6)+(c2&0x3F))
		default:
			b = append(b, 0)
			b = appendEscaped(b, c1)
		}
	}
	return b
}

// appendEscaped appends byte c of a PDF string, escaped as escape does.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}
