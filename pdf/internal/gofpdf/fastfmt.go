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

// rectOp is sprintf("%.2f %.2f %.2f %.2f re %s", x, y, w, h, op).
func rectOp(x, y, w, h float64, op string) []byte {
	b := make([]byte, 0, 48)
	b = appendF2s(b, x, y, w, h)
	b = append(b, "re "...)
	return append(b, op...)
}

// lineOp is sprintf("%.2f %.2f m %.2f %.2f l S", x1, y1, x2, y2).
func lineOp(x1, y1, x2, y2 float64) []byte {
	b := make([]byte, 0, 48)
	b = appendF2s(b, x1, y1)
	b = append(b, "m "...)
	b = appendF2s(b, x2, y2)
	return append(b, "l S"...)
}
