package pdf

import (
	"strconv"
	"strings"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// Colours, as RGB.
var (
	answerColour = [3]int{16, 58, 170}   // dark blue: reads apart in colour, prints dark in grey
	faintColour  = [3]int{105, 105, 105} // field ids: legible, yet quieter than anything written
	lineColour   = [3]int{60, 60, 60}
	fillColours  = map[page.Fill][3]int{page.Shade: {222, 222, 222}, page.Header: {240, 240, 240}, page.Band: {232, 236, 244}, page.Bar: {110, 130, 175}}
)

// ptPerMM converts millimetres, the layout's unit, to points, the PDF's.
const ptPerMM = 72 / 25.4

// canvas writes one page's content stream: boxes, lines and text in PDF
// operators, remembering the graphics state so that each colour, width
// and font is set only when it changes (a page has hundreds of field ids).
type canvas struct {
	b      []byte
	height float64 // of the page in mm: PDF measures y from the bottom
	used   *glyphSet

	fill, stroke                          [3]int
	width                                 float64
	dashed                                bool
	face                                  fonts.Face
	size                                  float64
	fillSet, strokeSet, widthSet, fontSet bool
}

func (c *canvas) num(v float64) {
	c.b = strconv.AppendFloat(c.b, v, 'f', 2, 64)
	c.b = append(c.b, ' ')
}

func (c *canvas) op(s string) { c.b = append(c.b, s...); c.b = append(c.b, '\n') }

func (c *canvas) colour(rgb [3]int, stroke bool) {
	cur, set := &c.fill, &c.fillSet
	if stroke {
		cur, set = &c.stroke, &c.strokeSet
	}
	if *set && *cur == rgb {
		return
	}
	*cur, *set = rgb, true
	for _, v := range rgb {
		c.b = strconv.AppendFloat(c.b, float64(v)/255, 'f', 3, 64)
		c.b = append(c.b, ' ')
	}
	if stroke {
		c.op("RG")
	} else {
		c.op("rg")
	}
}

func (c *canvas) lineWidth(mm float64) {
	if c.widthSet && c.width == mm {
		return
	}
	c.width, c.widthSet = mm, true
	c.num(mm * ptPerMM)
	c.op("w")
}

func (c *canvas) dash(on bool) {
	if c.dashed == on {
		return
	}
	c.dashed = on
	if on {
		c.op("[" + strconv.FormatFloat(2*ptPerMM, 'f', 2, 64) + " " + strconv.FormatFloat(1.5*ptPerMM, 'f', 2, 64) + "] 0 d")
	} else {
		c.op("[] 0 d")
	}
}

// rect is a rectangle in mm from the page's top left: op f fills it, S
// strokes it.
func (c *canvas) rect(r page.Rect, op string) {
	c.num(r.X * ptPerMM)
	c.num((c.height - r.Y) * ptPerMM)
	c.num(r.W * ptPerMM)
	c.num(-r.H * ptPerMM)
	c.op("re " + op)
}

func (c *canvas) line(x1, y1, x2, y2 float64) {
	c.num(x1 * ptPerMM)
	c.num((c.height - y1) * ptPerMM)
	c.b = append(c.b, "m "...)
	c.num(x2 * ptPerMM)
	c.num((c.height - y2) * ptPerMM)
	c.op("l S")
}

// text draws s with its baseline starting at x, y, in the font's own
// glyph numbers (the fonts are embedded as Identity-H CID fonts).
func (c *canvas) text(face fonts.Face, size, x, y float64, s string, t *ttf) {
	c.b = append(c.b, "BT "...)
	if !c.fontSet || c.face != face || c.size != size {
		c.face, c.size, c.fontSet = face, size, true
		c.b = append(c.b, fontName(face)...)
		c.b = append(c.b, ' ')
		c.num(size)
		c.b = append(c.b, "Tf "...)
	}
	c.num(x * ptPerMM)
	c.num((c.height - y) * ptPerMM)
	c.b = append(c.b, "Td <"...)
	const hex = "0123456789ABCDEF"
	for _, r := range s {
		g := t.glyph(r)
		c.used.add(face, g, r)
		c.b = append(c.b, hex[g>>12], hex[g>>8&15], hex[g>>4&15], hex[g&15])
	}
	c.op("> Tj ET")
}

// fontName is a face's resource name in every PDF.
func fontName(f fonts.Face) string { return "/F" + strconv.Itoa(int(f)) }

func (c *canvas) drawBox(b page.Box) {
	r := b.R
	if rgb, ok := fillColours[b.Fill]; ok {
		c.colour(rgb, false)
		c.rect(r, "f")
	}
	if b.Stroke == page.NoStroke {
		return
	}
	c.colour(lineColour, true)
	switch b.Stroke {
	case page.Thick:
		c.lineWidth(0.45)
	case page.Dashed:
		c.lineWidth(0.25)
	default:
		c.lineWidth(0.2)
	}
	c.dash(b.Stroke == page.Dashed)
	if r.H == 0 {
		c.line(r.X, r.Y, r.Right(), r.Y)
	} else {
		c.rect(r, "S")
	}
}

// drawText draws a text's lines; runs not printed on this PDF keep their
// room, so everything else stands where it stands on the other PDF.
func (c *canvas) drawText(m *fonts.Measurer, t page.Text, key bool) error {
	top := t.R.Y + t.PadY
	if t.Middle {
		top = t.R.Y + (t.R.H-float64(len(t.Lines))*t.LineH)/2
	}
	sizeMM := t.Size * fonts.MMPerPt
	for i, line := range t.Lines {
		baseline := top + float64(i)*t.LineH + t.LineH/2 + 0.34*sizeMM
		x := t.R.X + t.PadX
		if t.Align != page.Left {
			free := t.R.W - 2*t.PadX - page.LineWidth(m, line, t.Face, t.Size)
			if t.Align == page.Center {
				free /= 2
			}
			x += free
		}
		for _, seg := range segments(line, t.Face, key) {
			w := m.Width(seg.face, t.Size, seg.s)
			if seg.ink.PrintedOn(key) && strings.TrimSpace(seg.s) != "" {
				if err := c.drawSegment(seg, x, baseline, w, t.Size); err != nil {
					return err
				}
			}
			x += w
		}
	}
	return nil
}

// segment is runs drawn in one go: same face, same ink, not struck.
type segment struct {
	s      string
	face   fonts.Face
	ink    page.Ink
	strike bool
}

// segments joins a line's runs into as few pieces as can be drawn each
// with one call (the PDF is smaller and quicker to make). Spaces are drawn
// too, so that text extraction and copying see the words apart; a space
// after a struck run starts the next segment, so the strike stops short
// of it. A given value is struck only on the key: that it is replaced
// later is an answer, which the worksheet must not give away.
func segments(line page.Line, base fonts.Face, key bool) []segment {
	var out []segment
	for _, r := range line {
		r.Strike = r.Strike && key
		face := page.FaceOf(r, base)
		if n := len(out); n > 0 && !r.Strike && !out[n-1].strike && out[n-1].face == face &&
			(out[n-1].ink == r.Ink || r.S == " ") {
			out[n-1].s += r.S
			continue
		}
		if n := len(out); n > 0 && out[n-1].s == " " && !r.Strike && out[n-1].face == face {
			out[n-1].s += r.S // a space that began a segment takes the run after it
			out[n-1].ink = r.Ink
			continue
		}
		out = append(out, segment{s: r.S, face: face, ink: r.Ink, strike: r.Strike})
	}
	return out
}

func (c *canvas) drawSegment(seg segment, x, baseline, w, size float64) error {
	colour := [3]int{0, 0, 0}
	switch seg.ink {
	case page.Answer, page.KeyOnly:
		colour = answerColour
	case page.Faint:
		colour = faintColour
	}
	t, err := fontOf(seg.face)
	if err != nil {
		return err
	}
	c.colour(colour, false)
	c.text(seg.face, size, x, baseline, seg.s, t)
	if seg.strike {
		c.colour(colour, true)
		c.lineWidth(0.3)
		c.dash(false)
		y := baseline - 0.3*size*fonts.MMPerPt
		c.line(x-0.3, y, x+w+0.3, y)
	}
	return nil
}
